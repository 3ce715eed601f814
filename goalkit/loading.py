"""Read the goal files named on the command line into documents, in a stable order."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from goalkit.model import Document
from goalkit.parse import parse_file
from goalkit.parse.source import DEFAULT_MAX_BYTES
from goalkit.workspace import collect_files


def load_documents(arguments: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Every goal file under the arguments, parsed; unreadable ones carry their problem."""
    return [parse_file(goal.path, goal.id, max_bytes) for goal in collect_files(arguments)]
