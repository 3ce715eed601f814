"""The `[tool.goalkit]` configuration: found, read with tomllib, and validated strictly.

Every mistake is a `ConfigError` naming the file and the key, because a linter that silently
ignores a misspelt option is a linter nobody can trust. Glob patterns (`include`, `exclude`,
`per-file-ignores`) are relative to the folder of the configuration file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from goalkit.diagnostics import Severity
from goalkit.parse.source import DEFAULT_MAX_BYTES
from goalkit.rules.base import Rule
from goalkit.workspace import SKIPPED_FOLDERS, GoalFile, collect_files, find_config, goals_root

PRESETS: dict[str, dict[str, dict[str, int]]] = {
    "doerr": {"OKR101": {"min": 3, "max": 5}, "OKR102": {"max": 5}},
    "wodtke": {"OKR101": {"min": 1, "max": 1}, "OKR102": {"min": 3, "max": 3}},
}
"""Named thresholds. `doerr`: John Doerr, *Measure What Matters* (2018) — three to five objectives,
no more than five key results each. `wodtke`: Christina Wodtke, *Radical Focus* (2016, 2nd ed.
2021) — one objective a quarter with three key results."""

PRESET_SOURCES = {
    "doerr": 'John Doerr, "Measure What Matters" (Portfolio, 2018)',
    "wodtke": 'Christina Wodtke, "Radical Focus" (Cucina Media, 2016; 2nd ed. 2021)',
}
DEFAULT_PRESET = "doerr"
SEVERITY_NAMES = tuple(severity.value for severity in Severity)
SELECTOR = re.compile(r"(?:ALL|[A-Z]+[0-9]*)\Z")
TOP_LEVEL_KEYS = (
    "select", "ignore", "extend-select", "per-file-ignores", "severity", "preset", "rules",
    "include", "exclude", "fail-on", "max-file-size", "require-suppression-reason",
)  # fmt: skip


class ConfigError(Exception):
    """A configuration the user must fix; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """Validated settings. `root` is the folder globs are relative to."""

    root: Path
    path: Path | None = None
    select: tuple[str, ...] | None = None
    """None: every rule enabled by default."""
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    preset: str = DEFAULT_PRESET
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    max_file_size: int = DEFAULT_MAX_BYTES
    require_suppression_reason: bool = False

    def options_for(self, rule: Rule) -> dict[str, Any]:
        """Rule defaults, overridden by the preset, overridden by the user's own numbers."""
        options = rule.defaults
        for name, value in PRESETS[self.preset].get(rule.code, {}).items():
            if name in options:
                options[name] = value
        options.update(self.rule_options.get(rule.code, {}))
        return options

    def relative(self, path: Path) -> str | None:
        """`path` relative to the config folder, `/`-separated, or None when outside it."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None


def default_config(root: Path | None = None) -> Config:
    return Config(root=(root or Path.cwd()).resolve())


def discover(start: Path | None = None, rules: Sequence[Rule] | None = None) -> Config:
    """The configuration found at or above `start` (default: the current folder), or defaults."""
    folder = start or Path.cwd()
    path = find_config(folder)
    if path is None:
        return default_config(folder if folder.is_dir() else folder.parent)
    return load(path, rules)


def load(path: Path, rules: Sequence[Rule] | None = None) -> Config:
    """Read and validate one configuration file (`pyproject.toml` reads `[tool.goalkit]`)."""
    if rules is None:
        from goalkit.rules import catalogue

        rules = catalogue().rules
    try:
        text = path.read_text(encoding="utf-8-sig")  # Windows editors may add a BOM
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    try:
        data = _toml().loads(text)
    except Exception as error:  # tomllib.TOMLDecodeError, named differently by tomli
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("goalkit")
        if table is None:
            raise ConfigError(f"{path}: has no [tool.goalkit] table")
        prefix = "tool.goalkit."
    else:
        table, prefix = data, ""
    return Validator(path, prefix, {rule.code: rule for rule in rules}).config(table)


@dataclass
class Validator:
    """Turns a raw TOML table into a Config, failing on the first wrong key with its name."""

    path: Path | None
    """None for the command line's options."""
    prefix: str
    rules: dict[str, Rule]

    def fail(self, key: str, message: str) -> ConfigError:
        where = f"{self.path}: " if self.path is not None else ""
        return ConfigError(f"{where}`{self.prefix}{key}`: {message}")

    def config(self, table: Mapping[str, Any]) -> Config:
        assert self.path is not None
        if not isinstance(table, Mapping):
            raise ConfigError(f"{self.path}: the goalkit table must be a table")
        for key in table:
            if key not in TOP_LEVEL_KEYS:
                raise self.fail(key, f"unknown key{_did_you_mean(key, TOP_LEVEL_KEYS)}")
        select = table.get("select")
        severity = self.severities(table.get("severity", {}))
        preset = table.get("preset", DEFAULT_PRESET)
        if preset not in PRESETS:
            raise self.fail("preset", f"is {preset!r}; expected one of {', '.join(PRESETS)}")
        fail_on = table.get("fail-on", "warning")
        if fail_on not in SEVERITY_NAMES:
            raise self.fail("fail-on", f"is {fail_on!r}; expected error, warning or info")
        max_size = table.get("max-file-size", DEFAULT_MAX_BYTES)
        if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
            raise self.fail("max-file-size", "must be a positive number of bytes")
        require_reason = table.get("require-suppression-reason", False)
        if not isinstance(require_reason, bool):
            raise self.fail("require-suppression-reason", "must be true or false")
        return Config(
            root=self.path.parent.resolve(),
            path=self.path,
            select=None if select is None else self.selectors("select", select),
            ignore=self.selectors("ignore", table.get("ignore", [])),
            extend_select=self.selectors("extend-select", table.get("extend-select", [])),
            per_file_ignores=self.per_file_ignores(table.get("per-file-ignores", {})),
            severity=severity,
            preset=preset,
            rule_options=self.rule_options(table.get("rules", {})),
            include=self.globs("include", table.get("include", [])),
            exclude=self.globs("exclude", table.get("exclude", [])),
            fail_on=Severity(fail_on),
            max_file_size=max_size,
            require_suppression_reason=require_reason,
        )

    def selectors(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, 'must be a list of rule codes or prefixes, e.g. ["OKR"]')
        for selector in value:
            self.check_selector(key, selector)
        return tuple(value)

    def check_selector(self, key: str, selector: str) -> None:
        if not SELECTOR.match(selector):
            raise self.fail(key, f"{selector!r} is not a rule code or prefix (e.g. OKR105, OKR)")
        if selector != "ALL" and not any(code.startswith(selector) for code in self.rules):
            raise self.fail(
                key, f"{selector!r} matches no rule{_did_you_mean(selector, self.rules)}"
            )

    def severities(self, value: Any) -> dict[str, Severity]:
        if not isinstance(value, Mapping):
            raise self.fail("severity", 'must be a table of rule code = "error|warning|info"')
        result = {}
        for selector, level in value.items():
            self.check_selector(f"severity.{selector}", selector)
            if level not in SEVERITY_NAMES:
                raise self.fail(
                    f"severity.{selector}", f"is {level!r}; expected error, warning or info"
                )
            result[selector] = Severity(level)
        return result

    def per_file_ignores(self, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not isinstance(value, Mapping):
            raise self.fail("per-file-ignores", 'must be a table of "glob" = [codes]')
        return tuple(
            (pattern, self.selectors(f"per-file-ignores.{pattern!r}", codes))
            for pattern, codes in value.items()
        )

    def globs(self, key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(key, "must be a list of glob patterns")
        return tuple(value)

    def rule_options(self, value: Any) -> dict[str, dict[str, Any]]:
        if not isinstance(value, Mapping):
            raise self.fail("rules", "must be a table of [rules.CODE] tables")
        result: dict[str, dict[str, Any]] = {}
        for code, options in value.items():
            rule = self.rules.get(code)
            if rule is None:
                raise self.fail(f"rules.{code}", f"unknown rule{_did_you_mean(code, self.rules)}")
            if not isinstance(options, Mapping):
                raise self.fail(f"rules.{code}", "must be a table of option = value")
            result[code] = {
                name: self.option_value(rule, f"rules.{code}.{name}", name, option_value)
                for name, option_value in options.items()
            }
        return result

    def option_value(self, rule: Rule, key: str, name: str, value: Any) -> Any:
        option = rule.option(name)
        if option is None:
            known = [option.name for option in rule.options]
            listing = f"; its options are {', '.join(known)}" if known else "; it has no options"
            raise self.fail(key, f"{rule.code} has no option {name!r}{listing}")
        problem = type_problem(option.default, value)
        if problem:
            raise self.fail(key, problem)
        if isinstance(option.default, (tuple, frozenset)):
            return type(option.default)(value)
        return float(value) if isinstance(option.default, float) else value


def type_problem(default: Any, value: Any) -> str | None:
    """Why `value` cannot replace `default` (the option's type is its default's), else None."""
    if default is None:
        return None
    if isinstance(default, bool):
        return None if isinstance(value, bool) else f"must be true or false, not {value!r}"
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number, not {value!r}"
        if isinstance(default, int) and not isinstance(value, int):
            return f"must be a whole number, not {value!r}"
        return None
    if isinstance(default, str):
        return None if isinstance(value, str) else f"must be text, not {value!r}"
    if isinstance(default, (list, tuple, frozenset, set)):
        if not isinstance(value, list):
            return f"must be a list, not {value!r}"
        kinds = {type(item) for item in default} or {str}  # an empty list is a list of words
        if not all(type(item) in kinds for item in value):
            wanted = " or ".join(sorted(kind.__name__ for kind in kinds))
            return f"every item must be of type {wanted}"
        return None
    if isinstance(default, dict):
        return None if isinstance(value, Mapping) else f"must be a table, not {value!r}"
    return None


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    import tomli

    return tomli


# -- file selection ------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def glob_pattern(glob: str) -> re.Pattern[str]:
    """A `/`-aware glob: `*` and `?` stay within a folder, `**` crosses folders.

    A pattern without `/` matches at any depth (`*.draft.md`), as in `.gitignore`; a pattern
    naming a folder matches everything under it.
    """
    pattern = glob.strip().removeprefix("./").rstrip("/")
    anchored = "/" in pattern
    parts = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            parts.append(".*")
            index += 2
        elif pattern[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(pattern[index]))
            index += 1
    body = "".join(parts)
    return re.compile(("" if anchored else "(?:.*/)?") + body + "(?:/.*)?\\Z")


def matches(glob: str, relative_path: str) -> bool:
    return glob_pattern(glob).match(relative_path) is not None


def in_goal_set(config: Config, path: Path) -> bool:
    """Whether the configuration's `include` and `exclude` admit `path` (outside the root: yes)."""
    relative = config.relative(path)
    if relative is None:
        return True
    if config.include and not any(matches(glob, relative) for glob in config.include):
        return False
    return not any(matches(glob, relative) for glob in config.exclude)


def is_excluded(config: Config, path: Path) -> bool:
    relative = config.relative(path)
    return relative is not None and any(matches(glob, relative) for glob in config.exclude)


def included_files(config: Config) -> list[Path]:
    """The goal files the configuration's `include` names (default: every `*.md` in the root)."""
    found = []
    for folder, subfolders, files in os.walk(config.root):
        subfolders[:] = sorted(
            name for name in subfolders if name not in SKIPPED_FOLDERS and not name.startswith(".")
        )
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = Path(folder) / name
            relative = path.relative_to(config.root).as_posix()
            if config.include and not any(matches(glob, relative) for glob in config.include):
                continue
            if not any(matches(glob, relative) for glob in config.exclude):
                found.append(path)
    return found


def with_overrides(
    config: Config,
    rules: Sequence[Rule],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    fail_on: str | None = None,
) -> Config:
    """The configuration with the command line's choices on top: `--select` replaces,
    `--ignore` and `--extend-select` add to what the file says."""
    validator = Validator(None, "--", {rule.code: rule for rule in rules})
    for key, selectors in (("select", select or ()), ("ignore", ignore),
                           ("extend-select", extend_select)):  # fmt: skip
        for selector in selectors:
            validator.check_selector(key, selector)
    changes: dict[str, Any] = {
        "ignore": (*config.ignore, *ignore),
        "extend_select": (*config.extend_select, *extend_select),
    }
    if select is not None:
        changes["select"] = tuple(select)
    if fail_on is not None:
        changes["fail_on"] = Severity(fail_on)
    return dataclasses.replace(config, **changes)


@dataclass(frozen=True)
class FileSelection:
    """The goal files a run reads: those it reports on, and the rest of the goal set."""

    reported: tuple[GoalFile, ...]
    context: tuple[GoalFile, ...] = ()
    """Read only so cross-file rules see the whole set; never reported on."""
    report_all: bool = True
    """False when files were named: report on `reported` only."""


def select_files(config: Config, paths: Sequence[Path]) -> FileSelection:
    """What to read for `paths` (default: the configured `include`, else the current folder).

    Named files and files found in named folders alike must belong to the goal set: inside the
    goals root, matched by `include` (when set) and not by `exclude`. So pre-commit, which names
    every changed Markdown file, never gets a README linted as a goal (ruff's `force-exclude`).
    Files outside the goals root are read as named. Paths under the current folder are shown
    relative to it.
    """
    if not paths:
        roots = included_files(config) if config.path is not None else [Path(".")]
        found = [f for f in collect_files(roots) if not is_excluded(config, f.path)]
        return FileSelection(tuple(_shown(f) for f in found))
    reported = [found for found in collect_files(list(paths)) if in_goal_set(config, found.path)]
    has_config = config.path is not None
    context_roots = included_files(config) if has_config else [goals_root(paths[0])]
    taken = {_absolute(found.path) for found in reported}
    context = [
        found
        for found in collect_files(context_roots)
        if _absolute(found.path) not in taken and not is_excluded(config, found.path)
    ]
    return FileSelection(
        tuple(_shown(f) for f in reported), tuple(_shown(f) for f in context), report_all=False
    )


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _shown(goal_file: GoalFile) -> GoalFile:
    path = goal_file.path
    if path.is_absolute():
        with contextlib.suppress(ValueError):  # another drive, on Windows
            path = Path(os.path.relpath(path))
    return GoalFile(path, goal_file.id)
