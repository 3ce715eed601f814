"""The JSON format: every diagnostic and suppression, for scripts and editors.

Shape (`version` changes only when a field is removed or changes meaning):

    {"version": 1,
     "summary": {"files": 2, "problems": 3, "error": 1, "warning": 2, "info": 0},
     "diagnostics": [{"path", "line", "column", "end_line", "end_column", "code", "name",
                      "severity", "message", "hint"}],
     "suppressions": [{"path", "line", "column", "kind", "codes", "reason", "used"}]}

Lines and columns are 1-based; an end column is exclusive; absent values are null.
"""

from __future__ import annotations

import json
from typing import Any

from goalkit.engine import LintResult
from goalkit.formats import FormatOptions

VERSION = 1


def render(result: LintResult, options: FormatOptions) -> str:
    return json.dumps(document(result), indent=2, ensure_ascii=False) + "\n"


def document(result: LintResult) -> dict[str, Any]:
    counts = result.counts()
    return {
        "version": VERSION,
        "summary": {
            "files": len(result.paths),
            "problems": len(result.diagnostics),
            **{severity.value: count for severity, count in counts.items()},
        },
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "code": d.code,
                "name": d.name,
                "severity": d.severity.value,
                "message": d.message,
                "hint": d.hint,
            }
            for d in result.diagnostics
        ],
        "suppressions": [
            {
                "path": s.path,
                "line": s.line,
                "column": s.column,
                "kind": s.kind.value,
                "codes": list(s.codes),
                "reason": s.reason,
                "used": s.used,
            }
            for s in result.suppressions
        ],
    }
