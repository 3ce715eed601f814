"""The built site's pages, read as HTML: what a reader sees, where, and that it links up."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.report.helpers import site_files, soup, text

PAGES = [
    "index.html",
    "alignment.html",
    "findings.html",
    "goals/freelance-2026-q4-okrs.html",
    "owners/maya-lindqvist.html",
    "cycles/2026-q4.html",
]


def test_sample_site_has_every_page_and_file(sample_site: Path) -> None:
    files = set(site_files(sample_site))
    assert {
        "index.html",
        "alignment.html",
        "findings.html",
        "style.css",
        "data.json",
        ".goalkit-site.json",
        "goals/company-2026-h2.html",
        "goals/freelance-2026-q3-okrs.html",
        "goals/freelance-2026-q4-okrs.html",
        "goals/freelance-weak-goals.html",
        "goals/freelance-weekly-certification.html",
        "goals/team-growth-2026-q4.html",
        "badges/freelance-2026-q4-okrs.svg",
        "owners/maya-lindqvist.html",
        "owners/northwind-studio.html",
        "owners/northwind-growth-team.html",
        "cycles/2026-q3.html",
        "cycles/2026-q4.html",
        "cycles/2026-h2.html",
    } <= files
    manifest = json.loads((sample_site / ".goalkit-site.json").read_text())
    assert manifest["generator"] == "goalkit"
    assert set(manifest["files"]) == files - {".goalkit-site.json"}


@pytest.mark.parametrize("page", PAGES)
def test_pages_are_semantic_html(sample_site: Path, page: str) -> None:
    document = soup(sample_site / page)
    assert document.html["lang"] == "en"
    assert document.find("meta", charset="utf-8")
    assert document.find("header") and document.find("footer")
    assert len(document.find_all("main")) == 1
    assert document.find("nav")["aria-label"] == "Site"
    assert len(document.find_all("h1")) == 1
    levels = [int(heading.name[1]) for heading in document.find_all(["h1", "h2", "h3", "h4"])]
    assert levels[0] == 1
    assert all(after - before <= 1 for before, after in pairwise(levels)), levels
    for table in document.find_all("table"):
        assert table.find("thead").find_all("th", scope="col")


@pytest.mark.parametrize("page", PAGES)
def test_no_external_requests_and_only_relative_links(sample_site: Path, page: str) -> None:
    document = soup(sample_site / page)
    assert not document.find("script")
    for element in document.find_all(src=True):
        assert not urlsplit(element["src"]).scheme, element
    for link in document.find_all("link", href=True):
        assert not urlsplit(link["href"]).scheme, link
    assert document.find("link", rel="stylesheet")["href"] == "../" * page.count("/") + "style.css"


def test_ids_are_unique_on_every_page(sample_site: Path) -> None:
    for page in sorted(sample_site.rglob("*.html")):
        ids = [element["id"] for element in soup(page).find_all(id=True)]
        assert len(ids) == len(set(ids)), page


def test_every_internal_link_resolves(sample_site: Path) -> None:
    for page in sorted(sample_site.rglob("*.html")):
        document = soup(page)
        for anchor in document.find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.name}: {anchor['href']}"
            if parts.fragment and target.suffix == ".html":
                assert soup(target).find(id=parts.fragment), f"{page.name}: {anchor['href']}"


def test_overview_lists_cycles_and_owners_with_scores(sample_site: Path) -> None:
    document = soup(sample_site / "index.html")
    table = document.find("table", class_="cycles")
    rows = [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.tbody("tr")]
    assert rows[0][0].startswith("2026-Q4 2026-10-01 – 2026-12-31 overall")
    assert rows[0][1:3] == ["Maya Lindqvist", "55% (41 days left)"]
    assert rows[0][4:] == ["0.56", "on track"]
    owners_by_cycle = [row[1] if len(row) == 6 else row[0] for row in rows]
    assert owners_by_cycle == [
        "Maya Lindqvist",
        "Northwind Growth Team",
        "no owner",
        "Northwind Studio",
        "Maya Lindqvist",
    ]
    h2 = [text(heading) for heading in document.find_all("h2")]
    assert h2[:3] == ["Cycles and owners", "Score distribution", "2026-Q4 2026-10-01 – 2026-12-31"]
    assert h2[3:] == ["2026-H2 2026-07-01 – 2026-12-31", "2026-Q3 2026-07-01 – 2026-09-30"]


def test_overview_shows_each_objective_with_bar_and_pace(sample_site: Path) -> None:
    document = soup(sample_site / "index.html")
    card = next(
        card
        for card in document.find_all("li", class_="goal-card")
        if text(card.h4).startswith("Freelance OKRs, Q4 2026")
    )
    objectives = card.find("ul", class_="objective-list").find_all("li", recursive=False)
    assert [text(item.a) for item in objectives] == [
        "O1 Establish authority in niche marketing",
        "O2 Build a business that pays for deep work",
        "O3 Fill my pipeline with clients I want to work with",
    ]
    first = objectives[0]
    assert first.a["href"] == "goals/freelance-2026-q4-okrs.html#o1"
    bar = first.find("svg")
    assert bar["role"] == "img"
    assert bar["aria-label"] == "O1: 33% progress, 55% expected by today"
    assert text(bar.title) == bar["aria-label"]
    assert text(first.find(class_="status")) == "off track"
    assert "Time elapsed: " in text(document.find("p", class_="elapsed"))


def test_score_distribution_has_a_text_alternative(sample_site: Path) -> None:
    chart = soup(sample_site / "index.html").find("svg", class_="distribution")
    assert chart["role"] == "img"
    title_id, description_id = chart["aria-labelledby"].split()
    assert chart.find(id=title_id).name == "title"
    description = text(chart.find(id=description_id))
    assert description.startswith("9 green (0.7 and above), 13 yellow (0.4 to 0.7), 7 red")
    bars = chart.find_all("rect", class_="fill")
    assert sum(int(count.string) for count in chart.find_all("text", class_="count")) == 29
    assert {tuple(bar["class"]) for bar in bars} <= {
        ("fill", "band-red"),
        ("fill", "band-yellow"),
        ("fill", "band-green"),
    }


def test_goal_page_shows_key_results_from_baseline_to_target(sample_site: Path) -> None:
    document = soup(sample_site / "goals/freelance-2026-q4-okrs.html")
    assert text(document.h1) == "Freelance OKRs, Q4 2026"
    facts = {text(item.dt): text(item.dd) for item in document.find("dl", class_="facts")("div")}
    assert facts["Owner"] == "Maya Lindqvist"
    assert facts["Period"] == "2026-10-01 – 2026-12-31 (55% elapsed)"
    assert facts["File"] == "sample-goals/freelance/2026-Q4-okrs.md"
    objective = document.find("section", id="o2")
    assert text(objective.h2) == "O2 Build a business that pays for deep work committed"
    rows = {
        row["id"]: [text(cell) for cell in row.find_all(["th", "td"], recursive=False)]
        for row in objective.tbody("tr")
    }
    assert rows["o2-kr1"][1:] == ["$800 → to $850 → of target $920", "0.42 at risk", "—"]
    assert rows["o2-kr3"][1:] == ["done", "1.00 done", "—"]
    kr1 = document.find("tr", id="o1-kr1")
    assert text(kr1.find_all("td")[-1]) == "6/10"
    initiatives = kr1.find("ul", class_="initiatives")("li")
    assert [item["class"] for item in initiatives] == [["done"], ["open"]]
    assert text(kr1.find(class_="supported-by").a) == (
        "Submit 6 talk proposals to industry conferences by 2026-11-30"
    )


def test_goal_page_shows_check_ins_prose_quality_and_badge(sample_site: Path) -> None:
    document = soup(sample_site / "goals/freelance-2026-q4-okrs.html")
    timeline = document.find("ol", class_="timeline")
    assert [item.time["datetime"] for item in timeline("li")] == ["2026-10-15", "2026-11-12"]
    assert "First talk accepted!" in text(timeline("li")[1])
    why = document.find("h2", string="Why").parent
    assert "choose my clients" in text(why)
    quality = document.find("h2", id="quality-heading").parent
    items = [text(item) for item in quality("li")]
    assert "✓ OKR: Measurable key results: met" in items
    assert all(item.endswith(": met") for item in items)
    badge = document.find("section", class_="badge-section").img
    assert badge["src"] == "../badges/freelance-2026-q4-okrs.svg"
    assert badge["alt"] == "Progress badge of Freelance OKRs, Q4 2026"


def test_weak_goal_page_lists_its_findings_and_unmet_criteria(sample_site: Path) -> None:
    document = soup(sample_site / "goals/freelance-weak-goals.html")
    findings = document.find("table", class_="findings")
    rows = findings.tbody("tr")
    locations = [text(row.td) for row in rows]
    codes = [text(row.find_all("td")[1]).split()[0] for row in rows]
    data = json.loads((sample_site / "data.json").read_text())
    expected = [f for f in data["findings"] if f["page"] == "goals/freelance-weak-goals.html"]
    assert codes == [finding["code"] for finding in expected]
    assert locations == [
        f"line {f['location']['line']}:{f['location']['column']}" for f in expected
    ]
    assert {"GK002", "OKR103", "OKR105"} <= set(codes)
    unmet = [text(item) for item in document.find("ul", class_="quality").find_all(class_="unmet")]
    assert any(item.startswith("✗ OKR: Measurable key results: not met (") for item in unmet)


def test_findings_page_links_every_finding_to_its_goal(sample_site: Path) -> None:
    document = soup(sample_site / "findings.html")
    data = json.loads((sample_site / "data.json").read_text())
    rows = document.find("table", class_="findings").tbody("tr")
    assert len(rows) == len(data["findings"]) > 0
    for row, finding in zip(rows, data["findings"], strict=True):
        location = finding["location"]
        link = row.td.a
        assert text(link) == f"{location['path']}:{location['line']}:{location['column']}"
        assert link["href"] == finding["page"]
    lede = text(document.find("p", class_="lede"))
    assert lede.startswith(f"{len(rows)} findings (")


def test_alignment_nests_smart_goals_under_the_key_results_they_support(
    sample_site: Path,
) -> None:
    document = soup(sample_site / "alignment.html")
    tree = document.find("ul", class_="alignment-tree")
    roots = [text(item.find("p", class_="align-title").a) for item in tree("li", recursive=False)]
    assert roots == ["Northwind Studio OKRs, H2 2026", "Freelance OKRs, Q4 2026"]
    freelance = tree("li", recursive=False)[1]
    key_result = next(
        item
        for item in freelance.find_all("li", class_="align-key-result")
        if text(item.p.a).startswith("KR1 Speak at 3")
    )
    supporter = key_result.find("li", class_="align-goal")
    assert text(supporter.p.a) == "Submit 6 talk proposals to industry conferences by 2026-11-30"
    company = tree("li", recursive=False)[0]
    team = [text(item.p.a) for item in company.find_all("li", class_="align-goal")]
    # The team file names both company O1 and O1.KR1: it is shown once, under the key result.
    assert team == ["Growth team OKRs, Q4 2026"]
    assert text(company.find("li", class_="align-key-result").p.a).startswith("KR1 Grow inbound")
    unaligned = document.find("h2", id="unaligned-heading").parent
    assert [text(item.a) for item in unaligned("li")] == [
        "Freelance OKRs, Q3 2026",
        "Marketing goals",
    ]


def test_owner_and_cycle_pages(sample_site: Path) -> None:
    owner = soup(sample_site / "owners/maya-lindqvist.html")
    assert text(owner.h1) == "Maya Lindqvist"
    assert [text(h2.a) for h2 in owner("h2")] == ["2026-Q4", "2026-Q3"]
    cycle = soup(sample_site / "cycles/2026-q4.html")
    assert text(cycle.h1) == "Cycle 2026-Q4"
    assert [text(h2).split(" 0.")[0] for h2 in cycle("h2")][:3] == [
        "Score distribution",
        "Maya Lindqvist",
        "Northwind Growth Team",
    ]
    description = text(cycle.find("svg", class_="distribution").desc)
    assert description.startswith("6 green (0.7 and above), 9 yellow (0.4 to 0.7), 6 red")
    titles = [text(card.h3.a) for card in cycle("li", class_="goal-card")]
    assert titles[0] == "Freelance OKRs, Q4 2026"
    assert "Marketing goals" in titles


def test_unreadable_file_is_an_error_with_its_location(mixed_site: Path) -> None:
    overview = soup(mixed_site / "index.html")
    assert text(overview.title) == "Team goals"
    errors = overview.find("section", class_="errors")
    assert [text(item) for item in errors("li")] == [
        "tests/report/fixtures/mixed/broken.md:5:1: front-matter is not valid YAML: "
        "expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence that starts on line 4)"
    ]
    page = soup(mixed_site / "goals/broken.html")
    assert text(page.find("h2", id="errors-heading")) == "This file could not be read"
    assert text(soup(mixed_site / "goals/team.html").h1) == "Team OKRs"


def test_supports_link_to_the_key_result_anchor(mixed_site: Path) -> None:
    page = soup(mixed_site / "goals/alice.html")
    link = page.find("h2", id="supports-heading").parent.a
    assert link["href"] == "../goals/team.html#o1-kr1"
    assert text(link) == "Team OKRs O1.KR1"
    smart = page.find("section", class_="smart")
    assert text(smart.p) == "Interview 10 customers by 2026-12-15"
    assert "4 interviews → of target 10 interviews" in text(smart)
    milestones = [item["class"] for item in smart.find("ul", class_="initiatives")("li")]
    assert milestones == [["done"], ["open"]]
    why = page.find("h2", string="Why").parent
    assert why.find("em").string == "NPS"


def test_base_url_gives_canonical_links_only(tmp_path: Path) -> None:
    from tests.report.helpers import FIXTURES, build

    output = tmp_path / "site"
    result = build(FIXTURES / "mixed", "-o", output, "--base-url", "https://example.org/goals")
    assert result.exit_code == 0
    page = soup(output / "goals/team.html")
    assert page.find("link", rel="canonical")["href"] == "https://example.org/goals/goals/team.html"
    index = soup(output / "index.html")
    assert index.find("link", rel="canonical")["href"] == "https://example.org/goals/"
    assert page.find("a", string="Overview")["href"] == "../index.html"
    badge_code = page.find("section", class_="badge-section").code
    assert text(badge_code) == "![progress](https://example.org/goals/badges/team.svg)"
    sitemap = ElementTree.fromstring((output / "sitemap.xml").read_bytes())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [element.text for element in sitemap.iter(f"{namespace}loc")]
    assert locations[:3] == [
        "https://example.org/goals/alignment.html",
        "https://example.org/goals/cycles/2026-q4.html",
        "https://example.org/goals/findings.html",
    ]
    assert "https://example.org/goals/" in locations
    assert len(locations) == len(list(output.rglob("*.html")))


def test_no_sitemap_without_a_base_url(mixed_site: Path) -> None:
    assert not (mixed_site / "sitemap.xml").exists()


def test_findings_page_counts_suppression_debt_per_cycle(tmp_path: Path) -> None:
    from tests.report.helpers import FIXTURES, build

    output = tmp_path / "site"
    assert build(FIXTURES / "suppressed", "-o", output).exit_code == 0
    document = soup(output / "findings.html")
    table = document.find("table", class_="debt")
    rows = [[text(cell) for cell in row(["th", "td"])] for row in table.tbody("tr")]
    assert rows == [["2026-Q4", "3", "1", "1"], ["2026-Q3", "1", "0", "1"]]
    q4 = document.find("h3", string="2026-Q4").find_next_sibling("ul")
    assert [text(item) for item in q4("li")] == [
        "tests/report/fixtures/suppressed/q4.md:6:1 front-matter OKR101: "
        "one objective on purpose while we pilot",
        "tests/report/fixtures/suppressed/q4.md:13:1 disable-next-line OKR105: "
        "the launch itself is the milestone we promised",
        "tests/report/fixtures/suppressed/q4.md:15:1 disable-next-line OKR104: "
        "no reason given unused",
    ]
    assert q4.li.a["href"] == "goals/q4.html"
    cycle = soup(output / "cycles/2026-q4.html")
    facts = {text(item.dt): text(item.dd) for item in cycle.find("dl", class_="facts")("div")}
    assert facts["Suppressions in force"] == "3"
    goal = soup(output / "goals/q4.html")
    findings = goal.find("h2", id="findings-heading").parent
    assert "3 suppressions in force: line 6 (OKR101: one objective on purpose" in text(findings)


def test_a_reference_cycle_is_shown_once_and_ends(tmp_path: Path) -> None:
    from tests.report.helpers import FIXTURES, build

    output = tmp_path / "site"
    assert build(FIXTURES / "cycle", "-o", output).exit_code == 0
    tree = soup(output / "alignment.html").find("ul", class_="alignment-tree")
    titles = [text(item.p.a) for item in tree.find_all("li", class_="align-goal")]
    assert titles == ["Alpha", "Beta"]
    beta = tree.find_all("li", class_="align-goal")[1]
    key_result = beta.find_parent("li", class_="align-key-result")
    assert key_result.p.a["href"] == "goals/alpha.html#o1-kr1"


@pytest.mark.parametrize(
    ("goal", "measure"),
    [("scored", "scored 0.6"), ("threshold", "3% → of target 4% (at most)")],
)
def test_smart_goals_of_every_measure_kind(tmp_path: Path, goal: str, measure: str) -> None:
    from tests.report.helpers import FIXTURES, build

    output = tmp_path / "site"
    assert build(FIXTURES / "smart-kinds", "-o", output).exit_code == 0
    page = soup(output / f"goals/{goal}.html")
    assert text(page.find("section", class_="smart").find(class_="measure")) == measure
    card = soup(output / "index.html").find("a", href=f"goals/{goal}.html").find_parent("li")
    assert text(card.find(class_="measure")) == measure


@pytest.mark.parametrize(
    ("today", "elapsed", "status"),
    [
        ("2026-09-01", "0% (starts 2026-10-01)", "not started"),
        ("2026-12-30", "99% (1 day left)", "at risk"),
        ("2027-01-15", "100% (ended)", "at risk"),
    ],
)
def test_time_elapsed_before_during_and_after_a_cycle(
    tmp_path: Path, today: str, elapsed: str, status: str
) -> None:
    from tests.report.helpers import FIXTURES, build

    output = tmp_path / "site"
    assert build(FIXTURES / "mixed", "-o", output, today=today).exit_code == 0
    row = soup(output / "index.html").find("table", class_="cycles").tbody.tr
    cells = [text(cell) for cell in row(["th", "td"])]
    assert cells[2] == elapsed
    assert cells[0].endswith(f", {status}")
