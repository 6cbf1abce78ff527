"""Search entries per numbered paragraph, located at the paragraph's anchor.

Material's search splits a page at its headings only. The anchors extension marks every numbered
unit ``data-search-exclude`` (so heading entries do not carry its text); here each unit gets an
entry of its own, so a search for ``2.9`` or a phrase of 2.9 opens the page at ``#2.9``.
"""

from __future__ import annotations

import html

from build_scripts.html_tree import Node, parse


def is_site_note(node: Node) -> bool:
    """Elements that are the site's, not the guidance's: left out of the indexed text."""
    return bool(node.classes & {"editorial-note", "footnote-ref", "para-tools", "para-changed"})


def opening(text: str, limit: int = 90) -> str:
    """The start of a paragraph, cut at a word boundary: the result's title."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def paragraph_entries(page_html: str, page_url: str) -> list[dict]:
    """One search entry per numbered paragraph of a page's content HTML.

    The title is the paragraph's opening words (with its number), so a result reads as the
    paragraph and the theme's title boost favours the paragraph whose opening was searched for.
    """
    entries = []
    for unit in parse(page_html).find_all(lambda n: "para" in n.classes and "id" in n.attrs):
        text = unit.text(skip=is_site_note)
        entries.append(
            {
                "location": f"{page_url}#{unit.attrs['id']}",
                "title": html.escape(opening(text)),
                "text": f"<p>{html.escape(text)}</p>",
            }
        )
    return entries


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
