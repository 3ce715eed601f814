"""Output formats: one module per format, each a pure function of a `LintResult`.

A format module defines `render(result: LintResult, options: FormatOptions) -> str`, returning
the whole output (ending in a newline when not empty). Adding a format is one line in `FORMATS`;
modules load only when chosen, so `goalkit lint` pays for none it does not print.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goalkit.engine import LintResult

FORMATS: dict[str, str] = {
    "text": "goalkit.formats.text",
    "json": "goalkit.formats.json",
    "sarif": "goalkit.formats.sarif",
    "github": "goalkit.formats.github",
    "junit": "goalkit.formats.junit",
}
"""Format name → module defining `render`."""


@dataclass(frozen=True)
class FormatOptions:
    """What the command line may ask of a format; each format reads what applies to it."""

    color: bool = False
    statistics: bool = False
    """Counts per rule instead of the diagnostics (text)."""
    quiet: bool = False
    """Diagnostics only, without the summary line (text)."""
    version: str = "0"
    """goalkit's version, for formats that name the tool (SARIF)."""


def render(name: str, result: LintResult, options: FormatOptions) -> str:
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; choose one of {', '.join(sorted(FORMATS))}")
    module = importlib.import_module(FORMATS[name])
    output: str = module.render(result, options)
    return output
