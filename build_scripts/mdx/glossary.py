"""Glossary: the site's definitions of terms a newcomer meets, as tooltips and as a page.

One data file (``[[term]]`` tables: ``term``, optional ``forms`` and ``also``, ``definition``, and
``[[term.quote]]`` tables: ``paragraph`` with ``text`` and/or ``points``) feeds both:
- every occurrence of a term (or one of its forms) becomes ``<abbr title="…">`` through
  Python-Markdown's ``abbr`` extension, the title saying it is the site's glossary, not the
  guidance; the first occurrence of each term on a page is made keyboard-focusable, so its
  tooltip shows on focus;
- ``/// glossary`` renders the whole glossary as a definition list: each term's definition marked
  as the site's, then what the guidance itself says of it, quoted word for word in a blockquote
  headed by a link to its paragraph (spec P15). Tooltips carry the site's definition only.

Registry: the ``abbr`` extension's treeprocessor (priority 7) with our glossary; treeprocessor
``glossary_focus``, priority 6 (right after ``abbr``); block ``glossary`` in pymdownx's Blocks API.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from build_scripts.lib.files import load_toml
from build_scripts.mdx._html import el, paragraph_href

LABEL = "Site glossary, not part of the guidance"


SITE_LABEL = "The site's definition:"


@dataclass(frozen=True)
class Quote:
    """The guidance's own words about a term: a paragraph whole (``text`` and all its list
    ``points``), or whole entries of its list (``points`` alone)."""

    paragraph: str
    text: str = ""
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    term: str
    forms: tuple[str, ...]
    definition: str
    also: tuple[str, ...] = ()  # search-only names (abbreviations, expansions); no tooltip
    quotes: tuple[Quote, ...] = ()  # the guidance's words, shown on the glossary page only

    @property
    def slug(self) -> str:
        return "glossary-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    @property
    def tooltip(self) -> str:
        return f"{self.definition} ({LABEL}.)"


def load_terms(path: str) -> list[Term]:
    """The glossary's terms, in file order; a malformed entry raises ValueError."""
    terms = []
    for entry in load_toml(path).get("term", []):
        if not isinstance(entry.get("term"), str) or not isinstance(entry.get("definition"), str):
            raise ValueError(f"glossary: every [[term]] needs term and definition strings: {entry}")
        forms = tuple(entry.get("forms", []))
        also = tuple(entry.get("also", []))
        quotes = tuple(_quote(entry["term"], q) for q in entry.get("quote", []))
        names = (entry["term"], *forms)
        terms.append(Term(entry["term"], names, entry["definition"], also, quotes))
    return terms


def _quote(term: str, entry: dict) -> Quote:
    """One ``[[term.quote]]``; a malformed one raises ValueError naming the term."""
    paragraph, text, points = entry.get("paragraph"), entry.get("text", ""), entry.get("points", [])
    if not isinstance(paragraph, str) or not isinstance(text, str) or not (text or points):
        raise ValueError(f"glossary: {term}: a quote needs a paragraph and its text or points")
    if not all(isinstance(p, str) and p for p in points):
        raise ValueError(f"glossary: {term}: a quote's points are non-empty strings")
    return Quote(paragraph, text, tuple(points))


class GlossaryFocusProcessor(Treeprocessor):
    """Make the first ``abbr`` of each glossary term on the page reachable by keyboard."""

    def run(self, root: etree.Element) -> None:
        inside_links = {id(e) for a in root.iter("a") for e in a.iter("abbr")}
        seen: set[str] = set()
        for abbr in root.iter("abbr"):
            title = abbr.get("title", "")
            if LABEL in title and title not in seen and id(abbr) not in inside_links:
                seen.add(title)
                abbr.set("tabindex", "0")


class GlossaryBlock(Block):
    """``/// glossary``: the whole glossary as a definition list."""

    NAME = "glossary"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        # Each term is its own search entry (search/entries.py), not one page-long result.
        dl = etree.SubElement(parent, "dl", {"class": "glossary", "data-search-exclude": ""})
        for term in load_terms(self.config["terms"]):
            dt = etree.SubElement(dl, "dt", {"id": term.slug})
            dt.text = term.term
            dd = etree.SubElement(dl, "dd")
            site = el(dd, "p", class_="glossary__site")
            el(site, "span", SITE_LABEL, class_="glossary__label").tail = f" {term.definition}"
            for quote in term.quotes:
                self._quote(dd, quote)
        return dl

    def _quote(self, dd: etree.Element, quote: Quote) -> None:
        """The guidance's words, as text, under a line naming and linking their paragraph."""
        href = paragraph_href(quote.paragraph, self.config["docs_dir"])
        where = "paragraph" if quote.text else "from paragraph"
        head = el(dd, "p", f"The guidance, {where} ", class_="glossary__source")
        el(head, "a", quote.paragraph, href=href).tail = ":"
        box = el(dd, "blockquote", class_="glossary__quote")
        if quote.text:
            el(box, "p", quote.text, atomic=True)
        if quote.points:
            listing = el(box, "ul")
            for point in quote.points:
                el(listing, "li", point, atomic=True)


class GlossaryExtension(BlocksExtension):
    """Tooltips for glossary terms and the ``/// glossary`` block, from one data file."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "terms": ["docs/_data/glossary.toml", "Path of the glossary TOML"],
            "docs_dir": ["docs", "The docs folder (to link each quoted paragraph)"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        terms = load_terms(self.getConfig("terms"))
        glossary = {form: term.tooltip for term in terms for form in term.forms}
        AbbrExtension(glossary=glossary).extendMarkdown(md)
        md.treeprocessors.register(GlossaryFocusProcessor(md), "glossary_focus", 6)
        block_mgr.register(GlossaryBlock, self.getConfigs())


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
