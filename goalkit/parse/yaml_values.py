"""The YAML dialect of front-matter and attribute blocks: YAML's safe subset, forgiving of dates.

PyYAML raises a bare `ValueError` for a date-shaped value that is no date (`due: 2026-02-30`),
which would lose the whole front-matter over one typo. Here such a value stays text, so the
field reader can point at that one key instead.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

RECOVERABLE_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)
"""What reading user-written YAML may raise; anything else is a bug in goalkit."""


class _ForgivingDates:
    """Keeps an impossible date as the text written, for the field reader to point at."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[misc]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[attr-defined]


class GoalLoader(_ForgivingDates, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader on libyaml where PyYAML was built with it: about eight times faster
    on front-matter than the pure-Python one, with the same nodes and marks."""


class DiagnosingLoader(_ForgivingDates, yaml.SafeLoader):
    """The pure-Python safe loader, read again only for broken YAML: its messages say what it
    found (`expected ',' or ']', but got ':'`) where libyaml's do not."""


for _loader in (GoalLoader, DiagnosingLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _loader.construct_yaml_timestamp)


PLAIN_INTEGER = re.compile(r"[-+]?(?:0|[1-9]\d*)")
PLAIN_DECIMAL = re.compile(r"[-+]?(?:0|[1-9]\d*)\.\d+")
PLAIN_WORDS: dict[str, Any] = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("null", "Null", "NULL", "~"), None),
}


def load_value(text: str) -> Any:
    """One YAML value (`1450`, `2026-09-30`, `[a, b]`); raises one of RECOVERABLE_ERRORS.

    The common plain values skip PyYAML, whose pure-Python loader costs a tenth of a
    millisecond a value — most of the parse time of a large OKR file.
    """
    if PLAIN_INTEGER.fullmatch(text):
        return int(text)
    if PLAIN_DECIMAL.fullmatch(text):
        return float(text)
    if text in PLAIN_WORDS:
        return PLAIN_WORDS[text]
    return yaml.load(text, Loader=GoalLoader)
