"""Paragraph anchors: every numbered unit of the guidance gets its number as its id.

A top-level ``<p>`` whose text starts with a paragraph number (``2.9 Some key factors…``) opens a
unit: a ``<div class="para" id="2.9">`` that wraps the paragraph and everything after it (lists,
definition lists, quotations) up to the next numbered paragraph, heading, callout or footnotes.
The number itself becomes a link to the unit, so a link exists even without JavaScript. A callout
right after a unit (the guidance's "Things to think about" box after 1.8) gets the id
``1.8-box``, by which the checklists cite it.
The unit is excluded from the theme's heading-level search entries (``data-search-exclude``); the
search hook indexes each unit on its own, located at its anchor.

Registry: treeprocessor ``paragraph_anchors``, priority 5.5: after ``footnote`` (50), so the
footnotes block already stands at the end, and after ``abbr`` (7); before ``toc`` and MkDocs' anchor
collection (both 5), so MkDocs validates links to ``#2.9`` in strict mode.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from calculators.paragraph_ids import BOX

NUMBER = re.compile(r"^(\d+\.\d+)(?=\s)")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "hr"}
# Blocks that stand apart from the numbered paragraph before them.
STANDALONE_CLASSES = {"admonition", "footnote", "checklist", "use-checklist"}


def paragraph_number(element: etree.Element) -> str | None:
    """The paragraph number an element opens, if it is a numbered paragraph."""
    if element.tag != "p" or not element.text:
        return None
    match = NUMBER.match(element.text)
    return match.group(1) if match else None


def ends_unit(element: etree.Element) -> bool:
    """True for elements that close the current unit: headings, callouts, footnotes."""
    if element.tag in HEADINGS:
        return True
    classes = set((element.get("class") or "").split())
    return bool(classes & STANDALONE_CLASSES)


def is_callout(element: etree.Element) -> bool:
    """A box the guidance sets after a paragraph ("Things to think about" after 1.8)."""
    return "admonition" in (element.get("class") or "").split()


def link_number(paragraph: etree.Element, number: str) -> None:
    """Turn the leading number of the paragraph's text into a link to its own anchor."""
    rest = paragraph.text[len(number) :]
    link = etree.Element("a", {"class": "para-num", "href": f"#{number}"})
    link.text = number
    link.tail = rest
    paragraph.text = None
    paragraph.insert(0, link)


class ParagraphAnchorsProcessor(Treeprocessor):
    """Wrap each numbered unit of the document's top level in a div carrying its number."""

    def run(self, root: etree.Element) -> None:
        children = list(root)
        for child in children:
            root.remove(child)
        unit: etree.Element | None = None
        for child in children:
            number = paragraph_number(child)
            if number:
                link_number(child, number)
                unit = etree.SubElement(
                    root,
                    "div",
                    {"class": "para", "id": number, "data-para": number, "data-search-exclude": ""},
                )
                unit.append(child)
            elif unit is not None and not ends_unit(child):
                unit.append(child)
            else:
                if unit is not None and is_callout(child) and not child.get("id"):
                    child.set("id", f"{unit.get('id')}{BOX}")  # cited by its own id (P13)
                unit = None
                root.append(child)


class ParagraphAnchorsExtension(Extension):
    """Register the paragraph anchors treeprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ParagraphAnchorsProcessor(md), "paragraph_anchors", 5.5)


def makeExtension(**kwargs) -> ParagraphAnchorsExtension:
    return ParagraphAnchorsExtension(**kwargs)
