"""SMART criteria rules (SMART2xx): Specific, Measurable, Achievable, Relevant, Time-bound.

They apply to `type: smart` documents. Key results are left to the OKR rules, because an OKR
file's cycle already makes them time-bound and its objective makes them relevant; only
SMART208 also reads them, since "next quarter" in a key result contradicts its cycle. Dropped
goals are skipped by every rule; drafts are checked for how they are written (SMART201–205,
SMART208) but not held to the calendar (SMART203's pace check, SMART206, SMART207).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from goalkit.diagnostics import Severity
from goalkit.goalset import GoalSet
from goalkit.model import (
    Comparison,
    Direction,
    Document,
    GoalType,
    KeyResult,
    Measure,
    SmartGoal,
    Span,
    Status,
)
from goalkit.rules.base import Context, Finding, Option, RuleFamily, Scope
from goalkit.rules.okr import is_intact
from goalkit.rules.text import find_phrases, number, plural, quote, sub_span, word_count
from goalkit.scoring import document_score

family = RuleFamily()

VAGUE_WORDS = (
    "improve", "better", "more", "less", "some", "enhance", "optimize", "optimise", "boost",
    "increase", "grow", "good", "great", "nice", "several", "many", "a lot", "lots",
    "work on", "get better", "as much as possible",
)  # fmt: skip
VAGUE_SCOPE = ("etc", "and so on", "stuff", "things", "whatever", "various")
VAGUE_DEADLINES = (
    "soon", "asap", "as soon as possible", "next week", "next month", "next quarter",
    "next year", "this year", "this quarter", "this month", "someday", "some day", "sometime",
    "eventually", "when possible", "whenever possible", "at some point", "in the future",
    "in due course", "shortly",
)  # fmt: skip


def _smart(document: Document) -> SmartGoal | None:
    """The SMART statement of a goal the SMART rules should read, else None."""
    if document.type is not GoalType.SMART or document.status is Status.DROPPED:
        return None
    return document.smart if is_intact(document) else None


def _held_to_calendar(document: Document) -> bool:
    return document.status not in (Status.DRAFT, Status.DROPPED, Status.DONE)


def _deadline_span(document: Document, smart: SmartGoal) -> Span:
    """Where the deadline that `Document.deadline` reads is written."""
    if document.due is not None:
        return document.due.span
    if smart.due is not None:
        return smart.due.span
    if smart.within is not None and document.start is not None:
        return smart.within.span
    if document.cycle is not None and document.cycle.span is not None:
        return document.cycle.span
    return smart.span


# ── SMART201 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART201",
    name="not-specific",
    criterion="SMART: Specific",
    severity=Severity.WARNING,
    summary="A SMART goal is too short, or vague with no object or quantity.",
    why=(
        "A specific goal says what will change, for whom and by how much, so that anyone "
        'reading it would do the same thing. "Improve marketing" names a direction, not a '
        "goal. The rule reports a statement shorter than `min-words`; a word that leaves the "
        "scope open (`etc.`, `stuff`, `things`: the `vague-scope` list) anywhere; and a vague "
        "word (`improve`, `better`, `more`: the `vague-words` list) when the goal gives no "
        "quantity — no number in the statement and no `target` or `metric` in the "
        'front-matter. "Improve the newsletter open rate from 38% to 45%" is specific and '
        "passes."
    ),
    example="""\
---
type: smart
due: 2026-12-31
---

# Improve my marketing and do more networking
""",
    use_instead="""\
---
type: smart
due: 2026-12-31
---

