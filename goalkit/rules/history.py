"""Rules that read the git journal of a goal file (OKR111, OKR113).

They see `context.history`, which `goalkit lint` reads only inside a git work tree and only when
one of them runs; without it they stay silent. An example here is a journal: the same file
several times (`<!-- file: NAME -->`), each version ending with the day it was committed
(`<!-- committed: YYYY-MM-DD -->`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from goalkit.diagnostics import Severity
from goalkit.model import Cycle, Document, GoalType, Measure, ProblemKind, Quantity, Span, Status
from goalkit.rules.base import Context, Finding, Option, RuleFamily
from goalkit.rules.text import number, plural

if TYPE_CHECKING:
    from goalkit.history.model import Commit, FileHistory, FileVersion

family = RuleFamily()

BROKEN = frozenset(
    (ProblemKind.UNREADABLE, ProblemKind.FRONT_MATTER_SYNTAX, ProblemKind.FRONT_MATTER_NOT_MAPPING)
)


def _period(document: Document, context: Context) -> tuple[dt.date, dt.date, str] | None:
    """The goal's first and last day and how to name the period, from its cycle or dates."""
    cycle: Cycle | None = context.goal_set.effective_cycle(document)
    start = document.period_start or (cycle.start if cycle else None)
    end = document.deadline or (cycle.end if cycle else None)
    if start is None or end is None:
        return None
    return start, end, (cycle.label if cycle else f"the period {start}..{end}")


def _file_history(document: Document, context: Context) -> FileHistory | None:
    if context.history is None or any(p.kind in BROKEN for p in document.problems):
        return None
    file_history = context.history.for_document(document)
    if file_history is None or not file_history.versions:
        return None
    return file_history


# ── OKR111 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR111",
    name="stale-progress",
    criterion="OKR: Regular check-ins",
    severity=Severity.WARNING,
    summary="An active goal's values have not changed for weeks while its cycle is running.",
    why=(
        "Goals move when someone looks at them every week or two; numbers left untouched for "
        "a month mean the goal has quietly been dropped, or is tracked somewhere else. The "
        "rule reads the file's git history: the last day any value, score, confidence or "
        "checkbox changed — in a commit, in an uncommitted edit, or in a dated entry of "
        "`## Check-ins` — must be within `days` (21) of today while the cycle runs. The "
        "clock starts no earlier than the cycle's first day. Files outside git, drafts and "
        "goals that are done or dropped are not checked. The finding stands on the title."
    ),
    example="""\
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1200}

<!-- committed: 2026-09-28 -->
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1300}

<!-- committed: 2026-10-20 -->
""",
    use_instead="""\
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1200}

<!-- committed: 2026-09-28 -->
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1300}

## Check-ins

- 2026-11-16: Launch week. KR1: 1420

<!-- committed: 2026-11-16 -->
""",
    options=(Option("days", 21, "Days without any change after which a running goal is stale."),),
    needs_history=True,
)
def stale_progress(document: Document, context: Context) -> Iterator[Finding]:
    from goalkit.history.timeline import last_change

    period = _period(document, context)
    file_history = _file_history(document, context)
    if document.status is not Status.ACTIVE or period is None or file_history is None:
        return
    start, end, label = period
    today = context.today
    if not start <= today <= end:
        return
    changed = last_change(document, file_history, today)
    check_ins = [check_in.date for check_in in document.check_ins if check_in.date <= today]
    if changed is None and not check_ins:
        return  # nothing was ever reported: OKR109's finding, not a stale one
    last = max([changed[0]] if changed else check_ins)
    if check_ins and max(check_ins) > last:
        last, changed = max(check_ins), None
    idle = (today - max(last, start)).days
    if idle <= int(context.options["days"]):
        return
    commit = f"commit {changed[1].short}" if changed and changed[1] else ""
    if last < start:
        what = (
            f"since {label} began on {start} (last change {last}{', ' if commit else ''}{commit})"
        )
    else:
        what = f"since {last}{f' ({commit})' if commit else ''}"
    yield Finding(
        span=document.title_span or Span(1, 1),
        message=(
            f"No value has changed for {plural(idle, 'day')} {what}, while {label} runs until {end}"
        ),
        hint=_check_in_hint(document, today),
    )


def _check_in_hint(document: Document, today: dt.date) -> str:
    key_results = document.key_results
    if not key_results:
        return f"Update `current`, or add a dated line under `## Check-ins`: `- {today}: …`"
    return f"Update the values, or add a check-in: `- {today}: {key_results[0].id}: …`"


