"""Per-paragraph search entries, located at the paragraph's anchor."""

import re
from dataclasses import dataclass

import pytest

from build_scripts.guidance.paragraphs import sentences
from build_scripts.lib.errors import BuildError
from build_scripts.mdx.glossary import load_terms
from build_scripts.search.entries import (
    ALSO_LABEL,
    add_entries,
    also_known_as,
    glossary_entries,
    groups,
    load_search_terms,
    name_entries,
    opening,
    paragraph_entries,
    weigh,
)
from tests.support.markdown import ROOT, render

PAGE = render(
    "2.9 Some key factors may determine the risk:\n\n- images of own children\n\n"
    "2.20 the indicators in Appendix 3{ed: Appendix 3 is missing.}.\n"
)


def test_each_paragraph_gets_an_entry_at_its_anchor_with_its_text():
    entries = paragraph_entries(PAGE, "assessment/")
    assert [e["location"] for e in entries] == ["assessment/#2.9", "assessment/#2.20"]
    assert (
        entries[0]["title"] == "2.9 Some key factors may determine the risk: images of own children"
    )
    # One <p> a piece: a result shows the piece that matched (the list entry here).
    assert entries[0]["text"] == "<p>2.9 Some key factors may determine the risk:</p>" + (
        "<p>images of own children</p>"
    )


def test_a_paragraph_is_indexed_as_its_sentences_and_whole_list_entries_word_for_word():
    page = render(
        "2.18 The following is important. Ask the Police, e.g. the officer; and ask others.\n\n"
        "- Is there evidence of trading? Were they hidden?\n"
        "- Does the alleged perpetrator work with children? If so refer to Local Authority"
        " Designated Officer.\n"
    )
    (entry,) = paragraph_entries(page, "assessment/", TERMS)
    pieces = re.findall(r"<p>(.*?)</p>", entry["text"])
    assert pieces == [
        "2.18 The following is important.",
        "Ask the Police, e.g. the officer; and ask others.",  # never cut after "e.g."
        "Is there evidence of trading? Were they hidden?",  # a list entry whole
        "Does the alleged perpetrator work with children? If so refer to Local Authority"
        " Designated Officer.",
        f"{ALSO_LABEL} LADO",
    ]
    # "LADO" is found as the piece that names the officer; only then the names' paragraph.
    assert entry["found_as"] == {"LADO": 3}
    assert "found_as" not in paragraph_entries(PAGE, "assessment/", TERMS)[0]


def test_sentences_are_the_text_again_and_cut_only_before_a_capital_or_number():
    text = "Consider the contact. (If possible, explore it) Is there? "
    text += "It is \u2018Misty\u2019. No, e.g. X."
    assert sentences(text) == [
        "Consider the contact.",
        "(If possible, explore it) Is there?",
        "It is \u2018Misty\u2019.",
        "No, e.g. X.",
    ]
    assert sentences("levels 1 - 5. A Images") == ["levels 1 - 5.", "A Images"]
    assert sentences("see s. 47 of the Act") == ["see s. 47 of the Act"]


def test_a_paragraph_whose_pieces_are_not_its_text_fails_the_build(monkeypatch):
    from build_scripts.search import entries as module

    monkeypatch.setattr(module, "page_paragraphs", lambda *_: [_Unit()])
    with pytest.raises(BuildError, match="do not make its text again"):
        paragraph_entries(PAGE, "assessment/")


@dataclass(frozen=True)
class _Unit:
    id: str = "2.1"
    heading: bool = False
    published: str = "2.1 One. Two."
    blocks: tuple[str, ...] = ("2.1 One.",)  # "Two." lost


def test_editorial_notes_are_not_indexed_as_guidance():
    entries = paragraph_entries(PAGE, "assessment/")
    assert "Editorial" not in entries[1]["text"]


def test_long_paragraphs_are_titled_by_their_opening_words():
    assert opening("2.3 " + "word " * 40) == "2.3" + " word" * 17 + " …"


def test_entries_follow_their_page_in_the_index():
    index = {"config": {}, "docs": [{"location": "a/"}, {"location": "a/#x"}, {"location": "b/"}]}
    merged = add_entries(index, {"a/": [{"location": "a/#1.1"}]})
    assert [d["location"] for d in merged["docs"]] == ["a/", "a/#x", "a/#1.1", "b/"]


TERMS = load_terms(str(ROOT / "docs/_data/glossary.toml"))


def test_an_abbreviation_and_its_expansion_are_found_as_each_other():
    page = render(
        "2.18 Does the alleged perpetrator work in a capacity with children (including voluntary"
        " work)? If so refer to Local Authority Designated Officer.\n"
    )
    (entry,) = paragraph_entries(page, "assessment/", TERMS)
    assert entry["text"].startswith("<p>2.18 Does the alleged perpetrator")
    assert f"<p>{ALSO_LABEL} LADO</p>" in entry["text"]
    assert "LADO" not in entry["title"]  # the guidance's words stay as they are


