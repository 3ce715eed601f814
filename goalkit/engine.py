"""The lint engine: runs the selected rules and turns their findings into sorted diagnostics.

Rules only say where and what. The engine decides which rules run (`select`, `ignore`,
`extend-select`), with which options (rule defaults ← preset ← user) and severities, and which
findings survive (`per-file-ignores`, inline and front-matter suppressions). A rule that
crashes becomes a GK000 diagnostic on the document it was reading; the other rules go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from goalkit.config import Config, matches
from goalkit.diagnostics import Diagnostic, Severity
from goalkit.goalset import GoalSet
from goalkit.model import Document, Span
from goalkit.rules.base import Context, Finding, Rule, Scope
from goalkit.suppressions import (
    Suppression,
    SuppressionKind,
    read_suppressions,
    selector_matches,
)

INTERNAL_ERROR = "GK000"
UNUSED_SUPPRESSION = "GK009"

__all__ = ["LintResult", "Suppression", "SuppressionKind", "enabled_rules", "lint"]


@dataclass(frozen=True)
class LintResult:
    """What a lint run found, and the suppressions that were in force while it looked."""

    diagnostics: tuple[Diagnostic, ...]
    """Sorted by path, line, column, code."""
    suppressions: tuple[Suppression, ...]
    """Every suppression written in the reported files, with whether it silenced anything."""
    rules: tuple[Rule, ...]
    """The whole catalogue the run knew, sorted by code (formats read names and docs here)."""
    enabled: frozenset[str] = frozenset()
    """Codes of the rules that ran."""
    paths: tuple[str, ...] = ()
    """The files reported on, as displayed."""

    def counts(self) -> dict[Severity, int]:
        counted = dict.fromkeys(Severity, 0)
        for diagnostic in self.diagnostics:
            counted[diagnostic.severity] += 1
        return counted

    def at_or_above(self, level: Severity) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity.rank >= level.rank)

    @property
    def internal_errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.code == INTERNAL_ERROR)

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)


def lint(
    documents: Sequence[Document],
    config: Config,
    today: dt.date,
    *,
    report_paths: Iterable[Path | str] | None = None,
    history: Any = None,
    rules: Sequence[Rule] | None = None,
) -> LintResult:
    """Lint `documents` read together as one goal set.

    With `report_paths`, every document still informs the cross-file rules, but diagnostics and
    suppressions are kept only for those files (what pre-commit passes: the changed ones).
    """
    if rules is None:
        from goalkit.rules import catalogue

        rules = catalogue().rules
    catalogue_rules = tuple(sorted(rules, key=lambda rule: rule.code))
    enabled = enabled_rules(catalogue_rules, config)
    goal_set = GoalSet(documents)
    wanted = None if report_paths is None else {_key(path) for path in report_paths}
    reported = [doc for doc in documents if wanted is None or _key(doc.path) in wanted]
    reported_keys = {_key(doc.path) for doc in reported}

    raw: list[Diagnostic] = []
    for rule in enabled:
        context = Context(
            options=MappingProxyType(config.options_for(rule)),
            today=today,
            goal_set=goal_set,
            history=history,
            reported_paths=None if wanted is None else frozenset(wanted),
        )
        if rule.scope is Scope.SET:
            raw += _run_set_rule(rule, goal_set, context, config, reported_keys)
        else:
            for document in reported:
                if document.readable or rule.reads_unreadable:
                    raw += _run_document_rule(rule, document, context, config)

    enabled_codes = frozenset(rule.code for rule in enabled)
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in raw:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    kept: list[Diagnostic] = []
    suppressions: list[Suppression] = []
    for document in reported:
        path = _display(document)
        file_codes = {
            code for code in enabled_codes if not _ignored_for_file(config, document.path, code)
        }
        findings = [d for d in by_path.pop(path, []) if d.code in file_codes or _internal(d)]
        file_kept, file_suppressions = _apply_suppressions(
            document, path, findings, file_codes, catalogue_rules, config
        )
        kept += file_kept
        suppressions += file_suppressions
    for leftover in by_path.values():  # internal errors of set rules with no document
        kept += leftover
    return LintResult(
        diagnostics=tuple(sorted(set(kept))),
        suppressions=tuple(sorted(suppressions, key=lambda s: (s.path, s.line, s.column))),
        rules=catalogue_rules,
        enabled=enabled_codes,
        paths=tuple(sorted({_display(document) for document in reported})),
    )


def enabled_rules(rules: Sequence[Rule], config: Config) -> list[Rule]:
    """The rules that run, by ruff's logic: the most specific selector decides.

    `select` (default: rules enabled by default) plus `extend-select`, minus `ignore`; when a
    rule matches both sides, the longer selector wins, so `ignore = ["OKR"]` with
    `extend-select = ["OKR105"]` keeps OKR105 alone. `ALL` is the least specific selector.
    """
    chosen = []
    for rule in rules:
        if rule.code == INTERNAL_ERROR:
            chosen.append(rule)
            continue
        if config.select is None:
            selected = _specificity(config.extend_select, rule.code)
            if rule.enabled_by_default:
                selected = max(selected, 0)
        else:
            selected = _specificity((*config.select, *config.extend_select), rule.code)
        ignored = _specificity(config.ignore, rule.code)
        if selected >= 0 and selected > ignored:
            chosen.append(rule)
    return chosen


def severity_for(rule: Rule, config: Config) -> Severity:
    best, severity = -1, rule.severity
    for selector, level in config.severity.items():
        specificity = _specificity((selector,), rule.code)
        if specificity > best:
            best, severity = specificity, level
    return severity


def _specificity(selectors: Iterable[str], code: str) -> int:
    """-1 when no selector matches; else the length of the longest match (`ALL` counts 0)."""
    best = -1
    for selector in selectors:
        if selector_matches(selector, code):
            best = max(best, 0 if selector == "ALL" else len(selector))
    return best


def _run_document_rule(
    rule: Rule, document: Document, context: Context, config: Config
) -> list[Diagnostic]:
    try:
        findings = list(rule.check(document, context))
    except Exception as error:
        return [_crash(rule, document, error)]
    return [_diagnostic(rule, finding, document, config) for finding in findings]


def _run_set_rule(
    rule: Rule, goal_set: GoalSet, context: Context, config: Config, reported: set[str]
) -> list[Diagnostic]:
    try:
        findings = list(rule.check(goal_set, context))
    except Exception as error:
        return [_crash(rule, None, error)]
    diagnostics = []
    for finding in findings:
        if finding.document is None:
            error = ValueError(f"set rule {rule.code} reported a finding without its document")
            diagnostics.append(_crash(rule, None, error))
        elif _key(finding.document.path) in reported:
            diagnostics.append(_diagnostic(rule, finding, finding.document, config))
    return diagnostics


def _diagnostic(rule: Rule, finding: Finding, document: Document, config: Config) -> Diagnostic:
    span = finding.span
    return Diagnostic(
        path=_display(finding.document or document),
        line=span.line,
        column=span.column,
        code=rule.code,
        message=finding.message,
        severity=severity_for(rule, config),
        end_line=span.end_line,
        end_column=span.end_column,
        hint=finding.hint,
        name=rule.name,
    )


def _crash(rule: Rule, document: Document | None, error: Exception) -> Diagnostic:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return Diagnostic(
        path=_display(document) if document else "",
        line=1,
        column=1,
        code=INTERNAL_ERROR,
        message=f"rule {rule.code} crashed{where}: {type(error).__name__}: {error}",
        severity=Severity.ERROR,
        hint="this is a bug in the rule, not in your file; please report it",
        name="internal-error",
    )


def _apply_suppressions(
    document: Document,
    path: str,
    findings: list[Diagnostic],
    file_codes: set[str],
    rules: Sequence[Rule],
    config: Config,
) -> tuple[list[Diagnostic], list[Suppression]]:
    suppressions, problems = read_suppressions(document, path)
    used = [False] * len(suppressions)
    kept = _silence(findings, suppressions, used)

    unused_rule = next((rule for rule in rules if rule.code == UNUSED_SUPPRESSION), None)
    if unused_rule is not None and UNUSED_SUPPRESSION in file_codes:
        known = [rule.code for rule in rules]
        notes = [(problem.span, problem.message, None) for problem in problems]
        notes += _suppression_notes(suppressions, used, known, file_codes, config)
        meta = [
            _diagnostic(unused_rule, Finding(span, message, hint), document, config)
            for span, message, hint in notes
        ]
        kept += _silence(meta, suppressions, used)
    final = [dataclasses.replace(s, used=flag) for s, flag in zip(suppressions, used, strict=True)]
    return kept, final


def _silence(
    diagnostics: list[Diagnostic], suppressions: list[Suppression], used: list[bool]
) -> list[Diagnostic]:
    kept = []
    for diagnostic in diagnostics:
        covering = [
            index
            for index, suppression in enumerate(suppressions)
            if not _internal(diagnostic) and suppression.covers(diagnostic.code, diagnostic.line)
        ]
        for index in covering:
            used[index] = True
        if not covering:
            kept.append(diagnostic)
    return kept


def _suppression_notes(
    suppressions: list[Suppression],
    used: list[bool],
    known: list[str],
    file_codes: set[str],
    config: Config,
) -> list[tuple[Span, str, str | None]]:
    notes: list[tuple[Span, str, str | None]] = []
    for suppression, was_used in zip(suppressions, used, strict=True):
        span = Span(suppression.line, suppression.column)
        unknown = [c for c in suppression.codes if not any(selector_matches(c, k) for k in known)]
        for code in unknown:
            notes.append((span, f"suppression names {code}, which matches no rule", None))
        if config.require_suppression_reason and not suppression.reason:
            notes.append(
                (
                    span,
                    "suppression gives no reason (require-suppression-reason is on)",
                    "add the reason after ` -- `, e.g. <!-- goalkit-disable-next-line OKR104 "
                    "-- seasonal target -->",
                )
            )
        targets = [
            code
            for code in file_codes
            if code not in (UNUSED_SUPPRESSION, INTERNAL_ERROR)
            and (not suppression.codes or any(selector_matches(c, code) for c in suppression.codes))
        ]
        if not was_used and targets and not unknown:
            what = " ".join(suppression.codes) or "every rule"
            notes.append(
                (span, f"unused suppression of {what}: nothing here is reported", "remove it")
            )
    return notes


def _ignored_for_file(config: Config, path: Path, code: str) -> bool:
    if not config.per_file_ignores:
        return False
    relative = config.relative(path)
    if relative is None:
        return False
    return any(
        matches(glob, relative) and any(selector_matches(s, code) for s in selectors)
        for glob, selectors in config.per_file_ignores
    )


def _internal(diagnostic: Diagnostic) -> bool:
    return diagnostic.code == INTERNAL_ERROR


def _display(document: Document) -> str:
    return document.path.as_posix()


def _key(path: Path | str) -> str:
    return os.path.normcase(os.path.abspath(path))