# Send follow-up emails to 50 past clients
""",
    options=(
        Option("min-words", 4, "Fewest words in a specific statement."),
        Option("vague-words", VAGUE_WORDS, "Words that are vague unless a quantity follows."),
        Option("extend-vague-words", (), "More vague words, added to `vague-words`."),
        Option("vague-scope", VAGUE_SCOPE, "Words that leave the scope open, always reported."),
        Option("extend-vague-scope", (), "More open-scope words, added to `vague-scope`."),
    ),
)
def not_specific(document: Document, context: Context) -> Iterator[Finding]:
    smart = _smart(document)
    if smart is None:
        return
    statement, options = smart.statement, context.options
    count, minimum = word_count(statement), int(options["min-words"])
    hint = "Say what changes, for whom, and by how much"
    if count < minimum:
        yield Finding(
            span=smart.span,
            message=(
                f'SMART goal "{quote(statement)}" is too short to be specific '
                f"({plural(count, 'word')}; min {minimum})"
            ),
            hint=hint,
        )
        return
    open_scope = find_phrases(statement, [*options["vague-scope"], *options["extend-vague-scope"]])
    if open_scope:
        first = open_scope[0]
        yield Finding(
            span=sub_span(smart.span, statement, first.start, first.end, document.lines),
            message=f'SMART goal "{quote(statement)}" leaves its scope open ("{first.text}")',
            hint="List exactly what is included",
        )
        return
    vague = find_phrases(
        statement, [*options["vague-words"], *options["extend-vague-words"]], inflect=True
    )
    if vague and not _has_quantity(smart):
        shown = ", ".join(dict.fromkeys(f'"{match.text.lower()}"' for match in vague))
        yield Finding(
            span=sub_span(smart.span, statement, vague[0].start, vague[0].end, document.lines),
            message=(
                f'SMART goal "{quote(statement)}" uses vague wording ({shown}) with no quantity'
            ),
            hint=hint,
        )


def _has_quantity(smart: SmartGoal) -> bool:
    return bool(smart.measure.numbers) or smart.measure.target is not None or bool(smart.metric)


# ── SMART202 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART202",
    name="not-measurable",
    criterion="SMART: Measurable",
    severity=Severity.WARNING,
    summary="A SMART goal has no metric, number, target or milestone checklist.",
    why=(
        "If a goal has no measure, nobody can say whether it was reached or how far along it "
        "is. Any one of these makes it measurable: a number in the statement (`50 past "
        "clients`), `target`, `score` or `metric` in the front-matter, or milestones written "
        "as a checklist (`- [ ] …`), which measure progress by the boxes ticked."
    ),
    example="""\
---
type: smart
due: 2026-12-31
---

# Become known as the go-to consultant for B2B software marketing
""",
    use_instead="""\
---
type: smart
due: 2026-12-31
---

# Get 3 inbound leads a month from B2B software companies
""",
)
def not_measurable(document: Document, context: Context) -> Iterator[Finding]:
    smart = _smart(document)
    if smart is None:
        return
    if (
        smart.measure.is_measurable
        or smart.measure.numbers
        or smart.metric
        or any(milestone.checked is not None for milestone in smart.milestones)
    ):
        return
    yield Finding(
        span=smart.span,
        message=f'SMART goal "{quote(smart.statement)}" has no number, target or metric',
        hint="Add a number to the statement, `target:` and `metric:` to the front-matter, "
        "or a `- [ ]` milestone checklist",
    )


# ── SMART203 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART203",
    name="not-achievable",
    criterion="SMART: Achievable",
    severity=Severity.WARNING,
    summary="The target is a jump far beyond the baseline, or needs a pace far above the "
    "pace so far.",
    why=(
        "A goal nobody believes in is abandoned quietly. Two checks, each only when its data is "
        "there (never a guess): (1) for a goal that increases a number, a target more than "
        "`max-multiple` times the baseline (`from 500 to 5,000 subscribers`); reductions are "
        "not judged this way, since bringing defects or costs to near zero is often right. "
        "(2) Once `min-elapsed` of the goal's time has passed, the pace needed to close the "
        "gap in the days left is compared with the pace achieved since `start` (or the cycle's "
        "start), from the `baseline` (0 for a count that grows and has none) to `current`: "
        "needing more than `max-pace` times the pace so far is reported. Goals with no "
        "progress yet, overdue goals (SMART206) and drafts are left out of the pace check."
    ),
    example="""\
---
type: smart
due: 2026-12-31
baseline: 500
target: 5000
unit: subscribers
---

# Grow newsletter subscribers from 500 to 5,000 by 2026-12-31
""",
    use_instead="""\
---
type: smart
due: 2026-12-31
baseline: 500
target: 1200
unit: subscribers
---

