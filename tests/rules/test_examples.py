"""Each practice rule's documented example fires it, and its `use_instead` does not."""

from __future__ import annotations

import pytest

from goalkit.rules.text import example_files
from tests.rules.helpers import PRACTICE_RULES, parse_example, run_rule

RULES = sorted(PRACTICE_RULES.values(), key=lambda rule: rule.code)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_example_fires(rule) -> None:
    documents = parse_example(rule.example)
    assert all(not document.problems for document in documents)
    assert run_rule(rule, documents), f"{rule.code}'s example does not fire it"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_use_instead_is_clean(rule) -> None:
    documents = parse_example(rule.use_instead)
    assert all(not document.problems for document in documents)
    assert run_rule(rule, documents) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_declaration_is_complete(rule) -> None:
    assert rule.code.startswith(("OKR1", "SMART2"))
    assert rule.name == rule.name.lower() and " " not in rule.name
    assert rule.summary.endswith(".") and "\n" not in rule.summary
    assert len(rule.why) > 150
    assert len({option.name for option in rule.options}) == len(rule.options)
    for option in rule.options:
        assert option.description.endswith(".")
        assert not isinstance(option.default, list), "list defaults must be tuples (immutable)"


def test_example_files_split_on_markers() -> None:
    example = "<!-- file: a.md -->\n---\ntype: okr\n---\n<!-- file: sub/b.md -->\n# B\n"
    assert example_files(example) == [("a.md", "---\ntype: okr\n---\n"), ("sub/b.md", "# B\n")]
    assert example_files("# Just one\n") == [("example.md", "# Just one\n")]
