"""OKR practice rules (OKR1xx), after Doerr's "Measure What Matters" and Google's OKR playbook.

They apply to `type: okr` documents. `status: dropped` documents are skipped by every rule: they
are kept for the record, not worked on. Drafts are checked for how they are written (OKR102–106,
OKR110, OKR112) so they improve before they go live, but not counted (OKR101) nor held to the
calendar (OKR107–109).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator

from goalkit.diagnostics import Severity
from goalkit.goalset import GoalSet
from goalkit.model import (
    Document,
    GoalType,
    KeyResult,
    Objective,
    ProblemKind,
    Quantity,
    Span,
    Status,
)
from goalkit.rules.base import Context, Finding, Option, RuleFamily, Scope
from goalkit.rules.text import (
    Match,
    find_phrases,
    leading_phrase,
    number,
    plural,
    quote,
    sub_span,
    visible_text,
    words,
)
from goalkit.scoring import expected_progress, key_result_progress, objective_score

family = RuleFamily()

ACTIVITY_VERBS = (
    "consult", "help", "analyze", "analyse", "participate", "launch", "write", "attend",
    "create", "build", "develop", "implement", "organize", "organise", "hold", "run", "start",
    "research", "plan", "prepare", "complete", "work on", "meet", "call", "draft", "design",
    "set up", "review", "explore", "investigate", "discuss", "assist", "contribute",
    "coordinate", "conduct", "host",
)  # fmt: skip
OUTCOME_UNITS = ("%", "$", "€", "£", "¥")
"""Rates and money measure results; a count (`4 blog posts`) may be output or outcome."""
NUMBER_IDIOMS = ("#1", "no. 1", "24/7", "365")
MAINTENANCE_VERBS = ("maintain", "continue", "keep", "sustain", "preserve", "support")
BROKEN = frozenset(
    (ProblemKind.UNREADABLE, ProblemKind.FRONT_MATTER_SYNTAX, ProblemKind.FRONT_MATTER_NOT_MAPPING)
)


def is_intact(document: Document) -> bool:
    """False when the file or its front-matter could not be read (GK001, GK008 say so).

    Its type, status and dates are then guesses, and practice findings on top would be noise.
    """
    return not any(problem.kind in BROKEN for problem in document.problems)


def _is_okr(document: Document) -> bool:
    return (
        document.type is GoalType.OKR
        and document.status is not Status.DROPPED
        and is_intact(document)
    )


def _is_live_okr(document: Document) -> bool:
    """Counted and held to the calendar: neither a draft nor dropped."""
    return _is_okr(document) and document.status is not Status.DRAFT


def _is_committed(objective: Objective, document: Document) -> bool:
    return objective.committed if objective.committed is not None else document.committed


def _cycle_closed(document: Document, today: dt.date) -> bool:
    """A cycle is closed once its last day is over, or when the file says it is done."""
    if document.status is Status.DONE:
        return True
    return document.cycle is not None and document.cycle.end < today


def _range(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


# ── OKR101 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR101",
    name="objective-count",
    criterion="OKR: Focus",
    severity=Severity.WARNING,
    summary="An owner has too few or too many objectives in a cycle, counted across files.",
    why=(
        "OKRs are a tool for focus: Doerr recommends three to five objectives per owner and "
        "cycle, and Wodtke's *Radical Focus* just one. More objectives spread attention until "
        "none gets done; fewer than the minimum usually means the real priorities live "
        "somewhere else. Objectives are counted per owner and cycle across every file, because "
        "splitting a quarter over several files does not make it smaller. Only `type: okr` "
        "files with a `cycle` count; drafts and dropped files do not. A file without an `owner` "
        "is counted on its own, for too many objectives only. The finding stands on the first "
        "objective of the first file being linted (so a pre-commit run on any one of them "
        "reports it) and lists the files."
    ),
    example="""\
---
type: okr
owner: Maya Lindqvist
cycle: 2026-Q4
---

## O1: Establish authority in niche marketing

- KR1: Speak at 3 industry conferences
- KR2: Grow newsletter subscribers from 1,200 to 2,000
""",
    use_instead="""\
