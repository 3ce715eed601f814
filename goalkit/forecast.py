"""Forecasts: where a key result will land at the end of its cycle if its recent pace holds.

The pace is the least-squares slope of its values over the recent window (the last 28 days of
observations, widened to the last `min_points` when fewer fall inside), and the projection
starts from the latest value: `forecast = last value + slope × days left`. The forecast value
is then scored exactly like a current value (`goalkit.scoring.measure_progress`), and its
status uses the pace bands of scoring: on track from 0.95 of the target, at risk from 0.75.
Pure functions of the observations and the dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from goalkit.model import Measure, Quantity, Span
from goalkit.scoring import AT_RISK_PACE, ON_TRACK_PACE, PaceStatus, measure_progress

MIN_POINTS = 3
WINDOW_DAYS = 28


@dataclass(frozen=True)
class Observation:
    """A value on a day: the `current` value of a key result with a target, else its progress."""

    date: dt.date
    value: float


@dataclass(frozen=True)
class Forecast:
    """The projected value at `end`, its score and status, and how it was computed."""

    end: dt.date
    value: float
    score: float | None
    status: PaceStatus
    slope_per_day: float
    points_used: int
    first_date: dt.date
    """The first observation of the window the slope was fitted on."""


def forecast_measure(
    measure: Measure,
    observations: Sequence[Observation],
    end: dt.date,
    today: dt.date,
    min_points: int = MIN_POINTS,
    window_days: int = WINDOW_DAYS,
) -> Forecast | None:
    """The forecast at `end` for a measure, or None when it cannot be made.

    None for checkboxes (done or not), once the cycle has ended (the score is final), and with
    fewer than `min_points` observations on distinct days.
    """
    if measure.checked is not None or today > end:
        return None
    by_day = {observation.date: observation.value for observation in observations}
    series = sorted(by_day.items())
    if len(series) < max(2, min_points):
        return None
    window = _window(series, min_points, window_days)
    slope = least_squares_slope(window)
    last_day, last_value = series[-1]
    value = last_value + slope * max(0, (end - last_day).days)
    if all(v >= 0 for _, v in series):
        value = max(0.0, value)
    score = _score(measure, value)
    return Forecast(
        end=end,
        value=value,
        score=score,
        status=forecast_status(score),
        slope_per_day=slope,
        points_used=len(window),
        first_date=window[0][0],
    )


def uses_progress(measure: Measure) -> bool:
    """Whether the observations of this measure are progress (a score) rather than values."""
    return measure.target is None


def forecast_status(score: float | None) -> PaceStatus:
    """At the end of the cycle all of the target is expected, so the pace is the score itself."""
    if score is None:
        return PaceStatus.UNKNOWN
    if score >= ON_TRACK_PACE:
        return PaceStatus.ON_TRACK
    if score >= AT_RISK_PACE:
        return PaceStatus.AT_RISK
    return PaceStatus.OFF_TRACK


def least_squares_slope(points: Sequence[tuple[dt.date, float]]) -> float:
    """The slope, per day, of the least-squares line through the points (0 for a single day)."""
    origin = points[0][0]
    xs = [(day - origin).days for day, _ in points]
    ys = [value for _, value in points]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def _window(
    series: Sequence[tuple[dt.date, float]], min_points: int, window_days: int
) -> Sequence[tuple[dt.date, float]]:
    last_day = series[-1][0]
    recent = [point for point in series if (last_day - point[0]).days <= window_days]
    return recent if len(recent) >= min_points else series[-min_points:]


def _score(measure: Measure, value: float) -> float | None:
    if uses_progress(measure):
        return max(0.0, min(1.0, value))
    projected = Quantity(value, measure.current.span if measure.current else Span(1), "")
    return measure_progress(dataclasses.replace(measure, current=projected, score=None))
