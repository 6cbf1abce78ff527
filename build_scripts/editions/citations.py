"""The checklists follow the edition: every paragraph a checklist definition cites is checked
against the latest edition's paragraphs as built, not against a fixed list.

A citation is an item's ``paragraph``, a prompt's ``cite.paragraph`` or a checklist's ``serves``.
``resolve`` reads each through the latest edition's ``[edition.renumbered]`` map (a definition
written for the previous edition cites the old id: it is read as the new one) and then requires:

- the paragraph is in the edition (a callout, ``2.9-box``, needs the paragraph it follows);
- an item's text and a prompt's quote and lead are verbatim in the paragraph's text there.

The definitions stay as written: the pages, the bundle and the records cite the new id
(``calculators.model.load_checklist`` applies the map), and ``renumbering_notes`` tells the content
owner which definition files still cite an old id.

Every problem is gathered into one ``BuildError`` naming the definition file, the item or
prompt, the paragraph and what to do. ``calculators/`` stays free of this: the model checks only
an id's form; the build knows which paragraphs the edition has.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from build_scripts.guidance.paragraphs import Paragraph
from build_scripts.lib.errors import BuildError
from calculators import checklist_ids
from calculators.definitions import Checklist
from calculators.model import SHARED, SUFFIX, load_as_written, shared
from calculators.paragraph_ids import BOX, CALLOUTS


@dataclass(frozen=True)
class Citation:
    """One place a checklist definition cites a paragraph, and the words it quotes from it."""

    file: str  # the definition file: "strategy-discussion.checklist.toml" or "shared.toml"
    what: str  # "item 'x'", "prompt 'y'", "serves"
    paragraph: str  # as the definition writes it
    quotes: tuple[str, ...] = ()  # words that must be verbatim in the paragraph


def checklist_citations(checklist: Checklist) -> list[Citation]:
    """Every citation of one checklist, each naming the file its definition is in."""
    own = f"{checklist.id}{SUFFIX}"
    found = [Citation(own, "serves", checklist.serves)]
    for question in (*checklist.scope, *checklist.items):
        file = SHARED if question.shared else own
        quotes = (question.text,) if question.verbatim else ()
        quotes += tuple(  # its heading where the guidance's, and the words opening its list
            w for w in (question.title * (not question.site_title), question.opens) if w
        )
        found.append(Citation(file, f"item {question.id!r}", question.paragraph, quotes))
    shared_prompts = {p.id for p in shared().prompts}
    for prompt in checklist.prompts:
        file = SHARED if prompt.id in shared_prompts else own
        for cite in prompt.cites:
            quotes = (cite.quote, prompt.lead)
            found.append(Citation(file, f"prompt {prompt.id!r}", cite.paragraph, quotes))
    return found


def all_citations() -> list[Citation]:
    """The citations of every checklist as its file writes them, each once (a shared question is
    asked by several)."""
    return list(
        dict.fromkeys(
            c for cid in checklist_ids() for c in checklist_citations(load_as_written(cid))
        )
    )


def normalised(text: str) -> str:
    """A text with a list kept one entry a line (``- entry``, ``A - entry``) read as the page
    reads it, and every run of white space one space."""
    text = re.sub(r"\n(?:- |([A-Z]) - )", lambda m: f" {m[1]} " if m[1] else " ", text)
    return " ".join(text.split())


def resolve(
    citations: list[Citation],
    paragraphs: list[Paragraph],
    *,
    label: str,
    removed: tuple[str, ...] = (),
    renumbered: dict[str, str] | None = None,
) -> dict[str, str]:
    """Check ``citations`` against an edition's built ``paragraphs`` (``label`` names it);
    return the renumberings applied (definition's id → id in the edition). Raise one
    ``BuildError`` listing every citation that cannot stand."""
    renumbered = renumbered or {}
    by_id = {p.id: p for p in paragraphs}
    problems: list[str] = []
    applied: dict[str, str] = {}
    for citation in citations:
        number = citation.paragraph
        base, box = (number.removesuffix(BOX), BOX) if number in CALLOUTS else (number, "")
        where = f"{citation.file}: {citation.what} cites {number}"
        if base in removed:
            problems.append(
                f"{where}, which {label} removes: change the {_kind(citation)} or cite another "
                "paragraph"
            )
            continue
        now = renumbered.get(base, base)
        if now not in by_id:
            problems.append(
                f"{where}, which {label} does not have: if it was renumbered, add it to the "
                "edition's [edition.renumbered] in editions/editions.toml; otherwise change the "
                f"{_kind(citation)} or cite another paragraph"
            )
            continue
        if now != base:
            applied[number] = now + box
        if box:  # a callout's words are the box's, not the paragraph's: checked by the tests
            continue
        text = normalised(by_id[now].published)
        for quote in citation.quotes:
            if quote and normalised(quote) not in text:
                moved = f" (renumbered from {base})" if now != base else ""
                problems.append(
                    f"{where}: its words “{' '.join(quote.split())[:60]}…” are no longer verbatim "
                    f"in {now}{moved} of {label}: quote the paragraph as it now stands"
                )
                break
    if problems:
        count = f"{len(problems)} citation(s) of the checklists cannot stand in {label}"
        raise BuildError(f"{count}:\n  " + "\n  ".join(problems))
    return applied


def renumbering_notes(citations: list[Citation], applied: dict[str, str], label: str) -> list[str]:
    """For the content owner: each definition file citing an id ``label`` renumbers (``applied``,
    as ``resolve`` returns it), once per file and id, saying where ("serves, 33 items")."""
    found: dict[tuple[str, str], Counter[str]] = {}
    for citation in citations:
        if citation.paragraph in applied:
            kind = citation.what.split()[0]
            found.setdefault((citation.file, citation.paragraph), Counter())[kind] += 1
    return [
        f"{file} cites {old} ({_places(kinds)}), which {label} renumbers {applied[old]}: "
        f"the pages and records cite {applied[old]}; the definition may be updated to cite it"
        for (file, old), kinds in found.items()
    ]


def _places(kinds: Counter[str]) -> str:
    return ", ".join(k if k == "serves" else f"{n} {k}{'s' * (n > 1)}" for k, n in kinds.items())


def _kind(citation: Citation) -> str:
    return citation.what.split()[0] if citation.what != "serves" else "checklist's `serves`"
