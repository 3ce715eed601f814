"""The headless Chromium every browser test launches: where it is, its flags, when to skip."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@contextmanager
def chromium_context(profile: Path) -> Iterator[Any]:
    """A Playwright browser context on Debian's Chromium, with a fresh profile folder."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()
