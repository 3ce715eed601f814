"""Starter goal files for `goalkit new`: the structure filled in, the words left to the user.

A new file carries everything goalkit can know (type, owner, cycle, alignment, the shape of a
good OKR set or SMART goal); what only its author can say is marked `TODO`, and that is all
the linter flags (with a missing owner, if none was given).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from goalkit.model import Cycle, GoalType
from goalkit.parse.fields import REFERENCE, cycle_from_label

KEY_RESULTS_WANTED = 3
"""Key results per objective in a new OKR file, within what the configuration allows."""


@dataclass(frozen=True)
class GoalRequest:
    """What the user asked `goalkit new` for."""

    kind: GoalType
    owner: str | None
    cycle: Cycle
    supports: tuple[str, ...] = ()
    objectives: int = 3
    key_results: int = KEY_RESULTS_WANTED
    """How many of each a new OKR file lists: what the configured counts ask for."""


class ScaffoldError(ValueError):
    """A request goalkit cannot turn into a file; the message is meant for the user."""


def template_size(
    objective_count: Mapping[str, Any], key_result_count: Mapping[str, Any]
) -> tuple[int, int]:
    """Objectives and key results per objective for a new OKR file, from the options of
    OKR101 and OKR102 (`min`, `max`), so the skeleton fits the preset (Doerr 3×3, Wodtke 1×3)."""
    objectives = max(1, int(objective_count.get("min", 3)))
    low = int(key_result_count.get("min", 2))
    high = int(key_result_count.get("max", 5))
    return objectives, max(1, min(max(KEY_RESULTS_WANTED, low), high))


def quarter_of(day: dt.date) -> Cycle:
    cycle = cycle_from_label(f"{day.year}-Q{(day.month - 1) // 3 + 1}")
    assert cycle is not None
    return cycle


def build_request(
    kind: str,
    *,
    owner: str | None,
    cycle: str | None,
    supports: tuple[str, ...],
    today: dt.date,
    size: tuple[int, int] = (3, KEY_RESULTS_WANTED),
) -> GoalRequest:
    """Check the user's values the way the parser would, so the new file never starts broken."""
    parsed_cycle = quarter_of(today) if cycle is None else cycle_from_label(cycle)
    if parsed_cycle is None:
        raise ScaffoldError(
            f"--cycle {cycle!r} is not a cycle; use a quarter (2026-Q3), a half (2026-H2), "
            "a year (2026) or a month (2026-07)"
        )
    for reference in supports:
        if REFERENCE.fullmatch(reference.strip()) is None:
            raise ScaffoldError(
                f"--supports {reference!r} is not a reference; write a goal id, `ID#O2` "
                "or `ID#O2.KR3`"
            )
    owner = owner.strip() if owner else None
    return GoalRequest(
        GoalType(kind),
        owner or None,
        parsed_cycle,
        tuple(reference.strip() for reference in supports),
        *size,
    )


def render(request: GoalRequest) -> str:
    """The new file's text."""
    front_matter = _front_matter(request)
    if request.kind is GoalType.OKR:
        return front_matter + _okr_body(request)
    return front_matter + _smart_body(request)


def write_new_file(path: Path, text: str) -> None:
    """Create `path` (and its folders) with `text`; FileExistsError if anything is there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def _front_matter(request: GoalRequest) -> str:
    lines = ["---"]
    if request.kind is GoalType.OKR:
        lines.append(f"title: {_scalar(_okr_title(request))}")
    lines.append(f"type: {request.kind.value}")
    if request.owner:
        lines.append(f"owner: {_scalar(request.owner)}")
    else:
        lines.append("owner:  # TODO: who owns these goals")
    lines.append(f"cycle: {request.cycle.label}")
    if len(request.supports) == 1:
        lines.append(f"supports: {_scalar(request.supports[0])}")
    elif request.supports:
        lines.append("supports:")
        lines += [f"  - {_scalar(reference)}" for reference in request.supports]
    lines.append("status: active")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _okr_body(request: GoalRequest) -> str:
    parts = [f"# {_okr_title(request)}", ""]
    for objective in range(1, request.objectives + 1):
        parts += [f"## O{objective}: TODO a short, inspiring, qualitative objective", ""]
        parts += [
            f"- KR{key_result}: TODO an outcome to measure, from its baseline to a target"
            for key_result in range(1, request.key_results + 1)
        ]
        parts.append("")
    parts += [
        "## Why",
        "",
        "TODO Why these objectives matter this cycle.",
        "",
        "## Check-ins",
        "",
    ]
    return "\n".join(parts)


def _okr_title(request: GoalRequest) -> str:
    if request.owner:
        return f"OKRs of {request.owner}, {request.cycle.label}"
    return f"OKRs for {request.cycle.label}"


def _smart_body(request: GoalRequest) -> str:
    parts = [
        "# TODO a specific goal: what changes, by how much, by which date",
        "",
        "## Why",
        "",
        "TODO Why this goal matters, and which key result it moves.",
        "",
        "## Milestones",
        "",
        "TODO The steps on the way, as a task list with dates (`- [ ] Draft the talk by …`).",
        "",
    ]
    return "\n".join(parts)


def _scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when YAML reads it back unchanged, else double-quoted."""
    try:
        plain_reads_back = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain_reads_back = False
    return value if plain_reads_back else json.dumps(value, ensure_ascii=False)


STARTER_CONFIG = """\
# goalkit configuration. This file's folder is the goals root: document ids are file paths
# relative to it (`team/growth` for team/growth.md), and `goalkit lint` with no paths reads
# every goal file below it. All keys: docs/configuration.md.

# Objective and key-result counts: "doerr" (3-5 objectives, at most 5 key results each, from
# "Measure What Matters") or "wodtke" (1 objective with 3 key results, from "Radical Focus").
preset = "{preset}"

# The lowest severity that makes `goalkit lint` exit 1: "error", "warning" or "info".
fail-on = "warning"

# Which Markdown files are goal files (globs relative to this folder; default: all of them).
# include = ["goals/**/*.md"]
# exclude = ["**/drafts/**"]

# Rules to leave out, by code or prefix.
# ignore = ["OKR110"]

# Rule options override the preset.
# [rules.OKR101]
# max = 4
"""

PRESETS = ("doerr", "wodtke")


def starter_config(preset: str = "doerr") -> str:
    """The `goalkit.toml` that `goalkit init` writes: the choices that matter, the rest as hints."""
    if preset not in PRESETS:
        raise ScaffoldError(f"--preset {preset!r}: expected one of {', '.join(PRESETS)}")
    return STARTER_CONFIG.format(preset=preset)


def pre_commit_snippet(goals_folder: str | None, repository: str | None, version: str) -> str:
    """The `.pre-commit-config.yaml` entry for goalkit's lint hook.

    With the URL of goalkit's repository it is the usual remote hook pinned to this version;
    without one, a local hook that runs the goalkit installed beside git. `goals_folder`, relative
    to the top of the git work tree, keeps the hook off unrelated Markdown such as README.md.
    """
    files = f"        files: ^{re.escape(goals_folder)}/\n" if goals_folder else ""
    if repository:
        return (
            "repos:\n"
            f"  - repo: {repository}\n"
            f"    rev: v{version}\n"
            "    hooks:\n"
            "      - id: goalkit-lint\n"
            f"{files}"
        )
    return (
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: goalkit-lint\n"
        "        name: goalkit lint\n"
        "        entry: goalkit lint\n"
        "        language: system\n"
        "        types: [markdown]\n"
        "        require_serial: true\n"
        f"{files}"
    )
