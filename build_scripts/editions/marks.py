"""The "changed in this edition" marker beside a paragraph, linking to its entry in What changed.

``mark_changes`` works on a page's content HTML after the anchors extension has made each
paragraph number a link (``<a class="para-num" href="#2.9">2.9</a>``); the marker follows it.
The search index and citations leave it out (class ``para-changed``).
"""

from __future__ import annotations

import html
import re

NUMBER_LINK = re.compile(r'(<a class="para-num" href="#([^"]+)">[^<]*</a>)')
LABELS = {"changed": "Changed in this edition", "added": "New in this edition"}


def mark_changes(page_html: str, marks: dict[str, str], what_changed: str) -> str:
    """``page_html`` with a marker after each numbered paragraph in ``marks`` (id → kind)."""

    def marker(match: re.Match) -> str:
        kind = marks.get(html.unescape(match.group(2)))
        if kind not in LABELS:
            return match.group(1)
        href = html.escape(f"{what_changed}#change-{html.unescape(match.group(2))}", quote=True)
        return f'{match.group(1)} <a class="para-changed" href="{href}">{LABELS[kind]}</a>'

    return NUMBER_LINK.sub(marker, page_html)
