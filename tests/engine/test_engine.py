"""The engine: rule selection, options, severities, per-file ignores, crashes and ordering."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from goalkit.diagnostics import Severity
from goalkit.engine import enabled_rules, lint, severity_for
from goalkit.goalset import GoalSet
from goalkit.model import Document, Span
from goalkit.parse import parse_file
from goalkit.rules import builtin_rules
from goalkit.rules.base import Context, Finding, RuleFamily, Scope
from tests.engine.helpers import FIXTURES, TODAY, config, run, write

RULES = builtin_rules()
BY_CODE = {rule.code: rule for rule in RULES}


def _starting(prefix):
    return [code for code in BY_CODE if code.startswith(prefix)]


def _enabled(**changes):
    return [rule.code for rule in enabled_rules(RULES, config(**changes))]


def test_default_selection_is_every_rule_enabled_by_default():
    assert _enabled() == [rule.code for rule in RULES if rule.enabled_by_default]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"select": ("GK00",)}, [f"GK00{n}" for n in range(10)]),
        ({"select": ("SMART2", "GK005")}, ["GK000", "GK005", *_starting("SMART2")]),
        ({"select": ("OKR",), "ignore": ("OKR1",)}, ["GK000"]),
        ({"select": ("OKR10",), "ignore": ("OKR",)}, ["GK000", *_starting("OKR10")]),
        ({"select": ("GK001",), "extend_select": ("GK002",)}, ["GK000", "GK001", "GK002"]),
        ({"ignore": ("ALL",), "extend_select": ("GK005",)}, ["GK000", "GK005"]),
        ({"select": ("ALL",), "ignore": ("OKR", "SMART", "GK00")}, ["GK000"]),
    ],
    ids=["prefix", "mixed", "ignore-wins-longer", "select-wins-longer", "extend", "all-ignored",
         "all-minus"],
)  # fmt: skip
def test_selectors_most_specific_wins(changes, expected):
    assert _enabled(**changes) == sorted(expected)


def test_internal_error_cannot_be_ignored():
    assert "GK000" in _enabled(ignore=("GK",))


def test_options_merge_defaults_preset_then_user():
    okr101, okr102 = BY_CODE["OKR101"], BY_CODE["OKR102"]
    assert config().options_for(okr101)["min"] == 3
    assert config().options_for(okr101)["max"] == 5
    assert config().options_for(okr102)["max"] == 5
    wodtke = config(preset="wodtke")
    assert (wodtke.options_for(okr101)["min"], wodtke.options_for(okr101)["max"]) == (1, 1)
    assert (wodtke.options_for(okr102)["min"], wodtke.options_for(okr102)["max"]) == (3, 3)
    mine = config(preset="wodtke", rule_options={"OKR101": {"max": 2}})
    assert (mine.options_for(okr101)["min"], mine.options_for(okr101)["max"]) == (1, 2)


def test_preset_changes_findings(tmp_path):
    paths = write(
        tmp_path,
        {
            "q4.md": "---\ntitle: Q4\ntype: okr\nowner: Maya\ncycle: 2026-Q4\n---\n\n"
            "## O1: Become the go-to niche expert\n\n"
            "- KR1: Grow subscribers from 1,200 to 2,000\n"
            "- KR2: Reach 40 qualified leads a month\n"
            "- KR3: Raise the day rate from $800 to $920\n",
        },
    )
    doerr = run(paths, config(tmp_path, select=("OKR101", "OKR102")))
    assert [d.code for d in doerr.diagnostics] == ["OKR101"]  # one objective, doerr wants 3–5
    wodtke = run(paths, config(tmp_path, select=("OKR101", "OKR102"), preset="wodtke"))
    assert wodtke.diagnostics == ()


def test_severity_override_most_specific_selector_wins():
    cfg = config(severity={"OKR": Severity.INFO, "OKR105": Severity.ERROR})
    assert severity_for(BY_CODE["OKR105"], cfg) is Severity.ERROR
    assert severity_for(BY_CODE["OKR103"], cfg) is Severity.INFO
    assert severity_for(BY_CODE["GK005"], cfg) is Severity.ERROR
    result = run([FIXTURES / "suppressed.md"], dataclasses.replace(cfg, select=("OKR105",)))
    assert {d.severity for d in result.diagnostics} == {Severity.ERROR}


def test_per_file_ignores_are_globs_relative_to_the_config_folder(tmp_path):
    text = "---\ntitle: T\nonwer: Maya\n---\n"
    paths = write(tmp_path, {"drafts/a.md": text, "team/b.md": text, "team/drafts/c.md": text})
    cfg = config(tmp_path, select=("GK007",), per_file_ignores=(("drafts/*.md", ("GK",)),))
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in run(paths, cfg).diagnostics] == [
        "team/b.md",
        "team/drafts/c.md",
    ]
    anywhere = config(tmp_path, select=("GK007",), per_file_ignores=(("drafts", ("GK007",)),))
    assert [Path(d.path).name for d in run(paths, anywhere).diagnostics] == ["b.md"]


def _documents(tmp_path, files):
    return [
        parse_file(path, path.relative_to(tmp_path).with_suffix("").as_posix())
        for path in write(tmp_path, files)
    ]


def test_report_paths_keep_cross_file_context_but_report_only_named_files(tmp_path):
    documents = _documents(
        tmp_path,
        {
            "company.md": "# Company\n\n## O1: Win the mid-market\n",
            "good.md": "---\ntitle: Good\nsupports: company#O1\n---\n",
            "broken.md": "---\ntitle: Broken\nsupports: company#O7\n---\n",
        },
    )
    cfg = config(tmp_path, select=("GK005",))
    everything = lint(documents, cfg, TODAY)
    assert [Path(d.path).name for d in everything.diagnostics] == ["broken.md"]
    only_good = lint(documents, cfg, TODAY, report_paths=[tmp_path / "good.md"])
    assert only_good.diagnostics == ()
    assert only_good.paths == ((tmp_path / "good.md").as_posix(),)
    only_broken = lint(documents, cfg, TODAY, report_paths=[str(tmp_path / "broken.md")])
    assert [d.message for d in only_broken.diagnostics] == [
        "`supports: company#O7`: `company` has no objective O7"
    ]


def _crashing_rules():
    family = RuleFamily()
    common = dict(criterion="test", severity=Severity.WARNING, summary="s", why="w",
                  example="e", use_instead="u")  # fmt: skip

    @family.rule(code="ZZ001", name="crashes-on-doc", **common)
    def crashes(document: Document, context: Context):
        yield Finding(Span(1, 1), "before the crash")
        raise ZeroDivisionError("division by zero")

    @family.rule(code="ZZ002", name="crashes-on-set", scope=Scope.SET, **common)
    def crashes_on_set(goal_set: GoalSet, context: Context):
        raise KeyError("no such id")

    @family.rule(code="ZZ003", name="works", **common)
    def works(document: Document, context: Context):
        yield Finding(Span(2, 3), "still here", "a hint")

    return [*builtin_rules(), *family.rules]


def test_a_crashing_rule_becomes_a_gk000_and_the_others_go_on():
    result = lint(
        [parse_file(FIXTURES / "front-matter-ignore.md", "x")],
        config(select=("ZZ",)),
        TODAY,
        rules=_crashing_rules(),
    )
    described = [(d.path, d.line, d.column, d.code, d.severity) for d in result.diagnostics]
    path = (FIXTURES / "front-matter-ignore.md").as_posix()
    assert described == [
        ("", 1, 1, "GK000", Severity.ERROR),
        (path, 1, 1, "GK000", Severity.ERROR),
        (path, 2, 3, "ZZ003", Severity.WARNING),
    ]
    assert (
        result.diagnostics[0].message
        == "rule ZZ002 crashed at test_engine.py:"
        + str(_line_of("raise KeyError"))
        + ": KeyError: 'no such id'"
    )
    assert result.diagnostics[1].message.startswith("rule ZZ001 crashed at test_engine.py:")
    assert result.diagnostics[1].message.endswith("ZeroDivisionError: division by zero")
    assert len(result.internal_errors) == 2


def _line_of(text: str) -> int:
    source = Path(__file__).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(source, 1) if text in line and "raise" in line)


def test_diagnostics_are_sorted_by_path_line_column_code(tmp_path):
    documents = _documents(
        tmp_path,
        {
            "b.md": "---\ntitle: B\nonwer: x\ncylce: 2026-Q4\n---\n",
            "a.md": "---\ntitle: A\ntype: plan\nonwer: x\n---\n",
        },
    )
    result = lint(documents, config(tmp_path, select=("GK",)), TODAY)
    assert [(Path(d.path).name, d.line, d.column, d.code) for d in result.diagnostics] == [
        ("a.md", 3, 7, "GK003"),
        ("a.md", 4, 1, "GK007"),
        ("b.md", 3, 1, "GK007"),
        ("b.md", 4, 1, "GK007"),
    ]
    assert list(result.diagnostics) == sorted(result.diagnostics)


def test_unreadable_file_is_reported_and_the_others_are_linted(tmp_path):
    (tmp_path / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    (tmp_path / "typo.md").write_text("---\ntitle: T\nonwer: x\n---\n", encoding="utf-8")
    result = run(sorted(tmp_path.glob("*.md")), config(tmp_path, select=("GK",)))
    assert [(Path(d.path).name, d.line, d.column, d.code) for d in result.diagnostics] == [
        ("latin1.md", 2, 11, "GK008"),
        ("typo.md", 3, 1, "GK007"),
    ]
