"""`goalkit history PATH`: one goal file's progress over time, from git and its check-ins."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from goalkit.cli.options import resolve_today, today_option


@click.command(name="history")
@click.argument("path", type=click.Path(path_type=Path))
@today_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--min-points",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Dated values a key result needs before it is forecast.",
)
@click.option(
    "--window",
    "window_days",
    type=click.IntRange(min=1),
    default=28,
    show_default=True,
    help="Days of recent values the forecast's pace is fitted on.",
)
def command(
    path: Path, today: dt.date | None, output_format: str, min_points: int, window_days: int
) -> None:
    """Show PATH's timeline per key result and where each is forecast to land.

    Each committed version of the file (renames followed) and each dated entry of its
    `## Check-ins` section is a point; a file outside git shows its check-ins only.
    """
    from goalkit.history import read_history
    from goalkit.history.view import build_view, json_data, text_lines
    from goalkit.parse import parse_file
    from goalkit.workspace import document_id, goals_root

    document = parse_file(path, document_id(path, goals_root(path)))
    if not document.readable:
        problem = document.problems[0]
        click.echo(f"{path.as_posix()}:{problem.span.line}:{problem.span.column}: error: "
                   f"{problem.message}", err=True)  # fmt: skip
        raise SystemExit(1)
    history = read_history([path], {path: document.id})
    for note in history.notes:
        click.echo(f"goalkit: note: {note}", err=True)
    view = build_view(
        document, history.for_path(path), resolve_today(today), min_points, window_days
    )
    if output_format == "json":
        click.echo(json.dumps(json_data(view), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(text_lines(view)))
