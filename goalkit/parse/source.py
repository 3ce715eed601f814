"""Read a goal file's bytes as text, turning every way that can fail into a Problem."""

from __future__ import annotations

from pathlib import Path

from goalkit.model import Problem, ProblemKind, Span

DEFAULT_MAX_BYTES = 1024 * 1024
"""Goal files are small; anything larger is almost surely not one, and is refused unread."""


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | Problem:
    """The file's text with a leading BOM and Windows line endings normalised, or a Problem."""
    try:
        if not path.is_file():
            what = "a folder" if path.is_dir() else "not a regular file"
            return _unreadable(f"cannot read: {what}" if path.exists() else "no such file")
        size = path.stat().st_size
        if size > max_bytes:
            return _unreadable(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except PermissionError:
        return _unreadable("permission denied")
    except OSError as error:
        return _unreadable(f"cannot read: {error.strerror or error}")
    return decode(data)


def decode(data: bytes) -> str | Problem:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _unreadable("the file is UTF-16; save it as UTF-8")
    if b"\x00" in data:
        return _unreadable("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return Problem(
            ProblemKind.UNREADABLE,
            f"not UTF-8: byte 0x{data[error.start]:02x} cannot be decoded; save the file as UTF-8",
            Span(line, column),
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unreadable(message: str) -> Problem:
    return Problem(ProblemKind.UNREADABLE, message, Span(1, 1))
