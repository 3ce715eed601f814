"""`goalkit rule CODE`: one rule explained — why, options, example and what to write instead."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click


@click.command(name="rule")
@click.argument("code")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Show option values from this configuration file.",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
def command(code: str, config_path: Path | None, color: bool | None) -> None:
    """Explain rule CODE (e.g. OKR105): what it finds, why it matters, and how to fix it."""
    import difflib

    from goalkit.config import ConfigError, discover, load
    from goalkit.docs_gen import format_value
    from goalkit.rules import catalogue

    ctx = click.get_current_context()
    rules = catalogue().by_code()
    rule = rules.get(code.upper())
    if rule is None:
        close = difflib.get_close_matches(code.upper(), list(rules), n=3)
        suggestion = f"; did you mean {', '.join(close)}?" if close else ""
        click.echo(f"goalkit: no rule {code!r}{suggestion} (see `goalkit rules`)", err=True)
        ctx.exit(2)
    try:
        config = load(config_path, list(rules.values())) if config_path else discover(None)
    except ConfigError as error:
        click.echo(f"goalkit: configuration error: {error}", err=True)
        ctx.exit(2)

    def heading(text: str) -> str:
        return click.style(text, bold=True)

    def indented(text: str) -> str:
        return textwrap.indent(text.strip("\n"), "    ")

    lines = [
        heading(f"{rule.code} {rule.name}") + f" ({rule.severity.value}, {rule.criterion})",
        "",
        textwrap.fill(rule.summary, 88),
        "",
        heading("Why"),
        _paragraphs(rule.why),
    ]
    if rule.options:
        lines += ["", heading("Options") + f"  [tool.goalkit.rules.{rule.code}]"]
        values = config.options_for(rule)
        for option in rule.options:
            value = format_value(values[option.name])
            default = format_value(option.default)
            note = "" if value == default else f"  (default {default})"
            lines.append(_wrapped(f"{option.name} = {value}{note}", "    ", "        "))
            lines.append(_wrapped(option.description, "        ", "        "))
    lines += [
        "",
        heading("Example"),
        indented(rule.example),
        "",
        heading("Use instead"),
        indented(rule.use_instead),
    ]
    if rule.origin != "goalkit":
        lines += ["", f"(from the rule pack {rule.origin!r})"]
    click.echo("\n".join(lines), color=color)


WIDTH = 88


def _wrapped(text: str, first: str, rest: str) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip


def _paragraphs(text: str) -> str:
    """Markdown prose refilled for the terminal, keeping its paragraph breaks."""
    paragraphs = [" ".join(block.split()) for block in text.strip().split("\n\n")]
    return "\n\n".join(_wrapped(paragraph, "    ", "    ") for paragraph in paragraphs if paragraph)
