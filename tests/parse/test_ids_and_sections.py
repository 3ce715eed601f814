"""Ids, reserved sections and type inference, read from fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalkit.model import GoalType, Objective, Span
from goalkit.parse import parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def objectives() -> tuple[Objective, ...]:
    return parse_file(FIXTURES / "ids.md", "ids").objectives


@pytest.mark.parametrize(
    ("index", "objective_id", "title", "id_span"),
    [
        (0, "O1", "Colon prefix", Span(1, 4, 1, 7)),
        (1, "O2", "Dot prefix", Span(9, 4, 9, 7)),
        (2, "O3", "Word prefix", Span(11, 4, 11, 16)),
        (3, "O4", "Lower-case word prefix", Span(13, 4, 13, 16)),
        (4, "O5", "Plain heading takes its position", None),
        (5, "O6", "O10 without a separator is a title", None),
    ],
)
def test_objective_id_prefixes(
    objectives: tuple[Objective, ...],
    index: int,
    objective_id: str,
    title: str,
    id_span: Span | None,
) -> None:
    objective = objectives[index]
    assert (objective.id, objective.title, objective.id_span) == (objective_id, title, id_span)


@pytest.mark.parametrize(
    ("index", "key_result_id", "text", "span", "id_span"),
    [
        (0, "KR1", "Colon prefix", Span(3, 8, 3, 20), Span(3, 3, 3, 7)),
        (1, "KR2", "Spaced prefix", Span(4, 9, 4, 22), Span(4, 3, 4, 8)),
        (2, "KR3", "Lower-case dot prefix", Span(5, 8, 5, 29), Span(5, 3, 5, 7)),
        (3, "KR4", "Parenthesis prefix", Span(6, 8, 6, 26), Span(6, 3, 6, 7)),
        (4, "KR5", "No prefix takes its position", Span(7, 3, 7, 31), None),
    ],
)
def test_key_result_id_prefixes(
    objectives: tuple[Objective, ...],
    index: int,
    key_result_id: str,
    text: str,
    span: Span,
    id_span: Span | None,
) -> None:
    key_result = objectives[0].key_results[index]
    assert (key_result.id, key_result.text, key_result.span, key_result.id_span) == (
        key_result_id,
        text,
        span,
        id_span,
    )


def test_reserved_sections_are_case_insensitive_and_never_objectives() -> None:
    document = parse_file(FIXTURES / "ids.md", "ids")
    assert [(s.name, s.title, s.span.line) for s in document.sections] == [
        ("notes", "NOTES", 17),
        ("postmortem", "Post-mortem:", 21),
        ("retrospective", "Retrospective", 25),
        ("check-ins", "check-ins", 27),
        ("why", "Why", 29),
    ]
    notes = document.section("notes")
    assert notes is not None and notes.text == "Not an objective."


@pytest.mark.parametrize(
    ("name", "goal_type", "title", "title_span"),
    [
        (
            "type-smart-inferred", GoalType.SMART, "Run a half marathon by 2027-04-30",
            Span(1, 3, 1, 36),
        ),
        ("type-okr-inferred", GoalType.OKR, "Q4 goals", Span(1, 3, 1, 11)),
        ("type-declared", GoalType.OKR, "type-declared", None),
        ("okr-full", GoalType.OKR, "Growth OKRs", Span(2, 8, 2, 19)),
        ("smart-inferred", GoalType.SMART, "smart-inferred", None),
    ],
)  # fmt: skip
def test_type_inference_and_title_defaults(
    name: str, goal_type: GoalType, title: str, title_span: Span | None
) -> None:
    document = parse_file(FIXTURES / f"{name}.md", name)
    assert (document.type, document.title, document.title_span) == (goal_type, title, title_span)


def test_the_id_defaults_to_the_given_one_and_front_matter_overrides_it() -> None:
    assert parse_text("# Goal\n", Path("a/b.md"), "a/b").id == "a/b"
    assert parse_text("---\nid: team/growth\n---\n", Path("a/b.md"), "a/b").id == "team/growth"


@pytest.mark.parametrize(
    ("cycle", "label", "start", "end"),
    [
        ("2026-Q3", "2026-Q3", "2026-07-01", "2026-09-30"),
        ("2026q1", "2026-Q1", "2026-01-01", "2026-03-31"),
        ("2026-H2", "2026-H2", "2026-07-01", "2026-12-31"),
        ("2026", "2026", "2026-01-01", "2026-12-31"),
        ("2026-02", "2026-02", "2026-02-01", "2026-02-28"),
        ("2028-02", "2028-02", "2028-02-01", "2028-02-29"),
    ],
)
def test_cycle_forms(cycle: str, label: str, start: str, end: str) -> None:
    document = parse_text(f"---\ncycle: '{cycle}'\n---\n", Path("c.md"), "c")
    assert document.cycle is not None
    assert (document.cycle.label, str(document.cycle.start), str(document.cycle.end)) == (
        label,
        start,
        end,
    )
    assert document.cycle.span == Span(2, 8, 2, 10 + len(cycle))


def test_start_and_end_dates_make_a_cycle() -> None:
    document = parse_text("---\nstart: 2026-10-06\nend: 2026-12-18\n---\n", Path("c.md"), "c")
    assert document.cycle is not None
    assert (document.cycle.label, str(document.cycle.start), str(document.cycle.end)) == (
        "2026-10-06..2026-12-18",
        "2026-10-06",
        "2026-12-18",
    )
    assert document.deadline is not None and str(document.deadline) == "2026-12-18"
