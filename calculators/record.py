"""Plain-text records, drawn from the evaluator's result (it lays the result out; this only
prints it): of one checklist, and of the whole assessment of a tab, which states the heading, the
shared answers and the closing lines once. For pasting into a case system, printing, keeping.

Every line is the guidance's words (items, and quotes after "> "), the practitioner's (answers
and notes), or the site's, marked "[site]" and explained once in the legend (P10, P13).
"""

from __future__ import annotations

import re

from calculators.contract import Answer, Listed, Prompt, Result, Section
from calculators.evaluator import AGE_LINE, NOT_ANSWERED
from calculators.model import guidance_order
from calculators.model import shared as shared_questions
from calculators.paragraph_ids import cited_as, short_name

__all__ = ["DISCLAIMER_PARAGRAPHS", "assessment_record_text", "guidance_order", "record_text"]

SITE = "[site]"
LEGEND = (
    "How to read this record: lines after “>” quote the guidance, word for word; lines marked "
    f"{SITE} are this site's words, not the guidance's (in them, words in “ ” quote the guidance "
    "or a question); so are the headings in capitals, the line naming each paragraph quoted "
    "(“Paragraph 2.12”, or a box by the paragraph it follows) and the labels before a colon "
    "(Answer, Also answered, In words, Note, Reason, Information, Awaited from, Linked, a mark "
    "such as Cross-check with the partner, and a paragraph's number before the words quoted from "
    "it, as “1.8:”); the questions are the guidance's words unless marked as the site's; answers, "
    "words, notes and reasons are the practitioner's."
)
CLOSING = [
    f"{SITE} This record supports, and does not replace, professional judgement.",
    "1.8:",
    "  > the practitioner must use all tools in the assessment framework and not rely only on "
    "one source of evidence about risk",
    "2.2:",
    "  > to be considered in consultation with your line-manager",
]
DISCLAIMER_PARAGRAPHS = ("1.8", "2.2")  # every record and form quotes them
SPECIALIST = (  # P8: under 18 or age not known, quoted once per record
    "1.7:",
    "  > Specialist advice should be sought regarding these circumstances.",
)
SHARED_IDS = frozenset(shared_questions().questions)
RULE = "=" * 60  # between the assessment record's parts
SITE_OPEN = "The site's questions not answered or Not known"
OFFERED = "Answers from the other checklists of this tab, beside the two lists (2.23 c)"


def _caps(heading: str) -> str:
    """A heading in capitals, a paragraph's part as the guidance writes it ("2.23 a", not "2.23
    A", which reads as 2.5's category A)."""
    return re.sub(r"\b(\d+\.\d+) ([A-Z])\b", lambda m: f"{m[1]} {m[2].lower()}", heading.upper())


def _indented(text: str, prefix: str) -> list[str]:
    """Text of several lines, each line after ``prefix`` (a quote, or a note's lines)."""
    return [f"{prefix}{line}".rstrip() for line in text.split("\n")]


def _heading(title: str, guidance: str, edition: str, made_at: str) -> list[str]:
    return [title, f"Guidance: {guidance}", f"Edition: {edition}", f"Made: {made_at}", "", LEGEND]


def _age_lines(adult: str) -> list[str]:
    if adult == "not-answered":
        return ["", f"{SITE} {AGE_LINE}"]
    if adult == "under-18-or-not-known":
        return ["", *SPECIALIST]
    return []


def _title(item: Answer | Listed) -> str:
    """An item's heading, marked when it is the site's words."""
    return f"{SITE} {item['title']}" if item["site_title"] else item["title"]


def _where(answer: Answer) -> str:
    """After a question: the paragraph it quotes, or, for the site's own question, the
    paragraphs its answer can bring (P7: why the site asks it)."""
    if answer["site"] and answer["brings"]:
        return f"(asked for {', '.join(short_name(p) for p in answer['brings'])})"
    return f"({answer['paragraph']})"


