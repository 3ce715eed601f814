"""Write a site atomically, and delete only what goalkit wrote before.

The new site is written into a staging folder beside the output, then swapped in with two
renames, so a failed build leaves the previous site as it was. The manifest `.goalkit-site.json`
lists the files goalkit wrote; everything else in the folder (a `CNAME`, a `.git`, a page of
the user's) is carried over into the new site untouched. A non-empty folder without a
manifest is refused unless `force` is given.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".goalkit-site.json"
MANIFEST_FORMAT = 1


class SiteRefused(Exception):
    """The output folder cannot be written safely; the message says why and what to do."""


@dataclass(frozen=True)
class OutputFile:
    """A file of the site: its site-relative POSIX path and a function that renders its bytes."""

    path: str
    render: Callable[[], bytes]


@dataclass(frozen=True)
class WriteSummary:
    files: tuple[str, ...]
    carried: tuple[str, ...]
    """Files or folders in the output that goalkit did not write, kept in the new site."""
    removed: tuple[str, ...]
    """Files of the previous build that the new one no longer has."""


def previous_files(output: Path, force: bool) -> frozenset[str]:
    """The files the previous build wrote; raise SiteRefused if the folder is not ours."""
    if not output.exists():
        return frozenset()
    if not output.is_dir():
        raise SiteRefused(f"{output} exists and is not a folder")
    manifest = output / MANIFEST
    if manifest.is_file():
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            files = data["files"]
            if data.get("generator") != "goalkit" or not isinstance(files, list):
                raise ValueError("not a goalkit manifest")
            return frozenset(_safe_relative(str(name)) for name in files)
        except (OSError, ValueError, KeyError, TypeError) as error:
            if not force:
                raise SiteRefused(
                    f"{manifest} cannot be read ({error}); use --force to write the site anyway"
                ) from None
            return frozenset()
    if any(output.iterdir()) and not force:
        raise SiteRefused(
            f"{output} is not empty and holds no goalkit site ({MANIFEST} is missing); "
            "choose an empty or new folder, or use --force to write into it"
        )
    return frozenset()


def write_site(
    output: Path,
    files: Iterable[OutputFile],
    force: bool = False,
    on_file: Callable[[str], None] | None = None,
) -> WriteSummary:
    """Render every file into a staging folder, then swap it in place of `output`."""
    # A symlinked output is written through: the link stays, the folder it names is replaced.
    output = Path(os.path.realpath(output) if output.is_symlink() else os.path.abspath(output))
    previous = previous_files(output, force)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".goalkit-new", dir=output.parent)
    )
    try:
        written = _write_files(staging, files, on_file)
        manifest = {"files": sorted(written), "format": MANIFEST_FORMAT, "generator": "goalkit"}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        os.chmod(staging, _folder_mode(output))
        carried, removed = _swap_in(output, staging, previous, frozenset(written), force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteSummary(tuple(sorted(written)), tuple(carried), tuple(sorted(removed)))


def _write_files(
    staging: Path, files: Iterable[OutputFile], on_file: Callable[[str], None] | None
) -> list[str]:
    written: list[str] = []
    for output_file in files:
        relative = _safe_relative(output_file.path)
        if relative in written or relative == MANIFEST:
            raise ValueError(f"two files of the site have the same path: {relative}")
        target = staging.joinpath(*PurePosixPath(relative).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output_file.render())
        written.append(relative)
        if on_file is not None:
            on_file(relative)
    return written


def _safe_relative(name: str) -> str:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(part in ("..", ".", "") for part in path.parts):
        raise ValueError(f"unsafe path in site: {name!r}")
    return path.as_posix()


def _swap_in(
    output: Path,
    staging: Path,
    previous: frozenset[str],
    written: frozenset[str],
    force: bool,
) -> tuple[list[str], list[str]]:
    if not output.exists():
        os.rename(staging, output)
        return [], []
    foreign = _foreign_entries(output, previous | {MANIFEST}, written)
    collisions = [name for name, collides in foreign if collides]
    if collisions and not force:
        raise SiteRefused(
            f"{output} holds files goalkit did not write where the site needs them: "
            f"{', '.join(collisions)}; move them, or use --force to replace them"
        )
    carried = [name for name, collides in foreign if not collides]
    moved: list[str] = []
    try:
        for name in carried:
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(output / name, target)
            moved.append(name)
    except OSError:
        for name in reversed(moved):
            os.rename(staging / name, output / name)
        raise
    backup = Path(
        tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".goalkit-old", dir=output.parent)
    )
    backup.rmdir()
    os.rename(output, backup)
    os.rename(staging, output)
    shutil.rmtree(backup, ignore_errors=True)
    return carried, sorted(previous - written)


def _foreign_entries(
    output: Path, ours: frozenset[str], written: frozenset[str]
) -> list[tuple[str, bool]]:
    """Entries goalkit did not write, as large as possible (a whole `.git` folder is one entry).

    Each comes with whether the new site needs its path (a collision).
    """
    found: list[tuple[str, bool]] = []

    def visit(folder: Path, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            name = f"{prefix}{entry.name}"
            if entry.is_dir() and not entry.is_symlink():
                inside = f"{name}/"
                holds_ours = any(path.startswith(inside) for path in ours | written)
                if holds_ours:
                    visit(entry, inside)
                else:
                    found.append((name, name in written))
            elif name not in ours:
                found.append(
                    (name, name in written or any(p.startswith(f"{name}/") for p in written))
                )

    visit(output, "")
    return found


def _folder_mode(output: Path) -> int:
    if output.is_dir():
        return stat.S_IMODE(output.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask
