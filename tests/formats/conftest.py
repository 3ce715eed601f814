"""A small, fixed LintResult that every format test renders."""

from __future__ import annotations

import pytest

from goalkit.diagnostics import Diagnostic, Severity
from goalkit.engine import LintResult
from goalkit.rules import builtin_rules
from goalkit.suppressions import Suppression, SuppressionKind


@pytest.fixture
def result() -> LintResult:
    rules = tuple(builtin_rules())
    diagnostics = (
        Diagnostic("goals/a b.md", 1, 1, "GK002", "missing `owner` in the front-matter",
                   Severity.ERROR, name="missing-field"),
        Diagnostic("goals/a b.md", 14, 8, "OKR105",
                   'Key result "Write 4 posts, weekly" describes an activity ("write"): 50% off',
                   Severity.WARNING, 14, 13, "State the result:\nhow will you measure it?",
                   "activity-key-result"),
        Diagnostic("goals/z.md", 3, 5, "OKR105", "second activity", Severity.WARNING,
                   name="activity-key-result"),
        Diagnostic("goals/z.md", 9, 1, "OKR112", "an objective that only maintains",
                   Severity.INFO, 9, 20, name="business-as-usual"),
    )  # fmt: skip
    suppressions = (
        Suppression("goals/z.md", 7, ("OKR104",), "seasonal target", SuppressionKind.NEXT_LINE,
                    True, first_line=8, last_line=8),
    )  # fmt: skip
    return LintResult(
        diagnostics=diagnostics,
        suppressions=suppressions,
        rules=rules,
        enabled=frozenset(rule.code for rule in rules),
        paths=("goals/a b.md", "goals/z.md"),
    )


@pytest.fixture
def clean() -> LintResult:
    rules = tuple(builtin_rules())
    return LintResult((), (), rules, frozenset(r.code for r in rules), ("goals/a.md",))