def _answer_lines(answer: Answer, number: str) -> list[str]:
    site = f"{SITE} " if answer["site"] else ""
    indent = "      " if answer["parent"] else "   "
    if answer["caution"]:  # the guidance's words in place, quoted: never numbered nor marked
        at = indent[3:]
        lines = [f"{at}{cited_as(answer['paragraph'])}:", *_indented(answer["text"], f"{at}  > ")]
        if answer["adult_label"]:
            lines.append(f"{at}  {SITE} {answer['adult_label']}")
        return lines
    heading = f"{number} {site}{answer['text']} {_where(answer)}".strip()
    lines = [f"   {heading}" if answer["parent"] else heading]
    if answer["title"]:
        lines.insert(0, f"{number} {_title(answer)}".strip())
        lines[1] = f"{indent}{answer['text']} ({answer['paragraph']})"
    if answer["adult_label"]:  # with the question it is about, before any answer (a reader)
        lines.append(f"{indent}{SITE} {answer['adult_label']}")
    if (
        answer["kind"] == "words" and answer["note_label"]
    ):  # how it is answered, whatever the answer
        lines.append(f"{indent}{SITE} {answer['note_label']}")
    if answer["status"] == "not-asked":  # the site's words, not an answer of the reader's
        return [*lines, f"{indent}{SITE} {answer['label']}"]
    words = answer["kind"] in ("words", "note")
    given = answer["label"] if answer["status"] != "not-answered" else NOT_ANSWERED
    given = given or NOT_ANSWERED  # a menu question with a mark or note but no status
    if words and answer["note"]:
        lines += _indented(answer["note"], f"{indent}Answer: ")[:1]
        lines += _indented(answer["note"], f"{indent}        ")[1:]
        if answer["answer"]:  # a note and Not known: both said
            lines.append(f"{indent}Also answered: {answer['label']}")
    else:
        lines.append(f"{indent}Answer: {given}")
        for mark in answer["marks"]:  # ticked or not, so that not ticked is seen (spec 7)
            lines.append(f"{indent}{mark['label']}: {'Marked' if mark['marked'] else 'Not marked'}")
        if answer["kind"] == "both" and not answer["note"]:  # both parts have their status
            lines.append(f"{indent}{answer['note_name']}: {NOT_ANSWERED}")
        if answer["note"]:
            label = answer["note_name"]
            lines += _indented(answer["note"], f"{indent}{label}: ")[:1]
            lines += _indented(answer["note"], f"{indent}{' ' * (len(label) + 2)}")[1:]
    return lines


def _numbers(items: list[Answer]) -> dict[str, str]:
    """Each item's number as on the form: the questions and tasks counted, never a caution."""
    marked = [a["id"] for a in items if not a["caution"]]
    return {item_id: f"{i}." for i, item_id in enumerate(marked, 1)}


def _answers(result: Result, shared: bool, quoted: dict[str, str]) -> list[str]:
    """Every question with its answer: the site's questions first (the shared ones only when
    ``shared``), then the items, numbered as on the form; sub-items under their parent; a
    paragraph shown beside an item (2.5 beside 2.18's first point) right after it, indented."""
    lines = []
    for answer in result["answers"]:
        if answer["site"] and (shared or not answer["shared"]):
            lines += _answer_lines(answer, "-")
    items = [a for a in result["answers"] if not a["site"]]
    # 6.2's menu: chosen is a status given (To ask or Asked, P10); a question with a mark or a
    # note but no status is not chosen, yet printed, so that what was given never vanishes
    not_chosen = [a for a in items if a["menu"] and not a["label"]]
    unchosen = [a for a in not_chosen if a["status"] == "not-answered" and not a["note"]]
    # P11: a question printed stays under its parent, so the parent is printed too ("What do they
    # do with each…" under the question it follows), though not chosen itself
    printed = {a["parent"] for a in items if a["parent"] and a not in unchosen}
    unchosen = [a for a in unchosen if a["id"] not in printed]
    numbers = _numbers(items)
    opens: list[str] = []  # the guidance's words opening a list, before its first item printed
    for answer in items:
        if answer["opens"]:
            opens = [f"{answer['paragraph']}:", f"  > {answer['opens']}"]
            # quoted once (P12): a list under the same words below says "Quoted above"
            where = f"{result['title']}, before its questions"
            quoted.setdefault(f"{answer['paragraph']}\n{answer['opens']}", where)
        if answer not in unchosen:
            lines += opens
            opens = []
            lines += _answer_lines(answer, numbers.get(answer["id"], ""))
            for prompt in answer["beside"]:
                lines += [f"   {line}" for line in _prompt_lines(prompt, quoted, result["title"])]
    if any(a["menu"] for a in items):
        line = f"{SITE} {len(not_chosen)} of {len(items)} questions were not chosen for this plan"
        if shown := len(not_chosen) - len(unchosen):
            verb = "is" if shown == 1 else "are"
            line += (
                f"; {shown} of them {verb} printed above, with a mark or a note but no status, or"
                " a question chosen under them"
            )
        lines.append(f"{line}.")
    return lines


