"""`data.json` against its documented JSON Schema, and its numbers against the pages'."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from goalkit.report.data import DATA_FORMAT
from tests.report.helpers import REPOSITORY, soup, text

SCHEMA = REPOSITORY / "goalkit/report/data.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("site", ["sample_site", "mixed_site"])
def test_data_json_matches_its_schema(
    site: str, validator: jsonschema.Draft202012Validator, request: pytest.FixtureRequest
) -> None:
    data = json.loads((request.getfixturevalue(site) / "data.json").read_text())
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert data["format"] == DATA_FORMAT


def test_schema_rejects_drift(validator: jsonschema.Draft202012Validator, mixed_site: Path) -> None:
    data = json.loads((mixed_site / "data.json").read_text())
    data["goals"][0]["surprise"] = 1
    assert not validator.is_valid(data)
    data = json.loads((mixed_site / "data.json").read_text())
    data["goals"][0]["score"]["value"] = 1.5
    assert not validator.is_valid(data)


def test_data_json_holds_the_model_and_scores(sample_site: Path) -> None:
    data = json.loads((sample_site / "data.json").read_text())
    assert data["today"] == "2026-11-20"
    assert [cycle["label"] for cycle in data["cycles"]] == ["2026-Q4", "2026-H2", "2026-Q3"]
    goals = {goal["id"]: goal for goal in data["goals"]}
    freelance = goals["freelance/2026-Q4-okrs"]
    assert freelance["path"] == "sample-goals/freelance/2026-Q4-okrs.md"
    assert freelance["cycle"] == "2026-Q4"
    kr = freelance["objectives"][1]["key_results"][0]
    assert kr["text"] == "Raise my day rate from $800 to $920"
    assert kr["baseline"]["value"] == 800
    assert kr["current"]["display"] == "$850"
    assert kr["target"]["value"] == 920
    assert kr["progress"] == {
        "value": 0.416667,
        "band": "yellow",
        "status": "at risk",
        "expected": 0.554348,
    }
    assert freelance["check_ins"][0]["date"] == "2026-10-15"
    smart = goals["freelance/weekly/certification"]["smart"]
    assert smart["target"]["value"] == 12


def test_data_json_scores_match_the_pages(sample_site: Path) -> None:
    data = json.loads((sample_site / "data.json").read_text())
    for goal in data["goals"]:
        page = soup(sample_site / goal["page"])
        for objective in goal["objectives"]:
            section = page.find("section", id=objective["anchor"])
            shown = text(section.find("p", class_="summary-line").find(class_="score"))
            value = objective["score"]["value"]
            assert shown == ("—" if value is None else f"{value:.2f}"), goal["id"]
