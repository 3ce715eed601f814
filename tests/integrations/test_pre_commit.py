"""The real pre-commit runs goalkit's hooks from this repository on a small goal repository.

pre-commit clones the hook repository at a commit and pip-installs goalkit into its own
environment, exactly as a user's machine would. The hook repository is a committed snapshot of
this working tree (in CI, a fresh clone: the same files), so uncommitted work is tested too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GOAL_REPOSITORY = Path(__file__).resolve().parent / "fixtures" / "goal-repo"
TODAY = "2099-01-05"
"""Early in the fixtures' 2099-Q1, before progress is due (OKR109) or stale (OKR111)."""


@dataclass(frozen=True)
class HookRepository:
    path: Path
    rev: str


def clean_environment(pre_commit_home: Path) -> dict[str, str]:
    """No GIT_* leaking in from an outer git hook; pre-commit's cache in a temporary folder."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    environment |= {
        "PRE_COMMIT_HOME": str(pre_commit_home),
        "PRE_COMMIT_COLOR": "never",
        "GIT_AUTHOR_NAME": "goalkit tests",
        "GIT_AUTHOR_EMAIL": "tests@goalkit.invalid",
        "GIT_COMMITTER_NAME": "goalkit tests",
        "GIT_COMMITTER_EMAIL": "tests@goalkit.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return environment


def git(folder: Path, *arguments: str, environment: dict[str, str]) -> str:
    return subprocess.run(
        ["git", *arguments],
        cwd=folder,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return clean_environment(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repository(
    tmp_path_factory: pytest.TempPathFactory, environment: dict[str, str]
) -> HookRepository:
    """This working tree, committed: what git knows of plus new files it does not ignore."""
    snapshot = tmp_path_factory.mktemp("goalkit-hooks")
    listed = git(
        ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard",
        environment=environment,
    )  # fmt: skip
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q", environment=environment)
    git(snapshot, "add", "-A", environment=environment)
    git(snapshot, "commit", "-q", "--no-verify", "-m", "snapshot", environment=environment)
    rev = git(snapshot, "rev-parse", "HEAD", environment=environment).strip()
    return HookRepository(snapshot, rev)


@pytest.fixture()
def goal_repository(tmp_path: Path, environment: dict[str, str]) -> Iterator[Path]:
    repository = tmp_path / "team-goals"
    shutil.copytree(GOAL_REPOSITORY, repository)
    git(repository, "init", "-q", environment=environment)
    git(repository, "add", "-A", environment=environment)
    git(repository, "commit", "-q", "--no-verify", "-m", "goals", environment=environment)
    yield repository


def pre_commit(
    repository: Path, environment: dict[str, str], *arguments: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["pre-commit", *arguments],
        cwd=repository,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def try_lint_hook(
    repository: Path, hook_repository: HookRepository, environment: dict[str, str], *files: str
) -> subprocess.CompletedProcess[str]:
    # try-repo passes no hook arguments, so today is the system date: the fixtures' cycles
    # (2099) keep every finding independent of it.
    return pre_commit(
        repository, environment,
        "try-repo", str(hook_repository.path), "goalkit-lint", "--ref", hook_repository.rev,
        "--files", *files,
    )  # fmt: skip


def hook_lines(output: str) -> list[str]:
    """The goalkit lines of pre-commit's output, without its banner and hint lines."""
    return [
        line
        for line in output.splitlines()
        if line.startswith("goals/") or line.startswith("Found ") or line == "All checks passed!"
    ]


def test_manifest_follows_pre_commit_conventions() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    lint, report = hooks["goalkit-lint"], hooks["goalkit-report"]
    assert (lint["entry"], lint["language"], lint["types"]) == (
        "goalkit lint",
        "python",
        ["markdown"],
    )
    assert lint["pass_filenames"] is True and lint["require_serial"] is True
    assert (report["entry"], report["pass_filenames"], report["always_run"]) == (
        "goalkit report", False, False,
    )  # fmt: skip
    assert report["types"] == ["markdown"]


