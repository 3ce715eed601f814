"""The wheel ships the templates and the data schema, and an installed goalkit finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.report.helpers import REPOSITORY


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hatchling.builders.wheel import WheelBuilder

    folder = tmp_path_factory.mktemp("wheel")
    built = list(WheelBuilder(str(REPOSITORY)).build(directory=str(folder), versions=["standard"]))
    assert len(built) == 1
    return Path(built[0])


def test_wheel_contains_every_template_and_the_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = sorted(path.name for path in (REPOSITORY / "templates").iterdir())
    assert "style.css" in templates and "base.html" in templates
    for name in templates:
        assert f"goalkit/templates/{name}" in names
    assert "goalkit/report/data.schema.json" in names


def test_installed_package_reads_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(target), str(wheel)],
        check=True,
    )  # fmt: skip
    code = "from goalkit.report.resources import builtin_templates; print(builtin_templates())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert Path(result.stdout.strip()) == target / "goalkit" / "templates"
