"""Trailing `{key: value}` blocks on key results, objectives and check-ins."""

from __future__ import annotations

import re

import yaml

from goalkit.model import Attribute, Problem, ProblemKind
from goalkit.parse.locate import Locator

BLOCK = re.compile(r"\s*\{(?P<body>[^{}]*:[^{}]*)\}\s*$")
PAIR = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>[^,}]*)")


def split_attributes(locator: Locator) -> tuple[Locator, tuple[Attribute, ...], Problem | None]:
    """Cut a trailing attribute block off the text; returns the rest, the attributes, a problem.

    The block is read as a YAML flow mapping, so `{due: 2026-09-30}` gives a date and
    `{committed: true}` a boolean, exactly as in the front-matter.
    """
    match = BLOCK.search(locator.text)
    if match is None:
        return locator, (), None
    rest = locator.truncated(match.start())
    try:
        data = yaml.safe_load("{" + match["body"] + "}")
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        problem = Problem(
            ProblemKind.INVALID_VALUE,
            "attribute block is not a `{key: value, …}` mapping",
            locator.span(match.start("body") - 1, match.end("body") + 1),
        )
        return rest, (), problem
    body_offset = match.start("body")
    attributes = []
    for pair in PAIR.finditer(match["body"]):
        key = pair["key"]
        if key not in data:
            continue
        value_start = body_offset + pair.start("value")
        value_end = body_offset + pair.start("value") + len(pair["value"].rstrip())
        attributes.append(
            Attribute(
                key=key,
                value=data[key],
                span=locator.span(body_offset + pair.start("key"), body_offset + pair.end("key")),
                value_span=locator.span(value_start, value_end),
            )
        )
    return rest, tuple(attributes), None
