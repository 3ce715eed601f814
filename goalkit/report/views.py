"""The plain values templates read: one frozen dataclass per thing a page shows.

Views hold data, never HTML: Markdown stays source (`*_markdown` fields, rendered by the
template filter `markdown`), numbers stay numbers with a display string beside them, so the same
views feed the pages and `data.json`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """A progress or score in [0, 1] (None when unknown), its colour band and its pace status."""

    value: float | None
    band: str
    """`red`, `yellow`, `green` (Google's OKR bands), or `none` when the value is unknown."""
    status: str
    """`on track`, `at risk`, `off track`, `done`, `not started` or `unknown`."""
    expected: float | None = None
    """The share of the period elapsed, which the progress is compared against."""

    @property
    def percent(self) -> str:
        return "—" if self.value is None else f"{self.value:.0%}"

    @property
    def grade(self) -> str:
        """The score as OKR practice writes it (`0.56`)."""
        return "—" if self.value is None else f"{self.value:.2f}"

    @property
    def status_class(self) -> str:
        return self.status.replace(" ", "-")


@dataclass(frozen=True)
class QuantityView:
    value: float
    unit: str | None
    text: str
    """As written in the goal file."""
    display: str
    """Formatted for reading (`$1,200`, `35%`, `12 modules`)."""


@dataclass(frozen=True)
class Location:
    """A place in a goal file, for links back to the source and for error listings."""

    path: str
    line: int
    column: int = 1

    @property
    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class InitiativeView:
    text: str
    line: int
    checked: bool | None


@dataclass(frozen=True)
class KeyResultView:
    id: str
    anchor: str
    text: str
    line: int
    kind: str
    """`numeric`, `threshold`, `checkbox`, `score` or `unmeasured`: how progress is read."""
    baseline: QuantityView | None
    current: QuantityView | None
    target: QuantityView | None
    explicit_score: float | None
    confidence: float | None
    checked: bool | None
    direction: str
    threshold: str | None
    weight: float
    due: str | None
    progress: Score
    initiatives: tuple[InitiativeView, ...]
    supporters: tuple[GoalLink, ...] = ()


@dataclass(frozen=True)
class ObjectiveView:
    id: str
    anchor: str
    title: str
    line: int
    committed: bool
    weight: float
    score: Score
    key_results: tuple[KeyResultView, ...]
    supporters: tuple[GoalLink, ...] = ()


@dataclass(frozen=True)
class SmartView:
    statement: str
    line: int
    metric: str | None
    kind: str
    baseline: QuantityView | None
    current: QuantityView | None
    target: QuantityView | None
    explicit_score: float | None
    checked: bool | None
    threshold: str | None
    due: str | None
    progress: Score
    milestones: tuple[InitiativeView, ...]


@dataclass(frozen=True)
class CheckInValueView:
    target: str
    value: QuantityView


@dataclass(frozen=True)
class CheckInView:
    date: str
    line: int
    text_markdown: str
    confidence: float | None
    values: tuple[CheckInValueView, ...]


@dataclass(frozen=True)
class SectionView:
    name: str
    title: str
    line: int
    markdown: str


@dataclass(frozen=True)
class FindingView:
    """A lint diagnostic, with the page of the goal file it is on (None if it has none)."""

    location: Location
    code: str
    name: str
    severity: str
    message: str
    hint: str | None
    page: str | None
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True)
class CriterionView:
    """One SMART criterion or OKR practice, and whether a goal file meets it."""

    criterion: str
    met: bool
    codes: tuple[str, ...]
    """The rules that check it."""
    failed_codes: tuple[str, ...]


@dataclass(frozen=True)
class SuppressionView:
    location: Location
    codes: tuple[str, ...]
    """Empty means every rule."""
    reason: str | None
    kind: str
    used: bool
    cycle: str | None
    page: str | None


@dataclass(frozen=True)
class GoalLink:
    """A reference to another goal page, as a link needs it."""

    id: str
    title: str
    page: str
    target: str = ""
    """The objective or key result named (`O1.KR2`), if any."""
    anchor: str = ""
    """The fragment of that objective or key result on the page (`o1-kr2`)."""


@dataclass(frozen=True)
class ReferenceView:
    text: str
    line: int
    resolved: GoalLink | None


