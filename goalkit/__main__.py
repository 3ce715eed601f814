"""`python -m goalkit`, the same as the `goalkit` command."""

from goalkit.cli import run

run()
