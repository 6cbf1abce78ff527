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

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from calculators import checklist_ids, load_checklist
from calculators.model import Checklist, Question

SECTION_ID = re.compile(r"\{#section-(\d+)\}")


@cache
def section_pages(docs_dir: str) -> dict[str, str]:
    """Section number → the docs page that holds it, e.g. {"2": "assessment.md"}."""
    pages = {}
    for path in sorted(Path(docs_dir).glob("*.md")):
        for number in SECTION_ID.findall(path.read_text(encoding="utf-8")):
            pages[number] = path.name
    return pages


def paragraph_href(number: str, docs_dir: str) -> str:
    """The docs-root link of a paragraph, e.g. ``/assessment.md#2.10``."""
    page = section_pages(docs_dir).get(number.split(".")[0])
    if page is None:
        raise ValueError(f"no page in {docs_dir} holds section {number.split('.')[0]}")
    return f"/{page}#{number}"


def _el(parent: etree.Element, tag: str, text: str = "", **attrs: str) -> etree.Element:
    element = etree.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    )
    element.text = text or None
    return element


def _legend(fieldset: etree.Element, q: Question, number: str, docs: str) -> None:
    legend = _el(fieldset, "legend", class_="checklist-q__legend")
    if number:
        _el(legend, "span", number, class_="checklist-q__number")
    if q.title:
        _el(legend, "strong", q.title, class_="checklist-q__title")
    _el(legend, "span", q.text, class_="checklist-q__text")
    link = _el(
        legend, "a", q.paragraph, class_="checklist-q__para", href=paragraph_href(q.paragraph, docs)
    )
    link.set("aria-label", f"paragraph {q.paragraph}")
    if q.required:
        _el(legend, "span", "(required)", class_="checklist-q__required")


def _note(parent: etree.Element, q: Question, label: str, rows: str) -> None:
    _el(parent, "label", label, for_=f"note-{q.id}", class_="checklist-q__note-label")
    area = _el(
        parent, "textarea", id=f"note-{q.id}", name=f"note:{q.id}", rows=rows, maxlength="4000"
    )
    if q.prefill:
        area.set("data-prefill", q.prefill)
    area.text = ""


def _question(parent: etree.Element, q: Question, number: str, docs: str) -> None:
    kind = "scope" if not q.verbatim else "item"
    fieldset = _el(parent, "fieldset", class_=f"checklist-q checklist-q--{kind}", id=f"q-{q.id}")
    _legend(fieldset, q, number, docs)
    if q.kind == "note":  # answered in words: the text box is the answer
        _note(fieldset, q, "Your answer" if not q.prefill else "Your list (edit freely)", "5")
        return
    answers = _el(fieldset, "div", class_="checklist-q__answers")
    for value, label in q.answers.labels.items():
        wrapper = _el(answers, "label", class_="checklist-q__answer")
        _el(wrapper, "input", type="radio", name=q.id, value=value)
        wrapper[0].tail = f" {label}"
    note = _el(fieldset, "details", class_="checklist-q__note")
    _el(note, "summary", "Add a note")
    _note(note, q, f"Note ({'scope question' if not q.verbatim else 'item ' + number})", "3")


