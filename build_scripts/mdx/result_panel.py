"""A checklist's result drawn at build time, as the page's ``render.js`` draws it (issue 26, 3).

What does not depend on the answers (the paragraph pinned to read first, the standing guidance,
what would follow "if so") is the evaluator's result with no answers: ``checklist_form`` draws it
here into each form's result panel (``UnansweredResult``, after the table of contents is made:
the panel's headings are not the page's, and after Markdown's line breaks, which the page's
drawing does not have), so that a reader, a printer or a browser without JavaScript has
it at once, and Python's first result replaces it with the same elements, classes and text (no
jump). This module mirrors ``docs/assets/js/checklist/render.js`` function for function, text only;
a change to one is a change to the other (``tests/test_checklist_before_python_browser.py``
compares the two panels' text in the browser).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from calculators import evaluate
from calculators.model import load_checklist

SITE_MARK = "The site's words:"  # as site-words.js
Child = etree.Element | str
Href = Callable[[str], str]  # a paragraph's number → its link, or "#" (render.js's addresses)


def _append(parent: etree.Element, *children: Child | None) -> etree.Element:
    """Append elements and text (left alone by later inline processing), as ``el()`` does."""
    for child in children:
        if child is None or child == "":
            continue
        if isinstance(child, str):
            if len(parent):
                parent[-1].tail = AtomicString((parent[-1].tail or "") + child)
            else:
                parent.text = AtomicString((parent.text or "") + child)
        else:
            parent.append(child)
    return parent


def el(tag: str, attrs: dict[str, str] | None = None, *children: Child | None) -> etree.Element:
    """An element: ``el("p", {"class": "note", "data-prompt": "x"}, "text", child)``."""
    return _append(etree.Element(tag, attrs or {}), *children)


def site_line(tag: str, class_name: str, *children: Child | None) -> etree.Element:
    """site-words.js's ``siteLine``: the mark, then the site's words."""
    mark = el("span", {"class": "site-words__mark"}, SITE_MARK)
    return el(tag, {"class": f"{class_name} site-words"}, mark, " ", *children)


def _paragraph_link(href: Href, number: object, name: str = "") -> etree.Element:
    """render.js's ``paragraphLink``: named as Python names it (a box by its heading)."""
    attrs = {"class": "checklist-prompt__para", "href": href(str(number))}
    return el("a", attrs, name or f"Paragraph {number}")


def _item_title(item: dict) -> etree.Element | None:
    """render.js's ``itemTitle``: an item's heading before its words, the site's marked."""
    title = item.get("title")
    if not title:
        return None
    if item.get("site_title"):
        return site_line("span", "checklist__item-title", f"{title}:")
    return el("strong", {"class": "checklist__item-title"}, f"{title}:")


def _item_list(href: Href, items: list, class_name: str, with_label: bool = False):
    def line(item: dict) -> etree.Element:
        label = f": {item['label']}" if with_label and item.get("label") else ""
        adult = item.get("adult_label")
        flag = site_line("span", "checklist__adult-flag", adult) if adult else None
        space = " " if adult else None
        link = _paragraph_link(href, item["paragraph"])
        title = _item_title(item)
        gap = " " if title is not None else None
        return el("li", {}, title, gap, f"{item['text']} ", link, label, space, flag)

    return el("ul", {"class": class_name}, *map(line, items))


def _checklist_link(checklist_id: str) -> etree.Element:
    """A checklist's page (written from the docs root; MkDocs makes it relative)."""
    title = load_checklist(checklist_id).title
    attrs = {"class": "checklist-prompt__link", "href": f"/checklists/{checklist_id}.md"}
    return el("a", attrs, f"Go to the checklist: {title}")


def _quote(href: Href, shown: dict) -> etree.Element:
    link = _paragraph_link(href, shown["paragraph"], shown["name"])
    source = el("p", {"class": "checklist-prompt__source"}, link)
    words = el("p", {}, f"“{shown['quote']}”")
    return el("blockquote", {"class": "checklist-prompt__quote"}, words, source)


def _links(href: Href, shown: dict) -> etree.Element | None:
    def link(to: dict) -> etree.Element:
        address = to["url"] or href(to["target"])
        return el("a", {"class": "checklist-prompt__link-to", "href": address}, to["text"])

    links = shown["links"]
    return el("p", {"class": "checklist-prompt__links"}, *map(link, links)) if links else None