def _prompt_lines(prompt: Prompt, quoted: dict[str, str], where: str) -> list[str]:
    """A prompt: its paragraph's name and words (or "Quoted above"), the site's lines, the answers
    it lists. One that ``continues`` the list above it (3.10's qualities by answer, under the same
    words) prints its answers alone, under the name and words already printed."""
    lines = [prompt["name"]]
    said = [f"  {SITE} {prompt[key]}" for key in ("from_answers", "waits_on") if prompt[key]]
    listed = [
        line
        for i in prompt["items"]
        for line in [
            f"  - {i['text']} ({i['paragraph']})" + (f": {i['label']}" if i["label"] else ""),
            *([f"    {SITE} {i['adult_label']}"] if i["adult_label"] else []),
        ]
    ]
    if not listed:
        lines += said
    if listed and prompt["continues"]:
        return said + listed
    key = f"{prompt['paragraph']}\n{prompt['quote']}"
    if key in quoted:
        lines.append(f"  {SITE} Quoted above ({quoted[key]}).")
    else:
        quoted[key] = where
        lines += _indented(prompt["quote"], "  > ")
        if prompt["note"]:  # with the quote it is about, once
            lines.append(f"  {SITE} The site's note on {prompt['paragraph']}: {prompt['note']}")
    if listed:  # the answers listed under the guidance's words (P5), after them
        lines += said + listed
    for link in prompt["links"]:  # a place it links, in the guidance's words (Section 3)
        lines.append(f"  Linked: {link['text']}" + (f" ({link['url']})" if link["url"] else ""))
    if prompt["adult_label"]:
        lines.append(f"  {SITE} {prompt['adult_label']}")
    return lines


def _listed_lines(item: Listed, site: bool = False) -> list[str]:
    """An item listed with its answer: its heading on a line of its own (never glued to the
    guidance's words), its note after it; a site question without a paragraph (P7)."""
    where = "" if site else f" ({item['paragraph']})"
    mark = f"{SITE} " if site else ""
    lines = [f"- {_title(item)}", f"  {item['text']}{where}: {item['label']}"]
    if not item["title"]:
        lines = [f"- {mark}{item['text']}{where}: {item['label']}"]
    if item["adult_label"]:  # wherever the item is named again (P8), before its note
        lines.append(f"  {SITE} {item['adult_label']}")
    if item["note"]:
        name = f"  {item['note_name']}: "
        lines += _indented(item["note"], name)[:1] + _indented(item["note"], " " * len(name))[1:]
    return lines


def _as_listed(answer: Answer) -> Listed:
    """A question and its answer, as a list of what is open shows it."""
    return {
        "id": answer["id"],
        "text": answer["text"],
        "paragraph": answer["paragraph"],
        "label": answer["label"] or NOT_ANSWERED,
        "adult_label": answer["adult_label"],
        "title": answer["title"],
        "site_title": answer["site_title"],
        "note": answer["note"],
        "note_name": answer["note_name"],
    }


def _listed(heading: str, items: list[Listed], site: bool = False) -> list[str]:
    if not items:
        return []
    return ["", _caps(heading), *(line for item in items for line in _listed_lines(item, site))]


def _section_lines(section: Section, quoted: dict[str, str], where: str, shared: bool) -> list[str]:
    """One section of what the guidance says: its heading, then each prompt; where its words were
    quoted is kept for a "Quoted above" below, naming the checklist and the section (a reader
    could not tell which of two quotes of 2.6 was meant)."""
    lines = ["", _caps(section["heading"])]
    under = f"{where}, under “{section['heading'].split(':')[0]}”"
    for prompt in section["prompts"]:
        if not shared and prompt["waits_on"] == AGE_LINE:  # said once, at the top (P12)
            prompt = {**prompt, "waits_on": ""}
        lines += _prompt_lines(prompt, quoted, under)
    return lines


