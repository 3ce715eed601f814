"""`data.json`: the whole model and its scores for other tools; shape in `docs/report.md`.

Built from the same views as the pages, so the numbers on the site and in the data agree.
The JSON Schema beside this module (`data.schema.json`) is the contract, checked by the tests.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from goalkit.report.views import GoalView, Score, Site

DATA_FORMAT = 1
PAGE_FIELDS_LEFT_OUT = {"slug"}
FLOAT_DIGITS = 6
"""Enough for any score; fewer digits keep a published site's diffs readable."""


def site_data(site: Site) -> dict[str, Any]:
    return {
        "format": DATA_FORMAT,
        "generator": "goalkit",
        "title": site.title,
        "today": site.today,
        "cycles": [
            {
                "label": cycle.label,
                "start": cycle.start,
                "end": cycle.end,
                "elapsed": _plain(cycle.elapsed),
                "days_left": cycle.days_left,
                "page": cycle.page,
                "score": _plain(cycle.score),
                "owners": [
                    {"owner": owner.owner or None, "score": _plain(owner.score)}
                    for owner in cycle.owners
                ],
                "goals": [goal.id for goal in cycle.goals],
                "suppressions": cycle.suppression_count,
            }
            for cycle in site.cycles
        ],
        "owners": [
            {
                "name": owner.name,
                "page": owner.page,
                "goals": [goal.id for cycle in owner.cycles for goal in cycle.goals],
            }
            for owner in site.owners
        ],
        "goals": [_goal(goal) for goal in site.goals],
        "findings": [_plain(finding) for finding in site.findings],
        "suppression_debt": [
            {
                "cycle": debt.cycle,
                "count": debt.count,
                "unused": debt.unused,
                "without_reason": debt.without_reason,
                "suppressions": [_plain(s) for s in debt.suppressions],
            }
            for debt in site.suppression_debt
        ],
    }


def data_json(site: Site) -> bytes:
    return (json.dumps(site_data(site), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _goal(goal: GoalView) -> dict[str, Any]:
    data = _plain(goal)
    for name in PAGE_FIELDS_LEFT_OUT:
        data.pop(name, None)
    return data


def _plain(value: Any) -> Any:
    """Dataclasses → dicts in field order, tuples → lists; Score gains its display forms."""
    if isinstance(value, Score):
        return {
            "value": _plain(value.value),
            "band": value.band,
            "status": value.status,
            "expected": _plain(value.expected),
        }
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: _plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, float):
        return round(value, FLOAT_DIGITS)
    return value
