"""The text of every numbered paragraph as the site publishes it (rendered from docs/)."""

from __future__ import annotations

from functools import cache

from build_scripts.lib.html_tree import parse
from tests.support.markdown import ROOT, render

SITE_NOTES = {"editorial-note", "footnote-ref"}


@cache
def paragraphs() -> dict[str, str]:
    """Paragraph number → its published text (editorial notes and footnote marks left out)."""
    found = {}
    for path in sorted((ROOT / "docs").glob("*.md")):
        html = render(path.read_text(encoding="utf-8").split("---", 2)[-1])
        for unit in parse(html).iter():
            if "para" in unit.classes:
                found[unit.attrs["id"]] = unit.text(skip=lambda n: bool(n.classes & SITE_NOTES))
    return found
