"""A goal file written to attack the site: its text must come out as text, never as markup."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.report.helpers import FIXTURES, build, soup, text

ALLOWED_LINK_SCHEMES = ("https:", "http:")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("hostile") / "site"
    result = build(FIXTURES / "hostile", "-o", output)
    assert result.exit_code == 0, result.stderr
    return output


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_element_or_attribute_from_goal_content_reaches_the_pages(hostile_site: Path) -> None:
    for page in html_pages(hostile_site):
        document = soup(page)
        assert not document.find_all(["script", "iframe", "style", "object", "embed"]), page
        for element in document.find_all(True):
            assert not [name for name in element.attrs if name.startswith("on")], (page, element)
        for image in document.find_all("img"):
            assert image["src"].startswith("../badges/"), page


def test_unsafe_link_schemes_are_not_links(hostile_site: Path) -> None:
    page = soup(hostile_site / "goals/evil.html")
    hrefs = [anchor["href"] for anchor in page.find_all("a", href=True)]
    external = [href for href in hrefs if ":" in href.split("/")[0]]
    assert external == ["https://example.org/ok", "https://tracker.example/p.png"]
    prose = text(page.find("section", class_="prose"))
    assert "[click me](javascript:window.__pwned='link')" in prose
    assert "[again](JAVASCRIPT:alert(1))" in prose
    assert "[vb](vbscript:msgbox(1))" in prose
    assert "[data](data:text/html;base64," in prose


def test_remote_images_become_links_so_viewing_fetches_nothing(hostile_site: Path) -> None:
    page = soup(hostile_site / "goals/evil.html")
    link = page.find("a", class_="image-link")
    assert link["href"] == "https://tracker.example/p.png"
    assert text(link) == "image: pixel"


def test_hostile_text_is_shown_verbatim(hostile_site: Path) -> None:
    page = soup(hostile_site / "goals/evil.html")
    title = "Evil <script>window.__pwned = 'title'</script> \" onmouseover=\"window.__pwned='attr'"
    assert text(page.h1) == title
    assert page.title.string == f"{title} · Goals"
    prose = text(page.find("section", class_="prose"))
    assert "<script>window.__pwned = 'body'; alert('body')</script>" in prose
    assert "<img src=x onerror=\"window.__pwned='img'\">" in prose
    objective = page.find("section", class_="objective")
    assert text(objective.h2).startswith("O1 Win \"<script>window.__pwned='objective'</script>\"")
    check_in = text(page.find("ol", class_="timeline"))
    assert "<script>window.__pwned='check-in'</script>" in check_in
    why = page.find("h2", string="Why").parent
    assert "<style>body { display: none }</style>" in text(why)


def test_hostile_owner_gets_a_safe_page_name(hostile_site: Path) -> None:
    owners = sorted(path.name for path in (hostile_site / "owners").iterdir())
    assert owners == ["mallory-img-src-x-onerror-window-pwned-owner.html"]
    page = soup(hostile_site / "owners" / owners[0])
    assert text(page.h1) == 'Mallory "><img src=x onerror="window.__pwned=\'owner\'">'


def test_badge_is_well_formed_xml_with_the_title_escaped(hostile_site: Path) -> None:
    badge = ElementTree.fromstring((hostile_site / "badges/evil.svg").read_bytes())
    namespace = "{http://www.w3.org/2000/svg}"
    assert badge.tag == f"{namespace}svg"
    title = badge.find(f"{namespace}title").text
    assert title.startswith("Evil <script>window.__pwned = 'title'</script>")
    assert badge.find(f"{namespace}script") is None


def test_data_json_keeps_the_text_as_data(hostile_site: Path) -> None:
    data = json.loads((hostile_site / "data.json").read_text())
    goal = data["goals"][0]
    assert goal["owners"] == ['Mallory "><img src=x onerror="window.__pwned=\'owner\'">']
    assert "<script>" in goal["intro_markdown"]


def test_a_hostile_file_name_becomes_a_safe_page_and_escaped_text(tmp_path: Path) -> None:
    from tests.report.helpers import REPOSITORY

    goals = tmp_path / "goals"
    goals.mkdir()
    (goals / "goalkit.toml").write_text("")
    name = 'x" onmouseover="alert(1)\' <img src=x onerror=alert(2)>'
    source = (REPOSITORY / FIXTURES / "hostile" / "evil.md").read_text()
    (goals / f"{name}.md").write_text(source.replace("supports:", "x-supports:"))
    output = tmp_path / "site"
    assert build(goals, "-o", output).exit_code == 0
    pages = sorted(path.name for path in (output / "goals").iterdir())
    assert pages == ["x-onmouseover-alert-1-img-src-x-onerror-alert-2.html"]
    for page in html_pages(output):
        document = soup(page)
        assert not document.find("script"), page
        for element in document.find_all(True):
            assert not [a for a in element.attrs if a.startswith("on")], (page, element)
    goal_page = soup(output / "goals" / pages[0])
    facts = {text(item.dt): text(item.dd) for item in goal_page.find("dl", class_="facts")("div")}
    assert facts["Id"] == name
    assert json.loads((output / "data.json").read_text())["goals"][0]["id"] == name
