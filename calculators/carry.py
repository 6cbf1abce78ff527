"""Answers saved under an older edition, carried into this one: what is kept, what to re-check.

The site says, for each older edition, which of this edition's paragraph ids are worded
differently or new since (``edition-changes.json``, built from the editions' texts). An answered
item whose paragraph is among them is kept and listed as changed, to be checked against the
words now in force; an answer to an item this checklist no longer has, or no longer allows, is
listed as removed and left out. Nothing else is touched.
"""

from __future__ import annotations

from calculators.contract import AnswerValue, ChangedItem
from calculators.errors import ChecklistError
from calculators.model import Checklist


def edition_since(changes: object, number: int) -> frozenset[str]:
    """The paragraph ids new or reworded since edition ``number``, from the site's changes."""
    if not isinstance(changes, dict):
        raise ChecklistError("changes", f"expected an object, got {type(changes).__name__}")
    entry = changes.get(str(number))
    if entry is None:
        raise ChecklistError("changes", f"says nothing about edition {number}")
    ids: list[str] = []
    for key in ("changed", "added"):
        value = entry.get(key) if isinstance(entry, dict) else None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ChecklistError(f"changes.{number}.{key}", "expected a list of paragraph ids")
        ids += value
    return frozenset(ids)


def carry(
    checklist: Checklist, answers: object, notes: object, since: frozenset[str]
) -> tuple[dict[str, AnswerValue], dict[str, str], list[ChangedItem], list[str]]:
    """Kept answers and notes, the answered items to re-check, and the ids left out."""
    for key, value in (("answers", answers), ("notes", notes)):
        if not isinstance(value, dict):
            raise ChecklistError(key, f"expected an object of item id → value, got {value!r}")
    assert isinstance(answers, dict) and isinstance(notes, dict)
    kept_answers: dict[str, AnswerValue] = {}
    kept_notes: dict[str, str] = {}
    removed: list[str] = []
    for item_id, value in answers.items():
        question = checklist.question(item_id)
        # A value of the wrong type is kept, for the evaluator's strict check to refuse.
        if question is None or (isinstance(value, str) and value not in question.answers.labels):
            removed.append(item_id)
        else:
            kept_answers[item_id] = value
    for item_id, note in notes.items():
        if checklist.question(item_id) is None:
            removed.append(item_id)
        else:
            kept_notes[item_id] = note
    changed: list[ChangedItem] = [
        {"id": q.id, "paragraph": q.paragraph, "title": q.title or q.text}
        for q in checklist.questions
        if q.paragraph in since and (q.id in kept_answers or str(kept_notes.get(q.id, "")).strip())
    ]
    return kept_answers, kept_notes, changed, sorted(set(removed))
