"""Progress, scores, expected pace and status: pure functions of the model and a date.

Bands follow the conventions people know: Google's OKR grading colours (0.0–0.3 red, 0.4–0.6
yellow, 0.7–1.0 green) and a pace status (progress ÷ expected progress) of on track at 0.95 and
above, at risk from 0.75, off track below.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

from goalkit.model import Comparison, Direction, Document, KeyResult, Measure, Objective

ON_TRACK_PACE = 0.95
AT_RISK_PACE = 0.75


class PaceStatus(str, enum.Enum):
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
    DONE = "done"
    NOT_STARTED = "not started"
    """The period has not begun, so no progress is expected yet."""
    UNKNOWN = "unknown"


class ScoreBand(str, enum.Enum):
    """Google's colour bands for a 0.0–1.0 grade."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"


def measure_progress(measure: Measure) -> float | None:
    """A measure's progress in [0, 1], or None when it cannot be known (never shown as 0).

    An explicit score wins; then a checkbox; then a threshold, met or not; then the distance
    travelled from baseline (0 when absent) towards the target, clamped to [0, 1].
    """
    if measure.score is not None:
        return _clamp(measure.score.value)
    if measure.checked is not None:
        return 1.0 if measure.checked else 0.0
    if measure.target is None or measure.current is None:
        return None
    current, target = measure.current.value, measure.target.value
    if measure.threshold is Comparison.AT_MOST:
        return 1.0 if current <= target else 0.0
    if measure.threshold is Comparison.AT_LEAST:
        return 1.0 if current >= target else 0.0
    if measure.baseline is not None:
        baseline = measure.baseline.value
    elif measure.direction is Direction.DECREASE:
        return 1.0 if current <= target else None
    else:
        baseline = 0.0
    if target == baseline:
        return 1.0 if current == target else 0.0
    return _clamp((current - baseline) / (target - baseline))


def key_result_progress(key_result: KeyResult) -> float | None:
    return measure_progress(key_result.measure)


def objective_score(objective: Objective) -> float | None:
    """Weighted mean of the key results whose progress is known."""
    return weighted_mean(
        (key_result_progress(kr), kr.measure.weight) for kr in objective.key_results
    )


def document_score(document: Document) -> float | None:
    """An OKR file's score is the weighted mean of its objectives; a SMART goal's, its progress."""
    if document.smart is not None:
        return measure_progress(document.smart.measure)
    return weighted_mean((objective_score(o), o.weight) for o in document.objectives)


def weighted_mean(values: Iterable[tuple[float | None, float]]) -> float | None:
    known = [(value, weight) for value, weight in values if value is not None]
    total_weight = sum(weight for _, weight in known)
    if not known or total_weight <= 0:
        return None
    return sum(value * weight for value, weight in known) / total_weight


def expected_progress(start: dt.date, end: dt.date, today: dt.date) -> float:
    """The share of the period elapsed at the end of `today`, in [0, 1]."""
    if today < start:
        return 0.0
    total_days = (end - start).days + 1
    return _clamp(((today - start).days + 1) / total_days)


def pace(progress: float | None, expected: float) -> float | None:
    if progress is None or expected <= 0:
        return None
    return progress / expected


def pace_status(
    progress: float | None, start: dt.date | None, end: dt.date | None, today: dt.date
) -> PaceStatus:
    """Status against the time elapsed: a key result at 0.5 halfway through is on track."""
    if progress is not None and progress >= 1.0:
        return PaceStatus.DONE
    if start is None or end is None or progress is None:
        return PaceStatus.UNKNOWN
    if today < start:
        return PaceStatus.NOT_STARTED
    ratio = pace(progress, expected_progress(start, end, today))
    if ratio is None:
        return PaceStatus.UNKNOWN
    if ratio >= ON_TRACK_PACE:
        return PaceStatus.ON_TRACK
    if ratio >= AT_RISK_PACE:
        return PaceStatus.AT_RISK
    return PaceStatus.OFF_TRACK


def document_pace_status(document: Document, today: dt.date, progress: float | None) -> PaceStatus:
    return pace_status(progress, document.period_start, document.deadline, today)


def score_band(score: float) -> ScoreBand:
    """Google's bands, with the gaps between them (0.3–0.4, 0.6–0.7) given to the lower band."""
    if score >= 0.7:
        return ScoreBand.GREEN
    if score >= 0.4:
        return ScoreBand.YELLOW
    return ScoreBand.RED


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))
