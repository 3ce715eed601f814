"""`goalkit rules` and `goalkit rule CODE`: the catalogue and one rule, for a terminal."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from goalkit.cli import main
from goalkit.rules import builtin_rules


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*arguments: str):
    return CliRunner().invoke(main, list(arguments), catch_exceptions=False)


def test_rules_lists_every_rule_with_severity_and_enabled(here):
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "ENABLED"]
    assert [line.split()[0] for line in lines[1:]] == [rule.code for rule in builtin_rules()]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["GK005"] == ["GK005", "broken-reference", "error", "yes"]
    assert rows["GK009"] == ["GK009", "unused-suppression", "warning", "yes"]
    column = lines[0].index("SEVERITY")
    assert all(line[column:].split()[0] in ("SEVERITY", "error", "warning", "info")
               for line in lines)  # fmt: skip


def test_rules_follow_the_configuration(here):
    (here / "goalkit.toml").write_text(
        'ignore = ["GK00"]\nextend-select = ["GK005"]\n[severity]\nGK005 = "warning"\n',
        encoding="utf-8",
    )
    rows = {line.split()[0]: line.split() for line in run("rules").stdout.splitlines()[1:]}
    assert rows["GK001"][-1] == "no"
    assert rows["GK005"][2:] == ["warning", "yes"]
    assert rows["GK000"][-1] == "yes"


def test_rules_with_a_bad_configuration_is_exit_2(here):
    (here / "goalkit.toml").write_text('preset = "grove"\n', encoding="utf-8")
    result = run("rules")
    assert result.exit_code == 2
    assert result.stderr == (
        f"goalkit: configuration error: {(here / 'goalkit.toml').resolve()}: `preset`: "
        "is 'grove'; expected one of doerr, wodtke\n"
    )


def test_rule_explains_why_options_and_examples(here):
    result = run("rule", "gk002", "--no-color")
    assert result.exit_code == 0
    assert result.stdout == (
        "GK002 missing-field (error, Complete goal file)\n"
        "\n"
        "A required field is missing: a title always; an owner and a cycle (or dates) for OKRs.\n"
        "\n"
        "Why\n"
        "    A goal without a title cannot be named in a report; an OKR set without an owner\n"
        "    belongs to nobody, and without a cycle (or `start` and `end`) it cannot be scored\n"
        "    against the calendar or counted per quarter. The title may come from the\n"
        "    front-matter or from the first `# heading`; `cycle` may be replaced by `start` and\n"
        "    `end`.\n"
        "\n"
        "Options  [tool.goalkit.rules.GK002]\n"
        '    okr-fields = ["owner", "cycle"]\n'
        "        Fields an OKR file must have.\n"
        "    smart-fields = []\n"
        "        Fields a SMART goal file must have (besides a title).\n"
        "\n"
        "Example\n"
        "    ---\n"
        "    type: okr\n"
        "    cycle: 2026-Q4\n"
        "    ---\n"
        "\n"
        "    ## O1: Become the go-to niche expert\n"
        "\n"
        "Use instead\n"
        "    ---\n"
        "    type: okr\n"
        "    owner: Maya Lindqvist\n"
        "    cycle: 2026-Q4\n"
        "    ---\n"
        "\n"
        "    # Freelance OKRs\n"
        "\n"
        "    ## O1: Become the go-to niche expert\n"
    )


def test_rule_shows_configured_option_values(here):
    (here / "goalkit.toml").write_text('[rules.GK002]\nokr-fields = ["owner"]\n', encoding="utf-8")
    result = run("rule", "GK002", "--no-color")
    assert '    okr-fields = ["owner"]  (default ["owner", "cycle"])\n' in result.stdout


def test_rule_colour_on_request(here):
    result = run("rule", "GK001", "--color")
    assert result.stdout.startswith("\x1b[1mGK001 invalid-front-matter\x1b[0m")


def test_unknown_rule_suggests_close_codes(here):
    result = run("rule", "GK01")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("goalkit: no rule 'GK01'; did you mean GK001")
