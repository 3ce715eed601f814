"""The terminal progress view behind `goalkit status`, as styled text segments (no I/O).

Documents are grouped per owner and cycle; a SMART goal without its own owner or cycle joins
the group of the key result it supports, and says which one. Closed, dropped and draft files
show their status instead of a pace, since no progress is expected of them any more (or yet).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from goalkit.goalset import GoalSet
from goalkit.model import (
    Cycle,
    Document,
    KeyResult,
    Measure,
    ProblemKind,
    Quantity,
    Reference,
    Status,
)
from goalkit.scoring import (
    PaceStatus,
    document_score,
    expected_progress,
    key_result_progress,
    measure_progress,
    objective_score,
    pace_status,
    score_band,
)

if TYPE_CHECKING:
    from goalkit.forecast import Forecast

BAR_WIDTH = 10
NO_OWNER = "(no owner)"
NO_CYCLE = "(no cycle)"
Segment = tuple[str, str | None]
"""Text and a style name: `heading`, `dim`, or a score band / status colour."""
STATUS_STYLES = {
    PaceStatus.ON_TRACK: "green",
    PaceStatus.DONE: "green",
    PaceStatus.AT_RISK: "yellow",
    PaceStatus.OFF_TRACK: "red",
}
CLOSED_LABELS = {Status.DONE: "closed", Status.DROPPED: "dropped", Status.DRAFT: "draft"}
"""What a file whose `status` is not `active` shows in place of its pace."""
FATAL_PROBLEMS = (
    ProblemKind.UNREADABLE,
    ProblemKind.FRONT_MATTER_SYNTAX,
    ProblemKind.FRONT_MATTER_NOT_MAPPING,
    ProblemKind.EMPTY,
)
"""Problems that leave nothing worth showing; the file gets an error line instead."""
SIGN_UNITS = ("%", "$", "€", "£", "¥")
GLUED_UNITS = ("%", "x", "pp", "h", "ms", "min")
"""Units shown glued after the number (`35%`, `2x`, `24h`); currencies go before it."""
THRESHOLD_WORDS = {"at_most": "at most", "at_least": "at least"}


@dataclass
class StatusView:
    lines: list[list[Segment]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """One `path:line:column: error: message` line per file that could not be read."""


@dataclass(frozen=True)
class _Group:
    owner: str
    label: str
    cycle: Cycle | None = field(compare=False)
    """The first file's cycle; files of one group may give it at different positions."""

    @classmethod
    def of(cls, owner: str, cycle: Cycle | None) -> _Group:
        return cls(owner, cycle.label if cycle else NO_CYCLE, cycle)

    def sort_key(self) -> tuple[bool, str, dt.date, str]:
        start = self.cycle.start if self.cycle else dt.date.max
        return (self.owner == NO_OWNER, self.owner.lower(), start, self.label)


def render_status(
    documents: Sequence[Document],
    today: dt.date,
    forecasts: Mapping[tuple[Path, str], Forecast] | None = None,
) -> StatusView:
    """`forecasts` (by document path and `O1.KR2`, or `goal` for a SMART goal) are shown after
    each key result's score when given (`goalkit.history.view.status_forecasts`)."""
    view = StatusView()
    shown = []
    for document in documents:
        fatal = [p for p in document.problems if p.kind in FATAL_PROBLEMS]
        for problem in fatal[:1]:
            view.errors.append(
                f"{document.path.as_posix()}:{problem.span.line}:{problem.span.column}: "
                f"error: {problem.message}"
            )
        if not fatal:
            shown.append(document)
    goal_set = GoalSet(shown)
    groups: dict[_Group, list[Document]] = defaultdict(list)
    for document in goal_set.documents:
        owner = ", ".join(goal_set.effective_owners(document)) or NO_OWNER
        groups[_Group.of(owner, goal_set.effective_cycle(document))].append(document)
    for group in sorted(groups, key=_Group.sort_key):
        if view.lines:
            view.lines.append([])
        view.lines.append(_group_heading(group, today))
        members = sorted(groups[group], key=lambda d: (d.type.value, d.id))
        for document in members:
            lines = _document_lines(document, group, goal_set, today)
            view.lines.extend(_with_forecasts(lines, document, forecasts or {}))
    if not view.lines and not view.errors:
        view.lines.append([("No goal files found.", "dim")])
    return view


def _group_heading(group: _Group, today: dt.date) -> list[Segment]:
    segments: list[Segment] = [(f"{group.owner} · {group.label}", "heading")]
    if group.cycle is not None:
        elapsed = expected_progress(group.cycle.start, group.cycle.end, today)
        segments.append(
            (f"  {group.cycle.start} → {group.cycle.end}, {elapsed:.0%} elapsed", "dim")
        )
    return segments


