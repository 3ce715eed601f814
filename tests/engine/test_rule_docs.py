"""Every rule's declaration: its Example fires it, its Use-instead does not, and the docs match."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from goalkit.config import default_config
from goalkit.docs_gen import DOCS_PATH, rules_markdown
from goalkit.engine import lint
from goalkit.parse import parse_text
from goalkit.rules import builtin_rules
from goalkit.rules.text import example_files

TODAY = dt.date(2026, 11, 20)
NOT_REPRODUCIBLE_IN_TEXT = {"GK000", "GK008"}
"""A crash and an unreadable file cannot be written as an example goal file."""
RULES = [
    rule
    for rule in builtin_rules()
    if rule.code not in NOT_REPRODUCIBLE_IN_TEXT and not rule.needs_history
]
"""History rules' examples are git journals: tests/history/test_rules.py commits and lints them."""


def _codes(example: str) -> set[str]:
    documents = [
        parse_text(text, Path(name), name.removesuffix(".md"))
        for name, text in example_files(example)
    ]
    config = default_config(Path("/nonexistent-goals-root"))
    return {d.code for d in lint(documents, config, TODAY).diagnostics}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_example_fires_the_rule(rule):
    assert rule.code in _codes(rule.example)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_use_instead_is_silent(rule):
    assert rule.code not in _codes(rule.use_instead)


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda rule: rule.code)
def test_declaration_is_complete(rule):
    assert rule.name and rule.criterion and rule.summary and rule.why
    assert rule.example.strip() and rule.use_instead.strip()
    assert len({option.name for option in rule.options}) == len(rule.options)


def test_codes_are_unique_and_sorted():
    codes = [rule.code for rule in builtin_rules()]
    assert codes == sorted(set(codes))


def test_committed_rules_md_is_up_to_date():
    assert DOCS_PATH.read_text(encoding="utf-8") == rules_markdown(builtin_rules()), (
        "docs/rules.md is out of date: run `python -m goalkit.docs_gen`"
    )
