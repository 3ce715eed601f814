"""SARIF 2.1.0: valid against the official OASIS schema, with what GitHub code scanning needs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from goalkit.formats import FormatOptions, render

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


@pytest.fixture
def sarif(result):
    return json.loads(render("sarif", result, FormatOptions(version="1.2.3")))


def test_validates_against_the_official_schema(sarif, clean):
    jsonschema.validate(sarif, SCHEMA)
    jsonschema.validate(json.loads(render("sarif", clean, FormatOptions())), SCHEMA)


def test_rules_carry_descriptions_help_and_level(sarif, result):
    driver = sarif["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("goalkit", "1.2.3")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(result.enabled)
    okr105 = driver["rules"][ids.index("OKR105")]
    declared = result.rule("OKR105")
    assert okr105["name"] == "activity-key-result"
    assert okr105["shortDescription"] == {"text": declared.summary}
    assert okr105["fullDescription"] == {"text": declared.why}
    assert okr105["help"]["text"].startswith(declared.summary)
    assert "```markdown\n" in okr105["help"]["markdown"]
    assert okr105["defaultConfiguration"] == {"level": "warning"}
    levels = {rule["id"]: rule["defaultConfiguration"]["level"] for rule in driver["rules"]}
    assert levels["GK001"] == "error"
    assert levels["OKR112"] == "note"


def test_results_point_at_relative_locations(sarif):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["GK002", "OKR105", "OKR105", "OKR112"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert [r["level"] for r in results] == ["error", "warning", "warning", "note"]
    second = results[1]
    assert second["message"]["text"].endswith("(State the result:\nhow will you measure it?)")
    assert second["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "goals/a%20b.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 14, "startColumn": 8, "endLine": 14, "endColumn": 13},
            }
        }
    ]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
    }


def test_invocation_reports_crashed_rules(sarif, result):
    from dataclasses import replace

    from goalkit.diagnostics import Diagnostic, Severity

    assert sarif["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    crash = Diagnostic("goals/z.md", 1, 1, "GK000", "rule X crashed", Severity.ERROR,
                       name="internal-error")  # fmt: skip
    crashed = replace(result, diagnostics=(crash, *result.diagnostics))
    log = json.loads(render("sarif", crashed, FormatOptions()))
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False}]


def test_paths_outside_the_run_folder():
    from goalkit.formats.sarif import artifact

    assert artifact("../team/q4 plan.md") == {
        "uri": "../team/q4%20plan.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact("/srv/goals/q4.md") == {"uri": "file:///srv/goals/q4.md"}
    assert artifact("./goals/a.md") == {"uri": "goals/a.md", "uriBaseId": "%SRCROOT%"}
