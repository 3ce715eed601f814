"""How a rule is declared: once, with all its metadata, beside the function that checks it.

A rule yields `Finding`s (where and what); the engine, not the rule, turns them into
`Diagnostic`s with code, severity and path, and applies configuration and suppressions.
The rule list, `docs/rules.md`, `goalkit rule CODE`, SARIF help and the report all read the
same `Rule` objects.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from goalkit.diagnostics import Severity
from goalkit.goalset import GoalSet
from goalkit.model import Document, Span


class Scope(str, enum.Enum):
    """Whether a rule looks at one document at a time or at the whole set read together."""

    DOCUMENT = "document"
    SET = "set"


@dataclass(frozen=True)
class Option:
    """A rule option; its default's type is the type a configured value must have."""

    name: str
    default: Any
    description: str


@dataclass(frozen=True)
class Finding:
    """What a rule reports. Set rules name the document; document rules may leave it None."""

    span: Span
    message: str
    hint: str | None = None
    document: Document | None = None


@dataclass(frozen=True)
class Context:
    """What a check may read besides its subject: options, the date, and the other documents."""

    options: Mapping[str, Any]
    today: dt.date
    goal_set: GoalSet
    history: Any = None
    """Per-file git history when it was read (see `goalkit.history`), else None."""
    reported_paths: frozenset[str] | None = None
    """Absolute paths of the files being reported on; None: all of them."""

    def is_reported(self, document: Document) -> bool:
        """Whether findings on `document` will be kept, so set rules can skip costly work
        (building hints) for documents read only as context."""
        if self.reported_paths is None:
            return True
        return os.path.normcase(os.path.abspath(document.path)) in self.reported_paths


DocumentCheck = Callable[[Document, Context], Iterable[Finding]]
SetCheck = Callable[[GoalSet, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's whole declaration. `why`, `example` and `use_instead` are Markdown for the docs."""

    code: str
    name: str
    criterion: str
    """The SMART criterion or OKR practice it enforces, e.g. `SMART: Measurable`."""
    severity: Severity
    summary: str
    """One line: what it finds."""
    why: str
    example: str
    """A goal file (or excerpt) that the rule flags."""
    use_instead: str
    """The same goal, fixed; the rule stays silent on it."""
    check: Callable[..., Iterable[Finding]]
    scope: Scope = Scope.DOCUMENT
    options: tuple[Option, ...] = ()
    enabled_by_default: bool = True
    reads_unreadable: bool = False
    """Also run on documents that could not be read (only GK008 needs them)."""
    needs_history: bool = False
    """Reads `Context.history`: `goalkit lint` reads the git history only when such a rule runs."""
    origin: str = "goalkit"
    """`goalkit` for built-in rules, else the name of the rule pack's entry point."""

    @property
    def defaults(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}

    def option(self, name: str) -> Option | None:
        return next((option for option in self.options if option.name == name), None)


@dataclass
class RuleFamily:
    """The rules of one module, collected by the `rule` decorator in declaration order."""

    rules: list[Rule] = field(default_factory=list)

    def rule(self, **metadata: Any) -> Callable[[Callable[..., Iterable[Finding]]], Rule]:
        def declare(check: Callable[..., Iterable[Finding]]) -> Rule:
            declared = Rule(check=check, **metadata)
            self.rules.append(declared)
            return declared

        return declare