def _body(href: Href, shown: dict) -> list[Child | None]:
    note = f"The site's note on {shown['paragraph']}: {shown.get('note')}"
    return [
        _quote(href, shown),
        _links(href, shown),
        site_line("p", "checklist-prompt__note", note) if shown.get("note") else None,
        site_line("p", "checklist__adult-flag", shown["adult_label"])
        if shown.get("adult_label")
        else None,
    ]


def _prompt_item(shown: dict, kind: str, *children: Child | None) -> etree.Element:
    attrs = {
        "class": f"checklist-prompt checklist-prompt--{kind}",
        "data-prompt": shown["id"],
        "data-group": kind,
    }
    return el("li", attrs, *children)


def _waits_on(shown: dict) -> etree.Element | None:
    if not shown.get("waits_on"):
        return None
    return site_line("p", "checklist-prompt__waits-on", shown["waits_on"])


def _whole(href: Href, shown: dict, kind: str) -> etree.Element:
    """render.js's ``whole``: a list of answers after the guidance's words it is under (P5)."""
    from_answers = shown.get("from_answers")
    said = [
        site_line("p", "checklist-prompt__from-answers", from_answers) if from_answers else None,
        _waits_on(shown),
    ]
    items = shown["items"]
    if not items:
        return _prompt_item(shown, kind, *said, *_body(href, shown))
    listed = _item_list(href, items, "checklist-prompt__items", True)
    if shown.get("continues"):  # under the words of the list above (render.js's whole)
        return _prompt_item(shown, kind, *said, listed)
    return _prompt_item(shown, kind, *_body(href, shown), *said, listed)


def _if_so(href: Href, shown: dict) -> etree.Element:
    lead = f"{shown['name']}: {shown['lead']}"
    summary = el("summary", {"class": "checklist-prompt__lead"}, lead)
    link = shown.get("link")
    return _prompt_item(  # P12 c: its number and lead, then what it waits on
        shown,
        "if-so",
        el("details", {"data-keep": f"prompt:{shown['id']}"}, summary, *_body(href, shown)),
        _waits_on(shown),
        el("p", {"class": "checklist-prompt__go"}, _checklist_link(link)) if link else None,
    )


def _heading(text: str, class_name: str) -> etree.Element:
    return site_line("h3", class_name, text)


def _section(href: Href, shown: dict) -> etree.Element:
    kind = shown["kind"]

    def listing(draw: Callable[[dict], etree.Element]) -> etree.Element:
        attrs = {"class": f"checklist-prompts checklist-prompts--{kind}"}
        return el("ul", attrs, *map(draw, shown["prompts"]))

    if kind == "standing":
        heading = site_line("span", "checklist__section-heading", shown["heading"])
        summary = el("summary", {"class": "checklist__standing-heading"}, heading)
        attrs = {
            "class": "checklist-standing",
            "open": "",
            "data-keep": "section:standing",
            "data-section": "standing",
        }
        return el("details", attrs, summary, listing(lambda p: _whole(href, p, "standing")))
    draw = (lambda p: _if_so(href, p)) if kind == "if-so" else (lambda p: _whole(href, p, kind))
    return el(
        "section",
        {"class": "checklist__section", "data-section": kind},
        _heading(shown["heading"], "checklist__section-heading"),
        listing(draw),
    )


def _carried_line(text: str) -> etree.Element:
    return site_line("p", "checklist__carried-line", text)


def _carried(href: Href, sources: list) -> etree.Element:
    def source(given: dict) -> etree.Element:
        """render.js's ``carried`` source: the evaluator's summary line, then what it lists."""
        attrs = {"data-checklist": given["checklist"]}
        line = _carried_line(given["summary"])
        if not given["items"]:
            return el("li", attrs, line)
        items = _item_list(href, given["items"], "checklist__carried-items", True)
        return el("li", attrs, line, items)

    return el(
        "section",
        {"class": "checklist__carried"},
        _heading("From the other checklists of this tab (2.23 a)", "checklist__carried-heading"),
        el("ul", {"class": "checklist__carried-list"}, *map(source, sources)),
    )


def _offered(href: Href, groups: list) -> etree.Element:
    """render.js's ``offered``, without its copy controls (offered-copy.js: the page's, for the
    lists on it): never drawn at build time, where no other checklist of a tab is answered."""

    def group(given: dict) -> etree.Element:
        items = _item_list(href, given["items"], "checklist__offered-items", True)
        for line, item in zip(items, given["items"], strict=True):
            if item["note"]:  # the practitioner's words on it, as the record prints them
                note = f"{item['note_name']}: {item['note']}"
                line.append(el("p", {"class": "checklist__offered-note"}, note))
        words = el("blockquote", {"class": "checklist__offered-words"}, el("p", {}, given["words"]))
        return el("li", {}, site_line("p", "checklist__offered-line", given["line"]), words, items)

    heading = "Answers from the other checklists of this tab, beside the two lists (2.23 c)"
    return el(
        "section",
        {"class": "checklist__offered"},
        _heading(heading, "checklist__offered-heading"),
        el("ul", {"class": "checklist__offered-list"}, *map(group, groups)),
    )


