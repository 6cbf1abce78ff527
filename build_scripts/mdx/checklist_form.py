"""Checklist forms, rendered at build time from the checklist definitions (HTML first).

``/// checklist | early-risk-factors`` renders the whole checklist as a real form: one fieldset of
radio buttons per question with its paragraph link, an optional note each, an empty result panel
and the record controls. Without JavaScript it is a readable, printable form; the runtime
(assets/js/checklist.js) enhances it. ``/// use-checklist | early-risk-factors`` renders the
"Use the checklist" link placed beside the guidance paragraph a checklist serves.
``/// assessment-record`` renders the page that gathers every checklist answered in the tab.

Links to paragraphs are written from the docs root (``/assessment.md#2.10``); MkDocs validates and
rewrites them (``validation.links.absolute_links: relative_to_docs``). The page of each section is
found from the ``{#section-N}`` ids of docs/.

Registry: blocks ``checklist``, ``use-checklist`` and ``assessment-record`` in pymdownx's Blocks
API.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from build_scripts.mdx._html import el, paragraph_href
from calculators import checklist_ids, load_checklist
from calculators.evaluator import MAX_NOTE
from calculators.model import Checklist, Question
from calculators.record import DISCLAIMER_PARAGRAPHS, guidance_order


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
        el(legend, "strong", q.title, class_="checklist-q__title")
    el(legend, "span", q.text, class_="checklist-q__text")
    link = el(
        legend, "a", q.paragraph, class_="checklist-q__para", href=paragraph_href(q.paragraph, docs)
    )
    link.set("aria-label", f"paragraph {q.paragraph}")
    link.tail = " "  # "2.16 (the site's question)", not "2.16(the site's question)"
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
    if q.prefill:
        area.set("data-prefill", q.prefill)
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
            "The same question is asked in other checklists.",
            class_="checklist-q__shared",
        )


def _question(parent: etree.Element, q: Question, number: str, docs: str) -> etree.Element:
    kind = "scope" if not q.verbatim else "item"
    if q.caution:  # information in place, not a task: text only, never marked
        box = el(parent, "div", class_="checklist-q checklist-q--caution", id=f"q-{q.id}")
        text = el(box, "p", class_="checklist-q__legend")
        if number:
            el(text, "span", number, class_="checklist-q__number")
        el(text, "span", q.text, class_="checklist-q__text")
        el(
            text,
            "a",
            q.paragraph,
            class_="checklist-q__para",
            href=paragraph_href(q.paragraph, docs),
        )
        return box
    fieldset = el(parent, "fieldset", class_=f"checklist-q checklist-q--{kind}", id=f"q-{q.id}")
    _legend(fieldset, q, number, docs)
    _marks(fieldset, q)
    if q.kind == "note":  # answered in words: the text box is the answer
        _note(fieldset, q, "Your answer" if not q.prefill else "Your list (edit freely)", "5")
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
    _note(note, q, f"Note ({'scope question' if not q.verbatim else 'item ' + number})", "3")
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
    for q in checklist.scope:
        _question(questions, q, "", docs)
    shown: dict[str, etree.Element] = {}
    for i, q in enumerate(checklist.items, 1):  # a sub-item sits inside its parent's fieldset
        shown[q.id] = _question(shown.get(q.parent, questions), q, f"{i}.", docs)

    result = el(form, "section", class_="checklist__result", id="result")
    el(result, "h2", "What the guidance says for these answers", id="what-the-guidance-says")
    el(result, "div", class_="checklist__prompts")

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
    prompts = [*checklist.prompts, *([checklist.out_of_scope] if checklist.out_of_scope else [])]
    cited |= {c.paragraph for p in prompts for c in p.cites} | set(DISCLAIMER_PARAGRAPHS)
    for number in sorted(cited, key=lambda n: tuple(int(x) for x in n.split("."))):
        item = el(listing, "li")
        el(item, "a", f"Paragraph {number}", href=paragraph_href(number, docs), data_para=number)
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


class ChecklistFormExtension(BlocksExtension):
    """Register the checklist and use-checklist blocks."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "docs_dir": ["docs", "The docs folder (to find each section's page)"],
            "latest_url": ["", "An older edition's link to the latest's root, from a page"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(ChecklistBlock, self.getConfigs())
        block_mgr.register(UseChecklistBlock, self.getConfigs())
        block_mgr.register(AssessmentRecordBlock, self.getConfigs())


def makeExtension(**kwargs) -> ChecklistFormExtension:
    return ChecklistFormExtension(**kwargs)
