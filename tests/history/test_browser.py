"""The history pages in a real headless Chromium: charts are drawn, axe finds nothing serious."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, Journal

from goalkit.history import read_history
from goalkit.loading import load_documents
from goalkit.report import ReportOptions, plan_report, write_report
from goalkit.report.lint import LintOutcome
from tests.report.browser import browser_skip_reason, chromium_context

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = browser_skip_reason()
    if reason:
        pytest.skip(reason)
    journal = Journal(tmp_path_factory.mktemp("journal") / "goals")
    q3 = (FIXTURES / "q3.md").read_text(encoding="utf-8")
    journal.write("okrs/2026-Q3.md", q3.replace("confidence: 8", "confidence: 9"))
    journal.commit("Plan Q3", "2026-07-01")
    journal.write("okrs/2026-Q3.md", q3)
    journal.commit("Grade Q3", "2026-10-02")
    q4 = (FIXTURES / "q4.md").read_text(encoding="utf-8")
    for day, value in (("2026-10-02", 1200), ("2026-10-16", 1300), ("2026-10-30", 1390)):
        journal.write("okrs/2026-Q4.md", q4.replace("current: 1450", f"current: {value}"))
        journal.commit(f"Newsletter at {value}", day)
    documents = load_documents([journal.root / "okrs"])
    output = tmp_path_factory.mktemp("site") / "site"
    options = ReportOptions(
        output=output,
        today=TODAY,
        history=read_history([d.path for d in documents]),
    )
    write_report(plan_report(documents, LintOutcome(), options), options)
    return output


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium_context(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


def test_retrospective_page_renders(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "retrospectives" / "2026-q3.html").as_uri())
    assert page.locator("h1").inner_text() == "Retrospective of 2026-Q3"
    assert page.locator("table.calibration tbody tr").count() == 4
    assert page.locator("ul.carried li").count() == 2
    assert errors == []
    page.close()


def test_goal_page_charts_are_drawn(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto((site / "goals" / "okrs-2026-q4.html").as_uri())
    charts = page.locator("svg.history-chart")
    assert charts.count() == 4  # O1, then KR1, KR2, KR3
    box = charts.nth(1).bounding_box()
    assert box is not None and box["width"] >= 300 and box["height"] >= 120
    line = page.locator("#o1-kr1-history polyline.actual")
    assert line.evaluate("l => l.getTotalLength()") > 50
    stroke = line.evaluate("l => getComputedStyle(l).stroke")
    assert stroke == "rgb(11, 87, 208)"  # var(--link), from the stylesheet
    forecast = page.locator("#o1-kr1-history line.forecast")
    assert forecast.evaluate("l => getComputedStyle(l).strokeDasharray") == "5px, 4px"
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["retrospectives/2026-q3.html", "goals/okrs-2026-q4.html"])
def test_no_serious_accessibility_violations(site: Path, browser, scheme: str, path: str) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
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
    page.close()
