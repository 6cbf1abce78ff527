"""Content Security Policy for every page, computed after the build from the built HTML.

The policy allows only this site's own files, WebAssembly compilation ('wasm-unsafe-eval', which
Pyodide needs) and the exact inline scripts the theme writes, by sha256 hash: never
'unsafe-inline' or 'unsafe-eval' for scripts. The theme's ``__md_scope`` script embeds the page's
relative base URL, so it differs by folder depth: the policy lists the hashes of every inline
script in the site, the same policy on every page and in the hosting headers. Inline event
handlers and ``javascript:`` URLs cannot be allowed by a hash: the build fails on them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from build_scripts.lib.html_tree import Page, tree

JS_TYPES = {"", "module", "text/javascript", "application/javascript"}
META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')


def inline_scripts(page_html: Page) -> list[str]:
    """The text of every inline script the browser would run."""
    return [
        "".join(c for c in node.children if isinstance(c, str))
        for node in tree(page_html).iter()
        if node.tag == "script"
        and "src" not in node.attrs
        and node.attrs.get("type", "").lower() in JS_TYPES
    ]


def unhashable(page_html: Page) -> list[str]:
    """Inline event handlers and javascript: URLs in the page."""
    found = []
    for node in tree(page_html).iter():
        for attr, value in node.attrs.items():
            if attr.startswith("on"):
                found.append(f"<{node.tag} {attr}=…>")
            elif attr in {
                "href",
                "src",
                "action",
                "formaction",
            } and value.strip().lower().startswith("javascript:"):
                found.append(f"<{node.tag} {attr}=javascript:…>")
    return found


def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def site_hashes(pages: Iterable[Page]) -> set[str]:
    """The hashes of every inline script in these pages (the same policy serves them all)."""
    return {script_hash(script) for page in pages for script in inline_scripts(page)}


def hashes_allowed(pages: Iterable[str]) -> set[str]:
    """The hashes the pages' own policies allow (read from their meta tag, not parsed again),
    or, for a page with none (``mkdocs serve``), its inline scripts' hashes."""
    found: set[str] = set()
    for text in pages:
        meta = META.search(text)
        allowed = meta and re.search(r"script-src ([^;\"]*)", meta.group(0))
        if allowed:
            found |= set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", allowed.group(1)))
        else:
            found |= site_hashes([text])
    return found


def policy(hashes: set[str], *, header: bool = False) -> str:
    """The policy; ``header`` adds what only a header can carry (frame-ancestors)."""
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *sorted(hashes)]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",  # the checklist worker: blob: inherits this policy
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def with_meta(page_html: str, csp: str) -> str:
    """The page with the policy as the first element of its head (before any script)."""
    page_html = META.sub("", page_html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return re.sub(r"<head(\s[^>]*)?>", lambda m: m.group(0) + "\n    " + meta, page_html, count=1)
