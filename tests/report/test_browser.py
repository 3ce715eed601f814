"""The built site in a real headless Chromium: pages render, links resolve, no goal script runs,
no request leaves the site, and axe-core finds no serious or critical accessibility violation.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.report.browser import browser_skip_reason, chromium_context
from tests.report.helpers import FIXTURES, SAMPLE_GOALS, build

pytestmark = pytest.mark.browser

GOAL_PAGE = "goals/freelance-2026-q4-okrs.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = browser_skip_reason()
    if reason:
        pytest.skip(reason)
    output = tmp_path_factory.mktemp("browser") / "site"
    result = build(SAMPLE_GOALS, FIXTURES / "hostile", "-o", output)
    assert result.exit_code == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def browser_context(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium_context(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


class PageWatch:
    """What a page did while loading: requests, dialogs and script errors."""

    def __init__(self, page: object) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def test_every_page_renders_without_running_goal_script(site: Path, browser_context) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 20
    for path in pages:
        page = browser_context.new_page()
        watch = PageWatch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("h1").count() == 1, path
        assert page.locator("h1").inner_text().strip(), path
        assert page.evaluate("document.styleSheets.length") == 1, path
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(255, 255, 255)", path
        assert watch.dialogs == [], path
        assert watch.errors == [], path
        assert all(urlsplit(url).scheme == "file" for url in watch.requests), watch.requests
        page.close()


def test_every_internal_link_resolves_in_the_browser(site: Path, browser_context) -> None:
    ids: dict[str, set[str]] = {}

    def ids_of(url: str) -> set[str]:
        if url not in ids:
            probe = browser_context.new_page()
            probe.goto(url)
            ids[url] = set(probe.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
            probe.close()
        return ids[url]

    checked = 0
    for path in sorted(site.rglob("*.html")):
        page = browser_context.new_page()
        page.goto(path.as_uri())
        links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        page.close()
        for url in links:
            parts = urlsplit(url)
            if parts.scheme != "file":
                continue
            target = Path(parts.path)
            assert target.is_file(), f"{path.relative_to(site)} → {url}"
            assert site in target.parents, f"{url} leaves the site"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in ids_of(url.split("#")[0]), url
            checked += 1
    assert checked > 100


def test_overview_screenshot(site: Path, browser_context, tmp_path: Path) -> None:
    page = browser_context.new_page()
    page.goto((site / "index.html").as_uri())
    screenshot = tmp_path / "overview.png"
    page.screenshot(path=str(screenshot), full_page=True)
    data = screenshot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1280
    assert height > 1500
    assert len(data) > 50_000
    page.close()


@pytest.mark.parametrize(
    ("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)], ids=str
)
@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        GOAL_PAGE,
        "goals/freelance-weekly-certification.html",
        "goals/evil.html",
        "findings.html",
        "alignment.html",
        "cycles/2026-q4.html",
        "owners/maya-lindqvist.html",
    ],
)
def test_no_serious_accessibility_violations(
    site: Path, browser_context, path: str, scheme: str, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto((site / path).as_uri())
    results = Axe().run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert results.response["passes"]
    page.close()
