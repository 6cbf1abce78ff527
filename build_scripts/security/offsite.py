"""Find assets that a built page would load from another host (the site must be self-contained).

Links (``<a href>``) to other sites are fine: the reader chooses to follow them. Anything the
browser loads by itself (scripts, styles, fonts, images, frames, media, preloads) must be ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from build_scripts.lib.html_tree import Node, Page, tree

# (tag, attribute) pairs the browser fetches without a click.
FETCHED = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("track", "src"),
    ("input", "src"),
}
# <link rel=…> values that load something.
LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "icon",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
    "shortcut",
}
OFFSITE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(
    r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:[a-z][a-z0-9+.-]*:)?//[^'")\s]+)""", re.I
)


def offsite_in_html(page_html: Page) -> list[str]:
    """Addresses on other hosts that the page loads by itself."""
    found = []
    for node in tree(page_html).iter():
        for attr, value in node.attrs.items():
            is_link_load = (
                node.tag == "link"
                and attr == "href"
                and set(node.attrs.get("rel", "").lower().split()) & LOADING_RELS
            )
            if ((node.tag, attr) in FETCHED or is_link_load) and OFFSITE.match(value):
                found.append(f"<{node.tag} {attr}={value}>")
        if node.tag == "style" or "style" in node.attrs:
            text = node.attrs.get("style", "") + "".join(
                c for c in node.children if isinstance(c, str)
            )
            found += [f"css url {u}" for u in CSS_URL.findall(text)]
    return found


def offsite_in_css(css: str) -> list[str]:
    return [f"css url {u}" for u in CSS_URL.findall(css)]


def scan_site(site_dir: Path, pages: Mapping[Path, Node] | None = None) -> dict[str, list[str]]:
    """Every built HTML and CSS file that loads something from another host, with what;
    ``pages``, the HTML files' trees where the caller has parsed them."""
    problems = {}
    for path in sorted(site_dir.rglob("*")):
        if path.suffix == ".html":
            found = offsite_in_html((pages or {}).get(path) or path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            found = offsite_in_css(path.read_text(encoding="utf-8"))
        else:
            continue
        if found:
            problems[str(path.relative_to(site_dir))] = found
    return problems
