"""The evaluator: answers in, what the guidance says for them out. Strict and pure.

Payload: ``{"checklist": id, "answers": {item: value}, "notes": {item: text}}``. ``answers`` is
required (it may be empty: every item is then Not answered); ``notes`` is optional. An item of
kind "several" is answered with a list of values; every other answer is one string. Nothing is
coerced: an unknown key, item or value, or a value of the wrong type, raises ChecklistError.
Items of kind "note" are answered in ``notes`` only; kind "words" in ``notes``, or "unknown".

Not answered is not Not known, and neither is No (principle 3): a condition on an item Not
answered or Not known is unknown, not false. A prompt whose conditions hold follows; one whose
conditions may hold once the unknowns are known is listed in ``if_so`` with the items it
depends on; a prompt with no conditions is standing guidance, always shown.
"""

from __future__ import annotations

from calculators.errors import ChecklistError
from calculators.model import Checklist, Condition, Prompt, Question, load_checklist

PAYLOAD_KEYS = {"checklist", "answers", "notes"}
MAX_NOTE = 4000
NOT_ANSWERED = "Not answered"

# Three-valued logic: True, False, or None (unknown: Not answered or Not known).
Truth = bool | None


def _mapping(payload: dict, key: str, checklist: Checklist, required: bool) -> dict:
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
        question = checklist.question(item_id)
        if question is None:
            raise ChecklistError(f"{key}.{item_id}", f"unknown item of checklist {checklist.id!r}")
        several = key == "answers" and question.kind == "several"
        if several and not (isinstance(entry, list) and all(isinstance(v, str) for v in entry)):
            raise ChecklistError(
                f"{key}.{item_id}", f"expected a list of strings, got {type(entry).__name__}"
            )
        if not several and not isinstance(entry, str):
            raise ChecklistError(
                f"{key}.{item_id}", f"expected a string, got {type(entry).__name__}"
            )
    return value


def _check_answer(question: Question, value: str | list[str]) -> None:
    where = f"answers.{question.id}"
    if question.caution:
        raise ChecklistError(where, "is a caution in the guidance, shown as text: it takes no mark")
    labels = question.answers.labels
    if not labels:
        raise ChecklistError(where, "is answered in words: use notes")
    values = value if isinstance(value, list) else [value]
    for v in values:
        if v not in labels:
            raise ChecklistError(where, f"unknown answer {v!r}; expected one of {list(labels)}")
    if isinstance(value, list):
        if len(set(value)) != len(value):
            raise ChecklistError(where, f"the same answer twice in {value}")
        for group in question.answers.exclusive:
            if len(group & set(value)) > 1:
                raise ChecklistError(where, f"at most one of {sorted(group)}, got {value}")


def check_payload(payload: object) -> tuple[Checklist, dict, dict[str, str]]:
    """The checklist, answers and notes of a payload, every part checked."""
    if not isinstance(payload, dict):
        raise ChecklistError("payload", f"expected an object, got {type(payload).__name__}")
    if extra := sorted(set(payload) - PAYLOAD_KEYS):
        raise ChecklistError("payload", f"unknown fields {extra}; expected {sorted(PAYLOAD_KEYS)}")
    checklist = load_checklist(payload.get("checklist"))
    answers = _mapping(payload, "answers", checklist, required=True)
    notes = _mapping(payload, "notes", checklist, required=False)
    for item_id, value in answers.items():
        _check_answer(checklist.question(item_id), value)
    for item_id, note in notes.items():
        if len(note) > MAX_NOTE:
            raise ChecklistError(f"notes.{item_id}", f"longer than {MAX_NOTE} characters")
    return checklist, answers, notes


class _State:
    """One evaluation's answers and notes, and the truth of conditions on them."""

    def __init__(self, checklist: Checklist, answers: dict, notes: dict[str, str]) -> None:
        self.checklist = checklist
        self.answers = answers
        self.notes = notes

    def written(self, item_id: str) -> bool:
        return bool(self.notes.get(item_id, "").strip())

    def answered(self, q: Question) -> bool:
        if q.kind in ("words", "note"):
            return q.id in self.answers or self.written(q.id)
        return q.id in self.answers and self.answers[q.id] != []

    def unknown(self, q: Question) -> bool:
        """Not answered, or answered Not known (a planner's unmarked entry is not unknown)."""
        if not self.answered(q):
            return q.kind in ("words", "note") or bool(q.answers.not_known)
        value = self.answers.get(q.id)
        values = value if isinstance(value, list) else [value]
        return bool(q.answers.not_known) and q.answers.not_known in values

    def match(
        self, q: Question, values: frozenset[str], maybe: frozenset[str] = frozenset()
    ) -> Truth:
        """Whether the item's answer is among values: True, False, or None (unknown)."""
        if q.kind in ("words", "note"):
            return None  # the tool never interprets words
        given = self.answers.get(q.id, q.answers.unmarked)
        chosen = set(given if isinstance(given, list) else [given] if given else [])
        if chosen & values:
            return True
        return None if self.unknown(q) or chosen & maybe else False

    def holds(self, condition: Condition) -> Truth:
        if condition.quantifier == "noted":
            return any(self.written(i) for i in condition.items)
        truths = [
            self.match(self.checklist.question(i), condition.values, condition.maybe)
            for i in condition.items
        ]
        if condition.quantifier == "all":
            return False if False in truths else None if None in truths else True
        found = True if True in truths else None if None in truths else False
        if condition.quantifier == "none":
            return None if found is None else not found
        return found

    def all_hold(self, conditions: tuple[Condition, ...]) -> Truth:
        truths = [self.holds(c) for c in conditions]
        return False if False in truths else None if None in truths else True

    def depends_on(self, conditions: tuple[Condition, ...]) -> list[str]:
        """The unknown items of the conditions that are not yet settled."""
        ids: list[str] = []
        for c in conditions:
            if self.holds(c) is None:
                ids += [
                    i
                    for i in c.items
                    if self.match(self.checklist.question(i), c.values, c.maybe) is None
                ]
        return list(dict.fromkeys(ids))


