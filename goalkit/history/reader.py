"""Read the committed versions of goal files from git, following renames, in one pass.

For each repository holding some of the files: one `git log` over every Markdown path, then one
`git cat-file --batch` for the blobs of the versions wanted. Renames are followed per file by
walking the log from the newest commit: when a file's current name was created by a rename, its
older name belongs to it for the older commits. A file deleted and later restored under the
same name keeps one history, with the deletion recorded in between.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goalkit.history.git import (
    Change,
    GitError,
    GitMissing,
    LogEntry,
    head_exists,
    read_blobs,
    read_log,
)
from goalkit.history.model import Commit, FileHistory, FileVersion, History, Versions
from goalkit.model import Document, Problem, ProblemKind, Span
from goalkit.parse.document import parse_text, unreadable_document
from goalkit.parse.source import DEFAULT_MAX_BYTES, decode
from goalkit.workspace import find_git_top

MARKDOWN_PATHS = ":(glob)**/*.md"


@dataclass
class _Lineage:
    """One requested file while its versions are being gathered (newest first)."""

    path: Path
    relative: str
    document_id: str
    found: list[tuple[Commit, Change]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    """Every name the file had, as met walking back."""

    def __post_init__(self) -> None:
        self.names.add(self.relative)


def read_history(paths: Iterable[Path], ids: Mapping[Path, str] | None = None) -> History:
    """The history of each file; files outside git, or in a repository without commits, get none.

    `ids` gives the document id to parse each file's versions under (default: the file's stem).
    """
    by_top: dict[Path, list[_Lineage]] = defaultdict(list)
    outside: list[Path] = []
    for path in dict.fromkeys(paths):
        resolved = path.resolve()
        top = find_git_top(resolved)
        if top is None:
            outside.append(path)
            continue
        document_id = (ids or {}).get(path, path.stem)
        relative = resolved.relative_to(top).as_posix()
        by_top[top].append(_Lineage(path, relative, document_id))
    files: dict[Path, FileHistory] = {}
    notes: list[str] = []
    if outside:
        notes.append(_outside_note(outside))
    for top in sorted(by_top):
        lineages = by_top[top]
        try:
            entries = read_log(top, _pathspecs(lineages))
            histories = _histories(top, lineages, entries)
        except GitError as error:
            has_commits = isinstance(error, GitMissing) or head_exists(top)
            reason = str(error) if has_commits else "no commits yet"
            notes.append(f"no history for files in {top}: {reason}")
            continue
        files.update(histories)
    return History(files=files, notes=tuple(notes))


def _pathspecs(lineages: Sequence[_Lineage]) -> list[str]:
    extra = sorted({f":(literal){lineage.relative}" for lineage in lineages})
    return [MARKDOWN_PATHS, *(spec for spec in extra if not spec.endswith(".md"))]


def _histories(
    top: Path, lineages: Sequence[_Lineage], entries: Sequence[LogEntry]
) -> dict[Path, FileHistory]:
    _follow(lineages, entries)
    wanted = {change.blob for lineage in lineages for _, change in lineage.found if change.blob}
    contents = read_blobs(top, wanted)
    histories = {}
    for lineage in lineages:
        blobs = {
            change.blob: contents.get(change.blob, b"")
            for _, change in lineage.found
            if change.blob
        }
        versions = Versions(blobs, functools.partial(_parse, lineage=lineage))
        histories[lineage.path.resolve()] = FileHistory(
            lineage.path,
            top,
            tuple(
                FileVersion(commit, change.path, change.blob, change.old_blob, versions)
                for commit, change in reversed(lineage.found)
            ),
        )
    return histories


def _follow(lineages: Sequence[_Lineage], entries: Sequence[LogEntry]) -> None:
    """Give each lineage its changes, newest first, moving to a file's older name at a rename.

    A merge commit (shown against its first parent) is skipped when it only brings a version the
    merged branch already committed, so that version keeps the date it was written.
    """
    active: dict[str, _Lineage] = {lineage.relative: lineage for lineage in lineages}
    merge_versions: list[tuple[_Lineage, Commit, Change]] = []
    for entry in entries:
        for change in entry.changes:
            lineage = active.get(change.path)
            if lineage is None and change.status == "R" and change.old_path in active:
                owner = active[change.old_path]
                if change.path not in owner.names:
                    # The name was moved away here: what it held before is another file's.
                    del active[change.old_path]
                    continue
                lineage = owner  # the same rename, met again on a merged branch
            if lineage is None:
                continue
            if entry.commit.is_merge:
                merge_versions.append((lineage, entry.commit, change))
            else:
                lineage.found.append((entry.commit, change))
            if change.status == "R" and change.old_path is not None:
                # Before the rename the old name was this file, even if a newer file took it.
                if active.get(change.path) is lineage:
                    del active[change.path]
                active[change.old_path] = lineage
                lineage.names.add(change.old_path)
    for lineage, commit, change in merge_versions:
        seen = {found.blob for _, found in lineage.found}
        if change.blob is None or change.blob not in seen:
            lineage.found.append((commit, change))
    for lineage in lineages:
        lineage.found.sort(key=lambda item: item[0].timestamp, reverse=True)


def _parse(data: bytes | None, lineage: _Lineage) -> Document:
    data = data or b""
    if len(data) > DEFAULT_MAX_BYTES:
        problem = Problem(ProblemKind.UNREADABLE, "version too large to be a goal file", Span(1))
        return unreadable_document(lineage.path, lineage.document_id, problem)
    text = decode(data)
    if not isinstance(text, str):
        return unreadable_document(lineage.path, lineage.document_id, text)
    return parse_text(text, lineage.path, lineage.document_id)


def _outside_note(paths: Sequence[Path]) -> str:
    names = ", ".join(path.as_posix() for path in paths[:3])
    more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
    count = "1 file" if len(paths) == 1 else f"{len(paths)} files"
    return f"no history for {count} outside a git work tree: {names}{more}"


__all__ = ["read_history"]