---
type: okr
owner: Maya Lindqvist
cycle: 2026-Q4
---

## O1: Establish authority in niche marketing

- KR1: Speak at 3 industry conferences
- KR2: Grow newsletter subscribers from 1,200 to 2,000

## O2: Build a business that pays for deep work

- KR1: Raise my day rate from $800 to $920
- KR2: Keep client churn below 10%

## O3: Fill my pipeline with clients I want to work with

- KR1: Grow qualified leads from 4 to 12 per month
- KR2: Reach a 30% proposal win rate
""",
    options=(
        Option("min", 3, "Fewest objectives per owner and cycle (Doerr: 3; Wodtke: 1)."),
        Option("max", 5, "Most objectives per owner and cycle (Doerr: 5; Wodtke: 1)."),
    ),
    scope=Scope.SET,
)
def objective_count(goal_set: GoalSet, context: Context) -> Iterator[Finding]:
    low, high = int(context.options["min"]), int(context.options["max"])
    # A cycle is its days: `cycle: 2026-Q3` and `start`/`end` over the same quarter are one.
    groups: dict[tuple[str, dt.date, dt.date], list[Document]] = {}
    for document in goal_set.documents:
        cycle = document.cycle
        if not _is_live_okr(document) or cycle is None:
            continue
        owners = [owner.strip() for owner in document.owners if owner.strip()]
        # A file without an owner (GK002) cannot join anyone's count, but its own objectives
        # are still too many or too few for whoever ends up owning it.
        for owner in dict.fromkeys(owners or [_ownerless(document)]):
            groups.setdefault((owner, cycle.start, cycle.end), []).append(document)
    for (owner, _, _), documents in sorted(groups.items()):
        documents.sort(key=lambda d: d.path.as_posix())
        count = sum(len(d.objectives) for d in documents)
        ownerless = owner.startswith(OWNERLESS)
        # Too few is unknowable without an owner (their other files may hold the rest).
        if low <= count <= high or (ownerless and count < low):
            continue
        # Pre-commit names only the changed files: the finding must stand on one of them, or a
        # commit that adds the sixth objective in a later file would pass.
        first = next(
            (d for d in documents if d.objectives and context.is_reported(d)),
            next((d for d in documents if d.objectives), documents[0]),
        )
        span = first.objectives[0].span if first.objectives else _document_span(first)
        files = ", ".join(d.path.as_posix() for d in documents)
        where = f"in {files}" if len(documents) == 1 else f"across {files}"
        advice = "focus on fewer" if count > high else "name what matters most"
        label = next(d.cycle.label for d in documents if d.cycle is not None)
        who = "This file, which has no owner," if ownerless else owner
        place = "" if ownerless else f" {where}"
        yield Finding(
            span=span,
            message=(
                f"{who} has {plural(count, 'objective')} in {label}{place}; "
                f"aim for {_range(low, high)}"
            ),
            hint=f"{advice.capitalize()}: keep {_range(low, high)} objectives per owner and cycle",
            document=first,
        )


OWNERLESS = "\0"
"""Sorts before every name; followed by the path, so each ownerless file is its own group."""


def _ownerless(document: Document) -> str:
    return OWNERLESS + document.path.as_posix()


def _document_span(document: Document) -> Span:
    if document.cycle is not None and document.cycle.span is not None:
        return document.cycle.span
    return document.title_span or Span(1, 1)


# ── OKR102 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR102",
    name="key-result-count",
    criterion="OKR: Focus",
    severity=Severity.WARNING,
    summary="An objective has too few or too many key results.",
    why=(
        "Two to five key results measure an objective from more than one side without burying "
        "it (Doerr: at most five; Wodtke: three). A single key result invites gaming it at the "
        "expense of the objective; a long list turns the objective into a to-do list. "
        "Objectives with no key results at all are OKR106's finding, not this one."
    ),
    example="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 800 to 1,200
""",
    use_instead="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 800 to 1,200
