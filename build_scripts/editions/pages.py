"""Pages the build writes for an edition: "What changed" and an older edition's home page.

Pure functions returning Markdown. The guidance's words appear in them only inside raw HTML
(``markdown="0"``, escaped), so no extension rewrites them, and marked ``data-search-exclude`` so
a search for a phrase finds the paragraph itself, not its diff.
"""

from __future__ import annotations

import html

from build_scripts.editions.changes import Changes, Paragraph, word_diff
from build_scripts.editions.model import Edition

WHAT_CHANGED = "what-changed.md"
DIFF_TAGS = {"delete": ("del", "Deleted: "), "insert": ("ins", "Inserted: ")}


def _doc(page_url: str) -> str:
    """The docs file of a top-level page URL: ``assessment/`` → ``assessment.md``."""
    return (page_url.rstrip("/") or "index") + ".md"


def _old_link(paragraph: Paragraph, previous: Edition) -> str:
    # From <edition>/what-changed/ up to the site root, then into the previous edition.
    return f"../../{previous.id}/{paragraph.page}#{paragraph.id}"


def diff_html(old: str, new: str) -> str:
    """The word diff as HTML: ``<del>``/``<ins>`` with words a screen reader announces."""
    parts = []
    for op, words in word_diff(old, new):
        text = html.escape(words, quote=False)
        if op == "equal":
            parts.append(text)
        else:
            tag, label = DIFF_TAGS[op]
            parts.append(f'<{tag}><span class="visually-hidden">{label}</span>{text}</{tag}>')
    return " ".join(parts)


def _block(inner: str) -> str:
    return f'<p class="change__text" data-search-exclude>{inner}</p>'


def what_changed_md(edition: Edition, previous: Edition, changes: Changes) -> str:
    """The "What changed" page of ``edition`` against ``previous``."""
    counts = (
        f"{len(changes.changed)} changed, {len(changes.added)} added, "
        f"{len(changes.removed)} removed, {len(changes.renumbered)} renumbered"
    )
    lines = [
        "---",
        f"title: What changed in {edition.label}",
        "---",
        "",
        f"# What changed in {edition.label}",
        "",
        f"{edition.dated_label}, follows {previous.label}. {edition.summary}",
        "",
        f"Paragraph by paragraph against {previous.label}: {counts}. In changed paragraphs, "
        "deleted words are struck through and inserted words are underlined. Links to "
        f"[{previous.label}](../../{previous.id}/) keep working.",
        "",
    ]
    if not len(changes):
        lines += ["No paragraph of the guidance changed.", ""]
    sections = [
        ("Changed", changes.changed, "changed"),
        ("Added", changes.added, "added"),
        ("Removed", changes.removed, "removed"),
        ("Renumbered", changes.renumbered, "renumbered"),
    ]
    for title, items, kind in sections:
        if not items:
            continue
        lines += [f"## {title}", ""]
        for item in items:
            lines += _entry(kind, item, previous)
    return "\n".join(lines)


def _entry(kind: str, item, previous: Edition) -> list[str]:
    if kind == "added":
        new = item
        return [
            f"### {new.number} (added) {{#change-{new.id}}}",
            "",
            f"[Read {new.number} in this edition]({_doc(new.page)}#{new.id})",
            "",
            _block(diff_html("", new.text)),
            "",
        ]
    if kind == "removed":
        old = item
        return [
            f"### {old.number} (removed) {{#change-{old.id}}}",
            "",
            f"[Read {old.number} in {previous.label}]({_old_link(old, previous)})",
            "",
            _block(diff_html(old.text, "")),
            "",
        ]
    old, new = item
    title = new.number if old.id == new.id else f"{old.number}, now {new.number}"
    return [
        f"### {title} {{#change-{new.id}}}",
        "",
        f"[Read {new.number} in this edition]({_doc(new.page)}#{new.id}) · "
        f"[{old.number} in {previous.label}]({_old_link(old, previous)})",
        "",
        _block(
            diff_html(old.text, new.text)
            if kind == "changed"
            else html.escape(new.text, quote=False)
        ),
        "",
    ]


def archive_home_md(edition: Edition, latest: Edition, pages: list[tuple[str, str]]) -> str:
    """The home page of an older edition: what it is, and its sections (file, title)."""
    lines = [
        "---",
        f"title: {edition.label}",
        "---",
        "",
        f"# {edition.label}",
        "",
        f"This is an earlier edition of the guidance, kept so that every link to it keeps "
        f"working and so that decisions made under it can be checked. {edition.dated_label}. "
        f"{edition.summary}",
        "",
        f"The edition in force is [{latest.label}](../latest/); its checklists are there.",
        "",
        "## The guidance in this edition",
        "",
    ]
    lines += [f"- [{title}]({doc})" for doc, title in pages]
    return "\n".join([*lines, ""])
