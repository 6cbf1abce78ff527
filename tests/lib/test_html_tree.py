"""The small HTML reader: a tree of elements, text with whitespace collapsed, skipping elements."""

from __future__ import annotations

from build_scripts.lib.html_tree import parse


def test_elements_nest_and_void_elements_take_no_children():
    root = parse('<div id="a"><p>one<br>two</p><img src="x"><p class="b c">three</p></div>')
    tags = [n.tag for n in root.iter()]
    assert tags == ["#root", "div", "p", "br", "img", "p"]
    div = root.find_all(lambda n: n.attrs.get("id") == "a")[0]
    assert [c.tag for c in div.children] == ["p", "img", "p"]
    assert root.find_all(lambda n: "c" in n.classes)[0].text() == "three"


def test_text_collapses_whitespace_separates_blocks_and_skips_what_is_asked():
    root = parse("<div><p>a  b</p><p>c<span class='x'>hidden</span>\n d</p></div>")
    assert root.text() == "a b chidden d"  # inline elements join their neighbours
    assert root.text(skip=lambda n: "x" in n.classes) == "a b c d"


def test_a_stray_end_tag_closes_nothing_and_entities_are_decoded():
    root = parse("<p>x &amp; y</span></p><p>z</p>")
    assert [n.text() for n in root.iter() if n.tag == "p"] == ["x & y", "z"]
