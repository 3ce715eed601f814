"""Diagnostics: the findings that rules produce and every output format reads."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    """How much a finding matters: `error` broken, `warning` weak practice, `info` advice."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious, so `--fail-on` can compare severities."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, ordered by place so every output is sorted and stable.

    `path` is the file as the user named it, with `/` separators, so output reads the same on
    every machine and matches what editors and CI systems expect.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.WARNING
    end_line: int | None = None
    end_column: int | None = None
    hint: str | None = None
    name: str = ""
    """The rule's name (`activity-key-result`), for formats that show it beside the code."""
