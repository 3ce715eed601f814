"""Build behaviour: byte-identical output, atomic swaps, and only goalkit's own files deleted."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

from tests.report.helpers import FIXTURES, REPOSITORY, SAMPLE_GOALS, build, site_files

MANIFEST = ".goalkit-site.json"


def test_same_input_gives_byte_identical_sites(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(SAMPLE_GOALS, "-o", first).exit_code == 0
    assert build(SAMPLE_GOALS, "-o", second).exit_code == 0
    assert site_files(first) == site_files(second)


def test_rebuilding_in_place_gives_the_same_bytes(tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert build(SAMPLE_GOALS, "-o", output).exit_code == 0
    before = site_files(output)
    assert build(SAMPLE_GOALS, "-o", output).exit_code == 0
    assert site_files(output) == before


def test_input_order_does_not_change_the_site(tmp_path: Path) -> None:
    mixed = FIXTURES / "mixed"
    names = ["team.md", "alice.md", "broken.md"]
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    assert build(*[mixed / name for name in names], "-o", forward).exit_code == 0
    assert build(*[mixed / name for name in reversed(names)], "-o", backward).exit_code == 0
    assert site_files(forward) == site_files(backward)


def test_the_date_is_the_only_thing_that_varies_with_time(tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert build(FIXTURES / "mixed", "-o", output, today="2026-12-01").exit_code == 0
    index = (output / "index.html").read_text()
    assert "2026-12-01" in index
    assert "2026-11-20" not in index


def test_cli_output_and_exit_status(tmp_path: Path) -> None:
    output = tmp_path / "site"
    result = build(FIXTURES / "mixed", "-o", output)
    assert result.exit_code == 0
    count = len(site_files(output))
    assert result.stdout == (
        f"Wrote {count - 1} files to {output.as_posix()}/ "
        f"(open {(output / 'index.html').as_posix()})\n"
    )
    assert result.stderr == ""


def test_a_failing_template_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert build(FIXTURES / "mixed", "-o", output).exit_code == 0
    before = site_files(output)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "goal.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ goal.no_such_field }}{% endblock %}'
    )
    result = build(FIXTURES / "mixed", "-o", output, "--templates", templates)
    assert result.exit_code == 2
    assert "template error" in result.stderr
    assert "no_such_field" in result.stderr
    assert site_files(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "templates"]


def test_a_template_that_raises_midway_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert build(FIXTURES / "mixed", "-o", output).exit_code == 0
    before = site_files(output)
    templates = tmp_path / "templates"
    templates.mkdir()
    # The overview renders first and succeeds; the goal pages come later and fail.
    (templates / "goal.html").write_text("{{ range(10) | sum // 0 }}")
    result = build(FIXTURES / "mixed", "-o", output, "--templates", templates)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: template error: {templates / 'goal.html'} failed on goals/alice.html: "
        "ZeroDivisionError: integer division or modulo by zero\n"
    )
    assert site_files(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "templates"]


def test_template_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "findings.html").write_text("line one\n{% if %}\n")
    result = build(FIXTURES / "mixed", "-o", tmp_path / "site", "--templates", templates)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: template error: ")
    assert "findings.html:2: " in result.stderr
    assert not (tmp_path / "site").exists()


def test_refuses_a_non_empty_folder_that_is_not_a_goalkit_site(tmp_path: Path) -> None:
    output = tmp_path / "documents"
    output.mkdir()
    (output / "thesis.txt").write_text("precious")
    result = build(FIXTURES / "mixed", "-o", output)
    assert result.exit_code == 2
    assert "is not empty and holds no goalkit site" in result.stderr
    assert "--force" in result.stderr
    assert site_files(output) == {"thesis.txt": b"precious"}


def test_force_writes_into_a_foreign_folder_and_keeps_its_files(tmp_path: Path) -> None:
    output = tmp_path / "documents"
    (output / "notes").mkdir(parents=True)
    (output / "thesis.txt").write_text("precious")
    (output / "notes" / "a.txt").write_text("mine")
    result = build(FIXTURES / "mixed", "-o", output, "--force")
    assert result.exit_code == 0
    files = site_files(output)
    assert files["thesis.txt"] == b"precious"
    assert files["notes/a.txt"] == b"mine"
    assert "index.html" in files
    manifest = json.loads(files[MANIFEST])
    assert "thesis.txt" not in manifest["files"]


def test_rebuild_keeps_foreign_files_and_deletes_only_stale_own_files(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    shutil.copytree(REPOSITORY / FIXTURES / "mixed", goals)
    output = tmp_path / "site"
    assert build(goals, "-o", output).exit_code == 0
    assert (output / "goals/alice.html").is_file()
    (output / "CNAME").write_text("goals.example.org\n")
    (output / "goals" / "extra.html").write_text("hand-written")
    (output / ".git").mkdir()
    (output / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (goals / "alice.md").unlink()
    assert build(goals, "-o", output).exit_code == 0
    files = site_files(output)
    assert "goals/alice.html" not in files
    assert "badges/alice.svg" not in files
    assert files["CNAME"] == b"goals.example.org\n"
    assert files["goals/extra.html"] == b"hand-written"
    assert files[".git/HEAD"] == b"ref: refs/heads/gh-pages\n"
    assert "goals/team.html" in files


def test_refuses_to_overwrite_a_foreign_file_where_the_site_needs_its_path(tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert build(FIXTURES / "mixed", "-o", output).exit_code == 0
    manifest = json.loads((output / MANIFEST).read_text())
    manifest["files"].remove("style.css")
    (output / MANIFEST).write_text(json.dumps(manifest))
    (output / "style.css").write_text("/* the user's own */")
    before = site_files(output)
    result = build(FIXTURES / "mixed", "-o", output)
    assert result.exit_code == 2
    assert "style.css" in result.stderr
    assert site_files(output) == before


def test_refuses_an_output_that_is_a_file(tmp_path: Path) -> None:
    output = tmp_path / "site"
    output.write_text("x")
    result = build(FIXTURES / "mixed", "-o", output)
    assert result.exit_code == 2
    assert output.read_text() == "x"


def test_new_site_folder_gets_the_umask_permissions_not_the_staging_ones(tmp_path: Path) -> None:
    output = tmp_path / "site"
    umask = os.umask(0o022)
    try:
        assert build(FIXTURES / "mixed", "-o", output).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(output.stat().st_mode) == 0o755


def test_a_symlinked_output_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real-site"
    link = tmp_path / "site"
    link.symlink_to(real, target_is_directory=True)
    assert build(FIXTURES / "mixed", "-o", link).exit_code == 0
    assert build(FIXTURES / "mixed", "-o", link).exit_code == 0
    assert link.is_symlink()
    assert (real / "index.html").is_file()


def test_an_output_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    result = build(FIXTURES / "mixed", "-o", tmp_path / "plain-file" / "site")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write the site: ")
    assert (tmp_path / "plain-file").read_text() == "x"


def test_every_goal_file_in_the_repository_builds(tmp_path: Path) -> None:
    """All the odd files the other test suites keep (broken YAML, huge numbers, cycles…)."""
    output = tmp_path / "site"
    result = build("tests", SAMPLE_GOALS, "-o", output)
    assert result.exit_code == 0, result.stderr
    data = json.loads((output / "data.json").read_text())
    assert len(data["goals"]) > 50
    for goal in data["goals"]:
        page = (output / goal["page"]).read_text()
        assert "<h1>" in page, goal["id"]
        assert (output / goal["badge"]).is_file()
