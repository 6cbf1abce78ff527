"""Editorial notes: ``{ed: text}`` renders as a note that is visibly the site's, not the guidance's.

Used where the guidance as received is stale or incomplete (a renumbered section, a missing
appendix). Each note carries ``class="editorial-note"``, so the editorial report can list it and
the fidelity test can set it aside.

Registry: inline processor ``editorial_note``, priority 175 (before links at 160, so a note may sit
right after a link; after escapes at 180).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

PATTERN = r"\{ed:\s*([^{}]+?)\s*\}"


class EditorialNoteProcessor(InlineProcessor):
    """Replace ``{ed: …}`` with a labelled note."""

    def handleMatch(self, m, data):
        note = etree.Element("span", {"class": "editorial-note", "role": "note"})
        note.text = "["
        label = etree.SubElement(note, "span", {"class": "editorial-note__label"})
        label.text = "Editorial note:"
        label.tail = f" {m.group(1)}]"
        return note, m.start(0), m.end(0)


class EditorialNotesExtension(Extension):
    """Register the editorial note syntax."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(EditorialNoteProcessor(PATTERN, md), "editorial_note", 175)


def makeExtension(**kwargs) -> EditorialNotesExtension:
    return EditorialNotesExtension(**kwargs)
