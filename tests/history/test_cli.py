"""`goalkit history`: the whole output for a real journal, in text and JSON, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import Journal

from goalkit.cli import main


def _goalkit(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goalkit", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_text_output(journal: Journal, story: dict[str, str]) -> None:
    result = _goalkit(journal.root, "history", "okrs/2026-Q4.md", "--today", "2026-11-10")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "\n".join([
        "okrs/2026-Q4.md — Newsletter OKRs · 2026-Q4 (2026-10-01 → 2026-12-31)",
        "git: 8 commits, 2026-09-28 → 2026-11-02, formerly okrs/current.md",
        "",
        "O1 Grow an engaged audience",
        "  KR1 Grow newsletter subscribers from 1,200 to 1,800",
        f"    2026-09-28       1,200  0.00  {story['plan']}       confidence 7",
        f"    2026-10-05       1,300  0.12  {story['week1']}       confidence 7",
        f"    2026-10-12       1,350  0.19  {story['rename']}       confidence 7",
        f"    2026-10-20       1,500  0.38  {story['branch']}       confidence 7",
        "    2026-11-01       1,580  0.47  check-in      confidence 6",
        f"    2026-11-02       1,600  0.67  {story['restore']}       confidence 7",
        "    forecast 2026-12-31: 2,241 → score 1.00, on track "
        "(+10.86/day over 5 points since 2026-10-05)",
        "  KR2 Publish 6 long-form case studies",
        f"    2026-09-28           0  0.00  {story['plan']}",
        f"    2026-10-05           1  0.17  {story['week1']}",
        f"    2026-11-02           2  0.33  {story['restore']}",
        "    forecast 2026-12-31: 5 → score 0.84, at risk "
        "(+0.05/day over 3 points since 2026-09-28)",
        "  KR3 Launch a referral programme",
        f"    2026-09-28         [ ]  0.00  {story['plan']}",
        f"    2026-10-22         [x]  1.00  {story['referral']}",
        "    no forecast: a checkbox is done or not",
        "",
    ])  # fmt: skip


def test_today_in_the_past_shows_the_journal_as_it_stood(
    journal: Journal, story: dict[str, str]
) -> None:
    result = _goalkit(journal.root, "history", "okrs/2026-Q4.md", "--today", "2026-10-06")
    lines = result.stdout.splitlines()
    assert lines[1] == "git: 2 commits, 2026-09-28 → 2026-10-05 (6 after 2026-10-06, left out)"
    assert lines[4:8] == [
        "  KR1 Grow newsletter subscribers from 1,200 to 1,800",
        f"    2026-09-28       1,200  0.00  {story['plan']}       confidence 7",
        f"    2026-10-05       1,300  0.12  {story['week1']}       confidence 7",
        "    no forecast: needs 3 dated values, has 2",
    ]


def test_json_output(journal: Journal, story: dict[str, str]) -> None:
    result = _goalkit(
        journal.root, "history", "okrs/2026-Q4.md", "--today", "2026-11-10", "--format", "json"
    )
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert (data["path"], data["id"], data["end"]) == (
        "okrs/2026-Q4.md",
        "okrs/2026-Q4",
        "2026-12-31",
    )
    assert [(v["date"], v["path"], v["deleted"], v["merge"]) for v in data["versions"]] == [
        ("2026-09-28", "okrs/current.md", False, False),
        ("2026-10-05", "okrs/current.md", False, False),
        ("2026-10-12", "okrs/2026-Q4.md", False, False),
        ("2026-10-20", "okrs/2026-Q4.md", False, False),
        ("2026-10-22", "okrs/2026-Q4.md", False, False),
        ("2026-10-25", "okrs/2026-Q4.md", False, True),
        ("2026-10-30", "okrs/2026-Q4.md", True, False),
        ("2026-11-02", "okrs/2026-Q4.md", False, False),
    ]
    first = data["timelines"][0]
    assert (first["key"], first["line"]) == ("O1.KR1", 12)
    assert first["points"][4] == {
        "date": "2026-11-01", "source": "check-in", "commit": None, "current": 1580.0,
        "score": None, "checked": None, "confidence": 6.0, "target": 2000.0,
        "baseline": 1200.0, "progress": 0.475, "status": "active",
    }  # fmt: skip
    assert first["points"][5]["commit"].startswith(story["restore"])
    forecast = first["forecast"]
    assert (forecast["status"], forecast["points_used"], forecast["since"]) == (
        "on track",
        5,
        "2026-10-05",
    )
    assert data["timelines"][2]["forecast"] is None
    assert data["timelines"][2]["no_forecast"] == "a checkbox is done or not"


def test_outside_git_notes_once_and_shows_check_ins(tmp_path: Path, newsletter: str) -> None:
    (tmp_path / "okrs.md").write_text(
        newsletter + "\n- 2026-10-10: KR1: 1250\n- 2026-10-20: KR1: 1300\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["history", str(tmp_path / "okrs.md"), "--today", "2026-10-21"]
    )
    assert result.exit_code == 0
    assert result.stderr == (
        "goalkit: note: no history for 1 file outside a git work tree: "
        f"{(tmp_path / 'okrs.md').as_posix()}\n"
    )
    assert result.stdout.splitlines()[1:7] == [
        "no git history",
        "",
        "O1 Grow an engaged audience",
        "  KR1 Grow newsletter subscribers from 1,200 to 2,000",
        "    2026-10-10       1,250  0.06  check-in      confidence 7",
        "    2026-10-20       1,300  0.12  check-in      confidence 7",
    ]


def test_missing_file_is_an_error_with_its_path(tmp_path: Path) -> None:
    result = _goalkit(tmp_path, "history", "missing.md")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "missing.md:1:1: error: no such file\n"


def test_status_forecasts(journal: Journal, story: dict[str, str]) -> None:
    import datetime as dt

    from goalkit.history import read_history
    from goalkit.history.view import forecast_label, status_forecasts
    from goalkit.parse import parse_file

    path = journal.root / "okrs" / "2026-Q4.md"
    document = parse_file(path, "okrs/2026-Q4")
    forecasts = status_forecasts([document], read_history([path]), dt.date(2026, 11, 10))
    assert {key: forecast_label(f) for (_, key), f in forecasts.items()} == {
        "O1.KR1": "forecast 1.00 on track",
        "O1.KR2": "forecast 0.84 at risk",
    }
    assert status_forecasts([document], read_history([path]), dt.date(2027, 1, 5)) == {}


def test_status_shows_forecasts_from_history(journal: Journal, story: dict[str, str]) -> None:
    arguments = ["status", "okrs", "--today", "2026-11-10", "--no-color"]
    with_history = _goalkit(journal.root, *arguments)
    assert (with_history.returncode, with_history.stderr) == (0, "")
    assert with_history.stdout.splitlines()[3:6] == [
        "      KR1 Grow newsletter subscribers from 1,200 to 1,800  1,200 → 1,600 / 1,800  0.67"
        "  forecast 1.00 on track",
        "      KR2 Publish 6 long-form case studies  2 / 6 long-form case studies  0.33"
        "  forecast 0.84 at risk",
        "      KR3 Launch a referral programme  [x]  1.00",
    ]
    without = _goalkit(journal.root, *arguments, "--no-history")
    assert "forecast" not in without.stdout
    assert without.stdout.splitlines()[3] == (
        "      KR1 Grow newsletter subscribers from 1,200 to 1,800  1,200 → 1,600 / 1,800  0.67"
    )
