"""The retrospective of a closed cycle: final scores, committed against aspirational objectives,
calibration of the confidence people reported, and key results carried into the next cycle.

Pure data for the report's retrospective page. Calibration compares each confidence reported
during the cycle (0–10, read as a 0–1 chance of reaching the target) with the score the key
result — or, for a check-in that names no key result, the whole file — finally got. A key result
is carried over when a goal of the next cycle, for the same owner, has a key result whose
statement is at least 60% alike (difflib's ratio, numbers included).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from goalkit.goalset import GoalSet
from goalkit.history.model import History
from goalkit.history.timeline import Source, document_timelines
from goalkit.model import Cycle, Document, GoalType, KeyResult, Objective, Status
from goalkit.scoring import document_score, key_result_progress, objective_score

CARRIED_SIMILARITY = 0.6
ASPIRATIONAL_SWEET_SPOT = (0.6, 0.7)


@dataclass(frozen=True)
class ObjectiveOutcome:
    document: Document
    objective: Objective
    score: float | None
    committed: bool
    key_results: tuple[tuple[KeyResult, float | None], ...]


@dataclass(frozen=True)
class Calibration:
    """One reported confidence against the final score of what it was about."""

    date: dt.date
    document: Document
    subject: str
    """`O1.KR2`, or `whole file` for a check-in that names no key result."""
    confidence: float
    final: float | None
    source: str
    """`check-in`, or the short hash of the commit that changed the confidence."""

    @property
    def expected(self) -> float:
        return self.confidence / 10

    @property
    def gap(self) -> float | None:
        """Final score minus the confidence as a share: above 0 under-confident, below over."""
        return None if self.final is None else self.final - self.expected


@dataclass(frozen=True)
class CarriedOver:
    document: Document
    objective: Objective
    key_result: KeyResult
    next_document: Document
    next_objective: Objective
    next_key_result: KeyResult
    similarity: float


@dataclass(frozen=True)
class Retrospective:
    cycle: Cycle
    next_cycle: Cycle | None
    documents: tuple[Document, ...]
    objectives: tuple[ObjectiveOutcome, ...]
    calibration: tuple[Calibration, ...]
    carried: tuple[CarriedOver, ...]

    @property
    def score(self) -> float | None:
        scores = [s for d in self.documents if (s := document_score(d)) is not None]
        return sum(scores) / len(scores) if scores else None

    def average(self, committed: bool) -> float | None:
        scores = [
            o.score for o in self.objectives if o.committed is committed and o.score is not None
        ]
        return sum(scores) / len(scores) if scores else None

    def count(self, committed: bool) -> int:
        return sum(1 for outcome in self.objectives if outcome.committed is committed)

    @property
    def committed_met(self) -> int:
        return sum(1 for o in self.objectives if o.committed and (o.score or 0) >= 1.0)

    @property
    def mean_gap(self) -> float | None:
        gaps = [row.gap for row in self.calibration if row.gap is not None]
        return sum(gaps) / len(gaps) if gaps else None


def closed_cycles(goal_set: GoalSet, today: dt.date) -> list[Cycle]:
    """Cycles whose last day is over, oldest first, one per label."""
    cycles = {}
    for document in goal_set.documents:
        cycle = goal_set.effective_cycle(document)
        if cycle is not None and cycle.end < today:
            cycles.setdefault(cycle.label, cycle)
    return sorted(cycles.values(), key=lambda cycle: (cycle.start, cycle.label))


def retrospective(
    cycle: Cycle, goal_set: GoalSet, history: History | None, today: dt.date
) -> Retrospective:
    documents = tuple(
        sorted(
            (d for d in goal_set.documents if _in_cycle(d, cycle, goal_set)),
            key=lambda d: d.id,
        )
    )
    objectives = tuple(
        ObjectiveOutcome(
            document,
            objective,
            objective_score(objective),
            objective.committed if objective.committed is not None else document.committed,
            tuple((kr, key_result_progress(kr)) for kr in objective.key_results),
        )
        for document in documents
        if document.type is GoalType.OKR
        for objective in document.objectives
    )
    next_cycle = _next_cycle(cycle, goal_set)
    following = [d for d in goal_set.documents if next_cycle and _in_cycle(d, next_cycle, goal_set)]
    calibration = tuple(
        row for document in documents for row in _calibration(document, cycle, history, today)
    )
    return Retrospective(
        cycle=cycle,
        next_cycle=next_cycle,
        documents=documents,
        objectives=objectives,
        calibration=tuple(sorted(calibration, key=lambda r: (r.date, r.document.id, r.subject))),
        carried=tuple(_carried(documents, following)),
    )


def _in_cycle(document: Document, cycle: Cycle, goal_set: GoalSet) -> bool:
    effective = goal_set.effective_cycle(document)
    return (
        effective is not None
        and effective.label == cycle.label
        and document.status is not Status.DROPPED
        and document.readable
    )


def _next_cycle(cycle: Cycle, goal_set: GoalSet) -> Cycle | None:
    later = {}
    for document in goal_set.documents:
        other = goal_set.effective_cycle(document)
        if other is not None and other.start > cycle.start and other.label != cycle.label:
            later.setdefault(other.label, other)
    return min(later.values(), key=lambda c: (c.start, c.end, c.label), default=None)


def _calibration(
    document: Document, cycle: Cycle, history: History | None, today: dt.date
) -> list[Calibration]:
    finals = {
        f"{objective.id}.{kr.id}": key_result_progress(kr)
        for objective in document.objectives
        for kr in objective.key_results
    }
    rows = []
    file_history = history.for_document(document) if history is not None else None
    for timeline in document_timelines(document, file_history, today, since=cycle.start):
        previous = None
        for point in timeline.points:
            confidence = point.values.confidence
            if (
                confidence is None
                or not cycle.contains(point.date)
                or (point.source is not Source.CHECK_IN and confidence == previous)
            ):
                previous = confidence if confidence is not None else previous
                continue
            previous = confidence
            final = finals.get(timeline.key, document_score(document))
            rows.append(
                Calibration(
                    point.date, document, timeline.key, confidence, final, point.source_label
                )
            )
    named = {row.date for row in rows if row.source == "check-in"}
    for check_in in document.check_ins:
        if check_in.confidence is None or not cycle.contains(check_in.date):
            continue
        if check_in.values and check_in.date in named:
            continue
        rows.append(
            Calibration(
                check_in.date, document, "whole file", check_in.confidence.value,
                document_score(document), "check-in",
            )
        )  # fmt: skip
    return rows


def _carried(documents: Sequence[Document], following: Sequence[Document]) -> list[CarriedOver]:
    carried = []
    for document in documents:
        candidates = [
            (other, objective, kr)
            for other in following
            if not document.owners or set(document.owners) & set(other.owners)
            for objective in other.objectives
            for kr in other.key_results
            if kr in objective.key_results
        ]
        for objective in document.objectives:
            for key_result in objective.key_results:
                best = None
                for other, other_objective, other_kr in candidates:
                    ratio = difflib.SequenceMatcher(
                        None, key_result.text.lower(), other_kr.text.lower()
                    ).ratio()
                    if ratio >= CARRIED_SIMILARITY and (best is None or ratio > best[3]):
                        best = (other, other_objective, other_kr, ratio)
                if best is not None:
                    carried.append(CarriedOver(document, objective, key_result, *best))
    return carried