@dataclass(frozen=True)
class GoalView:
    """One goal file: everything its page, the overview and `data.json` show about it."""

    id: str
    slug: str
    page: str
    """Site-relative path of its page (`goals/freelance-2026-q4-okrs.html`)."""
    badge: str
    path: str
    title: str
    type: str
    lifecycle: str
    """The front-matter `status` (`active`, `done`, …), not the pace status."""
    owners: tuple[str, ...]
    cycle: str | None
    start: str | None
    deadline: str | None
    committed: bool
    confidence: float | None
    tags: tuple[str, ...]
    score: Score
    elapsed: float | None
    objectives: tuple[ObjectiveView, ...]
    smart: SmartView | None
    check_ins: tuple[CheckInView, ...]
    intro_markdown: str
    sections: tuple[SectionView, ...]
    supports: tuple[ReferenceView, ...]
    supporters: tuple[GoalLink, ...]
    errors: tuple[FindingView, ...]
    """Problems that stopped the file from being read (it has no content to show)."""
    findings: tuple[FindingView, ...]
    quality: tuple[CriterionView, ...]
    suppressions: tuple[SuppressionView, ...]

    @property
    def readable(self) -> bool:
        return not self.errors

    @property
    def key_result_count(self) -> int:
        return sum(len(objective.key_results) for objective in self.objectives)


@dataclass(frozen=True)
class OwnerScore:
    owner: str
    page: str | None
    score: Score
    goals: tuple[GoalView, ...]


@dataclass(frozen=True)
class CycleView:
    label: str
    slug: str | None
    page: str | None
    start: str | None
    end: str | None
    elapsed: float | None
    days_left: int | None
    score: Score
    owners: tuple[OwnerScore, ...]
    goals: tuple[GoalView, ...]
    suppression_count: int = 0

    @property
    def elapsed_percent(self) -> str:
        return "—" if self.elapsed is None else f"{self.elapsed:.0%}"

    @property
    def progress_values(self) -> tuple[float, ...]:
        """Known progress of every key result and SMART goal in the cycle, for its histogram."""
        values: list[float] = []
        for goal in self.goals:
            for objective in goal.objectives:
                values.extend(
                    kr.progress.value
                    for kr in objective.key_results
                    if kr.progress.value is not None
                )
            if goal.smart is not None and goal.smart.progress.value is not None:
                values.append(goal.smart.progress.value)
        return tuple(values)


@dataclass(frozen=True)
class OwnerView:
    name: str
    slug: str
    page: str
    score: Score
    cycles: tuple[CycleView, ...]
    """The owner's goals, per cycle (each CycleView holds only this owner's goals)."""


@dataclass(frozen=True)
class AlignmentNode:
    """A goal in the alignment tree, with the goals that support it under each of its parts."""

    goal: GoalView
    supporters: tuple[AlignmentNode, ...]
    """Goals that support the file as a whole."""
    objectives: tuple[AlignmentObjective, ...]


@dataclass(frozen=True)
class AlignmentObjective:
    objective: ObjectiveView
    supporters: tuple[AlignmentNode, ...]
    key_results: tuple[AlignmentKeyResult, ...]


@dataclass(frozen=True)
class AlignmentKeyResult:
    key_result: KeyResultView
    supporters: tuple[AlignmentNode, ...]


@dataclass(frozen=True)
class SuppressionDebt:
    """The suppressions in force in one cycle's goal files."""

    cycle: str
    suppressions: tuple[SuppressionView, ...]

    @property
    def count(self) -> int:
        return len(self.suppressions)

    @property
    def unused(self) -> int:
        return sum(1 for suppression in self.suppressions if not suppression.used)

    @property
    def without_reason(self) -> int:
        return sum(1 for suppression in self.suppressions if not suppression.reason)


@dataclass(frozen=True)
class Site:
    """Everything the site shows, computed once from the documents, the date and the lint."""

    title: str
    today: str
    base_url: str | None
    goals: tuple[GoalView, ...]
    cycles: tuple[CycleView, ...]
    owners: tuple[OwnerView, ...]
    unowned: tuple[GoalView, ...]
    alignment: tuple[AlignmentNode, ...]
    """Roots of the alignment tree: goals that support no other goal read here."""
    unaligned: tuple[GoalView, ...]
    """Goals that neither support nor are supported by any other."""
    findings: tuple[FindingView, ...]
    suppression_debt: tuple[SuppressionDebt, ...]
    key_result_progress: tuple[float, ...]
    """Progress of every key result and SMART goal in a running cycle (score distribution)."""

    @property
    def error_goals(self) -> tuple[GoalView, ...]:
        return tuple(goal for goal in self.goals if goal.errors)

    def goal(self, goal_id: str) -> GoalView | None:
        return next((goal for goal in self.goals if goal.id == goal_id), None)
