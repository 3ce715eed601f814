"""Which goal files the report reads, and with which configuration: the same as `goalkit lint`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from goalkit.cli import main
from tests.report.helpers import TODAY, working_directory

CASES = Path(__file__).resolve().parents[1] / "rules" / "cases" / "OKR101" / "split"


def _report(folder: Path, *arguments: str) -> Result:
    """`goalkit report` run from `folder`, so the repository's own files play no part."""
    with working_directory(folder):
        return CliRunner().invoke(main, ["report", *arguments, "--today", TODAY])


def _goals(tmp_path: Path) -> Path:
    goals = tmp_path / "goals"
    goals.mkdir()
    for name in ("a-marketing.md", "b-business.md"):
        shutil.copy(CASES / name, goals / name)
    (goals / "goalkit.toml").write_text(
        'select = ["OKR101"]\n\n[rules.OKR101]\nmax = 3\n', encoding="utf-8"
    )
    return goals


def test_a_named_file_is_linted_with_the_rest_of_its_goal_set(tmp_path: Path) -> None:
    goals = _goals(tmp_path)
    result = _report(tmp_path, "goals/b-business.md", "-o", "site")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "site" / "data.json").read_text(encoding="utf-8"))
    assert [goal["path"] for goal in data["goals"]] == ["goals/b-business.md"]
    assert [(f["location"]["path"], f["code"]) for f in data["findings"]] == [
        ("goals/b-business.md", "OKR101")
    ]
    assert "4 objectives" in data["findings"][0]["message"]
    assert goals.joinpath("goalkit.toml").is_file()


def test_a_named_folder_brings_its_own_configuration(tmp_path: Path) -> None:
    _goals(tmp_path)
    result = _report(tmp_path, "goals", "-o", "site")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "site" / "data.json").read_text(encoding="utf-8"))
    assert sorted(goal["path"] for goal in data["goals"]) == [
        "goals/a-marketing.md",
        "goals/b-business.md",
    ]
    # Only OKR101 is selected by goals/goalkit.toml, with its max of 3.
    assert {f["code"] for f in data["findings"]} == {"OKR101"}
