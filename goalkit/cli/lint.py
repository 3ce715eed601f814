"""`goalkit lint`: check goal files against the rules and print what is wrong, where.

Exit status: 0 clean, 1 findings at or above `--fail-on`, 2 usage, configuration or internal
error. Only this module knows click; loading, linting and printing live in their own modules.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from goalkit.cli.options import paths_argument, resolve_today, today_option
from goalkit.formats import FORMATS

if TYPE_CHECKING:
    from goalkit.config import Config
    from goalkit.model import Document
    from goalkit.rules.base import Rule

SEVERITIES = ("error", "warning", "info")


def _codes(values: tuple[str, ...]) -> list[str] | None:
    """`--select OKR,SMART2 --select GK005` → ["OKR", "SMART2", "GK005"]; not given → None."""
    if not values:
        return None
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


@click.command(name="lint")
@paths_argument
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", metavar="CODES", multiple=True,
              help="Rules to run, replacing the configuration's "
              "(comma-separated codes or prefixes: OKR,SMART2,GK005; ALL).")  # fmt: skip
@click.option("--extend-select", metavar="CODES", multiple=True, help="Rules to run in addition.")
@click.option("--ignore", metavar="CODES", multiple=True,
              help="Rules not to run, on top of the configuration's.")  # fmt: skip
@today_option
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only, without the summary.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file to use instead of the one found upward from the current folder.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that makes the exit status 1 (default: the configuration's, "
    "else warning).",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the output to this file instead of standard output.",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Lint the text on standard input (PATHS `-`) as if it were this file: for editors, "
    "which lint unsaved buffers.",
)
def command(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    today: dt.date | None,
    statistics: bool,
    exit_zero: bool,
    quiet: bool,
    config_path: Path | None,
    fail_on: str | None,
    output_file: Path | None,
    color: bool | None,
    stdin_filename: Path | None,
) -> None:
    """Lint goal files against SMART criteria and OKR practice.

    PATHS are goal files or folders (walked for *.md). The default is the configuration's
    `include`, else the current folder. When files are named, the rest of the goal set is
    still read for cross-file rules, but only the named files are reported on.
    """
    from goalkit.config import ConfigError, discover, load, with_overrides
    from goalkit.engine import lint
    from goalkit.formats import FormatOptions, render
    from goalkit.rules import catalogue

    ctx = click.get_current_context()
    rules = catalogue()
    for error in rules.errors:
        click.echo(f"goalkit: warning: {error}", err=True)
    try:
        if config_path is not None:
            config = load(config_path, rules.rules)
        else:
            config = discover(Path.cwd(), rules.rules)
            if config.path is None and paths:
                # No configuration here: the goal folder named may carry its own.
                config = discover(paths[0], rules.rules)
        config = with_overrides(
            config,
            rules.rules,
            select=_codes(select),
            ignore=_codes(ignore) or (),
            extend_select=_codes(extend_select) or (),
            fail_on=fail_on,
        )
    except ConfigError as error:
        click.echo(f"goalkit: configuration error: {error}", err=True)
        ctx.exit(2)

    from_stdin = Path("-") in paths or (stdin_filename is not None and not paths)
    if from_stdin and paths not in ((), (Path("-"),)):
        click.echo("goalkit: `-` (standard input) cannot be mixed with other paths", err=True)
        ctx.exit(2)
    if from_stdin:
        documents, report_paths = _read_stdin(stdin_filename or Path("stdin.md"), config)
    else:
        documents, report_paths = _read(paths, config)
    if not documents:
        click.echo("goalkit: warning: no goal files (*.md) found", err=True)
    history = _history(documents, report_paths, rules.rules, config)
    result = lint(
        documents, config, resolve_today(today), report_paths=report_paths, history=history
    )

    use_color = color if color is not None else _terminal(output_file)
    options = FormatOptions(color=use_color, statistics=statistics, quiet=quiet, version=_version())
    output = render(output_format, result, options)
    if output_file is not None:
        try:
            _write_whole(output_file, output)
        except OSError as error:
            click.echo(f"goalkit: cannot write {output_file}: {error.strerror}", err=True)
            ctx.exit(2)
    else:
        click.echo(output, nl=False, color=use_color)

    if result.internal_errors:
        ctx.exit(2)
    if not exit_zero and result.at_or_above(config.fail_on):
        ctx.exit(1)


def _read(paths: Sequence[Path], config: Config) -> tuple[list[Document], list[Path] | None]:
    """The documents to lint, and which of them to report on (None: all of them)."""
    from goalkit.config import select_files
    from goalkit.parse import parse_file

    selection = select_files(config, paths)
    documents = [
        parse_file(goal.path, goal.id, config.max_file_size)
        for goal in (*selection.reported, *selection.context)
    ]
    report_paths = None if selection.report_all else [goal.path for goal in selection.reported]
    return documents, report_paths


def _read_stdin(name: Path, config: Config) -> tuple[list[Document], list[Path]]:
    """Standard input as the file `name`, with the goal set on disk (minus `name`) as context."""
    from goalkit.config import select_files
    from goalkit.model import Problem, ProblemKind, Span
    from goalkit.parse import parse_file, parse_text
    from goalkit.parse.document import unreadable_document
    from goalkit.parse.source import decode
    from goalkit.workspace import collect_files

    data = sys.stdin.buffer.read(config.max_file_size + 1)
    [named] = collect_files([name])
    if len(data) > config.max_file_size:
        message = f"input is over the {config.max_file_size:,}-byte limit"
        source: str | Problem = Problem(ProblemKind.UNREADABLE, message, Span(1, 1))
    else:
        source = decode(data)
    if isinstance(source, Problem):
        document = unreadable_document(named.path, named.id, source)
    else:
        document = parse_text(source, named.path, named.id)
    itself = os.path.abspath(named.path)
    context = [
        parse_file(goal.path, goal.id, config.max_file_size)
        for goal in select_files(config, [name]).context
        if os.path.abspath(goal.path) != itself
    ]
    return [document, *context], [named.path]


def _history(
    documents: Sequence[Document],
    report_paths: Sequence[Path] | None,
    rules: Sequence[Rule],
    config: Config,
) -> object:
    """The git history of the reported files, read only when a rule that needs it runs."""
    from goalkit.engine import enabled_rules

    if not any(getattr(rule, "needs_history", False) for rule in enabled_rules(rules, config)):
        return None
    from goalkit.history import read_history

    wanted = None if report_paths is None else {os.path.abspath(path) for path in report_paths}
    chosen = [d for d in documents if wanted is None or os.path.abspath(d.path) in wanted]
    try:
        return read_history([d.path for d in chosen], {d.path: d.id for d in chosen})
    except Exception as error:  # no git, a broken repository: lint the files without it
        click.echo(
            f"goalkit: warning: git history not read ({error}); history rules skip", err=True
        )
        return None


def _write_whole(path: Path, text: str) -> None:
    """Write through a temporary file, so a reader never sees half a report."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _terminal(output_file: Path | None) -> bool:
    return output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("goalkit")
    except PackageNotFoundError:
        return "0"
