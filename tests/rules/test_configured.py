"""Practice-rule options as users set them: in a `goalkit.toml`, read and merged by the engine."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from goalkit.config import ConfigError, discover
from goalkit.engine import lint
from goalkit.loading import load_documents

CASES = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 20)


def _lint(folder: Path) -> list[tuple[str, int, str, str]]:
    result = lint(load_documents([folder]), discover(folder), TODAY)
    return [
        (Path(d.path).relative_to(folder).as_posix(), d.line, d.code, d.message)
        for d in result.diagnostics
        if d.code.startswith(("OKR", "SMART"))
    ]


def test_word_lists_extend_from_the_config_file(tmp_path: Path) -> None:
    shutil.copy(CASES / "OKR105" / "activities.md", tmp_path / "okrs.md")
    (tmp_path / "goalkit.toml").write_text(
        'select = ["OKR105"]\n\n[rules.OKR105]\nextend-verbs = ["post", "get"]\n',
        encoding="utf-8",
    )
    found = [
        (line, message.split('("')[1].split('")')[0]) for _, line, _, message in _lint(tmp_path)
    ]
    assert found == [
        (10, "write"), (11, "attend"), (12, "launch"), (13, "work on"),
        (14, "analysing"), (16, "post"), (17, "get"),
    ]  # fmt: skip


def test_wodtke_preset_and_user_numbers(tmp_path: Path) -> None:
    for name in ("a-marketing.md", "b-business.md"):
        shutil.copy(CASES / "OKR101" / "split" / name, tmp_path / name)
    config = tmp_path / "goalkit.toml"
    config.write_text('preset = "wodtke"\nselect = ["OKR101", "OKR102"]\n', encoding="utf-8")
    assert [(path, line, code) for path, line, code, _ in _lint(tmp_path)] == [
        ("a-marketing.md", 8, "OKR101"),
        ("a-marketing.md", 8, "OKR102"),
        ("a-marketing.md", 13, "OKR102"),
        ("b-business.md", 8, "OKR102"),
        ("b-business.md", 13, "OKR102"),
    ]
    config.write_text(
        'preset = "wodtke"\nselect = ["OKR101", "OKR102"]\n\n'
        "[rules.OKR101]\nmax = 4\n\n[rules.OKR102]\nmin = 2\n",
        encoding="utf-8",
    )
    assert _lint(tmp_path) == []


def test_a_wrongly_typed_word_list_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "goalkit.toml").write_text('[rules.SMART208]\nphrases = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="phrases"):
        discover(tmp_path)


def test_inline_suppression_silences_one_practice_rule_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text(
        "---\ntitle: Q4\ntype: okr\nowner: Maya\ncycle: 2026-Q4\n---\n\n"
        "## O1: Make my niche visible to the people who hire for it\n\n"
        "<!-- goalkit-disable-next-line OKR105 -- the posts are the product this quarter -->\n"
        "- KR1: Write 12 blog posts {current: 5}\n"
        "- KR2: Write 4 case studies {current: 1}\n",
        encoding="utf-8",
    )
    (tmp_path / "goalkit.toml").write_text('select = ["OKR105"]\n', encoding="utf-8")
    assert [(line, code) for _, line, code, _ in _lint(tmp_path)] == [(12, "OKR105")]


def test_objective_count_lands_on_the_file_being_reported(tmp_path: Path) -> None:
    """Pre-commit names only the changed file; the owner's count must still be reported there."""
    for name in ("a-marketing.md", "b-business.md"):
        shutil.copy(CASES / "OKR101" / "split" / name, tmp_path / name)
    (tmp_path / "goalkit.toml").write_text(
        'select = ["OKR101"]\n\n[rules.OKR101]\nmax = 3\n', encoding="utf-8"
    )
    documents = load_documents([tmp_path])
    for reported in ("a-marketing.md", "b-business.md"):
        result = lint(documents, discover(tmp_path), TODAY, report_paths=[tmp_path / reported])
        assert [(Path(d.path).name, d.code) for d in result.diagnostics] == [(reported, "OKR101")]
