"""Search entries per numbered paragraph and per glossary term, located at their anchors.

Material's search splits a page at its headings only. The anchors extension marks every numbered
unit ``data-search-exclude`` (so heading entries do not carry its text); here each unit gets an
entry of its own, so a search for ``2.9`` or a phrase of 2.9 opens the page at ``#2.9``. The
glossary's list is excluded too; each term gets an entry that lands on the term.

The glossary's names of a term (``LADO`` and ``Local Authority Designated Officer``, ``s47`` and
``Section 47``…) are found as each other: an entry whose text has one name gets the others in a
second paragraph marked as the site's search terms, so the guidance's own words never change.
The same for the site's search terms that are no glossary term (``docs/_data/search_terms.toml``:
``IIOC``, which the guidance says as "indecent images"), and for the theme's entries of the
guidance's pages and headings, not only the paragraphs' and terms' entries made here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from build_scripts.guidance.paragraphs import page_paragraphs
from build_scripts.lib.errors import BuildError
from build_scripts.lib.files import load_toml
from build_scripts.lib.html_tree import Page
from build_scripts.mdx.glossary import Term

ALSO_LABEL = "Also found as (site search terms):"


def names(term: Term) -> tuple[str, ...]:
    """Every name of a term, without repeats: ``LADO (Local Authority Designated Officer)``
    gives ``LADO`` and ``Local Authority Designated Officer``, then its forms and ``also``."""
    split = re.fullmatch(r"(.+?) \((.+)\)", term.term)
    found: dict[str, str] = {}
    for name in (*(split.groups() if split else ()), *term.forms, *term.also):
        if not (split and name == term.term):
            found.setdefault(name.lower(), name)
    return tuple(found.values())


def _mentions(text: str, name: str) -> bool:
    # An abbreviation in capitals matches only in capitals: "AIM", never the word "aim".
    flags = 0 if name.isupper() else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags) is not None


@dataclass(frozen=True)
class SearchTerm:
    """Names found as each other that no glossary term gives; ``mentioned_as``: the guidance's
    words for the same thing (an entry holding them is found by every name)."""

    names: tuple[str, ...]
    mentioned_as: tuple[str, ...] = ()


def load_search_terms(path: Path) -> list[SearchTerm]:
    """``[[term]]`` tables of ``names`` and ``mentioned_as``; anything else raises ValueError."""
    found = []
    for entry in load_toml(path).get("term", []):
        if set(entry) - {"names", "mentioned_as"} or not entry.get("names"):
            raise ValueError(f"{path.name}: a [[term]] has names and mentioned_as only: {entry}")
        lists = (entry["names"], entry.get("mentioned_as", []))
        if not all(isinstance(n, str) and n for names_ in lists for n in names_):
            raise ValueError(f"{path.name}: names are non-empty strings: {entry}")
        found.append(SearchTerm(tuple(lists[0]), tuple(lists[1])))
    return found


Groups = Sequence[tuple[tuple[str, ...], tuple[str, ...]]]  # (names, the guidance's words too)


def groups(terms: Sequence[Term], search_terms: Sequence[SearchTerm] = ()) -> Groups:
    """Every set of names found as each other: the glossary's, then the site's search terms."""
    return [(names(t), ()) for t in terms] + [(s.names, s.mentioned_as) for s in search_terms]


def also_known_as(text: str, terms: Sequence[Term] | Groups) -> list[str]:
    """The other names of every term (of the glossary, or a site search term) the text
    mentions by one of its names or words."""
    extra: list[str] = []
    for group, words in _groups(terms):
        if any(_mentions(text, name) for name in (*group, *words)):
            extra += [n for n in group if not _mentions(text, n) and n not in extra]
    return extra


def _groups(terms: Sequence[Term] | Groups) -> Groups:
    return [g if isinstance(g, tuple) else (names(g), ()) for g in terms]


def _also(words: str, terms: Sequence[Term] | Groups) -> str:
    extra = also_known_as(words, terms)
    return f"<p>{ALSO_LABEL} {html.escape('; '.join(extra))}</p>" if extra else ""


def _pieces(pieces: Sequence[str], terms: Sequence[Term] | Groups) -> dict:
    """An entry's ``text``: one ``<p>`` a piece (a sentence, a list entry: the theme's
    highlighter marks each as a block of its own), then the other names of the terms it mentions;
    and ``found_as``: each of those names with the piece that mentions its term (the search worker
    shows that piece when only the other name was typed). ``found_as`` is there exactly when the
    names' paragraph is, last."""
    words = " ".join(pieces)
    text = "".join(f"<p>{html.escape(piece)}</p>" for piece in pieces)
    if not (extra := also_known_as(words, terms)):
        return {"text": text}
    found_as = {}
    for name in extra:
        group, own_words = next((g, w) for g, w in _groups(terms) if name in g)
        found_as[name] = next(
            i
            for i, piece in enumerate(pieces)
            if any(_mentions(piece, n) for n in (*group, *own_words))
        )
    return {"text": text + _also(words, terms), "found_as": found_as}


