"""Markdown that real goal files contain: setext headings, links, trailing comments, tabs."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalkit.model import Document, Span
from goalkit.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def document() -> Document:
    return parse_file(FIXTURES / "markdown-edge-cases.md", "markdown-edge-cases")


def test_a_setext_heading_is_an_objective_with_its_attributes(document: Document) -> None:
    (objective,) = document.objectives
    assert (objective.id, objective.title, objective.span, objective.committed) == (
        "O1",
        "Win the niche",
        Span(4, 1, 4, 14),
        True,
    )


@pytest.mark.parametrize(
    ("key_result_id", "text", "span", "target", "unit", "current"),
    [
        (
            "KR1", "Publish [the guide](https://example.com/guides/2026) to 500 readers",
            Span(7, 8, 7, 75), 500, "readers", None,
        ),
        ("KR2", "Write posts", Span(8, 8, 8, 19), None, None, None),
        ("KR3", "Reach 40 leads", Span(9, 8, 9, 22), 40, "leads", 10),
        ("KR4", "Tabbed 12 items", Span(10, 8, 10, 23), 12, "items", None),
        (
            "KR5", "See https://example.com/2026/q4 for 30 partners",
            Span(11, 8, 11, 55), 30, "partners", None,
        ),
    ],
)  # fmt: skip
def test_links_comments_and_tabs(
    document: Document,
    key_result_id: str,
    text: str,
    span: Span,
    target: float | None,
    unit: str | None,
    current: float | None,
) -> None:
    key_result = next(kr for kr in document.key_results if kr.id == key_result_id)
    measure = key_result.measure
    assert (
        key_result.text,
        key_result.span,
        measure.target.value if measure.target else None,
        measure.unit,
        measure.current.value if measure.current else None,
    ) == (text, span, target, unit, current)


def test_trailing_comments_are_kept_as_comments(document: Document) -> None:
    assert [(c.text, c.span) for c in document.comments] == [
        ("goalkit: disable=OKR105", Span(8, 20)),
        ("goalkit: disable=OKR105", Span(9, 37)),
    ]
