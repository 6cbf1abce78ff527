"""Editorial notes: visibly the site's, right after a link without being eaten by attr_list."""

from tests.support.markdown import render


def test_a_note_renders_labelled_and_bracketed():
    html = render("the indicators in Appendix 3{ed: Appendix 3 is not part of the guidance.}.")
    assert (
        '<span class="editorial-note" role="note">[<span class="editorial-note__label">'
        "Editorial note:</span> Appendix 3 is not part of the guidance.]</span>."
    ) in html


def test_a_note_right_after_a_link_is_not_read_as_link_attributes():
    html = render(
        "[Section 6](protective-carers.md#section-3){ed: This is Section 3 in this edition.}"
    )
    assert '<a href="protective-carers.md#section-3">Section 6</a>' in html
    assert "This is Section 3 in this edition.]" in html


def test_attribute_lists_still_work():
    assert 'id="stage-1"' in render("## Stage 1 {#stage-1}")
