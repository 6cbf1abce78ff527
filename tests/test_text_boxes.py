"""No text box talks to the cloud (issue 14 item 3): every note box and text input of every
checklist page asks the browser for no spell checking (enhanced spell checkers send the text to a
remote service) and no autofill history. Read from the built pages, as served."""

from __future__ import annotations

from build_scripts.lib.html_tree import parse

TEXT_TYPES = {"", "text", "search", "email", "tel", "url"}


def text_boxes(html: str) -> list[dict[str, str]]:
    return [
        node.attrs
        for node in parse(html).iter()
        if node.tag == "textarea"
        or (node.tag == "input" and node.attrs.get("type", "").lower() in TEXT_TYPES)
    ]


def test_every_text_box_of_every_checklist_page_is_kept_from_spell_checkers(latest_site):
    pages = sorted((latest_site / "checklists").glob("*/index.html"))
    assert len(pages) >= 8
    unguarded, notes = [], 0
    for page in pages:
        for attrs in text_boxes(page.read_text(encoding="utf-8")):
            notes += attrs.get("name", "").startswith("note:")
            if attrs.get("spellcheck") != "false" or attrs.get("autocomplete") != "off":
                unguarded.append(f"{page.parent.name}: {attrs.get('id') or attrs.get('name')}")
    assert notes > 20
    assert unguarded == []
