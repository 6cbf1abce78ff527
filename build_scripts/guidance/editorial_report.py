"""The editorial report: what the content owner must decide, written by every build.

Collected from the built pages (unresolved placeholder links, editorial notes), from the link
registry (entries no page uses) and from standing notes that people recorded in
``docs/_data/editorial.toml`` (stale addresses, missing dates…). Pure functions; the hook writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.guidance.paragraphs import is_site_words
from build_scripts.lib.html_tree import Node, Page, tree


@dataclass(frozen=True)
class Item:
    kind: str  # "unresolved link", "editorial note", "unused registry entry", "standing note"
    where: str  # page and paragraph, e.g. "assessment/ ¶2.10"
    detail: str


def _paragraph_of(node: Node) -> str:
    while node is not None:
        if "para" in node.classes and "id" in node.attrs:
            return node.attrs["id"]
        node = node.parent
    return ""


def _where(page_url: str, node: Node) -> str:
    number = _paragraph_of(node)
    return f"{page_url or 'home'} ¶{number}" if number else (page_url or "home")


def page_items(page_html: Page, page_url: str) -> list[Item]:
    """Unresolved links and editorial notes on one page, in document order."""
    items = []
    for node in tree(page_html).iter():
        if "unresolved-link" in node.classes:
            key = node.attrs.get("data-link-key", "?")
            detail = f"“{node.text(skip=is_site_words)}” (registry key {key})"
            items.append(Item("unresolved link", _where(page_url, node), detail))
        elif "editorial-note" in node.classes:
            items.append(Item("editorial note", _where(page_url, node), node.text()))
    return items


def used_link_keys(page_html: Page) -> set[str]:
    """Registry keys a page uses, resolved or not."""
    return {n.attrs["data-link-key"] for n in tree(page_html).iter() if "data-link-key" in n.attrs}


def registry_items(registry: dict, used_keys: set[str]) -> list[Item]:
    """Registry entries that no page uses any more."""
    return [
        Item("unused registry entry", "links.toml", f"[{key}] “{link.text}”")
        for key, link in registry.items()
        if key not in used_keys
    ]


def standing_items(data: dict) -> list[Item]:
    """Notes recorded by people in editorial.toml ([[note]] with where and detail)."""
    return [Item("standing note", n["where"], n["detail"]) for n in data.get("note", [])]


def render(items: list[Item], edition: str) -> str:
    """The report as Markdown, grouped by kind."""
    lines = [f"# Editorial report — {edition}", ""]
    if not items:
        return "\n".join([*lines, "Nothing to decide.", ""])
    lines += [f"{len(items)} item(s) for the content owner.", ""]
    for kind in dict.fromkeys(item.kind for item in items):
        group = [item for item in items if item.kind == kind]
        lines += [f"## {kind.capitalize()}s ({len(group)})", ""]
        lines += [f"- {item.where}: {item.detail}" for item in group]
        lines.append("")
    return "\n".join(lines)
