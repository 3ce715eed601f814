"""The bundled sample goals parse cleanly, with stable ids, and their links all resolve."""

from __future__ import annotations

from pathlib import Path

from goalkit.goalset import GoalSet
from goalkit.loading import load_documents
from goalkit.model import GoalType, Status


def test_every_sample_parses_without_a_problem(sample_goals: Path) -> None:
    documents = load_documents([sample_goals])
    assert {d.id: [p.message for p in d.problems] for d in documents if d.problems} == {}
    assert [(d.id, d.type) for d in documents] == [
        ("company/2026-H2", GoalType.OKR),
        ("freelance/2026-Q3-okrs", GoalType.OKR),
        ("freelance/2026-Q4-okrs", GoalType.OKR),
        ("freelance/weak-goals", GoalType.OKR),
        ("freelance/weekly/certification", GoalType.SMART),
        ("freelance/weekly/follow-up-emails", GoalType.SMART),
        ("freelance/weekly/newsletter-issues", GoalType.SMART),
        ("freelance/weekly/talk-proposals", GoalType.SMART),
        ("team/growth-2026-Q4", GoalType.OKR),
    ]


def test_ids_are_the_same_however_the_samples_are_named(sample_goals: Path) -> None:
    single = load_documents([sample_goals / "freelance" / "weekly" / "certification.md"])
    assert [d.id for d in single] == ["freelance/weekly/certification"]


def test_every_supports_link_of_the_good_files_resolves(sample_goals: Path) -> None:
    goal_set = GoalSet(load_documents([sample_goals]))
    unresolved = [
        (document.id, reference.text)
        for document in goal_set.documents
        for reference in document.supports
        if goal_set.resolve(reference) is None
    ]
    assert unresolved == [("freelance/weak-goals", "marketing-masterplan")]


def test_good_okr_files_have_three_to_five_objectives_per_owner_and_cycle(
    sample_goals: Path,
) -> None:
    counts: dict[tuple[str, str], int] = {}
    for document in load_documents([sample_goals]):
        if document.type is GoalType.OKR and document.owners and document.cycle:
            key = (document.owners[0], document.cycle.label)
            counts[key] = counts.get(key, 0) + len(document.objectives)
    assert counts == {
        ("Northwind Studio", "2026-H2"): 3,
        ("Maya Lindqvist", "2026-Q3"): 3,
        ("Maya Lindqvist", "2026-Q4"): 3,
        ("Northwind Growth Team", "2026-Q4"): 3,
    }


def test_the_closed_quarter_is_done_and_has_a_postmortem(sample_goals: Path) -> None:
    (document,) = load_documents([sample_goals / "freelance" / "2026-Q3-okrs.md"])
    assert document.status is Status.DONE
    assert document.section("postmortem") is not None
    assert all(kr.measure.score is not None for kr in document.key_results)
