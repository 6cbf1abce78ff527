"""Plain-text records: of one checklist, and the assessment record gathering every checklist
answered in a tab, in the guidance's order. For pasting into a case system, printing, keeping."""

from __future__ import annotations

from calculators.model import Checklist, load_checklist

DISCLAIMER_PARAGRAPHS = ("1.8", "2.2")  # every record and form cites them
DISCLAIMER = (
    "This record supports, and does not replace, professional judgement "
    f"(paragraphs {', '.join(DISCLAIMER_PARAGRAPHS)})."
)
RULE = "=" * 60  # between the assessment record's heading and each checklist's record


NOT_ANSWERED = "Not answered"
ADULT_LINE = "1.7: specialist advice should be sought."  # principle 8: the guidance's words


def _answer_lines(answer: dict, number: str) -> list[str]:
    where = f"(paragraph {answer['paragraph']})"
    heading = answer["title"] or answer["text"]  # a definition stays on the form, not the record
    indent = "   " * (2 if answer["parent"] else 1)
    if answer["parent"]:
        number = f"   {number}"
    if answer["caution"]:  # information in place, never marked
        return [f"{number} {heading} {where}"]
    if answer["kind"] == "note":
        lines = [f"{number} {heading} {where}:"]
        lines.append(f"{indent}{answer['note']}" if answer["note"] else f"{indent}(not written)")
    elif answer["kind"] == "words":
        if answer["status"] == "not-answered":
            lines = [f"{number} {heading} {where}: {NOT_ANSWERED}"]
        elif answer["note"]:
            lines = [f"{number} {heading} {where}:", f"{indent}{answer['note']}"]
        else:
            lines = [f"{number} {heading} {where}: {answer['label'] or NOT_ANSWERED}"]
        if answer["note"] and answer["label"]:
            lines.append(f"{indent}{answer['label']}")
    else:
        shown = answer["label"] if answer["status"] != "not-answered" else ""
        if not shown and answer["kind"] == "choice" and answer["label"]:
            shown = f"{answer['label']} (not marked)"  # a planner's unmarked default
        lines = [f"{number} {heading} {where}: {shown or NOT_ANSWERED}"]
        if answer["note"]:
            label = answer["note_label"] or "Note"
            lines.append(f"{indent}{label}: {answer['note']}")
    if answer["why"]:
        lines.append(f"{indent}(The site's question: {answer['why']})")
    if answer["shared"]:
        lines.append(f"{indent}(One answer for every checklist of this tab that asks it.)")
    if answer["adult_flag"]:
        lines.append(f"{indent}{answer['adult_flag']}")
    return lines


def _quote_lines(cite: dict, quoted: set[str]) -> list[str]:
    """A cited paragraph whole the first time, then by its number only (each quoted once)."""
    key = f"{cite['paragraph']}\n{cite['quote']}"
    if key in quoted:
        lines = [f"  Paragraph {cite['paragraph']}: quoted above."]
    else:
        quoted.add(key)
        lines = [f"  Paragraph {cite['paragraph']}: “{cite['quote']}”"]
    if cite.get("note"):
        lines.append(f"  The site's note on {cite['paragraph']}: {cite['note']}")
    return lines


def _prompt_lines(prompt: dict, quoted: set[str]) -> list[str]:
    lines = [f"- {prompt['lead']}"] if prompt["lead"] else []
    if prompt.get("adult_flag"):
        lines.append(f"  {prompt['adult_flag']}")
    lines += [f"  * {i['text']} (paragraph {i['paragraph']})" for i in prompt["items"]]
    if prompt.get("depends_on"):
        lines.append("  It depends on:")
        lines += [f"  * {i['text']} (paragraph {i['paragraph']})" for i in prompt["depends_on"]]
    for cite in prompt["cites"]:
        lines += _quote_lines(cite, quoted)
    return lines


