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
