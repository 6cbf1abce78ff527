"""The assessment pathway: faithful to Section 2's stages, every step in the diagram and in its text
alternative linked to paragraphs that exist, no SVG links, nothing from another host."""

import re

from build_scripts.lib.files import load_toml
from build_scripts.lib.html_tree import parse
from calculators import checklist_ids
from tests.support.guidance_text import paragraphs
from tests.support.markdown import ROOT, render

DATA = load_toml(ROOT / "docs/_data/pathway.toml")
STAGES = DATA["stage"]
POINTS = [point for stage in STAGES for point in stage["point"]]
HTML = render("/// pathway\n///\n")
TREE = parse(HTML)


def _part(css: str):
    return next(n for n in TREE.iter() if css in n.classes)


def _linked_paragraphs(node) -> list[str]:
    return [
        n.attrs["href"].split("#")[1]
        for n in node.iter()
        if n.tag == "a" and re.search(r"#\d+\.\d+$", n.attrs.get("href", ""))
    ]


def test_every_point_cites_real_paragraphs_and_real_checklists():
    published = paragraphs()
    for point in POINTS:
        assert all(n in published for n in point["paragraphs"]), point
        assert set(point["checklists"]) <= set(checklist_ids()), point


def test_the_stages_are_the_guidances_with_their_paragraphs():
    by_title = {s["title"]: {n for p in s["point"] for n in p["paragraphs"]} for s in STAGES}
    assert {"2.6", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17"} <= (
        by_title["Stage 1 \u2013 Initial Assessment"]
    )
    assert {"2.18", "2.19", "2.20", "2.21"} <= by_title["Stage 2: Core Assessment"]
    assert {"2.22", "2.23"} <= by_title["Stage 3 \u2013 Reaching a Judgement on Risk"]
    stage2 = {
        c
        for s in STAGES
        if s["title"].startswith("Stage 2")
        for p in s["point"]
        for c in p["checklists"]
    }
    assert {"protective-carer-concerns", "protective-parenting", "interview-planner-children"} <= (
        stage2
    )
    headings = [s["title"] for s in STAGES if not s.get("site_title")]
    text = (ROOT / "docs/assessment.md").read_text(encoding="utf-8")
    assert all(f"## {h} " in text for h in headings)


def test_the_conference_keeps_2_16s_condition_and_exception():
    (point,) = [p for p in POINTS if p["paragraphs"] == ["2.16"]]
    assert "regular contact" in point["condition"]
    assert point["exception"].startswith("unless significant factors")
    diagram = _part("pathway__diagram").text()
    listing = _part("pathway__list").text()
    for text in (diagram, listing):
        assert point["condition"] in text and point["exception"] in text


def test_the_diagram_has_no_svg_links_and_is_marked_as_the_sites_words():
    assert "<svg" not in HTML and "<a xlink" not in HTML
    assert "the site's summary" in _part("pathway__legend").text()


def test_the_text_alternative_names_every_paragraph_the_diagram_links():
    diagram = _linked_paragraphs(_part("pathway__diagram"))
    listing = _part("pathway__list")
    assert sorted(diagram) == sorted(_linked_paragraphs(listing))
    assert set(diagram) == {n for p in POINTS for n in p["paragraphs"]}
    text = listing.text()
    for number in diagram:
        assert re.search(rf"\b{re.escape(number)}\b", text), number
    for point in POINTS:
        assert point["label"] in text and point["summary"] in text


def test_the_diagram_and_the_list_link_the_same_checklists():
    def checklists(node):
        return sorted(
            n.attrs["href"]
            for n in node.iter()
            if n.tag == "a" and n.attrs["href"].startswith("/checklists/")
        )

    expected = sorted(f"/checklists/{c}.md" for p in POINTS for c in p["checklists"])
    assert checklists(_part("pathway__diagram")) == expected
    assert checklists(_part("pathway__list")) == expected


def test_nothing_comes_from_another_host():
    assert "http://" not in HTML and "https://" not in HTML
