"""The glossary: tooltips marked as the site's, first occurrences focusable, one data source."""

from build_scripts.lib.html_tree import parse
from build_scripts.mdx.glossary import LABEL, load_terms
from tests.support.markdown import ROOT, render

TERMS = str(ROOT / "docs/_data/glossary.toml")


def abbrs(html):
    return [n for n in parse(html).iter() if n.tag == "abbr"]


def test_terms_get_a_tooltip_that_says_it_is_not_the_guidance():
    found = abbrs(render("This will trigger a Section 47 Enquiry."))
    assert [a.text() for a in found] == ["Section 47 Enquiry"]
    assert LABEL in found[0].attrs["title"]


def test_only_the_first_occurrence_of_a_term_on_a_page_is_focusable():
    found = abbrs(render("MAPPA and MAPPA.\n\nAgain MAPPA."))
    assert [a.attrs.get("tabindex") for a in found] == ["0", None, None]


def test_other_forms_share_the_definition():
    found = abbrs(render("refer to Local Authority Designated Officer"))
    assert "allegations or concerns" in found[0].attrs["title"]


def test_the_glossary_block_lists_every_term_with_an_id():
    html = render("/// glossary\n///\n")
    terms = load_terms(TERMS)
    dts = [n for n in parse(html).iter() if n.tag == "dt"]
    assert [dt.attrs["id"] for dt in dts] == [t.slug for t in terms]
    assert len(terms) >= 10


def test_definitions_are_short():
    assert all(len(t.definition) <= 320 for t in load_terms(TERMS))
