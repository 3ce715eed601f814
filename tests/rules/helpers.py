"""Run one practice rule on real goal files, as the engine would, without waiting for it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from goalkit.goalset import GoalSet
from goalkit.model import Document
from goalkit.parse import parse_file, parse_text
from goalkit.rules import okr, smart
from goalkit.rules.base import Context, Finding, Rule, Scope
from goalkit.rules.text import example_files

TODAY = dt.date(2026, 11, 20)
PRACTICE_RULES: dict[str, Rule] = {
    rule.code: rule for rule in (*okr.family.rules, *smart.family.rules)
}


def load(paths: Sequence[Path], root: Path) -> list[Document]:
    """Parse goal files; each id is its path under `root` without `.md`, as the workspace does."""
    return [parse_file(path, relative(path, root).removesuffix(".md")) for path in paths]


def relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def parse_example(example: str) -> list[Document]:
    """A rule's `example` or `use_instead`, split into files by `<!-- file: NAME -->` lines."""
    return [
        parse_text(text, Path(name), name.removesuffix(".md"))
        for name, text in example_files(example)
    ]


def run_rule(
    rule: Rule,
    documents: Sequence[Document],
    options: Mapping[str, Any] | None = None,
    today: dt.date = TODAY,
) -> list[tuple[Document, Finding]]:
    """Every finding of `rule` over the documents, with the document each one belongs to."""
    context = Context(
        options={**rule.defaults, **(options or {})}, today=today, goal_set=GoalSet(documents)
    )
    if rule.scope is Scope.SET:
        found = list(rule.check(context.goal_set, context))
        assert all(finding.document is not None for finding in found), "set rule without document"
        return [(finding.document, finding) for finding in found]  # type: ignore[misc]
    return [
        (document, finding) for document in documents for finding in rule.check(document, context)
    ]
