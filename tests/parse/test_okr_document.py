"""An OKR file end to end: every construct of the format, with its exact position."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from goalkit.model import (
    Comparison,
    Direction,
    Document,
    GoalType,
    Origin,
    Span,
)
from goalkit.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def document() -> Document:
    return parse_file(FIXTURES / "okr-full.md", "okr-full")


def test_a_well_formed_file_has_no_problems(document: Document) -> None:
    assert document.problems == ()
    assert document.type is GoalType.OKR
    assert document.id == "okr-full"


@pytest.mark.parametrize(
    ("key", "key_span", "value_span"),
    [
        ("title", Span(2, 1, 2, 6), Span(2, 8, 2, 19)),
        ("owner", Span(3, 1, 3, 6), Span(3, 8, 3, 34)),
        ("cycle", Span(4, 1, 4, 6), Span(4, 8, 4, 15)),
        ("supports", Span(5, 1, 5, 9), Span(6, 3, 8, 1)),
        ("committed", Span(8, 1, 8, 10), Span(8, 12, 8, 17)),
        ("confidence", Span(9, 1, 9, 11), Span(9, 13, 9, 14)),
        ("tags", Span(10, 1, 10, 5), Span(10, 7, 10, 15)),
        ("custom-key", Span(11, 1, 11, 11), Span(11, 13, 11, 17)),
    ],
)
def test_front_matter_keys_keep_their_positions(
    document: Document, key: str, key_span: Span, value_span: Span
) -> None:
    attribute = document.front_matter[key]
    assert (attribute.span, attribute.value_span) == (key_span, value_span)


def test_front_matter_values(document: Document) -> None:
    assert document.title == "Growth OKRs"
    assert document.title_span == Span(2, 8, 2, 19)
    assert document.owners == ("Maya Lindqvist", "Jon Berg")
    assert document.cycle is not None
    assert (document.cycle.label, document.cycle.start, document.cycle.end) == (
        "2026-Q4",
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
    )
    assert document.committed is False
    assert document.confidence is not None and document.confidence.value == 7
    assert document.tags == ("growth",)
    assert document.front_matter["custom-key"].value == "kept"
    assert document.body_line == 13


def test_each_supports_item_has_its_own_position(document: Document) -> None:
    assert [
        (r.document_id, r.objective_id, r.key_result_id, r.span) for r in document.supports
    ] == [
        ("company/2026-H2", "O1", None, Span(6, 5, 6, 23)),
        ("company/2026-H2", "O2", "KR3", Span(7, 5, 7, 27)),
    ]


@pytest.mark.parametrize(
    ("index", "objective_id", "title", "span", "id_span"),
    [
        (
            0,
            "O1",
            "Establish authority in niche marketing",
            Span(18, 8, 18, 46),
            Span(18, 4, 18, 7),
        ),
        (1, "O2", "Build a business that pays", Span(26, 17, 26, 43), Span(26, 4, 26, 16)),
        (2, "O3", "Grow the pipeline", Span(31, 8, 31, 25), Span(31, 4, 31, 7)),
    ],
)
def test_objectives_with_id_prefixes_and_positions(
    document: Document, index: int, objective_id: str, title: str, span: Span, id_span: Span
) -> None:
    objective = document.objectives[index]
    assert (objective.id, objective.title, objective.span, objective.id_span) == (
        objective_id,
        title,
        span,
        id_span,
    )


def test_objective_attribute_block(document: Document) -> None:
    first, second, third = document.objectives
    assert (first.committed, first.weight, first.attributes) == (None, 1.0, ())
    assert (second.committed, second.weight) == (True, 2.0)
    assert [(a.key, a.value, a.span, a.value_span) for a in second.attributes] == [
        ("committed", True, Span(26, 45, 26, 54), Span(26, 56, 26, 60)),
        ("weight", 2, Span(26, 62, 26, 68), Span(26, 70, 26, 71)),
    ]
    assert third.weight == 0.5


@pytest.mark.parametrize(
    ("objective", "index", "key_result_id", "text", "span", "id_span"),
    [
        (0, 0, "KR1", "Speak at 3 industry conferences", Span(20, 8, 20, 39), Span(20, 3, 20, 7)),
        (
            0, 1, "KR2", "Grow newsletter subscribers from 1,200 to 2,000",
            Span(23, 8, 23, 55), Span(23, 3, 23, 7),
        ),
        (
            0, 2, "KR3", "Sign a retainer client before Nov 15",
            Span(24, 12, 24, 48), Span(24, 7, 24, 11),
        ),
        (1, 0, "KR1", "Raise my day rate from $800 to $920", Span(28, 4, 28, 39), None),
        (1, 1, "KR4", "Keep client churn below 10%", Span(29, 9, 29, 36), Span(29, 4, 29, 8)),
        (
            2, 0, "KR1", "Grow qualified leads from 4 to 12 per month",
            Span(33, 3, 34, 25), None,
        ),
    ],
)  # fmt: skip
def test_key_results_ids_text_and_positions(
    document: Document,
    objective: int,
    index: int,
    key_result_id: str,
    text: str,
    span: Span,
    id_span: Span | None,
) -> None:
    key_result = document.objectives[objective].key_results[index]
    assert (key_result.id, key_result.text, key_result.span, key_result.id_span) == (
        key_result_id,
        text,
        span,
        id_span,
    )


def test_key_result_attributes_and_measure(document: Document) -> None:
    speak = document.objectives[0].key_results[0]
    assert [(a.key, a.value, a.span) for a in speak.attributes] == [
        ("current", 1, Span(20, 41, 20, 48)),
        ("confidence", 6, Span(20, 53, 20, 63)),
    ]
    measure = speak.measure
    assert measure.target is not None and measure.current is not None
    assert (measure.target.value, measure.target.unit, measure.target.span) == (
        3,
        "industry conferences",
        Span(20, 17, 20, 18),
    )
    assert (measure.current.value, measure.current.origin, measure.current.span) == (
        1,
        Origin.ATTRIBUTE,
        Span(20, 50, 20, 51),
    )
    assert measure.confidence is not None and measure.confidence.value == 6


def test_from_to_key_result_reads_baseline_and_target(document: Document) -> None:
    measure = document.objectives[0].key_results[1].measure
    assert measure.baseline is not None and measure.target is not None
    assert (measure.baseline.value, measure.baseline.text, measure.baseline.span) == (
        1200,
        "1,200",
        Span(23, 41, 23, 46),
    )
    assert (measure.target.value, measure.target.span) == (2000, Span(23, 50, 23, 55))
    assert measure.direction is Direction.INCREASE


def test_a_bare_current_takes_the_unit_of_the_measure(document: Document) -> None:
    measure = document.objectives[1].key_results[0].measure
    assert measure.current is not None
    assert (measure.current.value, measure.current.text, measure.current.unit) == (850, "850", "$")


def test_threshold_key_result(document: Document) -> None:
    measure = document.objectives[1].key_results[1].measure
    assert measure.threshold is Comparison.AT_MOST
    assert measure.current is not None and measure.current.value == 8
    assert measure.current.unit == "%"


def test_checkbox_key_result_and_its_deadline(document: Document) -> None:
    key_result = document.objectives[0].key_results[2]
    assert key_result.measure.checked is True
    assert key_result.due is not None
    assert (key_result.due.value, key_result.due.span, key_result.due.is_deadline) == (
        dt.date(2026, 11, 15),
        Span(24, 42, 24, 48),
        True,
    )


def test_wrapped_key_result_reads_numbers_on_its_second_line(document: Document) -> None:
    measure = document.objectives[2].key_results[0].measure
    assert measure.baseline is not None and measure.target is not None
    assert (measure.baseline.span, measure.target.span) == (
        Span(34, 8, 34, 9),
        Span(34, 13, 34, 15),
    )
    assert measure.current is not None and measure.current.value == 7


def test_initiatives_keep_checkbox_text_and_date(document: Document) -> None:
    initiatives = document.objectives[0].key_results[0].initiatives
    assert [(i.text, i.checked, i.span) for i in initiatives] == [
        ("Submit talk to B2B Marketing Summit by 2026-10-10", True, Span(21, 9, 21, 58)),
        ("Pitch two podcast hosts", False, Span(22, 9, 22, 32)),
    ]
    (deadline,) = initiatives[0].dates
    assert (deadline.value, deadline.span, deadline.is_deadline) == (
        dt.date(2026, 10, 10),
        Span(21, 48, 21, 58),
        True,
    )


def test_check_ins_as_list_items_and_headings(document: Document) -> None:
    assert [(c.date, c.text, c.span.line, c.span.column) for c in document.check_ins] == [
        (dt.date(2026, 10, 15), "Conference CFPs out. KR2: 1300", 38, 3),
        (dt.date(2026, 11, 12), "First talk accepted! O1.KR1: 1, O2.KR4: 9%", 39, 3),
        (dt.date(2026, 11, 19), "Good week.", 41, 5),
    ]
    confidences = [c.confidence.value if c.confidence else None for c in document.check_ins]
    assert confidences == [6, None, 8]
    assert document.check_ins[2].confidence is not None
    assert document.check_ins[2].confidence.span == Span(43, 25, 43, 26)


def test_check_in_values_with_their_positions(document: Document) -> None:
    values = [
        (value.target, value.quantity.value, value.quantity.unit, value.quantity.span)
        for check_in in document.check_ins
        for value in check_in.values
    ]
    assert values == [
        ("KR2", 1300, None, Span(38, 41, 38, 45)),
        ("O1.KR1", 1, None, Span(39, 45, 39, 46)),
        ("O2.KR4", 9, "%", Span(39, 56, 39, 58)),
    ]


def test_reserved_sections_are_not_objectives(document: Document) -> None:
    assert [(s.name, s.title, s.span) for s in document.sections] == [
        ("check-ins", "Check-ins", Span(36, 4, 36, 13)),
        ("why", "Why", Span(45, 4, 45, 7)),
    ]
    why = document.section("why")
    assert why is not None
    assert why.text == "Authority lets me choose my clients.\n\n<!-- goalkit: disable=OKR101 -->"


def test_html_comments_are_kept_with_their_line(document: Document) -> None:
    assert [(c.text, c.span) for c in document.comments] == [
        ("goalkit: disable=OKR101", Span(49, 1)),
    ]
