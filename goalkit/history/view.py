"""What `goalkit history` shows: one goal file's timelines and forecasts, as text or JSON data.

No I/O and no click: the command reads the file and its history, this module lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goalkit.forecast import MIN_POINTS, WINDOW_DAYS, Forecast
from goalkit.history.model import FileHistory, History
from goalkit.history.timeline import Point, Timeline, document_timelines
from goalkit.history.values import Values
from goalkit.model import Document, Quantity, Status

CURRENCIES = ("$", "€", "£", "¥")


@dataclass(frozen=True)
class HistoryView:
    """The timelines of one file with their forecasts, ready for text or JSON."""

    document: Document
    history: FileHistory | None
    timelines: tuple[tuple[Timeline, Forecast | None, str | None], ...]
    """Each timeline, its forecast, and why there is none when there is none."""
    today: dt.date
    end: dt.date | None


def build_view(
    document: Document,
    history: FileHistory | None,
    today: dt.date,
    min_points: int = MIN_POINTS,
    window_days: int = WINDOW_DAYS,
) -> HistoryView:
    end = document.deadline
    rows = []
    for timeline in document_timelines(document, history, today):
        forecast = None
        if end is not None:
            forecast = timeline.forecast(end, today, min_points, window_days)
        rows.append(
            (timeline, forecast, None if forecast else _why_not(timeline, end, today, min_points))
        )
    return HistoryView(document, history, tuple(rows), today, end)


def text_lines(view: HistoryView) -> list[str]:
    document = view.document
    lines = [f"{document.path.as_posix()} — {document.title}" + _period(view)]
    lines.append(_history_summary(view.history, view.today))
    current_objective = None
    for timeline, forecast, reason in view.timelines:
        tracked = timeline.tracked
        indent = "  "
        if tracked.objective is not None:
            if tracked.objective is not current_objective:
                current_objective = tracked.objective
                lines += ["", f"{tracked.objective.id} {tracked.objective.title}"]
            assert tracked.key_result is not None
            lines.append(f"  {tracked.key_result.id} {tracked.label}")
            indent = "    "
        else:
            lines += ["", f"{tracked.label}"]
        if not timeline.points:
            lines.append(f"{indent}no values recorded")
        for point in timeline.points:
            lines.append(indent + _point_text(point, timeline))
        lines.append(
            indent + (_forecast_text(forecast, timeline) if forecast else f"no forecast: {reason}")
        )
    return lines


def json_data(view: HistoryView) -> dict[str, Any]:
    document = view.document
    cycle = document.cycle
    return {
        "path": document.path.as_posix(),
        "id": document.id,
        "title": document.title,
        "today": view.today.isoformat(),
        "cycle": (
            {"label": cycle.label, "start": cycle.start.isoformat(), "end": cycle.end.isoformat()}
            if cycle
            else None
        ),
        "end": view.end.isoformat() if view.end else None,
        "versions": [
            {
                "commit": version.commit.sha,
                "date": version.commit.date.isoformat(),
                "path": version.path,
                "deleted": version.deleted,
                "merge": version.commit.is_merge,
                "subject": version.commit.subject,
            }
            for version in (view.history.versions if view.history else ())
        ],
        "timelines": [
            {
                "key": timeline.key,
                "text": timeline.tracked.label,
                "line": timeline.measure_line,
                "points": [_point_data(point) for point in timeline.points],
                "forecast": _forecast_data(forecast) if forecast else None,
                "no_forecast": reason,
            }
            for timeline, forecast, reason in view.timelines
        ],
    }


def _period(view: HistoryView) -> str:
    cycle = view.document.cycle
    if cycle is not None:
        return f" · {cycle.label} ({cycle.start} → {cycle.end})"
    if view.end is not None:
        return f" · due {view.end}"
    return ""


def _history_summary(history: FileHistory | None, today: dt.date) -> str:
    if history is None:
        return "no git history"
    if not history.versions:
        return "git: not committed yet"
    versions = [v for v in history.versions if v.commit.date <= today]
    later = len(history.versions) - len(versions)
    text = f"git: {len(versions)} commit{'s' if len(versions) != 1 else ''}"
    if versions:
        text += f", {versions[0].commit.date} → {versions[-1].commit.date}"
    if later:
        text += f" ({later} after {today}, left out)"
    names = list(dict.fromkeys(version.path for version in versions))
    if len(names) > 1:
        text += f", formerly {', '.join(names[:-1])}"
    return text


def _point_text(point: Point, timeline: Timeline) -> str:
    values = point.values
    progress = "  ?  " if values.progress is None else f"{values.progress:.2f}"
    confidence = f"confidence {values.confidence:g}" if values.confidence is not None else ""
    value = _value_text(values, timeline)
    return f"{point.date}  {value:>10}  {progress}  {point.source_label:<12}  {confidence}".rstrip()


def _value_text(values: Values, timeline: Timeline) -> str:
    if values.checked is not None:
        return "[x]" if values.checked else "[ ]"
    if values.current is not None:
        return _number(values.current, timeline.measure.current or timeline.measure.target)
    if values.score is not None:
        return f"score {values.score:.2f}"
    return "?"


def _forecast_text(forecast: Forecast, timeline: Timeline) -> str:
    unit = timeline.measure.current or timeline.measure.target
    if timeline.measure.target is None:
        value = f"score {forecast.value:.2f}"
    elif all(float(o.value).is_integer() for o in timeline.observations()):
        value = _number(round(forecast.value), unit)
    else:
        value = _number(forecast.value, unit)
    score = "?" if forecast.score is None else f"{forecast.score:.2f}"
    pace = _number(forecast.slope_per_day, unit, signed=True)
    return (
        f"forecast {forecast.end}: {value} → score {score}, {forecast.status.value} "
        f"({pace}/day over {forecast.points_used} points since {forecast.first_date})"
    )


def _why_not(timeline: Timeline, end: dt.date | None, today: dt.date, min_points: int) -> str:
    if timeline.measure.checked is not None:
        return "a checkbox is done or not"
    if end is None:
        return "no cycle or due date"
    if today > end:
        return f"the period ended on {end}"
    count = len({observation.date for observation in timeline.observations()})
    return f"needs {min_points} dated values, has {count}"


def _number(value: float, like: Quantity | None, signed: bool = False) -> str:
    text = (
        f"{value:+,.2f}"
        if signed
        else (f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}")
    )
    if not signed and "." in text:
        text = text.rstrip("0").rstrip(".")
    unit = like.unit if like is not None else None
    if unit == "%":
        return text + "%"
    if unit in CURRENCIES:
        return (text[0] + unit + text[1:]) if signed else unit + text
    return text


def _point_data(point: Point) -> dict[str, Any]:
    values = point.values
    return {
        "date": point.date.isoformat(),
        "source": point.source.value,
        "commit": point.commit.sha if point.commit else None,
        "current": values.current,
        "score": values.score,
        "checked": values.checked,
        "confidence": values.confidence,
        "target": values.target,
        "baseline": values.baseline,
        "progress": values.progress,
        "status": values.status.value,
    }


def _forecast_data(forecast: Forecast) -> dict[str, Any]:
    return {
        "end": forecast.end.isoformat(),
        "value": forecast.value,
        "score": forecast.score,
        "status": forecast.status.value,
        "slope_per_day": forecast.slope_per_day,
        "points_used": forecast.points_used,
        "since": forecast.first_date.isoformat(),
    }


def status_forecasts(
    documents: Sequence[Document], history: History | None, today: dt.date
) -> dict[tuple[Path, str], Forecast]:
    """The forecast of each key result (`O1.KR2`) or SMART goal (`goal`) of active documents
    whose period is running, by (document path, key), for `goalkit status`."""
    from goalkit.goalset import GoalSet

    goal_set = GoalSet(documents)
    forecasts: dict[tuple[Path, str], Forecast] = {}
    for document in documents:
        if document.status is not Status.ACTIVE or not document.readable:
            continue
        cycle = goal_set.effective_cycle(document)
        start = document.period_start or (cycle.start if cycle else None)
        end = document.deadline or (cycle.end if cycle else None)
        if start is None or end is None or not start <= today <= end:
            continue
        file_history = history.for_document(document) if history is not None else None
        for timeline in document_timelines(document, file_history, today, since=start):
            forecast = timeline.forecast(end, today)
            if forecast is not None:
                forecasts[(document.path, timeline.key)] = forecast
    return forecasts


def forecast_label(forecast: Forecast) -> str:
    """`forecast 0.84 at risk`: a forecast in a few words, for one line of `goalkit status`."""
    score = "?" if forecast.score is None else f"{forecast.score:.2f}"
    return f"forecast {score} {forecast.status.value}"
