"""Configuration: found upward, read from three file names, validated strictly, globs."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalkit.config import (
    PRESETS,
    ConfigError,
    default_config,
    discover,
    load,
    matches,
    select_files,
    with_overrides,
)
from goalkit.diagnostics import Severity
from goalkit.rules import builtin_rules

RULES = builtin_rules()

FULL = """\
select = ["GK", "OKR"]
ignore = ["OKR112"]
extend-select = ["SMART205"]
preset = "wodtke"
include = ["goals/**/*.md"]
exclude = ["goals/archive"]
fail-on = "error"
max-file-size = 200000
require-suppression-reason = true

[per-file-ignores]
"goals/drafts/*.md" = ["OKR103", "SMART"]

[severity]
OKR105 = "error"
SMART = "info"

[rules.OKR101]
min = 1
max = 2

[rules.GK007]
extra-keys = ["mood"]
"""


def test_goalkit_toml_is_read_whole(tmp_path):
    (tmp_path / "goalkit.toml").write_text(FULL, encoding="utf-8")
    config = load(tmp_path / "goalkit.toml", RULES)
    assert config.root == tmp_path.resolve()
    assert config.select == ("GK", "OKR")
    assert config.ignore == ("OKR112",)
    assert config.extend_select == ("SMART205",)
    assert config.preset == "wodtke"
    assert config.include == ("goals/**/*.md",)
    assert config.exclude == ("goals/archive",)
    assert config.fail_on is Severity.ERROR
    assert config.max_file_size == 200000
    assert config.require_suppression_reason is True
    assert config.per_file_ignores == (("goals/drafts/*.md", ("OKR103", "SMART")),)
    assert config.severity == {"OKR105": Severity.ERROR, "SMART": Severity.INFO}
    assert config.rule_options == {
        "OKR101": {"min": 1, "max": 2},
        "GK007": {"extra-keys": ("mood",)},
    }


def test_pyproject_table_found_upward_from_a_nested_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.goalkit]\nignore = ["OKR101"]\n', encoding="utf-8"
    )
    nested = tmp_path / "goals" / "team"
    nested.mkdir(parents=True)
    config = discover(nested, RULES)
    assert config.path == (tmp_path / "pyproject.toml").resolve()
    assert config.ignore == ("OKR101",)


def test_pyproject_without_goalkit_table_is_passed_over(tmp_path):
    (tmp_path / ".goalkit.toml").write_text('preset = "wodtke"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    config = discover(inner, RULES)
    assert config.path == (tmp_path / ".goalkit.toml").resolve()
    assert config.preset == "wodtke"


def test_no_configuration_gives_defaults(tmp_path):
    config = discover(tmp_path, RULES)
    assert config == default_config(tmp_path)
    assert config.preset == "doerr" and config.fail_on is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["OKR"]', "`selct`: unknown key; did you mean 'select'?"),
        ('select = "OKR"', '`select`: must be a list of rule codes or prefixes, e.g. ["OKR"]'),
        ('ignore = ["OKR999"]', "`ignore`: 'OKR999' matches no rule; did you mean 'OKR109'?"),
        ('ignore = ["okr-105"]',
         "`ignore`: 'okr-105' is not a rule code or prefix (e.g. OKR105, OKR)"),
        ('preset = "grove"', "`preset`: is 'grove'; expected one of doerr, wodtke"),
        ('fail-on = "never"', "`fail-on`: is 'never'; expected error, warning or info"),
        ("max-file-size = -1", "`max-file-size`: must be a positive number of bytes"),
        ('require-suppression-reason = "yes"',
         "`require-suppression-reason`: must be true or false"),
        ('[severity]\nOKR105 = "fatal"',
         "`severity.OKR105`: is 'fatal'; expected error, warning or info"),
        ('[rules.OKR999]\nmin = 1', "`rules.OKR999`: unknown rule; did you mean 'OKR109'?"),
        ("[rules.OKR101]\nminimum = 1",
         "`rules.OKR101.minimum`: OKR101 has no option 'minimum'; its options are min, max"),
        ('[rules.OKR101]\nmin = "three"', "`rules.OKR101.min`: must be a number, not 'three'"),
        ("[rules.OKR101]\nmin = 2.5", "`rules.OKR101.min`: must be a whole number, not 2.5"),
        ("[rules.GK007]\nextra-keys = [1, 2]",
         "`rules.GK007.extra-keys`: every item must be of type str"),
        ('[rules.GK008]\nmax = 1',
         "`rules.GK008.max`: GK008 has no option 'max'; it has no options"),
        ('[per-file-ignores]\n"drafts/*" = "OKR"',
         "`per-file-ignores.'drafts/*'`: must be a list of rule codes or prefixes, e.g. [\"OKR\"]"),
        ("include = 3", "`include`: must be a list of glob patterns"),
    ],
)  # fmt: skip
def test_every_mistake_names_the_file_and_the_key(tmp_path, text, message):
    path = tmp_path / "goalkit.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load(path, RULES)
    assert str(raised.value) == f"{path}: {message}"


def test_pyproject_keys_are_named_with_their_table(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.goalkit]\nextend-ignore = ["OKR"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load(path, RULES)
    assert str(raised.value) == (
        f"{path}: `tool.goalkit.extend-ignore`: unknown key; did you mean 'ignore'?"
    )


def test_invalid_toml_is_a_config_error(tmp_path):
    path = tmp_path / "goalkit.toml"
    path.write_text('select = ["OKR"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"goalkit.toml: not valid TOML: "):
        load(path, RULES)


def test_command_line_overrides(tmp_path):
    config = default_config(tmp_path)
    changed = with_overrides(config, RULES, select=["OKR"], ignore=["OKR101"], fail_on="info")
    assert (changed.select, changed.ignore, changed.fail_on) == (
        ("OKR",),
        ("OKR101",),
        Severity.INFO,
    )
    with pytest.raises(ConfigError) as raised:
        with_overrides(config, RULES, ignore=["SMART9"])
    assert str(raised.value) == "`--ignore`: 'SMART9' matches no rule; did you mean 'SMART208'?"


def test_presets_cite_their_numbers():
    assert PRESETS["doerr"] == {"OKR101": {"min": 3, "max": 5}, "OKR102": {"max": 5}}
    assert PRESETS["wodtke"] == {"OKR101": {"min": 1, "max": 1}, "OKR102": {"min": 3, "max": 3}}


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("drafts/*.md", "drafts/a.md", True),
        ("drafts/*.md", "drafts/old/a.md", False),
        ("drafts/**/*.md", "drafts/old/a.md", True),
        ("drafts/**/*.md", "drafts/a.md", True),
        ("drafts", "drafts/old/a.md", True),
        ("drafts", "team/drafts/a.md", True),
        ("*.draft.md", "team/q4.draft.md", True),
        ("team/?.md", "team/a.md", True),
        ("team/?.md", "team/ab.md", False),
        ("./team/*", "team/a.md", True),
    ],
)
def test_globs(glob, path, expected):
    assert matches(glob, path) is expected


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {name}\n", encoding="utf-8")


def test_include_and_exclude_choose_files(tmp_path, monkeypatch):
    _tree(tmp_path, ["goals/a.md", "goals/archive/old.md", "goals/team/b.md", "README.md",
                     ".hidden/x.md"])  # fmt: skip
    (tmp_path / "goalkit.toml").write_text(
        'include = ["goals"]\nexclude = ["goals/archive"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    config = discover(Path.cwd(), RULES)
    selection = select_files(config, [])
    assert [f.path.as_posix() for f in selection.reported] == ["goals/a.md", "goals/team/b.md"]
    assert [f.id for f in selection.reported] == ["goals/a", "goals/team/b"]
    assert selection.report_all


def test_named_files_are_reported_and_the_rest_is_context(tmp_path, monkeypatch):
    _tree(tmp_path, ["goals/a.md", "goals/archive/old.md", "goals/team/b.md", "goals/team/c.md"])
    (tmp_path / "goalkit.toml").write_text('exclude = ["archive"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "goals")
    config = discover(Path.cwd(), RULES)
    selection = select_files(config, [Path("team/b.md"), Path("archive/old.md")])
    assert [f.path.as_posix() for f in selection.reported] == ["team/b.md"]
    assert [f.id for f in selection.reported] == ["goals/team/b"]
    assert [f.path.as_posix() for f in selection.context] == ["a.md", "team/c.md"]
    assert not selection.report_all


def test_named_files_must_match_include(tmp_path, monkeypatch):
    _tree(tmp_path, ["README.md", "goals/a.md", "docs/guide.md"])
    (tmp_path / "goalkit.toml").write_text('include = ["goals/**/*.md"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = discover(Path.cwd(), RULES)
    selection = select_files(config, [Path("README.md"), Path("goals/a.md"), Path("docs")])
    assert [f.path.as_posix() for f in selection.reported] == ["goals/a.md"]
    assert selection.context == ()


def test_a_byte_order_mark_is_harmless(tmp_path):
    path = tmp_path / "goalkit.toml"
    path.write_bytes('\ufeffpreset = "wodtke"\n'.encode())
    assert load(path, RULES).preset == "wodtke"


def test_unreadable_configuration_is_a_config_error(tmp_path):
    path = tmp_path / "goalkit.toml"
    path.write_bytes(b'preset = "\xff"\n')
    with pytest.raises(ConfigError, match=r"goalkit.toml: cannot read configuration: "):
        load(path, RULES)