def _beside(href: Href, shown: dict) -> etree.Element:
    attrs = {"class": "checklist-prompt checklist-prompt--beside", "data-prompt": shown["id"]}
    return el("div", attrs, *_body(href, shown))


def mark_questions(boxes: dict[str, etree.Element], answers: list, href: Href) -> None:
    """render.js's ``markQuestions``: "Not answered" (and the 1.7 label) by each question,
    ``boxes`` the question's element by its id (``q-<id>``), and a paragraph shown beside it
    right after its words."""
    for answer in answers:
        box = boxes.get(f"q-{answer['id']}")
        if box is None:
            continue
        if answer["status"] == "not-asked":
            box.set("hidden", "")
        if answer["beside"]:
            words = next(i for i, e in enumerate(box) if e.get("class") == "checklist-q__legend")
            beside = [_beside(href, shown) for shown in answer["beside"]]
            box.insert(words + 1, el("div", {"class": "checklist-q__beside"}, *beside))
        if answer["status"] == "not-answered" and not answer["caution"]:
            box.append(el("p", {"class": "checklist-q__state"}, "Not answered"))
        if answer.get("adult_label"):
            box.append(site_line("p", "checklist__adult-flag", answer["adult_label"]))


def draw(box: etree.Element, result: dict, href: Href) -> None:
    """render.js's ``render``, for the result panel ``box`` (its questions: ``mark_questions``)."""
    if result["answered"] == 0:
        _append(box, site_line("p", "checklist__hint", "Nothing is answered yet."))
    pinned = [s for s in result["sections"] if s["kind"] == "pinned"]
    for shown in pinned:  # read first, then the site's statements beside it, as the record
        _append(box, _section(href, shown))
    for statement in result["statements"]:
        _append(box, site_line("p", "checklist__statement", statement))
    if result["missing"]:
        lead = "Missing: the record is not complete without these:"
        missing = _item_list(href, result["missing"], "checklist__missing-list", True)
        lines = site_line("p", "checklist__missing-lead", lead), missing
        _append(box, el("div", {"class": "checklist__missing"}, *lines))
    for shown in result["sections"]:
        if shown["kind"] != "pinned":
            _append(box, _section(href, shown))
    unknown = result["to_find_out"]["items"]
    if unknown:
        _append(box, _heading(result["to_find_out"]["heading"], "checklist__unknown-heading"))
        _append(box, _item_list(href, unknown, "checklist__unknown", True))
    if result["scope_not_answered"]:
        heading = "The site's questions not answered or Not known"
        _append(box, _heading(heading, "checklist__scope-heading"))
        items = result["scope_not_answered"]
        _append(box, _item_list(href, items, "checklist__scope-not-answered", True))
    if result["carried"]:
        _append(box, _carried(href, result["carried"]))
    if result["offered"]:
        _append(box, _offered(href, result["offered"]))


def draw_form(form: etree.Element) -> None:
    """The result with no answers, in a build-time checklist form: its questions marked, its
    panel drawn, paragraphs linked as render.js links them (the form's own ``a[data-para]``)."""
    result = evaluate({"checklist": form.get("data-checklist"), "answers": {}})
    addresses: dict[str, str] = {}
    for link in form.iter("a"):
        if link.get("data-para"):
            addresses.setdefault(link.get("data-para", ""), link.get("href", "#"))
    boxes = {e.get("id", ""): e for e in form.iter() if e.get("id", "").startswith("q-")}
    href: Href = lambda number: addresses.get(number, "#")  # noqa: E731
    mark_questions(boxes, result["answers"], href)
    for box in form.iter("div"):
        if box.get("class") == "checklist__prompts":
            draw(box, result, href)


class UnansweredResult(Treeprocessor):
    """Every checklist form of the page, its result with no answers drawn (``draw_form``)."""

    def run(self, root: etree.Element) -> None:
        forms = [f for f in root.iter("form") if f.get("data-checklist")]
        for form in forms:
            if "checklist" in form.get("class", "").split():
                draw_form(form)
