"""The lint results the report shows: diagnostics per file, and the suppressions in force.

The report reads lint results but does not decide them: `lint_documents` asks the lint engine
with the configuration `goalkit lint` would use, so the site shows what `goalkit lint` prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from goalkit.diagnostics import Diagnostic
from goalkit.model import Document
from goalkit.rules.base import Rule

if TYPE_CHECKING:
    from goalkit.config import Config


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
    history: Any = None
    """The git history read for the history rules and pages (`goalkit.history`), else None."""


class LintConfigError(Exception):
    """The goalkit configuration cannot be read; the message names the file and the key."""


def read_and_lint(
    paths: Sequence[Path],
    today: dt.date,
    config_start: Path | None = None,
    with_history: bool = False,
) -> tuple[list[Document], LintOutcome]:
    """The goal files under `paths` that the configuration admits, parsed, and their lint.

    Files are chosen and configured exactly as `goalkit lint` chooses them: the configuration
    found from `config_start` (default: the current folder), else the one of the first path; no
    paths means the configured `include`; `include`/`exclude` and `max-file-size` apply, so a
    file kept out of the lint is kept off the site too. When paths are named, the rest of the
    goal set is read for the cross-file rules, and only the named files make the site.
    """
    from goalkit.config import ConfigError, discover, select_files
    from goalkit.parse import parse_file
    from goalkit.rules import catalogue

    rules = catalogue().rules
    try:
        config = discover(config_start or Path.cwd(), rules)
        if config.path is None and paths:
            config = discover(paths[0], rules)
    except ConfigError as error:
        raise LintConfigError(str(error)) from None
    selection = select_files(config, paths)
    shown = [parse_file(goal.path, goal.id, config.max_file_size) for goal in selection.reported]
    context = [parse_file(goal.path, goal.id, config.max_file_size) for goal in selection.context]
    documents = [*shown, *context]
    history = _history(documents) if with_history else None
    report_paths = None if selection.report_all else [document.path for document in shown]
    return shown, _lint(documents, config, today, rules, history, report_paths)


def _history(documents: Sequence[Document]) -> Any:
    """The git history of the documents inside a git work tree (None when there are none)."""
    from goalkit.workspace import find_git_top

    inside = [d for d in documents if find_git_top(d.path) is not None]
    if not inside:
        return None
    from goalkit.history import read_history

    return read_history([d.path for d in inside], {d.path: d.id for d in inside})


def lint_documents(
    documents: Sequence[Document], today: dt.date, config_start: Path | None = None
) -> LintOutcome:
    """Lint documents already read, with the configuration found from `config_start`."""
    from goalkit.config import ConfigError, discover
    from goalkit.rules import catalogue

    rules = catalogue().rules
    try:
        config = discover(config_start or Path.cwd(), rules)
    except ConfigError as error:
        raise LintConfigError(str(error)) from None
    return _lint(documents, config, today, rules)


def _lint(
    documents: Sequence[Document],
    config: Config,
    today: dt.date,
    rules: Sequence[Rule],
    history: Any = None,
    report_paths: Sequence[Path] | None = None,
) -> LintOutcome:
    from goalkit.engine import lint

    result = lint(
        list(documents), config, today, rules=rules, history=history, report_paths=report_paths
    )
    ran = tuple(rule for rule in result.rules if rule.code in result.enabled)
    return LintOutcome(tuple(result.diagnostics), tuple(result.suppressions), ran, history)
