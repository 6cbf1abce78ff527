"""The text of every numbered paragraph as the site publishes it (rendered from docs/)."""

from __future__ import annotations

from functools import cache

from build_scripts.guidance.paragraphs import page_paragraphs
from tests.support.markdown import ROOT, render


@cache
def paragraphs() -> dict[str, str]:
    """Paragraph number → its published text (the site's own words left out)."""
    found = {}
    for path in sorted((ROOT / "docs").glob("*.md")):
        html = render(path.read_text(encoding="utf-8").split("---", 2)[-1])
        found.update({p.id: p.published for p in page_paragraphs(html, path.stem) if not p.heading})
    return found
