"""`goalkit init`: write a starter goalkit.toml and print the pre-commit hook to add."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="init")
@click.argument(
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    required=False,
)
@click.option(
    "--preset",
    type=click.Choice(["doerr", "wodtke"]),
    default="doerr",
    show_default=True,
    help="Objective and key-result counts to expect.",
)
def command(folder: Path, preset: str) -> None:
    """Write FOLDER/goalkit.toml (FOLDER: where your goal files live, default: here).

    An existing configuration in FOLDER is never touched: goalkit stops with exit status 1.
    Then it prints the entry to add to .pre-commit-config.yaml.
    """
    from goalkit.scaffold import pre_commit_snippet, starter_config, write_new_file
    from goalkit.workspace import CONFIG_NAMES, find_config, find_git_top

    existing = find_config(folder) if folder.is_dir() else None
    if existing is not None and existing.parent == folder.resolve():
        click.echo(
            f"goalkit: {_shown(existing)} already configures goalkit; not touching it", err=True
        )
        raise SystemExit(1)
    target = folder / CONFIG_NAMES[0]
    try:
        write_new_file(target, starter_config(preset))
    except FileExistsError:
        click.echo(f"goalkit: {target.as_posix()} already exists; not overwriting it", err=True)
        raise SystemExit(1) from None
    except OSError as error:
        click.echo(f"goalkit: cannot write {target.as_posix()}: {error.strerror}", err=True)
        raise SystemExit(1) from None
    git_top = find_git_top(folder)
    goals_folder = None
    if git_top is not None and git_top != folder.resolve():
        goals_folder = folder.resolve().relative_to(git_top).as_posix()
    repository, version = _distribution()
    click.echo(f"Created {target.as_posix()}.")
    click.echo("")
    click.echo("To lint goal files on every commit, add this to .pre-commit-config.yaml:")
    click.echo("")
    click.echo(pre_commit_snippet(goals_folder, repository, version), nl=False)


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _distribution() -> tuple[str | None, str]:
    """goalkit's source repository, when its metadata names one, and its version."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        info = metadata("goalkit")
    except PackageNotFoundError:
        return None, "0"
    for entry in info.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"source", "repository", "source code"}:
            return url.strip(), info["Version"]
    return None, info["Version"]
