"""The assessment pathway: every decision point is in the diagram and in its text alternative,
linked to a paragraph that exists, with nothing from another host."""

from build_scripts.lib.files import load_toml
from build_scripts.lib.html_tree import parse
from calculators import checklist_ids
from tests.support.guidance_text import paragraphs
from tests.support.markdown import ROOT, render

DATA = load_toml(ROOT / "docs/_data/pathway.toml")
POINTS = [point for stage in DATA["stage"] for point in stage["point"]]
HTML = render("/// pathway\n///\n")
TREE = parse(HTML)


def test_every_point_cites_real_paragraphs_and_a_real_checklist():
    published = paragraphs()
    for point in POINTS:
        assert all(n in published for n in point["paragraphs"]), point
        assert point.get("checklist", "early-risk-factors") in checklist_ids(), point
    assert {"2.3", "2.9", "2.14", "2.16", "2.17", "2.18", "2.23"} <= {
        n for p in POINTS for n in p["paragraphs"]
    }


def test_the_diagram_links_every_point_and_has_a_title_and_description():
    svg = next(n for n in TREE.iter() if n.tag == "svg")
    links = [n.attrs["href"] for n in svg.iter() if n.tag == "a"]
    for point in POINTS:
        assert any(h.endswith(f"#{point['paragraphs'][0]}") for h in links), point["label"]
    assert svg.attrs["aria-labelledby"] == "pathway-title pathway-desc"
    assert {n.tag for n in svg.iter()} >= {"title", "desc", "text", "tspan", "rect"}
    assert "abbr" not in {n.tag for n in svg.iter()}  # would not render inside SVG


def test_the_text_alternative_has_every_point_with_its_summary_and_checklist_link():
    listing = next(n for n in TREE.iter() if "pathway__list" in n.classes)
    text = listing.text()
    for point in POINTS:
        assert point["label"] in text and point["summary"] in text
    checklist_links = [
        n.attrs["href"]
        for n in listing.iter()
        if n.tag == "a" and n.attrs["href"].startswith("/checklists/")
    ]
    assert len(checklist_links) == len([p for p in POINTS if p.get("checklist")])


def test_nothing_comes_from_another_host():
    assert "http://" not in HTML.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in HTML
