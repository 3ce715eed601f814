"""The goal model: plain, typed, immutable data that every other part of goalkit reads.

Nothing here does I/O, linting or rendering; the parser builds these values and everything else
only looks at them. Lines and columns are 1-based, as editors and compilers report them.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """Where something stands in its file (1-based line and column; the end is exclusive)."""

    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


class GoalType(str, enum.Enum):
    """The two kinds of goal file: quarterly OKRs and SMART goals."""

    OKR = "okr"
    SMART = "smart"


class Status(str, enum.Enum):
    """The life-cycle state a goal file declares in its front-matter."""

    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"
    DRAFT = "draft"


class Direction(str, enum.Enum):
    """Whether success means the number goes up or down (`reduce churn from 8% to 5%`)."""

    INCREASE = "increase"
    DECREASE = "decrease"


class Comparison(str, enum.Enum):
    """The bound of a threshold key result (`keep churn below 5%`, `at least 40 attendees`)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Origin(str, enum.Enum):
    """Where a value was found; explicit values outrank what was read from prose."""

    FRONT_MATTER = "front-matter"
    ATTRIBUTE = "attribute"
    TEXT = "text"


@dataclass(frozen=True)
class Quantity:
    """A number found in a goal file, with its unit and the exact text it was read from."""

    value: float
    span: Span
    text: str
    unit: str | None = None
    """`%`, a currency sign such as `$`, or the counted noun when one follows (`subscribers`)."""
    origin: Origin = Origin.TEXT


@dataclass(frozen=True)
class DateMention:
    """A calendar date found in a goal file (`by 2026-09-30`, `due: 2026-12-31`, `by Dec 31`)."""

    value: dt.date
    span: Span
    text: str
    origin: Origin = Origin.TEXT
    is_deadline: bool = False
    """True when the words around it make it a deadline (`by`, `before`, `due`, `until`)."""


