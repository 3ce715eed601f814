"""GK0xx rules on real goal files: each fires on the bad files at the exact place, and stays
silent on the good ones. Fixtures live in `tests/data/structure/<CODE>/`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from goalkit.config import default_config
from goalkit.engine import lint
from goalkit.parse import parse_file

CASES = Path(__file__).resolve().parent.parent / "data" / "structure"
TODAY = dt.date(2026, 11, 20)


def lint_folder(code: str, folder: Path, **changes):
    """Lint every `*.md` under `folder` as one goal set (ids: paths under it), one rule on."""
    paths = sorted(folder.rglob("*.md")) if folder.is_dir() else [folder]
    root = folder if folder.is_dir() else folder.parent
    documents = [
        parse_file(path, path.relative_to(root).with_suffix("").as_posix(), **changes)
        for path in paths
    ]
    config = dataclasses.replace(default_config(root), select=(code,))
    return [
        (Path(d.path).relative_to(root).as_posix(), d.line, d.column, d.message, d.hint)
        for d in lint(documents, config, TODAY).diagnostics
    ]


YAML_HINT = "front-matter is YAML between two `---` lines: `key: value`"
TITLE = "missing `title`: give one in the front-matter or as a `# heading`"

BAD = {
    "GK001": [
        ("bad-yaml.md", 4, 6, "front-matter is not valid YAML: expected ',' or ']', but got ':' "
         "(while parsing a flow sequence that starts on line 3)", YAML_HINT),
        ("not-mapping.md", 2, 1, "front-matter must be a mapping of keys to values, not a list",
         YAML_HINT),
        ("unclosed.md", 1, 1, "front-matter is not closed: add a line `---` after the last key",
         YAML_HINT),
    ],
    "GK002": [
        ("empty-owner.md", 1, 1, "missing `owner` in the front-matter", None),
        ("okr-bare.md", 1, 1, "missing `cycle` in the front-matter",
         "add `cycle: 2026-Q4`, or `start` and `end` dates"),
        ("okr-bare.md", 1, 1, "missing `owner` in the front-matter", None),
        ("okr-bare.md", 1, 1, TITLE, "add `title: …` to the front-matter"),
        ("smart-untitled.md", 1, 1, TITLE, "add `title: …` to the front-matter"),
    ],
    "GK003": [
        ("bad.md", 3, 7, "`type` is 'plan'; expected one of okr, smart", None),
        ("bad.md", 5, 8, "`cycle` is '2026-Q5'; use a quarter (2026-Q3), a half (2026-H2), a "
         "year (2026) or a month (2026-07), or give `start` and `end` dates", None),
        ("bad.md", 6, 6, "`due` is 'next spring', not a date (use YYYY-MM-DD)", None),
        ("bad.md", 7, 13, "`confidence` is 12; it must be between 0 and 10", None),
        ("bad.md", 8, 12, "`committed` must be true or false, not 'maybe'", None),
        ("bad.md", 15, 53, "`score` is 1.5; it must be between 0 and 1", None),
    ],
    "GK004": [
        ("growth.md", 9, 3, "key result id O1.KR1 is used twice (first on line 8)",
         "number the key results KR1, KR2, KR3 …"),
        ("growth.md", 11, 4, "objective id O1 is used twice (first on line 6)",
         "number the objectives O1, O2, O3 …"),
        ("team/growth-copy.md", 3, 5,
         f"goal id `growth` is also the id of {(CASES / 'GK004/bad/growth.md').as_posix()}",
         "give one of them another `id`"),
    ],
    "GK005": [
        ("key-result.md", 5, 5, "`supports: company#O1.KR9`: company#O1 has no key result KR9",
         "its key results: KR1"),
        ("objective.md", 3, 11, "`supports: company#O2`: `company` has no objective O2",
         "its objectives: O1"),
        ("typo.md", 3, 11, "`supports: compnay`: no goal has the id `compnay`",
         "did you mean `company`?"),
    ],
    "GK006": [
        ("brand.md", 3, 11, "reference cycle: brand → growth → brand",
         "a goal should support a goal above it, never one that supports it back"),
        ("growth.md", 3, 11, "reference cycle: growth → brand → growth",
         "a goal should support a goal above it, never one that supports it back"),
        ("itself.md", 3, 11, "reference cycle: itself → itself",
         "a goal should support a goal above it, never one that supports it back"),
    ],
    "GK007": [
        ("bad.md", 3, 1, "unknown front-matter key `onwer`", "did you mean `owner`?"),
        ("bad.md", 4, 1, "unknown front-matter key `cylce`", "did you mean `cycle`?"),
        ("bad.md", 5, 1, "unknown front-matter key `mood`",
         "add it to GK007's `extra-keys` if meant"),
        ("bad.md", 8, 39, "unknown attribute `comitted`", "did you mean `committed`?"),
        ("bad.md", 10, 46, "unknown attribute `curent`", "did you mean `current`?"),
    ],
}  # fmt: skip


def _bad_and_good(code: str) -> tuple[list[Path], list[Path]]:
    folder = CASES / code
    if (folder / "bad").is_dir():
        return [folder / "bad"], [folder / "good"]
    files = sorted(folder.glob("*.md"))
    return [f for f in files if not f.name.startswith("good")], [
        f for f in files if f.name.startswith("good")
    ]


@pytest.mark.parametrize("code", sorted(BAD))
def test_fires_on_bad_files_at_the_exact_place(code):
    bad, _ = _bad_and_good(code)
    found = [finding for target in bad for finding in lint_folder(code, target)]
    assert sorted(found) == sorted(BAD[code])


@pytest.mark.parametrize("code", sorted(BAD))
def test_silent_on_good_files(code):
    _, good = _bad_and_good(code)
    assert good
    assert [finding for target in good for finding in lint_folder(code, target)] == []


def test_gk002_fields_are_options(tmp_path):
    path = tmp_path / "goal.md"
    path.write_text("---\ntitle: Run a half marathon\n---\n", encoding="utf-8")
    documents = [parse_file(path, "goal")]
    config = dataclasses.replace(
        default_config(tmp_path),
        select=("GK002",),
        rule_options={"GK002": {"smart-fields": ("owner", "due")}},
    )
    assert [(d.line, d.message) for d in lint(documents, config, TODAY).diagnostics] == [
        (1, "missing `due` in the front-matter"),
        (1, "missing `owner` in the front-matter"),
    ]


def test_gk007_extra_keys_accepts_your_own_keys():
    documents = [parse_file(CASES / "GK007" / "bad.md", "bad")]
    config = dataclasses.replace(
        default_config(CASES),
        select=("GK007",),
        rule_options={"GK007": {"extra-keys": ("mood", "curent")}},
    )
    assert [d.line for d in lint(documents, config, TODAY).diagnostics] == [3, 4, 8]


def test_gk008_unreadable_files(tmp_path):
    (tmp_path / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    (tmp_path / "big.md").write_text("# Big\n" + "x" * 2000, encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"# Bin\x00ary\n")
    (tmp_path / "fine.md").write_text("# Fine\n", encoding="utf-8")
    found = lint_folder("GK008", tmp_path, max_bytes=1000)
    assert [(path, line, column, message) for path, line, column, message, _ in found] == [
        ("big.md", 1, 1, "file is 2,006 bytes, over the 1,000-byte limit"),
        ("binary.md", 1, 1, "binary file (contains NUL bytes)"),
        ("latin1.md", 2, 11, "not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8"),
    ]
    (tmp_path / "named" / "folder.md").mkdir(parents=True)
    missing = parse_file(tmp_path / "missing.md", "missing")
    folder = parse_file(tmp_path / "named" / "folder.md", "folder")
    config = dataclasses.replace(default_config(tmp_path), select=("GK008",))
    messages = [d.message for d in lint([missing, folder], config, TODAY).diagnostics]
    assert messages == ["no such file", "cannot read: a folder"]
