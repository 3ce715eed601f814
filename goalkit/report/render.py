"""The Jinja2 environment: user templates first, then the built-in ones; autoescape always on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from goalkit.report import charts
from goalkit.report.prose import render_inline, render_markdown
from goalkit.report.resources import builtin_templates


def template_folders(override: Path | None) -> list[Path]:
    return [folder for folder in (override, builtin_templates()) if folder is not None]


def make_environment(override: Path | None = None) -> Environment:
    environment = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(f)) for f in template_folders(override)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        markdown=lambda text, top_level=3: _markup(render_markdown(text or "", top_level)),
        markdown_inline=lambda text: _markup(render_inline(text or "")),
        percent=percent,
        confidence=confidence,
        number=number,
    )
    environment.globals.update(
        progress_bar=charts.progress_bar,
        score_distribution=charts.score_distribution,
        band_counts=charts.band_counts,
    )
    return environment


def read_static(name: str, override: Path | None) -> bytes:
    """A static file (the stylesheet) from the first folder that has it."""
    for folder in template_folders(override):
        path = folder / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(name)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def confidence(value: float | None) -> str:
    """Confidence as written: a 1–10 rating (`7/10`) or a probability (`70%`)."""
    if value is None:
        return "—"
    return f"{value:.0%}" if value <= 1 else f"{value:g}/10"


def number(value: float) -> str:
    return f"{value:g}"


def _markup(html: str) -> Markup:
    return Markup(html)


__all__: Sequence[str] = ["make_environment", "read_static"]
