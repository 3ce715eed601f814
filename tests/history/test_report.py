"""The history parts of the report: a goal page's charts and a closed cycle's retrospective."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import FIXTURES, Journal

from goalkit.goalset import GoalSet
from goalkit.history import read_history
from goalkit.history.retrospective import closed_cycles, retrospective
from goalkit.loading import load_documents
from goalkit.report import ReportOptions, plan_report, write_report
from goalkit.report.history_charts import goal_history
from goalkit.report.lint import LintOutcome
from goalkit.report.pages import BuildInputs
from goalkit.report.render import make_environment

TODAY = dt.date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"


def _quarters(journal: Journal) -> dict[str, str]:
    """Q3 written in July, its KR1 confidence lowered in August, graded; then Q4 planned."""
    shas = {}
    q3 = (FIXTURES / "q3.md").read_text(encoding="utf-8")
    planned = q3.replace("{current: $12.6k, score: 0.9, confidence: 8}", "{confidence: 9}")
    journal.write("okrs/2026-Q3.md", planned)
    shas["plan"] = journal.commit("Plan Q3", "2026-07-01")
    journal.write("okrs/2026-Q3.md", planned.replace("confidence: 9", "confidence: 6"))
    shas["doubt"] = journal.commit("Revenue slips", "2026-08-20")
    journal.write("okrs/2026-Q3.md", q3)
    shas["grade"] = journal.commit("Grade Q3", "2026-10-02")
    shutil.copy(FIXTURES / "q4.md", journal.root / "okrs" / "2026-Q4.md")
    shas["q4"] = journal.commit("Plan Q4", "2026-10-02")
    return shas


def _inputs(journal: Journal) -> BuildInputs:
    from goalkit.report.context import build_site

    documents = load_documents([journal.root / "okrs"])
    history = read_history([d.path for d in documents])
    site = build_site(documents, TODAY, LintOutcome(), "Goals", None)
    return BuildInputs(site, tuple(documents), TODAY, history)


def test_retrospective_data(journal: Journal) -> None:
    shas = _quarters(journal)
    inputs = _inputs(journal)
    goal_set = GoalSet(inputs.documents)
    (q3,) = closed_cycles(goal_set, TODAY)
    retro = retrospective(q3, goal_set, inputs.history, TODAY)
    assert retro.next_cycle is not None and retro.next_cycle.label == "2026-Q4"
    assert [(o.objective.id, o.score, o.committed) for o in retro.objectives] == [
        ("O1", 0.95, True),
        ("O2", 0.75, False),
    ]
    assert (retro.average(True), retro.average(False), retro.committed_met) == (0.95, 0.75, 0)
    assert [
        (str(r.date), r.subject, r.confidence, r.final, r.source) for r in retro.calibration
    ] == [
        ("2026-07-01", "O1.KR1", 9.0, 0.9, shas["plan"]),
        ("2026-08-14", "whole file", 5.0, 0.85, "check-in"),
        ("2026-08-20", "O1.KR1", 6.0, 0.9, shas["doubt"]),
        ("2026-09-30", "O1.KR1", 7.0, 0.9, "check-in"),
        ("2026-09-30", "O2.KR2", 7.0, 0.5, "check-in"),
    ]
    assert [
        (c.objective.id, c.key_result.id, c.next_objective.id, c.next_key_result.id)
        for c in retro.carried
    ] == [("O2", "KR1", "O1", "KR1"), ("O2", "KR2", "O1", "KR2")]


def test_retrospective_page(journal: Journal, tmp_path: Path) -> None:
    _quarters(journal)
    documents = load_documents([journal.root / "okrs"])
    options = ReportOptions(
        output=tmp_path / "site",
        today=TODAY,
        history=read_history([d.path for d in documents]),
    )
    write_report(plan_report(documents, LintOutcome(), options), options)
    page = BeautifulSoup(
        (tmp_path / "site" / "retrospectives" / "2026-q3.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert page.h1.get_text() == "Retrospective of 2026-Q3"
    kinds = [[c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
             for row in page.select("table.retro-kinds tbody tr")]  # fmt: skip
    assert kinds == [
        ["Committed", "1", "0.95", "1.0 (0 of 1 met)"],
        ["Aspirational", "1", "0.75", "0.6–0.7"],
    ]
    calibration = [[c.get_text(strip=True) for c in row.find_all(["th", "td"])]
                   for row in page.select("table.calibration tbody tr")]  # fmt: skip
    assert calibration[1] == [
        "2026-08-14", "Freelance OKRs, Q3 2026", "whole file", "5/10", "0.85", "+0.35", "check-in",
    ]  # fmt: skip
    summary = page.select_one("#calibration-heading").find_next("p").get_text(" ", strip=True)
    assert "under-confident" in summary
    carried = [li.get_text(" ", strip=True) for li in page.select("ul.carried li")]
    assert carried[0].startswith("O2.KR1 “Grow newsletter subscribers from 800 to 1,200” → ")
    assert "O1.KR1 “Grow newsletter subscribers from 1,200 to 2,000”" in carried[0]
    link = page.select_one("ul.carried a")
    assert link is not None and link["href"] == "../goals/okrs-2026-q4.html"


def test_goal_history_partial(journal: Journal, story: dict[str, str]) -> None:
    from goalkit.report.context import build_site

    documents = load_documents([journal.root / "okrs"])
    history = read_history([d.path for d in documents])
    site = build_site(documents, dt.date(2026, 11, 10), LintOutcome(), "Goals", None)
    inputs = BuildInputs(site, tuple(documents), dt.date(2026, 11, 10), history)
    section = goal_history(inputs, site.goals[0])
    assert section is not None
    assert section.summary == (
        "From 8 commits between 2026-09-28 and 2026-11-02, and the file's check-ins."
    )
    template = make_environment().from_string(
        '{% from "history.html" import progress_history %}{{ progress_history(history) }}'
    )
    html = BeautifulSoup(template.render(history=section), "html.parser")
    figures = html.select("figure.history-figure")
    assert [f.figcaption.contents[0].strip() for f in figures] == [
        "O1 Grow an engaged audience",
        "O1.KR1 Grow newsletter subscribers from 1,200 to 1,800",
        "O1.KR2 Publish 6 long-form case studies",
        "O1.KR3 Launch a referral programme",
    ]
    kr1 = figures[1]
    assert kr1.select_one(".note").get_text() == (
        "Forecast for 2026-12-31: 2,241, scoring 1.00 (on track), from the pace of 5 values "
        "since 2026-10-05."
    )
    svg = ET.fromstring(str(kr1.svg))
    assert svg.find(f"{SVG}line[@class='forecast']") is not None
    rows = kr1.select("details table tbody tr")
    assert len(rows) == 6 and rows[0].td.get_text() == "1,200"
    assert figures[0].details is None  # the objective chart has no table of its own


def test_report_cli_history_switch(journal: Journal, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from goalkit.cli import main

    _quarters(journal)
    built = {}
    for flag in ("--history", "--no-history"):
        output = tmp_path / flag.strip("-")
        arguments = ["report", str(journal.root / "okrs"), "-o", str(output), "--today",
                     "2026-11-20", flag]  # fmt: skip
        result = CliRunner().invoke(main, arguments, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        built[flag] = BeautifulSoup(
            (output / "goals" / "okrs-2026-q4.html").read_text(encoding="utf-8"), "html.parser"
        )
        cycle = BeautifulSoup(
            (output / "cycles" / "2026-q3.html").read_text(encoding="utf-8"), "html.parser"
        )
        link = cycle.select_one('a[href$="retrospectives/2026-q3.html"]')
        assert link is not None and (output / "retrospectives" / "2026-q3.html").is_file()
    assert built["--history"].select_one("#history-heading") is not None
    assert built["--no-history"].select_one("#history-heading") is None
