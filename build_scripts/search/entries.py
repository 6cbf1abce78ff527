"""Search entries per numbered paragraph, located at the paragraph's anchor.

Material's search splits a page at its headings only. The anchors extension marks every numbered
unit ``data-search-exclude`` (so heading entries do not carry its text); here each unit gets an
entry of its own, so a search for ``2.9`` or a phrase of 2.9 opens the page at ``#2.9``.
"""

from __future__ import annotations

import html

from build_scripts.guidance.paragraphs import page_paragraphs


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
    return [
        {
            "location": f"{page_url}#{unit.id}",
            "title": html.escape(opening(unit.published)),
            "text": f"<p>{html.escape(unit.published)}</p>",
        }
        for unit in page_paragraphs(page_html, page_url)
        if not unit.heading
    ]


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
