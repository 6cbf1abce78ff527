"""Checklist forms, rendered at build time from the checklist definitions (HTML first).

``/// checklist | early-risk-factors`` renders the whole checklist as a real form: "How to answer",
the answer choices each kind of question offers and the paragraphs shown whatever the answers, read
from the definition (spec P16); one fieldset of radio buttons per question with its paragraph link
and the paragraphs its answers can bring (P12 a), an optional note each, the result panel holding
the result with no answers (``result_panel``, as the page draws it) and the record controls.
Without JavaScript it is a readable, printable form; the runtime
(assets/js/checklist.js) enhances it. ``/// use-checklist | early-risk-factors`` renders the
"Use the checklist" link placed beside the guidance paragraph a checklist serves.
``/// assessment-record`` renders the page that gathers every checklist answered in the tab.

Links to paragraphs are written from the docs root (``/assessment.md#2.10``); MkDocs validates and
rewrites them (``validation.links.absolute_links: relative_to_docs``). The page of each section is
found from the ``{#section-N}`` ids of docs/. A checklist cites the latest edition's ids:
``load_checklist`` applies its renumbering (set by the hooks).

Registry: blocks ``checklist``, ``use-checklist`` and ``assessment-record`` in pymdownx's Blocks
API.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from itertools import groupby

from pymdownx.blocks.block import Block

from build_scripts.mdx._html import BlocksOf, el, paragraph_href, section_href
from build_scripts.mdx.result_panel import UnansweredResult
from calculators import checklist_ids, load_checklist
from calculators.evaluator import MAX_NOTE
from calculators.model import Checklist, Question, brings
from calculators.paragraph_ids import CALLOUTS, cited_as, guidance_key, short_name
from calculators.record import DISCLAIMER_PARAGRAPHS, guidance_order

BRINGS = "Your answer can bring:"


def standing(checklist: Checklist) -> tuple[str, ...]:
    """The paragraphs shown whatever the answers: those of the prompts with no conditions."""
    cited = {c.paragraph for p in checklist.prompts if not p.when for c in p.cites}
    return tuple(sorted(cited, key=guidance_key))


def answers_offered(q: Question) -> str:
    """What a question's answer may be, from its kind and its answer set's labels."""
    labels = " / ".join(q.answers.labels.values())
    if q.kind == "note":
        return "in your own words"
    if q.kind == "words":
        return f"in your own words, or {labels}"
    if q.kind == "both":
        return f"one of {labels}, then in your own words"
    if q.kind == "several":
        return f"any of {labels}{_apart(q)}"
    return f"one of {labels}"


def _apart(q: Question) -> str:
    """The answers of a "several" question that cannot be ticked together, said plainly."""
    labels, groups = q.answers.labels, q.answers.exclusive
    pairs = {frozenset({a, b}) for g in groups for a in g for b in g if a != b}
    said: set[frozenset[str]] = set()
    parts = []
    for value in sorted(labels, key=lambda v: -sum(v in pair for pair in pairs)):
        others = [w for w in labels if frozenset({value, w}) in pairs - said]
        if others:
            parts.append(f"{labels[value]}, never with: {' / '.join(labels[w] for w in others)}")
            said |= {frozenset({value, w}) for w in others}
    return f" ({'; '.join(parts)})" if parts else ""


def _numbers(numbers: list[int]) -> str:
    """1, 2, 3, 5 → "1 to 3 and 5", the range with an en dash."""
    runs = []
    for _, run in groupby(enumerate(numbers), key=lambda x: x[1] - x[0]):
        found = [n for _, n in run]
        runs.append(
            f"{found[0]}\N{EN DASH}{found[-1]}" if len(found) > 2 else ", ".join(map(str, found))
        )
    text = ", ".join(runs)
    return " and ".join(text.rsplit(", ", 1)) if len(runs) > 1 or len(numbers) == 2 else text


def how_to_answer(checklist: Checklist) -> list[str]:
    """The lines of "How to answer", each computed from the definition."""
    lines = []
    if checklist.scope:
        offered = [answers_offered(q) for q in checklist.scope]
        counts = {o: offered.count(o) for o in offered}
        if len(checklist.scope) == 1:
            lines.append(f"The site's question, first: {offered[0]}.")
        else:
            parts = "; ".join(f"{n} answered {o}" for o, n in counts.items())
            lines.append(f"The site's questions, first: {parts}.")
    groups: dict[str, list[int]] = {}
    for number, q in enumerate(marked(checklist), 1):
        groups.setdefault(answers_offered(q), []).append(number)
    for offered, numbers in groups.items():
        noun = "Questions" if len(numbers) > 1 else "Question"
        lines.append(f"{noun} {_numbers(numbers)}: {offered}.")
    if any(q.caution for q in checklist.items):
        lines.append(
            "Quoted among them, unnumbered: the guidance's words, for information; no answer."
        )
    return lines


def marked(checklist: Checklist) -> list[Question]:
    """The items numbered, as in the record: every one but the cautions, which are the guidance's
    words in place, never numbered nor marked (spec section 7)."""
    return [q for q in checklist.items if not q.caution]


def _how(parent: etree.Element, checklist: Checklist, docs: str) -> None:
    """ "How to answer": the answer choices, what brings a paragraph, and what is always shown."""
    box = el(parent, "div", class_="checklist__how")
    el(box, "h3", "How to answer", id="how-to-answer")
    listing = el(box, "ul")
    for line in how_to_answer(checklist):
        el(listing, "li", line, atomic=True)
    if brings(checklist):
        el(listing, "li", f"Beside each question, “{BRINGS}” names the paragraphs its answers "
           "can bring up.", atomic=True)  # fmt: skip
    if always := standing(checklist):
        item = el(listing, "li", "Shown whatever the answers: ", atomic=True)
        _links(item, always, docs)


def _links(parent: etree.Element, paragraphs: tuple[str, ...], docs: str) -> None:
    """Paragraph numbers as links, separated by commas, appended to ``parent``."""
    for i, number in enumerate(paragraphs):
        visible = short_name(number)
        link = el(parent, "a", visible, href=paragraph_href(number, docs))
        # the visible words within the accessible name (WCAG 2.5.3)
        callout = CALLOUTS.get(number)
        link.set("aria-label", f"{visible} (“{callout}”)" if callout else f"paragraph {number}")
        link.tail = ", " if i < len(paragraphs) - 1 else "."


def _record(parent: etree.Element, label: str, **attrs: str) -> etree.Element:
    """A hidden, focusable, named region for a plain-text record (shown and printed by JS)."""
    record = el(parent, "pre", hidden="", tabindex="0", role="region", **attrs)
    record.set("aria-label", label)
    return record


def _legend(fieldset: etree.Element, q: Question, number: str, docs: str) -> None:
    legend = el(fieldset, "legend", class_="checklist-q__legend")
    if number:
        el(legend, "span", number, class_="checklist-q__number")
    if q.title:
        title = el(legend, "strong", q.title, class_="checklist-q__title")
        if q.site_title:  # the site's heading, not the guidance's words (P13)
            title.text = f"{q.title} (the site's heading)"
    text = el(legend, "span", q.text, class_="checklist-q__text")
    if q.verbatim:  # the paragraph it quotes; the site's question quotes none: its answer can
        link = el(  # bring paragraphs (the line under it, the record's "asked for …")
            legend,
            "a",
            q.paragraph,
            class_="checklist-q__para",
            href=paragraph_href(q.paragraph, docs),
        )
        link.set("aria-label", f"paragraph {q.paragraph}")
        link.tail = " "  # "2.16 (required)", not "2.16(required)"
    else:
        text.tail = " "
    if q.required:
        el(legend, "span", "(required)", class_="checklist-q__required")
    if not q.verbatim:
        el(legend, "span", "(the site's question)", class_="checklist-q__site")


def _note(parent: etree.Element, q: Question, label: str, rows: str) -> None:
    el(parent, "label", label, for_=f"note-{q.id}", class_="checklist-q__note-label")
    area = el(
        parent,
        "textarea",
        id=f"note-{q.id}",
        name=f"note:{q.id}",
        rows=rows,
        maxlength=str(MAX_NOTE),
        placeholder=" ",  # so that print CSS can tell an empty box (:placeholder-shown)
        # No enhanced spell checker may send the text to a remote service; no autofill history.
        spellcheck="false",
        autocomplete="off",
    )
    area.text = ""


def _choices(parent: etree.Element, q: Question, values: dict[str, str]) -> None:
    """The answers to choose from: checkboxes for kind "several", radio buttons otherwise."""
    several = q.kind == "several"
    answers = el(parent, "div", class_="checklist-q__answers")
    for value, label in values.items():
        wrapper = el(answers, "label", class_="checklist-q__answer")
        box = el(wrapper, "input", type="checkbox" if several else "radio", name=q.id, value=value)
        excludes = sorted(
            {v for group in q.answers.exclusive if value in group for v in group} - {value}
        )
        if several and excludes:
            box.set("data-excludes", " ".join(excludes))
        wrapper[0].tail = f" {label}"


def _marks(fieldset: etree.Element, q: Question) -> None:
    """What the site says of its own questions: that they are the site's, why, and if shared."""
    if q.why:
        el(fieldset, "p", q.why, class_="checklist-q__why", atomic=True)
    if q.shared:
        el(
            fieldset,
            "p",
            "The same question is asked in other checklists, with one answer for every"
            " checklist of this tab.",
            class_="checklist-q__shared",
        )


