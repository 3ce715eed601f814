"""Benchmark `goalkit report` on generated goal files (run by hand, not by pytest).

    python benchmarks/report_bench.py [--files 500] [--keep DIR]

Writes FILES OKR files (3 objectives × 3 key results, a check-in, 40 owners, one cycle) into a
temporary goals folder, then times, best of three: loading and linting, computing the site's
views, and rendering and writing the whole site (atomic swap included, into the same folder each
time, as a rebuild does). Prints the site's file count and size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TODAY = dt.date(2026, 11, 20)


def goal_text(index: int, generator: random.Random) -> str:
    lines = [
        "---",
        f"title: Goals {index}",
        "type: okr",
        f"owner: Owner {index % 40}",
        "cycle: 2026-Q4",
        "---",
        "",
        f"# Goals {index}",
        "",
        "Why this quarter matters, in a paragraph of *Markdown*.",
        "",
    ]
    for objective in range(1, 4):
        lines += [f"## O{objective}: Make area {objective} of team {index} delightful", ""]
        for key_result in range(1, 4):
            target = 20 + key_result * 10
            current = generator.randint(10, target)
            lines.append(
                f"- KR{key_result}: Grow metric {key_result} from 10 to {target} "
                f"{{current: {current}}}"
            )
        lines.append("")
    lines += ["## Check-ins", "", "- 2026-11-01: Steady. O1.KR1: 12", ""]
    return "\n".join(lines)


def best_of_three(action: Callable[[], object]) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(3):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    arguments = parser.parse_args()
    workspace = arguments.keep or Path(tempfile.mkdtemp(prefix="goalkit-report-bench-"))
    goals = workspace / "goals"
    goals.mkdir(parents=True, exist_ok=True)
    (goals / "goalkit.toml").write_text("")
    generator = random.Random(1)
    for index in range(arguments.files):
        (goals / f"g{index:04}.md").write_text(goal_text(index, generator), encoding="utf-8")

    from goalkit.loading import load_documents
    from goalkit.report import ReportOptions, plan_report, write_report
    from goalkit.report.context import build_site
    from goalkit.report.lint import lint_documents

    def load_and_lint() -> tuple[list, object]:
        documents = load_documents([goals])
        return documents, lint_documents(documents, TODAY, goals)

    seconds, (documents, lint) = best_of_three(load_and_lint)
    print(f"load + lint of {len(documents)} files: {seconds:.2f} s")
    seconds, _ = best_of_three(lambda: build_site(documents, TODAY, lint))
    print(f"views: {seconds:.2f} s")
    options = ReportOptions(output=workspace / "site", today=TODAY)
    seconds, summary = best_of_three(
        lambda: write_report(plan_report(documents, lint, options), options)
    )
    size = sum(path.stat().st_size for path in options.output.rglob("*") if path.is_file())
    print(f"render + write: {seconds:.2f} s, {len(summary.files)} files, {size / 1e6:.1f} MB")
    print(f"site: {options.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
