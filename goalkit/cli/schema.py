"""`goalkit schema`: print the JSON Schema of the front-matter for editors and other tools."""

from __future__ import annotations

import click


@click.command(name="schema")
def command() -> None:
    """Print the JSON Schema (draft 2020-12) of a goal file's front-matter.

    Save it (`goalkit schema > goal.schema.json`) and point your editor's YAML support at it for
    completion and checks of every front-matter key (see docs/integrations.md). The output is
    the same on every run.
    """
    from goalkit.schema import schema_json

    click.echo(schema_json(), nl=False)
