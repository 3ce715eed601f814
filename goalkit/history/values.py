"""What a goal file says about each key result (or SMART goal) at one version, and matching the
key results of two versions of a file.

Key results are matched by objective id and key result id (`O1.KR2`). When neither version
writes the ids out and the statements differ too much at the same position — a key result was
inserted above it — the most similar statement of the other version is taken instead.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from goalkit.model import Document, KeyResult, Measure, Objective, Span, Status
from goalkit.scoring import measure_progress

SMART_KEY = "goal"
"""The key of a SMART goal's single measure."""
SAME_POSITION_SIMILARITY = 0.5
MOVED_SIMILARITY = 0.75


@dataclass(frozen=True)
class Values:
    """The numbers of one measure at one version, compared across versions to find changes."""

    current: float | None
    score: float | None
    confidence: float | None
    checked: bool | None
    target: float | None
    baseline: float | None
    progress: float | None
    status: Status

    @classmethod
    def of(cls, measure: Measure, status: Status) -> Values:
        return cls(
            current=measure.current.value if measure.current else None,
            score=measure.score.value if measure.score else None,
            confidence=measure.confidence.value if measure.confidence else None,
            checked=measure.checked,
            target=measure.target.value if measure.target else None,
            baseline=measure.baseline.value if measure.baseline else None,
            progress=measure_progress(measure),
            status=status,
        )

    @property
    def reported(self) -> tuple[float | None, float | None, float | None, bool | None]:
        """What a check-in updates: the value, score, confidence and checkbox."""
        return (self.current, self.score, self.confidence, self.checked)


@dataclass(frozen=True)
class Tracked:
    """A measure of a document with its key: `O1.KR2`, or `goal` for a SMART goal."""

    key: str
    label: str
    measure: Measure
    span: Span
    """Where the key result's statement (or the SMART statement) is."""
    objective: Objective | None = None
    key_result: KeyResult | None = None


def tracked_measures(document: Document) -> list[Tracked]:
    if document.smart is not None:
        smart = document.smart
        return [Tracked(SMART_KEY, smart.statement, smart.measure, smart.span)]
    return [
        Tracked(f"{objective.id}.{kr.id}", kr.text, kr.measure, kr.span, objective, kr)
        for objective in document.objectives
        for kr in objective.key_results
    ]


def match_measures(current: Document, version: Document) -> dict[str, Measure]:
    """The measure in `version` of each tracked measure of `current`, by key."""
    if current.smart is not None:
        return {SMART_KEY: version.smart.measure} if version.smart is not None else {}
    theirs = {item.key: item for item in tracked_measures(version)}
    matched: dict[str, Measure] = {}
    taken: set[str] = set()
    unmatched: list[Tracked] = []
    for mine in tracked_measures(current):
        other = theirs.get(mine.key)
        if other is not None and _same_key_result(mine, other):
            matched[mine.key] = other.measure
            taken.add(other.key)
        else:
            unmatched.append(mine)
    for mine in unmatched:
        candidates = [item for key, item in theirs.items() if key not in taken]
        best = max(candidates, key=lambda item: _similarity(mine.label, item.label), default=None)
        if best is not None and _similarity(mine.label, best.label) >= MOVED_SIMILARITY:
            matched[mine.key] = best.measure
            taken.add(best.key)
    return matched


def _same_key_result(mine: Tracked, other: Tracked) -> bool:
    if _explicit(mine) and _explicit(other):
        return True
    return _similarity(mine.label, other.label) >= SAME_POSITION_SIMILARITY


def _explicit(item: Tracked) -> bool:
    return (
        item.key_result is not None
        and item.key_result.id_span is not None
        and item.objective is not None
        and item.objective.id_span is not None
    )


def _similarity(first: str, second: str) -> float:
    if first == second:
        return 1.0
    return difflib.SequenceMatcher(None, first.lower(), second.lower()).ratio()
