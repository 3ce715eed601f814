"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_goals() -> Path:
    """The bundled `sample-goals/` folder (its `goalkit.toml` makes it the goals root)."""
    return REPOSITORY / "sample-goals"
