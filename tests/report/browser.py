"""The headless Chromium every browser test launches: where it is, its flags, when to skip."""

from __future__ import annotations

import shutil
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine's network is closed: without these, Chromium's background connections are
    # refused many at a time.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def browser_skip_reason() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).is_file():
        return "no Chromium at /usr/bin/chromium (Debian's `chromium` package; .ci/run installs it)"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError:
        return "playwright and axe-playwright-python are not installed (pip install -e '.[test]')"
    return None
