"""OKR111 stale-progress and OKR113 moved-goalposts on real journals, through `goalkit lint`."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Journal

from goalkit.config import default_config
from goalkit.engine import lint
from goalkit.history import read_history
from goalkit.parse import parse_file
from goalkit.rules import builtin_rules
from goalkit.rules.text import example_files

HISTORY_RULES = [rule for rule in builtin_rules() if rule.needs_history]
COMMITTED = re.compile(r"<!-- committed: (?P<date>\d{4}-\d{2}-\d{2}) -->")
TODAY = dt.date(2026, 11, 20)


def _lint(journal: Journal, name: str, today: str, *more: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goalkit", "lint", name, "--today", today, "--no-color", *more],
        cwd=journal.root,
        capture_output=True,
        text=True,
        check=False,
    )


def _codes_in_journal(journal: Journal, example: str) -> set[str]:
    """Commit each version of the example on its date, then lint the last one with history."""
    name = ""
    for name, text in example_files(example):
        journal.write(name, text)
        match = COMMITTED.search(text)
        assert match is not None, "each version of a history example says when it was committed"
        journal.commit(f"version of {match['date']}", match["date"])
    path = journal.root / name
    document = parse_file(path, Path(name).stem)
    history = read_history([path])
    config = default_config(journal.root)
    result = lint([document], config, TODAY, history=history, rules=HISTORY_RULES)
    return {diagnostic.code for diagnostic in result.diagnostics}


def test_history_rules_are_declared() -> None:
    assert [rule.code for rule in HISTORY_RULES] == ["OKR111", "OKR113"]


@pytest.mark.parametrize("rule", HISTORY_RULES, ids=lambda rule: rule.code)
def test_example_fires_the_rule(rule, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert rule.code in _codes_in_journal(Journal(tmp_path / "example"), rule.example)


@pytest.mark.parametrize("rule", HISTORY_RULES, ids=lambda rule: rule.code)
def test_use_instead_is_silent(rule, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert rule.code not in _codes_in_journal(Journal(tmp_path / "fixed"), rule.use_instead)


def test_story_findings(journal: Journal, story: dict[str, str]) -> None:
    result = _lint(journal, "okrs/2026-Q4.md", "2026-11-30", "--select", "OKR111,OKR113")
    assert result.stdout.splitlines() == [
        "okrs/2026-Q4.md:2:8: OKR111 No value has changed for 28 days since 2026-11-02 "
        f"(commit {story['restore']}), while 2026-Q4 runs until 2026-12-31",
        "  hint: Update the values, or add a check-in: `- 2026-11-30: KR1: …`",
        "okrs/2026-Q4.md:12:50: OKR113 Target of O1.KR1 moved from 2,000 to 1,800 on "
        f"2026-11-02 (commit {story['restore']}), after 2026-Q4 began on 2026-10-01",
        "  hint: Grade against the target set at the start and note what changed; "
        "set the new target next cycle",
        "Found 2 problems (2 warnings).",
    ]
    assert result.returncode == 1


def test_no_stale_finding_within_the_window(journal: Journal, story: dict[str, str]) -> None:
    result = _lint(journal, "okrs/2026-Q4.md", "2026-11-23", "--select", "OKR111")
    assert (result.returncode, result.stdout.splitlines()[:1]) == (0, ["All checks passed!"])


def test_days_option(journal: Journal, story: dict[str, str]) -> None:
    journal.write("goalkit.toml", "[rules.OKR111]\ndays = 7\n")
    result = _lint(journal, "okrs/2026-Q4.md", "2026-11-10", "--select", "OKR111")
    assert "OKR111 No value has changed for 8 days since 2026-11-02" in result.stdout


def test_stale_clock_starts_with_the_cycle(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    plan = journal.commit("Plan", "2026-09-01")
    assert "OKR111" not in _lint(journal, "okrs.md", "2026-10-20", "--select", "OKR111").stdout
    result = _lint(journal, "okrs.md", "2026-10-30", "--select", "OKR111")
    assert result.stdout.splitlines()[0] == (
        "okrs.md:2:8: OKR111 No value has changed for 29 days since 2026-Q4 began on "
        f"2026-10-01 (last change 2026-09-01, commit {plan}), while 2026-Q4 runs until "
        "2026-12-31"
    )


def test_a_check_in_or_an_uncommitted_edit_counts_as_progress(
    journal: Journal, newsletter: str
) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    journal.edit("okrs.md", "## Check-ins\n", "## Check-ins\n\n- 2026-10-25: Slow week.\n")
    journal.commit("Check-in", "2026-10-26")
    assert "OKR111" not in _lint(journal, "okrs.md", "2026-11-10", "--select", "OKR111").stdout
    assert "OKR111" in _lint(journal, "okrs.md", "2026-11-20", "--select", "OKR111").stdout
    journal.edit("okrs.md", "current: 1200", "current: 1250")
    assert "OKR111" not in _lint(journal, "okrs.md", "2026-11-20", "--select", "OKR111").stdout


@pytest.mark.parametrize("status", ["done", "draft", "dropped"])
def test_stale_skips_goals_that_are_not_active(
    journal: Journal, newsletter: str, status: str
) -> None:
    journal.write(
        "okrs.md", newsletter.replace("cycle: 2026-Q4", f"cycle: 2026-Q4\nstatus: {status}")
    )
    journal.commit("Plan", "2026-10-01")
    assert "OKR111" not in _lint(journal, "okrs.md", "2026-12-01", "--select", "OKR111").stdout


def test_history_rules_are_silent_outside_git(tmp_path: Path, newsletter: str) -> None:
    (tmp_path / "okrs.md").write_text(newsletter, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "goalkit", "lint", "okrs.md", "--today", "2026-12-01",
         "--select", "OKR111,OKR113"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


def test_targets_set_on_the_first_day_are_planning(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Draft", "2026-09-20")
    journal.edit("okrs.md", "to 2,000", "to 2,200")
    journal.commit("Planning meeting", "2026-10-01")
    journal.edit("okrs.md", "current: 1200", "current: 1300")
    journal.commit("Week 1", "2026-10-08")
    assert "OKR113" not in _lint(journal, "okrs.md", "2026-10-10", "--select", "OKR113").stdout


def test_a_change_undone_is_not_reported(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    journal.edit("okrs.md", "to 2,000", "to 1,500")
    journal.commit("Lower", "2026-10-10")
    journal.edit("okrs.md", "to 1,500", "to 2,000")
    journal.commit("Back", "2026-10-12")
    assert "OKR113" not in _lint(journal, "okrs.md", "2026-10-20", "--select", "OKR113").stdout


def test_baseline_moved_on_a_merged_branch(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-09-30")
    journal.git("checkout", "-q", "-b", "rebaseline")
    journal.edit("okrs.md", "from 1,200", "from 1,000")
    moved = journal.commit("Count from the real starting point", "2026-10-14")
    journal.git("checkout", "-q", "main")
    journal.git("merge", "-q", "--no-ff", "-m", "Merge", "rebaseline", date="2026-10-15")
    result = _lint(journal, "okrs.md", "2026-10-20", "--select", "OKR113")
    assert result.stdout.splitlines()[0] == (
        "okrs.md:12:41: OKR113 Baseline of O1.KR1 moved from 1,200 to 1,000 on 2026-10-14 "
        f"(commit {moved}), after 2026-Q4 began on 2026-10-01"
    )


def test_a_file_reused_for_the_next_cycle_starts_again(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Q4", "2026-10-01")
    q1 = newsletter.replace("cycle: 2026-Q4", "cycle: 2027-Q1").replace("to 2,000", "to 3,000")
    journal.write("okrs.md", q1)
    journal.commit("Q1", "2027-01-02")
    assert "OKR113" not in _lint(journal, "okrs.md", "2027-01-20", "--select", "OKR113").stdout


def test_smart_goal_target_moved(journal: Journal) -> None:
    goal = (
        "---\ntype: smart\nstart: 2026-10-01\ndue: 2026-12-31\ntarget: 10\ncurrent: 2\n---\n\n"
        "# Run 10 km\n"
    )
    journal.write("run.md", goal)
    journal.commit("Goal", "2026-10-01")
    journal.edit("run.md", "target: 10", "target: 5")
    lowered = journal.commit("Lower", "2026-11-01")
    result = _lint(journal, "run.md", "2026-11-05", "--select", "OKR113")
    assert result.stdout.splitlines()[0] == (
        "run.md:5:9: OKR113 Target of the goal moved from 10 to 5 on 2026-11-01 "
        f"(commit {lowered}), after the period 2026-10-01..2026-12-31 began on 2026-10-01"
    )


def test_okr109_counts_a_value_committed_and_since_removed(
    journal: Journal, newsletter: str
) -> None:
    journal.write("okrs.md", newsletter.replace("{current: 0}", ""))
    journal.commit("Plan", "2026-09-28")
    journal.edit("okrs.md", "case studies \n", "case studies {current: 1}\n")
    journal.commit("First case study", "2026-10-20")
    journal.edit("okrs.md", "case studies {current: 1}\n", "case studies\n")
    journal.commit("Tidy", "2026-11-01")
    with_history = _lint(journal, "okrs.md", "2026-11-20", "--select", "OKR109,OKR113")
    assert "OKR109" not in with_history.stdout
    without = _lint(journal, "okrs.md", "2026-11-20", "--select", "OKR109")
    assert without.stdout.splitlines()[0] == (
        'okrs.md:13:8: OKR109 Key result "Publish 6 long-form case studies" has no progress '
        "reported 55% into 2026-Q4"
    )


def test_an_uncommitted_move_is_reported_before_the_commit(
    journal: Journal, newsletter: str
) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-09-30")
    journal.edit("okrs.md", "to 2,000", "to 1,700")
    result = _lint(journal, "okrs.md", "2026-10-20", "--select", "OKR113")
    assert result.stdout.splitlines()[0] == (
        "okrs.md:12:50: OKR113 Target of O1.KR1 moved from 2,000 to 1,700 (not committed), "
        "after 2026-Q4 began on 2026-10-01"
    )
