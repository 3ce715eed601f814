"""Time `goalkit lint` by hand: one file through the real command, and a large goal set in process.

    python benchmarks/lint_bench.py [--files 500]

Not a test: timings depend on the machine. It builds a goal repository of synthetic OKR and
SMART files in a temporary folder, then reports the median of several runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OKR = """---
title: Team {n} OKRs
type: okr
owner: Owner {owner}
cycle: 2026-Q4
supports: goals/team-{parent}#O1
---

# Team {n} OKRs

## O1: Become the trusted voice of niche marketing

- KR1: Grow newsletter subscribers from 1,200 to 2,000 {{current: 1450}}
- KR2: Speak at 3 industry conferences {{current: 1}}
- KR3: Write 6 long-form case studies

## O2: Build a business that pays for deep work {{committed: true}}

- KR1: Raise the day rate from $800 to $920 {{current: 850}}
- KR2: Keep client churn below 10% {{current: 8%}}

<!-- goalkit-disable-next-line OKR105 -- talks are the outcome here -->
## O3: Keep the practice healthy

- KR1: Cut unpaid invoices from 6 to 1
- KR2: Reach 40 qualified leads a month
"""
SMART = """---
title: Grow weekly readers from 300 to 900 by 2026-12-15
owner: Owner {owner}
supports: goals/team-{parent}#O1.KR1
---

Grow weekly readers from 300 to 900 by 2026-12-15.

## Why

Readers become clients.
"""


def build(folder: Path, count: int) -> None:
    (folder / "goalkit.toml").write_text('include = ["goals"]\n', encoding="utf-8")
    goals = folder / "goals"
    goals.mkdir()
    for n in range(count):
        template = OKR if n % 2 == 0 else SMART
        text = template.format(n=n, owner=n % 40, parent=max(n - 2, 0) // 2 * 2)
        (goals / f"team-{n}.md").write_text(text, encoding="utf-8")


def median_seconds(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    count = parser.parse_args().files
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        build(folder, count)
        one = [sys.executable, "-m", "goalkit", "lint", "--today", "2026-11-20", "--exit-zero"]

        def run_one() -> None:
            subprocess.run([*one, "goals/team-0.md"], cwd=folder, capture_output=True, check=True)

        def run_all() -> None:
            subprocess.run(one, cwd=folder, capture_output=True, check=True)

        version = [sys.executable, "-m", "goalkit", "--version"]
        startup = median_seconds(lambda: subprocess.run(version, capture_output=True, check=True))
        print(f"python -m goalkit --version:           {startup * 1000:7.0f} ms")
        print(f"goalkit lint one file ({count} in set):   {median_seconds(run_one) * 1000:7.0f} ms")
        print(f"goalkit lint all {count} files:           {median_seconds(run_all) * 1000:7.0f} ms")

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from goalkit.config import load
        from goalkit.engine import lint
        from goalkit.loading import load_documents

        documents = load_documents([folder / "goals"])
        config = load(folder / "goalkit.toml")
        seconds = median_seconds(lambda: lint(documents, config, dt.date(2026, 11, 20)))
        per_file = seconds / count * 1e6
        print(f"engine only, {count} parsed files:        {seconds * 1000:7.0f} ms "
              f"({per_file:.0f} µs per file)")  # fmt: skip


if __name__ == "__main__":
    main()
