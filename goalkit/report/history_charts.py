"""Progress-over-time charts for the report: inline SVG made in Python, with a data table.

One chart per key result (or SMART goal) and one per objective: progress (0–1) against the
calendar of the cycle, the expected-progress line from 0 at the first day to 1 at the last, the
recorded points joined by a line, and the forecast as a dashed segment from the last point to the
cycle's end. Each chart has `role="img"`, a `<title>` and a `<desc>` that say the same in words,
and `history_table` gives the numbers as an HTML table for those who prefer them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from goalkit.forecast import Forecast
from goalkit.history.timeline import Timeline
from goalkit.scoring import weighted_mean

if TYPE_CHECKING:
    from goalkit.goalset import GoalSet
    from goalkit.history.model import FileHistory
    from goalkit.model import Document
    from goalkit.report.pages import BuildInputs, Page
    from goalkit.report.views import GoalView

WIDTH = 480
HEIGHT = 200
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 30
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
ACTUAL_COLOUR = "#2563eb"
EXPECTED_COLOUR = "#9ca3af"


@dataclass(frozen=True)
class Series:
    """Progress points of one key result or objective, and where the forecast lands."""

    label: str
    points: tuple[tuple[dt.date, float], ...]
    forecast: tuple[dt.date, float] | None = None
    forecast_status: str | None = None


def timeline_series(label: str, timeline: Timeline, forecast: Forecast | None) -> Series:
    points = tuple(
        (point.date, point.values.progress)
        for point in timeline.points
        if point.values.progress is not None
    )
    projected = None
    if forecast is not None and forecast.score is not None:
        projected = (forecast.end, forecast.score)
    return Series(label, points, projected, forecast.status.value if forecast else None)


def objective_series(
    label: str, members: Sequence[tuple[Timeline, Forecast | None, float]]
) -> Series:
    """The weighted mean of the key results' latest progress on each day any of them changed.

    `members` are (timeline, forecast, weight). A key result counts from its first known value;
    the forecast mixes each key result's forecast score with the last progress of those that
    have none (a checkbox, or too few points).
    """
    days = sorted({point.date for timeline, _, _ in members for point in timeline.points})
    points = []
    for day in days:
        latest = [(_progress_on(timeline, day), weight) for timeline, _, weight in members]
        value = weighted_mean(latest)
        if value is not None:
            points.append((day, value))
    forecasts = [forecast for _, forecast, _ in members if forecast and forecast.score is not None]
    projected = None
    if forecasts and points:
        end = forecasts[0].end
        mixed = weighted_mean(
            (forecast.score if forecast and forecast.score is not None else _last(timeline), weight)
            for timeline, forecast, weight in members
        )
        if mixed is not None:
            projected = (end, mixed)
    return Series(label, tuple(points), projected)


def progress_chart(
    series: Series, start: dt.date, end: dt.date, today: dt.date, chart_id: str
) -> Markup:
    """The SVG chart of one series over the period `start`..`end`."""
    scale = _Scale(start, end)
    points = _within_period(series.points, start, end)
    title_id, description_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="chart history-chart" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(description_id)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        'style="max-width:100%;height:auto" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(title_id)}">{escape(series.label)}: progress over time</title>',
        f'<desc id="{escape(description_id)}">'
        f"{escape(describe(series, points, start, end, today))}</desc>",
        *_axes(scale, start, end),
        f'<line class="expected" x1="{scale.x(start):g}" y1="{scale.y(0):g}" '
        f'x2="{scale.x(end):g}" y2="{scale.y(1):g}" stroke="{EXPECTED_COLOUR}" '
        'stroke-width="1.5"><title>Expected progress: 0 on the first day, 1 on the last'
        "</title></line>",
    ]
    if start <= today <= end:
        parts.append(
            f'<line class="today" x1="{scale.x(today):g}" y1="{TOP}" x2="{scale.x(today):g}" '
            f'y2="{TOP + PLOT_HEIGHT}" stroke="{EXPECTED_COLOUR}" stroke-dasharray="1 3"/>'
        )
    if points:
        coordinates = " ".join(f"{scale.x(day):g},{scale.y(value):g}" for day, value in points)
        parts.append(
            f'<polyline class="actual" points="{coordinates}" fill="none" '
            f'stroke="{ACTUAL_COLOUR}" stroke-width="2"/>'
        )
        for day, value in points:
            parts.append(
                f'<circle class="point" cx="{scale.x(day):g}" cy="{scale.y(value):g}" r="3" '
                f'fill="{ACTUAL_COLOUR}"><title>{day}: {value:.2f}</title></circle>'
            )
    if points and series.forecast is not None:
        last_day, last_value = points[-1]
        day, value = series.forecast
        status = f" ({series.forecast_status})" if series.forecast_status else ""
        parts.append(
            f'<line class="forecast" x1="{scale.x(last_day):g}" y1="{scale.y(last_value):g}" '
            f'x2="{scale.x(day):g}" y2="{scale.y(min(1.0, value)):g}" stroke="{ACTUAL_COLOUR}" '
            f'stroke-width="2" stroke-dasharray="5 4"><title>Forecast for {day}: '
            f"{value:.2f}{escape(status)}</title></line>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def describe(
    series: Series,
    points: Sequence[tuple[dt.date, float]],
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> str:
    """The chart in words, for screen readers and for the page's text alternative."""
    if not points:
        text = f"No progress recorded between {start} and {end}."
    else:
        first_day, first_value = points[0]
        last_day, last_value = points[-1]
        count = f"{len(points)} value{'s' if len(points) != 1 else ''}"
        text = (
            f"{count} from {first_day} ({first_value:.2f}) to {last_day} ({last_value:.2f}), "
            f"in the period {start} to {end}."
        )
    if start <= today <= end:
        expected = ((today - start).days + 1) / ((end - start).days + 1)
        text += f" Expected by {today}: {expected:.2f}."
    if series.forecast is not None and points:
        status = f", {series.forecast_status}" if series.forecast_status else ""
        text += f" Forecast for {series.forecast[0]}: {series.forecast[1]:.2f}{status}."
    return text


