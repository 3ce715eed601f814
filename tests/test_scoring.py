"""Progress, scores, expected pace and status, including the edge cases people hit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from goalkit.model import Comparison, Direction, Document, Measure, Quantity, Span
from goalkit.parse import parse_text
from goalkit.scoring import (
    AT_RISK_PACE,
    ON_TRACK_PACE,
    PaceStatus,
    ScoreBand,
    document_score,
    expected_progress,
    key_result_progress,
    measure_progress,
    objective_score,
    pace,
    pace_status,
    score_band,
    weighted_mean,
)


def q(value: float) -> Quantity:
    return Quantity(value, Span(1), str(value))


def measure(**values: float) -> Measure:
    """`measure(baseline=1, target=2, current=1.5)`, other fields as Measure's defaults."""
    return Measure(**{key: q(value) for key, value in values.items()})  # type: ignore[arg-type]


def okr(body: str) -> Document:
    return parse_text("---\ncycle: 2026-Q4\n---\n" + body, Path("okr.md"), "okr")


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (measure(baseline=1200, target=2000, current=1450), 0.3125),
        (measure(target=20, current=5), 0.25),  # baseline 0 when absent
        (measure(baseline=1200, target=2000, current=2400), 1.0),  # over-achievement is clamped
        (measure(baseline=1200, target=2000, current=1000), 0.0),  # going backwards is clamped
        (measure(baseline=1200, target=2000), None),  # no current: unknown, never 0
        (measure(current=5), None),  # no target: unknown
        (measure(), None),
        (measure(baseline=5, target=5, current=5), 1.0),
        (measure(baseline=5, target=5, current=4), 0.0),
    ],
)
def test_increasing_progress(case: Measure, expected: float | None) -> None:
    assert measure_progress(case) == expected


@pytest.mark.parametrize(
    ("current", "expected"),
    [(8, 0.0), (6.5, 0.5), (5, 1.0), (3, 1.0), (9, 0.0)],
)
def test_decreasing_targets(current: float, expected: float) -> None:
    churn = Measure(baseline=q(8), target=q(5), current=q(current), direction=Direction.DECREASE)
    assert measure_progress(churn) == expected


def test_a_decreasing_target_without_baseline_is_known_only_once_met() -> None:
    cut = Measure(target=q(12), direction=Direction.DECREASE)
    assert measure_progress(dataclasses.replace(cut, current=q(20))) is None
    assert measure_progress(dataclasses.replace(cut, current=q(12))) == 1.0


@pytest.mark.parametrize(
    ("comparison", "current", "expected"),
    [
        (Comparison.AT_MOST, 4.9, 1.0),
        (Comparison.AT_MOST, 5, 1.0),
        (Comparison.AT_MOST, 5.1, 0.0),
        (Comparison.AT_LEAST, 39, 0.0),
        (Comparison.AT_LEAST, 40, 1.0),
        (Comparison.AT_LEAST, 400, 1.0),
    ],
)
def test_thresholds_are_met_or_not(comparison: Comparison, current: float, expected: float) -> None:
    target = 5 if comparison is Comparison.AT_MOST else 40
    threshold = Measure(target=q(target), current=q(current), threshold=comparison)
    assert measure_progress(threshold) == expected


def test_a_threshold_without_a_current_value_is_unknown() -> None:
    assert measure_progress(Measure(target=q(5), threshold=Comparison.AT_MOST)) is None


@pytest.mark.parametrize(
    ("checked", "expected"),
    [(True, 1.0), (False, 0.0), (None, None)],
)
def test_checkboxes(checked: bool | None, expected: float | None) -> None:
    assert measure_progress(Measure(checked=checked)) == expected


@pytest.mark.parametrize(
    ("explicit", "others", "expected"),
    [
        (0.7, {"target": 10, "current": 10}, 0.7),
        (0.0, {"target": 10, "current": 10}, 0.0),
        (1.0, {}, 1.0),
    ],
)
def test_an_explicit_score_wins(explicit: float, others: dict[str, float], expected: float) -> None:
    graded = Measure(score=q(explicit), checked=True, **{k: q(v) for k, v in others.items()})  # type: ignore[arg-type]
    assert measure_progress(graded) == expected


def test_progress_read_from_real_key_results() -> None:
    document = okr(
        "## O1: Win\n\n"
        "- Grow subscribers from 1,200 to 2,000 {current: 1450}\n"
        "- Reduce churn from 8% to 5% {current: 6.5%}\n"
        "- Keep churn below 5% {current: 4%}\n"
        "- [x] Sign a retainer client\n"
        "- Publish 6 case studies\n"
        "- Raise the day rate from $800 to $920 {current: 850, score: 0.4}\n"
    )
    assert [key_result_progress(kr) for kr in document.key_results] == [
        0.3125,
        0.5,
        1.0,
        1.0,
        None,
        0.4,
    ]


