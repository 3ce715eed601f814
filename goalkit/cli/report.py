"""`goalkit report`: build the static HTML progress site."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path
from urllib.parse import urlsplit

import click

from goalkit.cli.options import paths_argument, resolve_today, today_option


class ReportUsageError(click.UsageError):
    exit_code = 2


class ReportFailed(click.ClickException):
    exit_code = 2


@click.command(name="report")
@paths_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the site into (created, or replaced if it holds a goalkit site).",
)
@today_option
@click.option(
    "--templates",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=None,
    help="Folder of templates or a stylesheet that replace the built-in ones by name.",
)
@click.option(
    "--base-url",
    default=None,
    help="Where the site will be published (https://example.org/goals/), for canonical links.",
)
@click.option("--title", default="Goals", show_default=True, help="The site's title.")
@click.option(
    "--force", is_flag=True, help="Write into a non-empty folder that holds no goalkit site."
)
@click.option(
    "--history/--no-history",
    default=True,
    show_default=True,
    help="Read the goal files' git history for progress-over-time charts, forecasts and the "
    "history lint rules (files outside git have none).",
)
def command(
    paths: tuple[Path, ...],
    output: Path,
    today: dt.date | None,
    templates: Path | None,
    base_url: str | None,
    title: str,
    force: bool,
    history: bool,
) -> None:
    """Build a static progress site from goal files: overview, a page per goal file, alignment,
    owners, cycles, lint findings, data.json and badges.

    PATHS are goal files or folders (walked for *.md); the default is the configured include,
    else the current folder; named files are linted with the rest of their goal set. Goal
    files that cannot be read appear on the site as errors; the rest of the site is built.
    Exit status 0 when the site was written (lint findings do not fail it), 2 on usage errors.
    """
    from goalkit.report import ReportError, ReportOptions, plan_report, write_report
    from goalkit.report.lint import LintConfigError, read_and_lint

    inputs = list(paths)
    options = ReportOptions(
        output=output,
        today=resolve_today(today),
        title=title,
        base_url=_base_url(base_url),
        templates=templates,
        force=force,
    )
    try:
        documents, lint = read_and_lint(inputs, options.today, with_history=history)
    except LintConfigError as error:
        raise ReportFailed(f"configuration error: {error}") from None
    if not documents:
        click.echo("goalkit: warning: no goal files (*.md) found", err=True)
    options = dataclasses.replace(options, history=lint.history)
    try:
        plan = plan_report(documents, lint, options)
        if sys.stderr.isatty():
            with click.progressbar(
                length=len(plan.files), label="Building site", file=sys.stderr
            ) as bar:
                summary = write_report(plan, options, lambda _: bar.update(1))
        else:
            summary = write_report(plan, options)
    except ReportError as error:
        raise ReportFailed(str(error)) from None
    click.echo(
        f"Wrote {len(summary.files)} files to {output.as_posix()}/ "
        f"(open {(output / 'index.html').as_posix()})"
    )


def _base_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ReportUsageError(
            f"--base-url {value!r} must be an absolute http(s) URL, like https://example.org/goals/"
        )
    return value if value.endswith("/") else value + "/"
