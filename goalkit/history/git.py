"""The two git processes the history reader runs: one `git log` and one `git cat-file --batch`.

Whatever the number of files or commits, reading history costs exactly these two processes, so
a journal of thousands of commits is read in about the time git needs to walk it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from goalkit.history.model import Commit

RECORD = "\x1e"
FIELD = "\x1f"
LOG_FORMAT = FIELD.join(("%H", "%P", "%ct", "%cI", "%s"))
NULL_SHA = "0" * 40


class GitError(Exception):
    """git is missing or refused; the message is for the user, in one line."""


class GitMissing(GitError):
    """git cannot be run at all."""


@dataclass(frozen=True)
class Change:
    """One file changed by a commit, as `git log --raw` reports it."""

    status: str
    """`A`, `M`, `D`, `T` or `R` (renamed)."""
    path: str
    """The path after the commit (the new name of a rename, the old name of a deletion)."""
    blob: str | None
    """The file's blob after the commit; None when deleted."""
    old_path: str | None = None
    """The name before a rename."""
    old_blob: str | None = None
    """The file's blob in the (first) parent; None when the commit created it."""


@dataclass(frozen=True)
class LogEntry:
    commit: Commit
    changes: tuple[Change, ...]


def read_log(top: Path, pathspecs: Sequence[str]) -> list[LogEntry]:
    """The commits reachable from HEAD that touch the pathspecs, children before parents.

    Renames are detected (`-M`); a merge is shown as its change against its first parent, so a
    merge that resolved a conflict contributes the version it made.
    """
    arguments = [
        "log", "--date-order", "--diff-merges=first-parent", "--raw", "--no-abbrev", "-M", "-z",
        f"--format={RECORD}{LOG_FORMAT}", "HEAD", "--", *pathspecs,
    ]  # fmt: skip
    output = run_git(top, arguments).decode("utf-8", "surrogateescape")
    return [entry for chunk in output.split(RECORD) if chunk for entry in [_log_entry(chunk)]]


def read_blobs(top: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The content of every blob, read through a single `git cat-file --batch` process."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    data = run_git(top, ["cat-file", "--batch"], ("\n".join(wanted) + "\n").encode())
    contents: dict[str, bytes] = {}
    position = 0
    while position < len(data):
        end_of_header = data.index(b"\n", position)
        header = data[position:end_of_header].split()
        position = end_of_header + 1
        if len(header) != 3:
            continue
        size = int(header[2])
        contents[header[0].decode()] = data[position : position + size]
        position += size + 1
    return contents


def head_exists(top: Path) -> bool:
    try:
        run_git(top, ["rev-parse", "--verify", "--quiet", "HEAD"])
    except GitError:
        return False
    return True


def run_git(top: Path, arguments: list[str], stdin: bytes | None = None) -> bytes:
    """Run one git command in `top` and return its output; a failure is a `GitError`."""
    environment = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        completed = subprocess.run(
            ["git", "-C", str(top), "-c", "core.quotepath=off", *arguments],
            input=stdin,
            capture_output=True,
            env=environment,
            check=False,
        )
    except FileNotFoundError:
        raise GitMissing("git is not installed") from None
    except OSError as error:
        raise GitMissing(f"cannot run git: {error.strerror or error}") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {arguments[0]} failed")
    return completed.stdout


def _log_entry(chunk: str) -> LogEntry:
    header, _, raw = chunk.partition("\0")
    sha, parents, timestamp, iso_date, subject = header.split(FIELD, 4)
    commit = Commit(
        sha=sha,
        date=dt.date.fromisoformat(iso_date[:10]),
        timestamp=int(timestamp),
        subject=subject,
        is_merge=len(parents.split()) > 1,
    )
    return LogEntry(commit, tuple(_changes(raw.lstrip("\n").split("\0"))))


def _changes(tokens: list[str]) -> Iterable[Change]:
    index = 0
    while index < len(tokens):
        meta = tokens[index]
        if not meta.startswith(":"):
            index += 1
            continue
        fields = meta[1:].split()
        old_blob = None if fields[2] == NULL_SHA else fields[2]
        new_blob, status = fields[3], fields[4][0]
        if status in "RC":
            old_path, path = tokens[index + 1], tokens[index + 2]
            index += 3
            if status == "R":
                yield Change("R", path, new_blob, old_path, old_blob)
            else:
                yield Change("A", path, new_blob)
            continue
        path = tokens[index + 1]
        index += 2
        deleted = status == "D" or new_blob == NULL_SHA
        yield Change(status, path, None if deleted else new_blob, old_blob=old_blob)
