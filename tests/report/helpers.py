"""Build sites through the real CLI and read them back as parsed HTML."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Tag
from click.testing import CliRunner, Result

from goalkit.cli import main

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/report/fixtures")
"""Relative to the repository, where `build` runs, so pages show paths as a user would type."""
SAMPLE_GOALS = Path("sample-goals")
TODAY = "2026-11-20"


@contextmanager
def working_directory(folder: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def build(*arguments: str | Path, today: str = TODAY) -> Result:
    """`goalkit report ARGUMENTS --today TODAY` run in the repository, in-process.

    Output folders should be absolute (tmp paths); goal paths relative to the repository.
    """
    args = ["report", *map(str, arguments), "--today", today]
    with working_directory(REPOSITORY):
        return CliRunner().invoke(main, args, catch_exceptions=False)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file under the folder by POSIX relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def text(element: Tag) -> str:
    """An element's text with whitespace collapsed, without the charts' text alternatives."""
    strings = [
        str(string)
        for string in element.find_all(string=True)
        if not isinstance(string, Comment) and string.find_parent("svg") is None
    ]
    if element.name == "title" or element.find_parent("svg") is not None:
        strings = [element.get_text(" ")]
    return " ".join("".join(strings).split())
