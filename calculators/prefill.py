"""Starting texts for a checklist's note items from other checklists answered in the same tab.

The judgement's ``[[prefill]]`` rules say which answers of which checklists to offer, and where:
``offered`` is a box beside the two lists of 2.23 c (never the lists themselves: the guidance
names the other checklists' lists differently, 2.9, 3.7, 3.10), grouped by source under the
guidance's own name and by the answer given (what is still open is carried into 2.23 a by the
evaluator, not here). The result is only a starting text: the practitioner edits it.
"""

from __future__ import annotations

from calculators.errors import ChecklistError
from calculators.evaluator import check_payload
from calculators.model import load_checklist


def prefill(checklist_id: object, payloads: object) -> dict[str, str]:
    """Target name → starting text, from the payloads of other checklists (any order)."""
    checklist = load_checklist(checklist_id)
    if not isinstance(payloads, list):
        raise ChecklistError("payloads", f"expected a list, got {type(payloads).__name__}")
    answered = {}
    for payload in payloads:
        source, answers, notes = check_payload(payload)
        answered[source.id] = (source, answers, notes)
    texts: dict[str, list[str]] = {p.target: [] for p in checklist.prefills}
    for rule in checklist.prefills:
        if rule.source not in answered:
            continue
        source, answers, notes = answered[rule.source]
        group = [q for q in source.items if q.group == rule.group]
        by_answer: dict[str, list[str]] = {}
        for value, label in group[0].answers.labels.items() if group else ():
            if value in rule.values:
                by_answer[label] = [q.text for q in group if answers.get(q.id) == value]
        heading = rule.heading or f"{source.title} ({source.serves})"
        for label, found in by_answer.items():
            if found:
                lines = texts[rule.target]
                lines += [
                    *([""] if lines else []),
                    f"{heading}, answered {label}:",
                ]
                lines += [f"- {text}" for text in found]
    return {target: "\n".join(lines) for target, lines in texts.items()}
