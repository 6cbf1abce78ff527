"""Per-paragraph search entries, located at the paragraph's anchor."""

from build_scripts.search.entries import add_entries, opening, paragraph_entries
from tests.support.markdown import render

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
    assert (
        entries[0]["text"]
        == "<p>2.9 Some key factors may determine the risk: images of own children</p>"
    )


def test_editorial_notes_are_not_indexed_as_guidance():
    entries = paragraph_entries(PAGE, "assessment/")
    assert "Editorial" not in entries[1]["text"]


def test_long_paragraphs_are_titled_by_their_opening_words():
    assert opening("2.3 " + "word " * 40) == "2.3" + " word" * 17 + " …"


def test_entries_follow_their_page_in_the_index():
    index = {"config": {}, "docs": [{"location": "a/"}, {"location": "a/#x"}, {"location": "b/"}]}
    merged = add_entries(index, {"a/": [{"location": "a/#1.1"}]})
    assert [d["location"] for d in merged["docs"]] == ["a/", "a/#x", "a/#1.1", "b/"]
