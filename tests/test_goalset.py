"""`supports` resolution and what a goal inherits from the goal it supports, on the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalkit.goalset import GoalSet
from goalkit.loading import load_documents
from goalkit.model import Reference, Span


@pytest.fixture(scope="module")
def goal_set() -> GoalSet:
    return GoalSet(load_documents([Path(__file__).resolve().parent.parent / "sample-goals"]))


def reference(text: str) -> Reference:
    document, _, rest = text.partition("#")
    objective, _, key_result = rest.partition(".")
    return Reference(text, document, objective or None, key_result or None, Span(1))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("company/2026-H2", ("company/2026-H2", None, None)),
        ("company/2026-H2#O1", ("company/2026-H2", "O1", None)),
        ("company/2026-H2#O1.KR3", ("company/2026-H2", "O1", "KR3")),
        ("company/2026-H2#O4", None),
        ("company/2026-H2#O1.KR9", None),
        ("company/2027-H1", None),
    ],
)
def test_resolve(goal_set: GoalSet, text: str, found: tuple[str, str | None, str | None]) -> None:
    target = goal_set.resolve(reference(text))
    if found is None:
        assert target is None
        return
    assert target is not None
    assert (
        target.document.id,
        target.objective.id if target.objective else None,
        target.key_result.id if target.key_result else None,
    ) == found


def test_a_smart_goal_without_cycle_takes_the_cycle_of_what_it_supports(
    goal_set: GoalSet,
) -> None:
    weekly = goal_set.by_id["freelance/weekly/follow-up-emails"]
    assert weekly.cycle is None
    cycle = goal_set.effective_cycle(weekly)
    assert cycle is not None and cycle.label == "2026-Q4"


def test_own_values_win_and_owners_are_inherited_one_level_up(goal_set: GoalSet) -> None:
    team = goal_set.by_id["team/growth-2026-Q4"]
    assert goal_set.effective_owners(team) == ("Northwind Growth Team",)
    cycle = goal_set.effective_cycle(team)
    assert cycle is not None and cycle.label == "2026-Q4"
    weak = goal_set.by_id["freelance/weak-goals"]
    assert goal_set.effective_owners(weak) == ()


def test_supporters(goal_set: GoalSet) -> None:
    assert [
        (document.id, ref.text) for document, ref in goal_set.supporters("company/2026-H2")
    ] == [
        ("team/growth-2026-Q4", "company/2026-H2#O1"),
        ("team/growth-2026-Q4", "company/2026-H2#O1.KR1"),
    ]
    assert sorted(d.id for d, _ in goal_set.supporters("freelance/2026-Q4-okrs")) == [
        "freelance/weekly/certification",
        "freelance/weekly/follow-up-emails",
        "freelance/weekly/newsletter-issues",
        "freelance/weekly/talk-proposals",
    ]
