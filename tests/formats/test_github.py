"""GitHub workflow-command annotations, with the escaping `@actions/core` uses."""

from __future__ import annotations

from goalkit.formats import FormatOptions, render
from goalkit.formats.github import escape_data, escape_property


def test_annotations(result):
    assert render("github", result, FormatOptions()).splitlines() == [
        "::error file=goals/a b.md,line=1,col=1,title=GK002 missing-field"
        "::missing `owner` in the front-matter",
        "::warning file=goals/a b.md,line=14,col=8,endLine=14,endColumn=13,"
        "title=OKR105 activity-key-result"
        '::Key result "Write 4 posts, weekly" describes an activity ("write"): 50%25 off'
        "%0AState the result:%0Ahow will you measure it?",
        "::warning file=goals/z.md,line=3,col=5,title=OKR105 activity-key-result::second activity",
        "::notice file=goals/z.md,line=9,col=1,endLine=9,endColumn=20,"
        "title=OKR112 business-as-usual::an objective that only maintains",
    ]


def test_escaping():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("dir:a,b%\n") == "dir%3Aa%2Cb%25%0A"


def test_clean(clean):
    assert render("github", clean, FormatOptions()) == ""
