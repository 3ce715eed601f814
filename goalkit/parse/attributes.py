"""Trailing `{key: value}` blocks on key results, objectives and check-ins."""

from __future__ import annotations

import re
from collections.abc import Iterator

from goalkit.model import Attribute, Problem, ProblemKind
from goalkit.parse.locate import Locator
from goalkit.parse.yaml_values import RECOVERABLE_ERRORS, load_value

BLOCK = re.compile(r"\s*\{(?P<body>[^{}]*:[^{}]*)\}\s*$")
KEY = re.compile(r"\s*(?P<key>[A-Za-z_][\w-]*)\s*:")
CLOSERS = {"[": "]", '"': '"', "'": "'"}


def split_attributes(locator: Locator) -> tuple[Locator, tuple[Attribute, ...], Problem | None]:
    """Cut a trailing attribute block off the text; returns the rest, the attributes, a problem.

    Each value is read as YAML, so `{due: 2026-09-30}` gives a date and `{committed: true}` a
    boolean, exactly as in the front-matter. Pairs are split by hand rather than reading the
    block as a YAML flow mapping, because people write `{current: 12,400}` and mean a number.
    """
    match = BLOCK.search(locator.text)
    if match is None:
        return locator, (), None
    rest = locator.truncated(match.start())
    body_offset = match.start("body")
    attributes = []
    for start, end in _pieces(match["body"]):
        piece = match["body"][start:end]
        key = KEY.match(piece)
        value_text = piece[key.end() :].strip() if key else ""
        value, readable = _value(value_text)
        if key is None or not readable:
            problem = Problem(
                ProblemKind.INVALID_VALUE,
                f"attribute block is not a `{{key: value, …}}` mapping: "
                f"cannot read {piece.strip()!r}",
                locator.span(body_offset - 1, match.end("body") + 1),
            )
            return rest, (), problem
        value_start = body_offset + start + len(piece) - len(piece[key.end() :].lstrip())
        attributes.append(
            Attribute(
                key=key["key"],
                value=value,
                span=locator.span(
                    body_offset + start + key.start("key"), body_offset + start + key.end("key")
                ),
                value_span=locator.span(value_start, value_start + len(value_text)),
            )
        )
    return rest, tuple(attributes), None


def _pieces(body: str) -> Iterator[tuple[int, int]]:
    """Offsets of the `key: value` pieces: commas split them unless quoted, bracketed, or
    followed by something that is not a new `key:` (so `12,400` stays one value)."""
    start = 0
    closing: list[str] = []
    for offset, character in enumerate(body):
        if closing and character == closing[-1]:
            closing.pop()
        elif character in CLOSERS and (not closing or closing[-1] == "]"):
            closing.append(CLOSERS[character])
        elif character == "," and not closing and KEY.match(body, offset + 1):
            yield start, offset
            start = offset + 1
    if body[start:].strip():
        yield start, len(body)


def _value(text: str) -> tuple[object, bool]:
    if not text:
        return None, True
    try:
        return load_value(text), True
    except RECOVERABLE_ERRORS:
        return None, False
