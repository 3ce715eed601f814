"""The goals root and document ids: the same ids however goalkit is called."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from goalkit.workspace import collect_files, document_id, find_config, goals_root


def _write(path: Path, text: str = "# Goal\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("goalkit.toml", ""),
        (".goalkit.toml", "[rules]\n"),
        ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.goalkit]\nselect = ['OKR']\n"),
    ],
)
def test_the_nearest_configuration_sets_the_root(tmp_path: Path, name: str, text: str) -> None:
    _write(tmp_path / "goals" / name, text)
    goal = _write(tmp_path / "goals" / "team" / "growth.md")
    assert find_config(goal) == (tmp_path / "goals" / name).resolve()
    assert goals_root(goal) == (tmp_path / "goals").resolve()
    assert [g.id for g in collect_files([goal])] == ["team/growth"]


def test_a_pyproject_without_a_goalkit_table_is_not_a_configuration(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'  # see [tool.goalkit] docs\n")
    goal = _write(tmp_path / "team" / "growth.md")
    assert find_config(goal) is None
    assert goals_root(goal) == (tmp_path / "team").resolve()


def test_the_top_of_the_git_work_tree_is_the_root(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    goal = _write(tmp_path / "okrs" / "2026" / "q4.md")
    assert goals_root(goal) == tmp_path.resolve()
    assert [g.id for g in collect_files([tmp_path / "okrs"])] == ["okrs/2026/q4"]
    assert [g.id for g in collect_files([goal])] == ["okrs/2026/q4"]


def test_a_configuration_inside_the_work_tree_wins_over_its_top(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _write(tmp_path / "goals" / "goalkit.toml", "")
    goal = _write(tmp_path / "goals" / "q4.md")
    assert [g.id for g in collect_files([goal])] == ["q4"]


def test_without_configuration_or_git_the_named_folder_is_the_root(tmp_path: Path) -> None:
    _write(tmp_path / "goals" / "team" / "growth.md")
    assert [g.id for g in collect_files([tmp_path / "goals"])] == ["team/growth"]
    assert [g.id for g in collect_files([tmp_path / "goals" / "team"])] == ["growth"]


def test_ids_do_not_depend_on_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "goalkit.toml", "")
    _write(tmp_path / "team" / "growth.md")
    monkeypatch.chdir(tmp_path / "team")
    from_inside = collect_files([Path("growth.md")])
    monkeypatch.chdir(tmp_path)
    from_root = collect_files([Path("team/growth.md")])
    assert [(g.display_path, g.id) for g in from_inside] == [("growth.md", "team/growth")]
    assert [(g.display_path, g.id) for g in from_root] == [("team/growth.md", "team/growth")]


def test_folders_are_walked_sorted_for_markdown_skipping_hidden_and_tool_folders(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "goalkit.toml", "")
    for name in ["b.md", "a/z.md", "a/c.md", ".hidden/x.md", "node_modules/y.md", "notes.txt"]:
        _write(tmp_path / name)
    files = collect_files([tmp_path, tmp_path / "b.md"])
    assert [g.id for g in files] == ["a/c", "a/z", "b"]


def test_a_named_file_is_read_even_when_it_is_not_markdown(tmp_path: Path) -> None:
    _write(tmp_path / "goalkit.toml", "")
    notes = _write(tmp_path / "notes.txt")
    assert [(g.path, g.id) for g in collect_files([notes])] == [(notes, "notes.txt")]


def test_a_file_outside_the_root_keeps_its_stem(tmp_path: Path) -> None:
    assert document_id(tmp_path / "elsewhere" / "goal.md", tmp_path / "root") == "goal"


def test_a_symlinked_file_is_read_once(tmp_path: Path) -> None:
    _write(tmp_path / "goalkit.toml", "")
    goal = _write(tmp_path / "goal.md")
    os.symlink(goal, tmp_path / "alias.md")
    assert [g.id for g in collect_files([goal, tmp_path / "alias.md"])] == ["goal"]
