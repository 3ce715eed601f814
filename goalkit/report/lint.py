"""The lint results the report shows: diagnostics per file, and the suppressions in force.

The report reads lint results but does not decide them: `lint_documents` asks the lint engine
with the configuration `goalkit lint` would use, so the site shows what `goalkit lint` prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from goalkit.diagnostics import Diagnostic
from goalkit.model import Document
from goalkit.rules.base import Rule


class SuppressionRecord(Protocol):
    """What the report reads of a suppression (the engine's `Suppression` has these fields)."""

    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def codes(self) -> tuple[str, ...]: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def used(self) -> bool: ...
    @property
    def kind(self) -> object: ...


@dataclass(frozen=True)
class LintOutcome:
    """Diagnostics and suppressions, as the engine's `LintResult` gives them."""

    diagnostics: tuple[Diagnostic, ...] = ()
    suppressions: tuple[SuppressionRecord, ...] = ()
    rules: tuple[Rule, ...] = ()
    """The rules that ran, whose criteria make each file's quality summary."""


class LintConfigError(Exception):
    """The goalkit configuration cannot be read; the message names the file and the key."""


def lint_documents(
    documents: Sequence[Document], today: dt.date, config_start: Path | None = None
) -> LintOutcome:
    """Lint with the configuration found from `config_start` (default: the current folder)."""
    from goalkit.config import ConfigError, discover
    from goalkit.engine import lint
    from goalkit.rules import catalogue

    rules = catalogue().rules
    try:
        config = discover(config_start or Path.cwd(), rules)
    except ConfigError as error:
        raise LintConfigError(str(error)) from None
    result = lint(list(documents), config, today, rules=rules)
    ran = tuple(rule for rule in result.rules if rule.code in result.enabled)
    return LintOutcome(tuple(result.diagnostics), tuple(result.suppressions), ran)
