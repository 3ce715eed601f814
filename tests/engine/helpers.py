"""Lint real goal files through the engine, with a configuration built in the test."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from goalkit.config import Config, default_config
from goalkit.engine import LintResult, lint
from goalkit.parse import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 20)


def config(root: Path = FIXTURES, **changes: Any) -> Config:
    return dataclasses.replace(default_config(root), **changes)


def run(paths: Sequence[Path], cfg: Config | None = None, **kwargs: Any) -> LintResult:
    documents = [parse_file(path, path.stem) for path in paths]
    return lint(documents, cfg or config(), TODAY, **kwargs)


def found(result: LintResult) -> list[tuple[str, int, int, str]]:
    return [(Path(d.path).name, d.line, d.column, d.code) for d in result.diagnostics]


def write(folder: Path, files: dict[str, str]) -> list[Path]:
    paths = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
