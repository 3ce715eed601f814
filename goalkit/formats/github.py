"""The `github` format: workflow commands that GitHub Actions shows as annotations on the diff.

`::warning file=a.md,line=3,col=5,endLine=3,endColumn=9,title=OKR105::message`. Data escapes
`%`, CR and LF; property values also escape `:` and `,` (as `@actions/core` does).
"""

from __future__ import annotations

from goalkit.diagnostics import Diagnostic, Severity
from goalkit.engine import LintResult
from goalkit.formats import FormatOptions

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(result: LintResult, options: FormatOptions) -> str:
    return "".join(annotation(diagnostic) + "\n" for diagnostic in result.diagnostics)


def annotation(diagnostic: Diagnostic) -> str:
    properties = []
    if diagnostic.path:
        properties.append(("file", diagnostic.path))
        properties.append(("line", str(diagnostic.line)))
        properties.append(("col", str(diagnostic.column)))
        if diagnostic.end_line is not None:
            properties.append(("endLine", str(diagnostic.end_line)))
            if diagnostic.end_column is not None:
                properties.append(("endColumn", str(diagnostic.end_column)))
    properties.append(("title", f"{diagnostic.code} {diagnostic.name}".strip()))
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = diagnostic.message + (f"\n{diagnostic.hint}" if diagnostic.hint else "")
    return f"::{LEVELS[diagnostic.severity]} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
