"""`--format junit`: JUnit XML as CI systems read it, checked by parsing it back."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from goalkit.diagnostics import Diagnostic, Severity
from goalkit.engine import LintResult
from goalkit.formats import FormatOptions, render

SAMPLE_GOALS = Path(__file__).resolve().parents[2] / "sample-goals"

KEY_RESULT = Diagnostic(
    "team/growth.md", 12, 3, "OKR105", 'Key result "Write 4 blog posts" describes an activity',
    Severity.WARNING, hint="Say what the posts should change.", name="activity-key-result",
)  # fmt: skip
OBJECTIVE = Diagnostic(
    "team/growth.md", 9, 7, "OKR104", "Objective has a number", Severity.INFO,
    name="objective-has-metric",
)  # fmt: skip
CRASH = Diagnostic("", 1, 1, "GK000", "internal error in OKR101: boom", Severity.ERROR)

EXPECTED = """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="goalkit" tests="4" failures="2" errors="1" skipped="0">
  <testsuite name="goalkit" tests="1" failures="0" errors="1" skipped="0">
    <testcase name="goalkit.GK000" classname="goalkit">
      <error message="internal error in OKR101: boom" type="GK000">GK000 [error] internal error in OKR101: boom</error>
    </testcase>
  </testsuite>
  <testsuite name="company/2026.md" tests="1" failures="0" errors="0" skipped="0">
    <testcase name="No problems found" classname="company/2026" />
  </testsuite>
  <testsuite name="team/growth.md" tests="2" failures="2" errors="0" skipped="0">
    <testcase name="goalkit.OKR104" classname="team/growth" file="team/growth.md" line="9" column="7">
      <failure message="Objective has a number" type="OKR104">team/growth.md:9:7: OKR104 objective-has-metric [info] Objective has a number</failure>
    </testcase>
    <testcase name="goalkit.OKR105" classname="team/growth" file="team/growth.md" line="12" column="3">
      <failure message="Key result &quot;Write 4 blog posts&quot; describes an activity" type="OKR105">team/growth.md:12:3: OKR105 activity-key-result [warning] Key result "Write 4 blog posts" describes an activity
Say what the posts should change.</failure>
    </testcase>
  </testsuite>
</testsuites>
"""  # noqa: E501


def result_of(*diagnostics: Diagnostic, paths: tuple[str, ...] = ()) -> LintResult:
    return LintResult(
        diagnostics=tuple(sorted(diagnostics)), suppressions=(), rules=(), paths=paths
    )


def junit(result: LintResult) -> str:
    return render("junit", result, FormatOptions())


def test_exact_output() -> None:
    result = result_of(KEY_RESULT, OBJECTIVE, CRASH, paths=("company/2026.md", "team/growth.md"))
    assert junit(result) == EXPECTED


def test_nothing_to_report_is_an_empty_but_valid_report() -> None:
    root = ElementTree.fromstring(junit(result_of()))
    assert root.tag == "testsuites"
    assert dict(root.attrib) == {
        "name": "goalkit", "tests": "0", "failures": "0", "errors": "0", "skipped": "0",
    }  # fmt: skip
    assert list(root) == []


def test_characters_xml_cannot_hold_are_replaced() -> None:
    odd = Diagnostic("a.md", 1, 1, "GK003", "bad value '\x0b\x1b[31m'", Severity.ERROR)
    failure = ElementTree.fromstring(junit(result_of(odd, paths=("a.md",)))).find(".//failure")
    assert failure is not None
    assert failure.get("message") == "bad value '\ufffd\ufffd[31m'"


def test_sample_goals_report_is_consistent_with_the_diagnostics() -> None:
    from goalkit.config import discover
    from goalkit.engine import lint
    from goalkit.loading import load_documents

    documents = load_documents([SAMPLE_GOALS])
    result = lint(documents, discover(SAMPLE_GOALS), dt.date(2026, 11, 20))
    assert result.diagnostics, "the weak sample file should give findings"
    root = ElementTree.fromstring(junit(result))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == sorted(result.paths)
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(len(suite.findall("testcase/failure")))
        assert suite.get("errors") == str(len(suite.findall("testcase/error")))
    for key in ("tests", "failures", "errors"):
        assert root.get(key) == str(sum(int(suite.get(key, "-1")) for suite in suites))
    failed = [
        (case.get("file"), int(case.get("line", "0")), case.get("name"))
        for case in root.iter("testcase")
        if case.find("failure") is not None
    ]
    assert failed == [(d.path, d.line, f"goalkit.{d.code}") for d in result.diagnostics]
    assert int(root.get("failures", "0")) == len(result.diagnostics)
    clean = [case for case in root.iter("testcase") if case.get("name") == "No problems found"]
    assert len(clean) == len(result.paths) - len({d.path for d in result.diagnostics})
