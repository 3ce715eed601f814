"""The terminal progress view behind `goalkit status`, as styled text segments (no I/O)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from goalkit.goalset import GoalSet
from goalkit.model import Cycle, Document, Measure, ProblemKind, Quantity
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

BAR_WIDTH = 10
Segment = tuple[str, str | None]
"""Text and a style name: `heading`, `dim`, or a score band / status colour."""
STATUS_STYLES = {
    PaceStatus.ON_TRACK: "green",
    PaceStatus.DONE: "green",
    PaceStatus.AT_RISK: "yellow",
    PaceStatus.OFF_TRACK: "red",
}
FATAL_PROBLEMS = (
    ProblemKind.UNREADABLE,
    ProblemKind.FRONT_MATTER_SYNTAX,
    ProblemKind.FRONT_MATTER_NOT_MAPPING,
)


@dataclass
class StatusView:
    lines: list[list[Segment]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def render_status(documents: Sequence[Document], today: dt.date) -> StatusView:
    view = StatusView()
    for document in documents:
        for problem in document.problems:
            if problem.kind in FATAL_PROBLEMS:
                view.errors.append(
                    f"{document.path.as_posix()}:{problem.span.line}:{problem.span.column}: "
                    f"error: {problem.message}"
                )
    goal_set = GoalSet([d for d in documents if d.readable])
    groups: dict[tuple[str, str], list[Document]] = defaultdict(list)
    cycles: dict[tuple[str, str], Cycle | None] = {}
    for document in goal_set.documents:
        cycle = goal_set.effective_cycle(document)
        key = (", ".join(document.owners) or "(no owner)", cycle.label if cycle else "(no cycle)")
        groups[key].append(document)
        cycles[key] = cycle
    for key in sorted(groups, key=lambda k: (k[0].lower(), _cycle_order(cycles[k]), k[1])):
        if view.lines:
            view.lines.append([])
        view.lines.append(_group_heading(key, cycles[key], today))
        for document in sorted(groups[key], key=lambda d: (d.type.value, d.id)):
            view.lines.extend(_document_lines(document, cycles[key], today))
    if not view.lines and not view.errors:
        view.lines.append([("No goal files found.", "dim")])
    return view


def _cycle_order(cycle: Cycle | None) -> dt.date:
    return cycle.start if cycle else dt.date.max


def _group_heading(key: tuple[str, str], cycle: Cycle | None, today: dt.date) -> list[Segment]:
    owner, label = key
    segments: list[Segment] = [(f"{owner} · {label}", "heading")]
    if cycle is not None:
        elapsed = expected_progress(cycle.start, cycle.end, today)
        segments.append((f"  {cycle.start} → {cycle.end}, {elapsed:.0%} elapsed", "dim"))
    return segments


def _document_lines(document: Document, cycle: Cycle | None, today: dt.date) -> list[list[Segment]]:
    score = document_score(document)
    start = document.period_start or (cycle.start if cycle else None)
    end = document.deadline or (cycle.end if cycle else None)
    status = pace_status(score, start, end, today)
    header: list[Segment] = [
        (f"  {document.title}", "heading"),
        (f"  {document.path.as_posix()}", "dim"),
    ]
    lines = [[*header, ("  ", None), *_score_segments(score, status)]]
    if document.smart is not None:
        detail = _measure_text(document.smart.measure)
        due = f"due {end.isoformat()}" if end else "no deadline"
        lines.append([(f"    {detail}" if detail else "    ", None), (f"  {due}", "dim")])
    for objective in document.objectives:
        objective_progress = objective_score(objective)
        objective_status = pace_status(objective_progress, start, end, today)
        lines.append(
            [(f"    {objective.id} {objective.title}", None), ("  ", None),
             *_score_segments(objective_progress, objective_status)]
        )  # fmt: skip
        for key_result in objective.key_results:
            progress = key_result_progress(key_result)
            text = f"      {key_result.id} {key_result.text}"
            detail = _measure_text(key_result.measure)
            lines.append(
                [(text, None), (f"  {detail}" if detail else "", "dim"), ("  ", None),
                 _score_segment(progress)]
            )  # fmt: skip
    return lines


def _score_segments(score: float | None, status: PaceStatus) -> list[Segment]:
    return [(_bar(score), _band(score)), (" ", None), _score_segment(score), (" ", None),
            (status.value, STATUS_STYLES.get(status, "dim"))]  # fmt: skip


def _score_segment(score: float | None) -> Segment:
    return ("  ?  " if score is None else f"{score:.2f}", _band(score))


def _band(score: float | None) -> str | None:
    return score_band(score).value if score is not None else "dim"


def _bar(score: float | None) -> str:
    if score is None:
        return "·" * BAR_WIDTH
    filled = round(score * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _measure_text(measure: Measure) -> str:
    if measure.checked is not None:
        return "[x]" if measure.checked else "[ ]"
    if measure.score is not None and measure.target is None:
        return f"score {measure.score.value:.2f}"
    if measure.target is None:
        return ""
    current = _number(measure.current) if measure.current else "?"
    unit = (
        f" {measure.unit}" if measure.unit and measure.unit not in ("%", "$", "€", "£", "¥") else ""
    )
    text = f"{current} / {_number(measure.target)}{unit}"
    if measure.baseline is not None:
        text = f"{_number(measure.baseline)} → {text}"
    if measure.threshold is not None:
        text += " (threshold)"
    return text


def _number(quantity: Quantity) -> str:
    value = quantity.value
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if quantity.unit == "%":
        return number + "%"
    if quantity.unit in ("$", "€", "£", "¥"):
        return quantity.unit + number
    return number


__all__ = ["StatusView", "measure_progress", "render_status"]
