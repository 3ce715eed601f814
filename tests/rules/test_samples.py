"""The whole catalogue over the bundled `sample-goals/`, linted by the engine on 2026-11-20.

The good files are the examples a careful OKR coach would hold up: they must stay clean. The
deliberately weak file must be caught on each of its faults, and on nothing it does not have.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from goalkit.config import discover
from goalkit.engine import lint
from goalkit.loading import load_documents

TODAY = dt.date(2026, 11, 20)
WEAK = "freelance/weak-goals.md"

# What a coach would say about weak-goals.md, line by line.
WEAK_FINDINGS = {
    (12, "OKR101"),                  # seven objectives in one quarter
    (14, "OKR103"), (14, "OKR105"),  # Write blog posts: an activity, and no number
    (15, "OKR103"), (15, "OKR105"),  # Attend networking events
    (16, "OKR103"),                  # Post on LinkedIn more
    (18, "OKR104"),                  # objective "Get 50 new clients" holds a metric
    (20, "OKR103"), (20, "OKR105"), (20, "SMART208"),  # Launch the new website ASAP
    (21, "OKR103"), (21, "OKR105"),  # Help clients with their campaigns
    (23, "OKR102"),                  # Be better at sales: a single key result
    (25, "OKR103"), (25, "OKR105"), (25, "SMART208"),  # Consult … next quarter
    (27, "OKR106"),                  # Networking: no key results at all
    (29, "OKR102"),                  # Social media: a single key result
    (31, "OKR103"), (31, "OKR105"),  # Analyze social media metrics
    (33, "OKR102"),                  # Grow the business: a single key result
    (35, "OKR103"),                  # Make more money
    (37, "OKR102"),                  # Do the admin: a single key result
    (39, "OKR103"),                  # Stay on top of invoices
}  # fmt: skip


@pytest.fixture(scope="module")
def findings() -> set[tuple[str, int, str]]:
    samples = Path(__file__).resolve().parents[2] / "sample-goals"
    documents = load_documents([samples])
    result = lint(documents, discover(samples), TODAY)
    return {
        (Path(d.path).resolve().relative_to(samples).as_posix(), d.line, d.code)
        for d in result.diagnostics
    }


def test_good_sample_files_are_clean(findings) -> None:
    assert sorted(found for found in findings if found[0] != WEAK) == []


def test_weak_file_is_caught_on_each_practice_fault(findings) -> None:
    practice = {(line, code) for path, line, code in findings if path == WEAK and code[:2] != "GK"}
    assert practice == WEAK_FINDINGS
