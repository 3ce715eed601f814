"""The `goalkit` command: a click group whose subcommands load only when they run.

Each subcommand lives in its own module and is imported lazily, so `goalkit lint` never pays
for the report's Jinja2 or the history reader. Exit codes: 0 clean, 1 findings or unreadable
goal files, 2 usage, configuration or internal error.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from typing import Any

import click

COMMANDS: dict[str, tuple[str, str]] = {
    "status": ("goalkit.cli.status", "Show progress per owner and cycle in the terminal."),
    "report": ("goalkit.cli.report", "Build the static HTML progress site from goal files."),
    "schema": ("goalkit.cli.schema", "Print the JSON Schema of the front-matter for editors."),
    "new": ("goalkit.cli.new", "Start a new OKR or SMART goal file from a template."),
    "init": ("goalkit.cli.init", "Write a starter goalkit.toml and show the pre-commit hook."),
    "lint": ("goalkit.cli.lint", "Check goal files against SMART criteria and OKR practice."),
    "rules": ("goalkit.cli.rules", "List every lint rule with its severity and whether it runs."),
    "rule": ("goalkit.cli.rule", "Explain one lint rule: why, options, example, fix."),
    "history": ("goalkit.cli.history", "Show one goal file's progress over time and forecasts."),
}
"""Subcommand name → (module defining a click command named `command`, one-line help)."""


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listing help text from the table avoids importing every command for `--help`.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:
            # The reader left (`goalkit rules | head`): stop quietly, as `ls | head` does;
            # pointing stdout at devnull keeps Python from failing again on its final flush.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except Exception:
            click.echo("goalkit: internal error, please report it with this trace:", err=True)
            click.echo(traceback.format_exc(), err=True)
            ctx.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="goalkit", prog_name="goalkit")
def main() -> None:
    """goalkit: lint goals kept as Markdown (SMART goals and OKRs) and publish their progress."""


class UsageError(click.UsageError):
    exit_code = 2


def run() -> None:
    """Entry point for `python -m goalkit`."""
    main(prog_name="goalkit", args=sys.argv[1:])
