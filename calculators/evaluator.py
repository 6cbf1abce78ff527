"""The evaluator: answers in, what the guidance says for them out. Strict and pure.

Payload: ``{"checklist": id, "answers": {item: value}, "notes": {item: text}}``. ``answers`` is
required (it may be empty: every item then counts as unanswered); ``notes`` is optional. Nothing
is coerced: an unknown key, item or value, or a value of the wrong type, raises ChecklistError.
Items of kind "note" are answered in ``notes`` only.
"""

from __future__ import annotations

from calculators.errors import ChecklistError
from calculators.model import Checklist, Condition, Prompt, Question, load_checklist

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
    for item_id, value in answers.items():
        labels = checklist.question(item_id).answers.labels
        if not labels:
            raise ChecklistError(f"answers.{item_id}", "is answered in words: use notes")
        if value not in labels:
            raise ChecklistError(
                f"answers.{item_id}", f"unknown answer {value!r}; expected one of {list(labels)}"
            )
    for item_id, note in notes.items():
        if len(note) > MAX_NOTE:
            raise ChecklistError(f"notes.{item_id}", f"longer than {MAX_NOTE} characters")
    return checklist, answers, notes


def _holds(condition: Condition, answers: dict[str, str], notes: dict[str, str]) -> bool:
    if condition.quantifier == "noted":
        return any(notes.get(i, "").strip() for i in condition.items)
    matches = [answers[i] in condition.values for i in condition.items]
    return {"any": any(matches), "all": all(matches), "none": not any(matches)}[
        condition.quantifier
    ]


def _brief(q: Question) -> dict:
    return {"id": q.id, "text": q.text, "paragraph": q.paragraph}


def _prompt(prompt: Prompt, checklist: Checklist, answers: dict[str, str]) -> dict:
    shown = {
        "id": prompt.id,
        "lead": prompt.lead,
        "cites": [{"paragraph": c.paragraph, "quote": c.quote} for c in prompt.cites],
        "items": [],
    }
    if prompt.lists:
        shown["items"] = [
            _brief(checklist.question(i))
            for i in prompt.lists.items
            if answers[i] in prompt.lists.values
        ]
    return shown


def _answer(q: Question, answers: dict[str, str], given: dict, notes: dict) -> dict:
    value = answers[q.id]
    return {
        **_brief(q),
        "title": q.title,
        "kind": q.kind,
        "scope": not q.verbatim,
        "answer": value,
        "label": q.answers.labels.get(value, ""),
        "given": q.id in given,
        "note": notes.get(q.id, ""),
    }


def _missing(q: Question, given: dict, notes: dict) -> bool:
    if not q.required:
        return False
    return not notes.get(q.id, "").strip() if q.kind == "note" else q.id not in given


def evaluate(payload: object) -> dict:
    """The result for a payload: scope, prompts, what is still to find out, and every answer."""
    checklist, given, notes = check_payload(payload)
    answers = {q.id: given.get(q.id, q.answers.unanswered) for q in checklist.questions}
    out_of_scope = [q for q in checklist.scope if answers[q.id] in q.stop_when]
    result = {
        "checklist": checklist.id,
        "title": checklist.title,
        "stage": checklist.stage,
        "in_scope": not out_of_scope,
        "answered": len(given) + len([n for n in notes.values() if n.strip()]),
        "answers": [_answer(q, answers, given, notes) for q in checklist.questions],
        "to_find_out": {"heading": checklist.to_find_out_heading, "items": []},
        "missing": [],
        "statements": [],
    }
    if out_of_scope:
        stop = [checklist.out_of_scope] if checklist.out_of_scope else []
        result["prompts"] = [_prompt(p, checklist, answers) for p in stop]
        return result
    result["prompts"] = [
        _prompt(p, checklist, answers)
        for p in checklist.prompts
        if all(_holds(c, answers, notes) for c in p.when)
    ]
    result["to_find_out"]["items"] = [
        _brief(q) for q in checklist.questions if answers[q.id] in q.answers.to_find_out
    ]
    result["missing"] = [_brief(q) for q in checklist.questions if _missing(q, given, notes)]
    labels = {q.id: q.answers.labels.get(answers[q.id], "").lower() for q in checklist.questions}
    result["statements"] = [
        s.template.format(**labels)
        for s in checklist.statements
        if all(i in given for i in s.items)
    ]
    return result
