"""The history reader against real repositories: renames, merges, deletions, no repository."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import Journal

from goalkit.history import read_history


def test_every_version_across_rename_merge_delete_and_restore(
    journal: Journal, story: dict[str, str]
) -> None:
    path = journal.root / "okrs" / "2026-Q4.md"
    history = read_history([path])
    file_history = history.for_path(path)
    assert history.notes == ()
    assert file_history is not None
    assert file_history.repository == journal.root.resolve()
    assert [
        (v.commit.date.isoformat(), v.commit.short, v.path, v.deleted)
        for v in file_history.versions
    ] == [
        ("2026-09-28", story["plan"], "okrs/current.md", False),
        ("2026-10-05", story["week1"], "okrs/current.md", False),
        ("2026-10-12", story["rename"], "okrs/2026-Q4.md", False),
        ("2026-10-20", story["branch"], "okrs/2026-Q4.md", False),
        ("2026-10-22", story["referral"], "okrs/2026-Q4.md", False),
        ("2026-10-25", story["merge"], "okrs/2026-Q4.md", False),
        ("2026-10-30", story["delete"], "okrs/2026-Q4.md", True),
        ("2026-11-02", story["restore"], "okrs/2026-Q4.md", False),
    ]
    assert file_history.names == ("okrs/current.md", "okrs/2026-Q4.md")
    merge = file_history.versions[5]
    assert merge.commit.is_merge and merge.commit.subject == "Merge newsletter"
    first = file_history.versions[0].document
    assert first is not None and first.key_results[0].measure.current is not None
    assert first.key_results[0].measure.current.value == 1200


def test_a_merge_that_only_brings_a_branch_version_is_not_a_version_of_its_own(
    journal: Journal, newsletter: str
) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    journal.git("checkout", "-q", "-b", "update")
    journal.edit("okrs.md", "current: 1200", "current: 1400")
    branch = journal.commit("Update", "2026-10-08")
    journal.git("checkout", "-q", "main")
    journal.write("notes.md", "unrelated\n")
    journal.commit("Notes", "2026-10-09")
    journal.git("merge", "-q", "--no-ff", "-m", "Merge update", "update", date="2026-10-10")
    versions = read_history([journal.root / "okrs.md"]).files[(journal.root / "okrs.md").resolve()]
    assert [(v.commit.short, v.commit.date) for v in versions.versions] == [
        (journal.short("HEAD~1^1"), dt.date(2026, 10, 1)),
        (branch, dt.date(2026, 10, 8)),
    ]


def test_a_new_file_reusing_an_old_name_does_not_inherit_its_history(
    journal: Journal, newsletter: str
) -> None:
    journal.write("okrs.md", newsletter)
    journal.commit("Q4 plan", "2026-10-01")
    (journal.root / "archive").mkdir()
    journal.git("mv", "okrs.md", "archive/2026-Q4.md")
    journal.commit("Archive Q4", "2026-12-31")
    journal.write("okrs.md", newsletter.replace("2026-Q4", "2027-Q1"))
    new = journal.commit("Q1 plan", "2027-01-02")
    alone = read_history([journal.root / "okrs.md"]).for_path(journal.root / "okrs.md")
    assert alone is not None and [v.commit.short for v in alone.versions] == [new]
    history = read_history([journal.root / "okrs.md", journal.root / "archive" / "2026-Q4.md"])
    current = history.for_path(journal.root / "okrs.md")
    archived = history.for_path(journal.root / "archive" / "2026-Q4.md")
    assert current is not None and archived is not None
    assert [v.commit.short for v in current.versions] == [new]
    assert [(v.commit.date.isoformat(), v.path) for v in archived.versions] == [
        ("2026-10-01", "okrs.md"),
        ("2026-12-31", "archive/2026-Q4.md"),
    ]


def test_committer_date_dates_a_version(journal: Journal, newsletter: str) -> None:
    journal.write("okrs.md", newsletter)
    journal.git("add", "okrs.md")
    journal.git(
        "-c", "user.name=Maya", "commit", "-q", "-m", "Plan", "--date=2026-09-01T10:00:00+00:00",
        date="2026-10-03",
    )  # fmt: skip
    history = read_history([journal.root / "okrs.md"])
    (version,) = history.files[(journal.root / "okrs.md").resolve()].versions
    assert version.commit.date == dt.date(2026, 10, 3)


def test_uncommitted_file_has_an_empty_history(journal: Journal, newsletter: str) -> None:
    journal.write("other.md", "# Other\n")
    journal.commit("Other", "2026-10-01")
    path = journal.write("new.md", newsletter)
    history = read_history([path])
    assert history.notes == ()
    file_history = history.for_path(path)
    assert file_history is not None and file_history.versions == ()


def test_no_repository_is_said_once(tmp_path: Path, newsletter: str) -> None:
    paths = []
    for name in ("a.md", "b.md", "c.md", "d.md"):
        paths.append(tmp_path / name)
        paths[-1].write_text(newsletter, encoding="utf-8")
    history = read_history(paths)
    assert history.files == {}
    assert history.notes == (
        f"no history for 4 files outside a git work tree: {paths[0].as_posix()}, "
        f"{paths[1].as_posix()}, {paths[2].as_posix()} and 1 more",
    )


def test_repository_without_commits(journal: Journal, newsletter: str) -> None:
    path = journal.write("okrs.md", newsletter)
    history = read_history([path])
    assert history.files == {}
    assert history.notes == (f"no history for files in {journal.root.resolve()}: no commits yet",)


def test_a_version_that_is_not_utf8_is_kept_as_unreadable(
    journal: Journal, newsletter: str
) -> None:
    path = journal.root / "okrs.md"
    path.write_bytes(b"---\ntitle: caf\xe9\n---\n")
    journal.commit("Latin-1 by mistake", "2026-10-01")
    journal.write("okrs.md", newsletter)
    journal.commit("Fix encoding", "2026-10-02")
    history = read_history([path]).for_path(path)
    assert history is not None
    broken, fixed = (v.document for v in history.versions)
    assert broken is not None and not broken.readable
    assert fixed is not None and fixed.readable and fixed.title == "Newsletter OKRs"


def test_names_with_spaces_and_accents(journal: Journal, newsletter: str) -> None:
    journal.write("équipe/objectifs T4.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    (journal.root / "team").mkdir()
    journal.git("mv", "équipe/objectifs T4.md", "team/okrs Q4 ✓.md")
    journal.commit("Rename", "2026-10-02")
    path = journal.root / "team" / "okrs Q4 ✓.md"
    history = read_history([path]).for_path(path)
    assert history is not None
    assert history.names == ("équipe/objectifs T4.md", "team/okrs Q4 ✓.md")
    assert all(v.document is not None and v.document.readable for v in history.versions)


def test_git_missing_is_a_note(
    journal: Journal, newsletter: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = journal.write("okrs.md", newsletter)
    journal.commit("Plan", "2026-10-01")
    monkeypatch.setenv("PATH", str(journal.root / "no-such-bin"))
    history = read_history([path])
    assert history.files == {}
    assert history.notes == (
        f"no history for files in {journal.root.resolve()}: git is not installed",
    )


def test_a_file_that_is_not_markdown_is_followed_when_named(
    journal: Journal, newsletter: str
) -> None:
    path = journal.write("okrs.txt", newsletter)
    journal.commit("Plan", "2026-10-01")
    journal.edit("okrs.txt", "current: 1200", "current: 1300")
    journal.commit("Update", "2026-10-08")
    history = read_history([path]).for_path(path)
    assert history is not None and len(history.versions) == 2


def test_rename_on_a_branch_while_main_edits_the_old_name(
    journal: Journal, newsletter: str
) -> None:
    journal.write("okrs.md", newsletter)
    plan = journal.commit("Plan", "2026-10-01")
    journal.git("checkout", "-q", "-b", "tidy")
    journal.git("mv", "okrs.md", "2026-Q4.md")
    rename = journal.commit("Name after the cycle", "2026-10-05")
    journal.git("checkout", "-q", "main")
    journal.edit("okrs.md", "current: 1200", "current: 1300")
    update = journal.commit("Week 1", "2026-10-06")
    journal.git("merge", "-q", "--no-ff", "-m", "Merge tidy", "tidy", date="2026-10-07")
    path = journal.root / "2026-Q4.md"
    history = read_history([path]).for_path(path)
    assert history is not None
    assert [(v.commit.short, v.path) for v in history.versions] == [
        (plan, "okrs.md"),
        (rename, "2026-Q4.md"),
        (update, "okrs.md"),
    ]  # the merge only brings what main committed on 2026-10-06, so it adds no version
    document = history.versions[-1].document
    assert document is not None and document.key_results[0].measure.current is not None
    assert document.key_results[0].measure.current.value == 1300
