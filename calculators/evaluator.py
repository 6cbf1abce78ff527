"""The evaluator: answers in, what the guidance says for them out. Strict and pure.

Payload: ``{"checklist": id, "answers": {item: value}, "notes": {item: text}}``. ``answers`` is
required (it may be empty: every item then counts as unanswered); ``notes`` is optional. Nothing
is coerced: an unknown key, item or value, or a value of the wrong type, raises ChecklistError.
"""

from __future__ import annotations

from calculators.errors import ChecklistError
from calculators.model import Checklist, Condition, Prompt, load_checklist

PAYLOAD_KEYS = {"checklist", "answers", "notes"}
MAX_NOTE = 4000


def _mapping(payload: dict, key: str, checklist: Checklist, required: bool) -> dict[str, str]:
    if key not in payload:
        if required:
            raise ChecklistError(key, "missing: expected an object of item id → value")
        return {}
    value = payload[key]
    if not isinstance(value, dict):
        raise ChecklistError(
            key, f"expected an object of item id → value, got {type(value).__name__}"
        )
    for item_id, entry in value.items():
        if checklist.question(item_id) is None:
            raise ChecklistError(f"{key}.{item_id}", f"unknown item of checklist {checklist.id!r}")
        if not isinstance(entry, str):
            raise ChecklistError(
                f"{key}.{item_id}", f"expected a string, got {type(entry).__name__}"
            )
    return value


def check_payload(payload: object) -> tuple[Checklist, dict[str, str], dict[str, str]]:
    """The checklist, answers and notes of a payload, every part checked."""
    if not isinstance(payload, dict):
        raise ChecklistError("payload", f"expected an object, got {type(payload).__name__}")
    if extra := sorted(set(payload) - PAYLOAD_KEYS):
        raise ChecklistError("payload", f"unknown fields {extra}; expected {sorted(PAYLOAD_KEYS)}")
    checklist = load_checklist(payload.get("checklist"))
    answers = _mapping(payload, "answers", checklist, required=True)
    notes = _mapping(payload, "notes", checklist, required=False)
    labels = checklist.answers.labels
    for item_id, value in answers.items():
        if value not in labels:
            raise ChecklistError(
                f"answers.{item_id}", f"unknown answer {value!r}; expected one of {list(labels)}"
            )
    for item_id, note in notes.items():
        if len(note) > MAX_NOTE:
            raise ChecklistError(f"notes.{item_id}", f"longer than {MAX_NOTE} characters")
    return checklist, answers, notes


def _holds(condition: Condition, answers: dict[str, str]) -> bool:
    matches = [answers[i] in condition.values for i in condition.items]
    return {"any": any(matches), "all": all(matches), "none": not any(matches)}[
        condition.quantifier
    ]


def _prompt(prompt: Prompt) -> dict:
    return {
        "id": prompt.id,
        "lead": prompt.lead,
        "cites": [{"paragraph": c.paragraph, "quote": c.quote} for c in prompt.cites],
    }


def evaluate(payload: object) -> dict:
    """The result for a payload: scope, prompts, what is still to find out, and every answer."""
    checklist, given, notes = check_payload(payload)
    unanswered = checklist.answers.unanswered
    answers = {q.id: given.get(q.id, unanswered) for q in (*checklist.scope, *checklist.items)}
    out_of_scope = [q for q in checklist.scope if answers[q.id] in q.stop_when]
    questions = [*checklist.scope, *checklist.items]
    result = {
        "checklist": checklist.id,
        "title": checklist.title,
        "in_scope": not out_of_scope,
        "answered": len(given),
        "answers": [
            {
                "id": q.id,
                "text": q.text,
                "paragraph": q.paragraph,
                "scope": not q.verbatim,
                "answer": answers[q.id],
                "label": checklist.answers.labels[answers[q.id]],
                "given": q.id in given,
                "note": notes.get(q.id, ""),
            }
            for q in questions
        ],
    }
    if out_of_scope:
        result["prompts"] = [_prompt(checklist.out_of_scope)] if checklist.out_of_scope else []
        result["to_find_out"] = {"heading": checklist.answers.to_find_out_heading, "items": []}
        return result
    result["prompts"] = [
        _prompt(p) for p in checklist.prompts if all(_holds(c, answers) for c in p.when)
    ]
    result["to_find_out"] = {
        "heading": checklist.answers.to_find_out_heading,
        "items": [
            {"id": q.id, "text": q.text, "paragraph": q.paragraph}
            for q in questions
            if answers[q.id] in checklist.answers.to_find_out
        ],
    }
    return result
