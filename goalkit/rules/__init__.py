"""The rule catalogue: the built-in families, plus packs from the `goalkit.rules` entry point."""

from __future__ import annotations

from goalkit.rules.base import Rule


def builtin_rules() -> list[Rule]:
    """Every built-in rule, sorted by code."""
    from goalkit.rules import okr, smart, structure

    return sorted(
        [*structure.family.rules, *okr.family.rules, *smart.family.rules], key=lambda r: r.code
    )