class DurationUnit(str, enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class Duration:
    """A relative deadline (`within two weeks`), resolved against the goal's start date."""

    amount: int
    unit: DurationUnit
    span: Span
    text: str

    def after(self, start: dt.date) -> dt.date:
        """The last day of the period, counting calendar months as a person would."""
        if self.unit is DurationUnit.DAY:
            return start + dt.timedelta(days=self.amount)
        if self.unit is DurationUnit.WEEK:
            return start + dt.timedelta(weeks=self.amount)
        month_index = start.month - 1 + self.amount
        year, month = start.year + month_index // 12, month_index % 12 + 1
        last_day = _days_in_month(year, month)
        return dt.date(year, month, min(start.day, last_day))


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


@dataclass(frozen=True)
class Cycle:
    """The period an OKR set or goal belongs to, such as `2026-Q3`, with its first and last day."""

    label: str
    start: dt.date
    end: dt.date
    span: Span | None = field(default=None, compare=False)
    """Where the cycle is written; not part of equality, so files of one quarter compare equal."""

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Reference:
    """A `supports` target: a document id, optionally narrowed to an objective and key result."""

    text: str
    document_id: str
    objective_id: str | None
    key_result_id: str | None
    span: Span


@dataclass(frozen=True)
class Attribute:
    """One key of a trailing `{key: value}` block or of the front-matter, with its position."""

    key: str
    value: Any
    span: Span
    """Position of the key."""
    value_span: Span | None = None
    """Position of the value, where the source gives one."""
    item_spans: tuple[Span, ...] = ()
    """Position of each item when the value is a list (`supports: [a, b]`), in order."""


@dataclass(frozen=True)
class Measure:
    """What a key result or SMART goal measures, and how far it has come.

    Every field is optional because real goal files state only some of them; scoring and the
    linter decide what the absence of each one means.
    """

    baseline: Quantity | None = None
    target: Quantity | None = None
    current: Quantity | None = None
    score: Quantity | None = None
    """An explicit 0.0–1.0 grade, which outranks any computed progress."""
    confidence: Quantity | None = None
    direction: Direction = Direction.INCREASE
    threshold: Comparison | None = None
    """Set for stay-above/stay-below key results, which are either met or not."""
    checked: bool | None = None
    """A task-list checkbox: None when there is none, else its state."""
    weight: float = 1.0
    unit: str | None = None
    numbers: tuple[Quantity, ...] = ()
    """Every number found in the text, in order, including those not used above."""

    @property
    def is_binary(self) -> bool:
        return self.checked is not None

    @property
    def is_measurable(self) -> bool:
        return self.is_binary or self.target is not None or self.score is not None


@dataclass(frozen=True)
class Initiative:
    """A task nested under a key result, or a milestone of a SMART goal."""

    text: str
    span: Span
    checked: bool | None = None
    dates: tuple[DateMention, ...] = ()


@dataclass(frozen=True)
class KeyResult:
    """A measurable result under an objective (`- Grow subscribers from 1,200 to 2,000`)."""

    id: str
    text: str
    """The statement, without id prefix, checkbox or attribute block."""
    span: Span
    """The span of the statement text itself."""
    measure: Measure
    id_span: Span | None = None
    """Set when the file gives the id explicitly (`KR2: …`)."""
    attributes: tuple[Attribute, ...] = ()
    due: DateMention | None = None
    dates: tuple[DateMention, ...] = ()
    initiatives: tuple[Initiative, ...] = ()


@dataclass(frozen=True)
class Objective:
    """A level-2 heading of an OKR file: a qualitative, inspiring goal with its key results."""

    id: str
    title: str
    span: Span
    key_results: tuple[KeyResult, ...] = ()
    id_span: Span | None = None
    attributes: tuple[Attribute, ...] = ()
    committed: bool | None = None
    """None when the objective does not say, so the document's `committed` applies."""
    weight: float = 1.0
    numbers: tuple[Quantity, ...] = ()
    """Numbers in the title, which the linter treats as a smell (OKR104)."""


@dataclass(frozen=True)
class CheckInValue:
    """A `KR2: 1300` value reported in a check-in; `target` is as written (`KR2`, `O1.KR2`)."""

    target: str
    quantity: Quantity


@dataclass(frozen=True)
class CheckIn:
    """A dated entry of the `## Check-ins` section."""

    date: dt.date
    text: str
    span: Span
    confidence: Quantity | None = None
    values: tuple[CheckInValue, ...] = ()


@dataclass(frozen=True)
class Section:
    """A reserved level-2 section (`Why`, `Notes`, `Postmortem`, `Retrospective`, `Check-ins`)."""

    name: str
    """The canonical lower-case name, e.g. `why` or `check-ins`."""
    title: str
    span: Span
    text: str
    """The section's Markdown source, without its heading."""


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the body, kept because the linter reads suppressions from them."""

    text: str
    span: Span


class ProblemKind(str, enum.Enum):
    """What went wrong while reading a file; the linter turns each into a diagnostic."""

    UNREADABLE = "unreadable"
    FRONT_MATTER_SYNTAX = "front-matter-syntax"
    FRONT_MATTER_NOT_MAPPING = "front-matter-not-mapping"
    INVALID_VALUE = "invalid-value"
    EMPTY = "empty"
    """The file holds nothing but white space: no front-matter, no goal."""


@dataclass(frozen=True)
class Problem:
    """Something the parser could not accept, with where it is; parsing goes on after it."""

    kind: ProblemKind
    message: str
    span: Span
    key: str | None = None
    """The front-matter or attribute key concerned, for invalid values."""


@dataclass(frozen=True)
class SmartGoal:
    """The SMART statement of a `type: smart` file and what it measures."""

    statement: str
    span: Span
    measure: Measure
    metric: str | None = None
    due: DateMention | None = None
    within: Duration | None = None
    dates: tuple[DateMention, ...] = ()
    milestones: tuple[Initiative, ...] = ()


@dataclass(frozen=True)
class Document:
    """One goal file, as parsed: front-matter, objectives or SMART statement, and sections."""

    path: Path
    """The path as given on the command line or found by walking a folder."""
    id: str
    title: str
    type: GoalType
    front_matter: dict[str, Attribute] = field(default_factory=dict)
    """Every front-matter key, known or not, with the position of the key."""
    owners: tuple[str, ...] = ()
    cycle: Cycle | None = None
    start: DateMention | None = None
    due: DateMention | None = None
    status: Status = Status.ACTIVE
    committed: bool = False
    confidence: Quantity | None = None
    supports: tuple[Reference, ...] = ()
    tags: tuple[str, ...] = ()
    objectives: tuple[Objective, ...] = ()
    smart: SmartGoal | None = None
    check_ins: tuple[CheckIn, ...] = ()
    sections: tuple[Section, ...] = ()
    comments: tuple[Comment, ...] = ()
    problems: tuple[Problem, ...] = ()
    body: str = ""
    """The Markdown body after the front-matter, for rendering."""
    body_line: int = 1
    """The file line on which `body` starts."""
    title_span: Span | None = None
    lines: tuple[str, ...] = ()
    """The file's lines, so diagnostics can quote and locate text without reading it again."""

    @property
    def readable(self) -> bool:
        return not any(problem.kind is ProblemKind.UNREADABLE for problem in self.problems)

    def section(self, name: str) -> Section | None:
        return next((section for section in self.sections if section.name == name), None)

    def objective(self, objective_id: str) -> Objective | None:
        wanted = objective_id.upper()
        return next((o for o in self.objectives if o.id.upper() == wanted), None)

    @property
    def key_results(self) -> tuple[KeyResult, ...]:
        return tuple(kr for objective in self.objectives for kr in objective.key_results)

    @property
    def deadline(self) -> dt.date | None:
        """The day this goal is due: explicit `due`, else the SMART text's, else the cycle's end."""
        if self.due is not None:
            return self.due.value
        if self.smart is not None and self.smart.due is not None:
            return self.smart.due.value
        if self.smart is not None and self.smart.within is not None and self.start is not None:
            return self.smart.within.after(self.start.value)
        if self.cycle is not None:
            return self.cycle.end
        return None

    @property
    def period_start(self) -> dt.date | None:
        if self.start is not None:
            return self.start.value
        if self.cycle is not None:
            return self.cycle.start
        return None