# ── OKR113 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR113",
    name="moved-goalposts",
    criterion="OKR: Honest grading",
    severity=Severity.WARNING,
    summary="A key result's target or baseline was changed after its cycle began.",
    why=(
        "A target lowered mid-quarter turns a miss into a success on paper, and the score "
        "stops telling anyone how the quarter went. Targets are set when the cycle starts "
        "(its first day is still planning) and graded as set; if reality changed, the "
        "honest record is the original target, the score against it, and a note. The rule "
        "compares, in the file's git history, the target and baseline of each key result "
        "(or SMART goal) at the end of the cycle's first day — or in its first commit, if "
        "later — with what the file says now, and names the commit that changed them (or says "
        "the change is not committed yet, so a pre-commit hook warns before it lands). "
        "A file that moved to a new cycle starts again. When a change was agreed, say so "
        "where it happened: `<!-- goalkit-disable-next-line OKR113 -- why -->`."
    ),
    example="""\
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1200}

<!-- committed: 2026-09-28 -->
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 1,500 {current: 1400}

<!-- committed: 2026-11-16 -->
""",
    use_instead="""\
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1200}

<!-- committed: 2026-09-28 -->
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

# Newsletter OKRs

## O1: Grow an engaged audience

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {current: 1400}

## Notes

Growth is slower than planned: the launch slipped to November.

<!-- committed: 2026-11-16 -->
""",
    needs_history=True,
)
def moved_goalposts(document: Document, context: Context) -> Iterator[Finding]:
    from goalkit.history.values import match_measures, tracked_measures

    period = _period(document, context)
    file_history = _file_history(document, context)
    if document.status in (Status.DRAFT, Status.DROPPED) or period is None or not file_history:
        return
    start, _, label = period
    versions = _same_cycle(document, file_history, start, context.today)
    if not versions or versions[0].document is None:
        return
    reference = match_measures(document, versions[0].document)
    for tracked in tracked_measures(document):
        before = reference.get(tracked.key)
        if before is None:
            continue
        for field in ("target", "baseline"):
            was, now = _value(before, field), _value(tracked.measure, field)
            if was is None or now is None or was.value == now.value:
                continue
            changed = _last_change(document, versions, tracked.key, field, now)
            when = f"on {changed.date} (commit {changed.short})" if changed else "(not committed)"
            name = tracked.key if document.type is GoalType.OKR else "the goal"
            yield Finding(
                span=now.span,
                message=(
                    f"{field.capitalize()} of {name} moved from {number(was.value)} to "
                    f"{number(now.value)} {when}, after {label} began on {start}"
                ),
                hint="Grade against the target set at the start and note what changed; "
                "set the new target next cycle",
            )


def _same_cycle(
    document: Document, file_history: FileHistory, start: dt.date, today: dt.date
) -> list[FileVersion]:
    """The version the cycle started with (on its first day, or the first commit after it if
    the file came later) and every later version of the same cycle, oldest first; parses only
    the versions it must look at."""
    existing = [v for v in file_history.existing if v.commit.date <= today]
    started = sum(1 for v in existing if v.commit.date <= start)
    candidates = existing[max(0, started - 1) :]
    label = _cycle_label(document)
    first = next(
        (i for i, v in enumerate(candidates) if v.document and _cycle_label(v.document) == label),
        None,
    )
    return [] if first is None else candidates[first:]


def _cycle_label(document: Document) -> str | None:
    return document.cycle.label if document.cycle else None


def _value(measure: Measure, field: str) -> Quantity | None:
    quantity: Quantity | None = getattr(measure, field)
    return quantity


def _last_change(
    document: Document, versions: Sequence[FileVersion], key: str, field: str, now: Quantity
) -> Commit | None:
    """The commit that gave the field its current value: walking back from the newest version,
    the oldest of the run of versions that hold `now` (None when only the working copy does)."""
    from goalkit.history.values import match_measures

    changed = None
    for version in reversed(versions[1:]):
        if version.document is None or _cycle_label(version.document) != _cycle_label(document):
            break
        measure = match_measures(document, version.document).get(key)
        quantity = _value(measure, field) if measure is not None else None
        if quantity is None or quantity.value != now.value:
            break
        changed = version.commit
    return changed


def last_committed_value(document: Document, key: str, context: Context) -> dt.date | None:
    """The last day a commit of the current period gave key result `key` (`O1.KR2`) a value.

    OKR109's history seam: a value committed and since removed from the file was reported.
    """
    from goalkit.history.timeline import Source, document_timelines

    period = _period(document, context)
    file_history = _file_history(document, context)
    if period is None or file_history is None:
        return None
    timelines = document_timelines(document, file_history, context.today, since=period[0])
    dates = [
        point.date
        for timeline in timelines
        if timeline.key == key
        for point in timeline.points
        if point.source is Source.COMMIT
        and point.date >= period[0]
        and (point.values.current is not None or point.values.score is not None)
    ]
    return max(dates, default=None)