# Grow newsletter subscribers from 500 to 1,200 by 2026-12-31
""",
    options=(
        Option("max-multiple", 3.0, "Largest target ÷ baseline for a goal that increases."),
        Option("max-pace", 3.0, "Largest needed pace ÷ achieved pace."),
        Option("min-elapsed", 0.25, "Share of the goal's time after which pace is judged."),
    ),
)
def not_achievable(document: Document, context: Context) -> Iterator[Finding]:
    smart = _smart(document)
    if smart is None:
        return
    measure = smart.measure
    if measure.target is None or measure.threshold is not None:
        return
    finding = _jump_beyond_baseline(measure, float(context.options["max-multiple"]))
    if finding is None and _held_to_calendar(document):
        finding = _pace_beyond_reach(document, measure, context)
    if finding is not None:
        yield finding


def _jump_beyond_baseline(measure: Measure, max_multiple: float) -> Finding | None:
    target, baseline = measure.target, measure.baseline
    if target is None or baseline is None or measure.direction is not Direction.INCREASE:
        return None
    if baseline.value <= 0 or target.value / baseline.value <= max_multiple:
        return None
    return Finding(
        span=target.span,
        message=(
            f"Target {number(target.value)} is {number(target.value / baseline.value)}× the "
            f"baseline {number(baseline.value)} (max {number(max_multiple)}×)"
        ),
        hint="Set a target you believe in, or split the goal into stages",
    )


def _pace_beyond_reach(document: Document, measure: Measure, context: Context) -> Finding | None:
    start, deadline, today = document.period_start, document.deadline, context.today
    target, current = measure.target, measure.current
    if start is None or deadline is None or target is None or current is None:
        return None
    baseline = _baseline_value(measure)
    elapsed_days, remaining_days = (today - start).days, (deadline - today).days
    if baseline is None or elapsed_days <= 0 or remaining_days <= 0:
        return None
    if elapsed_days / (deadline - start).days < float(context.options["min-elapsed"]):
        return None
    sign = 1.0 if target.value >= baseline else -1.0
    done, left = (current.value - baseline) * sign, (target.value - current.value) * sign
    if done <= 0 or left <= 0:
        return None
    ratio = (left / remaining_days) / (done / elapsed_days)
    max_pace = float(context.options["max-pace"])
    if ratio <= max_pace:
        return None
    return Finding(
        span=target.span,
        message=(
            f"Reaching {number(target.value)} by {deadline.isoformat()} needs {number(ratio)}× "
            f"the pace so far ({number(done)} in {plural(elapsed_days, 'day')}, "
            f"{number(left)} to go in {plural(remaining_days, 'day')}; max {number(max_pace)}×)"
        ),
        hint="Lower the target or move the deadline, and say why",
    )


def _baseline_value(measure: Measure) -> float | None:
    if measure.baseline is not None:
        return measure.baseline.value
    # A growing count with no baseline starts from zero; anything else would be a guess.
    if measure.direction is Direction.INCREASE and measure.threshold is not Comparison.AT_MOST:
        return 0.0
    return None


# ── SMART204 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART204",
    name="not-relevant",
    criterion="SMART: Relevant",
    severity=Severity.WARNING,
    summary="A SMART goal says neither what it supports nor why it matters.",
    why=(
        "A relevant goal serves something bigger; saying what keeps it from being busywork "
        "and lets a reader judge whether it is still worth doing. Give `supports: <goal id>` "
        "(a key result such as `freelance/2026-Q4-okrs#O1.KR2`) or a `## Why` section with a "
        "sentence or two (the `sections` option names the headings that count)."
    ),
    example="""\
---
type: smart
due: 2026-12-18
---

# Publish 10 weekly newsletter issues by December 18, 2026
""",
    use_instead="""\
---
type: smart
due: 2026-12-18
---

# Publish 10 weekly newsletter issues by December 18, 2026

## Why

