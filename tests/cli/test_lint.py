"""`goalkit lint` end to end: exact output and exit status for each case, in a real folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from goalkit.cli import main

PROJECT = Path(__file__).resolve().parent.parent / "data" / "cli" / "project"
TODAY = ["--today", "2026-11-20"]

BROKEN = (
    "goals/broken.md:4:11: GK005 `supports: goals/company#O4`: "
    "`goals/company` has no objective O4\n"
    "  hint: its objectives: O1\n"
    "goals/broken.md:5:6: GK003 `due` is 'soon', not a date (use YYYY-MM-DD)\n"
)
NEWSLETTER = (
    "goals/newsletter.md:5:1: GK007 unknown front-matter key `onwer`\n"
    "  hint: did you mean `owner`?\n"
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = tmp_path / "project"
    shutil.copytree(PROJECT, folder)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


def lint(*arguments: str):
    return CliRunner().invoke(main, ["lint", *arguments], catch_exceptions=False)


def test_default_paths_are_the_configured_include_minus_exclude(project):
    result = lint("--select", "GK", *TODAY)
    assert result.stdout == BROKEN + NEWSLETTER + "Found 3 problems (3 errors).\n"
    assert result.exit_code == 1


def test_clean_file_passes(project):
    result = lint("--select", "GK", *TODAY, "goals/company.md")
    assert (result.stdout, result.exit_code) == ("All checks passed!\n", 0)


def test_named_file_reports_alone_but_sees_the_whole_set(project):
    # newsletter.md supports goals/company#O1.KR1: resolvable only with company.md read too.
    result = lint("--select", "GK", *TODAY, "goals/newsletter.md")
    assert result.stdout == NEWSLETTER + "Found 1 problem (1 error).\n"
    assert result.exit_code == 1


def test_named_files_outside_the_goal_set_are_skipped(project):
    # pre-commit names every changed Markdown file; a README is not a goal.
    (project / "README.md").write_text("# Project\n\nonwer: nobody\n", encoding="utf-8")
    result = lint("--select", "GK", *TODAY, "README.md", "goals/archive/old.md")
    assert (result.stdout, result.exit_code) == ("All checks passed!\n", 0)
    result = lint("--select", "GK007", *TODAY, "README.md", "goals/newsletter.md")
    assert result.stdout == NEWSLETTER + "Found 1 problem (1 error).\n"


def test_files_outside_the_goals_root_are_read_as_named(project, tmp_path):
    # shown relative to the current folder, as ruff does
    outside = tmp_path / "elsewhere.md"
    outside.write_text("---\ntitle: Elsewhere\ncylce: 2026-Q4\n---\n", encoding="utf-8")
    result = lint("--select", "GK007", *TODAY, str(outside))
    assert result.stdout == (
        "../elsewhere.md:3:1: GK007 unknown front-matter key `cylce`\n"
        "  hint: did you mean `cycle`?\n"
        "Found 1 problem (1 error).\n"
    )


def test_folder_walk_honours_exclude_and_per_file_ignores(project):
    result = lint("--select", "GK007", *TODAY, "goals")
    assert result.stdout == NEWSLETTER + "Found 1 problem (1 error).\n"


def test_exit_zero_and_fail_on(project):
    assert lint("--select", "GK", "--exit-zero", *TODAY).exit_code == 0
    assert lint("--select", "OKR109", *TODAY).exit_code == 1
    assert lint("--select", "OKR109", "--fail-on", "error", *TODAY).exit_code == 0
    info = lint("--select", "OKR109", "--fail-on", "error", *TODAY).stdout
    assert info.splitlines()[-1] == "Found 2 problems (2 warnings)."


def test_fail_on_from_the_configuration(project):
    (project / "goalkit.toml").write_text('include = ["goals"]\nfail-on = "error"\n')
    assert lint("--select", "OKR109", *TODAY).exit_code == 0
    assert lint("--select", "OKR109", "--fail-on", "warning", *TODAY).exit_code == 1


def test_ignore_and_extend_select(project):
    result = lint("--select", "GK", "--ignore", "GK003,GK005", *TODAY)
    assert result.stdout == NEWSLETTER + "Found 1 problem (1 error).\n"
    result = lint("--select", "GK007", "--extend-select", "GK003", *TODAY)
    assert result.stdout.count(": GK003 ") == 1 and result.stdout.count(": GK007 ") == 1


def test_quiet_and_statistics(project):
    assert lint("--select", "GK", "-q", *TODAY).stdout == BROKEN + NEWSLETTER
    assert lint("--select", "GK", "--statistics", *TODAY).stdout == (
        "1  GK003  error  invalid-value\n"
        "1  GK005  error  broken-reference\n"
        "1  GK007  error  unknown-field\n"
        "Found 3 problems (3 errors).\n"
    )


def test_colour_only_when_asked(project):
    assert "\x1b[" not in lint("--select", "GK", *TODAY).stdout
    coloured = lint("--select", "GK", "--color", *TODAY).stdout
    assert "\x1b[1;31mGK005\x1b[0m" in coloured


def test_json_sarif_and_github_formats(project):
    data = json.loads(lint("--select", "GK", "--format", "json", *TODAY).stdout)
    assert [(d["path"], d["line"], d["code"]) for d in data["diagnostics"]] == [
        ("goals/broken.md", 4, "GK005"),
        ("goals/broken.md", 5, "GK003"),
        ("goals/newsletter.md", 5, "GK007"),
    ]
    sarif = json.loads(lint("--select", "GK", "--format", "sarif", *TODAY).stdout)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    ]
    assert uris == ["goals/broken.md", "goals/broken.md", "goals/newsletter.md"]
    github = lint("--select", "GK007", "--format", "github", *TODAY)
    assert github.stdout == (
        "::error file=goals/newsletter.md,line=5,col=1,endLine=5,endColumn=6,"
        "title=GK007 unknown-field::unknown front-matter key `onwer`%0Adid you mean `owner`?\n"
    )
    assert github.exit_code == 1


def test_output_file(project):
    result = lint("--select", "GK", "--format", "json", "-o", "report.json", *TODAY)
    assert result.stdout == ""
    assert result.exit_code == 1
    data = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert data["summary"]["problems"] == 3


def test_configuration_error_is_exit_2_with_one_line(project):
    (project / "goalkit.toml").write_text('include = ["goals"]\nselct = ["GK"]\n')
    result = lint(*TODAY)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"goalkit: configuration error: {(project / 'goalkit.toml').resolve()}: "
        "`selct`: unknown key; did you mean 'select'?\n"
    )


def test_unknown_selector_on_the_command_line_is_exit_2(project):
    result = lint("--select", "OKR999", *TODAY)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "goalkit: configuration error: `--select`: 'OKR999' matches no rule; "
        "did you mean 'OKR109'?\n"
    )


def test_explicit_config_file(project, tmp_path):
    other = tmp_path / "strict.toml"
    other.write_text('select = ["GK007"]\n', encoding="utf-8")
    result = lint("--config", str(other), *TODAY, "goals/newsletter.md", "goals/broken.md")
    assert result.stdout == NEWSLETTER + "Found 1 problem (1 error).\n"


def test_bad_files_never_stop_the_others(project):
    (project / "goals" / "latin1.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    (project / "goals" / "yaml.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    result = lint("--select", "GK001,GK007,GK008", *TODAY, "goals", "goals/missing.md")
    assert result.stdout == (
        "goals/latin1.md:2:11: GK008 not UTF-8: byte 0xe9 cannot be decoded; save the file as "
        "UTF-8\n"
        "goals/missing.md:1:1: GK008 no such file\n"
        + NEWSLETTER
        + "goals/yaml.md:3:1: GK001 front-matter is not valid YAML: expected ',' or ']', but "
        "got '<stream end>' (while parsing a flow sequence that starts on line 2)\n"
        "  hint: front-matter is YAML between two `---` lines: `key: value`\n"
        "Found 4 problems (4 errors).\n"
    )
    assert result.exit_code == 1


def test_no_goal_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = lint(*TODAY)
    assert (result.stdout, result.exit_code) == ("All checks passed!\n", 0)
    assert result.stderr == "goalkit: warning: no goal files (*.md) found\n"


def test_lint_never_imports_jinja2(project):
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "goalkit", "lint", "--select", "GK",
         *TODAY, "goals/newsletter.md"],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert completed.returncode == 1, completed.stderr
    imported = {line.split("|")[-1].strip() for line in completed.stderr.splitlines()}
    assert "goalkit.engine" in imported  # the import log is really there
    assert not {name for name in imported if name.split(".")[0] == "jinja2"}
    assert "goalkit.history" not in imported


def test_configuration_of_the_named_folder_when_none_is_found_here(project, monkeypatch):
    monkeypatch.chdir(project.parent)
    result = lint("--select", "GK007", *TODAY, "project/goals")
    # project/goalkit.toml applies: archive excluded, drafts' GK codes ignored per file.
    assert result.stdout == (
        "project/goals/newsletter.md:5:1: GK007 unknown front-matter key `onwer`\n"
        "  hint: did you mean `owner`?\n"
        "Found 1 problem (1 error).\n"
    )


def test_max_file_size_from_the_configuration(project):
    (project / "goalkit.toml").write_text('include = ["goals"]\nmax-file-size = 100\n')
    result = lint("--select", "GK008", *TODAY)
    sizes = {name: (project / "goals" / name).stat().st_size for name in
             ("broken.md", "company.md", "newsletter.md")}  # fmt: skip
    assert all(size > 100 for size in sizes.values())
    assert (
        result.stdout
        == "".join(
            f"goals/{name}:1:1: GK008 file is {size} bytes, over the 100-byte limit\n"
            for name, size in sizes.items()
        )
        + "Found 3 problems (3 errors).\n"
    )


def test_output_file_that_cannot_be_written_is_exit_2(project):
    result = lint("--select", "GK", "-o", "missing/report.txt", *TODAY)
    assert result.exit_code == 2
    assert result.stderr == "goalkit: cannot write missing/report.txt: No such file or directory\n"
    assert not (project / "missing").exists()


def test_selectors_repeat_and_are_case_insensitive(project):
    result = lint("--select", "gk003", "--select", "GK005,gk007", "--ignore", "gk005", *TODAY)
    assert [line.split()[1] for line in result.stdout.splitlines() if ": GK" in line] == [
        "GK003",
        "GK007",
    ]


def test_standard_input_as_a_named_file_with_the_goal_set_around_it(project):
    unsaved = (project / "goals" / "newsletter.md").read_text(encoding="utf-8")
    unsaved = unsaved.replace("onwer: Maya\n", "cylce: 2026-Q4\n").replace("#O1.KR1", "#O1.KR7")
    result = CliRunner().invoke(
        main,
        ["lint", "--select", "GK", *TODAY, "--stdin-filename", "goals/newsletter.md", "-"],
        input=unsaved,
    )
    assert result.stdout == (
        "goals/newsletter.md:4:11: GK005 `supports: goals/company#O1.KR7`: goals/company#O1 has "
        "no key result KR7\n"
        "  hint: its key results: KR1, KR2\n"
        "goals/newsletter.md:5:1: GK007 unknown front-matter key `cylce`\n"
        "  hint: did you mean `cycle`?\n"
        "Found 2 problems (2 errors).\n"
    )
    assert result.exit_code == 1


def test_standard_input_without_a_name_and_bad_bytes(project):
    runner = CliRunner()
    clean = runner.invoke(main, ["lint", "--select", "GK", *TODAY, "-"], input="# Fine\n")
    assert (clean.stdout, clean.exit_code) == ("All checks passed!\n", 0)
    bad = runner.invoke(main, ["lint", "--select", "GK008", *TODAY, "-"], input=b"# Caf\xe9\n")
    assert bad.stdout == (
        "stdin.md:1:6: GK008 not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8\n"
        "Found 1 problem (1 error).\n"
    )
    mixed = runner.invoke(main, ["lint", "-", "goals"], input="")
    assert mixed.exit_code == 2
    assert mixed.stderr == "goalkit: `-` (standard input) cannot be mixed with other paths\n"
