"""Every number and date form of the format, one key result each, read from fixture files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from goalkit.model import Comparison, Direction, Document, KeyResult, ProblemKind, Span
from goalkit.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
UP, DOWN = Direction.INCREASE, Direction.DECREASE
AT_LEAST, AT_MOST = Comparison.AT_LEAST, Comparison.AT_MOST


def _key_result(name: str, key_result_id: str) -> KeyResult:
    document = parse_file(FIXTURES / f"{name}.md", name)
    return next(kr for kr in document.key_results if kr.id == key_result_id)


# id: (baseline, target, current, unit, direction, threshold, column of the target on its line)
NUMBER_FORMS = {
    "KR1": (1200, 2000, None, None, UP, None, 39),
    "KR2": (8, 5, None, "%", DOWN, None, 32),
    "KR3": (None, 2000, None, "subscribers", UP, None, 14),
    "KR4": (None, 20, None, "articles", UP, None, 16),
    "KR5": (None, 3, None, "conferences", UP, None, 17),
    "KR6": (None, 35, None, "%", UP, None, 14),
    "KR7": (None, 5000, None, "$", UP, None, 14),
    "KR8": (None, 1_200_000, None, "video views", UP, None, 14),
    "KR9": (None, 250_000, None, "€", UP, None, 14),
    "KR10": (None, 5, 3, "engineers", UP, None, 16),
    "KR11": (None, 5, None, "%", DOWN, AT_MOST, 26),
    "KR12": (None, 40, None, "attendees", UP, AT_LEAST, 18),
    "KR13": (None, 24, None, "hours", DOWN, AT_MOST, 41),
    "KR14": (None, 15, None, "%", UP, None, 31),
    "KR15": (12_500, 9_000, None, "$", DOWN, None, 43),
    "KR16": (5_000, 8_500, None, "$", UP, None, 30),
    "KR17": (10, 6, None, "days", DOWN, None, 23),
    "KR18": (None, 50, None, None, UP, AT_LEAST, 24),
    "KR19": (None, 3, None, "incidents", DOWN, AT_MOST, 22),
    "KR20": (None, 12, None, None, DOWN, None, 26),
    "KR21": (None, 6, None, "long-form case studies", UP, None, 17),
    "KR22": (None, 40_000, None, "£", UP, None, 36),
    "KR23": (1_200_000, 2_000_000, None, None, UP, None, 31),
    "KR25": (None, 3, None, "x", UP, None, 22),
    "KR26": (None, 5, None, "pp", UP, None, 31),
    "KR27": (None, 200, None, "ms", DOWN, AT_MOST, 32),
    "KR28": (45, 15, None, "min", DOWN, None, 38),
}


@pytest.mark.parametrize("key_result_id", sorted(NUMBER_FORMS, key=lambda k: int(k[2:])))
def test_number_forms(key_result_id: str) -> None:
    baseline, target, current, unit, direction, threshold, column = NUMBER_FORMS[key_result_id]
    measure = _key_result("number-forms", key_result_id).measure
    assert (
        measure.baseline.value if measure.baseline else None,
        measure.target.value if measure.target else None,
        measure.current.value if measure.current else None,
        measure.unit,
        measure.direction,
        measure.threshold,
    ) == (baseline, target, current, unit, direction, threshold)
    assert measure.target is not None
    assert measure.target.span.column == column
    assert measure.target.span.line == 6 + int(key_result_id[2:])


def test_a_statement_without_numbers_is_not_measurable() -> None:
    measure = _key_result("number-forms", "KR24").measure
    assert (measure.target, measure.numbers, measure.is_measurable) == (None, (), False)


def test_a_cycle_label_in_the_text_is_not_a_number() -> None:
    measure = _key_result("number-forms", "KR22").measure
    assert [quantity.text for quantity in measure.numbers] == ["£40,000"]


# id: (deadline, its column, every date found)
DATE_FORMS = {
    "KR1": (dt.date(2026, 12, 15), 28, [dt.date(2026, 12, 15)]),
    "KR2": (dt.date(2026, 9, 30), 27, [dt.date(2026, 9, 30)]),
    "KR3": (dt.date(2026, 12, 31), 28, [dt.date(2026, 12, 31)]),
    "KR4": (dt.date(2026, 12, 31), 28, [dt.date(2026, 12, 31)]),
    "KR5": (dt.date(2026, 11, 20), 31, [dt.date(2026, 11, 20)]),
    "KR6": (dt.date(2027, 1, 31), 30, [dt.date(2027, 1, 31)]),
    "KR7": (None, None, [dt.date(2026, 11, 4), dt.date(2026, 12, 2)]),
    "KR9": (None, None, []),
    "KR10": (None, None, []),
    "KR11": (dt.date(2026, 11, 30), 32, []),
}


@pytest.mark.parametrize("key_result_id", sorted(DATE_FORMS, key=lambda k: int(k[2:])))
def test_date_forms(key_result_id: str) -> None:
    deadline, column, dates = DATE_FORMS[key_result_id]
    key_result = _key_result("date-forms", key_result_id)
    assert [mention.value for mention in key_result.dates] == dates
    if deadline is None:
        assert key_result.due is None
    else:
        assert key_result.due is not None
        assert (key_result.due.value, key_result.due.span.column) == (deadline, column)
        assert key_result.due.span.line == 6 + int(key_result_id[2:])


def test_vague_deadlines_are_not_dates_nor_units() -> None:
    assert _key_result("date-forms", "KR9").measure.unit == "awards"
    assert _key_result("date-forms", "KR10").measure.unit == "guides"


def test_an_impossible_iso_date_is_a_problem_and_not_a_number() -> None:
    document: Document = parse_file(FIXTURES / "date-forms.md", "date-forms")
    assert [(p.kind, p.message, p.span) for p in document.problems] == [
        (ProblemKind.INVALID_VALUE, "2026-02-30 is not a calendar date", Span(14, 25, 14, 35)),
        (
            ProblemKind.INVALID_VALUE,
            "check-in date 2026-11-31 is not a calendar date",
            Span(23, 3, 23, 13),
        ),
    ]
    key_result = next(kr for kr in document.key_results if kr.id == "KR8")
    assert [quantity.value for quantity in key_result.measure.numbers] == [5]


@pytest.mark.parametrize("key_result_id", ["KR12", "KR13"])
def test_slash_dates_are_neither_dates_nor_progress(key_result_id: str) -> None:
    key_result = _key_result("date-forms", key_result_id)
    assert (key_result.dates, key_result.measure.numbers, key_result.measure.current) == (
        (),
        (),
        None,
    )


def test_only_dated_entries_of_check_ins_are_check_ins() -> None:
    document = parse_file(FIXTURES / "date-forms.md", "date-forms")
    assert [(c.date, c.text, c.span) for c in document.check_ins] == [
        (dt.date(2026, 11, 12), "Real one. KR1: 3", Span(25, 3, 25, 31)),
    ]
