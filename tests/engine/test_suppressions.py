"""Inline and front-matter suppressions, their reasons, and GK009 for the ones that do nothing."""

from __future__ import annotations

from goalkit.suppressions import SuppressionKind
from tests.engine.helpers import FIXTURES, config, found, run

SELECTED = ("OKR105", "OKR103", "GK007", "GK009")


def test_next_line_and_range_silence_their_lines_only():
    result = run([FIXTURES / "suppressed.md"], config(select=SELECTED))
    assert found(result) == [
        ("suppressed.md", 14, 8, "OKR105"),  # the line after the next-line target
        ("suppressed.md", 27, 8, "OKR105"),  # after `goalkit-enable`
        ("suppressed.md", 28, 1, "GK009"),  # KR2 below it is measurable
    ]
    assert result.diagnostics[-1].message == (
        "unused suppression of OKR103: nothing here is reported"
    )


def test_suppressions_in_force_are_reported_with_reason_and_use():
    result = run([FIXTURES / "suppressed.md"], config(select=SELECTED))
    described = [
        (s.line, s.kind, s.codes, s.reason, s.used, s.first_line, s.last_line)
        for s in result.suppressions
    ]
    assert described == [
        (12, SuppressionKind.NEXT_LINE, ("OKR105",),
         "the posts are the outcome the client pays for", True, 13, 13),
        (16, SuppressionKind.RANGE, ("OKR105",), None, True, 16, 23),
        (28, SuppressionKind.NEXT_LINE, ("OKR103",), None, False, 29, 29),
    ]  # fmt: skip
    assert {s.path for s in result.suppressions} == {(FIXTURES / "suppressed.md").as_posix()}


def test_front_matter_ignore_covers_the_file_and_keeps_its_reason():
    result = run([FIXTURES / "front-matter-ignore.md"], config(select=SELECTED))
    assert found(result) == []
    [suppression] = result.suppressions
    assert suppression.kind is SuppressionKind.FRONT_MATTER
    assert (suppression.line, suppression.codes, suppression.used) == (6, ("OKR105",), True)
    assert suppression.reason == "a study quarter: the activities are the point"


def test_disable_file_covers_every_listed_code():
    result = run([FIXTURES / "disable-file.md"], config(select=SELECTED))
    assert found(result) == []
    [suppression] = result.suppressions
    assert suppression.codes == ("OKR105", "GK007")
    assert suppression.reason == "drafts from the offsite"


def test_without_the_comment_the_hidden_findings_come_back(tmp_path):
    text = (FIXTURES / "disable-file.md").read_text(encoding="utf-8")
    comment = "<!-- goalkit-disable-file OKR105 GK007 -- drafts from the offsite -->\n"
    assert comment in text
    path = tmp_path / "disable-file.md"
    path.write_text(text.replace(comment, "\n"), encoding="utf-8")
    assert found(run([path], config(select=SELECTED))) == [
        ("disable-file.md", 14, 8, "OKR105"),
        ("disable-file.md", 14, 32, "GK007"),
        ("disable-file.md", 15, 8, "OKR105"),
    ]


def test_malformed_directives_are_reported_and_never_suppress_everything():
    result = run([FIXTURES / "malformed.md"], config(select=SELECTED))
    assert [(d.line, d.code, d.message) for d in result.diagnostics] == [
        (10, "GK009", "unknown directive `goalkit-disabel`; use goalkit-disable, "
         "goalkit-enable, goalkit-disable-next-line or goalkit-disable-file"),
        (11, "GK009", "suppression names OKR999, which matches no rule"),
        (12, "GK009", "`goalkit-disable-next-line` names OKR1-05, which is not a rule code "
         "or prefix"),
    ]  # fmt: skip


def test_required_reason(tmp_path):
    result = run(
        [FIXTURES / "suppressed.md"], config(select=SELECTED, require_suppression_reason=True)
    )
    missing = [d.line for d in result.diagnostics if "gives no reason" in d.message]
    assert missing == [16, 28]


def test_unused_suppression_of_a_rule_that_is_not_selected_is_not_reported():
    result = run([FIXTURES / "suppressed.md"], config(select=("OKR105", "GK009")))
    assert ("suppressed.md", 28, 1, "GK009") not in found(result)


def test_gk009_can_itself_be_suppressed(tmp_path):
    path = tmp_path / "quiet.md"
    path.write_text(
        "# Quiet\n\n<!-- goalkit-disable-file GK009 -->\n\n"
        "<!-- goalkit-disable-next-line OKR105 -->\n- Grow readers from 300 to 900\n",
        encoding="utf-8",
    )
    result = run([path], config(select=SELECTED))
    assert found(result) == []
    assert [s.used for s in result.suppressions] == [True, False]


def test_prefix_and_all_selectors_in_suppressions(tmp_path):
    path = tmp_path / "prefixes.md"
    path.write_text(
        "---\ntitle: Prefixes\ntype: okr\nowner: Maya\ncycle: 2026-Q4\n---\n\n"
        "## O1: Learn the craft of copywriting\n\n"
        "<!-- goalkit-disable-next-line OKR -->\n- KR1: Write 20 sales letters\n"
        "<!-- goalkit-disable-next-line ALL -->\n- KR2: Attend 2 workshops\n"
        "<!-- goalkit-disable-next-line -->\n- KR3: Analyze 40 ads\n",
        encoding="utf-8",
    )
    result = run([path], config(select=SELECTED))
    assert found(result) == []
    assert [s.codes for s in result.suppressions] == [("OKR",), ("ALL",), ()]
    assert all(s.used for s in result.suppressions)


def test_enable_with_codes_closes_only_the_ranges_it_names(tmp_path):
    path = tmp_path / "ranges.md"
    path.write_text(
        "---\ntitle: Ranges\ntype: okr\nowner: Maya\ncycle: 2026-Q4\n---\n\n"
        "## O1: Learn the craft of copywriting\n\n"
        "<!-- goalkit-disable OKR105 -->\n"
        "<!-- goalkit-disable OKR103 -->\n"
        "- KR1: Write sales letters\n"
        "<!-- goalkit-enable OKR105 -->\n"
        "- KR2: Attend workshops\n"
        "<!-- goalkit-enable -->\n"
        "- KR3: Analyze ads\n",
        encoding="utf-8",
    )
    result = run([path], config(select=SELECTED))
    assert found(result) == [
        ("ranges.md", 14, 8, "OKR105"),
        ("ranges.md", 16, 8, "OKR103"),
        ("ranges.md", 16, 8, "OKR105"),
    ]
    assert [(s.first_line, s.last_line) for s in result.suppressions] == [(10, 13), (11, 15)]
