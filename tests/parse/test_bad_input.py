"""Bad input never raises: each case gives one clear Problem with a position, and the rest of
the file is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalkit.model import Document, ProblemKind, Span
from goalkit.parse import parse_file
from goalkit.parse.source import DEFAULT_MAX_BYTES

BAD = Path(__file__).parent / "fixtures" / "bad"
SYNTAX = ProblemKind.FRONT_MATTER_SYNTAX
NOT_MAPPING = ProblemKind.FRONT_MATTER_NOT_MAPPING


def _problems(document: Document) -> list[tuple[ProblemKind, str, int, int]]:
    return [(p.kind, p.message, p.span.line, p.span.column) for p in document.problems]


@pytest.mark.parametrize(
    ("name", "kind", "message", "line", "column"),
    [
        (
            "broken-yaml", SYNTAX,
            "front-matter is not valid YAML: expected ',' or ']', but got ':' "
            "(while parsing a flow sequence that starts on line 3)",
            4, 6,
        ),
        (
            "unterminated-string", SYNTAX,
            "front-matter is not valid YAML: found unexpected end of stream "
            "(while scanning a quoted scalar that starts on line 2)",
            3, 1,
        ),
        (
            "unclosed", SYNTAX,
            "front-matter is not closed: add a line `---` after the last key", 1, 1,
        ),
        (
            "front-matter-list", NOT_MAPPING,
            "front-matter must be a mapping of keys to values, not a list", 2, 1,
        ),
        (
            "front-matter-text", NOT_MAPPING,
            "front-matter must be a mapping of keys to values, not plain text", 2, 1,
        ),
        ("empty", ProblemKind.EMPTY, "empty file: write a goal or delete the file", 1, 1),
        ("blank", ProblemKind.EMPTY, "empty file: write a goal or delete the file", 1, 1),
    ],
)  # fmt: skip
def test_unreadable_front_matter_and_files(
    name: str, kind: ProblemKind, message: str, line: int, column: int
) -> None:
    document = parse_file(BAD / f"{name}.md", name)
    assert _problems(document) == [(kind, message, line, column)]


@pytest.mark.parametrize("name", ["broken-yaml", "unclosed", "front-matter-list"])
def test_the_body_is_still_read_after_a_front_matter_problem(name: str) -> None:
    document = parse_file(BAD / f"{name}.md", name)
    assert [objective.title for objective in document.objectives] == ["Win"]


def test_a_broken_front_matter_loses_its_fields_but_keeps_the_title_default() -> None:
    document = parse_file(BAD / "broken-yaml.md", "broken-yaml")
    assert (document.title, document.owners, document.cycle) == ("broken-yaml", (), None)


INVALID_VALUES = [
    ("type", "`type` is 'plan'; expected one of okr, smart", Span(3, 7, 3, 11)),
    (
        "status", "`status` is 'finished'; expected one of active, done, dropped, draft",
        Span(4, 9, 4, 17),
    ),
    (
        "cycle", "`cycle` is 'next quarter'; use a quarter (2026-Q3), a half (2026-H2), "
        "a year (2026) or a month (2026-07), or give `start` and `end` dates",
        Span(5, 8, 5, 20),
    ),
    ("due", "`due` is '2026-02-30', not a date (use YYYY-MM-DD)", Span(6, 6, 6, 16)),
    ("start", "`start` is 'someday', not a date (use YYYY-MM-DD)", Span(7, 8, 7, 15)),
    ("confidence", "`confidence` is 12; it must be between 0 and 10", Span(8, 13, 8, 15)),
    ("committed", "`committed` must be true or false, not 'maybe'", Span(9, 12, 9, 17)),
    ("owner", "`owner` must be a name or a list of names", Span(10, 8, 10, 20)),
    (
        "supports", "`supports` has 42; write a goal id, `ID#O2` or `ID#O2.KR3`",
        Span(11, 32, 11, 34),
    ),
    (
        "committed", "`committed` must be true or false, not 'yes please'",
        Span(14, 34, 14, 44),
    ),
    ("weight", "`weight` is 'heavy', not a number", Span(14, 54, 14, 59)),
    ("score", "`score` is 1.4; it must be between 0 and 1", Span(16, 33, 16, 36)),
    ("confidence", "`confidence` is 12; it must be between 0 and 10", Span(16, 50, 16, 52)),
    ("current", "`current` is 'lots', not a number", Span(16, 63, 16, 67)),
    (
        None, "attribute block is not a `{key: value, …}` mapping: cannot read 'current: [1,'",
        Span(17, 26, 17, 41),
    ),
]  # fmt: skip


def test_invalid_values_each_point_at_their_value() -> None:
    document = parse_file(BAD / "invalid-values.md", "invalid-values")
    assert {p.kind for p in document.problems} == {ProblemKind.INVALID_VALUE}
    assert [(p.key, p.message, p.span) for p in document.problems] == INVALID_VALUES


def test_invalid_values_are_dropped_and_the_rest_is_kept() -> None:
    document = parse_file(BAD / "invalid-values.md", "invalid-values")
    assert (document.type.value, document.status.value, document.cycle, document.due) == (
        "okr",
        "active",
        None,
        None,
    )
    assert [reference.text for reference in document.supports] == ["company/2026-H2#O1"]
    (objective,) = document.objectives
    assert (objective.committed, objective.weight) == (None, 1.0)
    first, second = objective.key_results
    assert (first.measure.score, first.measure.confidence, first.measure.current) == (
        None,
        None,
        None,
    )
    assert first.measure.target is not None and first.measure.target.value == 40
    assert (second.text, second.attributes) == ("Reach 10 partners", ())


def test_a_folder_is_not_a_goal_file(tmp_path: Path) -> None:
    document = parse_file(tmp_path, "folder")
    assert _problems(document) == [(ProblemKind.UNREADABLE, "cannot read: a folder", 1, 1)]


def test_a_missing_file(tmp_path: Path) -> None:
    document = parse_file(tmp_path / "gone.md", "gone")
    assert _problems(document) == [(ProblemKind.UNREADABLE, "no such file", 1, 1)]


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_text("- KR1: Reach 40 leads\n" * (DEFAULT_MAX_BYTES // 22 + 1), encoding="utf-8")
    size = path.stat().st_size
    document = parse_file(path, "huge")
    assert _problems(document) == [
        (
            ProblemKind.UNREADABLE,
            f"file is {size:,} bytes, over the {DEFAULT_MAX_BYTES:,}-byte limit",
            1,
            1,
        )
    ]
    assert document.objectives == ()


def test_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert _problems(parse_file(path, "image")) == [
        (ProblemKind.UNREADABLE, "binary file (contains NUL bytes)", 1, 1)
    ]


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Goal\n", encoding="utf-8")
    path.chmod(0)
    try:
        if _can_read(path):
            pytest.skip("running as a user who can read any file (root)")
        assert _problems(parse_file(path, "secret")) == [
            (ProblemKind.UNREADABLE, "permission denied", 1, 1)
        ]
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def test_a_latin_1_file_points_at_its_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin-1.md"
    path.write_bytes("---\ntitle: Café goals\n---\n".encode("latin-1"))
    assert _problems(parse_file(path, "latin-1")) == [
        (
            ProblemKind.UNREADABLE,
            "not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8",
            2,
            11,
        )
    ]


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "utf16.md"
    path.write_bytes("# Goal\n".encode("utf-16"))
    assert _problems(parse_file(path, "utf16")) == [
        (ProblemKind.UNREADABLE, "the file is UTF-16; save it as UTF-8", 1, 1)
    ]


def test_the_column_of_a_bad_byte_counts_characters(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_bytes("# Café → ".encode() + b"\xe9t\xe9\n")
    assert _problems(parse_file(path, "mixed")) == [
        (
            ProblemKind.UNREADABLE,
            "not UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8",
            1,
            10,
        )
    ]


def test_windows_line_endings_and_a_byte_order_mark_keep_positions(tmp_path: Path) -> None:
    path = tmp_path / "windows.md"
    path.write_bytes("\ufeff---\r\ncycle: 2026-Q4\r\n---\r\n\r\n## O1: Win\r\n".encode())
    document = parse_file(path, "windows")
    assert document.problems == ()
    assert document.front_matter["cycle"].span == Span(2, 1, 2, 6)
    assert document.objectives[0].span == Span(5, 8, 5, 11)


def test_a_key_given_twice_is_reported_and_the_last_one_counts() -> None:
    document = parse_file(BAD / "duplicate-key.md", "duplicate-key")
    assert [(p.kind, p.key, p.message, p.span) for p in document.problems] == [
        (
            ProblemKind.INVALID_VALUE,
            "owner",
            "`owner` is given twice (also on line 2); the last one counts",
            Span(4, 1, 4, 6),
        )
    ]
    assert document.owners == ("Jon",)