def test_lint_hook_passes_on_a_good_goal_file(
    goal_repository: Path, hook_repository: HookRepository, environment: dict[str, str]
) -> None:
    run = try_lint_hook(goal_repository, hook_repository, environment, "goals/team.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "goalkit lint" in run.stdout and "Passed" in run.stdout
    assert hook_lines(run.stdout) == []


def test_lint_hook_fails_on_a_weak_goal_file_with_its_diagnostics(
    goal_repository: Path, hook_repository: HookRepository, environment: dict[str, str]
) -> None:
    run = try_lint_hook(
        goal_repository, hook_repository, environment, "goals/team.md", "goals/weak.md"
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout and "- exit code: 1" in run.stdout
    assert hook_lines(run.stdout) == [
        "goals/weak.md:10:4: OKR101 Growth Team has 2 objectives in 2099-Q2 in goals/weak.md; "
        "aim for 3–5",
        'goals/weak.md:12:3: OKR103 Key result "Write blog posts" has no number, target or '
        "checkbox",
        'goals/weak.md:12:3: OKR105 Key result "Write blog posts" describes an activity '
        '("write"), not an outcome',
        'goals/weak.md:15:8: OKR104 Objective "Get 50 new clients" contains a metric ("50"); '
        "objectives should be qualitative",
        'goals/weak.md:17:3: OKR103 Key result "Launch the new website ASAP" has no number, '
        "target or checkbox",
        'goals/weak.md:17:3: OKR105 Key result "Launch the new website ASAP" describes an '
        'activity ("launch"), not an outcome',
        'goals/weak.md:17:26: SMART208 "ASAP" is not a deadline; 2099-Q2 already bounds it',
        "Found 7 problems (7 warnings).",
    ]


def test_lint_hook_reads_the_whole_goal_set_but_reports_on_the_changed_file(
    goal_repository: Path, hook_repository: HookRepository, environment: dict[str, str]
) -> None:
    # Alone, a-newsletter.md has a sound three objectives; with b-practice.md, which pre-commit
    # does not pass, Maya has six in the same cycle.
    run = try_lint_hook(goal_repository, hook_repository, environment, "goals/maya/a-newsletter.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert hook_lines(run.stdout) == [
        "goals/maya/a-newsletter.md:10:8: OKR101 Maya Lindqvist has 6 objectives in 2099-Q1 "
        "across goals/maya/a-newsletter.md, goals/maya/b-practice.md; aim for 3–5",
        "Found 1 problem (1 warning).",
    ]


def test_configured_hooks_run_on_goal_files_only_with_their_arguments(
    goal_repository: Path, hook_repository: HookRepository, environment: dict[str, str]
) -> None:
    """`pre-commit run --all-files` with a config like the one in docs/integrations.md: a file
    whose front-matter is broken is one diagnostic among the others, never a traceback."""
    config = {
        "repos": [
            {
                "repo": str(hook_repository.path),
                "rev": hook_repository.rev,
                "hooks": [
                    {
                        "id": "goalkit-lint",
                        "files": "^goals/",
                        "args": ["--today", TODAY, "--format", "github"],
                    }
                ],
            }
        ]
    }
    (goal_repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    git(goal_repository, "add", ".pre-commit-config.yaml", environment=environment)
    run = pre_commit(goal_repository, environment, "run", "goalkit-lint", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    where = [re.match(r"::(\w+ file=[^,]+,line=\d+,col=\d+)", line)[1] for line in annotations]
    titles = [line.split(",title=")[1].split("::")[0] for line in annotations]
    assert where == [
        "error file=goals/broken.md,line=4,col=6",
        "warning file=goals/maya/a-newsletter.md,line=10,col=8",
        "warning file=goals/weak.md,line=10,col=4",
        "warning file=goals/weak.md,line=12,col=3",
        "warning file=goals/weak.md,line=12,col=3",
        "warning file=goals/weak.md,line=15,col=8",
        "warning file=goals/weak.md,line=17,col=3",
        "warning file=goals/weak.md,line=17,col=3",
        "warning file=goals/weak.md,line=17,col=26",
    ]
    assert titles == [
        "GK001 invalid-front-matter",
        "OKR101 objective-count",
        "OKR101 objective-count",
        "OKR103 unmeasurable-key-result",
        "OKR105 activity-key-result",
        "OKR104 objective-has-metric",
        "OKR103 unmeasurable-key-result",
        "OKR105 activity-key-result",
        "SMART208 vague-deadline",
    ]
    assert "README.md" not in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_report_hook_builds_the_whole_site_when_goal_files_change(
    goal_repository: Path, hook_repository: HookRepository, environment: dict[str, str]
) -> None:
    config = {
        "repos": [
            {
                "repo": str(hook_repository.path),
                "rev": hook_repository.rev,
                "hooks": [
                    {
                        "id": "goalkit-report",
                        "args": ["--output", "site", "--today", TODAY, "goals"],
                    }
                ],
            }
        ]
    }
    (goal_repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    (goal_repository / ".gitignore").write_text("/site/\n")
    git(goal_repository, "add", ".pre-commit-config.yaml", ".gitignore", environment=environment)

    untouched = pre_commit(goal_repository, environment, "run", "--files", "goalkit.toml")
    assert untouched.returncode == 0, untouched.stdout + untouched.stderr
    assert "(no files to check)Skipped" in untouched.stdout
    assert not (goal_repository / "site").exists()

    # One changed goal file, yet the site holds every goal: no file names reach the hook.
    run = pre_commit(goal_repository, environment, "run", "--files", "goals/weak.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "goalkit report" in run.stdout and "Passed" in run.stdout
    site = goal_repository / "site"
    assert (site / "index.html").is_file()
    data = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert (data["generator"], data["today"]) == ("goalkit", TODAY)
    assert [goal["path"] for goal in data["goals"]] == [
        "goals/broken.md",
        "goals/maya/a-newsletter.md",
        "goals/maya/b-practice.md",
        "goals/team.md",
        "goals/weak.md",
    ]

    rebuilt = pre_commit(goal_repository, environment, "run", "--files", "goals/team.md")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
