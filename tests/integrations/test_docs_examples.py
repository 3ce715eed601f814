"""docs/integrations.md and docs/examples/: the examples parse, and their goalkit commands run."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "integrations.md"
WORKFLOW = ROOT / "docs" / "examples" / "goalkit.yml"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


def fenced_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC.read_text("utf-8"), re.M | re.S)


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as true; GitHub reads it as the string.
    data["on"] = data.pop(True)
    return data


def steps(job: str) -> list[dict[str, Any]]:
    return workflow()["jobs"][job]["steps"]


def actions(job: str) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_workflow_has_the_documented_jobs_and_triggers() -> None:
    data = workflow()
    assert set(data["on"]) == {"push", "pull_request", "workflow_dispatch"}
    assert data["permissions"] == {"contents": "read"}
    assert list(data["jobs"]) == ["lint", "report", "deploy"]
    assert data["jobs"]["lint"]["permissions"]["security-events"] == "write"
    assert data["jobs"]["report"]["if"] == "github.ref == 'refs/heads/main'"
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "report"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_workflow_uses_the_official_actions_pinned_to_a_major_version() -> None:
    assert actions("lint") == [
        "actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif",
    ]  # fmt: skip
    assert actions("report") == [
        "actions/checkout", "actions/setup-python", "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]  # fmt: skip
    assert actions("deploy") == ["actions/deploy-pages"]
    for job in ("lint", "report", "deploy"):
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"[\w./-]+@v\d+", step["uses"]), step["uses"]
    upload = next(step for step in steps("lint") if "upload-sarif" in step.get("uses", ""))
    assert upload["with"]["sarif_file"] == "goalkit.sarif"
    pages = next(step for step in steps("report") if "upload-pages" in step.get("uses", ""))
    assert pages["with"]["path"] == "site"


def check_jsonschema(schema: str, document: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with the schema it ships for `schema` (SchemaStore's), offline."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(document)]
    return subprocess.run(command, capture_output=True, text=True)


def test_workflow_validates_against_the_github_workflow_schema(tmp_path: Path) -> None:
    run = check_jsonschema("vendor.github-workflows", WORKFLOW)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ok -- validation done" in run.stdout
    # The same check on a workflow with a misspelt key fails: it is not a formality.
    broken = tmp_path / "goalkit.yml"
    broken.write_text(WORKFLOW.read_text("utf-8").replace("runs-on:", "runs_on:", 1), "utf-8")
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1


def test_gitlab_example_validates_against_the_gitlab_ci_schema(tmp_path: Path) -> None:
    (gitlab,) = (block for block in fenced_blocks("yaml") if block.startswith("goalkit:"))
    pipeline = tmp_path / ".gitlab-ci.yml"
    pipeline.write_text(gitlab, encoding="utf-8")
    run = check_jsonschema("vendor.gitlab-ci", pipeline)
    assert run.returncode == 0, run.stdout + run.stderr


def goalkit_commands(job: str) -> list[list[str]]:
    """The workflow's `goalkit …` lines with its variables filled in, as the runner would."""
    variables = {"$GOALS": workflow()["env"]["GOALS"]}
    commands = []
    for step in steps(job):
        line = step.get("run", "")
        if not line.startswith("goalkit "):
            continue
        line = line.replace("${{ steps.pages.outputs.base_url }}", "https://example.org/goals")
        for name, value in variables.items():
            line = line.replace(f'"{name}"', value)
        commands.append(shlex.split(line))
    return commands


