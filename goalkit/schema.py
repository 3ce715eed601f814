"""The JSON Schema (draft 2020-12) of a goal file's front-matter, for editors and other tools.

It mirrors what `goalkit.parse` accepts, in the canonical spelling the docs use, so an editor
that knows the schema offers every key with its description and flags a bad value as it is
typed. Unknown keys stay allowed: the linter, not the schema, decides what to say about them;
its GK007 (unknown-field) takes the known keys from `PROPERTIES`, so the two never disagree.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"

CYCLE_PATTERN = r"^[0-9]{4}(-?([Qq][1-4]|[Hh][12]|0[1-9]|1[0-2]))?$"
"""`2026-Q3`, `2026-H2`, `2026`, `2026-07`, as `goalkit.parse.fields.cycle_from_label` reads."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
REFERENCE_PATTERN = r"^[^#\s]+(#[Oo][0-9]+(\.[Kk][Rr][0-9]+)?)?$"
QUANTITY_PATTERN = (
    r"^\s*[$€£¥]?\s?([0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?|[0-9]+(\.[0-9]+)?|\.[0-9]+)"
    r"[kKmM]?(\s?%)?\s*$"
)
"""A number written as text, with an optional currency, `k`/`m` suffix or `%` (`"$5k"`, `"35%"`)."""
RULE_SELECTOR_PATTERN = r"^\s*[A-Za-z]+[0-9]*\s*(--.*)?$"
"""A rule code or prefix, with an optional `-- reason`, as `goalkit.suppressions` reads it."""


def _choice(description: str, values: list[str]) -> dict[str, Any]:
    """The canonical spellings for completion, and any letter case, which the parser accepts."""
    any_case = "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in value)
        for value in values
    )
    return {
        "description": description,
        "anyOf": [{"enum": values}, {"type": "string", "pattern": rf"^\s*({any_case})\s*$"}],
    }


def _date(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
    }


def _names(description: str) -> dict[str, Any]:
    name = {"type": ["string", "number"]}
    return {
        "description": description,
        "anyOf": [name, {"type": "array", "items": name}],
    }


def _quantity(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": QUANTITY_PATTERN}],
    }


def _selector() -> dict[str, Any]:
    return {"type": "string", "pattern": RULE_SELECTOR_PATTERN}


def _reference() -> dict[str, Any]:
    return {"type": "string", "pattern": REFERENCE_PATTERN}


PROPERTIES: dict[str, dict[str, Any]] = {
    "title": {
        "description": "The goal's title. Defaults to the first level-1 heading, else the "
        "file name. For a SMART goal it is the goal statement.",
        "type": "string",
    },
    "type": _choice(
        "`okr` for objectives with key results, `smart` for one SMART goal. When absent, a "
        "file with an objective heading (`## …`) is `okr`, else `smart`.",
        ["okr", "smart"],
    ),
    "id": {
        "description": "The id other goals use in `supports`. Defaults to the path relative to "
        "the goals root, without `.md` (`team/growth`).",
        "type": "string",
        "pattern": r"^[^#\s]+$",
    },
    "owner": _names("Who owns the goal: a name or a list of names."),
    "cycle": {
        "description": "The period the goal belongs to: a quarter (`2026-Q3`), a half "
        "(`2026-H2`), a year (`2026`) or a month (`2026-07`). Or give `start` and `end`.",
        "anyOf": [
            {"type": "string", "pattern": CYCLE_PATTERN},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ],
        "examples": ["2026-Q4", "2026-H2", "2026", "2026-07"],
    },
    "start": _date("The first day of the goal's period (YYYY-MM-DD)."),
    "end": _date("The last day of the goal's period, with `start` when there is no `cycle`."),
    "due": _date("The deadline (YYYY-MM-DD). For OKRs it defaults to the cycle's last day."),
    "status": _choice(
        "The goal's life-cycle state (default `active`).", ["active", "done", "dropped", "draft"]
    ),
    "supports": {
        "description": "What this goal moves: a goal id, an objective (`ID#O2`) or a key result "
        "(`ID#O2.KR3`); one reference or a list.",
        "anyOf": [_reference(), {"type": "array", "items": _reference()}],
        "examples": ["company/2026-H2#O1", "freelance/2026-Q4-okrs#O1.KR2"],
    },
    "committed": {
        "description": "true for committed OKRs (expected to reach 1.0), false for aspirational "
        "ones.",
        "type": "boolean",
        "default": False,
    },
    "confidence": {
        "description": "How likely the goal is to be met, from 0 (no chance) to 10 (certain).",
        "type": "number",
        "minimum": 0,
        "maximum": 10,
    },
    "tags": _names("Free labels for grouping and filtering."),
    "metric": {
        "description": "SMART goals: what is measured (`newsletter subscribers`).",
        "type": "string",
    },
    "baseline": _quantity("SMART goals: the value when the goal was set."),
    "target": _quantity("SMART goals: the value that means done."),
    "current": _quantity("SMART goals: the value today."),
    "unit": {
        "description": "SMART goals: the unit of baseline, target and current (`%`, `$`, "
        "`clients`).",
        "type": "string",
    },
    "score": {
        "description": "SMART goals: an explicit grade from 0.0 to 1.0, which outranks any "
        "computed progress.",
        "type": "number",
        "minimum": 0,
        "maximum": 1,
    },
    "weight": {
        "description": "SMART goals: the goal's weight when scores are averaged.",
        "type": "number",
        "minimum": 0,
    },
    "goalkit": {
        "description": "Linter settings for this file only: rules not to report anywhere in it.",
        "type": "object",
        "properties": {
            "ignore": {
                "description": "Rule codes or prefixes not to report in this file, each "
                "optionally followed by `-- reason` (`[OKR104, SMART2 -- seasonal goal]`).",
                "anyOf": [_selector(), {"type": "array", "items": _selector()}],
            },
            "reason": {
                "description": "Why these rules do not apply here (shown in the report).",
                "type": "string",
            },
        },
        "additionalProperties": False,
    },
}


def front_matter_schema() -> dict[str, Any]:
    """The schema as a JSON-ready mapping; a new mapping on every call, so callers may edit it."""
    return json.loads(json.dumps(_schema()))


def _schema() -> dict[str, Any]:
    return {
        "$schema": SCHEMA_URI,
        "title": "goalkit goal file front-matter",
        "description": "The YAML front-matter of a goalkit goal file (OKRs or a SMART goal). "
        "See docs/format.md.",
        "type": "object",
        "properties": PROPERTIES,
        "additionalProperties": True,
    }


def schema_json() -> str:
    """The schema as `goalkit schema` prints it: stable key order, indented, final newline."""
    return json.dumps(_schema(), indent=2, ensure_ascii=False) + "\n"
