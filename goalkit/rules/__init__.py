"""The rule catalogue: the built-in families, plus packs from the `goalkit.rules` entry point.

A rule pack is any installed distribution that declares, in its metadata,

    [project.entry-points."goalkit.rules"]
    mypack = "mypack.rules:family"

where the object is a `RuleFamily`, a `Rule`, an iterable of rules, or a module with a `family`.
A pack that fails to load, or that reuses a code already taken, is reported and left out; it
never stops the built-in rules from running.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any

from goalkit.rules.base import Rule, RuleFamily

ENTRY_POINT_GROUP = "goalkit.rules"


@dataclass(frozen=True)
class Catalogue:
    """Every rule known to this run, sorted by code, and the packs that could not be loaded."""

    rules: tuple[Rule, ...]
    errors: tuple[str, ...] = ()

    def by_code(self) -> dict[str, Rule]:
        return {rule.code: rule for rule in self.rules}


def builtin_rules() -> list[Rule]:
    """Every built-in rule, sorted by code."""
    from goalkit.rules import history, okr, smart, structure

    return sorted(
        [*structure.family.rules, *okr.family.rules, *smart.family.rules, *history.family.rules],
        key=lambda r: r.code,
    )


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """Built-in rules plus every installed rule pack, read once per process."""
    rules = {rule.code: rule for rule in builtin_rules()}
    errors: list[str] = []
    for name, loaded in _entry_point_objects(errors):
        try:
            pack_rules = list(_rules_of(loaded))
        except TypeError as error:
            errors.append(f"rule pack {name!r}: {error}")
            continue
        for rule in pack_rules:
            if rule.code in rules:
                errors.append(
                    f"rule pack {name!r}: code {rule.code} is already taken "
                    f"by {rules[rule.code].origin}; rule left out"
                )
                continue
            rules[rule.code] = dataclasses.replace(rule, origin=name)
    return Catalogue(tuple(sorted(rules.values(), key=lambda r: r.code)), tuple(errors))


def _entry_point_objects(errors: list[str]) -> Iterable[tuple[str, Any]]:
    from importlib.metadata import entry_points

    seen: set[str] = set()
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if entry_point.name in seen:
            continue  # the same distribution found twice on sys.path
        seen.add(entry_point.name)
        try:
            yield entry_point.name, entry_point.load()
        except Exception as error:  # a broken third-party pack must not stop goalkit
            errors.append(f"rule pack {entry_point.name!r} failed to load: {error!r}")


def _rules_of(loaded: Any) -> Iterable[Rule]:
    if isinstance(loaded, ModuleType):
        loaded = getattr(loaded, "family", None)
    if isinstance(loaded, Rule):
        return [loaded]
    if isinstance(loaded, RuleFamily):
        return loaded.rules
    if isinstance(loaded, Iterable) and not isinstance(loaded, (str, bytes)):
        items = list(loaded)
        if all(isinstance(item, Rule) for item in items):
            return items
    raise TypeError("expected a RuleFamily, a Rule, a list of rules or a module with `family`")