Subscribers stay and forward when the newsletter arrives every week.
""",
    options=(
        Option(
            "sections", ("why",), "Reserved sections that count as a rationale (`why`, `notes`)."
        ),
    ),
)
def not_relevant(document: Document, context: Context) -> Iterator[Finding]:
    smart = _smart(document)
    if smart is None or document.supports:
        return
    names = {str(name).strip().lower() for name in context.options["sections"]}
    if any(s.name in names and s.text.strip() for s in document.sections):
        return
    yield Finding(
        span=smart.span,
        message=f'SMART goal "{quote(smart.statement)}" says neither what it supports nor why',
        hint="Add `supports: <goal id>` to the front-matter, or a `## Why` section",
    )


# ── SMART205 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART205",
    name="not-time-bound",
    criterion="SMART: Time-bound",
    severity=Severity.WARNING,
    summary="A SMART goal has no deadline.",
    why=(
        "Without a deadline a goal can always wait, and progress cannot be judged against "
        "time. Any of these bounds it: `due` in the front-matter, a `cycle`, a date in the "
        "statement (`by 2026-12-31`, `before Dec 1`), or `within two weeks` with a `start` "
        "date to count from."
    ),
    example="""\
---
type: smart
---

# Send follow-up emails to 50 past clients
""",
    use_instead="""\
---
type: smart
start: 2026-11-16
---

# Send follow-up emails to 50 past clients within two weeks
""",
)
def not_time_bound(document: Document, context: Context) -> Iterator[Finding]:
    smart = _smart(document)
    if smart is None or document.deadline is not None or smart.dates:
        return
    if smart.within is not None:
        yield Finding(
            span=smart.within.span,
            message=f'"{smart.within.text}" has no start date to count from',
            hint="Add `start: YYYY-MM-DD` to the front-matter",
        )
        return
    yield Finding(
        span=smart.span,
        message=f'SMART goal "{quote(smart.statement)}" has no deadline',
        hint="Add `due: YYYY-MM-DD` to the front-matter, or `by <date>` to the statement",
    )


# ── SMART206 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART206",
    name="overdue",
    criterion="SMART: Time-bound",
    severity=Severity.WARNING,
    summary="A SMART goal's deadline has passed and it is not done.",
    why=(
        "A goal past its deadline that still says `active` misleads everyone reading the "
        "progress report. Close it honestly: `status: done` when it was met, `status: "
        "dropped` when it no longer matters, or a new `due` date agreed on purpose. Goals "
        "whose progress has reached 1.0, drafts and dropped goals are not reported."
    ),
    example="""\
---
type: smart
due: 2026-10-31
target: 6
current: 4
---

# Submit 6 talk proposals to industry conferences
""",
    use_instead="""\
---
type: smart
due: 2026-10-31
status: done
target: 6
current: 6
---

# Submit 6 talk proposals to industry conferences
""",
)
def overdue(document: Document, context: Context) -> Iterator[Finding]:
    smart = _smart(document)
    if smart is None or not _held_to_calendar(document):
        return
    deadline = document.deadline
    if deadline is None or deadline >= context.today:
        return
    progress = document_score(document)
    if progress is not None and progress >= 1.0:
        return
    late = plural((context.today - deadline).days, "day")
    yield Finding(
        span=_deadline_span(document, smart),
        message=f"SMART goal was due {deadline.isoformat()} ({late} ago) and is not done",
        hint="Mark it `status: done` or `status: dropped`, or set a new `due` date",
    )


# ── SMART207 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART207",
    name="deadline-outside-cycle",
    criterion="SMART: Time-bound",
    severity=Severity.WARNING,
    summary="A SMART goal is due after the cycle of the goal it supports has ended.",
    why=(
        "A goal that supports a key result only helps if it lands while the key result is "
        "still being scored. When the goal's deadline falls after the end of the supported "
        "document's cycle — or after the supported key result's own due date — its result "
        "arrives too late to count. Move the deadline, or support a goal of the next cycle. "
        "Drafts, and goals already done or dropped, are skipped."
    ),
    example="""\
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 1,200 to 2,000
- KR2: Publish 6 long-form case studies
<!-- file: newsletter.md -->
---
type: smart
supports: okrs#O1.KR1
due: 2027-01-31
---

# Publish 12 weekly newsletter issues by 2027-01-31
""",
    use_instead="""\
<!-- file: okrs.md -->
---
type: okr
cycle: 2026-Q4
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 1,200 to 2,000
- KR2: Publish 6 long-form case studies
<!-- file: newsletter.md -->
---
type: smart
supports: okrs#O1.KR1
due: 2026-12-18
---

