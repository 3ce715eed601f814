"""One goal file → its `GoalView`: scores, measures, check-ins, prose, findings and quality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from goalkit.diagnostics import Diagnostic
from goalkit.model import (
    Cycle,
    Document,
    Initiative,
    KeyResult,
    Measure,
    Objective,
    ProblemKind,
    Quantity,
    Reference,
)
from goalkit.report.prose import intro_source
from goalkit.report.slugs import slugify
from goalkit.report.views import (
    CheckInValueView,
    CheckInView,
    CriterionView,
    FindingView,
    GoalLink,
    GoalView,
    InitiativeView,
    KeyResultView,
    Location,
    ObjectiveView,
    QuantityView,
    ReferenceView,
    Score,
    SectionView,
    SmartView,
    SuppressionView,
)
from goalkit.rules.base import Rule
from goalkit.scoring import (
    document_score,
    expected_progress,
    key_result_progress,
    measure_progress,
    objective_score,
    pace_status,
    score_band,
)

FATAL_PROBLEMS = (
    ProblemKind.UNREADABLE,
    ProblemKind.FRONT_MATTER_SYNTAX,
    ProblemKind.FRONT_MATTER_NOT_MAPPING,
)
PREFIX_UNITS = ("$", "€", "£", "¥")
INTERNAL_ERROR_CODE = "GK000"
"""A crashed rule: about goalkit, not about the goal, so no quality criterion."""
PROSE_SECTIONS_EXCLUDED = ("check-ins",)


@dataclass(frozen=True)
class Period:
    """The days a goal's progress is measured against: its own, else its cycle's."""

    start: dt.date | None
    end: dt.date | None
    today: dt.date

    def score(self, value: float | None) -> Score:
        expected = (
            expected_progress(self.start, self.end, self.today)
            if self.start is not None and self.end is not None
            else None
        )
        status = pace_status(value, self.start, self.end, self.today)
        return Score(value, band_of(value), status.value, expected)


@dataclass(frozen=True)
class GoalInputs:
    """What a goal page needs besides its document, gathered by the site builder."""

    slug: str
    cycle: Cycle | None
    today: dt.date
    diagnostics: Sequence[Diagnostic]
    suppressions: Sequence[SuppressionView]
    rules: Sequence[Rule]
    supporters: Mapping[tuple[str | None, str | None], Sequence[GoalLink]]
    """(objective id, key result id) → goals supporting that part; (None, None) the whole file."""
    references: Sequence[tuple[Reference, GoalLink | None]]


def band_of(value: float | None) -> str:
    return "none" if value is None else score_band(value).value


def goal_page(slug: str) -> str:
    return f"goals/{slug}.html"


def goal_view(document: Document, inputs: GoalInputs) -> GoalView:
    path = document.path.as_posix()
    period = Period(
        document.period_start or (inputs.cycle.start if inputs.cycle else None),
        document.deadline or (inputs.cycle.end if inputs.cycle else None),
        inputs.today,
    )
    findings = tuple(finding_view(d, goal_page(inputs.slug)) for d in inputs.diagnostics)
    errors = tuple(
        FindingView(
            Location(path, problem.span.line, problem.span.column),
            "",
            problem.kind.value,
            "error",
            problem.message,
            None,
            goal_page(inputs.slug),
        )
        for problem in document.problems
        if problem.kind in FATAL_PROBLEMS
    )
    return GoalView(
        id=document.id,
        slug=inputs.slug,
        page=goal_page(inputs.slug),
        badge=f"badges/{inputs.slug}.svg",
        path=path,
        title=document.title or document.id,
        type=document.type.value,
        lifecycle=document.status.value,
        owners=document.owners,
        cycle=inputs.cycle.label if inputs.cycle else None,
        start=_iso(period.start),
        deadline=_iso(period.end),
        committed=document.committed,
        confidence=document.confidence.value if document.confidence else None,
        tags=document.tags,
        score=period.score(document_score(document)),
        elapsed=period.score(None).expected,
        objectives=tuple(
            _objective_view(objective, document, period, inputs)
            for objective in document.objectives
        ),
        smart=_smart_view(document, period),
        check_ins=tuple(
            CheckInView(
                check_in.date.isoformat(),
                check_in.span.line,
                check_in.text,
                check_in.confidence.value if check_in.confidence else None,
                tuple(
                    CheckInValueView(value.target, quantity_view(value.quantity))
                    for value in check_in.values
                ),
            )
            for check_in in sorted(document.check_ins, key=lambda c: (c.date, c.span.line))
        ),
        intro_markdown=intro_source(document.body, document.title) if not errors else "",
        sections=tuple(
            SectionView(section.name, section.title, section.span.line, section.text.strip())
            for section in document.sections
            if section.name not in PROSE_SECTIONS_EXCLUDED
        ),
        supports=tuple(
            ReferenceView(reference.text, reference.span.line, link)
            for reference, link in inputs.references
        ),
        supporters=tuple(inputs.supporters.get((None, None), ())),
        errors=errors,
        findings=findings,
        quality=() if errors else quality(document, inputs.rules, inputs.diagnostics),
        suppressions=tuple(inputs.suppressions),
    )


def finding_view(diagnostic: Diagnostic, page: str | None) -> FindingView:
    return FindingView(
        Location(diagnostic.path, diagnostic.line, diagnostic.column),
        diagnostic.code,
        diagnostic.name,
        diagnostic.severity.value,
        diagnostic.message,
        diagnostic.hint,
        page,
        diagnostic.end_line,
        diagnostic.end_column,
    )


def quality(
    document: Document, rules: Sequence[Rule], diagnostics: Sequence[Diagnostic]
) -> tuple[CriterionView, ...]:
    """Each criterion the rules that ran check, met when none of those rules reported on it."""
    failed = {diagnostic.code for diagnostic in diagnostics}
    by_criterion: dict[str, list[str]] = {}
    for rule in rules:
        if _applies(rule, document):
            by_criterion.setdefault(rule.criterion, []).append(rule.code)
    return tuple(
        CriterionView(
            criterion,
            not failed.intersection(codes),
            tuple(sorted(codes)),
            tuple(sorted(failed.intersection(codes))),
        )
        for criterion, codes in sorted(by_criterion.items())
    )


def _applies(rule: Rule, document: Document) -> bool:
    if rule.code == INTERNAL_ERROR_CODE:
        return False
    # Rule families are named by the goal type they judge; other families judge every file.
    if rule.code.startswith("OKR"):
        return document.type.value == "okr"
    if rule.code.startswith("SMART"):
        return document.type.value == "smart"
    return True


def _objective_view(
    objective: Objective, document: Document, period: Period, inputs: GoalInputs
) -> ObjectiveView:
    anchor = _anchor(objective.id)
    committed = objective.committed if objective.committed is not None else document.committed
    return ObjectiveView(
        id=objective.id,
        anchor=anchor,
        title=objective.title,
        line=objective.span.line,
        committed=committed,
        weight=objective.weight,
        score=period.score(objective_score(objective)),
        key_results=tuple(
            _key_result_view(key_result, objective, period, inputs)
            for key_result in objective.key_results
        ),
        supporters=tuple(inputs.supporters.get((objective.id.upper(), None), ())),
    )


def _key_result_view(
    key_result: KeyResult, objective: Objective, period: Period, inputs: GoalInputs
) -> KeyResultView:
    measure = key_result.measure
    baseline, current, target = _measure_quantities(measure)
    key = (objective.id.upper(), key_result.id.upper())
    return KeyResultView(
        id=key_result.id,
        anchor=f"{_anchor(objective.id)}-{_anchor(key_result.id)}",
        text=key_result.text,
        line=key_result.span.line,
        kind=measure_kind(measure),
        baseline=baseline,
        current=current,
        target=target,
        explicit_score=measure.score.value if measure.score else None,
        confidence=measure.confidence.value if measure.confidence else None,
        checked=measure.checked,
        direction=measure.direction.value,
        threshold=measure.threshold.value if measure.threshold else None,
        weight=measure.weight,
        due=key_result.due.value.isoformat() if key_result.due else None,
        progress=period.score(key_result_progress(key_result)),
        initiatives=_initiatives(key_result.initiatives),
        supporters=tuple(inputs.supporters.get(key, ())),
    )


def _smart_view(document: Document, period: Period) -> SmartView | None:
    smart = document.smart
    if smart is None:
        return None
    baseline, current, target = _measure_quantities(smart.measure)
    return SmartView(
        statement=smart.statement,
        line=smart.span.line,
        metric=smart.metric,
        kind=measure_kind(smart.measure),
        baseline=baseline,
        current=current,
        target=target,
        explicit_score=smart.measure.score.value if smart.measure.score else None,
        checked=smart.measure.checked,
        threshold=smart.measure.threshold.value if smart.measure.threshold else None,
        due=_iso(period.end),
        progress=period.score(measure_progress(smart.measure)),
        milestones=_initiatives(smart.milestones),
    )


def measure_kind(measure: Measure) -> str:
    if measure.checked is not None:
        return "checkbox"
    if measure.threshold is not None and measure.target is not None:
        return "threshold"
    if measure.target is not None:
        return "numeric"
    if measure.score is not None:
        return "score"
    return "unmeasured"


def _measure_quantities(
    measure: Measure,
) -> tuple[QuantityView | None, QuantityView | None, QuantityView | None]:
    fallback = measure.unit
    return (
        quantity_view(measure.baseline, fallback) if measure.baseline else None,
        quantity_view(measure.current, fallback) if measure.current else None,
        quantity_view(measure.target, fallback) if measure.target else None,
    )


def quantity_view(quantity: Quantity, fallback_unit: str | None = None) -> QuantityView:
    """A number for reading; a bare `850` under a `$800 → $920` measure reads `$850`."""
    unit = quantity.unit or fallback_unit
    value = quantity.value
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    if unit == "%":
        display = number + "%"
    elif unit in PREFIX_UNITS:
        display = unit + number
    elif unit:
        display = f"{number} {unit}"
    else:
        display = number
    return QuantityView(value, unit, quantity.text, display)


def _initiatives(initiatives: Sequence[Initiative]) -> tuple[InitiativeView, ...]:
    return tuple(InitiativeView(item.text, item.span.line, item.checked) for item in initiatives)


def _anchor(identifier: str) -> str:
    return slugify(identifier)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