- KR2: Publish 4 long-form case studies
""",
    options=(
        Option("min", 2, "Fewest key results per objective (Wodtke: 3)."),
        Option("max", 5, "Most key results per objective (Doerr: 5; Wodtke: 3)."),
    ),
)
def key_result_count(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    low, high = int(context.options["min"]), int(context.options["max"])
    for objective in document.objectives:
        count = len(objective.key_results)
        if count == 0 or low <= count <= high:
            continue
        hint = (
            "Keep the ones that best show the objective is met; move the rest to initiatives"
            if count > high
            else "Add a key result that measures the objective from another side"
        )
        yield Finding(
            span=objective.span,
            message=(
                f'Objective "{quote(objective.title)}" has {plural(count, "key result")}; '
                f"aim for {_range(low, high)}"
            ),
            hint=hint,
        )


# ── OKR103 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR103",
    name="unmeasurable-key-result",
    criterion="OKR: Measurable key results",
    severity=Severity.WARNING,
    summary="A key result has no number, target, score or checkbox.",
    why=(
        '"It\'s not a key result unless it has a number" (Marissa Mayer, quoted by Doerr). A '
        "key result must let anyone tell, at the end of the cycle, whether and how far it was "
        "met. A number in the text (`from 1,200 to 2,000`, `3 conferences`, `below 10%`), a "
        "`{target: …}` or `{score: …}` attribute, or a checkbox for a yes/no milestone all "
        "make it measurable."
    ),
    example="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow the newsletter
- KR2: Publish 4 long-form case studies
""",
    use_instead="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 1,200 to 2,000
- KR2: Publish 4 long-form case studies
""",
)
def unmeasurable_key_result(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    for key_result in document.key_results:
        if key_result.measure.is_measurable:
            continue
        yield Finding(
            span=key_result.span,
            message=f'Key result "{quote(key_result.text)}" has no number, target or checkbox',
            hint=(
                "Say how much and from where (`from 1,200 to 2,000 subscribers`), "
                "or make a yes/no milestone a checkbox (`- [ ] …`)"
            ),
        )


# ── OKR104 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR104",
    name="objective-has-metric",
    criterion="OKR: Qualitative objectives",
    severity=Severity.WARNING,
    summary="An objective's title holds a number; numbers belong in key results.",
    why=(
        "An objective says *what* you want and why it matters, in words that inspire; its key "
        "results say *how you will know*, in numbers. A number in the objective usually means "
        "a key result was promoted to objective, leaving nothing to measure it by. Years "
        "(`2026`), cycles (`Q4`), dates and ordinals (`1st`) are not metrics and are ignored; "
        "so are the phrases the `ignore` option lists: ranks and idioms such as `#1` and "
        "`24/7` by default, and whatever names your team uses (`Web 3.0`)."
    ),
    example="""\
---
type: okr
---

## O1: Get 50 new clients

- KR1: Grow qualified leads from 4 to 12 per month
- KR2: Reach a 30% proposal win rate
""",
    use_instead="""\
---
type: okr
---

## O1: Fill my pipeline with clients I want to work with