# Publish 10 weekly newsletter issues by 2026-12-18
""",
    scope=Scope.SET,
)
def deadline_outside_cycle(goal_set: GoalSet, context: Context) -> Iterator[Finding]:
    for document in goal_set.documents:
        smart = _smart(document)
        deadline = document.deadline
        if smart is None or deadline is None or not _held_to_calendar(document):
            continue
        for reference in document.supports:
            target = goal_set.resolve(reference)
            if target is None or target.document is document:
                continue
            limit = _latest_useful_day(target.document, target.key_result)
            if limit is None or deadline <= limit[0]:
                continue
            day, what = limit
            yield Finding(
                span=_deadline_span(document, smart),
                message=(
                    f"Due {deadline.isoformat()}, after {what} ({day.isoformat()}) "
                    f"of {reference.text}, which it supports"
                ),
                hint="Move the deadline inside that period, or support a goal of the next cycle",
                document=document,
            )


def _latest_useful_day(
    supported: Document, key_result: KeyResult | None
) -> tuple[dt.date, str] | None:
    """The last day a supporting goal's result still counts, and what sets that day."""
    due = key_result.due if key_result is not None else None
    cycle = supported.cycle
    if due is not None and (cycle is None or due.value < cycle.end):
        return due.value, "the due date"
    if cycle is not None:
        return cycle.end, f"the end of {cycle.label}"
    return None


# ── SMART208 ────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="SMART208",
    name="vague-deadline",
    criterion="SMART: Time-bound",
    severity=Severity.WARNING,
    summary='A goal says "soon", "ASAP" or "next quarter" instead of a date.',
    why=(
        '"Soon" and "next quarter" mean different days to different readers, and a file '
        "read three months later cannot tell which quarter was next. The rule reports each "
        "phrase of the `phrases` list in a SMART statement when the goal gives no date of its "
        "own (`due`, a date in the statement, or `within …` with a `start`); a `cycle` alone "
        "does not excuse it, since the phrase then contradicts or repeats it. Unlike the other "
        "SMART rules it also reads key results, which have no `due` of their own in most "
        "files: there a vague phrase either repeats the cycle or, worse, contradicts it "
        '("next quarter" in a Q4 key result).'
    ),
    example="""\
---
type: smart
---

# Launch the new portfolio website with 8 case studies ASAP
""",
    use_instead="""\
---
type: smart
---

# Launch the new portfolio website with 8 case studies by 2026-12-15
""",
    options=(
        Option("phrases", VAGUE_DEADLINES, "Phrases that stand in for a date."),
        Option("extend-phrases", (), "More vague time phrases, added to `phrases`."),
    ),
)
def vague_deadline(document: Document, context: Context) -> Iterator[Finding]:
    phrases = [*context.options["phrases"], *context.options["extend-phrases"]]
    smart = _smart(document)
    if smart is not None and not _has_own_date(document, smart):
        for match in find_phrases(smart.statement, phrases):
            yield Finding(
                span=sub_span(smart.span, smart.statement, match.start, match.end, document.lines),
                message=f'"{match.text}" is not a deadline',
                hint="Give a date: `due: YYYY-MM-DD`, or `by <date>` in the statement",
            )
    if document.type is not GoalType.OKR or document.status is Status.DROPPED:
        return
    if not is_intact(document):
        return
    cycle = document.cycle
    for key_result in document.key_results:
        if key_result.due is not None or key_result.dates:
            continue
        for match in find_phrases(key_result.text, phrases):
            bound = f"{cycle.label} already bounds it" if cycle else "give it a date"
            yield Finding(
                span=sub_span(
                    key_result.span, key_result.text, match.start, match.end, document.lines
                ),
                message=f'"{match.text}" is not a deadline; {bound}',
                hint="Drop the phrase, or give the key result a date (`{due: YYYY-MM-DD}`)",
            )


def _has_own_date(document: Document, smart: SmartGoal) -> bool:
    if document.due is not None or smart.due is not None or smart.dates:
        return True
    return smart.within is not None and document.start is not None
