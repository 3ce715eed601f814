"""Real git repositories built in temporary folders, with dated commits."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CHECK_IN = "- 2026-11-01: Newsletter push. KR1: 1580 {confidence: 6}"


class Journal:
    """A git work tree in which a test writes goal files and commits them on given dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *arguments: str, date: str = "2026-01-01") -> str:
        stamp = f"{date}T12:00:00+00:00"
        environment = {
            **os.environ,
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        command = ["git", "-c", "user.name=Maya", "-c", "user.email=maya@example.com"]
        completed = subprocess.run(
            [*command, *arguments],
            cwd=self.root,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return completed.stdout.strip()

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> Path:
        text = self.read(name)
        assert old in text, f"{old!r} not in {name}"
        return self.write(name, text.replace(old, new))

    def commit(self, message: str, date: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)
        return self.short("HEAD")

    def short(self, revision: str) -> str:
        return self.git("rev-parse", "--short=7", revision)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "goals")


@pytest.fixture
def newsletter() -> str:
    """A small OKR file whose values the tests update commit after commit."""
    return (FIXTURES / "newsletter.md").read_text(encoding="utf-8")


@pytest.fixture
def story(journal: Journal, newsletter: str) -> dict[str, str]:
    """A quarter told in commits: a rename, a merged branch, a deletion and a restore.

    Returns the short hash of each commit by name; the file ends as `okrs/2026-Q4.md`.
    """
    shas = {}
    journal.write("okrs/current.md", newsletter)
    shas["plan"] = journal.commit("Plan Q4", "2026-09-28")
    journal.edit("okrs/current.md", "current: 1200", "current: 1300")
    journal.edit("okrs/current.md", "{current: 0}", "{current: 1}")
    shas["week1"] = journal.commit("Week 1", "2026-10-05")
    journal.git("mv", "okrs/current.md", "okrs/2026-Q4.md")
    journal.edit("okrs/2026-Q4.md", "current: 1300", "current: 1350")
    shas["rename"] = journal.commit("Name the file after its cycle", "2026-10-12")
    journal.git("checkout", "-q", "-b", "newsletter")
    journal.edit("okrs/2026-Q4.md", "current: 1350", "current: 1500")
    shas["branch"] = journal.commit("Newsletter launch week", "2026-10-20")
    journal.git("checkout", "-q", "main")
    journal.edit("okrs/2026-Q4.md", "- [ ] KR3", "- [x] KR3")
    shas["referral"] = journal.commit("Referral programme live", "2026-10-22")
    journal.git("merge", "-q", "--no-ff", "-m", "Merge newsletter", "newsletter", date="2026-10-25")
    shas["merge"] = journal.short("HEAD")
    merged = journal.read("okrs/2026-Q4.md")
    journal.git("rm", "-q", "okrs/2026-Q4.md")
    shas["delete"] = journal.commit("Archive (too early)", "2026-10-30")
    restored = (
        merged.replace("current: 1500", "current: 1600")
        .replace("to 2,000", "to 1,800")
        .replace("{current: 1}", "{current: 2}")
        .replace("## Check-ins\n", f"## Check-ins\n\n{CHECK_IN}\n")
    )
    journal.write("okrs/2026-Q4.md", restored)
    shas["restore"] = journal.commit("Restore the Q4 OKRs", "2026-11-02")
    return shas
