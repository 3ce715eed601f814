"""`goalkit status`: progress per owner and cycle, in the terminal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from goalkit.cli.options import paths_argument, resolve_today, today_option
from goalkit.status_view import render_status

if TYPE_CHECKING:
    from goalkit.forecast import Forecast
    from goalkit.model import Document


@click.command(name="status")
@paths_argument
@today_option
@click.option(
    "--color/--no-color", default=None, help="Force colour on or off (default: on a terminal)."
)
@click.option(
    "--history/--no-history",
    default=True,
    show_default=True,
    help="Forecast each key result from its git history and check-ins (files in git only).",
)
def command(
    paths: tuple[Path, ...], today: dt.date | None, color: bool | None, history: bool
) -> None:
    """Show each owner's objectives and key results with progress, score and pace.

    PATHS are goal files or folders (walked for *.md); the default is the current folder.
    Unreadable or unparseable files are reported on stderr and make the exit status 1.
    """
    from goalkit.loading import load_documents

    documents = load_documents(list(paths) or [Path(".")])
    day = resolve_today(today)
    forecasts = _forecasts(documents, day) if history else None
    view = render_status(documents, day, forecasts)
    for line in view.errors:
        click.echo(line, err=True, color=color)
    for line in view.lines:
        click.echo(_styled(line), color=color)
    if view.errors:
        raise SystemExit(1)


def _forecasts(documents: list[Document], today: dt.date) -> dict[tuple[Path, str], Forecast]:
    """Forecasts from the git history of the files inside a git work tree (none elsewhere)."""
    from goalkit.workspace import find_git_top

    inside = [d for d in documents if d.readable and find_git_top(d.path) is not None]
    if not inside:
        return {}
    from goalkit.history import read_history
    from goalkit.history.view import status_forecasts

    history = read_history([d.path for d in inside], {d.path: d.id for d in inside})
    return status_forecasts(inside, history, today)


STYLES: dict[str, dict[str, object]] = {
    "heading": {"bold": True},
    "dim": {"dim": True},
    "green": {"fg": "green"},
    "yellow": {"fg": "yellow"},
    "red": {"fg": "red"},
}


def _styled(segments: list[tuple[str, str | None]]) -> str:
    # Trailing blanks go before styling: once wrapped in escape codes they can't be stripped.
    while segments and not segments[-1][0].strip():
        segments = segments[:-1]
    if segments:
        segments = [*segments[:-1], (segments[-1][0].rstrip(), segments[-1][1])]
    return "".join(
        click.style(text, **STYLES[style]) if style else text for text, style in segments if text
    )
