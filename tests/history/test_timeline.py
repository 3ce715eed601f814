"""Timelines: git versions and `## Check-ins` merged into one dated series per key result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import Journal

from goalkit.history import Source, Timeline, document_timelines, read_history
from goalkit.parse import parse_file


def _timelines(journal: Journal, name: str, today: dt.date | None = None) -> list[Timeline]:
    path = journal.root / name
    return document_timelines(parse_file(path, "okrs"), read_history([path]).for_path(path), today)


def _rows(timeline: Timeline) -> list[tuple[str, float | bool | None, float | None, str]]:
    return [
        (
            point.date.isoformat(),
            point.values.checked if point.values.checked is not None else point.values.current,
            point.values.confidence,
            point.source_label,
        )
        for point in timeline.points
    ]


def test_story_timelines(journal: Journal, story: dict[str, str]) -> None:
    first, second, third = _timelines(journal, "okrs/2026-Q4.md")
    assert first.key == "O1.KR1"
    assert _rows(first) == [
        ("2026-09-28", 1200, 7, story["plan"]),
        ("2026-10-05", 1300, 7, story["week1"]),
        ("2026-10-12", 1350, 7, story["rename"]),
        ("2026-10-20", 1500, 7, story["branch"]),
        ("2026-11-01", 1580, 6, "check-in"),
        ("2026-11-02", 1600, 7, story["restore"]),
    ]
    assert second.key == "O1.KR2"
    assert _rows(second) == [
        ("2026-09-28", 0, None, story["plan"]),
        ("2026-10-05", 1, None, story["week1"]),
        ("2026-11-02", 2, None, story["restore"]),
    ]
    assert third.key == "O1.KR3"
    assert _rows(third) == [
        ("2026-09-28", False, None, story["plan"]),
        ("2026-10-22", True, None, story["referral"]),
    ]


def test_check_in_progress_uses_the_target_committed_on_that_day(
    journal: Journal, story: dict[str, str]
) -> None:
    first = _timelines(journal, "okrs/2026-Q4.md")[0]
    check_in = next(p for p in first.points if p.source is Source.CHECK_IN)
    assert check_in.values.target == 2000
    assert check_in.values.progress == (1580 - 1200) / (2000 - 1200)
    assert first.points[-1].values.target == 1800


def test_check_in_wins_over_a_commit_of_the_same_day(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    journal.edit("okrs.md", "current: 1200", "current: 1250")
    journal.commit("Morning", "2026-10-08")
    journal.edit("okrs.md", "current: 1250", "current: 1300")
    evening = journal.commit("Evening", "2026-10-08")
    journal.edit("okrs.md", "## Check-ins\n", "## Check-ins\n\n- 2026-10-15: KR1: 1333\n")
    journal.edit("okrs.md", "current: 1300", "current: 1340")
    journal.commit("Weekly check-in", "2026-10-15")
    first = _timelines(journal, "okrs.md")[0]
    assert _rows(first)[1:] == [
        ("2026-10-08", 1300, 7, evening),
        ("2026-10-15", 1333, 7, "check-in"),
    ]


def test_uncommitted_values_are_a_point_dated_today(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    journal.edit("okrs.md", "current: 1200", "current: 1290")
    first = _timelines(journal, "okrs.md", dt.date(2026, 10, 9))[0]
    assert _rows(first)[-1] == ("2026-10-09", 1290, 7, "working tree")


def test_bare_and_qualified_check_in_targets(journal: Journal, newsletter: str) -> None:
    text = newsletter.replace(
        "## Check-ins\n",
        "## O2: Sleep well\n\n- KR1: Sleep 8 hours a night {current: 6, target: 8}\n\n"
        "## Check-ins\n\n- 2026-10-10: KR1: 1250, O2.KR1: 7\n",
    )
    journal.write("okrs.md", text)
    journal.commit("Plan", "2026-10-01")
    timelines = {t.key: t for t in _timelines(journal, "okrs.md")}
    assert _rows(timelines["O1.KR1"])[-1] == ("2026-10-10", 1250, 7, "check-in")
    assert _rows(timelines["O2.KR1"])[-1] == ("2026-10-10", 7, None, "check-in")


def test_key_result_inserted_above_is_matched_by_its_text(
    journal: Journal, newsletter: str
) -> None:
    plain = newsletter.replace("KR1: ", "").replace("KR2: ", "").replace("KR3: ", "")
    journal.write("okrs.md", plain)
    journal.commit("Plan", "2026-10-01")
    journal.edit("okrs.md", "- Grow", "- Record 4 podcast episodes {current: 1}\n- Grow")
    journal.edit("okrs.md", "current: 1200", "current: 1300")
    second = journal.commit("Add a podcast key result", "2026-10-08")
    timelines = {t.tracked.label: t for t in _timelines(journal, "okrs.md")}
    newsletter_rows = _rows(timelines["Grow newsletter subscribers from 1,200 to 2,000"])
    assert [row[:2] for row in newsletter_rows] == [("2026-10-01", 1200), ("2026-10-08", 1300)]
    assert newsletter_rows[-1][3] == second
    podcast = timelines["Record 4 podcast episodes"]
    assert [row[:2] for row in _rows(podcast)] == [("2026-10-08", 1)]


def test_smart_goal_timeline(journal: Journal) -> None:
    goal = (
        "---\ntype: smart\nstart: 2026-10-01\ndue: 2026-12-31\ncurrent: 2\ntarget: 10\n---\n\n"
        "# Run 10 km without stopping by 2026-12-31\n"
    )
    journal.write("run.md", goal)
    journal.commit("Goal", "2026-10-01")
    journal.edit("run.md", "current: 2", "current: 4")
    journal.commit("Progress", "2026-10-20")
    (timeline,) = _timelines(journal, "run.md")
    assert timeline.key == "goal"
    assert [row[:2] for row in _rows(timeline)] == [("2026-10-01", 2), ("2026-10-20", 4)]


def test_no_history_gives_check_ins_only(tmp_path: Path, newsletter: str) -> None:
    path = tmp_path / "okrs.md"
    path.write_text(newsletter + "\n- 2026-10-10: KR1: 1250\n", encoding="utf-8")
    document = parse_file(path, "okrs")
    first = document_timelines(document, None, dt.date(2026, 10, 20))[0]
    assert _rows(first) == [("2026-10-10", 1250, 7, "check-in")]
