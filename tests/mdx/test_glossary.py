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


def definition(term: str) -> str:
    return next(t.definition for t in load_terms(TERMS) if term in t.forms)


def test_the_conference_is_defined_without_a_condition_2_16_does_not_have():
    conference = definition("child protection conference")
    assert "substantiated" not in conference and "after a Section 47" not in conference
    assert "2.16" in conference
    assert "substantiated" in definition("Initial Child Protection Conference")
    title = abbrs(render("a child protection conference should be convened"))[0].attrs["title"]
    assert title.startswith(conference)


def test_lado_should_be_informed_and_is_named_as_working_together_2023_names_it():
    lado = definition("LADO")
    assert "should be informed" in lado and "must be told" not in lado
    assert "Working Together to Safeguard Children 2023" in lado and "designated officer" in lado


def test_significant_harm_is_also_the_section_47_threshold():
    harm = definition("significant harm")
    assert "section 31" in harm and "Section 47 Enquiry" in harm
    assert "reasonable cause to suspect that a child is suffering, or is likely to suffer" in harm


def test_stale_terms_say_what_replaced_them():
    assert "single assessment" in definition("Initial Assessment")
    assert "single assessment" in definition("Core Assessment")
    assert "Achieving Best Evidence" in definition("video interview")
    assert abbrs(render("including the need for a video interview, this"))
