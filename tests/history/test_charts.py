"""The progress-over-time chart, parsed as XML: points, expected line, forecast, text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from conftest import Journal

from goalkit.history import document_timelines, read_history
from goalkit.parse import parse_file
from goalkit.report.history_charts import (
    history_table,
    objective_series,
    progress_chart,
    timeline_series,
)

SVG = "{http://www.w3.org/2000/svg}"
START, END, TODAY = dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2026, 11, 10)


def _x(day: dt.date) -> float:
    return round(36 + 432 * (day - START).days / 91, 1)


def _y(progress: float) -> float:
    return round(12 + 158 * (1 - progress), 1)


@pytest.fixture
def timelines(journal: Journal, story: dict[str, str]):  # type: ignore[no-untyped-def]
    path = journal.root / "okrs" / "2026-Q4.md"
    document = parse_file(path, "okrs")
    found = document_timelines(document, read_history([path]).for_path(path), TODAY)
    return [(timeline, timeline.forecast(END, TODAY)) for timeline in found]


def test_key_result_chart(timelines) -> None:  # type: ignore[no-untyped-def]
    timeline, forecast = timelines[0]
    series = timeline_series("O1.KR1 Grow newsletter subscribers", timeline, forecast)
    svg = ET.fromstring(str(progress_chart(series, START, END, TODAY, "o1-kr1-history")))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "o1-kr1-history-title o1-kr1-history-desc"
    assert svg.findtext(f"{SVG}title") == "O1.KR1 Grow newsletter subscribers: progress over time"
    assert svg.findtext(f"{SVG}desc") == (
        "6 values from 2026-10-01 (0.00) to 2026-11-02 (0.67), in the period 2026-10-01 to "
        "2026-12-31. Expected by 2026-11-10: 0.45. Forecast for 2026-12-31: 1.00, on track."
    )
    # The plan committed on 2026-09-28 stands at the cycle's first day.
    expected_points = [
        (START, 0.0), (dt.date(2026, 10, 5), 0.125), (dt.date(2026, 10, 12), 0.1875),
        (dt.date(2026, 10, 20), 0.375), (dt.date(2026, 11, 1), 0.475),
        (dt.date(2026, 11, 2), 400 / 600),
    ]  # fmt: skip
    polyline = svg.find(f"{SVG}polyline[@class='actual']")
    assert polyline is not None
    assert polyline.get("points") == " ".join(f"{_x(d):g},{_y(p):g}" for d, p in expected_points)
    circles = svg.findall(f"{SVG}circle[@class='point']")
    assert [c.findtext(f"{SVG}title") for c in circles] == [
        "2026-10-01: 0.00", "2026-10-05: 0.12", "2026-10-12: 0.19", "2026-10-20: 0.38",
        "2026-11-01: 0.47", "2026-11-02: 0.67",
    ]  # fmt: skip
    expected = svg.find(f"{SVG}line[@class='expected']")
    assert expected is not None
    assert [expected.get(k) for k in ("x1", "y1", "x2", "y2")] == ["36", "170", "468", "12"]
    forecast_line = svg.find(f"{SVG}line[@class='forecast']")
    assert forecast_line is not None
    assert [forecast_line.get(k) for k in ("x1", "y1", "x2", "y2")] == [
        f"{_x(dt.date(2026, 11, 2)):g}", f"{_y(400 / 600):g}", "468", "12",
    ]  # fmt: skip
    assert forecast_line.get("stroke-dasharray") == "5 4"
    assert forecast_line.findtext(f"{SVG}title") == "Forecast for 2026-12-31: 1.00 (on track)"
    today = svg.find(f"{SVG}line[@class='today']")
    assert today is not None and today.get("x1") == f"{_x(TODAY):g}"


def test_checkbox_chart_has_no_forecast(timelines) -> None:  # type: ignore[no-untyped-def]
    timeline, forecast = timelines[2]
    svg = ET.fromstring(
        str(progress_chart(timeline_series("KR3", timeline, forecast), START, END, TODAY, "kr3"))
    )
    assert svg.find(f"{SVG}line[@class='forecast']") is None
    polyline = svg.find(f"{SVG}polyline[@class='actual']")
    assert polyline is not None
    assert polyline.get("points") == f"36,170 {_x(dt.date(2026, 10, 22)):g},12"


def test_objective_chart_is_the_weighted_mean_of_its_key_results(timelines) -> None:  # type: ignore[no-untyped-def]
    members = [(timeline, forecast, 1.0) for timeline, forecast in timelines]
    series = objective_series("O1", members)
    by_day = dict(series.points)
    assert by_day[dt.date(2026, 10, 22)] == pytest.approx((0.375 + 1 / 6 + 1.0) / 3)
    assert by_day[dt.date(2026, 11, 2)] == pytest.approx((400 / 600 + 2 / 6 + 1.0) / 3)
    kr2_forecast = timelines[1][1]
    assert series.forecast == (END, pytest.approx((1.0 + kr2_forecast.score + 1.0) / 3))
    svg = ET.fromstring(str(progress_chart(series, START, END, TODAY, "o1")))
    assert svg.find(f"{SVG}line[@class='forecast']") is not None


def test_empty_series_still_says_so() -> None:
    from goalkit.report.history_charts import Series

    svg = ET.fromstring(str(progress_chart(Series("KR9", ()), START, END, TODAY, "kr9")))
    assert svg.findtext(f"{SVG}desc") == (
        "No progress recorded between 2026-10-01 and 2026-12-31. Expected by 2026-11-10: 0.45."
    )
    assert svg.find(f"{SVG}polyline") is None


def test_label_is_escaped() -> None:
    from goalkit.report.history_charts import Series

    markup = str(progress_chart(Series('<b>"KR"</b> & co', ()), START, END, TODAY, "x"))
    svg = ET.fromstring(markup)
    assert svg.findtext(f"{SVG}title") == '<b>"KR"</b> & co: progress over time'


def test_data_table(timelines, story: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    table = ET.fromstring(str(history_table(timelines[0][0], "KR1 values")))
    assert table.findtext("caption") == "KR1 values"
    rows = [[cell.text or cell.findtext("time") for cell in row] for row in table.iter("tr")][1:]
    assert rows[0] == ["2026-09-28", "1,200", "0.00", f"commit {story['plan']}", "7"]
    assert rows[4] == ["2026-11-01", "1,580", "0.47", "check-in", "6"]
