"""SMART goal files: the statement, its numbers and deadline, milestones and `## Why`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from goalkit.model import DurationUnit, GoalType, Origin, Span
from goalkit.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_full_smart_file() -> None:
    document = parse_file(FIXTURES / "smart-full.md", "smart-full")
    assert document.problems == ()
    assert document.type is GoalType.SMART
    smart = document.smart
    assert smart is not None
    assert smart.statement == "Send follow-up emails to 50 past clients within two weeks"
    assert smart.span == Span(13, 3, 13, 60)
    assert smart.metric == "follow-up emails sent"
    assert [(r.document_id, r.objective_id, r.key_result_id) for r in document.supports] == [
        ("freelance/2026-Q4-okrs", "O3", "KR3")
    ]


def test_front_matter_numbers_outrank_the_statement_and_carry_the_unit() -> None:
    smart = parse_file(FIXTURES / "smart-full.md", "smart-full").smart
    assert smart is not None
    measure = smart.measure
    assert measure.unit == "emails"
    values = [
        (q.value, q.unit, q.origin, q.span)
        for q in (measure.baseline, measure.target, measure.current)
        if q is not None
    ]
    assert values == [
        (0, "emails", Origin.FRONT_MATTER, Span(7, 11, 7, 12)),
        (50, "emails", Origin.FRONT_MATTER, Span(8, 9, 8, 11)),
        (18, "emails", Origin.FRONT_MATTER, Span(9, 10, 9, 12)),
    ]


def test_within_two_weeks_counts_from_the_start_date() -> None:
    document = parse_file(FIXTURES / "smart-full.md", "smart-full")
    assert document.smart is not None and document.smart.within is not None
    within = document.smart.within
    assert (within.amount, within.unit, within.text, within.span) == (
        2,
        DurationUnit.WEEK,
        "within two weeks",
        Span(13, 44, 13, 60),
    )
    assert document.deadline == dt.date(2026, 11, 30)


def test_in_the_next_two_months_keeps_to_the_end_of_a_short_month() -> None:
    document = parse_file(FIXTURES / "smart-within.md", "smart-within")
    assert document.smart is not None and document.smart.within is not None
    assert (document.smart.within.amount, document.smart.within.unit) == (2, DurationUnit.MONTH)
    assert document.deadline == dt.date(2026, 3, 31)
    target = document.smart.measure.target
    assert target is not None
    assert (target.value, target.unit, target.span) == (3, "discovery calls", Span(5, 8, 5, 9))


def test_milestones_are_the_task_list_with_dates() -> None:
    smart = parse_file(FIXTURES / "smart-full.md", "smart-full").smart
    assert smart is not None
    assert [(m.text, m.checked, m.span, [d.value for d in m.dates]) for m in smart.milestones] == [
        ("Export past clients by 2026-11-17", True, Span(21, 7, 21, 40), [dt.date(2026, 11, 17)]),
        ("Send the last 32 emails by Nov 30", False, Span(22, 7, 22, 40), [dt.date(2026, 11, 30)]),
    ]


def test_why_is_a_section_not_a_milestone_source() -> None:
    document = parse_file(FIXTURES / "smart-full.md", "smart-full")
    why = document.section("why")
    assert why is not None
    assert (why.text, why.span) == ("Referrals are my cheapest leads.", Span(15, 4, 15, 7))


def test_without_a_title_the_first_paragraph_is_the_statement() -> None:
    document = parse_file(FIXTURES / "smart-inferred.md", "smart-inferred")
    smart = document.smart
    assert smart is not None
    assert (smart.statement, smart.span) == (
        "Complete a certification course by 2026-12-31.",
        Span(1, 1, 1, 47),
    )
    assert smart.due is not None
    assert (smart.due.value, smart.due.span, smart.due.is_deadline) == (
        dt.date(2026, 12, 31),
        Span(1, 36, 1, 46),
        True,
    )
    assert [(m.text, m.checked) for m in smart.milestones] == [
        ("Module 1 by 2026-10-31", True),
        ("Final exam", False),
    ]
    assert document.deadline == dt.date(2026, 12, 31)
