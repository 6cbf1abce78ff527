"""The change feed: an Atom feed (RFC 4287) of the editions, ``feed.xml`` at the site's root.

One entry per edition, newest first: its summary and effective date, then what it changed against
the previous edition (``changes.compare``): paragraphs changed, with their word diff, added,
removed and renumbered, each linking to the paragraph's permanent address (``/<edition>/page/#id``;
a removed paragraph, to the last edition that had it). An entry's ``updated`` is the edition's
effective date where the content owner gave one; otherwise, and for the feed itself, the time the
feed was built (``SOURCE_DATE_EPOCH`` when set): never a date of the guidance's own. A pure
function of its inputs, returning the file's text; ``publish`` writes it.
"""

from __future__ import annotations

import datetime
import html
import xml.etree.ElementTree as etree

from build_scripts.editions.changes import Changes, word_diff
from build_scripts.editions.model import Edition
from build_scripts.guidance.paragraphs import Paragraph

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _link(base: str, edition: Edition, paragraph: Paragraph) -> str:
    href = html.escape(f"{base}{edition.id}/{paragraph.page}#{paragraph.id}", quote=True)
    return f'<a href="{href}">{html.escape(paragraph.number)}</a>'


def _diff(old: str, new: str) -> str:
    tags = {"equal": "{}", "delete": "<del>{}</del>", "insert": "<ins>{}</ins>"}
    return " ".join(tags[op].format(html.escape(words)) for op, words in word_diff(old, new))


def entry_html(
    edition: Edition, previous: Edition | None, changes: Changes | None, base: str, count: int
) -> str:
    """What an entry says: the edition's summary and date, then each change with its link."""
    dated = html.escape(edition.dated_label)  # "Edition 2, effective 1 April 2027"
    parts = [f"<p>{html.escape(edition.summary)}</p>", f"<p>{dated}.</p>"]
    if changes is None or previous is None:
        parts.append(f"<p>The first edition on this site: {count} citable paragraphs.</p>")
        return "".join(parts)
    if not len(changes):
        parts.append(f"<p>No paragraph changed since {html.escape(previous.label)}.</p>")
    sections = [
        ("Changed", [f"<li>{_link(base, edition, new)}: {_diff(old.text, new.text)}</li>"
                     for old, new in changes.changed]),
        ("Added", [f"<li>{_link(base, edition, p)}: {html.escape(p.text)}</li>"
                   for p in changes.added]),
        ("Removed", [f"<li>{_link(base, previous, p)} (last in {html.escape(previous.label)})</li>"
                     for p in changes.removed]),
        ("Renumbered", [f"<li>{html.escape(old.number)} is now {_link(base, edition, new)}</li>"
                        for old, new in changes.renumbered]),
    ]  # fmt: skip
    for title, items in sections:
        if items:
            parts.append(f"<h3>{title}</h3><ul>{''.join(items)}</ul>")
    return "".join(parts)


def atom_feed(
    editions: list[Edition],
    changes: list[Changes | None],
    paragraph_counts: list[int],
    site_url: str,
    author: str,
    built: datetime.datetime,
) -> str:
    """The Atom document: feed id, title, updated, author, self and alternate links; an entry
    per edition (newest first) with id, title, updated, alternate link, summary and content."""
    base = site_url.rstrip("/") + "/"
    etree.register_namespace("", ATOM)

    def sub(parent: etree.Element, tag: str, text: str = "", **attrs: str) -> etree.Element:
        node = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        node.text = text or None
        return node

    feed = etree.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", f"{base}{FEED}")
    sub(feed, "title", f"{author}: editions and changes")
    sub(feed, "updated", _stamp(built))
    sub(sub(feed, "author"), "name", author)
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base}{FEED}")
    sub(feed, "link", rel="alternate", type="text/html", href=f"{base}latest/")
    for index in range(len(editions) - 1, -1, -1):
        edition = editions[index]
        previous = editions[index - 1] if index else None
        entry = sub(feed, "entry")
        sub(entry, "id", f"{base}{edition.id}/")
        sub(entry, "title", edition.label)
        when = (
            datetime.datetime.combine(edition.effective, datetime.time(), datetime.UTC)
            if edition.effective
            else built
        )
        sub(entry, "updated", _stamp(when))
        target = f"{base}{edition.id}/what-changed/" if previous else f"{base}{edition.id}/"
        sub(entry, "link", rel="alternate", type="text/html", href=target)
        sub(entry, "summary", edition.summary)
        body = entry_html(edition, previous, changes[index], base, paragraph_counts[index])
        sub(entry, "content", body, type="html")
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, "unicode") + "\n"
