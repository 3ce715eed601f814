"""The history of goal files as read from git: commits, file versions and their parsed documents.

Plain frozen values, like `goalkit.model`; reading them from a repository is `reader`'s job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
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


@dataclass(frozen=True)
class FileVersion:
    """A goal file as one commit left it; `document` is None when the commit deleted it."""

    commit: Commit
    path: str
    """The file's path at that commit, relative to the top of the work tree (`/` separators)."""
    blob: str | None
    document: Document | None
    parent: Document | None = None
    """The file as the commit's (first) parent had it; None when the commit created it."""

    @property
    def deleted(self) -> bool:
        return self.blob is None


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
        """The versions that exist (not deletions), with their commits."""
        return tuple((v.commit, v.document) for v in self.versions if v.document is not None)

    @property
    def existing(self) -> tuple[FileVersion, ...]:
        return tuple(version for version in self.versions if version.document is not None)

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
