"""Plain-text records, drawn from the evaluator's result (it lays the result out; this only
prints it): of one checklist, and of the whole assessment of a tab, which states the heading, the
shared answers and the closing lines once. For pasting into a case system, printing, keeping.

Every line is the guidance's words (items, and quotes after "> "), the practitioner's (answers
and notes), or the site's, marked "[site]" and explained once in the legend (P10, P13).
"""

from __future__ import annotations

from calculators.contract import Answer, Listed, Prompt, Result
from calculators.evaluator import AGE_LINE, NOT_ANSWERED
from calculators.model import guidance_order

__all__ = ["DISCLAIMER_PARAGRAPHS", "assessment_record_text", "guidance_order", "record_text"]

SITE = "[site]"
LEGEND = (
    "How to read this record: lines after “>” quote the guidance, word for word; lines marked "
    f"{SITE} are this site's words, not the guidance's; the questions are the guidance's words "
    "unless marked as the site's; answers and notes are the practitioner's."
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
RULE = "=" * 60  # between the assessment record's parts


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


def _answer_lines(answer: Answer, number: str) -> list[str]:
    site = f"{SITE} " if answer["site"] else ""
    indent = "      " if answer["parent"] else "   "
    heading = f"{number} {site}{answer['text']} ({answer['paragraph']})".strip()
    lines = [f"   {heading}" if answer["parent"] else heading]
    if answer["caution"]:  # information in place, never marked
        return lines
    if answer["title"]:
        lines.insert(0, f"{number} {answer['title']}".strip())
        lines[1] = f"{indent}{answer['text']} ({answer['paragraph']})"
    words = answer["kind"] in ("words", "note")
    given = answer["label"] if answer["status"] != "not-answered" else NOT_ANSWERED
    if words and answer["note"]:
        lines += _indented(answer["note"], f"{indent}Answer: ")[:1]
        lines += _indented(answer["note"], f"{indent}        ")[1:]
        if answer["answer"]:  # a note and Not known: both said
            lines.append(f"{indent}Also answered: {answer['label']}")
    else:
        lines.append(f"{indent}Answer: {given}")
        if answer["note"]:
            label = "In words" if answer["kind"] == "both" else "Note"
            lines += _indented(answer["note"], f"{indent}{label}: ")[:1]
            lines += _indented(answer["note"], f"{indent}{' ' * (len(label) + 2)}")[1:]
    if answer["adult_label"]:
        lines.append(f"{indent}{SITE} {answer['adult_label']}")
    return lines


def _menu(answers: list[Answer]) -> bool:
    """Whether the items are a menu (6.2: "Some or all of the following questions can be
    used"): choice items with no Not known, of which only those chosen are printed."""
    return bool(answers) and all(a["menu"] for a in answers)


def _answers(result: Result, shared: bool) -> list[str]:
    """Every question with its answer: the site's questions first (the shared ones only when
    ``shared``), then the items, numbered as on the form; sub-items under their parent."""
    lines = []
    for answer in result["answers"]:
        if answer["site"] and (shared or not answer["shared"]):
            lines += _answer_lines(answer, "-")
    items = [a for a in result["answers"] if not a["site"]]
    unchosen = [a for a in items if a["menu"] and a["status"] == "not-answered" and not a["note"]]
    for i, answer in enumerate(items, 1):
        if answer not in unchosen:
            lines += _answer_lines(answer, f"{i}.")
    if unchosen:
        lines.append(
            f"{SITE} {len(unchosen)} of {len(items)} questions were not chosen for this plan."
        )
    return lines


def _prompt_lines(prompt: Prompt, quoted: dict[str, str], where: str) -> list[str]:
    lines = [prompt["name"]]
    for key in ("from_answers", "waits_on"):
        if prompt[key]:
            lines.append(f"  {SITE} {prompt[key]}")
    lines += [f"  - {i['text']} ({i['paragraph']})" for i in prompt["items"]]
    key = f"{prompt['paragraph']}\n{prompt['quote']}"
    if key in quoted:
        lines.append(f"  {SITE} Quoted above ({quoted[key]}).")
    else:
        quoted[key] = where
        lines += _indented(prompt["quote"], "  > ")
    if prompt["note"]:
        lines.append(f"  {SITE} The site's note on {prompt['paragraph']}: {prompt['note']}")
    if prompt["adult_label"]:
        lines.append(f"  {SITE} {prompt['adult_label']}")
    return lines


def _listed(heading: str, items: list[Listed]) -> list[str]:
    if not items:
        return []
    return ["", heading.upper()] + [
        f"- {i['text']} ({i['paragraph']}): {i['label']}" for i in items
    ]


def body(result: Result, quoted: dict[str, str], shared: bool = True) -> list[str]:
    """A checklist's part of a record: its answers, what the guidance says, what is open."""
    where = result["title"]
    lines = []
    if result["missing"]:
        lines += _listed("Missing: the record is not complete without these", result["missing"])
    if result["statements"]:
        lines += ["", *(f"{SITE} {s}" for s in result["statements"])]
    lines += ["", "ANSWERS", *_answers(result, shared)]
    for section in result["sections"]:
        lines += ["", section["heading"].upper()]
        for prompt in section["prompts"]:
            lines += _prompt_lines(prompt, quoted, where)
    if not any(s["kind"] in ("pinned", "follows") for s in result["sections"]):
        lines += ["", f"{SITE} Nothing follows from the answers given yet."]
    lines += _listed(result["to_find_out"]["heading"], result["to_find_out"]["items"])
    scope = [q for q in result["answers"] if q["site"] and q["status"] == "not-answered"]
    if not shared:
        scope = [q for q in scope if not q["shared"]]
    if scope:
        lines += ["", "THE SITE'S QUESTIONS NOT YET ANSWERED"]
        lines += [f"- {q['text']} ({q['paragraph']})" for q in scope]
    if result["carried"]:
        lines += ["", "FROM THE OTHER CHECKLISTS OF THIS TAB (2.23 A)"]
        for source in result["carried"]:
            if not source["used"]:
                lines.append(f"{SITE} {source['title']}: not used in this tab.")
            elif not source["items"]:
                lines.append(f"{SITE} {source['title']}: used; nothing left open.")
            else:
                lines.append(f"{SITE} {source['title']}: used; still open:")
                lines += [
                    f"- {i['text']} ({i['paragraph']}): {i['label']}" for i in source["items"]
                ]
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
    lines += _age_lines(adult)
    if shared:
        lines += ["", "THE SITE'S QUESTIONS, ONE ANSWER FOR THE WHOLE ASSESSMENT"]
        for answer in shared:
            lines += _answer_lines(answer, "-")
    quoted: dict[str, str] = {}
    for result in results:
        lines += ["", RULE, result["title"].upper(), RULE, *body(result, quoted, shared=False)]
    lines += ["", RULE, "", *CLOSING]
    return "\n".join(lines) + "\n"
