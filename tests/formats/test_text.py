"""The text format: exact lines, hints, colour only when asked, ruff's summary and statistics."""

from __future__ import annotations

from goalkit.formats import FormatOptions, render


def test_plain_text(result):
    assert render("text", result, FormatOptions()) == (
        "goals/a b.md:1:1: GK002 missing `owner` in the front-matter\n"
        'goals/a b.md:14:8: OKR105 Key result "Write 4 posts, weekly" describes an activity '
        '("write"): 50% off\n'
        "  hint: State the result:\n"
        "        how will you measure it?\n"
        "goals/z.md:3:5: OKR105 second activity\n"
        "goals/z.md:9:1: OKR112 an objective that only maintains\n"
        "Found 4 problems (1 error, 2 warnings, 1 info).\n"
    )


def test_quiet_drops_the_summary(result):
    output = render("text", result, FormatOptions(quiet=True))
    assert output.splitlines()[-1] == "goals/z.md:9:1: OKR112 an objective that only maintains"


def test_colour_marks_codes_by_severity(result):
    lines = render("text", result, FormatOptions(color=True)).splitlines()
    assert lines[0] == (
        "\x1b[1mgoals/a b.md:1:1:\x1b[0m \x1b[1;31mGK002\x1b[0m missing `owner` in the front-matter"
    )
    assert "\x1b[1;33mOKR105\x1b[0m" in lines[1]
    assert lines[2] == "\x1b[2m  hint: State the result:\x1b[0m"
    assert lines[3] == "\x1b[2m        how will you measure it?\x1b[0m"
    assert "\x1b[1;34mOKR112\x1b[0m" in lines[-2]
    assert "\x1b" not in render("text", result, FormatOptions())


def test_statistics(result):
    assert render("text", result, FormatOptions(statistics=True)) == (
        "2  OKR105  warning  activity-key-result\n"
        "1  GK002   error    missing-field\n"
        "1  OKR112  info     business-as-usual\n"
        "Found 4 problems (1 error, 2 warnings, 1 info).\n"
    )


def test_clean_and_singular(clean, result):
    assert render("text", clean, FormatOptions()) == "All checks passed!\n"
    assert render("text", clean, FormatOptions(quiet=True)) == ""
    from dataclasses import replace

    one = replace(result, diagnostics=result.diagnostics[:1])
    assert render("text", one, FormatOptions()).splitlines()[-1] == ("Found 1 problem (1 error).")
