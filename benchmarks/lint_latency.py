"""How long a pre-commit hook run of `goalkit lint` on one file takes, next to a bare interpreter.

Run by hand (not a test): `python benchmarks/lint_latency.py [--runs 20]`. Each command runs in
a fresh process, as pre-commit runs it; the best of N is the figure to compare, because a busy
machine only ever adds time. It also lists what `python -X importtime` says the one-file lint
imports, and flags what the lint path must not pay for (Jinja2, the git history reader).

`hyperfine -N --warmup 3 'python3 -c pass' 'python3 -m goalkit lint FILE'` gives the same
comparison where hyperfine is installed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample-goals"
ONE_FILE = "freelance/2026-Q4-okrs.md"
TODAY = "2026-11-20"
NOT_ON_THE_LINT_PATH = ("jinja2", "markupsafe", "goalkit.report", "goalkit.history", "subprocess")


def environment() -> dict[str, str]:
    """This environment, but with bytecode caching on: an installed goalkit has its .pyc files,
    and without them every run would compile goalkit's modules again."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def timed(command: Sequence[str], cwd: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of `runs` fresh processes, after a warm-up.

    CPU time is the steadier figure on a shared machine: other processes stretch wall time.
    """
    subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, check=False)
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def import_tree(command: Sequence[str], cwd: Path) -> list[tuple[int, str, int]]:
    """(depth, module, cumulative microseconds) for each import `-X importtime` reports."""
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=cwd,
        env=environment(),
        capture_output=True,
        text=True,
    )
    tree = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        fields = line.removeprefix("import time:").split("|")
        depth = (len(fields[2]) - len(fields[2].lstrip()) - 1) // 2
        tree.append((depth, fields[2].strip(), int(fields[1])))
    return tree


def by_package(tree: list[tuple[int, str, int]]) -> dict[str, int]:
    """Cumulative time per package of the outermost imports; goalkit split by subpackage."""
    totals: dict[str, int] = defaultdict(int)
    for depth, name, cumulative in tree:
        if depth == 0:
            parts = name.split(".")
            totals[".".join(parts[:2]) if parts[0] == "goalkit" else parts[0]] += cumulative
    return dict(totals)


def many_goal_files(folder: Path, count: int) -> Path:
    """`count` goal files (copies of the samples under distinct names) with their config."""
    sources = sorted(path for path in SAMPLES.rglob("*.md"))
    target = folder / "many"
    target.mkdir()
    shutil.copy(SAMPLES / "goalkit.toml", target / "goalkit.toml")
    for index in range(count):
        source = sources[index % len(sources)]
        copy = target / f"set-{index // len(sources):03d}" / source.relative_to(SAMPLES)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, copy)
    return target


def main(arguments: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--many", type=int, default=300, help="files in the large-set run")
    options = parser.parse_args(arguments)
    python = sys.executable
    lint_one = [python, "-m", "goalkit", "lint", ONE_FILE, "--today", TODAY]
    with tempfile.TemporaryDirectory() as scratch:
        many = many_goal_files(Path(scratch), options.many)
        cases = [
            ("bare interpreter: python -c pass", [python, "-c", "pass"], SAMPLES),
            ("goalkit --version", [python, "-m", "goalkit", "--version"], SAMPLES),
            ("goalkit lint, one file", lint_one, SAMPLES),
            (
                "goalkit lint, one file, history rules off",
                [*lint_one, "--ignore", "OKR111,OKR113"],
                SAMPLES,
            ),
            (
                f"goalkit lint, the {len(list(SAMPLES.rglob('*.md')))} sample files",
                [python, "-m", "goalkit", "lint", "--today", TODAY],
                SAMPLES,
            ),
            (
                f"goalkit lint, {options.many} files",
                [python, "-m", "goalkit", "lint", "--today", TODAY],
                many,
            ),
        ]
        print(f"{options.runs} runs each, milliseconds: wall best / median, CPU best / median")
        for label, command, cwd in cases:
            wall, cpu = timed(command, cwd, options.runs)
            print(
                f"  {label:<45} {min(wall) * 1000:6.0f} {statistics.median(wall) * 1000:6.0f}"
                f"   {min(cpu) * 1000:6.0f} {statistics.median(cpu) * 1000:6.0f}"
            )

    tree = import_tree(lint_one, SAMPLES)
    costs = {name: cumulative for _, name, cumulative in tree}
    print(f"\n`python -X importtime -m goalkit lint {ONE_FILE}`: {len(tree)} modules")
    print("heaviest outermost imports by package (cumulative ms, one run):")
    for package, cumulative in sorted(by_package(tree).items(), key=lambda item: -item[1])[:15]:
        print(f"  {package:<30} {cumulative / 1000:7.1f}")
    print("must not be on the lint path:")
    for module in NOT_ON_THE_LINT_PATH:
        cost = costs.get(module)
        shown = "not imported" if cost is None else f"IMPORTED ({cost / 1000:.1f} ms cumulative)"
        print(f"  {module:<30} {shown}")


if __name__ == "__main__":
    main()
