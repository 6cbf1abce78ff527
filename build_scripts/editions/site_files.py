"""The site-level files that tie the editions together: pure functions returning file texts.

- ``versions.json``: the layout ``mike`` writes, read by the theme's version selector;
- ``index.html``: the site root, redirecting to ``latest/``;
- ``p/<id>/index.html``: short links to a paragraph in the latest edition, following renumbering;
- ``<page>/index.html`` at the root: the addresses of the site before it had editions
  (``/assessment/#2.9``) keep working, into the first edition (the words they were made
  against), the paragraph kept by ``redirect.js``;
- ``<edition>/paragraphs.json``: every paragraph with its permanent URL, page title, section,
  lists, content hash and the edition its words first appeared in, for partner agencies (every
  field documented on the page for partners, docs/partners.md);
- ``<older edition>/edition-map.json``: where each of its paragraphs is in the latest edition (the
  old-edition banner reads it);
- ``latest/edition-changes.json``: for each older edition, the latest edition's paragraph ids that
  are new or worded differently since (a checklist file saved then says which items changed).
"""

from __future__ import annotations

import hashlib
import html
import json

from build_scripts.editions.changes import Paragraph
from build_scripts.editions.model import Edition, follow

ROOT_POLICY = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'"
# A meta refresh drops the address's #paragraph: this script (site root) keeps it.
REDIRECT_JS = """// Redirect pages: go to the page's target, keeping the #paragraph of the address.
(function () {
  var link = document.querySelector("a[data-redirect]");
  if (link) location.replace(new URL(link.getAttribute("href"), location.href) + location.hash);
})();
"""


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def versions_json(editions: list[Edition]) -> str:
    """Newest first; the latest carries the ``latest`` alias."""
    latest = editions[-1]
    return _json(
        [
            {"version": e.id, "title": e.label, "aliases": ["latest"] if e is latest else []}
            for e in reversed(editions)
        ]
    )


def redirect_html(target: str, title: str, message: str = "", *, script: str = "") -> str:
    """A page that sends the browser to ``target`` (relative), with a link if it does not.
    With ``script`` (the relative URL of ``redirect.js``), the address's #fragment is kept."""
    target, title = html.escape(target, quote=True), html.escape(title)
    refresh = "" if message else f'<meta http-equiv="refresh" content="0; url={target}">\n'
    go = f'<script src="{html.escape(script, quote=True)}"></script>' if script else ""
    body = html.escape(message) if message else "This address moved to"
    data = " data-redirect" if script and not message else ""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{ROOT_POLICY}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{refresh}'
        f"<title>{title}</title>\n</head>\n<body>\n"
        f'<p>{body} <a href="{target}"{data}>{title}</a>.</p>\n{go}\n</body>\n</html>\n'
    )


def legacy_redirects(
    editions: list[Edition], page_urls: list[str], guidance_urls: set[str]
) -> dict[str, str]:
    """Root ``<page>/index.html`` for each page of the latest edition: the guidance's pages go to
    the first edition, the site's own pages (checklists, glossary…) to the latest."""
    reserved = {e.id for e in editions} | {"latest", "p"}
    pages = {}
    for url in page_urls:
        if url in ("", "./") or url.split("/")[0] in reserved:  # the root goes to latest/
            continue
        up = "../" * url.count("/")
        folder = editions[0].id if url in guidance_urls else "latest"
        pages[f"{url}index.html"] = redirect_html(
            f"{up}{folder}/{url}", url.strip("/"), script=f"{up}redirect.js"
        )
    return pages


def _where(paragraphs: list[Paragraph]) -> dict[str, Paragraph]:
    return {p.id: p for p in paragraphs}


def short_links(editions: list[Edition], paragraphs: list[list[Paragraph]]) -> dict[str, str]:
    """``p/<id>/index.html`` for every id of every edition, pointing into ``latest/``."""
    latest = editions[-1]
    latest_where = _where(paragraphs[-1])
    pages: dict[str, str] = {}
    for index in range(len(editions) - 1, -1, -1):  # newest first: the latest's ids win
        for paragraph in paragraphs[index]:
            path = f"p/{paragraph.id}/index.html"
            if path in pages:
                continue
            now = follow(paragraph.id, editions[index + 1 :])
            if now is None:
                edition = editions[index]
                pages[path] = redirect_html(
                    f"../../{edition.id}/{paragraph.page}#{paragraph.id}",
                    f"{paragraph.number} in {edition.label}",
                    f"Paragraph {paragraph.number} is not in {latest.label}. It was last in",
                )
                continue
            target = latest_where[now]
            pages[path] = redirect_html(
                f"../../latest/{target.page}#{target.id}", f"{target.number} in {latest.label}"
            )
    return pages


