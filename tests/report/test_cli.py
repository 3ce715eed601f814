"""`goalkit report` on the command line: exit statuses, messages, and the terminal progress bar."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from goalkit.cli import main
from tests.report.helpers import FIXTURES, REPOSITORY, build, soup, text, working_directory


def test_output_folder_is_required() -> None:
    result = build(FIXTURES / "mixed")
    assert result.exit_code == 2
    assert "Missing option '-o' / '--output'" in result.stderr


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = build(FIXTURES / "mixed", "-o", tmp_path / "site", today="20-11-2026")
    assert result.exit_code == 2
    assert "'20-11-2026' is not a date; use YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "site").exists()


def test_base_url_must_be_absolute_http(tmp_path: Path) -> None:
    result = build(FIXTURES / "mixed", "-o", tmp_path / "site", "--base-url", "javascript:x")
    assert result.exit_code == 2
    assert "--base-url 'javascript:x' must be an absolute http(s) URL" in result.stderr
    assert not (tmp_path / "site").exists()


def test_findings_and_unreadable_files_do_not_fail_the_report(tmp_path: Path) -> None:
    result = build(FIXTURES / "mixed" / "broken.md", "-o", tmp_path / "site")
    assert result.exit_code == 0
    assert (tmp_path / "site" / "goals" / "broken.html").is_file()


def test_missing_goal_path_appears_as_an_error_on_the_site(tmp_path: Path) -> None:
    result = build(FIXTURES / "no-such.md", "-o", tmp_path / "site")
    assert result.exit_code == 0
    page = (tmp_path / "site" / "index.html").read_text()
    assert "tests/report/fixtures/no-such.md:1:1" in page


def test_configuration_error_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "goalkit.toml").write_text("select = [\n")
    goals = REPOSITORY / FIXTURES / "mixed"
    with working_directory(tmp_path):
        result = CliRunner().invoke(
            main, ["report", str(goals), "-o", "site", "--today", "2026-11-20"]
        )
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: configuration error: ")
    assert not (tmp_path / "site").exists()


def test_help_lists_every_option() -> None:
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    for option in ("--output", "--today", "--templates", "--base-url", "--title", "--force"):
        assert option in result.output


def test_importing_the_command_does_not_load_jinja() -> None:
    code = "import sys, goalkit.cli.report; print('jinja2' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPOSITORY
    )
    assert output.stdout == "False\n"


def run_with_stderr_on_terminal(arguments: list[str]) -> tuple[int, str, str]:
    """Run goalkit with stderr on a pseudo-terminal, as a person at a shell would."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "goalkit", *arguments],
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    stdout, _ = process.communicate()
    os.close(leader)
    return process.returncode, stdout.decode(), b"".join(chunks).decode()


def test_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    goals = str(FIXTURES / "mixed")
    arguments = ["report", goals, "-o", str(tmp_path / "a"), "--today", "2026-11-20"]
    status, stdout, terminal = run_with_stderr_on_terminal(arguments)
    assert status == 0
    assert "Building site" in terminal
    assert "100%" in terminal
    assert stdout.startswith("Wrote 14 files to ")
    quiet = subprocess.run(
        [sys.executable, "-m", "goalkit", *arguments[:3], str(tmp_path / "b"), *arguments[4:]],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
    )
    assert quiet.returncode == 0
    assert quiet.stderr == ""


def test_an_empty_folder_gives_an_empty_site_and_a_warning(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    goals.mkdir()
    result = build(goals, "-o", tmp_path / "site")
    assert result.exit_code == 0
    assert result.stderr == "goalkit: warning: no goal files (*.md) found\n"
    page = soup(tmp_path / "site" / "index.html")
    assert text(page.find("p", class_="missing")) == (
        "No goal files (*.md) were found in the paths given."
    )


def test_files_the_configuration_excludes_stay_off_the_site(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    shutil.copytree(REPOSITORY / FIXTURES / "mixed", goals)
    (goals / "goalkit.toml").write_text('exclude = ["broken.md"]\n')
    with working_directory(goals):
        result = CliRunner().invoke(main, ["report", ".", "-o", "../site", "--today", "2026-11-20"])
    assert result.exit_code == 0, result.stderr
    pages = sorted(path.name for path in (tmp_path / "site" / "goals").iterdir())
    assert pages == ["alice.html", "team.html"]
