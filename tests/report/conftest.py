"""A site built once from `sample-goals/` for the read-only structure tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report.helpers import FIXTURES, SAMPLE_GOALS, build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("sample") / "site"
    result = build(SAMPLE_GOALS, "-o", output)
    assert result.exit_code == 0, result.output + result.stderr
    return output


@pytest.fixture(scope="session")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("mixed") / "site"
    result = build(FIXTURES / "mixed", "-o", output, "--title", "Team goals")
    assert result.exit_code == 0, result.output + result.stderr
    return output
