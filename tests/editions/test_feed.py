"""The change feed (build_scripts/editions/feed.py), read as a partner's feed reader reads it:
with feedparser, which must find it well-formed Atom 1.0 (RFC 4287) with nothing to complain of
(``bozo`` false), its required elements (feed and entry: id, title, updated; the feed's author
and self link; every entry's alternate link and content)."""

from __future__ import annotations

import datetime
import html
import xml.etree.ElementTree as etree
from pathlib import Path

import feedparser
import pytest

from build_scripts.editions.changes import compare
from build_scripts.editions.feed import atom_feed
from build_scripts.editions.model import Edition
from build_scripts.guidance.paragraphs import Paragraph

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


def _alternate(node: feedparser.FeedParserDict) -> str:
    links = [x["href"] for x in node.get("links", []) if x.get("rel") == "alternate"]
    assert links, node.get("title")
    return links[0]


def parse_atom(text: str) -> feedparser.FeedParserDict:
    """The feed as feedparser reads it, checked: well-formed Atom 1.0, every required element."""
    parsed = feedparser.parse(text.encode("utf-8"))
    assert parsed.bozo is False, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.encoding == "utf-8"
    assert parsed.entries
    feed = parsed.feed
    for node in [feed, *parsed.entries]:
        assert node.id.startswith("http") and node.title  # an IRI, and a title
        assert node.updated_parsed is not None, node.title  # a date feedparser understands
        assert _alternate(node).startswith("http")
    for entry in parsed.entries:
        assert entry.content[0].type == "text/html" and entry.content[0].value
        assert entry.summary
    assert feed.author  # the feed's author covers every entry
    selves = [x["href"] for x in feed.links if x.get("rel") == "self"]
    assert len(selves) == 1 and selves[0].endswith("/feed.xml")
    return parsed


def content(entry: feedparser.FeedParserDict) -> etree.Element:
    """An entry's HTML content as a tree (it is well-formed, and feedparser kept its links)."""
    return etree.fromstring(f"<div>{entry.content[0].value}</div>")


def feed() -> feedparser.FeedParserDict:
    changes = [None, compare(OLD, NEW, TWO)]
    return parse_atom(atom_feed([ONE, TWO], changes, [3, 3], "https://g.example/", "Site", BUILT))


def test_the_feed_is_atom_with_one_entry_per_edition_newest_first():
    entries = feed().entries
    assert [e.title for e in entries] == ["Edition 2", "Edition 1"]
    assert [e.id for e in entries] == ["https://g.example/2/", "https://g.example/1/"]
    assert [_alternate(e) for e in entries] == [
        "https://g.example/2/what-changed/",
        "https://g.example/1/",
    ]
    assert entries[0].updated == "2027-04-01T00:00:00Z"  # its effective date


def test_an_edition_without_a_date_says_so_and_is_given_no_date_of_the_guidance():
    first = feed().entries[1]
    assert "<p>Edition 1, date not given.</p>" in first.content[0].value
    assert "<p>Edition 2, effective 1 April 2027.</p>" in feed().entries[0].content[0].value
    assert first.updated == "2027-01-02T03:04:05Z"  # when the feed was built


def test_each_change_links_to_the_paragraphs_permanent_address_with_its_word_diff():
    entry = feed().entries[0]
    body = content(entry)
    links = {a.text: a.get("href") for a in body.iter("a")}
    assert links == {
        "2.9": "https://g.example/2/a/#2.9",
        "1.9": "https://g.example/2/n/#1.9",
        "2.7": "https://g.example/1/a/#2.7",  # removed: where it last was
        "4.3": "https://g.example/2/i/#4.3",
    }
    assert "<del>may</del> <ins>can</ins>" in entry.content[0].value
    titles = [h.text for h in body.iter("h3")]
    assert titles == ["Changed", "Added", "Removed", "Renumbered"]
    assert "4.2 is now" in html.unescape(entry.content[0].value)


def test_a_feed_that_is_not_well_formed_is_refused():
    """The check itself can fail: feedparser's bozo flag for a broken document."""
    broken = atom_feed([ONE], [None], [3], "https://g.example/", "Site", BUILT).replace(
        "</feed>", ""
    )
    with pytest.raises(AssertionError, match="no element found"):
        parse_atom(broken)