def test_section_47_is_found_as_s47_and_aim_never_matches_the_word_aim():
    assert "s47" in also_known_as("will trigger a Section 47 Enquiry.", TERMS)
    assert also_known_as("the aim of the work", TERMS) == []
    assert "Multi-Agency Public Protection Arrangements" in also_known_as("under MAPPA", TERMS)
    assert "ICPC" in also_known_as("an Initial Child Protection Conference", TERMS)


def test_each_glossary_term_is_an_entry_landing_on_the_term():
    found = glossary_entries(TERMS, "glossary/")
    lado = next(e for e in found if e["title"].startswith("LADO"))
    assert lado["location"] == "glossary/#glossary-lado-local-authority-designated-officer"
    assert len(found) == len(TERMS)
    assert all(len(e["text"]) < 800 for e in found)  # a term, not the whole page


def test_the_guidance_is_weighed_above_the_site_and_checklist_forms_and_the_pathway_list_go():
    docs = [
        {"location": "assessment/", "title": "2. Guidance for assessing", "text": ""},
        {"location": "assessment/#stage-1", "title": "Stage 1", "text": "x"},
        {"location": "assessment/#2.10", "title": "2.10 If any", "text": "x"},
        {"location": "glossary/", "title": "Glossary", "text": "x"},
        {"location": "glossary/#glossary-lado", "title": "LADO", "text": "x"},
        {"location": "threat-model/", "title": "Threat model", "text": "x"},
        {"location": "checklists/early-risk-factors/", "title": "Early risk factors", "text": "x"},
        {"location": "checklists/early-risk-factors/#questions", "title": "Q", "text": "Yes No"},
        {"location": "pathway/", "title": "Assessment pathway", "text": "<p>A</p> <ol>B</ol>"},
        {"location": "pathway/#the-pathway-as-a-list", "title": "List", "text": "B"},
    ]
    weighed = {d["location"]: d for d in weigh({"config": {}, "docs": docs})["docs"]}
    assert "checklists/early-risk-factors/#questions" not in weighed
    assert "pathway/#the-pathway-as-a-list" not in weighed
    assert weighed["pathway/"]["text"] == "<p>A</p>"
    boost = {loc: d.get("boost", 1) for loc, d in weighed.items()}
    assert boost["assessment/#2.10"] == 1
    assert boost["assessment/#stage-1"] == boost["assessment/"] < 1
    assert boost["threat-model/"] < boost["glossary/#glossary-lado"] < boost["assessment/#2.10"]
    assert boost["checklists/early-risk-factors/"] < 1


SEARCH_TERMS = load_search_terms(ROOT / "docs/_data/search_terms.toml")


def test_iioc_finds_what_the_guidance_says_of_indecent_images_and_back():
    names = groups(TERMS, SEARCH_TERMS)
    # 2.5's words and section 8's title of the CPS guidance: found as IIOC.
    assert also_known_as("Other indecent images", names) == ["IIOC", "indecent images of children"]
    cps = "CPS - Indecent and Prohibited Images of Children"
    assert "IIOC" in also_known_as(cps, names)
    assert also_known_as("images of children", names) == []  # not every image is indecent


def test_a_search_term_has_names_and_the_guidances_words_only(tmp_path):
    path = tmp_path / "search_terms.toml"
    path.write_text('[[term]]\nnames = ["IIOC"]\nalso = ["x"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="names and mentioned_as only"):
        load_search_terms(path)


def test_the_themes_page_entries_are_found_by_other_names_too():
    index = {"docs": [
        {"location": "information-and-research/", "title": "8. Information",
         "text": "<ul><li>Government website for the MAPPA Guidance 2014</li></ul>"},
        {"location": "a/#2.5", "title": "2.5", "text": f"<p>x</p><p>{ALSO_LABEL} IIOC</p>"},
    ]}  # fmt: skip
    named = name_entries(index, groups(TERMS, SEARCH_TERMS))["docs"]
    assert named[0]["text"].endswith(
        f"<p>{ALSO_LABEL} Multi-Agency Public Protection Arrangements</p>"
    )
    assert named[1] == index["docs"][1]  # an entry made here is named once


def test_a_title_word_weighs_less_than_the_themes_thousandfold():
    config = {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    weighed = weigh({"config": config, "docs": []})["config"]["fields"]
    assert weighed["title"]["boost"] == 100
    assert config["fields"]["title"]["boost"] == 1000.0  # the theme's index is not changed in place
