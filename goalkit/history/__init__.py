"""Git goal journals: every committed version of goal files, and timelines built from them.

Imported only by the commands and rules that need history, so `goalkit lint` without a history
rule never pays for it.
"""

from __future__ import annotations

from goalkit.history.model import Commit, FileHistory, FileVersion, History
from goalkit.history.reader import read_history
from goalkit.history.timeline import Point, Source, Timeline, document_timelines
from goalkit.history.values import Values

__all__ = [
    "Commit",
    "FileHistory",
    "FileVersion",
    "History",
    "Point",
    "Source",
    "Timeline",
    "Values",
    "document_timelines",
    "read_history",
]
