"""What CI reads from `goalkit lint` on the sample goals: SARIF (official schema) and JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from goalkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GOALS = ROOT / "sample-goals"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
TODAY = "2026-11-20"


def lint_samples(monkeypatch: pytest.MonkeyPatch, output_format: str) -> tuple[int, str]:
    monkeypatch.chdir(SAMPLE_GOALS)
    result = CliRunner().invoke(main, ["lint", "--format", output_format, "--today", TODAY])
    assert result.stderr == ""
    return result.exit_code, result.stdout


def test_sample_goals_sarif_validates_against_the_official_schema(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, output = lint_samples(monkeypatch, "sarif")
    sarif = json.loads(output)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = [error.message for error in validator_class(schema).iter_errors(sarif)]
    assert errors == []

    (run,) = sarif["runs"]
    results = run["results"]
    assert code == 1 and results, "the weak sample gives findings, and the exit status says so"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        (location,) = result["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and (SAMPLE_GOALS / uri).is_file()
        assert location["physicalLocation"]["region"]["startLine"] >= 1


def test_sample_goals_junit_matches_the_json_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    junit_code, junit = lint_samples(monkeypatch, "junit")
    json_code, json_output = lint_samples(monkeypatch, "json")
    assert junit_code == json_code == 1
    root = ElementTree.fromstring(junit)
    failures = [
        (
            case.get("file"),
            int(case.get("line", "0")),
            case.get("name", "").removeprefix("goalkit."),
        )
        for case in root.iter("testcase")
        if case.find("failure") is not None
    ]
    diagnostics = json.loads(json_output)["diagnostics"]
    assert failures == [(d["path"], d["line"], d["code"]) for d in diagnostics]
    assert root.get("failures") == str(len(failures))