def _not_chosen(checklist: Checklist, answer: dict) -> bool:
    """A planner's question with no Not known, left unmarked: simply not in the plan."""
    question = checklist.question(answer["id"])
    return (
        answer["kind"] == "choice"
        and answer["status"] == "not-answered"
        and not answer["note"]
        and not question.answers.not_known
        and not question.answers.unmarked
    )


def record_text(result: dict, guidance: str, edition: str, made_at: str) -> str:
    """The record of one evaluated checklist, as plain text."""
    checklist = load_checklist(result["checklist"])
    lines = [
        f"{result['title']}: checklist record",
        f"Guidance: {guidance}",
        f"Edition: {edition}",
        f"Made: {made_at}",
    ]
    if result["adult_flag"]:
        lines += ["", ADULT_LINE, f"Labelled in this record: {result['adult_flag']}"]
    if result["missing"]:
        lines += ["", "INCOMPLETE. Still to give:"]
        lines += [f"- {m['text']} (paragraph {m['paragraph']})" for m in result["missing"]]
    if result["statements"]:
        lines += ["", *result["statements"]]
    lines += ["", "ANSWERS"]
    items = [a for a in result["answers"] if not a["scope"]]
    for answer in result["answers"]:
        if answer["scope"]:
            lines += _answer_lines(answer, "-")
    unchosen = [a for a in items if _not_chosen(checklist, a)]
    for i, answer in enumerate(items, 1):
        if answer not in unchosen:
            lines += _answer_lines(answer, f"{i}.")
    if unchosen:
        lines.append(f"({len(unchosen)} of {len(items)} not chosen: not in this record.)")
    quoted: set[str] = set()
    groups = {
        g: [p for p in result["prompts"] if p.get("group") == g]
        for g in ("pinned", "follows", "standing")
    }
    ungrouped = [p for p in result["prompts"] if p.get("group") not in groups]
    lines += ["", "WHAT THE GUIDANCE SAYS FOR THESE ANSWERS"]
    if not result["in_scope"]:
        lines.append("The checklist was not run: the case is outside its scope.")
    for prompt in [*groups["pinned"], *ungrouped, *groups["follows"]]:
        lines += _prompt_lines(prompt, quoted)
    if not (groups["pinned"] or ungrouped or groups["follows"]):
        lines.append("- Nothing yet follows from the answers given.")
    if result["if_so"]:
        lines += [
            "",
            "WHAT WOULD FOLLOW IF SO (the answers it depends on are not known or not given)",
        ]
        for prompt in result["if_so"]:
            lines += _prompt_lines(prompt, quoted)
    if groups["standing"]:
        lines += ["", "GUIDANCE THAT ALWAYS APPLIES"]
        for prompt in groups["standing"]:
            lines += _prompt_lines(prompt, quoted)
    unknown = result["to_find_out"]["items"]
    if unknown:
        lines += ["", result["to_find_out"]["heading"].upper()]
        lines += [f"- {u['text']} (paragraph {u['paragraph']})" for u in unknown]
    if result["scope_not_answered"]:
        lines += ["", "THE SITE'S QUESTIONS NOT YET ANSWERED"]
        lines += [
            f"- {q['text']} (paragraph {q['paragraph']})" for q in result["scope_not_answered"]
        ]
    lines += ["", DISCLAIMER]
    return "\n".join(lines) + "\n"


def guidance_order(checklists: list[Checklist]) -> list[Checklist]:
    """Checklists in the guidance's order: by stage, then by the paragraph each serves."""
    return sorted(checklists, key=lambda c: (c.stage, tuple(int(x) for x in c.serves.split("."))))


def assessment_record_text(records: list[str], guidance: str, edition: str, made_at: str) -> str:
    """The assessment record: a heading, then each checklist's record (already in order)."""
    heading = [
        "Assessment record",
        f"Guidance: {guidance}",
        f"Edition: {edition}",
        f"Made: {made_at}",
        f"Checklists: {len(records)}",
    ]
    rule = f"\n{RULE}\n\n"
    return "\n".join(heading) + rule + rule.join(records)
