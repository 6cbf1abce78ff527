"""Pre-filling a checklist's note items from other checklists answered in the same browser tab.

The judgement checklist lists the factors that increase and decrease the probability of harm;
its ``[[prefill]]`` rules say which answers of which checklists start those lists (e.g. early
risk factors answered Yes). The result is only a starting text: the practitioner edits it.
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
        source, answers, _ = check_payload(payload)
        answered[source.id] = (source, answers)
    texts: dict[str, list[str]] = {p.target: [] for p in checklist.prefills}
    for rule in checklist.prefills:
        if rule.source not in answered:
            continue
        source, answers = answered[rule.source]
        for q in source.items:
            if q.group == rule.group and answers.get(q.id) in rule.values:
                label = q.answers.labels[answers[q.id]]
                texts[rule.target].append(
                    f"- {q.text} ({source.title}, paragraph {q.paragraph}: {label})"
                )
    return {target: "\n".join(lines) for target, lines in texts.items()}