def _brings(fieldset: etree.Element, paragraphs: tuple[str, ...], docs: str) -> None:
    """The site's line naming, as links, the paragraphs a question's answers can bring."""
    if paragraphs:
        line = el(fieldset, "p", BRINGS + " ", class_="checklist-q__brings", atomic=True)
        _links(line, paragraphs, docs)


def _opens(parent: etree.Element, q: Question, docs: str) -> None:
    """The guidance's words that open the list ``q`` begins, quoted with their paragraph before
    it (2.9's "Some key factors may determine … at an early stage:"), as the record prints them."""
    quote = el(parent, "blockquote", class_="checklist-q__opens")
    el(quote, "p", f"“{q.opens}”")
    source = el(quote, "p", class_="checklist-q__source")
    href = paragraph_href(q.paragraph, docs)
    el(source, "a", cited_as(q.paragraph), class_="checklist-q__para", href=href)


def _question(
    parent: etree.Element, q: Question, number: str, docs: str, paragraphs: tuple[str, ...] = ()
) -> etree.Element:
    kind = "scope" if not q.verbatim else "item"
    if q.caution:  # the guidance's words in place, quoted: never numbered nor marked
        box = el(parent, "div", class_="checklist-q checklist-q--caution", id=f"q-{q.id}")
        quote = el(box, "blockquote", class_="checklist-q__quote")
        el(quote, "p", f"“{q.text}”", class_="checklist-q__text")
        source = el(quote, "p", class_="checklist-q__source")
        href = paragraph_href(q.paragraph, docs)
        el(source, "a", cited_as(q.paragraph), class_="checklist-q__para", href=href)
        return box
    fieldset = el(parent, "fieldset", class_=f"checklist-q checklist-q--{kind}", id=f"q-{q.id}")
    _legend(fieldset, q, number, docs)
    _brings(fieldset, paragraphs, docs)
    _marks(fieldset, q)
    if q.kind == "note":  # answered in words: the text box is the answer
        _note(fieldset, q, "Your answer", "5")
        return fieldset
    if q.kind == "words":  # answered in words, or Not known: no Yes / No
        _note(fieldset, q, "Your answer", "4")
        _choices(fieldset, q, q.answers.labels)
        return fieldset
    _choices(fieldset, q, q.answers.labels)
    if q.kind == "both":  # a closed question and an open one: both, the open one in words
        _note(fieldset, q, q.note_label, "3")
        return fieldset
    if q.note_label:  # the note is where the answer's information goes: always in view
        _note(fieldset, q, q.note_label, "3")
        return fieldset
    note = el(fieldset, "details", class_="checklist-q__note")
    el(note, "summary", "Add a note")
    _note(note, q, "Note" if not q.verbatim else f"Note (item {number.rstrip('.')})", "3")
    return fieldset