- KR1: Grow qualified leads from 4 to 12 per month
- KR2: Reach a 30% proposal win rate
""",
    options=(
        Option("ignore-years", True, "Treat a bare year such as 2026 as a date, not a metric."),
        Option("ignore", NUMBER_IDIOMS, "Phrases whose numbers are names or idioms, not metrics."),
    ),
)
def objective_has_metric(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    for objective in document.objectives:
        idioms = find_phrases(objective.title, [str(p) for p in context.options["ignore"]])
        metrics = [
            quantity
            for quantity in objective.numbers
            if not _within(quantity, objective, idioms)
            and not (context.options["ignore-years"] and _is_year(quantity.text))
        ]
        if not metrics:
            continue
        shown = ", ".join(f'"{quantity.text}"' for quantity in metrics)
        yield Finding(
            span=metrics[0].span,
            message=(
                f'Objective "{quote(objective.title)}" contains a metric ({shown}); '
                "objectives should be qualitative"
            ),
            hint="Move the number into a key result and say what it achieves in the objective",
        )


def _within(quantity: Quantity, objective: Objective, phrases: list[Match]) -> bool:
    if quantity.span.line != objective.span.line:
        return False
    offset = quantity.span.column - objective.span.column
    return any(phrase.start <= offset < phrase.end for phrase in phrases)


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2199


# ── OKR105 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR105",
    name="activity-key-result",
    criterion="OKR: Outcomes, not activities",
    severity=Severity.WARNING,
    summary="A key result starts with an activity verb: it describes work, not an outcome.",
    why=(
        'Google\'s OKR playbook warns against key results that describe activity — "consult", '
        '"help", "analyze", "participate" — because you can do all of it and still change '
        "nothing. A key result states the outcome the work should produce: the number that "
        "moves when it worked. The rule reads the key result's first words against the `verbs` "
        "list (regular forms match too: `writes`, `writing`). A key result that states a "
        "change from a baseline (`Develop the pipeline from $200k to $500k`), a level to "
        "hold (`Hold NPS above 50`), or a rate or sum of money to reach (`Complete 90% of "
        "onboardings in a week`, `Build a $500k pipeline`) measures an outcome whatever its "
        "verb, and passes (the `outcome-units` option lists those units). A count is "
        "ambiguous — four blog posts are output, 500 users an outcome — so there the verb "
        "decides, and "
        "“Launch the referral program to 500 paying users” is flagged on purpose: "
        "the outcome is there but the key result reads as a task; leading with the outcome "
        "(“Reach 500 paying users through the referral program”) is a small rewrite that "
        "keeps the team's eyes on the result. Take a verb off the list, or suppress the line, "
        "if your team disagrees."
    ),
    example="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Write 4 blog posts
- KR2: Grow newsletter subscribers from 800 to 1,200
""",
    use_instead="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Get 300 visits a month from search to my case studies
