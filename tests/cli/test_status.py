"""`goalkit status`: the whole terminal contract (exact output, stderr, exit status)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from goalkit.cli import main

REPOSITORY = Path(__file__).resolve().parents[2]
TODAY = ["--today", "2026-11-20", "--no-color"]

FREELANCE = Path(__file__).with_name("status-freelance.txt")
"""The exact expected output, kept as a file because its lines are wider than our code."""


@pytest.fixture
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPOSITORY)


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["status", *arguments])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.usefixtures("in_repository")
def test_the_freelancers_quarters_and_weekly_goals() -> None:
    code, stdout, stderr = run(
        "sample-goals/freelance/2026-Q4-okrs.md",
        "sample-goals/freelance/weekly",
        "sample-goals/freelance/2026-Q3-okrs.md",
        *TODAY,
    )
    assert (code, stderr) == (0, "")
    assert stdout == FREELANCE.read_text(encoding="utf-8")


@pytest.mark.usefixtures("in_repository")
def test_the_whole_sample_set_is_grouped_per_owner_and_cycle() -> None:
    code, stdout, stderr = run("sample-goals", *TODAY)
    assert (code, stderr) == (0, "")
    headings = [line for line in stdout.splitlines() if line and not line.startswith(" ")]
    assert headings == [
        "Maya Lindqvist · 2026-Q3  2026-07-01 → 2026-09-30, 100% elapsed",
        "Maya Lindqvist · 2026-Q4  2026-10-01 → 2026-12-31, 55% elapsed",
        "Northwind Growth Team · 2026-Q4  2026-10-01 → 2026-12-31, 55% elapsed",
        "Northwind Studio · 2026-H2  2026-07-01 → 2026-12-31, 78% elapsed",
        "(no owner) · 2026-Q4  2026-10-01 → 2026-12-31, 55% elapsed",
    ]


def _goals(root: Path, files: dict[str, bytes | str]) -> Path:
    (root / "goalkit.toml").write_text("", encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


OKRS = """\
---
owner: Ana
cycle: 2026-Q4
---

# Ana's Q4

## O1: Grow the newsletter

- KR1: Grow subscribers from 1,000 to 2,000 {current: 1,500}
- KR2: Publish 12 issues
"""
SMART = """\
---
supports: okrs#O1.KR1
target: 10
current: 10
---

# Send 10 guest posts by 2026-12-01
"""


def test_unreadable_files_get_one_error_line_each_and_the_rest_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _goals(
        tmp_path,
        {
            "okrs.md": OKRS,
            "broken.md": "---\nowner: [Ana\ncycle: 2026-Q4\n---\n",
            "latin.md": "---\ntitle: Café\n---\n".encode("latin-1"),
            "empty.md": "",
        },
    )
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run(".", *TODAY)
    assert code == 1
    assert stderr == (
        "broken.md:3:6: error: front-matter is not valid YAML: expected ',' or ']', but got ':'"
        " (while parsing a flow sequence that starts on line 2)\n"
        "empty.md:1:1: error: empty file: write a goal or delete the file\n"
        "latin.md:2:11: error: not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8\n"
    )
    assert stdout == (
        "Ana · 2026-Q4  2026-10-01 → 2026-12-31, 55% elapsed\n"
        "  Ana's Q4  █████░░░░░ 0.50 at risk  okrs.md\n"
        "    O1 Grow the newsletter  █████░░░░░ 0.50 at risk\n"
        "      KR1 Grow subscribers from 1,000 to 2,000  1,000 → 1,500 / 2,000  0.50\n"
        "      KR2 Publish 12 issues  ? / 12 issues   ?\n"
    )


def test_a_smart_goal_joins_the_owner_and_cycle_of_the_key_result_it_supports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _goals(tmp_path, {"okrs.md": OKRS, "weekly/guest-posts.md": SMART})
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run(".", *TODAY)
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[-2:] == [
        "  Send 10 guest posts by 2026-12-01  ██████████ 1.00 done  weekly/guest-posts.md",
        "    10 / 10 guest posts · due 2026-12-01 · supports O1.KR1",
    ]


def test_colour_follows_the_score_bands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _goals(tmp_path, {"okrs.md": OKRS})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status", "okrs.md", "--today", "2026-11-20", "--color"])
    kr1 = next(line for line in result.stdout.splitlines() if "KR1" in line)
    assert kr1.endswith("\x1b[33m0.50\x1b[0m")  # 0.4–0.6 is yellow


def test_no_goal_files(tmp_path: Path) -> None:
    assert run(str(tmp_path), *TODAY) == (0, "No goal files found.\n", "")


def test_a_bad_today_is_a_usage_error() -> None:
    code, stdout, stderr = run("--today", "2026-13-01")
    assert (code, stdout) == (2, "")
    assert "'2026-13-01' is not a date; use YYYY-MM-DD" in stderr


def test_dropped_and_draft_files_show_their_status_instead_of_a_pace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _goals(
        tmp_path,
        {
            "okrs.md": OKRS.replace("cycle: 2026-Q4\n", "cycle: 2026-Q4\nstatus: dropped\n"),
            "smart.md": SMART.replace("target: 10\n", "owner: Ana\ncycle: 2026-Q4\nstatus: Draft\n"
                                  "target: 10\n"),
        },
    )  # fmt: skip
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run(".", *TODAY)
    assert (code, stderr) == (0, "")
    assert stdout == (
        "Ana · 2026-Q4  2026-10-01 → 2026-12-31, 55% elapsed\n"
        "  Ana's Q4  █████░░░░░ 0.50 dropped  okrs.md\n"
        "    O1 Grow the newsletter  █████░░░░░ 0.50 dropped\n"
        "      KR1 Grow subscribers from 1,000 to 2,000  1,000 → 1,500 / 2,000  0.50\n"
        "      KR2 Publish 12 issues  ? / 12 issues   ?\n"
        "  Send 10 guest posts by 2026-12-01  ██████████ 1.00 draft  smart.md\n"
        "    10 / 10 guest posts · due 2026-12-01 · supports O1.KR1\n"
    )


def test_a_missing_path_is_an_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _goals(tmp_path, {"okrs.md": OKRS})
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run("okrs.md", "gone.md", *TODAY)
    assert (code, stderr) == (1, "gone.md:1:1: error: no such file\n")
    assert stdout.startswith("Ana · 2026-Q4")
