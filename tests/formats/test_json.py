"""The JSON format: its documented shape, parsed back."""

from __future__ import annotations

import json

from goalkit.formats import FormatOptions, render


def test_shape(result):
    data = json.loads(render("json", result, FormatOptions()))
    assert data["version"] == 1
    assert data["summary"] == {
        "files": 2, "problems": 4, "error": 1, "warning": 2, "info": 1,
    }  # fmt: skip
    assert data["diagnostics"][1] == {
        "path": "goals/a b.md",
        "line": 14,
        "column": 8,
        "end_line": 14,
        "end_column": 13,
        "code": "OKR105",
        "name": "activity-key-result",
        "severity": "warning",
        "message": 'Key result "Write 4 posts, weekly" describes an activity ("write"): 50% off',
        "hint": "State the result:\nhow will you measure it?",
    }
    assert data["diagnostics"][0]["end_line"] is None
    assert [d["code"] for d in data["diagnostics"]] == ["GK002", "OKR105", "OKR105", "OKR112"]
    assert data["suppressions"] == [
        {
            "path": "goals/z.md",
            "line": 7,
            "column": 1,
            "kind": "disable-next-line",
            "codes": ["OKR104"],
            "reason": "seasonal target",
            "used": True,
        }
    ]


def test_clean(clean):
    data = json.loads(render("json", clean, FormatOptions()))
    assert data["diagnostics"] == [] and data["summary"]["problems"] == 0
