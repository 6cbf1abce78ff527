"""The "changed in this edition" marker."""

from __future__ import annotations

from build_scripts.editions.marks import mark_changes

HTML = (
    '<p><a class="para-num" href="#2.9">2.9</a> Text</p>'
    '<p><a class="para-num" href="#3.1">3.1</a> More</p>'
)


def test_changed_and_added_paragraphs_get_a_marker_linking_to_what_changed():
    marked = mark_changes(HTML, {"2.9": "changed", "3.1": "added"}, "../what-changed/")
    marker = (
        '<a class="para-changed" href="../what-changed/#change-2.9">Changed in this edition</a>'
    )
    assert marker in marked
    assert 'href="../what-changed/#change-3.1">New in this edition</a>' in marked


def test_other_paragraphs_are_left_alone():
    assert mark_changes(HTML, {"9.9": "changed"}, "x/") == HTML
