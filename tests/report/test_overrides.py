"""`--templates DIR`: any template or the stylesheet replaced by name, the rest built-in."""

from __future__ import annotations

from pathlib import Path

from tests.report.helpers import FIXTURES, build, soup, text


def test_override_one_template_and_the_stylesheet(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "style.css").write_text("body { background: papayawhip; }\n")
    (templates / "findings.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block content %}<h1>Our findings</h1>"
        "<p id='count'>{{ site.findings|length }} for {{ site.title }}</p>{% endblock %}\n"
    )
    output = tmp_path / "site"
    result = build(FIXTURES / "mixed", "-o", output, "--templates", templates)
    assert result.exit_code == 0, result.stderr
    assert (output / "style.css").read_text() == "body { background: papayawhip; }\n"
    findings = soup(output / "findings.html")
    assert text(findings.h1) == "Our findings"
    assert text(findings.find(id="count")) == "3 for Goals"
    assert findings.find("nav")  # the built-in base layout still wraps it
    assert text(soup(output / "index.html").h1) == "Goals"


def test_overridden_macros_reach_every_page_that_imports_them(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    builtin = (Path(__file__).resolve().parents[2] / "templates" / "macros.html").read_text()
    patched = builtin.replace(
        '<span class="status status-{{ score.status_class }}">',
        '<span class="status house-status status-{{ score.status_class }}">',
    )
    assert patched != builtin
    (templates / "macros.html").write_text(patched)
    output = tmp_path / "site"
    assert build(FIXTURES / "mixed", "-o", output, "--templates", templates).exit_code == 0
    for page in ("index.html", "goals/team.html", "cycles/2026-q4.html"):
        assert soup(output / page).find("span", class_="house-status"), page


def test_user_templates_are_autoescaped_too(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "goal.html").write_text("<h1>{{ goal.title }}</h1><p>{{ '<b>x</b>' }}</p>\n")
    output = tmp_path / "site"
    assert build(FIXTURES / "hostile", "-o", output, "--templates", templates).exit_code == 0
    page = soup(output / "goals/evil.html")
    assert not page.find("script")
    assert not page.find("b")
    assert text(page.p) == "<b>x</b>"


def test_missing_templates_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = build(FIXTURES / "mixed", "-o", tmp_path / "site", "--templates", tmp_path / "nope")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "site").exists()