def _document_lines(
    document: Document, group: _Group, goal_set: GoalSet, today: dt.date
) -> list[list[Segment]]:
    score = document_score(document)
    start = document.period_start or (group.cycle.start if group.cycle else None)
    end = document.deadline or (group.cycle.end if group.cycle else None)

    def status(progress: float | None) -> Segment:
        if document.status in CLOSED_LABELS:
            return (CLOSED_LABELS[document.status], "dim")
        state = pace_status(progress, start, end, today)
        return (state.value, STATUS_STYLES.get(state, "dim"))

    lines = [
        [
            (f"  {document.title}", "heading"),
            ("  ", None),
            *_score_segments(score, status(score)),
            (f"  {document.path.as_posix()}", "dim"),
        ]
    ]
    if document.smart is not None:
        details = [_measure_text(document.smart.measure)]
        details.append(f"due {end.isoformat()}" if end else "no deadline")
        details += [_reference_text(r, group, goal_set) for r in document.supports]
        lines.append([("    " + " · ".join(d for d in details if d), "dim")])
    for objective in document.objectives:
        progress = objective_score(objective)
        lines.append(
            [
                (f"    {objective.id} {objective.title}", None),
                ("  ", None),
                *_score_segments(progress, status(progress)),
            ]
        )
        for key_result in objective.key_results:
            lines.append(_key_result_line(key_result))
    return lines


def _with_forecasts(
    lines: list[list[Segment]],
    document: Document,
    forecasts: Mapping[tuple[Path, str], Forecast],
) -> list[list[Segment]]:
    """Each key result's line (and a SMART goal's detail line) followed by its forecast."""
    if not forecasts:
        return lines
    wanted = {
        _key_result_line(kr)[0][0]: f"{objective.id}.{kr.id}"
        for objective in document.objectives
        for kr in objective.key_results
    }
    shown = []
    for index, line in enumerate(lines):
        key = "goal" if document.smart is not None and index == 1 else wanted.get(line[0][0])
        forecast = forecasts.get((document.path, key)) if key and line else None
        if forecast is not None and forecast.score is not None:
            style = STATUS_STYLES.get(forecast.status, "dim")
            line = [*line, (f"  forecast {forecast.score:.2f} {forecast.status.value}", style)]
        shown.append(line)
    return shown


def _key_result_line(key_result: KeyResult) -> list[Segment]:
    details = [_measure_text(key_result.measure)]
    if key_result.due is not None:
        details.append(f"due {key_result.due.value.isoformat()}")
    detail = " · ".join(d for d in details if d)
    return [
        (f"      {key_result.id} {key_result.text}", None),
        (f"  {detail}" if detail else "", "dim"),
        ("  ", None),
        _score_segment(key_result_progress(key_result)),
    ]


def _reference_text(reference: Reference, group: _Group, goal_set: GoalSet) -> str:
    """`supports O1.KR2` when the target is shown in the same group, else the full reference."""
    target = goal_set.resolve(reference)
    if target is None or target.objective is None:
        return f"supports {reference.text}"
    target_cycle = goal_set.effective_cycle(target.document)
    if (target_cycle.label if target_cycle else NO_CYCLE) != group.label:
        return f"supports {reference.text}"
    if target.key_result is None:
        return f"supports {target.objective.id}"
    return f"supports {target.objective.id}.{target.key_result.id}"


def _score_segments(score: float | None, status: Segment) -> list[Segment]:
    return [(_bar(score), _band(score)), (" ", None), _score_segment(score), (" ", None), status]


def _score_segment(score: float | None) -> Segment:
    return (" ?  " if score is None else f"{score:.2f}", _band(score))


def _band(score: float | None) -> str | None:
    return score_band(score).value if score is not None else "dim"


def _bar(score: float | None) -> str:
    if score is None:
        return "·" * BAR_WIDTH
    filled = round(score * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _measure_text(measure: Measure) -> str:
    """`1,200 → 1,450 / 2,000`, `$230 · at most $250`, `[x]`, or `score 0.70` alone."""
    if measure.checked is not None:
        return "[x]" if measure.checked else "[ ]"
    if measure.target is None:
        return f"score {measure.score.value:.2f}" if measure.score is not None else ""
    shown_with_number = (*SIGN_UNITS, *GLUED_UNITS)
    noun = f" {measure.unit}" if measure.unit and measure.unit not in shown_with_number else ""
    current = _number(measure.current) if measure.current else "?"
    if measure.threshold is not None:
        bound = THRESHOLD_WORDS[measure.threshold.value]
        return f"{current} · {bound} {_number(measure.target)}{noun}"
    text = f"{current} / {_number(measure.target)}{noun}"
    if measure.baseline is not None:
        text = f"{_number(measure.baseline)} → {text}"
    return text


def _number(quantity: Quantity) -> str:
    value = quantity.value
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if quantity.unit in GLUED_UNITS:
        return number + quantity.unit
    if quantity.unit in SIGN_UNITS:
        return quantity.unit + number
    return number


__all__ = ["StatusView", "measure_progress", "render_status"]