def test_objective_score_is_the_weighted_mean_of_known_progress() -> None:
    document = okr(
        "## O1: Win\n\n"
        "- Reach 10 clients {current: 5, weight: 3}\n"
        "- [x] Sign a retainer client\n"
        "- Publish 6 case studies\n"
    )
    (objective,) = document.objectives
    assert objective_score(objective) == pytest.approx((0.5 * 3 + 1.0) / 4)


def test_an_objective_with_nothing_known_has_no_score() -> None:
    document = okr("## O1: Win\n\n- Publish 6 case studies\n\n## O2: Empty\n")
    assert [objective_score(o) for o in document.objectives] == [None, None]
    assert document_score(document) is None


def test_document_score_weighs_objectives() -> None:
    document = okr(
        "## O1: Heavy {weight: 2}\n\n- [x] Done\n\n"
        "## O2: Light\n\n- [ ] Not done\n\n"
        "## O3: Unknown\n\n- Publish 6 case studies\n"
    )
    assert document_score(document) == pytest.approx(2 / 3)


def test_a_smart_goal_scores_its_own_measure() -> None:
    document = parse_text(
        "---\ntarget: 50\ncurrent: 18\n---\n# Send follow-up emails to 50 past clients\n",
        Path("smart.md"),
        "smart",
    )
    assert document_score(document) == pytest.approx(0.36)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([(0.5, 1.0), (None, 5.0), (1.0, 1.0)], 0.75),
        ([(0.5, 0.0), (1.0, 0.0)], None),  # all weight zero: nothing to average
        ([], None),
        ([(None, 1.0)], None),
    ],
)
def test_weighted_mean(values: list[tuple[float | None, float]], expected: float | None) -> None:
    assert weighted_mean(values) == expected


Q4_START, Q4_END = dt.date(2026, 10, 1), dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 9, 30), 0.0),
        (dt.date(2026, 10, 1), 1 / 92),  # the first day counts once it has begun
        (dt.date(2026, 11, 20), 51 / 92),
        (dt.date(2026, 12, 31), 1.0),
        (dt.date(2027, 3, 1), 1.0),
    ],
)
def test_expected_progress_is_the_elapsed_share_of_the_period(
    today: dt.date, expected: float
) -> None:
    assert expected_progress(Q4_START, Q4_END, today) == pytest.approx(expected)


def test_pace_is_progress_over_expected_progress() -> None:
    assert pace(0.5, 0.5) == 1.0
    assert pace(0.3, 0.6) == 0.5
    assert pace(None, 0.5) is None
    assert pace(0.3, 0.0) is None


def test_the_documented_pace_bands() -> None:
    assert (ON_TRACK_PACE, AT_RISK_PACE) == (0.95, 0.75)


# On 2026-11-20, 51 of Q4's 92 days have passed: expected progress 0.5543…
@pytest.mark.parametrize(
    ("progress", "status"),
    [
        (1.0, PaceStatus.DONE),
        (0.9, PaceStatus.ON_TRACK),
        (0.527, PaceStatus.ON_TRACK),  # pace 0.951
        (0.526, PaceStatus.AT_RISK),  # pace 0.949
        (0.416, PaceStatus.AT_RISK),  # pace 0.750
        (0.415, PaceStatus.OFF_TRACK),  # pace 0.749
        (0.0, PaceStatus.OFF_TRACK),
        (None, PaceStatus.UNKNOWN),
    ],
)
def test_pace_status_bands(progress: float | None, status: PaceStatus) -> None:
    assert pace_status(progress, Q4_START, Q4_END, dt.date(2026, 11, 20)) is status


def test_pace_status_before_the_period_and_without_dates() -> None:
    assert pace_status(0.0, Q4_START, Q4_END, dt.date(2026, 9, 1)) is PaceStatus.NOT_STARTED
    assert pace_status(0.5, None, Q4_END, dt.date(2026, 11, 20)) is PaceStatus.UNKNOWN
    assert pace_status(1.0, None, None, dt.date(2026, 11, 20)) is PaceStatus.DONE


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, ScoreBand.RED),
        (0.3, ScoreBand.RED),
        (0.39, ScoreBand.RED),
        (0.4, ScoreBand.YELLOW),
        (0.6, ScoreBand.YELLOW),
        (0.69, ScoreBand.YELLOW),
        (0.7, ScoreBand.GREEN),
        (1.0, ScoreBand.GREEN),
    ],
)
def test_google_score_bands(score: float, band: ScoreBand) -> None:
    assert score_band(score) is band
