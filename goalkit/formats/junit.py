"""The `junit` format: JUnit XML, which GitLab, Jenkins, Azure Pipelines and CircleCI display.

Shaped like ruff's JUnit output: one `<testsuite>` per goal file, one failing `<testcase>` per
diagnostic (`name="goalkit.OKR105"`, `classname` the path without `.md`, `file`/`line`/`column`
attributes, a `<failure>` whose `type` is the rule code). A file without findings gets one
passing test case, so CI shows it as checked. Internal errors (GK000) are `<error>`s: the check
itself failed, not the goal. No timestamps or durations, so the output is reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence

from goalkit.diagnostics import Diagnostic
from goalkit.engine import INTERNAL_ERROR, LintResult
from goalkit.formats import FormatOptions

TOOL = "goalkit"
CLEAN_CASE = "No problems found"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold, even escaped; a goal file's text may still contain them."""


def render(result: LintResult, options: FormatOptions) -> str:
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in result.paths}
    for diagnostic in result.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    suites = [_suite(path, by_path[path]) for path in sorted(by_path)]
    root = ElementTree.Element("testsuites", _suite_counts(suites, name=TOOL))
    root.extend(suites)
    ElementTree.indent(root, space="  ")
    xml = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def _suite(path: str, diagnostics: Sequence[Diagnostic]) -> ElementTree.Element:
    classname = path.removesuffix(".md") if path else TOOL
    cases = [_case(diagnostic, classname) for diagnostic in diagnostics]
    if not cases:
        cases = [ElementTree.Element("testcase", {"name": CLEAN_CASE, "classname": classname})]
    suite = ElementTree.Element("testsuite", _case_counts(cases, name=path or TOOL))
    suite.extend(cases)
    return suite


def _case(diagnostic: Diagnostic, classname: str) -> ElementTree.Element:
    attributes = {"name": f"{TOOL}.{diagnostic.code}", "classname": classname}
    if diagnostic.path:
        attributes |= {
            "file": diagnostic.path,
            "line": str(diagnostic.line),
            "column": str(diagnostic.column),
        }
    case = ElementTree.Element("testcase", attributes)
    kind = "error" if diagnostic.code == INTERNAL_ERROR else "failure"
    outcome = ElementTree.SubElement(
        case, kind, {"message": _clean(diagnostic.message), "type": diagnostic.code}
    )
    outcome.text = _clean(_details(diagnostic))
    return case


def _details(diagnostic: Diagnostic) -> str:
    place = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: " if diagnostic.path else ""
    name = f" {diagnostic.name}" if diagnostic.name else ""
    text = f"{place}{diagnostic.code}{name} [{diagnostic.severity.value}] {diagnostic.message}"
    return text + (f"\n{diagnostic.hint}" if diagnostic.hint else "")


COUNTED = ("tests", "failures", "errors", "skipped")


def _case_counts(cases: Sequence[ElementTree.Element], *, name: str) -> dict[str, str]:
    counts = {
        "tests": len(cases),
        "failures": sum(case.find("failure") is not None for case in cases),
        "errors": sum(case.find("error") is not None for case in cases),
        "skipped": 0,
    }
    return {"name": name, **{key: str(value) for key, value in counts.items()}}


def _suite_counts(suites: Sequence[ElementTree.Element], *, name: str) -> dict[str, str]:
    counts = {key: sum(int(suite.get(key, "0")) for suite in suites) for key in COUNTED}
    return {"name": name, **{key: str(value) for key, value in counts.items()}}


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