def history_table(timeline: Timeline, caption: str) -> Markup:
    """The timeline's points as a table: the chart's data for those who cannot see it."""
    rows = []
    for point in timeline.points:
        values = point.values
        if values.checked is not None:
            value = "done" if values.checked else "not done"
        elif values.current is not None:
            value = _number(values.current)
        elif values.score is not None:
            value = f"score {values.score:.2f}"
        else:
            value = "—"
        progress = "—" if values.progress is None else f"{values.progress:.2f}"
        confidence = "—" if values.confidence is None else f"{values.confidence:g}"
        source = "check-in" if point.commit is None else f"commit {point.commit.short}"
        if point.commit is None and point.source.value != "check-in":
            source = point.source.value
        rows.append(
            f'<tr><th scope="row"><time datetime="{point.date}">{point.date}</time></th>'
            f"<td>{escape(value)}</td><td>{progress}</td><td>{escape(source)}</td>"
            f"<td>{confidence}</td></tr>"
        )
    return Markup(
        '<table class="history-table">'
        f"<caption>{escape(caption)}</caption>"
        '<thead><tr><th scope="col">Date</th><th scope="col">Value</th>'
        '<th scope="col">Progress</th><th scope="col">Source</th>'
        '<th scope="col">Confidence</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


class _Scale:
    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start = start
        self.days = max(1, (end - start).days)

    def x(self, day: dt.date) -> float:
        return round(LEFT + PLOT_WIDTH * (day - self.start).days / self.days, 1)

    def y(self, progress: float) -> float:
        return round(TOP + PLOT_HEIGHT * (1 - max(0.0, min(1.0, progress))), 1)


def _axes(scale: _Scale, start: dt.date, end: dt.date) -> list[str]:
    parts = []
    for level in (0.0, 0.5, 1.0):
        y = scale.y(level)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:g}" x2="{LEFT + PLOT_WIDTH}" y2="{y:g}" '
            'stroke="#e5e7eb"/>'
        )
        parts.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:g}" text-anchor="end" '
            f'font-size="10">{level:.1f}</text>'
        )
    bottom = TOP + PLOT_HEIGHT + 16
    parts.append(
        f'<text class="tick" x="{LEFT}" y="{bottom}" text-anchor="start" font-size="10">'
        f"{start}</text>"
    )
    parts.append(
        f'<text class="tick" x="{LEFT + PLOT_WIDTH}" y="{bottom}" text-anchor="end" '
        f'font-size="10">{end}</text>'
    )
    return parts


def _within_period(
    points: Sequence[tuple[dt.date, float]], start: dt.date, end: dt.date
) -> list[tuple[dt.date, float]]:
    """Points in the period; the last value before it stands at its first day."""
    before = [point for point in points if point[0] < start]
    inside = [point for point in points if start <= point[0] <= end]
    if before and (not inside or inside[0][0] > start):
        inside.insert(0, (start, before[-1][1]))
    return inside


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _progress_on(timeline: Timeline, day: dt.date) -> float | None:
    value = None
    for point in timeline.points:
        if point.date > day:
            break
        if point.values.progress is not None:
            value = point.values.progress
    return value


def _last(timeline: Timeline) -> float | None:
    return next(
        (p.values.progress for p in reversed(timeline.points) if p.values.progress is not None),
        None,
    )


# ── Pages ───────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ChartView:
    """One chart of a goal page, with its data table and forecast in words."""

    anchor: str
    heading: str
    chart: Markup
    table: Markup | None
    forecast: str | None


@dataclass(frozen=True)
class ObjectiveCharts:
    objective: ChartView
    key_results: tuple[ChartView, ...]


@dataclass(frozen=True)
class GoalHistory:
    """What the `history.html` partial shows on a goal page."""

    summary: str
    start: dt.date
    end: dt.date
    objectives: tuple[ObjectiveCharts, ...] = ()
    smart: ChartView | None = None


