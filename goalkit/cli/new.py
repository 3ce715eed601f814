"""`goalkit new okr|smart PATH`: start a goal file from a template, never over an existing one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from goalkit.cli import UsageError
from goalkit.cli.options import DateParam, resolve_today


@click.command(name="new")
@click.argument("kind", type=click.Choice(["okr", "smart"]))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--owner", default=None, help="Who owns the goal (default: left for you to fill).")
@click.option(
    "--cycle", default=None, help="2026-Q3, 2026-H2, 2026 or 2026-07 (default: this quarter)."
)
@click.option(
    "--supports",
    multiple=True,
    metavar="REF",
    help="A goal, objective or key result this one moves (ID, ID#O2, ID#O2.KR3); repeatable.",
)
@click.option(
    "--today",
    type=DateParam(),
    default=None,
    help="The day whose quarter is the default cycle (default: the system date).",
)
def command(
    kind: str,
    path: Path,
    owner: str | None,
    cycle: str | None,
    supports: tuple[str, ...],
    today: dt.date | None,
) -> None:
    """Write a new OKR set or SMART goal to PATH (a .md file; missing folders are created).

    The file lints clean except for the TODO lines only you can fill in. An existing file is
    never touched: goalkit stops with exit status 1 instead.
    """
    from goalkit.scaffold import ScaffoldError, build_request, render, write_new_file

    if path.suffix.lower() != ".md":
        raise UsageError(f"{path.as_posix()}: a goal file's name must end in .md")
    try:
        request = build_request(
            kind,
            owner=owner,
            cycle=cycle,
            supports=supports,
            today=resolve_today(today),
            size=_configured_size(path),
        )
    except ScaffoldError as error:
        raise UsageError(str(error)) from None
    try:
        write_new_file(path, render(request))
    except FileExistsError:
        click.echo(f"goalkit: {path.as_posix()} already exists; not overwriting it", err=True)
        raise SystemExit(1) from None
    except OSError as error:
        click.echo(f"goalkit: cannot write {path.as_posix()}: {error.strerror}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Created {path.as_posix()}: fill in the TODO lines, then run goalkit lint.")


def _configured_size(path: Path) -> tuple[int, int]:
    """Objectives and key results that the configuration governing PATH expects (exit 2 on a
    broken configuration, as `goalkit lint` would)."""
    from goalkit.config import ConfigError, discover
    from goalkit.rules import catalogue
    from goalkit.scaffold import template_size

    rules = {rule.code: rule for rule in catalogue().rules}
    try:
        config = discover(path.parent, list(rules.values()))
    except ConfigError as error:
        click.echo(f"goalkit: configuration error: {error}", err=True)
        raise SystemExit(2) from None
    return template_size(
        config.options_for(rules["OKR101"]) if "OKR101" in rules else {},
        config.options_for(rules["OKR102"]) if "OKR102" in rules else {},
    )
