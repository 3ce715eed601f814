"""`goalkit rules`: every rule with its code, name, severity and whether it runs here."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="rules")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file to read instead of the one found upward from here.",
)
def command(config_path: Path | None) -> None:
    """List every rule. SEVERITY and ENABLED follow the configuration in force here."""
    from goalkit.config import ConfigError, discover, load
    from goalkit.engine import enabled_rules, severity_for
    from goalkit.rules import catalogue

    rules = catalogue()
    for error in rules.errors:
        click.echo(f"goalkit: warning: {error}", err=True)
    try:
        config = load(config_path, rules.rules) if config_path else discover(None, rules.rules)
    except ConfigError as error:
        click.echo(f"goalkit: configuration error: {error}", err=True)
        click.get_current_context().exit(2)
    enabled = {rule.code for rule in enabled_rules(rules.rules, config)}
    rows = [("CODE", "NAME", "SEVERITY", "ENABLED")] + [
        (
            rule.code,
            rule.name,
            severity_for(rule, config).value,
            "yes" if rule.code in enabled else "no",
        )
        for rule in rules.rules
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
            + "  "
            + row[3]
        )
