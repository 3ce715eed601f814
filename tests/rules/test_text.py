"""Word matching and sub-spans that the practice rules point with."""

from __future__ import annotations

import pytest

from goalkit.model import Span
from goalkit.rules.text import (
    find_phrases,
    leading_phrase,
    number,
    quote,
    sub_span,
    visible_text,
    word_count,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Write 4 blog posts", "Write"),
        ("writes 4 blog posts", "writes"),
        ("Writing 4 blog posts", "Writing"),
        ("Worked on the library", "Worked on"),
        ("**Launch** the new site", "Launch"),
        ("Rewrite 4 blog posts", None),
        ("Writer interviews: 4", None),
        ("Grow subscribers, then write up what worked", None),
    ],
)
def test_leading_phrase_matches_regular_forms_at_the_start_only(text, found) -> None:
    match = leading_phrase(text, ["write", "work on", "launch"])
    assert (match.text if match else None) == found


def test_find_phrases_keeps_the_longest_of_overlapping_phrases() -> None:
    text = "Sign 2 clients as soon as possible, or soon after; ASAP!"
    found = find_phrases(text, ["soon", "as soon as possible", "asap"])
    assert [(m.text, m.start) for m in found] == [
        ("as soon as possible", 15),
        ("soon", 39),
        ("ASAP", 51),
    ]


def test_find_phrases_with_punctuation_and_word_boundaries() -> None:
    assert [m.text for m in find_phrases("Posts, videos, etc. by Dec", ["etc"])] == ["etc"]
    assert find_phrases("Etcetera and sooner", ["etc", "soon"]) == []


def test_sub_span_on_one_line_maps_offsets_to_columns() -> None:
    lines = ["- KR1: Write 4 blog posts {current: 1}"]
    span = Span(1, 8, 1, 26)
    assert sub_span(span, "Write 4 blog posts", 0, 5, lines) == Span(1, 8, 1, 13)
    assert sub_span(span, "Write 4 blog posts", 8, 12, ()) == Span(1, 16, 1, 20)


def test_sub_span_follows_a_statement_wrapped_over_lines() -> None:
    lines = ["- KR3: Reach a 30%   proposal", "  win rate eventually"]
    text = "Reach a 30% proposal win rate eventually"
    span = Span(1, 8, 2, 22)
    start = text.index("eventually")
    assert sub_span(span, text, start, start + len("eventually"), lines) == Span(2, 12, 2, 22)
    start = text.index("proposal win")
    assert sub_span(span, text, start, start + len("proposal win"), lines) == Span(1, 22, 2, 6)


def test_sub_span_falls_back_to_the_whole_statement_when_text_differs() -> None:
    lines = ["- KR1: Something else entirely"]
    assert sub_span(Span(1, 8, 1, 31), "Write 4 posts", 0, 5, lines) == Span(1, 8, 1, 31)


def test_visible_text_and_word_count() -> None:
    title = "Make [our *case-study* library](https://example.com/a-b-c) `famous`"
    assert visible_text(title) == "Make our case-study library famous"
    assert word_count("Don't grow 1,200 subscribers to 2,000") == 6


def test_quote_and_number() -> None:
    assert quote("Make my niche   visible") == "Make my niche visible"
    assert quote("Become the studio B2B software companies call first when they need it") == (
        "Become the studio B2B software companies call…"
    )
    assert [number(3.0), number(0.9625), number(1200), number(10.5)] == [
        "3",
        "0.96",
        "1,200",
        "10.5",
    ]


def test_find_phrases_with_punctuated_phrases_and_spaced_words() -> None:
    text = "Be the #1 studio, open 24/7, and work   on it; a 124/7 split is no idiom"
    found = find_phrases(text, ["24/7", "#1", "work on"])
    assert [(m.text, m.start) for m in found] == [("#1", 7), ("24/7", 23), ("work   on", 33)]
    assert find_phrases("work, on it", ["work on"]) == []