def name_entries(index: dict, terms: Groups) -> dict:
    """The index with the theme's entries (pages, headings) also found by the other names of the
    terms their text mentions, as the entries made here are."""
    docs = []
    for doc in index["docs"]:
        if ALSO_LABEL not in doc.get("text", ""):
            words = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc.get('text', '')}"))
            if extra := _also(words, terms):
                doc = {**doc, "text": doc.get("text", "") + extra}
        docs.append(doc)
    return _with_docs(index, docs)


def _with_docs(index: dict, docs: list[dict]) -> dict:
    """The index with these entries, a title word weighing TITLE_BOOST (the theme's: 1,000)."""
    config = dict(index.get("config", {}))
    if "title" in config.get("fields", {}):
        config["fields"] = {**config["fields"], "title": {**config["fields"]["title"]}}
        config["fields"]["title"]["boost"] = TITLE_BOOST
    return {**index, "config": config, "docs": docs}


def glossary_entries(
    terms: Sequence[Term], page_url: str, search_terms: Sequence[SearchTerm] = ()
) -> list[dict]:
    """One entry per glossary term, landing on the term on the glossary page."""
    return [
        {
            "location": f"{page_url}#{term.slug}",
            "title": html.escape(term.term),
            **_pieces([f"{term.term}: {term.definition}"], groups(terms, search_terms)),
        }
        for term in terms
    ]


def opening(text: str, limit: int = 90) -> str:
    """The start of a paragraph, cut at a word boundary: the result's title."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def paragraph_entries(
    page_html: Page, page_url: str, terms: Sequence[Term] | Groups = ()
) -> list[dict]:
    """One search entry per numbered paragraph of a page's content HTML.

    The title is the paragraph's opening words (with its number), so a result reads as the
    paragraph and the theme's title boost favours the paragraph whose opening was searched for;
    the text is its sentences and list entries, one ``<p>`` each, so that a result can show the
    one that matched (``worker_rank.js``, ``teaser``).
    """
    found = []
    for unit in page_paragraphs(page_html, page_url):
        if unit.heading:
            continue
        if " ".join(unit.blocks) != unit.published:  # never a word lost, added or changed
            raise BuildError(
                f"{page_url}#{unit.id}: its sentences and list entries do not make its text "
                f"again ({unit.blocks!r}); see build_scripts/guidance/paragraphs.py (_blocks)."
            )
        found.append(
            {
                "location": f"{page_url}#{unit.id}",
                "title": html.escape(opening(unit.published)),
                **_pieces(unit.blocks, terms),
            }
        )
    return found


def add_entries(index: dict, entries_by_page: dict[str, list[dict]]) -> dict:
    """The search index with each page's paragraph entries placed after that page's own."""
    docs = list(index["docs"])
    for page_url, entries in entries_by_page.items():
        # Right after the page's last entry, so results group by page.
        last = max(
            (i for i, d in enumerate(docs) if d["location"].split("#")[0] == page_url),
            default=len(docs) - 1,
        )
        docs[last + 1 : last + 1] = entries
    return {**index, "docs": docs}


# Where the guidance's words are: paragraph entries, and the pages of its sections (titled with
# the section's number: "7. Implications for practitioners"). Everything else is the site's.
PARAGRAPH = re.compile(r"#\d+(\.\d+)+$")
GUIDANCE_TITLE = re.compile(r"\d+\. ")
HEADING_BOOST = 0.3  # a guidance page's own and heading entries, where its paragraphs have theirs
GLOSSARY_BOOST = 0.2  # a term's definition: below the guidance's words, above the site's pages
SITE_BOOST = 0.1  # the site's own pages (home, about, pathway, checklists, threat model…)
TITLE_BOOST = 100  # the theme's 1,000 let a title word outweigh a paragraph holding the phrase
CHECKLISTS = "checklists/"
PATHWAY = "pathway/"


def _short(text: str) -> str:
    """The first paragraph of an entry's text."""
    end = text.find("</p>")
    return text if end < 0 else text[: end + len("</p>")]


def weigh(index: dict) -> dict:
    """The index with the guidance first (lunr's document boost): paragraphs' entries, then
    glossary terms, the headings of pages whose paragraphs have entries, then the site's own pages;
    the checklists' forms left out (their question and answer words are not the guidance: their
    page's own entry stays), and the pathway one short result (its first paragraph)."""
    pages = {d["location"]: d for d in index["docs"] if "#" not in d["location"]}
    numbered = {
        d["location"].split("#")[0] for d in index["docs"] if PARAGRAPH.search(d["location"])
    }
    docs = []
    for doc in index["docs"]:
        page_url = doc["location"].split("#")[0]
        page = pages.get(page_url, doc)
        if page_url.startswith((CHECKLISTS, PATHWAY)) and "#" in doc["location"]:
            continue
        doc = dict(doc)
        if page_url == PATHWAY:
            doc["text"] = _short(doc["text"])
        if PARAGRAPH.search(doc["location"]):
            pass
        elif page_url in numbered:  # its paragraphs have entries of their own
            doc["boost"] = HEADING_BOOST
        elif "#glossary-" in doc["location"]:
            doc["boost"] = GLOSSARY_BOOST
        elif not GUIDANCE_TITLE.match(html.unescape(page["title"])):
            doc["boost"] = SITE_BOOST
        docs.append(doc)
    return _with_docs(index, docs)
