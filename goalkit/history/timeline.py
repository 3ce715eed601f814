"""One dated series per key result, merging the file's git versions and its `## Check-ins`.

A commit adds a point when it changed what the key result reports (value, score, confidence or
checkbox). There is one point per day: of several commits on a day the last one stands, and a
check-in of that day wins over commits, because it is a value the person wrote for that date. A
working copy whose values differ from the last commit adds a point dated today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from goalkit.forecast import Forecast, Observation, forecast_measure, uses_progress
from goalkit.history.model import Commit, FileHistory, FileVersion
from goalkit.history.values import SMART_KEY, Tracked, Values, match_measures, tracked_measures
from goalkit.model import Document, Measure

CHECK_IN_TARGET = re.compile(r"(?:O(?P<objective>\d+)\.)?KR(?P<key_result>\d+)")


class Source(str, enum.Enum):
    COMMIT = "commit"
    CHECK_IN = "check-in"
    WORKING_TREE = "working tree"


@dataclass(frozen=True)
class Point:
    """A key result's reported state on one day, and where it was read."""

    date: dt.date
    values: Values
    source: Source
    commit: Commit | None = None
    """The commit that wrote the point (for check-ins, none: the check-in text dates it)."""

    @property
    def source_label(self) -> str:
        if self.source is Source.COMMIT and self.commit is not None:
            return self.commit.short
        return self.source.value


@dataclass(frozen=True)
class Timeline:
    """The dated points of one key result (or a SMART goal), oldest first."""

    tracked: Tracked
    points: tuple[Point, ...]

    @property
    def key(self) -> str:
        return self.tracked.key

    @property
    def measure(self) -> Measure:
        return self.tracked.measure

    @property
    def measure_line(self) -> int:
        """The line of the key result (or SMART statement) in the current file."""
        return self.tracked.span.line

    @property
    def last_change(self) -> dt.date | None:
        return self.points[-1].date if self.points else None

    def observations(self) -> list[Observation]:
        """The series a forecast reads: values for key results with a target, else progress."""
        progress = uses_progress(self.measure)
        found = []
        for point in self.points:
            value = point.values.progress if progress else point.values.current
            if value is not None:
                found.append(Observation(point.date, value))
        return found

    def forecast(
        self, end: dt.date, today: dt.date, min_points: int = 3, window_days: int = 28
    ) -> Forecast | None:
        return forecast_measure(
            self.measure, self.observations(), end, today, min_points, window_days
        )


def document_timelines(
    document: Document,
    history: FileHistory | None,
    today: dt.date | None = None,
    since: dt.date | None = None,
) -> list[Timeline]:
    """A timeline for each key result of the file (or its SMART goal), in document order.

    With `today`, what was committed or checked in after it is left out, so a run `--today`
    in the past shows the journal as it stood then. With `since`, commits before it are left
    out but the last of them, which gives the values the period started with; older versions
    are then not even parsed.
    """
    existing = history.existing if history is not None else ()
    later = today is not None and any(v.commit.date > today for v in existing)
    if since is not None:
        first = next((i for i, v in enumerate(existing) if v.commit.date >= since), len(existing))
        existing = existing[max(0, first - 1) :]
    versions = [
        _Matched(version, document)
        for version in existing
        if today is None or version.commit.date <= today
    ]
    timelines = []
    for tracked in tracked_measures(document):
        points = _commit_points(tracked.key, versions, baseline=since is not None)
        if history is not None and today is not None and not later:
            points += _working_point(tracked, document, points, today)
        by_day: dict[dt.date, Point] = {point.date: point for point in points}
        for point in _check_in_points(tracked, document, versions):
            if today is None or point.date <= today:
                by_day[point.date] = point
        timelines.append(Timeline(tracked, _without_repeats([by_day[d] for d in sorted(by_day)])))
    return timelines


def _without_repeats(points: list[Point]) -> tuple[Point, ...]:
    """Drop a commit that only recorded what a check-in had already reported."""
    kept: list[Point] = []
    for point in points:
        repeats_check_in = (
            kept
            and point.source is not Source.CHECK_IN
            and kept[-1].source is Source.CHECK_IN
            and point.values.reported == kept[-1].values.reported
        )
        if not repeats_check_in:
            kept.append(point)
    return tuple(kept)


class _Matched:
    """A version's measures, and its parent's, keyed like the current document's."""

    def __init__(self, version: FileVersion, current: Document) -> None:
        assert version.document is not None
        self.commit = version.commit
        self.status = version.document.status
        self.measures = match_measures(current, version.document)
        self.parent: dict[str, Measure] | None = None
        self.parent_status = self.status
        if version.parent is not None:
            self.parent = match_measures(current, version.parent)
            self.parent_status = version.parent.status


