"""The one reader of the guidance's citable units in a rendered page, and the one list of the
site's own words in it.

A unit is a numbered paragraph (``div.para#2.9``) or an explicit section or stage heading
(``#section-3``, ``#stage-1``). Its text leaves out what the site adds (``SITE_WORDS``: editorial
notes, footnote marks, paragraph tools, change markers, the "no address given" note), so search
entries, edition comparisons and the fidelity tests all read the guidance's words only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_scripts.lib.html_tree import Node, Page, tree

# Classes of elements that are the site's words, not the guidance's.
SITE_WORDS = frozenset(
    {"editorial-note", "footnote-ref", "footnote-backref", "edition-line", "para-tools",
     "para-changed", "link-no-address"}
)  # fmt: skip
PARAGRAPH_ID = re.compile(r"^(\d+\.\d+|(section|stage)-\d+)$")
HEADING = re.compile(r"^h[1-6]$")
LEADING_NUMBER = re.compile(r"^\d+(\.\d+)*\.?\s+")  # "2.9 ", "3. ": the id says it


def is_site_words(node: Node) -> bool:
    """An element that is the site's, not the guidance's."""
    return bool(node.classes & SITE_WORDS)


@dataclass(frozen=True)
class Paragraph:
    """A citable unit of one page."""

    id: str
    page: str  # the page's URL in the edition, e.g. "assessment/"
    text: str  # without its number: renumbering alone does not change it
    published: str = field(default="", compare=False)  # as printed, number included
    heading: bool = field(default=False, compare=False)  # a section or stage heading
    # The lists inside the paragraph, in order, each a tuple of its entries' texts (2.9: one).
    items: tuple[tuple[str, ...], ...] = field(default=(), compare=False)
    page_title: str = field(default="", compare=False)  # the page's h1, as printed
    section: str = field(default="", compare=False)  # id of the heading it is under: "stage-1"
    # Its text as the reader meets it, piece by piece: each sentence of a paragraph, each list
    # entry whole (joined by spaces, they are ``published``): what a search result shows.
    blocks: tuple[str, ...] = field(default=(), compare=False)

    @property
    def number(self) -> str:
        """The number as the guidance prints it: 2.9, 3 (a section) or Stage 1."""
        kind, _, n = self.id.partition("-")
        return {"section": n, "stage": f"Stage {n}"}.get(kind, self.id)


def _lists(unit: Node) -> tuple[tuple[str, ...], ...]:
    """The outermost lists inside a paragraph, each as its entries' texts."""
    found = []
    for node in unit.iter():
        if node.tag in ("ul", "ol") and not _inside_list(node, unit):
            entries = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
            found.append(tuple(li.text(skip=is_site_words) for li in entries))
    return tuple(found)


# Elements that start a block of text of their own; a list entry is one piece, however many
# sentences it has, a paragraph's text is split into its sentences.
BLOCKS = frozenset({"p", "li", "ul", "ol", "dl", "dt", "dd", "div", "blockquote", "table", "tr",
                    "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br"})  # fmt: skip
# A sentence ends at . ? or ! (and any closing quote or bracket) before a capital or a number.
SENTENCE_END = re.compile(r"[.?!][\u2019\u201d\")]*\s+(?=[\u2018\u201c\"(]*[A-Z0-9])")
ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|cf|s)\.$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """A text's sentences, each as written (joined by spaces, they are the text); never split
    after an abbreviation (e.g., i.e., etc.)."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        if not ABBREVIATION.search(text[: end.start() + 1]):
            found.append(text[start : end.end()].rstrip())
            start = end.end()
    found.append(text[start:])
    return [s for s in found if s]


def _blocks(unit: Node) -> tuple[str, ...]:
    """A unit's pieces of text in order: each list entry's own words whole (a list inside it is
    pieces of its own), every other run of text split into sentences."""
    found: list[str] = []
    run: list[str] = []

    def flush(whole: bool) -> None:
        text = re.sub(r"\s+", " ", "".join(run)).strip()
        run.clear()
        if text:
            found.extend([text] if whole else sentences(text))

    def walk(node: Node, whole: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                run.append(child)
            elif is_site_words(child):
                continue
            elif child.tag in BLOCKS:
                flush(whole)
                walk(child, child.tag == "li" or (whole and child.tag == "p"))
                flush(child.tag == "li" or (whole and child.tag == "p"))
            else:
                walk(child, whole)

    walk(unit, False)
    flush(False)
    return tuple(found)


def _inside_list(node: Node, unit: Node) -> bool:
    parent = node.parent
    while parent is not None and parent is not unit:
        if parent.tag == "li":
            return True
        parent = parent.parent
    return False


def page_paragraphs(page_html: Page, page_url: str) -> list[Paragraph]:
    """The citable units of one page's content HTML, in document order, each with the page's
    title (its first h1), the heading unit it sits under and the lists inside it."""
    found: list[Paragraph] = []
    page_title = ""
    headings: list[tuple[int, str]] = []  # the open heading units: (level, id)
    for node in tree(page_html).iter():
        unit_id = node.attrs.get("id", "")
        heading = bool(HEADING.match(node.tag))
        if node.tag == "h1" and not page_title:
            page_title = node.text(skip=is_site_words)
        if ("para" in node.classes or heading) and PARAGRAPH_ID.match(unit_id):
            level = int(node.tag[1]) if heading else 7
            while headings and headings[-1][0] >= level:
                headings.pop()
            section = headings[-1][1] if headings else ""
            published = node.text(skip=is_site_words)
            text = LEADING_NUMBER.sub("", published, count=1)
            items = () if heading else _lists(node)
            found.append(
                Paragraph(
                    unit_id,
                    page_url,
                    text,
                    published,
                    heading,
                    items,
                    page_title,
                    section,
                    _blocks(node),
                )
            )
            if heading:
                headings.append((level, unit_id))
    return found
