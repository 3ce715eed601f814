"""The practice rules against their case files: `cases/<CODE>.yaml` lists cases and findings.

A case names one goal file, several, or a folder of them (read together, for set rules), the
options that differ from the rule's defaults, the day it is linted, and every finding expected
as `[file:]line:column message-substring`; an empty list is a pass case.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.rules.helpers import PRACTICE_RULES, TODAY, load, relative, run_rule

CASES = Path(__file__).parent / "cases"
EXPECTED = re.compile(r"(?:(?P<file>[^\s:]+\.md):)?(?P<line>\d+):(?P<column>\d+) (?P<message>.+)")


@dataclass(frozen=True)
class Case:
    code: str
    files: tuple[str, ...]
    expect: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)
    today: dt.date = TODAY

    @property
    def id(self) -> str:
        name = "+".join(Path(file).stem for file in self.files)
        tuned = "-" + "-".join(sorted(self.options)) if self.options else ""
        return f"{self.code}-{name}{tuned}"


def _cases() -> list[Case]:
    cases = []
    for spec in sorted(CASES.glob("*.yaml")):
        for entry in yaml.safe_load(spec.read_text(encoding="utf-8")):
            files = entry["case"] if isinstance(entry["case"], list) else [entry["case"]]
            cases.append(
                Case(
                    code=spec.stem,
                    files=tuple(files),
                    expect=tuple(entry["expect"]),
                    options=_as_configured(entry.get("options", {})),
                    today=entry.get("today", TODAY),
                )
            )
    return cases


def _as_configured(options: dict[str, Any]) -> dict[str, Any]:
    """Lists as the engine hands them to rules: tuples, like the declared defaults."""
    return {name: tuple(v) if isinstance(v, list) else v for name, v in options.items()}


ALL_CASES = _cases()


def _paths(case: Case) -> list[Path]:
    folder = CASES / case.code
    paths: list[Path] = []
    for name in case.files:
        target = folder / name
        paths += sorted(target.rglob("*.md")) if target.is_dir() else [target.resolve()]
    return paths


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.id)
def test_case(case: Case) -> None:
    rule = PRACTICE_RULES[case.code]
    folder = CASES / case.code
    unknown = set(case.options) - set(rule.defaults)
    assert not unknown, f"{case.code} has no option {unknown}"
    documents = load(_paths(case), folder)
    found = sorted(
        (
            relative(document.path, folder),
            finding.span.line,
            finding.span.column,
            finding.message.replace(f"{folder.as_posix()}/", ""),
        )
        for document, finding in run_rule(rule, documents, case.options, case.today)
    )
    expected = []
    for line in case.expect:
        match = EXPECTED.fullmatch(line)
        assert match, f"bad expectation {line!r}"
        file = match["file"] or (case.files[0] if len(_paths(case)) == 1 else "?")
        expected.append((file, int(match["line"]), int(match["column"]), match["message"]))
    shown = "\n".join(f"{f}:{line}:{column} {message}" for f, line, column, message in found)
    assert sorted(item[:3] for item in found) == sorted(item[:3] for item in expected), shown
    unmatched = list(found)
    for *place, wanted in expected:
        match = next((f for f in unmatched if list(f[:3]) == place and wanted in f[3]), None)
        assert match is not None, f"no finding at {place} says {wanted!r}:\n{shown}"
        unmatched.remove(match)


def test_every_practice_rule_has_failing_and_passing_cases() -> None:
    for code in PRACTICE_RULES:
        cases = [case for case in ALL_CASES if case.code == code]
        assert any(case.expect for case in cases), f"{code} has no failing case"
        assert any(not case.expect for case in cases), f"{code} has no passing case"


def test_every_case_file_is_used() -> None:
    used = {path for case in ALL_CASES for path in _paths(case)}
    assert set(CASES.rglob("*.md")) == used


def test_every_option_is_exercised_by_a_case() -> None:
    exercised = {(case.code, name) for case in ALL_CASES for name in case.options}
    declared = {
        (code, option.name) for code, rule in PRACTICE_RULES.items() for option in rule.options
    }
    assert sorted(declared - exercised) == []
