"""Options shared by several subcommands, declared once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click


class DateParam(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD", param, ctx)


today_option = click.option(
    "--today",
    type=DateParam(),
    default=None,
    help="The date to measure progress against (default: the system date).",
)

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=False))


def resolve_today(today: dt.date | None) -> dt.date:
    return today if today is not None else dt.date.today()
