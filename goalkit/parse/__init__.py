"""Goal files → model. `parse_file` is the one entry point the rest of goalkit needs."""

from __future__ import annotations

from pathlib import Path

from goalkit.model import Document, Problem
from goalkit.parse.document import parse_text, unreadable_document
from goalkit.parse.source import DEFAULT_MAX_BYTES, read_source

__all__ = ["parse_file", "parse_text"]


def parse_file(path: Path, document_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse one goal file; an unreadable file gives a Document holding the Problem."""
    source = read_source(path, max_bytes)
    if isinstance(source, Problem):
        return unreadable_document(path, document_id, source)
    return parse_text(source, path, document_id)
