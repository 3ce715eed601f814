"""The report's small parts on their own: prose, links, charts, badges, slugs, output folder."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from goalkit.report.badges import badge_svg
from goalkit.report.charts import bucket_counts, progress_bar, score_distribution
from goalkit.report.output import MANIFEST, OutputFile, SiteRefused, write_site
from goalkit.report.prose import intro_source, is_safe_link, render_inline, render_markdown
from goalkit.report.slugs import slugify, unique_slugs

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_are_refused(url: str) -> None:
    assert not is_safe_link(url)
    if url == url.strip() and "\t" not in url and "\n" not in url:
        assert "<a" not in render_inline(f"[x](<{url}>)")


@pytest.mark.parametrize(
    "url", ["https://example.org", "http://a.b/c?d#e", "mailto:me@example.org", "../x.html", "#o1"]
)
def test_ordinary_links_are_kept(url: str) -> None:
    assert is_safe_link(url)
    assert BeautifulSoup(render_inline(f"[x]({url})"), "html.parser").a["href"] == url


def test_markdown_escapes_raw_html_and_renders_tasklists() -> None:
    html = render_markdown("<b>bold</b> *em*\n\n- [x] done\n- [ ] open\n")
    document = BeautifulSoup(html, "html.parser")
    assert not document.find("b")
    assert document.p.get_text() == "<b>bold</b> em"
    boxes = document.find_all("input", type="checkbox")
    assert [box.has_attr("checked") for box in boxes] == [True, False]
    assert all(box.has_attr("disabled") and box.parent.name == "label" for box in boxes)


def test_markdown_headings_start_at_the_requested_level() -> None:
    document = BeautifulSoup(render_markdown("#### A\n\n##### B\n", top_level=3), "html.parser")
    assert [heading.name for heading in document.find_all(["h3", "h4", "h5", "h6"])] == ["h3", "h4"]


def test_intro_is_the_prose_before_the_first_objective_without_the_title() -> None:
    body = "# Plans\n\nWhy this *quarter* matters.\n\n## O1: Grow\n\n- KR1: x\n"
    assert intro_source(body, "Plans") == "Why this *quarter* matters."
    assert intro_source("# Other\n\nText\n", "Plans") == "# Other\n\nText"


def test_progress_bar_has_its_value_in_words_and_a_clamped_fill() -> None:
    svg = ElementTree.fromstring(str(progress_bar(1.4, 0.5, "KR1")))
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "KR1: 140% progress, 50% expected by today"
    fill = next(r for r in svg.iter(f"{SVG}rect") if "fill" in r.get("class", ""))
    assert fill.get("width") == "120"
    assert fill.get("class") == "fill band-green"
    unknown = ElementTree.fromstring(str(progress_bar(None)))
    assert unknown.get("aria-label") == "progress unknown"
    assert [r.get("class") for r in unknown.iter(f"{SVG}rect")] == ["track"]


def test_histogram_counts_each_tenth_and_says_so() -> None:
    assert bucket_counts([0.0, 0.05, 0.3, 0.7, 0.99, 1.0]) == [2, 0, 0, 1, 0, 0, 0, 1, 0, 2]
    svg = ElementTree.fromstring(str(score_distribution([0.2, 0.5, 1.0], "d")))
    assert svg.get("aria-labelledby") == "d-title d-desc"
    description = svg.find(f"{SVG}desc").text
    assert description == (
        "1 green (0.7 and above), 1 yellow (0.4 to 0.7), 1 red (below 0.4). "
        "By tenth: 0.2–0.3: 1, 0.5–0.6: 1, 0.9–1.0: 1."
    )
    empty = ElementTree.fromstring(str(score_distribution([], "e")))
    assert empty.find(f"{SVG}desc").text == "No key result has a known score yet."


def test_badge_escapes_its_text_and_widens_with_it() -> None:
    short = ElementTree.fromstring(badge_svg("progress", "5%", "red", "A"))
    long = ElementTree.fromstring(badge_svg("progress", "55% · on track", "green", 'x"<&>'))
    assert int(long.get("width")) > int(short.get("width"))
    assert long.find(f"{SVG}title").text == 'x"<&>: progress 55% · on track'
    texts = [element.text for element in long.iter(f"{SVG}text")]
    assert texts == ["progress", "55% · on track"]


def test_slugs_are_safe_and_unique() -> None:
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ünïcode Owner") == "unicode-owner"
    assert slugify("<>") == "item"
    assert unique_slugs(["A b", "a-b", "A_B"]) == {"A b": "a-b", "A_B": "a-b-2", "a-b": "a-b-3"}


def files(contents: dict[str, str]) -> list[OutputFile]:
    return [OutputFile(name, lambda text=text: text.encode()) for name, text in contents.items()]


def test_write_site_creates_parents_and_a_manifest(tmp_path: Path) -> None:
    output = tmp_path / "deep" / "site"
    summary = write_site(output, files({"index.html": "i", "goals/a.html": "a"}))
    assert summary.files == ("goals/a.html", "index.html")
    manifest = json.loads((output / MANIFEST).read_text())
    assert manifest == {
        "files": ["goals/a.html", "index.html"],
        "format": 1,
        "generator": "goalkit",
    }


def test_write_site_refuses_paths_that_climb_out(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsafe path"):
        write_site(tmp_path / "site", [OutputFile("../evil.html", lambda: b"x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_corrupt_manifest_is_refused_without_force(tmp_path: Path) -> None:
    output = tmp_path / "site"
    output.mkdir()
    (output / MANIFEST).write_text("{not json")
    with pytest.raises(SiteRefused, match="cannot be read"):
        write_site(output, files({"index.html": "i"}))
    summary = write_site(output, files({"index.html": "i"}), force=True)
    assert summary.files == ("index.html",)


def test_an_exception_while_rendering_removes_the_staging_folder(tmp_path: Path) -> None:
    output = tmp_path / "site"
    write_site(output, files({"index.html": "old"}))

    def explode() -> bytes:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_site(output, [*files({"index.html": "new"}), OutputFile("b.html", explode)])
    assert (output / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
