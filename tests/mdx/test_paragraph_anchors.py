"""The paragraph anchors extension: which elements a numbered unit wraps."""

from build_scripts.lib.html_tree import parse
from tests.support.markdown import render

DOC = """\
# 2. Section {#section-2}

2.8 The police investigation will usually be lengthy.

2.9 Some key factors may determine the risk:

- previous history
- images of own children

2.10 If any of these risk factors are present, the meeting must consider.

## Stage 2: Core Assessment {#stage-2}

Not numbered, after a heading.

2.18 The following information is important.

!!! note "Things to think about:"
    A callout stands apart.

2.19 Not a list: 2.9 inside text is not a paragraph start.
"""


def units(html):
    return {n.attrs["id"]: n for n in parse(html).iter() if "para" in n.classes}


def test_every_numbered_paragraph_gets_its_number_as_id():
    assert list(units(render(DOC))) == ["2.8", "2.9", "2.10", "2.18", "2.19"]


def test_a_unit_wraps_its_list_up_to_the_next_number():
    unit = units(render(DOC))["2.9"]
    assert "images of own children" in unit.text()
    assert "2.10" not in unit.text()


def test_headings_and_callouts_end_a_unit():
    found = units(render(DOC))
    assert "Core Assessment" not in found["2.10"].text()
    assert "A callout stands apart" not in found["2.18"].text()
    assert "Not numbered" not in " ".join(u.text() for u in found.values())


def test_the_number_stays_visible_text_and_becomes_a_link_to_the_unit():
    unit = units(render(DOC))["2.9"]
    link = next(n for n in unit.iter() if n.tag == "a")
    assert (link.attrs["href"], link.text()) == ("#2.9", "2.9")
    assert unit.text().startswith("2.9 Some key factors")


def test_units_are_left_out_of_heading_search_entries():
    assert all("data-search-exclude" in u.attrs for u in units(render(DOC)).values())


def test_section_ids_come_from_the_page_and_a_number_mid_text_is_not_a_unit():
    html = render(DOC)
    assert 'id="section-2"' in html and 'id="stage-2"' in html
    assert "2.19 Not a list: 2.9 inside" in units(html)["2.19"].text()