def _brief(q: Question) -> dict:
    return {"id": q.id, "text": q.text, "paragraph": q.paragraph}


def _label(q: Question, value: object) -> str:
    if isinstance(value, list):
        return "; ".join(q.answers.labels[v] for v in value)
    return q.answers.labels.get(value, "") if isinstance(value, str) else ""


def _status(q: Question, state: _State) -> str:
    if not state.answered(q):
        return "not-answered"
    return "not-known" if state.unknown(q) else "answered"


def _answer(q: Question, state: _State, adult_flag: str) -> dict:
    value = state.answers.get(q.id, "")
    label = _label(q, value)
    if isinstance(value, str) and value in q.answers.unnoted and not state.written(q.id):
        label = f"{label} ({q.answers.unnoted[value]})"  # never a bare "Obtained"
    return {
        **_brief(q),
        "title": q.title,
        "kind": q.kind,
        "scope": not q.verbatim,
        "answer": value,
        "label": label,
        "given": q.id in state.answers,
        "note": state.notes.get(q.id, ""),
        "status": _status(q, state),
        "parent": q.parent,
        "why": q.why,
        "shared": q.shared,
        "caution": q.caution,
        "note_label": q.note_label,
        "adult_flag": adult_flag if q.for_adults else "",
    }


def _prompt(prompt: Prompt, state: _State, group: str, adult_flag: str) -> dict:
    lead = next((x.lead for x in prompt.leads if state.all_hold(x.when)), prompt.lead)
    shown = {
        "id": prompt.id,
        "lead": lead,
        "cites": [
            {"paragraph": c.paragraph, "quote": c.quote, "note": c.note} for c in prompt.cites
        ],
        "items": [],
        "group": group,
        "adult_flag": adult_flag if prompt.for_adults else "",
    }
    if prompt.lists:
        shown["items"] = [
            _brief(q)
            for q in map(state.checklist.question, prompt.lists.items)
            if state.match(q, prompt.lists.values)
        ]
    if group == "if-so":
        shown["lead"] = prompt.if_so_lead or prompt.lead
        shown["depends_on"] = [
            _brief(state.checklist.question(i)) for i in state.depends_on(prompt.when)
        ]
    return shown


def _missing(q: Question, state: _State) -> bool:
    if not q.required:
        return False
    return not state.written(q.id) if q.kind == "note" else q.id not in state.answers


def _to_find_out(q: Question, state: _State) -> bool:
    if not q.answers.to_find_out or q.caution:
        return False
    if not state.answered(q):
        return True
    value = state.answers.get(q.id)
    chosen = set(value if isinstance(value, list) else [value])
    return bool(chosen & q.answers.to_find_out)


def evaluate(payload: object) -> dict:
    """The result for a payload: scope, prompts, what may follow, what is still to find out."""
    checklist, given, notes = check_payload(payload)
    state = _State(checklist, given, notes)
    label = checklist.adult_label
    adult_flag = label.label if label and state.all_hold(label.when) is True else ""
    out_of_scope = [
        q
        for q in checklist.scope
        if isinstance(given.get(q.id), str) and given[q.id] in q.stop_when
    ]
    result = {
        "checklist": checklist.id,
        "title": checklist.title,
        "stage": checklist.stage,
        "in_scope": not out_of_scope,
        "answered": len(given) + len([n for n in notes.values() if n.strip()]),
        "answers": [_answer(q, state, adult_flag) for q in checklist.questions],
        "to_find_out": {"heading": checklist.to_find_out_heading, "items": []},
        "scope_not_answered": [_brief(q) for q in checklist.scope if not state.answered(q)],
        "missing": [],
        "statements": [],
        "if_so": [],
        "adult_flag": adult_flag,
    }
    if out_of_scope:
        stop = [checklist.out_of_scope] if checklist.out_of_scope else []
        result["prompts"] = [_prompt(p, state, "follows", "") for p in stop]
        return result
    pinned, follows, standing = [], [], []
    for p in checklist.prompts:
        truth = True if not p.when else state.all_hold(p.when)
        if truth is None:
            if p.lists and not p.if_so_lead:
                continue  # a list of the answers given (3.10 by answer) is nothing that may follow
            result["if_so"].append(_prompt(p, state, "if-so", adult_flag))
        elif truth:
            group = "pinned" if p.pinned else "follows" if p.when else "standing"
            shown = _prompt(p, state, group, adult_flag)
            {"pinned": pinned, "follows": follows, "standing": standing}[group].append(shown)
    result["prompts"] = [*pinned, *follows, *standing]
    result["to_find_out"]["items"] = [_brief(q) for q in checklist.items if _to_find_out(q, state)]
    result["missing"] = [_brief(q) for q in checklist.questions if _missing(q, state)]
    labels = {q.id: _label(q, given.get(q.id)).lower() for q in checklist.questions}
    result["statements"] = [
        s.template.format(**labels)
        for s in checklist.statements
        if all(i in given for i in s.items)
    ]
    return result
