"""The history of goal files as read from git: commits, file versions and their parsed documents.

Plain frozen values, like `goalkit.model`; reading them from a repository is `reader`'s job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from goalkit.model import Document


@dataclass(frozen=True)
class Commit:
    """One commit, dated by its committer: when the change entered the journal."""

    sha: str
    date: dt.date
    """The committer's calendar date, in the committer's own time zone."""
    timestamp: int
    """Seconds since the epoch, to order commits made on the same day."""
    subject: str
    is_merge: bool = False

    @property
    def short(self) -> str:
        return self.sha[:7]


class Versions:
    """The parsed versions of one file, parsed on first use: a rule that reads only the current
    cycle never pays for parsing years of history."""

    def __init__(self, blobs: Mapping[str, bytes], parse: Callable[[bytes | None], Document]):
        self._blobs = blobs
        self._parse = parse
        self._documents: dict[str, Document] = {}

    def __contains__(self, blob: str) -> bool:
        return blob in self._blobs

    def document(self, blob: str) -> Document:
        if blob not in self._documents:
            self._documents[blob] = self._parse(self._blobs.get(blob))
        return self._documents[blob]


@dataclass(frozen=True)
class FileVersion:
    """A goal file as one commit left it; `document` is None when the commit deleted it."""

    commit: Commit
    path: str
    """The file's path at that commit, relative to the top of the work tree (`/` separators)."""
    blob: str | None
    parent_blob: str | None = None
    """The file's blob in the commit's (first) parent; None when the commit created it."""
    versions: Versions | None = field(default=None, compare=False, repr=False)

    @property
    def deleted(self) -> bool:
        return self.blob is None

    @property
    def document(self) -> Document | None:
        if self.blob is None or self.versions is None:
            return None
        return self.versions.document(self.blob)

    @property
    def parent(self) -> Document | None:
        """The file as the parent commit had it, when that version is known."""
        if self.parent_blob is None or self.versions is None:
            return None
        if self.parent_blob not in self.versions:
            return None
        return self.versions.document(self.parent_blob)


@dataclass(frozen=True)
class FileHistory:
    """Every committed version of one goal file, oldest first, across renames."""

    path: Path
    """The file as the caller named it."""
    repository: Path
    """The top of the git work tree holding it."""
    versions: tuple[FileVersion, ...] = ()

    @property
    def documents(self) -> tuple[tuple[Commit, Document], ...]:
        """The versions that exist (not deletions), with their commits; parses them all."""
        return tuple((v.commit, v.document) for v in self.versions if v.document is not None)

    @property
    def existing(self) -> tuple[FileVersion, ...]:
        """The versions that exist (not deletions), without parsing them."""
        return tuple(version for version in self.versions if not version.deleted)

    @property
    def names(self) -> tuple[str, ...]:
        """The paths the file has had, oldest first, without repeats."""
        return tuple(dict.fromkeys(version.path for version in self.versions))


@dataclass(frozen=True)
class History:
    """The history of every goal file read in one run, by resolved path, and what was missing."""

    files: Mapping[Path, FileHistory] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    """Why some files have no history (no repository, git missing), each said once."""

    def for_path(self, path: Path) -> FileHistory | None:
        return self.files.get(path.resolve())

    def for_document(self, document: Document) -> FileHistory | None:
        return self.for_path(document.path)