def render_form(parent: etree.Element, checklist: Checklist, docs: str) -> etree.Element:
    """The checklist as an HTML form, appended to ``parent``."""
    form = el(
        parent,
        "form",
        class_="checklist",
        id=f"checklist-{checklist.id}",
        data_checklist=checklist.id,
        data_serves=checklist.serves,
        autocomplete="off",
        novalidate="",
    )
    form.set("aria-label", f"Checklist: {checklist.title}")
    el(
        form,
        "p",
        "Without JavaScript this is a form to print and fill in by hand. With JavaScript, "
        "what the guidance says for your answers appears below the questions.",
        class_="checklist__nojs",
    )
    el(form, "div", class_="checklist__status", role="status")
    el(form, "p", "Date: ____________________", class_="checklist__blank-date")  # printed blank
    questions = el(form, "section", class_="checklist__questions")
    el(questions, "h2", "Questions", id="questions")
    _how(questions, checklist, docs)
    brought = brings(checklist)
    for q in checklist.scope:
        _question(questions, q, "", docs, brought.get(q.id, ()))
    shown: dict[str, etree.Element] = {}
    numbers = {q.id: f"{i}." for i, q in enumerate(marked(checklist), 1)}
    for q in checklist.items:  # a sub-item sits inside its parent's fieldset
        where = shown.get(q.parent, questions)
        if q.opens:
            _opens(where, q, docs)
        shown[q.id] = _question(where, q, numbers.get(q.id, ""), docs, brought.get(q.id, ()))

    result = el(form, "section", class_="checklist__result", id="result")
    el(result, "h2", "What the guidance says for these answers", id="what-the-guidance-says")
    el(result, "div", class_="checklist__prompts")  # filled by result_panel.UnansweredResult

    actions = el(form, "section", class_="checklist__actions")
    el(actions, "h2", "Your record", id="your-record")
    el(
        actions,
        "p",
        "The record has your answers, what the guidance says for them, and what is "
        "still unknown. Nothing is sent anywhere or kept after you leave unless you save a file.",
        class_="checklist__record-intro",
    )
    bar = el(actions, "div", class_="checklist__buttons")
    for action, label in [
        ("copy", "Copy record"),
        ("show", "Show the record"),
        ("print", "Print"),
        ("save", "Save to a file"),
        ("open", "Open a saved file"),
        ("clear", "Clear all answers"),
    ]:
        el(bar, "button", label, type="button", data_action=action, class_="md-button", disabled="")
    el(
        bar,
        "input",
        type="file",
        accept=".json,application/json",
        class_="checklist__file",
        hidden="",
        tabindex="-1",
        aria_hidden="true",
    )
    el(actions, "div", class_="checklist__message", role="alert")
    _record(
        actions,
        "The record, as it will be copied, saved or printed",
        class_="checklist__record",
        id=f"record-{checklist.id}",
    )

    sources = el(form, "section", class_="checklist__sources")
    el(sources, "h2", "Paragraphs this checklist uses", id="paragraphs-used")
    listing = el(sources, "ul", class_="checklist__paragraphs")
    cited = {q.paragraph for q in (*checklist.scope, *checklist.items)}
    prompts = checklist.prompts
    cited |= {c.paragraph for p in prompts for c in p.cites} | set(DISCLAIMER_PARAGRAPHS)
    for number in sorted(cited, key=guidance_key):
        item = el(listing, "li")
        el(item, "a", cited_as(number), href=paragraph_href(number, docs), data_para=number)
    sections = {
        k.target: k.text for p in prompts for k in p.links if k.target.startswith("section-")
    }
    for anchor, heading in sections.items():  # the sections its prompts link (Section 3)
        item = el(listing, "li")
        el(item, "a", heading, href=section_href(anchor, docs), data_para=anchor)
    return form


