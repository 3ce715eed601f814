"""The text format: `path:line:col: CODE message`, a hint line, and ruff's summary line."""

from __future__ import annotations

from collections import Counter

from goalkit.diagnostics import Diagnostic, Severity
from goalkit.engine import LintResult
from goalkit.formats import FormatOptions

SEVERITY_COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m",
                    Severity.INFO: "\x1b[1;34m"}  # fmt: skip
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(result: LintResult, options: FormatOptions) -> str:
    lines = statistics(result, options) if options.statistics else diagnostics(result, options)
    if not options.quiet:
        lines.append(summary(result))
    return "".join(line + "\n" for line in lines)


def diagnostics(result: LintResult, options: FormatOptions) -> list[str]:
    lines = []
    for diagnostic in result.diagnostics:
        lines.append(_headline(diagnostic, options.color))
        if diagnostic.hint:
            for number, text in enumerate(diagnostic.hint.splitlines()):
                hint = f"  {'hint:' if number == 0 else '     '} {text}"
                lines.append(f"{DIM}{hint}{RESET}" if options.color else hint)
    return lines


def _headline(diagnostic: Diagnostic, color: bool) -> str:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
    if not color:
        return f"{where} {diagnostic.code} {diagnostic.message}"
    code = f"{SEVERITY_COLOURS[diagnostic.severity]}{diagnostic.code}{RESET}"
    return f"{BOLD}{where}{RESET} {code} {diagnostic.message}"


def statistics(result: LintResult, options: FormatOptions) -> list[str]:
    """One row per code, most frequent first, as ruff's `--statistics`."""
    counts = Counter(diagnostic.code for diagnostic in result.diagnostics)
    first = {d.code: d for d in reversed(result.diagnostics)}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not rows:
        return []
    count_width = max(len(str(count)) for _, count in rows)
    code_width = max(len(code) for code, _ in rows)
    severity_width = max(len(first[code].severity.value) for code, _ in rows)
    return [
        f"{count:>{count_width}}  {code:<{code_width}}  "
        f"{first[code].severity.value:<{severity_width}}  {first[code].name}".rstrip()
        for code, count in rows
    ]


def summary(result: LintResult) -> str:
    """`Found 3 problems (1 error, 2 warnings).` or `All checks passed!`."""
    total = len(result.diagnostics)
    if total == 0:
        return "All checks passed!"
    counts = result.counts()
    parts = [
        f"{counts[severity]} {severity.value}{'' if counts[severity] == 1 else 's'}"
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    return f"Found {total} problem{'' if total == 1 else 's'} ({', '.join(parts)})."
