"""Third-party rule packs: a real distribution on `sys.path` declaring a `goalkit.rules` entry
point is loaded, its rules run and are configurable, and a broken pack never stops goalkit."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from goalkit.config import default_config, load
from goalkit.engine import lint
from goalkit.parse import parse_file
from goalkit.rules import catalogue

PACK = """
from goalkit.diagnostics import Severity
from goalkit.model import Span
from goalkit.rules.base import Finding, Option, RuleFamily

family = RuleFamily()


@family.rule(
    code="XYZ001",
    name="todo-in-title",
    criterion="House style",
    severity=Severity.WARNING,
    summary="The title still says TODO.",
    why="A title with TODO is not finished.",
    example="# TODO: grow",
    use_instead="# Grow the newsletter",
    options=(Option("marker", "TODO", "The word that marks unfinished titles."),),
)
def todo_in_title(document, context):
    if context.options["marker"] in document.title:
        yield Finding(document.title_span or Span(1), f"title contains {context.options['marker']}")


@family.rule(
    code="XYZ002",
    name="always-crashes",
    criterion="House style",
    severity=Severity.WARNING,
    summary="Crashes, to prove goalkit survives it.",
    why="Testing.",
    example="(any)",
    use_instead="(none)",
    enabled_by_default=False,
)
def always_crashes(document, context):
    raise RuntimeError("pack bug")
"""

CRASH_LINE = PACK.split("\n").index('    raise RuntimeError("pack bug")') + 1


def make_distribution(folder: Path, name: str, entry_points: str, module: str) -> Path:
    """A minimal installed distribution: a module and its `*.dist-info` with entry points."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(module, encoding="utf-8")
    info = folder / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[goalkit.rules]\n" + textwrap.dedent(entry_points), encoding="utf-8"
    )
    return folder


@pytest.fixture
def pack_on_path(tmp_path, monkeypatch):
    folder = make_distribution(
        tmp_path / "site", "goalkit_demo_pack", "demo = goalkit_demo_pack:family\n", PACK
    )
    make_distribution(
        tmp_path / "site",
        "goalkit_broken_pack",
        "broken = goalkit_broken_pack:family\nwrong = goalkit_broken_pack:NOT_RULES\n",
        "NOT_RULES = 42\nraise_later = True\nfamily = undefined_name  # noqa\n",
    )
    monkeypatch.syspath_prepend(str(folder))
    importlib.invalidate_caches()
    catalogue.cache_clear()
    yield folder
    catalogue.cache_clear()
    for module in ("goalkit_demo_pack", "goalkit_broken_pack"):
        sys.modules.pop(module, None)


def test_pack_rules_join_the_catalogue(pack_on_path):
    found = catalogue()
    codes = [rule.code for rule in found.rules]
    assert "XYZ001" in codes and "XYZ002" in codes
    assert codes == sorted(codes)
    assert found.by_code()["XYZ001"].origin == "demo"
    assert found.by_code()["GK001"].origin == "goalkit"
    assert found.errors == (
        "rule pack 'broken' failed to load: NameError(\"name 'undefined_name' is not defined\")",
        "rule pack 'wrong' failed to load: NameError(\"name 'undefined_name' is not defined\")",
    )


def test_pack_rule_runs_with_configured_options(pack_on_path, tmp_path):
    goal = tmp_path / "goal.md"
    goal.write_text("# FIXME: grow the newsletter\n", encoding="utf-8")
    config_file = tmp_path / "goalkit.toml"
    config_file.write_text('select = ["XYZ"]\n[rules.XYZ001]\nmarker = "FIXME"\n')
    config = load(config_file)
    result = lint([parse_file(goal, "goal")], config, dt.date(2026, 11, 20))
    assert [(d.line, d.column, d.code, d.message) for d in result.diagnostics] == [
        (1, 1, "GK000", f"rule XYZ002 crashed at goalkit_demo_pack.py:{CRASH_LINE}: "
         "RuntimeError: pack bug"),
        (1, 3, "XYZ001", "title contains FIXME"),
    ]  # fmt: skip
    default = lint([parse_file(goal, "goal")], default_config(tmp_path), dt.date(2026, 11, 20))
    assert "XYZ002" not in default.enabled  # off by default, as declared


def test_pack_through_the_command_line(pack_on_path, tmp_path):
    goal = tmp_path / "goal.md"
    goal.write_text("# TODO: grow the newsletter\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(pack_on_path), "NO_COLOR": "1"}

    def goalkit(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "goalkit", *arguments],
            capture_output=True, text=True, cwd=tmp_path, env=env, check=False,
        )  # fmt: skip

    clean = goalkit("lint", "--select", "XYZ001", "--today", "2026-11-20", "goal.md")
    assert clean.stdout == "goal.md:1:3: XYZ001 title contains TODO\nFound 1 problem (1 warning).\n"
    assert clean.returncode == 1
    assert "goalkit: warning: rule pack 'broken' failed to load" in clean.stderr

    crashed = goalkit("lint", "--select", "XYZ", "--today", "2026-11-20", "goal.md")
    assert crashed.returncode == 2
    assert crashed.stdout.splitlines()[0] == (
        f"goal.md:1:1: GK000 rule XYZ002 crashed at goalkit_demo_pack.py:{CRASH_LINE}: "
        "RuntimeError: pack bug"
    )

    listed = goalkit("rules").stdout.splitlines()
    assert any(line.split()[:2] == ["XYZ001", "todo-in-title"] for line in listed)
    explained = goalkit("rule", "xyz001", "--no-color").stdout
    assert 'marker = "TODO"' in explained and "(from the rule pack 'demo')" in explained
