"""The one reader of citable units: paragraphs and section headings, without the site's words."""

from __future__ import annotations

from build_scripts.guidance.paragraphs import SITE_WORDS, Paragraph, page_paragraphs

PAGE = """<h1 id="section-4">4. Impact</h1>
<div class="para" id="4.1"><p><a class="para-num" href="#4.1">4.1</a> During the abuse
<span class="editorial-note">[site note]</span></p><ul><li>a point</li></ul></div>
<h2 id="some-slug">Not citable</h2>
<div class="para" id="4.2"><p><a class="para-num" href="#4.2">4.2</a> During disclosure
<a class="para-changed" href="#">Changed in this edition</a></p></div>"""


def test_citable_units_are_paragraphs_and_section_headings_without_numbers_or_site_notes():
    assert page_paragraphs(PAGE, "impact/") == [
        Paragraph("section-4", "impact/", "Impact"),
        Paragraph("4.1", "impact/", "During the abuse a point"),
        Paragraph("4.2", "impact/", "During disclosure"),
    ]
    assert [p.number for p in page_paragraphs(PAGE, "impact/")] == ["4", "4.1", "4.2"]
    assert Paragraph("stage-1", "a/", "x").number == "Stage 1"


def test_published_text_keeps_the_number_and_headings_are_marked():
    units = page_paragraphs(PAGE, "impact/")
    assert [u.published for u in units] == ["4. Impact", "4.1 During the abuse a point",
                                             "4.2 During disclosure"]  # fmt: skip
    assert [u.heading for u in units] == [True, False, False]


def test_every_class_the_site_adds_to_a_paragraph_is_one_of_the_site_words():
    assert {"editorial-note", "footnote-ref", "para-tools", "para-changed"} <= SITE_WORDS


LISTS = """<h1 id="section-2">2. Assessing</h1>
<h2 id="stage-1">Stage 1 - Initial</h2>
<div class="para" id="2.23"><p><a class="para-num" href="#2.23">2.23</a> Three stages:</p>
<p>b) Analysis:</p><ul><li>severity
<ul><li>nested</li></ul></li><li>safety
<span class="editorial-note">[note]</span></li></ul><p>c) Judgement:</p><ul><li>harm</li></ul></div>
<div class="para" id="2.24"><p>2.24 No list.</p></div>"""


def test_lists_inside_a_paragraph_are_kept_as_lists_of_the_guidances_words():
    units = {u.id: u for u in page_paragraphs(LISTS, "assessment/")}
    assert units["2.23"].items == (("severity nested", "safety"), ("harm",))
    assert (
        units["2.23"].text == "Three stages: b) Analysis: severity nested safety c) Judgement: harm"
    )
    assert units["2.24"].items == () and units["stage-1"].items == ()


def test_every_unit_carries_its_page_title_and_the_heading_it_is_under():
    units = page_paragraphs(LISTS, "assessment/")
    assert {u.page_title for u in units} == {"2. Assessing"}
    assert [(u.id, u.section) for u in units] == [
        ("section-2", ""), ("stage-1", "section-2"), ("2.23", "stage-1"), ("2.24", "stage-1")
    ]  # fmt: skip