def _commit_points(key: str, versions: Sequence[_Matched], baseline: bool = False) -> list[Point]:
    """A point for each commit that changed what the key result reports, against its parent.

    Comparing with the parent rather than the previous commit in time keeps a commit on one
    branch from reporting the stale values it carries for what another branch updated. A merge
    adds a point only for values neither side had reported. With `baseline`, the first version
    is a point whatever it changed: the values a period started with.
    """
    points: list[Point] = []
    for index, version in enumerate(versions):
        measure = version.measures.get(key)
        if measure is None:
            continue
        values = Values.of(measure, version.status)
        latest = points[-1].values.reported if points else None
        before = version.parent.get(key) if version.parent is not None else None
        if baseline and index == 0:
            changed = True
        elif version.parent is not None and before is not None:
            changed = values.reported != Values.of(before, version.parent_status).reported
            if version.commit.is_merge:
                changed = changed and values.reported != latest
        else:
            changed = values.reported != latest
        if changed:
            points.append(Point(version.commit.date, values, Source.COMMIT, version.commit))
    return points


def _working_point(
    tracked: Tracked, document: Document, points: list[Point], today: dt.date
) -> list[Point]:
    values = Values.of(tracked.measure, document.status)
    if points and points[-1].values.reported == values.reported:
        return []
    if not points and values.current is None and values.score is None:
        return []
    return [Point(today, values, Source.WORKING_TREE)]


def _check_in_points(
    tracked: Tracked, document: Document, versions: Sequence[_Matched]
) -> list[Point]:
    points = []
    for check_in in document.check_ins:
        for value in check_in.values:
            if _target_key(value.target, document) != tracked.key:
                continue
            measure = _measure_on(check_in.date, tracked, versions)
            reported = dataclasses.replace(measure, current=value.quantity, score=None)
            if check_in.confidence is not None:
                reported = dataclasses.replace(reported, confidence=check_in.confidence)
            values = Values.of(reported, document.status)
            points.append(Point(check_in.date, values, Source.CHECK_IN))
    return points


def _measure_on(day: dt.date, tracked: Tracked, versions: Sequence[_Matched]) -> Measure:
    """The measure as committed on `day` (targets move), else as the file has it now."""
    measure = None
    for version in versions:
        if version.commit.date > day:
            break
        measure = version.measures.get(tracked.key, measure)
    return measure or tracked.measure


def _target_key(target: str, document: Document) -> str | None:
    """`O1.KR2` as written, or a bare `KR2` for the first objective that has a KR2."""
    match = CHECK_IN_TARGET.fullmatch(target.upper())
    if match is None or document.smart is not None:
        return SMART_KEY if document.smart is not None and match is None else None
    key_result = f"KR{int(match['key_result'])}"
    if match["objective"] is not None:
        return f"O{int(match['objective'])}.{key_result}"
    for objective in document.objectives:
        if any(kr.id == key_result for kr in objective.key_results):
            return f"{objective.id}.{key_result}"
    return None


__all__ = ["Point", "Source", "Timeline", "document_timelines"]


def last_change(
    document: Document, history: FileHistory, today: dt.date
) -> tuple[dt.date, Commit | None] | None:
    """The last day a commit (or the working copy) changed what any key result reports.

    The same test as the timelines' commit points, walking back from the newest commit so that
    only the last few versions are parsed. None when no version reports anything.
    """
    existing = [v for v in history.existing if v.commit.date <= today]
    if not existing:
        return None
    tracked = tracked_measures(document)
    keys = [item.key for item in tracked]
    if len(existing) == len(history.existing):
        newest = _reported(document, existing[-1].document, keys)
        working = {item.key: Values.of(item.measure, document.status).reported for item in tracked}
        if any(newest.get(key, values) != values for key, values in working.items()):
            return today, None
    for index in range(len(existing) - 1, -1, -1):
        version = existing[index]
        mine = _reported(document, version.document, keys)
        older = _reported(document, existing[index - 1].document, keys) if index else {}
        parent = _reported(document, version.parent, keys) if version.parent else None
        if version.commit.is_merge:
            changed = mine != older and (parent is None or mine != parent)
        else:
            changed = mine != (older if parent is None else parent)
        if changed:
            return version.commit.date, version.commit
    return None


def _reported(
    current: Document, version: Document | None, keys: Sequence[str]
) -> dict[str, tuple[object, ...]]:
    if version is None:
        return {}
    measures = match_measures(current, version)
    return {
        key: Values.of(measures[key], version.status).reported for key in keys if key in measures
    }
