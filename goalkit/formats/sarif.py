"""The SARIF 2.1.0 format, as GitHub code scanning and other CI dashboards read it.

Rules carry short and full descriptions and Markdown help built from their declaration;
results carry the rule index, level and one physical location with a relative URI against
`%SRCROOT%` (the folder goalkit ran in), and a 1-based region whose end column is exclusive.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from goalkit.diagnostics import Diagnostic, Severity
from goalkit.engine import LintResult
from goalkit.formats import FormatOptions
from goalkit.rules.base import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://github.com/goalkit/goalkit"


def render(result: LintResult, options: FormatOptions) -> str:
    return json.dumps(log(result, options), indent=2, ensure_ascii=False) + "\n"


def log(result: LintResult, options: FormatOptions) -> dict[str, Any]:
    reported = {d.code for d in result.diagnostics}
    rules = [r for r in result.rules if r.code in result.enabled or r.code in reported]
    index = {rule.code: position for position, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "goalkit",
                        "version": options.version,
                        "semanticVersion": options.version,
                        "informationUri": INFORMATION_URI,
                        "rules": [descriptor(rule) for rule in rules],
                    }
                },
                "invocations": [{"executionSuccessful": not result.internal_errors}],
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                "columnKind": "unicodeCodePoints",
                "results": [sarif_result(d, index) for d in result.diagnostics],
            }
        ],
    }


def descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.criterion], "origin": rule.origin},
    }


def help_text(rule: Rule) -> str:
    return (
        f"{rule.summary}\n\n{rule.why}\n\nExample:\n{rule.example.rstrip()}\n\n"
        f"Use instead:\n{rule.use_instead.rstrip()}"
    )


def help_markdown(rule: Rule) -> str:
    return (
        f"**{rule.code} {rule.name}** — {rule.summary}\n\n{rule.why}\n\n"
        f"Example:\n\n```markdown\n{rule.example.rstrip()}\n```\n\n"
        f"Use instead:\n\n```markdown\n{rule.use_instead.rstrip()}\n```"
    )


def sarif_result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    entry: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": LEVELS[diagnostic.severity],
        "message": {"text": text},
    }
    if diagnostic.code in index:
        entry["ruleIndex"] = index[diagnostic.code]
    if diagnostic.path:
        entry["locations"] = [{"physicalLocation": physical_location(diagnostic)}]
    return entry


def physical_location(diagnostic: Diagnostic) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": diagnostic.line, "startColumn": diagnostic.column}
    if diagnostic.end_line is not None:
        region["endLine"] = diagnostic.end_line
        if diagnostic.end_column is not None:
            region["endColumn"] = diagnostic.end_column
    return {"artifactLocation": artifact(diagnostic.path), "region": region}


def artifact(path: str) -> dict[str, str]:
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(posix.as_posix().removeprefix("./")), "uriBaseId": "%SRCROOT%"}
