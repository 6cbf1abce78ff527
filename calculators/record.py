"""Plain-text records: of one checklist, and the assessment record gathering every checklist
answered in a tab, in the guidance's order. For pasting into a case system, printing, keeping."""

from __future__ import annotations

from calculators.model import Checklist

DISCLAIMER_PARAGRAPHS = ("1.8", "2.2")  # every record and form cites them
DISCLAIMER = (
    "This record supports, and does not replace, professional judgement "
    f"(paragraphs {', '.join(DISCLAIMER_PARAGRAPHS)})."
)
RULE = "=" * 60  # between the assessment record's heading and each checklist's record


def _answer_lines(answer: dict, number: str) -> list[str]:
    where = f"(paragraph {answer['paragraph']})"
    heading = answer["title"] or answer["text"]  # a definition stays on the form, not the record
    if answer["kind"] == "note":
        lines = [f"{number} {heading} {where}:"]
        lines.append(f"   {answer['note']}" if answer["note"] else "   (not written)")
        return lines
    lines = [f"{number} {heading} {where}: {answer['label'] or 'not answered'}"]
    if not answer["given"] and answer["label"]:
        lines[0] += " (not answered)"
    if answer["note"]:
        lines.append(f"   Note: {answer['note']}")
    return lines


def record_text(result: dict, guidance: str, edition: str, made_at: str) -> str:
    """The record of one evaluated checklist, as plain text."""
    lines = [
        f"{result['title']}: checklist record",
        f"Guidance: {guidance}",
        f"Edition: {edition}",
        f"Made: {made_at}",
    ]
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
    # A planner's questions with no default answer are left out until chosen: a clean plan.
    unchosen = [a for a in items if a["kind"] == "choice" and not a["label"] and not a["note"]]
    for i, answer in enumerate(items, 1):
        if answer not in unchosen:
            lines += _answer_lines(answer, f"{i}.")
    if unchosen:
        lines.append(f"({len(unchosen)} of {len(items)} not chosen: not in this record.)")
    lines += ["", "WHAT THE GUIDANCE SAYS FOR THESE ANSWERS"]
    if not result["in_scope"]:
        lines.append("The checklist was not run: the case is outside its scope.")
    for prompt in result["prompts"]:
        if prompt["lead"]:
            lines.append(f"- {prompt['lead']}")
        lines += [f"  * {i['text']} (paragraph {i['paragraph']})" for i in prompt["items"]]
        for cite in prompt["cites"]:
            lines.append(f"  Paragraph {cite['paragraph']}: “{cite['quote']}”")
    if not result["prompts"]:
        lines.append("- Nothing yet: answer the questions above.")
    unknown = result["to_find_out"]["items"]
    if unknown:
        lines += ["", result["to_find_out"]["heading"].upper()]
        lines += [f"- {u['text']} (paragraph {u['paragraph']})" for u in unknown]
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
