"""The change feed (build_scripts/editions/feed.py), parsed as Atom (RFC 4287) with xml.etree:
feedparser is not installed in the project's environment, so the test checks the RFC's required
elements itself (feed and entry: id, title, updated, author, link rel=alternate)."""

from __future__ import annotations

import datetime
import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from build_scripts.editions.changes import compare
from build_scripts.editions.feed import ATOM, atom_feed
from build_scripts.editions.model import Edition
from build_scripts.guidance.paragraphs import Paragraph

A = f"{{{ATOM}}}"
ONE = Edition(1, "1", "Edition 1", "The guidance as received.", Path("."))
TWO = Edition(
    2, "2", "Edition 2", "Reworded.", Path("."), datetime.date(2027, 4, 1),
    removed=("2.7",), renumbered={"4.2": "4.3"},
)  # fmt: skip
OLD = [Paragraph("2.7", "a/", "gone"), Paragraph("2.9", "a/", "Factors may matter"),
       Paragraph("4.2", "i/", "x")]  # fmt: skip
NEW = [Paragraph("2.9", "a/", "Factors can matter"), Paragraph("4.3", "i/", "x"),
       Paragraph("1.9", "n/", "new words")]  # fmt: skip
BUILT = datetime.datetime(2027, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


def parse_atom(text: str) -> etree.Element:
    """The feed, checked against RFC 4287's required elements; returns the root."""
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    stamp = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
    for node in [root, *root.findall(f"{A}entry")]:
        for tag in ("id", "title", "updated"):
            assert len(node.findall(f"{A}{tag}")) == 1, (node.tag, tag)
        assert stamp.match(node.findtext(f"{A}updated"))
        assert node.findtext(f"{A}id").startswith("http")  # an IRI
        alternate = [x for x in node.findall(f"{A}link") if x.get("rel") == "alternate"]
        assert alternate and alternate[0].get("href", "").startswith("http")
        if node is not root:
            assert node.find(f"{A}content") is not None or node.find(f"{A}summary") is not None
    assert root.find(f"{A}author/{A}name").text  # the feed's author covers every entry
    assert root.find(f"{A}link[@rel='self']").get("href").endswith("/feed.xml")
    return root


def feed() -> etree.Element:
    changes = [None, compare(OLD, NEW, TWO)]
    return parse_atom(atom_feed([ONE, TWO], changes, [3, 3], "https://g.example/", "Site", BUILT))


def test_the_feed_is_atom_with_one_entry_per_edition_newest_first():
    root = feed()
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == ["Edition 2", "Edition 1"]
    assert [e.findtext(f"{A}id") for e in entries] == [
        "https://g.example/2/",
        "https://g.example/1/",
    ]
    assert entries[0].findtext(f"{A}updated") == "2027-04-01T00:00:00Z"  # its effective date


def test_an_edition_without_a_date_says_so_and_is_given_no_date_of_the_guidance():
    first = feed().findall(f"{A}entry")[1]
    assert "Effective: date not given." in first.findtext(f"{A}content")
    assert first.findtext(f"{A}updated") == "2027-01-02T03:04:05Z"  # when the feed was built


def test_each_change_links_to_the_paragraphs_permanent_address_with_its_word_diff():
    content = feed().findall(f"{A}entry")[0].findtext(f"{A}content")
    body = etree.fromstring(f"<div>{content}</div>")  # the escaped HTML is well-formed
    links = {a.text: a.get("href") for a in body.iter("a")}
    assert links == {
        "2.9": "https://g.example/2/a/#2.9",
        "1.9": "https://g.example/2/n/#1.9",
        "2.7": "https://g.example/1/a/#2.7",  # removed: where it last was
        "4.3": "https://g.example/2/i/#4.3",
    }
    assert "<del>may</del> <ins>can</ins>" in content
    titles = [h.text for h in body.iter("h3")]
    assert titles == ["Changed", "Added", "Removed", "Renumbered"]
    assert "4.2 is now" in html.unescape(content)