def content_hash(paragraph: Paragraph) -> str:
    """``sha256:`` and the hex SHA-256 of the paragraph's normalised words: the UTF-8 of the
    compact JSON ``{"items":[[…],…],"text":"…"}`` (keys sorted, no spaces between tokens, non-ASCII
    kept), its text and every list entry with each run of white space made one space and none at
    either end. Renumbering alone does not change it (the text has no number)."""

    def words(text: str) -> str:
        return " ".join(text.split())

    canonical = {
        "items": [[words(entry) for entry in entries] for entries in paragraph.items],
        "text": words(paragraph.text),
    }
    data = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"sha256:{hashlib.sha256(data.encode('utf-8')).hexdigest()}"


def text_since(editions: list[Edition], paragraphs: list[list[Paragraph]]) -> list[dict]:
    """For each edition, paragraph id → the edition in which its words (its ``content_hash``)
    first appeared: the earliest edition back to which the paragraph, followed through each
    edition's ``removed`` and ``renumbered``, has had the same words without a break."""
    found: list[dict[str, Edition]] = []
    for index, edition in enumerate(editions):
        since: dict[str, Edition] = {}
        earlier: dict[str, Paragraph] = {}
        if index:
            before = {p.id: p for p in paragraphs[index - 1]}
            for old_id, old in before.items():
                if (now := follow(old_id, [edition])) is not None:
                    earlier[now] = old
        for paragraph in paragraphs[index]:
            old = earlier.get(paragraph.id)
            same = old is not None and content_hash(old) == content_hash(paragraph)
            since[paragraph.id] = found[-1][old.id] if same and old else edition
        found.append(since)
    return found


def paragraphs_json(
    edition: Edition,
    paragraphs: list[Paragraph],
    site_url: str,
    since: dict[str, Edition] | None = None,
) -> str:
    """Every paragraph of an edition with its permanent URL (``/<edition>/page/#id``), its page's
    title, the heading unit it is under, its lists kept as lists, its ``hash``
    (``content_hash``) and the edition its words first appeared in (``since``: ``text_since``;
    by default this edition). Every field is documented for partner agencies on the page for
    partners (docs/partners.md, "paragraphs.json"):

    ``edition`` {id, number, label, effective}; each of ``paragraphs``: id, number, page, url,
    short_url, text, items, heading, page_title, section, hash, since {id, number, label}."""
    since = since or {}
    base = f"{site_url.rstrip('/')}/{edition.id}/"
    return _json(
        {
            "edition": {
                "id": edition.id,
                "number": edition.number,
                "label": edition.label,
                "effective": edition.effective.isoformat() if edition.effective else None,
            },
            "paragraphs": [
                {
                    "id": p.id,
                    "number": p.number,
                    "page": p.page,
                    "url": f"{base}{p.page}#{p.id}",
                    "short_url": f"{site_url.rstrip('/')}/p/{p.id}/",
                    "text": p.text,
                    "items": [list(entries) for entries in p.items],
                    "heading": p.heading,
                    "page_title": p.page_title,
                    "section": p.section or None,
                    "hash": content_hash(p),
                    "since": _edition_ref(since.get(p.id, edition)),
                }
                for p in paragraphs
            ],
        }
    )


def _edition_ref(edition: Edition) -> dict:
    return {"id": edition.id, "number": edition.number, "label": edition.label}


def edition_map(editions: list[Edition], index: int, paragraphs: list[list[Paragraph]]) -> str:
    """For an older edition: each paragraph's page and id in the latest edition, or removal."""
    latest_where = _where(paragraphs[-1])
    found: dict[str, dict] = {}
    for paragraph in paragraphs[index]:
        now = follow(paragraph.id, editions[index + 1 :])
        if now is None:
            found[paragraph.id] = {"removed": True}
        else:
            target = latest_where[now]
            found[paragraph.id] = {"id": target.id, "number": target.number, "page": target.page}
    return _json({"latest": editions[-1].label, "paragraphs": found})


def edition_changes(editions: list[Edition], paragraphs: list[list[Paragraph]]) -> str:
    """For each older edition (by number): latest ids that are new or reworded since."""
    latest_text = {p.id: p.text for p in paragraphs[-1]}
    since: dict[str, dict] = {}
    for index, edition in enumerate(editions[:-1]):
        carried, changed = set(), set()
        for paragraph in paragraphs[index]:
            now = follow(paragraph.id, editions[index + 1 :])
            if now is not None:
                carried.add(now)
                if latest_text[now] != paragraph.text:
                    changed.add(now)
        since[str(edition.number)] = {
            "label": edition.label,
            "changed": sorted(changed),
            "added": sorted(set(latest_text) - carried),
        }
    return _json(since)
