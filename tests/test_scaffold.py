"""`goalkit new`: the starter files, their values, and never overwriting anything."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from goalkit.cli import main
from goalkit.model import GoalType, Status
from goalkit.parse import parse_file
from goalkit.scaffold import build_request, render

TODAY = ["--today", "2026-11-03"]

EXPECTED_SMART = """\
---
type: smart
owner: Maya Lindqvist
cycle: 2026-Q4
supports: freelance/2026-Q4-okrs#O1.KR2
status: active
---

# TODO a specific goal: what changes, by how much, by which date

## Why

TODO Why this goal matters, and which key result it moves.

## Milestones

TODO The steps on the way, as a task list with dates (`- [ ] Draft the talk by …`).
"""


def invoke(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def test_smart_file_is_exactly_the_template(tmp_path: Path) -> None:
    target = tmp_path / "weekly" / "newsletter.md"
    code, out, err = invoke(
        "new", "smart", str(target), "--owner", "Maya Lindqvist",
        "--supports", "freelance/2026-Q4-okrs#O1.KR2", *TODAY,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Created {target.as_posix()}: fill in the TODO lines, then run goalkit lint.\n"
    assert target.read_text(encoding="utf-8") == EXPECTED_SMART


def test_okr_file_parses_into_the_requested_goal(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "2027-Q1.md"
    code, _, err = invoke(
        "new", "okr", str(target), "--owner", "Sam: growth lead", "--cycle", "2027-q1",
        "--supports", "company/2027#O1", "--supports", "vision", *TODAY,
    )  # fmt: skip
    assert (code, err) == (0, "")
    document = parse_file(target, "deep/er/2027-Q1")
    assert document.problems == ()
    assert document.type is GoalType.OKR
    assert document.title == "OKRs of Sam: growth lead, 2027-Q1"
    assert document.owners == ("Sam: growth lead",)
    assert document.cycle is not None
    assert (document.cycle.label, document.cycle.start, document.cycle.end) == (
        "2027-Q1", dt.date(2027, 1, 1), dt.date(2027, 3, 31),
    )  # fmt: skip
    assert [reference.text for reference in document.supports] == ["company/2027#O1", "vision"]
    assert document.status is Status.ACTIVE
    assert [objective.id for objective in document.objectives] == ["O1", "O2", "O3"]
    assert [len(objective.key_results) for objective in document.objectives] == [3, 3, 3]
    assert [section.name for section in document.sections] == ["why", "check-ins"]


def test_default_cycle_is_the_quarter_of_today() -> None:
    request = build_request("okr", owner=None, cycle=None, supports=(), today=dt.date(2026, 7, 1))
    assert request.cycle.label == "2026-Q3"
    text = render(request)
    assert "cycle: 2026-Q3\n" in text
    assert "owner:  # TODO: who owns these goals\n" in text
    assert text.startswith("---\ntitle: OKRs for 2026-Q3\ntype: okr\n")


def test_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "goals.md"
    target.write_text("my own words\n", encoding="utf-8")
    code, out, err = invoke("new", "okr", str(target), *TODAY)
    assert (code, out) == (1, "")
    assert err == f"goalkit: {target.as_posix()} already exists; not overwriting it\n"
    assert target.read_text(encoding="utf-8") == "my own words\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--cycle", "Q3"], "Error: --cycle 'Q3' is not a cycle; use a quarter (2026-Q3), "
         "a half (2026-H2), a year (2026) or a month (2026-07)"),
        (["--supports", "a b"], "Error: --supports 'a b' is not a reference; write a goal id, "
         "`ID#O2` or `ID#O2.KR3`"),
    ],
)  # fmt: skip
def test_bad_values_are_usage_errors(tmp_path: Path, arguments: list[str], message: str) -> None:
    target = tmp_path / "goals.md"
    code, _, err = invoke("new", "okr", str(target), *arguments, *TODAY)
    assert code == 2
    assert message in err.replace("\n", " ").replace("  ", " ")
    assert not target.exists()


def test_a_name_without_md_is_refused(tmp_path: Path) -> None:
    code, _, err = invoke("new", "smart", str(tmp_path / "goal.txt"), *TODAY)
    assert code == 2
    assert "a goal file's name must end in .md" in err
    assert list(tmp_path.iterdir()) == []


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    code, _, err = invoke("new", "kpi", str(tmp_path / "goal.md"))
    assert code == 2
    assert "'kpi' is not one of 'okr', 'smart'" in err


def run_git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)


def test_init_writes_a_config_the_loader_accepts(tmp_path: Path) -> None:
    from goalkit.config import load

    run_git(tmp_path, "init", "-q")
    code, out, err = invoke("init", str(tmp_path / "goals"), "--preset", "wodtke")
    assert (code, err) == (0, "")
    config = load(tmp_path / "goals" / "goalkit.toml")
    assert config.preset == "wodtke"
    assert config.root == (tmp_path / "goals").resolve()
    snippet = out.split("add this to .pre-commit-config.yaml:\n\n", 1)[1]
    assert "        files: ^goals/\n" in snippet


def test_init_snippet_is_a_valid_pre_commit_config(tmp_path: Path) -> None:
    from pre_commit.clientlib import load_config

    run_git(tmp_path, "init", "-q")
    code, out, _ = invoke("init", str(tmp_path / "team goals"))
    assert code == 0
    config_file = tmp_path / ".pre-commit-config.yaml"
    config_file.write_text(out.split("add this to .pre-commit-config.yaml:\n\n", 1)[1])
    (hook,) = load_config(str(config_file))["repos"][0]["hooks"]
    assert hook["id"] == "goalkit-lint"
    assert re.match(hook["files"], "team goals/q3.md")
    assert not re.match(hook["files"], "README.md")


def test_init_at_the_top_of_the_work_tree_leaves_files_alone(tmp_path: Path) -> None:
    run_git(tmp_path, "init", "-q")
    code, out, _ = invoke("init", str(tmp_path))
    assert code == 0
    assert "files:" not in out
    assert out.startswith(f"Created {(tmp_path / 'goalkit.toml').as_posix()}.\n")


@pytest.mark.parametrize("name", ["goalkit.toml", ".goalkit.toml"])
def test_init_never_touches_an_existing_config(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text('preset = "doerr"\n')
    code, out, err = invoke("init", str(tmp_path))
    assert (code, out) == (1, "")
    assert "already configures goalkit; not touching it" in err
    assert (tmp_path / name).read_text() == 'preset = "doerr"\n'
    assert sorted(path.name for path in tmp_path.iterdir()) == [name]


def test_init_beside_a_pyproject_with_goalkit_settings_refuses(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.goalkit]\npreset = "doerr"\n')
    code, _, err = invoke("init", str(tmp_path))
    assert code == 1
    assert "pyproject.toml already configures goalkit" in err
    assert not (tmp_path / "goalkit.toml").exists()


def lint_folder(folder: Path, today: dt.date) -> list[tuple[str, int, str]]:
    from goalkit.config import discover
    from goalkit.engine import lint
    from goalkit.loading import load_documents

    result = lint(load_documents([folder]), discover(folder), today)
    return [(Path(d.path).name, d.line, d.code) for d in result.diagnostics]


def todo_lines(path: Path) -> list[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if "TODO" in line]


def test_new_files_lint_clean_but_for_what_only_the_user_can_fill_in(tmp_path: Path) -> None:
    (tmp_path / "goalkit.toml").write_text("")
    okr, smart = tmp_path / "maya" / "2026-Q4.md", tmp_path / "maya" / "weekly" / "talks.md"
    assert invoke("new", "okr", str(okr), "--owner", "Maya", *TODAY)[0] == 0
    arguments = ["--owner", "Maya", "--supports", "maya/2026-Q4#O1.KR1", *TODAY]
    assert invoke("new", "smart", str(smart), *arguments)[0] == 0

    found = lint_folder(tmp_path, dt.date(2026, 11, 3))

    key_result_lines = [13, 14, 15, 19, 20, 21, 25, 26, 27]
    assert found == [
        *[("2026-Q4.md", line, "OKR103") for line in key_result_lines],
        ("talks.md", 9, "SMART202"),
    ]
    assert set(key_result_lines) <= set(todo_lines(okr))
    assert 9 in todo_lines(smart)


def test_a_new_okr_file_without_owner_asks_for_one(tmp_path: Path) -> None:
    (tmp_path / "goalkit.toml").write_text("")
    assert invoke("new", "okr", str(tmp_path / "goals.md"), *TODAY)[0] == 0
    found = lint_folder(tmp_path, dt.date(2026, 11, 3))
    assert found[0] == ("goals.md", 1, "GK002")
    assert {code for _, _, code in found[1:]} == {"OKR103"}


def test_snippet_pins_goalkit_repository_when_its_metadata_names_one(tmp_path: Path) -> None:
    from pre_commit.clientlib import load_config

    from goalkit.scaffold import pre_commit_snippet

    snippet = pre_commit_snippet("goals", "https://example.org/goalkit.git", "1.2.0")
    assert snippet == (
        "repos:\n"
        "  - repo: https://example.org/goalkit.git\n"
        "    rev: v1.2.0\n"
        "    hooks:\n"
        "      - id: goalkit-lint\n"
        "        files: ^goals/\n"
    )
    config_file = tmp_path / ".pre-commit-config.yaml"
    config_file.write_text(snippet)
    (repository,) = load_config(str(config_file))["repos"]
    assert (repository["rev"], repository["hooks"][0]["id"]) == ("v1.2.0", "goalkit-lint")


def test_the_okr_skeleton_follows_the_configured_preset(tmp_path: Path) -> None:
    (tmp_path / "goalkit.toml").write_text('preset = "wodtke"\n')
    target = tmp_path / "maya" / "2026-Q4.md"
    assert invoke("new", "okr", str(target), "--owner", "Maya", *TODAY)[0] == 0
    document = parse_file(target, "maya/2026-Q4")
    assert [len(objective.key_results) for objective in document.objectives] == [3]
    assert lint_folder(tmp_path, dt.date(2026, 11, 3)) == [
        ("2026-Q4.md", line, "OKR103") for line in (13, 14, 15)
    ]


def test_a_broken_configuration_stops_new_before_writing(tmp_path: Path) -> None:
    (tmp_path / "goalkit.toml").write_text('preset = "grove"\n')
    target = tmp_path / "goals.md"
    code, out, err = invoke("new", "okr", str(target), *TODAY)
    assert (code, out) == (2, "")
    assert err.startswith("goalkit: configuration error: ")
    assert "`preset`: is 'grove'; expected one of doerr, wodtke" in err
    assert not target.exists()
