"""Find goal files and the goals root, so document ids do not depend on how goalkit is called.

The goals root is the folder of the nearest goalkit configuration (`goalkit.toml`,
`.goalkit.toml`, or a `pyproject.toml` with a `[tool.goalkit]` table), else the top of the git
work tree, else the folder named on the command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAMES = ("goalkit.toml", ".goalkit.toml", "pyproject.toml")
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def find_config(start: Path) -> Path | None:
    """The nearest goalkit configuration file at or above `start` (a folder or a file)."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_goalkit_table(path)):
                return path
    return None


def find_git_top(start: Path) -> Path | None:
    """The top of the git work tree holding `start`, found without running git."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def goals_root(start: Path) -> Path:
    config = find_config(start)
    if config is not None:
        return config.parent
    git_top = find_git_top(start)
    if git_top is not None:
        return git_top
    return (start if start.is_dir() else start.parent).resolve()


def document_id(path: Path, root: Path) -> str:
    """`team/growth.md` under the root → `team/growth`; outside the root, the file's stem."""
    try:
        relative = path.resolve().relative_to(root)
    except ValueError:
        return path.stem
    return relative.with_suffix("").as_posix() if relative.suffix == ".md" else relative.as_posix()


@dataclass(frozen=True)
class GoalFile:
    """A file to read: the path as the user will see it, and its id under the goals root."""

    path: Path
    id: str

    @property
    def display_path(self) -> str:
        return self.path.as_posix()


def collect_files(arguments: Sequence[Path]) -> list[GoalFile]:
    """Expand the command line's files and folders into goal files, sorted and without repeats.

    A named file is always read (even if not `.md`, so a typo yields a diagnostic rather than
    silence); folders are walked for `*.md`, skipping hidden and tool folders.
    """
    found: dict[Path, GoalFile] = {}
    for argument in arguments:
        root = goals_root(argument)
        for path in _expand(argument):
            key = path.resolve()
            if key not in found:
                found[key] = GoalFile(path, document_id(path, root))
    return sorted(found.values(), key=lambda goal_file: goal_file.path.as_posix())


def _expand(argument: Path) -> Iterable[Path]:
    if not argument.is_dir():
        yield argument
        return
    for folder, subfolders, files in os.walk(argument):
        subfolders[:] = sorted(
            name for name in subfolders if name not in SKIPPED_FOLDERS and not name.startswith(".")
        )
        for name in sorted(files):
            if name.endswith(".md"):
                yield Path(folder) / name


def _has_goalkit_table(pyproject: Path) -> bool:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "goalkit" in tool