- KR2: Grow newsletter subscribers from 800 to 1,200
""",
    options=(
        Option("verbs", ACTIVITY_VERBS, "Leading words that mark a task or an output."),
        Option("extend-verbs", (), "More activity verbs, added to `verbs`."),
        Option(
            "outcome-units",
            OUTCOME_UNITS,
            "Target units that make a key result an outcome whatever its verb "
            "(add your own, such as `paying users`).",
        ),
    ),
)
def activity_key_result(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    verbs = [*context.options["verbs"], *context.options["extend-verbs"]]
    outcome_units = {str(unit).lower() for unit in context.options["outcome-units"]}
    for key_result in document.key_results:
        match = leading_phrase(key_result.text, verbs)
        if match is None or _states_an_outcome(key_result, outcome_units):
            continue
        yield Finding(
            span=sub_span(key_result.span, key_result.text, match.start, match.end, document.lines),
            message=(
                f'Key result "{quote(key_result.text)}" describes an activity '
                f'("{match.text.lower()}"), not an outcome'
            ),
            hint="State the result the work should produce, and how you will measure it",
        )


def _states_an_outcome(key_result: KeyResult, outcome_units: set[str]) -> bool:
    """A change from a baseline, a level to hold, or a rate or sum of money to reach."""
    measure = key_result.measure
    if measure.threshold is not None:
        return True
    if measure.target is None:
        return False
    unit = (measure.target.unit or "").lower()
    return measure.baseline is not None or unit in outcome_units


# ── OKR106 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR106",
    name="objective-without-key-results",
    criterion="OKR: Measurable key results",
    severity=Severity.WARNING,
    summary="An objective has no key results.",
    why=(
        "Without key results an objective is a wish: nobody can tell whether it was met, nor "
        "how far along it is. Every objective needs key results listed under its heading "
        "(`- KR1: …`)."
    ),
    example="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it
""",
    use_instead="""\
---
type: okr
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 800 to 1,200
- KR2: Publish 4 long-form case studies
""",
)
def objective_without_key_results(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    for objective in document.objectives:
        if objective.key_results:
            continue
        yield Finding(
            span=objective.span,
            message=f'Objective "{quote(objective.title)}" has no key results',
            hint="List 2–5 measurable key results under its heading (`- KR1: …`)",
        )


# ── OKR107 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR107",
    name="sandbagging",
    criterion="OKR: Ambition",
    severity=Severity.WARNING,
    summary="A closed cycle's aspirational key results were all but fully met.",
    why=(
        "Aspirational OKRs are meant to stretch: Google expects them to land around 0.6–0.7, "
        "and a team that scores 1.0 on all of them set the bar too low. Once the cycle is over "
        "(its end date has passed, or the file says `status: done`), the rule averages the "
        "progress of the key results of aspirational (not committed) objectives and reports "
        "when the average reaches `threshold` or every one of them hit 1.0. It needs at least "
        "`min-key-results` graded key results, so one lucky key result is not a verdict. "
        "Committed objectives are expected to reach 1.0 and are left out, as are drafts and "
        "dropped files."
    ),
    example="""\
---
type: okr
cycle: 2026-Q3
status: done
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 800 to 1,200 {score: 1.0}
- KR2: Publish 4 long-form case studies {score: 1.0}
- KR3: Speak at 2 industry meetups {score: 0.9}
""",
    use_instead="""\
---
type: okr
cycle: 2026-Q3
status: done
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 800 to 1,500 {score: 0.8}
- KR2: Publish 6 long-form case studies {score: 0.5}
- KR3: Speak at 3 industry conferences {score: 0.7}
""",
    options=(
        Option("threshold", 0.9, "Average progress at or above which the cycle was too easy."),
        Option("min-key-results", 3, "Fewest graded aspirational key results to judge by."),
    ),
)
def sandbagging(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_live_okr(document) or not _cycle_closed(document, context.today):
        return
    progress = [
        value
        for objective in document.objectives
        if not _is_committed(objective, document)
        for value in (key_result_progress(kr) for kr in objective.key_results)
        if value is not None
    ]
    if len(progress) < max(1, int(context.options["min-key-results"])):
        return
    average = statistics.fmean(progress)
    all_met = all(value >= 1.0 for value in progress)
    if average < float(context.options["threshold"]) and not all_met:
        return
    cycle = f"cycle {document.cycle.label}" if document.cycle else "this cycle"
    outcome = (
        f"all {len(progress)} hit 1.0"
        if all_met
        else f"averaged {number(average)} over {plural(len(progress), 'key result')}"
    )
    yield Finding(
        span=_closed_cycle_span(document),
        message=f"Aspirational key results {outcome} in closed {cycle}; the goals did not stretch",
        hint="Aspirational OKRs should land around 0.6–0.7: set bolder targets next cycle",
    )


def _closed_cycle_span(document: Document) -> Span:
    status = document.front_matter.get("status")
    if document.cycle is not None and document.cycle.span is not None:
        return document.cycle.span
    if status is not None:
        return status.value_span or status.span
    return document.title_span or Span(1, 1)


# ── OKR108 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR108",
    name="committed-shortfall",
    criterion="OKR: Commitments",
    severity=Severity.WARNING,
    summary="A committed objective ended below 1.0 with no postmortem.",
    why=(
        "A committed objective is a promise: the team rearranges its work until it reaches "
        "1.0. Google's playbook asks for a postmortem when a commitment is missed, so the "
        "next plan learns from it. After the cycle ends (or `status: done`), an objective "
        "marked `{committed: true}` — or in a file with `committed: true` — whose score is "
        "below 1.0 needs a `## Postmortem` section with some text. Objectives with no graded "
        "key result are left to OKR109; drafts and dropped files are skipped."
    ),
    example="""\
---
type: okr
cycle: 2026-Q3
status: done
---

## O1: Put my practice on a stable footing {committed: true}

- KR1: Reach $14k in monthly revenue {score: 0.9}
- KR2: Keep unpaid invoices under 5% of revenue {score: 1.0}
""",
    use_instead="""\
---
type: okr
cycle: 2026-Q3
status: done
---

## O1: Put my practice on a stable footing {committed: true}

- KR1: Reach $14k in monthly revenue {score: 0.9}
- KR2: Keep unpaid invoices under 5% of revenue {score: 1.0}

## Postmortem

Revenue fell short because one retainer paused in August; Q4 adds a pipeline objective.
""",
    options=(
        Option(
            "sections",
            ("postmortem",),
            "Reserved sections that count as a postmortem (`postmortem`, `retrospective`).",
        ),
    ),
)
def committed_shortfall(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_live_okr(document) or not _cycle_closed(document, context.today):
        return
    names = {str(name).strip().lower() for name in context.options["sections"]}
    if any(s.name in names and s.text.strip() for s in document.sections):
        return
    for objective in document.objectives:
        score = objective_score(objective)
        if not _is_committed(objective, document) or score is None or score >= 1.0:
            continue
        yield Finding(
            span=objective.span,
            message=(
                f'Committed objective "{quote(objective.title)}" ended at {number(score)}, '
                "below 1.0, with no postmortem"
            ),
            hint="Add a `## Postmortem` section: what got in the way, and what changes next cycle",
        )


# ── OKR109 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR109",
    name="missing-progress",
    criterion="OKR: Regular check-ins",
    severity=Severity.WARNING,
    summary="Past a share of the cycle, a key result still has no progress reported.",
    why=(
        "OKRs work when progress is looked at every week or two; a key result with no value "
        "a quarter into the cycle is one nobody is tracking. Once `after` of the cycle has "
        "passed, every key result needs a `{current: …}` or `{score: …}`, a checkbox, an "
        "`N/M` value, or a check-in that reports it (`KR2: 1300` or `O1.KR2: 1300` in "
        "`## Check-ins`). Key results with nothing to measure against are OKR103's finding "
        "and are not reported twice. Drafts are skipped."
    ),
    example="""\
---
type: okr
cycle: 2026-Q4
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 1,200 to 2,000
- KR2: Publish 6 long-form case studies {current: 2}
""",
    use_instead="""\
---
type: okr
cycle: 2026-Q4
---

## O1: Make my niche visible to the people who hire for it

- KR1: Grow newsletter subscribers from 1,200 to 2,000
- KR2: Publish 6 long-form case studies {current: 2}

## Check-ins

- 2026-11-12: Steady growth. KR1: 1450
""",
    options=(Option("after", 0.25, "Share of the cycle after which progress is expected."),),
)
def missing_progress(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_live_okr(document) or document.cycle is None:
        return
    cycle = document.cycle
    elapsed = expected_progress(cycle.start, cycle.end, context.today)
    if elapsed < float(context.options["after"]):
        return
    for objective in document.objectives:
        for key_result in objective.key_results:
            if not key_result.measure.is_measurable or _has_value(key_result):
                continue
            if _last_reported(document, objective, key_result, context) is not None:
                continue
            yield Finding(
                span=key_result.span,
                message=(
                    f'Key result "{quote(key_result.text)}" has no progress reported '
                    f"{round(elapsed * 100)}% into {cycle.label}"
                ),
                hint="Add `{current: …}` to the key result, or a check-in line such as "
                f"`- {context.today.isoformat()}: {objective.id}.{key_result.id}: …`",
            )


def _has_value(key_result: KeyResult) -> bool:
    measure = key_result.measure
    return measure.current is not None or measure.score is not None or measure.is_binary


def _last_reported(
    document: Document, objective: Objective, key_result: KeyResult, context: Context
) -> dt.date | None:
    """The last day a value was reported for the key result outside its own line, if ever.

    Today that is the `## Check-ins` section. This is the seam for the git history: a value
    committed earlier and since removed from the file still counts as reported
    (`context.history`, when the engine read it).
    """
    wanted = {f"{objective.id}.{key_result.id}".upper()}
    if objective is _first_with_key_result(document, key_result.id):
        # A bare `KR2:` in a check-in names the first objective's KR2, as people write it.
        wanted.add(key_result.id.upper())
    dates = [
        check_in.date
        for check_in in document.check_ins
        if any(value.target.upper() in wanted for value in check_in.values)
    ]
    if context.history is not None:
        from goalkit.rules.history import last_committed_value

        committed = last_committed_value(document, f"{objective.id}.{key_result.id}", context)
        dates += [committed] if committed is not None else []
    return max(dates, default=None)


def _first_with_key_result(document: Document, key_result_id: str) -> Objective | None:
    return next(
        (o for o in document.objectives if any(kr.id == key_result_id for kr in o.key_results)),
        None,
    )


# ── OKR110 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR110",
    name="objective-too-long",
    criterion="OKR: Memorable objectives",
    severity=Severity.WARNING,
    summary="An objective's title is too long to remember.",
    why=(
        "An objective people can repeat from memory is one they act on. Doerr's examples run "
        "from three to ten words. The rule counts words (`max-words`, 12) because that is what "
        "makes a sentence hard to remember, and also characters (`max-chars`, 90) to catch "
        "titles short in words but long in letters (compound words, long names); either limit "
        "reports. Both count the text as it reads: a link counts by its text, not its address. "
        "Set a limit to 0 to switch that half off. Move the detail into the key results or a "
        "paragraph under the heading."
    ),
    example="""\
---
type: okr
---

## O1: Become the studio that B2B software companies in Europe call first when they need content that sells

- KR1: Grow inbound qualified leads from 20 to 45 per month
- KR2: Reach a 40% win rate on proposals
""",  # noqa: E501
    use_instead="""\
---
type: okr
---

## O1: Become the studio B2B software companies call first

- KR1: Grow inbound qualified leads from 20 to 45 per month
- KR2: Reach a 40% win rate on proposals
""",
    options=(
        Option("max-words", 12, "Most words in an objective's title (0: no limit)."),
        Option("max-chars", 90, "Most characters in an objective's title (0: no limit)."),
    ),
)
def objective_too_long(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    max_words, max_chars = int(context.options["max-words"]), int(context.options["max-chars"])
    for objective in document.objectives:
        title = visible_text(objective.title)
        count, length = len(words(title)), len(title)
        if max_words and count > max_words:
            size = f"{count} words long (max {max_words})"
        elif max_chars and length > max_chars:
            size = f"{length} characters long (max {max_chars})"
        else:
            continue
        yield Finding(
            span=objective.span,
            message=f"Objective is {size}; make it short and memorable",
            hint="Keep the intent in the title; move the detail into key results",
        )


# ── OKR112 ──────────────────────────────────────────────────────────────────────────────────


@family.rule(
    code="OKR112",
    name="business-as-usual",
    criterion="OKR: Change, not upkeep",
    severity=Severity.INFO,
    summary='An objective only maintains what exists ("Maintain…", "Continue…", "Keep…").',
    why=(
        "OKRs are for what should be different at the end of the cycle. Keeping the lights on "
        "matters, but as a health metric it crowds out the objectives that change something. "
        "The rule reads the objective's first word against the `verbs` list. It is advice "
        "(info): a key result may well be a threshold to keep (`Keep churn below 5%`)."
    ),
    example="""\
---
type: okr
---

## O1: Maintain the company website

- KR1: Keep uptime above 99.9%
- KR2: Keep page load time under 2 seconds
""",
    use_instead="""\
---
type: okr
---

## O1: Turn our website into our best salesperson

- KR1: Increase visitor-to-lead conversion from 1.2% to 2.5%
- KR2: Grow monthly organic visitors from 9,000 to 15,000
""",
    options=(
        Option("verbs", MAINTENANCE_VERBS, "Leading words of an upkeep objective."),
        Option("extend-verbs", (), "More upkeep words, added to `verbs`."),
    ),
)
def business_as_usual(document: Document, context: Context) -> Iterator[Finding]:
    if not _is_okr(document):
        return
    for objective in document.objectives:
        verbs = [*context.options["verbs"], *context.options["extend-verbs"]]
        match = leading_phrase(objective.title, verbs)
        if match is None:
            continue
        yield Finding(
            span=sub_span(objective.span, objective.title, match.start, match.end, document.lines),
            message=(
                f'Objective "{quote(objective.title)}" only maintains '
                f'("{match.text.lower()}"); objectives should change something'
            ),
            hint="Ask what should be different at the end of the cycle; "
            "track upkeep as a health metric",
        )
