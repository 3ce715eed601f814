"""The front-matter JSON Schema: a valid schema that accepts the samples and rejects bad values."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import frontmatter
import jsonschema
import pytest
from click.testing import CliRunner

from goalkit.cli import main
from goalkit.schema import front_matter_schema, schema_json

SAMPLE_GOALS = Path(__file__).resolve().parent.parent / "sample-goals"
SAMPLE_FILES = sorted(SAMPLE_GOALS.rglob("*.md"))


def as_json(value: Any) -> Any:
    """Front-matter as an editor's YAML support sees it: YAML dates are plain strings there."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        front_matter_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors_for(front_matter: dict[str, Any]) -> list[tuple[str, str]]:
    """(JSON path of the bad value, validator keyword) for each error, sorted."""
    return sorted(
        (error.json_path, error.validator) for error in validator().iter_errors(front_matter)
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = front_matter_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_known_key_is_listed_with_a_description() -> None:
    properties = front_matter_schema()["properties"]
    assert sorted(properties) == sorted(
        "title type id owner cycle start end due status supports committed confidence tags "
        "metric baseline target current unit score weight goalkit".split()
    )
    assert all(properties[key]["description"].strip() for key in properties)
    assert front_matter_schema()["additionalProperties"] is True


def test_the_samples_are_there() -> None:
    assert len(SAMPLE_FILES) >= 5


@pytest.mark.parametrize(
    "path", SAMPLE_FILES, ids=[p.relative_to(SAMPLE_GOALS).as_posix() for p in SAMPLE_FILES]
)
def test_every_sample_goal_front_matter_validates(path: Path) -> None:
    # The deliberately weak sample is weak in its goals, not in its front-matter: it validates too.
    metadata = frontmatter.load(path).metadata
    assert metadata, f"{path} has no front-matter"
    assert errors_for(as_json(metadata)) == []


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ({"cycle": "2026-Q5"}, [("$.cycle", "anyOf")]),
        ({"cycle": "Q3 2026"}, [("$.cycle", "anyOf")]),
        ({"cycle": "2026-13"}, [("$.cycle", "anyOf")]),
        ({"type": "kpi"}, [("$.type", "anyOf")]),
        ({"type": "okrs"}, [("$.type", "anyOf")]),
        ({"status": "finished"}, [("$.status", "anyOf")]),
        ({"confidence": 12}, [("$.confidence", "maximum")]),
        ({"confidence": -1}, [("$.confidence", "minimum")]),
        ({"score": 1.4}, [("$.score", "maximum")]),
        ({"due": "2026-02-30"}, [("$.due", "format")]),
        ({"due": "31/12/2026"}, [("$.due", "format"), ("$.due", "pattern")]),
        ({"start": "next week"}, [("$.start", "format"), ("$.start", "pattern")]),
        ({"committed": "yes"}, [("$.committed", "type")]),
        ({"supports": "company/2026-H2#KR1"}, [("$.supports", "anyOf")]),
        ({"supports": ["company/2026-H2#O1", "a b"]}, [("$.supports", "anyOf")]),
        ({"target": "lots"}, [("$.target", "anyOf")]),
        ({"owner": {"name": "Maya"}}, [("$.owner", "anyOf")]),
        ({"goalkit": {"ignore": ["OKR-104"]}}, [("$.goalkit.ignore", "anyOf")]),
        ({"goalkit": {"ignore": "OKR104", "why": "x"}}, [("$.goalkit", "additionalProperties")]),
    ],
)
def test_bad_values_are_rejected(front_matter: dict[str, Any], expected: list[Any]) -> None:
    assert errors_for(front_matter) == expected


@pytest.mark.parametrize(
    "front_matter",
    [
        {"cycle": "2026-Q3"},
        {"type": "OKR", "status": "Done"},
        {"type": "smart", "status": "draft"},
        {"cycle": "2026-h2"},
        {"cycle": 2026},
        {"cycle": "2026-07"},
        {"start": "2026-07-01", "end": "2026-09-30"},
        {"owner": ["Maya Lindqvist", "Sam Ortiz"], "tags": "solo"},
        {"supports": ["company/2026-H2#O1", "team/growth#O2.KR3", "vision"]},
        {"target": "$5k", "baseline": "1,200", "current": 35.5, "unit": "%"},
        {"score": 0.7, "confidence": 10, "committed": False},
        {"goalkit": {"ignore": ["OKR104", "smart2 -- weekly goals"]}},
        {"goalkit": {"ignore": "OKR101", "reason": "a one-person team"}},
        {"an-unknown-key": "kept for the linter to judge"},
    ],
)
def test_good_values_are_accepted(front_matter: dict[str, Any]) -> None:
    assert errors_for(front_matter) == []


def test_goalkit_schema_prints_the_same_json_every_time() -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["schema"])
    second = runner.invoke(main, ["schema"])
    assert first.exit_code == 0, first.output
    assert first.output == second.output == schema_json()
    assert json.loads(first.output) == front_matter_schema()
    assert first.output.endswith("}\n")


def test_every_key_in_the_format_docs_is_in_the_schema() -> None:
    format_doc = (SAMPLE_GOALS.parent / "docs" / "format.md").read_text(encoding="utf-8")
    table = format_doc.split("| key | type | meaning |", 1)[1].split("\n\n", 1)[0]
    documented = {
        key
        for row in table.splitlines()[2:]
        for key in re.findall(r"`([a-z]+)`", row.split("|")[1])
    }
    assert "cycle" in documented and "supports" in documented
    assert documented <= set(front_matter_schema()["properties"])


def test_the_documented_modeline_comment_is_ignored_by_the_parser() -> None:
    from goalkit.parse import parse_text

    text = (
        "---\n"
        "# yaml-language-server: $schema=../.goalkit/front-matter.schema.json\n"
        "type: okr\n"
        "owner: Maya Lindqvist\n"
        "cycle: 2026-Q4\n"
        "---\n\n"
        "## O1: Establish authority in niche marketing\n\n"
        "- KR1: Speak at 3 industry conferences\n"
    )
    document = parse_text(text, Path("goals/q4.md"), "goals/q4")
    assert document.problems == ()
    assert sorted(document.front_matter) == ["cycle", "owner", "type"]
    assert document.front_matter["type"].span.line == 3
    assert document.owners == ("Maya Lindqvist",)
