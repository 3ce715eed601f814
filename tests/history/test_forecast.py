"""Forecasts: least-squares pace over the recent window, projected from the latest value."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import Journal

from goalkit.forecast import Observation, forecast_measure, least_squares_slope
from goalkit.history import document_timelines, read_history
from goalkit.model import Measure, Quantity, Span
from goalkit.parse import parse_file
from goalkit.scoring import PaceStatus

END = dt.date(2026, 12, 31)
TODAY = dt.date(2026, 11, 10)


def _quantity(value: float) -> Quantity:
    return Quantity(value, Span(1), str(value))


def _measure(baseline: float | None, target: float | None, **more: object) -> Measure:
    return Measure(
        baseline=_quantity(baseline) if baseline is not None else None,
        target=_quantity(target) if target is not None else None,
        **more,  # type: ignore[arg-type]
    )


def _series(*pairs: tuple[str, float]) -> list[Observation]:
    return [Observation(dt.date.fromisoformat(day), value) for day, value in pairs]


def test_slope_of_an_exact_line() -> None:
    points = [
        (dt.date(2026, 10, 1), 10.0),
        (dt.date(2026, 10, 3), 14.0),
        (dt.date(2026, 10, 11), 30.0),
    ]
    assert least_squares_slope(points) == pytest.approx(2.0)


def test_linear_progress_is_projected_from_the_last_value() -> None:
    measure = _measure(100, 200)
    series = _series(("2026-10-01", 100), ("2026-10-11", 110), ("2026-10-21", 120))
    forecast = forecast_measure(measure, series, END, dt.date(2026, 10, 25))
    assert forecast is not None
    assert forecast.slope_per_day == pytest.approx(1.0)
    assert forecast.value == pytest.approx(120 + 71)
    assert forecast.score == pytest.approx(0.91)
    assert forecast.status is PaceStatus.AT_RISK
    assert (forecast.points_used, forecast.first_date) == (3, dt.date(2026, 10, 1))


def test_window_keeps_the_last_28_days_when_they_hold_enough_points() -> None:
    series = _series(
        ("2026-09-01", 0), ("2026-09-02", 50),  # an early burst the recent pace no longer has
        ("2026-10-01", 100), ("2026-10-15", 114), ("2026-10-29", 128),
    )  # fmt: skip
    forecast = forecast_measure(_measure(0, 200), series, END, TODAY)
    assert forecast is not None
    assert (forecast.points_used, forecast.first_date) == (3, dt.date(2026, 10, 1))
    assert forecast.value == pytest.approx(128 + 63)
    assert forecast.status is PaceStatus.ON_TRACK


def test_window_widens_to_the_minimum_number_of_points() -> None:
    series = _series(("2026-08-01", 10), ("2026-09-01", 20), ("2026-11-01", 30))
    forecast = forecast_measure(_measure(0, 100), series, END, TODAY)
    assert forecast is not None and forecast.points_used == 3
    assert forecast.status is PaceStatus.OFF_TRACK


def test_decreasing_measure() -> None:
    measure = _measure(8, 5)  # churn from 8% to 5%
    series = _series(("2026-10-01", 8), ("2026-10-31", 7.5), ("2026-11-30", 7))
    forecast = forecast_measure(measure, series, END, dt.date(2026, 12, 1))
    assert forecast is not None
    assert forecast.value == pytest.approx(7 - 31 / 60)
    assert forecast.score == pytest.approx((8 - forecast.value) / 3)
    assert forecast.status is PaceStatus.OFF_TRACK


def test_score_only_key_results_forecast_their_score() -> None:
    measure = Measure(score=_quantity(0.5))
    series = _series(("2026-10-01", 0.1), ("2026-10-31", 0.3), ("2026-11-30", 0.5))
    forecast = forecast_measure(measure, series, END, dt.date(2026, 12, 1))
    assert forecast is not None
    assert forecast.value == pytest.approx(0.5 + 31 * 0.2 / 30)
    assert forecast.score == pytest.approx(forecast.value)
    assert forecast.status is PaceStatus.OFF_TRACK


def test_value_never_projected_below_zero() -> None:
    series = _series(("2026-10-01", 30), ("2026-10-10", 10), ("2026-10-20", 2))
    forecast = forecast_measure(_measure(0, 50), series, END, TODAY)
    assert forecast is not None and forecast.value == 0 and forecast.score == 0


THREE_DAYS = _series(("2026-10-01", 1), ("2026-10-02", 2), ("2026-10-03", 3))


@pytest.mark.parametrize(
    ("measure", "series", "today"),
    [
        (_measure(0, 10), THREE_DAYS[:2], TODAY),
        (_measure(0, 10), _series(("2026-10-01", 1), ("2026-10-01", 2), ("2026-10-01", 3)), TODAY),
        (Measure(checked=False), THREE_DAYS, TODAY),
        (_measure(0, 10), THREE_DAYS, dt.date(2027, 1, 1)),
    ],
    ids=["two points", "one day", "checkbox", "cycle over"],
)
def test_no_forecast(measure: Measure, series: list[Observation], today: dt.date) -> None:
    assert forecast_measure(measure, series, END, today) is None


def test_min_points_option() -> None:
    series = _series(("2026-10-01", 1), ("2026-10-02", 2), ("2026-10-03", 3))
    assert forecast_measure(_measure(0, 10), series, END, TODAY, min_points=4) is None


def test_story_forecast(journal: Journal, story: dict[str, str]) -> None:
    path = journal.root / "okrs" / "2026-Q4.md"
    timelines = document_timelines(parse_file(path, "okrs"), read_history([path]).for_path(path))
    newsletter, case_studies, referral = (t.forecast(END, TODAY) for t in timelines)
    # Window 2026-10-05 … 2026-11-02: 1300, 1350, 1500, 1580 (check-in), 1600.
    assert newsletter is not None
    assert newsletter.first_date == dt.date(2026, 10, 5) and newsletter.points_used == 5
    # Days 0, 7, 15, 27, 28: Sxy = 6528, Sxx = 601.2.
    assert newsletter.slope_per_day == pytest.approx(6528 / 601.2)
    assert newsletter.value == pytest.approx(1600 + 59 * newsletter.slope_per_day)
    assert (newsletter.score, newsletter.status) == (1.0, PaceStatus.ON_TRACK)
    assert case_studies is not None
    # Two points in the window, so the last three: days 0, 7, 35 with values 0, 1, 2.
    assert (case_studies.points_used, case_studies.first_date) == (3, dt.date(2026, 9, 28))
    assert case_studies.value == pytest.approx(2 + 59 * 35 / 686)
    assert case_studies.score == pytest.approx(case_studies.value / 6)
    assert case_studies.status is PaceStatus.AT_RISK
    assert referral is None
