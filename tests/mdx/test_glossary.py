"""The glossary: tooltips marked as the site's, first occurrences focusable, one data source; the
site's definitions add no rule, and what the guidance says of a term is quoted word for word."""

import re

from build_scripts.lib.html_tree import parse
from build_scripts.mdx.glossary import LABEL, SITE_LABEL, Quote, load_terms
from tests.support.guidance_text import paragraphs
from tests.support.markdown import ROOT, render

TERMS = str(ROOT / "docs/_data/glossary.toml")
RECEIVED = ROOT / "tests/fixtures/guidance-as-received.md"
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
NUMBERED = re.compile(r"^(\d+\.\d+) (.*)$")


def received() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Paragraph number → (its opening text, its list's entries), as received: link marks and
    bold marks left out, the words kept."""
    found: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in RECEIVED.read_text(encoding="utf-8").splitlines():
        line = LINK.sub(r"\1", line).replace("**", "").strip()
        if m := NUMBERED.match(line):
            current = m.group(1)
            found[current] = (m.group(2), [])
        elif current and line.startswith("- "):
            found[current][1].append(line[2:])
        elif line:  # anything else ends the paragraph (a heading, a box, a section)
            current = None
    return {n: (text, tuple(points)) for n, (text, points) in found.items()}


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
    assert "allegations and concerns" in found[0].attrs["title"]


def test_the_glossary_block_lists_every_term_with_an_id():
    html = render("/// glossary\n///\n")
    terms = load_terms(TERMS)
    dts = [n for n in parse(html).iter() if n.tag == "dt"]
    assert [dt.attrs["id"] for dt in dts] == [t.slug for t in terms]
    assert len(terms) >= 10


def test_glossary_entries_are_in_alphabetical_order_ignoring_case():
    names = [t.term for t in load_terms(TERMS)]
    assert names == sorted(names, key=str.casefold)


def test_definitions_are_short():
    assert all(len(t.definition) <= 320 for t in load_terms(TERMS))


def term(name: str):
    return next(t for t in load_terms(TERMS) if name in t.forms)


def definition(name: str) -> str:
    return term(name).definition


# Words that make a definition a rule of the site's (P13, P15): matched as words, any case.
RULE_WORDS = ("must", "should", "reasonable cause", "substantiated", "threshold")


def test_p15_no_definition_of_the_sites_says_must_should_or_a_threshold():
    for t in load_terms(TERMS):
        for word in RULE_WORDS:
            assert not re.search(rf"\b{word}\b", t.definition, re.I), (t.term, word)


def test_p15_the_2_23_c_grades_are_not_given_definitions():
    grades = {"extreme", "serious", "concerning", "highly likely", "likely", "unlikely"}
    for t in load_terms(TERMS):
        assert not {n.casefold() for n in (*t.forms, *t.also)} & grades, t.term


def test_p15_every_quote_is_the_guidance_word_for_word_a_paragraph_or_its_points_whole():
    guidance = received()
    quotes = [(t.term, q) for t in load_terms(TERMS) for q in t.quotes]
    assert len(quotes) >= 9
    for name, quote in quotes:
        text, points = guidance[quote.paragraph]
        if quote.text:  # the paragraph whole: its opening and every entry of its list
            assert (quote.text, quote.points) == (text, points), (name, quote.paragraph)
        else:  # whole entries of its list
            assert set(quote.points) <= set(points), (name, quote.paragraph)


def test_p15_every_quote_is_in_the_paragraph_as_the_site_publishes_it():
    published = paragraphs()
    for t in load_terms(TERMS):
        for quote in t.quotes:
            for words in (quote.text, *quote.points):
                assert words in published[quote.paragraph], (t.term, quote.paragraph, words)


def whole(number: str) -> Quote:
    text, points = received()[number]
    return Quote(number, text, points)


def point(number: str, start: str) -> Quote:
    return Quote(number, "", tuple(p for p in received()[number][1] if p.startswith(start)))


def test_c3_11_each_named_entry_quotes_and_links_its_paragraphs_whole():
    expected = {
        "child protection conference": [whole("2.16"), whole("2.11")],
        "Initial Child Protection Conference": [whole("2.11")],
        "Section 47 Enquiry": [whole("2.3")],
        "Strategy Discussion": [whole("2.6"), whole("2.10"), whole("5.1")],
        "LADO": [point("2.18", "Does the alleged perpetrator work"), point("2.6", "Should other")],
        "significant harm": [whole("2.22")],
    }
    for name, quotes in expected.items():
        assert list(term(name).quotes) == quotes, name
        assert all(q.text or len(q.points) == 1 for q in quotes), name
    conference = " ".join(q.text for q in term("child protection conference").quotes)
    assert "unless there are significant factors noted against that course of action" in conference
    assert "There is a presumption" in term("Section 47 Enquiry").quotes[0].text


def test_c3_11_the_thresholds_the_site_had_added_are_gone():
    added = (
        "substantiated", "reasonable cause to suspect", "what must be done",
        "threshold for compulsory intervention", "should be informed", "Paragraph 2.16 says",
    )  # fmt: skip
    for t in load_terms(TERMS):
        assert not any(a.casefold() in t.definition.casefold() for a in added), t.term
    assert definition("child protection conference").startswith("A meeting of")


def dd_of(html: str, slug: str):
    nodes = list(parse(html).iter())
    dt = next(i for i, n in enumerate(nodes) if n.tag == "dt" and n.attrs.get("id") == slug)
    return next(n for n in nodes[dt:] if n.tag == "dd")


def test_c3_11_the_page_shows_the_sites_definition_and_the_guidances_words_apart():
    html = render("/// glossary\n///\n")
    dd = dd_of(html, term("child protection conference").slug)
    site = next(n for n in dd.iter() if "glossary__site" in n.classes)
    assert site.text().startswith(SITE_LABEL)
    assert "unless there are" not in site.text()
    links = [n.attrs["href"] for n in dd.iter() if n.tag == "a"]
    assert links == ["/assessment.md#2.16", "/assessment.md#2.11"]
    quoted = [n.text() for n in dd.iter() if n.tag == "blockquote"]
    assert [q.strip() for q in quoted] == [whole("2.16").text, whole("2.11").text]
    # every entry is marked as the site's, not only those with a quote
    dds = [n for n in parse(html).iter() if n.tag == "dd"]
    assert all(SITE_LABEL in d.text() for d in dds) and len(dds) == len(load_terms(TERMS))


def test_c3_11_a_list_is_quoted_as_a_list_and_a_point_alone():
    html = render("/// glossary\n///\n")
    strategy = dd_of(html, term("Strategy Discussion").slug)
    items = [n.text() for n in strategy.iter() if n.tag == "li"]
    assert items == list(whole("2.6").points)
    lado = dd_of(html, term("LADO").slug)
    assert "The guidance, from paragraph 2.18:" in lado.text()


def test_tooltips_carry_the_sites_definition_only():
    title = abbrs(render("a child protection conference should be convened"))[0].attrs["title"]
    assert title.startswith(definition("child protection conference"))
    assert "unless there are" not in title


def test_stale_terms_say_what_replaced_them():
    assert "single assessment" in definition("Initial Assessment")
    assert "single assessment" in definition("Core Assessment")
    assert "Achieving Best Evidence" in definition("video interview")
    assert abbrs(render("including the need for a video interview, this"))