class ChecklistBlock(Block):
    """``/// checklist | <id>``: the whole checklist form."""

    NAME = "checklist"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        return render_form(parent, load_checklist(self.argument), self.config["docs_dir"])


class UseChecklistBlock(Block):
    """``/// use-checklist | <id>``: a link to the checklist, beside the paragraph it serves."""

    NAME = "use-checklist"
    ARGUMENT = True

    def on_create(self, parent: etree.Element) -> etree.Element:
        checklist = load_checklist(self.argument)
        box = el(parent, "p", class_="use-checklist")
        if latest := self.config["latest_url"]:  # an older edition: the checklists are latest's
            text = f"Use the checklist (latest edition): {checklist.title}"
            href = f"{latest}checklists/{checklist.id}/"
        else:
            text, href = f"Use the checklist: {checklist.title}", f"/checklists/{checklist.id}.md"
        el(box, "a", text, href=href, class_="use-checklist__link")
        return box


class AssessmentRecordBlock(Block):
    """``/// assessment-record``: one record of every checklist answered in this browser tab."""

    NAME = "assessment-record"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = el(parent, "section", class_="assessment-record", id="assessment-record")
        box.set("aria-label", "Assessment record")
        el(
            box,
            "p",
            "Without JavaScript there is nothing to gather: use each checklist's own record.",
            class_="checklist__nojs",
        )
        listing = el(box, "ol", class_="assessment-record__checklists")
        for checklist in guidance_order([load_checklist(i) for i in checklist_ids()]):
            item = el(listing, "li", data_checklist=checklist.id)
            el(item, "a", checklist.title, href=f"/checklists/{checklist.id}.md")
            el(item, "span", f" (Stage {checklist.stage}, paragraph {checklist.serves})")
        el(box, "div", class_="assessment-record__status", role="status")
        bar = el(box, "div", class_="checklist__buttons")
        for action, label in [("copy", "Copy the assessment record"), ("print", "Print")]:
            el(
                bar,
                "button",
                label,
                type="button",
                data_action=action,
                class_="md-button",
                disabled="",
            )
        el(box, "div", class_="checklist__message", role="alert")
        _record(box, "The assessment record", class_="checklist__record assessment-record__text")
        return box


class ChecklistFormExtension(BlocksOf):
    """Register the checklist, use-checklist and assessment-record blocks."""

    OPTIONS = {  # noqa: RUF012
        "docs_dir": ("docs", "The docs folder (to find each section's page)"),
        "latest_url": ("", "An older edition's link to the latest's root, from a page"),
    }
    BLOCKS = (ChecklistBlock, UseChecklistBlock, AssessmentRecordBlock)

    def extendMarkdown(self, md) -> None:
        super().extendMarkdown(md)
        # After the table of contents (5: the panel's headings are not the page's) and before
        # MkDocs makes links relative (0).
        md.treeprocessors.register(UnansweredResult(md), "checklist_unanswered", 4)


def makeExtension(**kwargs) -> ChecklistFormExtension:
    return ChecklistFormExtension(**kwargs)