def goal_history(inputs: BuildInputs, goal: GoalView) -> GoalHistory | None:
    """The progress-over-time section of a goal page, or None when there is nothing to draw."""
    from goalkit.goalset import GoalSet
    from goalkit.history.timeline import document_timelines

    if inputs.history is None:
        return None  # no git history was read (outside git, or `--no-history`)
    document = next(
        (d for d in inputs.documents if d.id == goal.id and d.path.as_posix() == goal.path), None
    )
    if document is None or not document.readable:
        return None
    period = _period(document, GoalSet(inputs.documents))
    if period is None:
        return None
    start, end = period
    today = inputs.today
    file_history = inputs.history.for_document(document)
    timelines = document_timelines(document, file_history, today, since=start)
    if not any(timeline.points for timeline in timelines):
        return None
    forecasts = {t.key: t.forecast(end, today) for t in timelines}
    summary = _summary(file_history, today)
    if document.smart is not None:
        (timeline,) = timelines
        return GoalHistory(summary, start, end, smart=_chart_view(
            "goal-history", "Goal", timeline, forecasts[timeline.key], start, end, today
        ))  # fmt: skip
    objectives = []
    for objective in document.objectives:
        members = [t for t in timelines if t.tracked.objective is objective]
        anchor = f"{objective.id.lower()}-history"
        label = f"{objective.id} {objective.title}"
        series = objective_series(label, [(t, forecasts[t.key], t.measure.weight) for t in members])
        objective_view = ChartView(
            anchor, label, progress_chart(series, start, end, today, anchor), None,
            _objective_forecast_text(series),
        )  # fmt: skip
        key_results = tuple(
            _chart_view(
                f"{t.key.lower().replace('.', '-')}-history", f"{t.key} {t.tracked.label}", t,
                forecasts[t.key], start, end, today,
            )
            for t in members
        )  # fmt: skip
        objectives.append(ObjectiveCharts(objective_view, key_results))
    return GoalHistory(summary, start, end, tuple(objectives))


def _chart_view(
    anchor: str,
    heading: str,
    timeline: Timeline,
    forecast: Forecast | None,
    start: dt.date,
    end: dt.date,
    today: dt.date,
) -> ChartView:
    series = timeline_series(heading, timeline, forecast)
    return ChartView(
        anchor=anchor,
        heading=heading,
        chart=progress_chart(series, start, end, today, anchor),
        table=history_table(timeline, f"Values of {heading}"),
        forecast=_forecast_text(forecast, timeline),
    )


def _forecast_text(forecast: Forecast | None, timeline: Timeline) -> str | None:
    if forecast is None or forecast.score is None:
        return None
    if timeline.measure.target is None:
        value = f"score {forecast.value:.2f}"
    elif all(float(o.value).is_integer() for o in timeline.observations()):
        value = _number(round(forecast.value))
    else:
        value = _number(round(forecast.value, 2))
    return (
        f"Forecast for {forecast.end}: {value}, scoring {forecast.score:.2f} "
        f"({forecast.status.value}), from the pace of {forecast.points_used} values since "
        f"{forecast.first_date}."
    )


def _objective_forecast_text(series: Series) -> str | None:
    if series.forecast is None:
        return None
    return f"Forecast for {series.forecast[0]}: {series.forecast[1]:.2f}."


def _period(document: Document, goal_set: GoalSet) -> tuple[dt.date, dt.date] | None:
    cycle = goal_set.effective_cycle(document)
    start = document.period_start or (cycle.start if cycle else None)
    end = document.deadline or (cycle.end if cycle else None)
    if start is None or end is None or end < start:
        return None
    return start, end


def _summary(file_history: FileHistory | None, today: dt.date) -> str:
    if file_history is None:
        return "From the file's check-ins (it is not in a git repository)."
    versions = [v for v in file_history.versions if v.commit.date <= today]
    if not file_history.versions:
        return "From the file's check-ins (it has not been committed yet)."
    if not versions:
        return f"From the file's check-ins (it has no commit on or before {today})."
    count = f"{len(versions)} commit{'s' if len(versions) != 1 else ''}"
    return (
        f"From {count} between {versions[0].commit.date} and {versions[-1].commit.date}, "
        "and the file's check-ins."
    )


def retrospective_pages(inputs: BuildInputs) -> Iterable[Page]:
    """A retrospective page for each closed cycle (`retrospectives/<cycle>.html`)."""
    from goalkit.goalset import GoalSet
    from goalkit.history.retrospective import closed_cycles, retrospective
    from goalkit.report.pages import Page
    from goalkit.report.slugs import slugify

    goal_set = GoalSet([d for d in inputs.documents if d.readable])
    pages = {goal.id: goal for goal in inputs.site.goals}
    slugs = {cycle.label: cycle.slug for cycle in inputs.site.cycles if cycle.slug}
    for cycle in closed_cycles(goal_set, inputs.today):
        retro = retrospective(cycle, goal_set, inputs.history, inputs.today)
        slug = slugs.get(cycle.label) or slugify(cycle.label)
        yield Page(
            retrospective_path(slug),
            "retrospective.html",
            f"Retrospective {cycle.label}",
            {"retro": retro, "goal_pages": pages},
        )


def retrospective_path(cycle_slug: str) -> str:
    """Where a closed cycle's retrospective is, for links from its cycle page."""
    return f"retrospectives/{cycle_slug}.html"