def test_the_workflow_commands_run_on_a_goal_repository(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "sample-goals", tmp_path / workflow()["env"]["GOALS"])

    def run(arguments: list[str]) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "goalkit", *arguments[1:]]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)

    sarif_run, annotations_run = (run(command) for command in goalkit_commands("lint"))
    assert sarif_run.returncode == 0, sarif_run.stderr
    sarif = json.loads((tmp_path / "goalkit.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
    }
    assert uris and all(uri.startswith("goals/") for uri in uris), "paths from the repo's top"

    assert annotations_run.returncode == 1, "findings fail the job"
    lines = annotations_run.stdout.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=goals/", line) for line in lines)

    (report_command,) = goalkit_commands("report")
    report_run = run(report_command)
    assert report_run.returncode == 0, report_run.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_the_pre_commit_example_is_a_valid_pre_commit_config(tmp_path: Path) -> None:
    from pre_commit.clientlib import load_config

    (example,) = (block for block in fenced_blocks("yaml") if block.startswith("repos:"))
    config_file = tmp_path / ".pre-commit-config.yaml"
    config_file.write_text(example, encoding="utf-8")
    (repository,) = load_config(str(config_file))["repos"]
    hook_ids = {
        hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    assert [hook["id"] for hook in repository["hooks"]] == ["goalkit-lint"]
    assert {hook["id"] for hook in repository["hooks"]} <= hook_ids

    # The report hook is shown commented out; uncommented, the config must still be valid.
    config_file.write_text(re.sub(r"^(\s*)# (- |  )", r"\1\2", example, flags=re.M))
    (repository,) = load_config(str(config_file))["repos"]
    lint, report = repository["hooks"]
    assert (lint["id"], report["id"]) == ("goalkit-lint", "goalkit-report")
    assert report["args"] == ["--output", "site", "goals"]


def test_the_gitlab_example_writes_the_junit_report_it_declares(tmp_path: Path) -> None:
    (gitlab,) = (block for block in fenced_blocks("yaml") if block.startswith("goalkit:"))
    job = yaml.safe_load(gitlab)["goalkit"]
    report = job["artifacts"]["reports"]["junit"]
    (lint_line,) = [line for line in job["script"] if line.startswith("goalkit lint")]
    shutil.copytree(ROOT / "sample-goals", tmp_path / "goals")
    command = [sys.executable, "-m", "goalkit", *shlex.split(lint_line)[1:]]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    root = ElementTree.parse(tmp_path / report).getroot()
    assert root.tag == "testsuites" and int(root.get("failures", "0")) > 0
    assert {suite.get("name", "").split("/")[0] for suite in root} == {"goals"}


def test_the_editor_command_lints_an_unsaved_buffer_within_its_goal_set(tmp_path: Path) -> None:
    (line,) = (block.strip() for block in fenced_blocks("sh") if "--stdin-filename" in block)
    shutil.copytree(ROOT / "sample-goals", tmp_path / "goals")
    weak = (ROOT / "sample-goals" / "freelance" / "weak-goals.md").read_text(encoding="utf-8")
    # Unsaved: the buffer supports a goal that exists only on disk, beside it.
    buffer = weak.replace("supports: marketing-masterplan", "supports: freelance/2026-Q4-okrs#O1")
    command = [sys.executable, "-m", "goalkit", *shlex.split(line)[1:]]
    run = subprocess.run(command, cwd=tmp_path, input=buffer, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    findings = [row for row in run.stdout.splitlines() if not row.startswith("  hint:")]
    assert findings and all(re.match(r"goals/q4\.md:\d+:\d+: [A-Z]+\d+ ", row) for row in findings)
    assert any(" OKR105 " in row for row in findings)
    assert not any(" GK005 " in row for row in findings), "the reference resolves in the set"
    assert not (tmp_path / "goals" / "q4.md").exists()


GOALKIT = shutil.which("goalkit")


@pytest.mark.skipif(GOALKIT is None, reason="the goalkit console script is not installed")
@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("bash_source", "complete -o nosort -F _goalkit_completion goalkit"),
        ("zsh_source", "#compdef goalkit"),
        ("fish_source", "complete --no-files --command goalkit"),
    ],
)
def test_completion_scripts_come_from_click(shell: str, expected: str) -> None:
    assert GOALKIT is not None
    environment = dict(os.environ, _GOALKIT_COMPLETE=shell)
    script = subprocess.run(
        [GOALKIT], env=environment, capture_output=True, text=True, check=True
    ).stdout
    assert expected in script
    assert "_GOALKIT_COMPLETE" in script


@pytest.mark.skipif(
    GOALKIT is None or shutil.which("bash") is None, reason="needs bash and the goalkit script"
)
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("goalkit n", ["new"]),
        ("goalkit s", ["schema", "status"]),
        ("goalkit lint --format j", ["json", "junit"]),
        ("goalkit new ", ["okr", "smart"]),
        ("goalkit init --pre", ["--preset"]),
    ],
)
def test_bash_completes_commands_options_and_choices(words: str, expected: list[str]) -> None:
    script = f"""
        eval "$(_GOALKIT_COMPLETE=bash_source goalkit)"
        COMP_WORDS=({words}{" ''" if words.endswith(" ") else ""})
        COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
        _goalkit_completion goalkit
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == expected
