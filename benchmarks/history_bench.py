"""Benchmark the git history reader on a generated journal (run by hand, not by pytest).

    python benchmarks/history_bench.py [--commits 2000] [--files 50] [--keep DIR]

Builds a repository with `git fast-import` — COMMITS commits over FILES OKR files, each commit
updating one key result's value (every 10th a check-in line, every 25th on a merged branch) —
then times, best of three: reading every version of every file (one `git log` and one
`git cat-file --batch`), parsing them all into timelines, and `goalkit lint` of one file with
the history rules on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

START = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.timezone.utc)
KEY_RESULTS = 3


def goal_text(index: int, values: list[int], check_ins: list[str]) -> str:
    lines = [
        "---",
        f"title: Team {index} OKRs",
        "type: okr",
        f"owner: Team {index}",
        "cycle: 2026",
        "---",
        "",
        f"# Team {index} OKRs",
        "",
        f"## O1: Make team {index} the one customers ask for",
        "",
    ]
    for number, value in enumerate(values, 1):
        lines.append(
            f"- KR{number}: Grow metric {number} from 0 to {1000 * number} "
            f"{{current: {value}, confidence: {5 + number}}}"
        )
    lines += ["", "## Check-ins", "", *check_ins, ""]
    return "\n".join(lines)


def fast_import_stream(commits: int, files: int) -> bytes:
    values = [[0] * KEY_RESULTS for _ in range(files)]
    check_ins: list[list[str]] = [[] for _ in range(files)]
    chunks: list[bytes] = []
    step = dt.timedelta(days=365) / commits

    def blob_command(path: str, text: str) -> None:
        data = text.encode()
        chunks.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    def header(ref: str, mark: int, when: dt.datetime, message: str, parent: int | None) -> None:
        stamp = int(when.timestamp())
        chunks.append(
            f"commit {ref}\nmark :{mark}\ncommitter Maya <maya@example.com> {stamp} +0000\n"
            f"data {len(message)}\n{message}\n".encode()
        )
        if parent is not None:
            chunks.append(f"from :{parent}\n".encode())

    mark = 1
    header("refs/heads/main", mark, START, "Plan the year", None)
    for index in range(files):
        blob_command(f"goals/team-{index:02}.md", goal_text(index, values[index], []))
    main_tip = mark
    for number in range(1, commits):
        mark += 1
        when = START + step * number
        index = number % files
        key_result = number % KEY_RESULTS
        values[index][key_result] += 7 + number % 5
        if number % 10 == 0:
            day = when.date().isoformat()
            check_ins[index].append(f"- {day}: KR{key_result + 1}: {values[index][key_result]}")
        text = goal_text(index, values[index], check_ins[index])
        path = f"goals/team-{index:02}.md"
        if number % 25 == 0:
            # A side branch: commit there, then merge it into main.
            header("refs/heads/side", mark, when, f"Update team {index} on a branch", main_tip)
            blob_command(path, text)
            mark += 1
            header("refs/heads/main", mark, when + step / 2, "Merge side", main_tip)
            chunks.append(f"merge :{mark - 1}\n".encode())
            blob_command(path, text)
        else:
            header("refs/heads/main", mark, when, f"Check-in team {index}", main_tip)
            blob_command(path, text)
        main_tip = mark
    return b"".join(chunks)


def build(root: Path, commits: int, files: int) -> None:
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    stream = fast_import_stream(commits, files)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=stream, check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)


def best_of_three(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="Build the journal here and keep it.")
    arguments = parser.parse_args()

    from goalkit.history import document_timelines, read_history
    from goalkit.parse import parse_file

    with tempfile.TemporaryDirectory() as scratch:
        root = arguments.keep or Path(scratch) / "journal"
        started = time.perf_counter()
        build(root, arguments.commits, arguments.files)
        built = time.perf_counter() - started
        count = subprocess.run(
            ["git", "rev-list", "--count", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        paths = sorted((root / "goals").glob("*.md"))
        print(f"journal: {count} commits over {len(paths)} files, built in {built:.2f} s")

        history = read_history(paths)
        versions = sum(len(h.versions) for h in history.files.values())
        print(f"versions recovered: {versions}")
        read = best_of_three(lambda: read_history(paths))
        print(f"{'read history (git log + cat-file), 50 files:':<48} {read:.2f} s  (best of 3)")

        def timelines() -> int:
            fresh = read_history(paths)
            return sum(
                len(timeline.points)
                for path in paths
                for timeline in document_timelines(
                    parse_file(path, path.stem), fresh.for_path(path), dt.date(2026, 12, 31)
                )
            )

        print(f"timeline points: {timelines()}")
        parsed = best_of_three(timelines)
        print(f"{'read + parse every version into timelines:':<48} {parsed:.2f} s  (best of 3)")

        one = paths[0].relative_to(root).as_posix()
        for label, target, selection in (
            ("lint one file, OKR111+OKR113 only", one, ["--select", "OKR111,OKR113"]),
            ("lint one file, default rules", one, []),
            ("lint one file, history rules off", one, ["--ignore", "OKR111,OKR113"]),
            ("lint all 50 files, default rules", "goals", []),
        ):
            command = [sys.executable, "-m", "goalkit", "lint", target, "--today", "2026-12-01",
                       "--exit-zero", *selection]  # fmt: skip
            seconds = best_of_three(
                lambda c=command: subprocess.run(c, cwd=root, capture_output=True)
            )
            print(f"goalkit {label + ':':<40} {seconds:.2f} s  (best of 3)")


if __name__ == "__main__":
    main()