def render_form(parent: etree.Element, checklist: Checklist, docs: str) -> etree.Element:
    """The checklist as an HTML form, appended to ``parent``."""
    form = _el(
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
    _el(
        form,
        "p",
        "Without JavaScript this is a form to print and fill in by hand. With JavaScript, "
        "what the guidance says for your answers appears below the questions.",
        class_="checklist__nojs",
    )
    _el(form, "div", class_="checklist__status", role="status")
    questions = _el(form, "section", class_="checklist__questions")
    _el(questions, "h2", "Questions", id="questions")
    for q in checklist.scope:
        _question(questions, q, "", docs)
    for i, q in enumerate(checklist.items, 1):
        _question(questions, q, f"{i}.", docs)

    result = _el(form, "section", class_="checklist__result", id="result")
    _el(result, "h2", "What the guidance says for these answers", id="what-the-guidance-says")
    _el(result, "div", class_="checklist__prompts")

    actions = _el(form, "section", class_="checklist__actions")
    _el(actions, "h2", "Your record", id="your-record")
    _el(
        actions,
        "p",
        "The record has your answers, what the guidance says for them, and what is "
        "still unknown. Nothing is sent anywhere or kept after you leave unless you save a file.",
        class_="checklist__record-intro",
    )
    bar = _el(actions, "div", class_="checklist__buttons")
    for action, label in [
        ("copy", "Copy record"),
        ("show", "Show the record"),
        ("print", "Print"),
        ("save", "Save to a file"),
        ("open", "Open a saved file"),
        ("clear", "Clear all answers"),
    ]:
        _el(
            bar, "button", label, type="button", data_action=action, class_="md-button", disabled=""
        )
    _el(
        bar,
        "input",
        type="file",
        accept=".json,application/json",
        class_="checklist__file",
        hidden="",
        tabindex="-1",
        aria_hidden="true",
    )
    _el(actions, "div", class_="checklist__message", role="alert")
    record = _el(
        actions,
        "pre",
        class_="checklist__record",
        id=f"record-{checklist.id}",
        hidden="",
        tabindex="0",
    )
    record.set("role", "region")  # a named, focusable (scrollable) region
    record.set("aria-label", "The record, as it will be copied, saved or printed")

    sources = _el(form, "section", class_="checklist__sources")
    _el(sources, "h2", "Paragraphs this checklist uses", id="paragraphs-used")
    listing = _el(sources, "ul", class_="checklist__paragraphs")
    cited = {q.paragraph for q in (*checklist.scope, *checklist.items)}
    prompts = [*checklist.prompts, *([checklist.out_of_scope] if checklist.out_of_scope else [])]
    cited |= {c.paragraph for p in prompts for c in p.cites} | {"1.8", "2.2"}
    for number in sorted(cited, key=lambda n: tuple(int(x) for x in n.split("."))):
        item = _el(listing, "li")
        _el(item, "a", f"Paragraph {number}", href=paragraph_href(number, docs), data_para=number)
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
        box = _el(parent, "p", class_="use-checklist")
        _el(
            box,
            "a",
            f"Use the checklist: {checklist.title}",
            href=f"/checklists/{checklist.id}.md",
            class_="use-checklist__link",
        )
        return box


def guidance_order(ids: list[str]) -> list[Checklist]:
    """Checklists in the guidance's order: by stage, then by the paragraph each serves."""
    checklists = [load_checklist(i) for i in ids]
    return sorted(checklists, key=lambda c: (c.stage, tuple(int(x) for x in c.serves.split("."))))


class AssessmentRecordBlock(Block):
    """``/// assessment-record``: one record of every checklist answered in this browser tab."""

    NAME = "assessment-record"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = _el(parent, "section", class_="assessment-record", id="assessment-record")
        box.set("aria-label", "Assessment record")
        _el(
            box,
            "p",
            "Without JavaScript there is nothing to gather: use each checklist's own record.",
            class_="checklist__nojs",
        )
        listing = _el(box, "ol", class_="assessment-record__checklists")
        for checklist in guidance_order(checklist_ids()):
            item = _el(listing, "li", data_checklist=checklist.id)
            _el(item, "a", checklist.title, href=f"/checklists/{checklist.id}.md")
            _el(item, "span", f" (Stage {checklist.stage}, paragraph {checklist.serves})")
        _el(box, "div", class_="assessment-record__status", role="status")
        bar = _el(box, "div", class_="checklist__buttons")
        for action, label in [("copy", "Copy the assessment record"), ("print", "Print")]:
            _el(
                bar,
                "button",
                label,
                type="button",
                data_action=action,
                class_="md-button",
                disabled="",
            )
        _el(box, "div", class_="checklist__message", role="alert")
        record = _el(
            box,
            "pre",
            class_="checklist__record assessment-record__text",
            hidden="",
            tabindex="0",
            role="region",
        )
        record.set("aria-label", "The assessment record")
        return box


class ChecklistFormExtension(BlocksExtension):
    """Register the checklist and use-checklist blocks."""

    def __init__(self, **kwargs) -> None:
        self.config = {"docs_dir": ["docs", "The docs folder (to find each section's page)"]}
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(ChecklistBlock, self.getConfigs())
        block_mgr.register(UseChecklistBlock, self.getConfigs())
        block_mgr.register(AssessmentRecordBlock, self.getConfigs())


def makeExtension(**kwargs) -> ChecklistFormExtension:
    return ChecklistFormExtension(**kwargs)