def body(result: Result, quoted: dict[str, str], shared: bool = True) -> list[str]:
    """A checklist's part of a record: what is read first, the site's statements, what is
    missing, its answers, what the guidance says for them, what is open. What is read first
    comes before the answers it governs (1.7, 2.12, 3.7's context), the statements beside it
    (a fourth reader found them apart, after the answers)."""
    where = result["title"]
    sections = result["sections"]
    lines = []
    for section in (s for s in sections if s["kind"] == "pinned"):
        lines += _section_lines(section, quoted, where, shared)
    if result["statements"]:
        lines += ["", *(f"{SITE} {s}" for s in result["statements"])]
    if result["missing"]:
        lines += _listed("Missing: the record is not complete without these", result["missing"])
    lines += ["", "ANSWERS", *_answers(result, shared, quoted)]
    for section in (s for s in sections if s["kind"] != "pinned"):
        lines += _section_lines(section, quoted, where, shared)
    lines += _listed(result["to_find_out"]["heading"], result["to_find_out"]["items"])
    asked = {a["id"] for a in result["answers"] if shared or not a["shared"]}
    lines += _listed(
        SITE_OPEN, [q for q in result["scope_not_answered"] if q["id"] in asked], site=True
    )
    if result["carried"]:
        lines += ["", _caps("From the other checklists of this tab (2.23 a)")]
        if not shared:  # the assessment record: the questions of every checklist, open, once
            whole = {i["id"]: i for s in result["carried"] for i in s["site_open"]}
            open_ = [i for i in whole.values() if i["id"] in SHARED_IDS]
            open_ += [
                _as_listed(a)
                for a in result["answers"]
                if a["shared"]
                and a["status"] in ("not-answered", "not-known")
                and a["id"] not in {i["id"] for i in open_}
            ]
            if open_:
                lines.append(
                    f"{SITE} Asked for every checklist of this tab, not answered or Not known:"
                )
                lines += [line for i in open_ for line in _listed_lines(i, True)]
        for source in result["carried"]:
            lines.append(f"{SITE} {source['summary']}")
            lines += [line for item in source["items"] for line in _listed_lines(item)]
            # in the assessment record the shared questions are stated once, at the top (P14)
            site_open = [i for i in source["site_open"] if shared or i["id"] not in SHARED_IDS]
            if site_open:
                lines.append(f"  {SITE} {SITE_OPEN}:")
                lines += [f"  {line}" for i in site_open for line in _listed_lines(i, True)]
    if result["offered"]:
        lines += ["", _caps(OFFERED)]
        for group in result["offered"]:  # the guidance's name for the list, quoted; ours marked
            lines += [f"{SITE} {group['line']}", f"  > {group['words']}"]
            for i in group["items"]:
                label = f": {i['label']}" if i["label"] else ""
                lines.append(f"- {i['text']} ({i['paragraph']}){label}")
                if i["note"]:  # the practitioner's words on it, as in the answers above
                    lines += _indented(i["note"], f"  {i['note_name']}: ")[:1]
                    lines += _indented(i["note"], " " * (4 + len(i["note_name"])))[1:]
                lines += [f"  {SITE} {i['adult_label']}"] if i["adult_label"] else []
    return lines


def record_text(result: Result, guidance: str, edition: str, made_at: str) -> str:
    """The record of one evaluated checklist, as plain text."""
    title = f"{result['title']}: checklist record"
    lines = _heading(title, guidance, edition, made_at) + _age_lines(result["adult"])
    lines += body(result, {})
    lines += ["", *CLOSING]
    return "\n".join(lines) + "\n"


def assessment_record_text(
    results: list[Result], shared: list[Answer], guidance: str, edition: str, made_at: str
) -> str:
    """The whole assessment of a tab: heading, legend, the shared answers and the age line once,
    then each checklist's part (``results`` in the guidance's order), then the closing lines."""
    lines = _heading("Assessment record", guidance, edition, made_at)
    lines.insert(4, f"Checklists: {', '.join(r['title'] for r in results)}")
    adult = next((r["adult"] for r in results if r["adult"]), "")
    if shared:
        lines += ["", "THE SITE'S QUESTIONS, ONE ANSWER FOR THE WHOLE ASSESSMENT"]
        for answer in shared:  # Not answered or Not known is said here, once (P14)
            lines += _answer_lines(answer, "-")
    lines += _age_lines(adult)  # after the age answer that brings it (a second reader)
    quoted: dict[str, str] = {}
    for result in results:
        lines += ["", RULE, result["title"].upper(), RULE, *body(result, quoted, shared=False)]
    lines += ["", RULE, "", *CLOSING]
    return "\n".join(lines) + "\n"
