"""The evaluator: answers in, what the guidance says for them out, laid out once. Strict and pure.

Payload: ``{"checklist": id, "answers": {item: value}, "notes": {item: text}}``. ``answers`` is
required (it may be empty: every item is then Not answered); ``notes`` is optional. An item of
kind "several" is answered with a list of values; every other answer is one string. Nothing is
coerced: an unknown key, item or value, or a value of the wrong type, raises ChecklistError.
Items of kind "note" are answered in ``notes`` only; kind "words" in ``notes``, or "unknown".
``tab`` holds the payloads of the other checklists answered in the same tab: a prompt on another
checklist's answers (2.9 in the Strategy discussion) reads them there, and a checklist that
``carries`` (the judgement, 2.23 a) lists what each of them left open.

Not answered is not Not known, and neither is No (P3): a condition on an item Not answered or
Not known is unknown, not false. A prompt whose conditions hold follows; one whose conditions may
hold once the unknowns are known would follow if so, with the site's line naming the items it
waits on; a prompt with no conditions is standing guidance, always shown.

The result is the one shape that ``record`` prints and the page draws (``contract.Result``):
the answers, then ``sections`` (read first, what follows, what would follow if so, what always
applies), then what is still to find out. Every sentence of the site's that describes the answers
is computed here from them (P13).
"""

from __future__ import annotations

import itertools
import string
from typing import Literal, cast

from calculators import contract as c
from calculators.definitions import Checklist, Condition, Prompt, Question, Statement
from calculators.errors import ChecklistError
from calculators.model import AGE, brings, checklist_ids, guidance_order, load_checklist, shared
from calculators.paragraph_ids import cited_as, guidance_key, short_name

PAYLOAD_KEYS = {"checklist", "answers", "notes"}
MAX_NOTE = 4000
NOT_ANSWERED = "Not answered"
AGE_LINE = "If the person is under 18, or the age is not known, 1.7 applies."  # P8, as the spec
SectionKind = Literal["pinned", "follows", "listed", "if-so", "standing"]
HEADINGS: dict[SectionKind, str] = {
    "pinned": "Read first",
    "follows": "What follows from your answers",
    # not "Your answers": a list may hold only what is not answered (a second reader)
    "listed": "Listed under the guidance's own words",
    "if-so": "What would follow if so",
    "standing": "Always shown, whatever the answers",
}

# Three-valued logic: True, False, or None (unknown: Not answered or Not known).
Truth = bool | None


def _mapping(
    payload: dict[str, object], key: str, checklist: Checklist, required: bool
) -> dict[str, object]:
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


def check_answer(question: Question, value: str | list[str]) -> None:
    """One answer checked against its question: known values, none twice, exclusive groups."""
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


def check_payload(payload: object) -> tuple[Checklist, dict[str, c.AnswerValue], dict[str, str]]:
    """The checklist, answers and notes of a payload, every part checked."""
    if not isinstance(payload, dict):
        raise ChecklistError("payload", f"expected an object, got {type(payload).__name__}")
    if extra := sorted(set(payload) - PAYLOAD_KEYS):
        raise ChecklistError("payload", f"unknown fields {extra}; expected {sorted(PAYLOAD_KEYS)}")
    checklist = load_checklist(payload.get("checklist"))
    answers = cast("dict[str, c.AnswerValue]", _mapping(payload, "answers", checklist, True))
    notes = cast("dict[str, str]", _mapping(payload, "notes", checklist, required=False))
    for item_id, value in answers.items():
        check_answer(checklist.item(item_id), value)
    for item_id, note in notes.items():
        if len(note) > MAX_NOTE:
            raise ChecklistError(f"notes.{item_id}", f"longer than {MAX_NOTE} characters")
    return checklist, answers, notes


def check_tab(payload_id: str, tab: object) -> dict[str, _State]:
    """The other checklists of the tab, by id, each checked; none twice, none the checklist's."""
    if not isinstance(tab, list):
        raise ChecklistError("tab", f"expected a list of payloads, got {type(tab).__name__}")
    states: dict[str, _State] = {}
    for payload in tab:
        checklist, answers, notes = check_payload(payload)
        if checklist.id in states or checklist.id == payload_id:
            raise ChecklistError("tab", f"has checklist {checklist.id!r} more than once")
        states[checklist.id] = _State(checklist, answers, notes)
    return states


class _State:
    """One checklist's answers and notes, and the truth of conditions on them."""

    def __init__(
        self, checklist: Checklist, answers: dict[str, c.AnswerValue], notes: dict[str, str]
    ) -> None:
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
        """Not answered, or answered Not known."""
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
        given = self.answers.get(q.id, "")
        chosen = set(given if isinstance(given, list) else [given] if given else [])
        if chosen & values:
            return True
        return None if self.unknown(q) or chosen & maybe else False

    def label(self, q: Question) -> str:
        """The answer as the reader gave it: its label(s), "Not answered", or "Answered in
        words"."""
        if not self.answered(q):
            both_in_words = q.kind == "both" and self.written(q.id)
            return f"{NOT_ANSWERED}; answered in words" if both_in_words else NOT_ANSWERED
        value = self.answers.get(q.id)
        if value is None:
            return "Answered in words"
        values = value if isinstance(value, list) else [value]
        if q.answers.menu:  # its status first, said Not answered when there is none (P10)
            status = self.status(q) or NOT_ANSWERED
            return "; ".join(
                [status, *(q.answers.labels[v] for v in values if v not in _statuses(q))]
            )
        label = "; ".join(q.answers.labels[v] for v in values)
        if isinstance(value, str) and value in q.answers.unnoted and not self.written(q.id):
            unnoted = q.answers.unnoted[value].format(checklist="this checklist")
            label = f"{label} ({unnoted})"  # never a bare "Obtained"
        return label

    def status(self, q: Question) -> str:
        """A menu question's status (To ask or Asked): its label, or "" when none is given."""
        value = self.answers.get(q.id, [])
        values = value if isinstance(value, list) else [value]
        return "; ".join(q.answers.labels[v] for v in values if v in _statuses(q))


def _statuses(q: Question) -> frozenset[str]:
    """A menu question's status values (6.2: To ask, Asked): those of its exclusive groups; its
    other values are marks of their own ("Cross-check with the partner")."""
    return frozenset(v for group in q.answers.exclusive for v in group)


class _Tab:
    """The checklist evaluated and the other checklists of its tab."""

    def __init__(self, state: _State, others: dict[str, _State]) -> None:
        self.state = state
        self.others = others

    def of(self, condition: Condition) -> _State | None:
        """The answers a condition reads: this checklist's, another's of the tab, or none."""
        return self.others.get(condition.checklist) if condition.checklist else self.state

    def holds(self, condition: Condition) -> Truth:
        state = self.of(condition)
        if state is None:
            return None  # the other checklist is not answered in this tab
        if condition.quantifier == "noted":
            return any(state.written(i) for i in condition.items)
        truths = [
            state.match(state.checklist.item(i), condition.values, condition.maybe)
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

    def named(self, condition: Condition, truth: Truth) -> list[str]:
        """The condition's items whose answers are ``truth`` for it, named by quoting them."""
        state = self.of(condition)
        if state is None:
            return []
        questions = [state.checklist.item(i) for i in condition.items]
        if condition.quantifier == "noted":
            return [_named(q, state) for q in questions if state.written(q.id) == bool(truth)]
        found = [q for q in questions if state.match(q, condition.values, condition.maybe) is truth]
        if truth is True:  # the answers that brought it, not every answer given (P13)
            return [_named(q, state, condition.values) for q in found]
        return [_would(q, state, condition) for q in found]


def _named(q: Question, state: _State, only: frozenset[str] = frozenset()) -> str:
    """A question quoted, with its answer (only the answers among ``only``, if given)."""
    value = state.answers.get(q.id)
    chosen = value if isinstance(value, list) else [value] if value else []
    matched = [q.answers.labels[v] for v in chosen if v in only]
    return f"“{q.text}” ({'; '.join(matched) if matched else state.label(q)})"


def _would(q: Question, state: _State, condition: Condition) -> str:
    """A question open for the prompt, quoted with its answer; where only some answers would
    bring it, which ones (2.16 on the contact question: "“…” answered Lives with a child or
    children, or Regular contact (now Other contact, not known to be regular)")."""
    labels = [label for value, label in q.answers.labels.items() if value in condition.values]
    if not (condition.maybe and labels):
        return _named(q, state)
    return f"“{q.text}” answered {', or '.join(labels)} (now {state.label(q)})"


def _lines(opening: str, parts: list[tuple[Condition, str]], joiner: str = "; ") -> str:
    """``opening`` and the parts named, saying where they were answered when another checklist
    of the tab: "From your answers in Early risk factors: …" (one source) or per part."""
    if not parts:
        return ""
    sources = {cond.checklist for cond, _ in parts}
    if len(sources) == 1 and "" not in sources:
        title = load_checklist(parts[0][0].checklist).title
        return f"{opening} in {title}: {joiner.join(text for _, text in parts)}."
    named = [
        text + (f" (in {load_checklist(cond.checklist).title})" if cond.checklist else "")
        for cond, text in parts
    ]
    return f"{opening}: {joiner.join(named)}."


def _from_answers(prompt: Prompt, tab: _Tab) -> str:
    """The site's line naming exactly the answers that brought the prompt (P13)."""
    parts = [(cond, "; ".join(tab.named(cond, cond.quantifier != "none"))) for cond in prompt.when]
    return _lines("From your answers", [(cond, text) for cond, text in parts if text])


def _waits_on(prompt: Prompt, tab: _Tab) -> str:
    """The site's line naming exactly the answers the prompt waits on (P3, P13)."""
    open_ = [cond for cond in prompt.when if tab.holds(cond) is None]
    if [i for cond in open_ for i in cond.items] == [AGE]:
        return AGE_LINE
    if any(tab.of(cond) is None for cond in open_):
        return prompt.waits_on
    if len(prompt.when) == 1:
        named = tab.named(open_[0], None)
        return _lines("If any of these is so", [(open_[0], n) for n in named])
    return _lines(
        "If all of these are so", [(cond, " or ".join(tab.named(cond, None))) for cond in open_]
    )


def _also_waits_on(prompt: Prompt, tab: _Tab) -> str:
    """For a prompt that follows and ``names_open`` (2.6's four questions on positions of trust),
    the questions still open, named: what would bring it too if so (C3-13)."""
    open_ = [(cond, n) for cond in prompt.when for n in tab.named(cond, None)]
    return _lines("If any of these is so", open_)


def _note_name(q: Question, state: _State) -> str:
    """How a record names the practitioner's words on an answer, wherever it is printed: "Reason"
    for an answer that needs one (2.18's Not applicable "with a reason"), "In words" for an
    answer in words, else "Note" (a reader found one answer's words under two names)."""
    value = state.answers.get(q.id, "")
    chosen = set(value if isinstance(value, list) else [value])
    if chosen & q.answers.needs_note:
        return "Reason"
    if named := [q.answers.note_names[v] for v in chosen if v in q.answers.note_names]:
        return named[0]  # as its definition names it (2.18's Outstanding: "Awaited from")
    if q.kind == "both" and q.note_label:  # the part its words answer (a third reader: the
        return f"In words, “{q.note_label}”"  # words read as the reason for the No)
    return "In words" if q.kind in ("words", "both") else "Note"


def _brief(q: Question) -> c.Brief:
    return {"id": q.id, "text": q.text, "paragraph": q.paragraph}


def _listed(q: Question, state: _State, adult_label: str = "") -> c.Listed:
    """An item with its answer, as a list shows it; the 1.7 label wherever it is named (P8)."""
    return {
        **_brief(q),
        "label": state.label(q),
        "adult_label": adult_label if q.for_adults else "",
        "title": q.title,
        "site_title": q.site_title,
        "note": state.notes.get(q.id, ""),
        "note_name": _note_name(q, state),
    }


def _not_asked(checklist: Checklist, tab: _Tab) -> dict[str, str]:
    """The scoping questions not asked, by id, each with the site's label saying from which
    answers ("Not asked, because of the answer to “Does the alleged perpetrator have a partner?”
    (No)": a reader took "Not asked: “…” (No)" for the partner question not asked)."""
    found = {}
    for q in checklist.scope:
        false = [cond for cond in q.asked_while if tab.holds(cond) is False]
        if false:
            named = [n for cond in false for n in tab.named(cond, False)]
            found[q.id] = f"Not asked, because of the answer to {'; '.join(named)}"
    return found


def _answer(q: Question, tab: _Tab, adult_label: str, not_asked: str = "") -> c.Answer:
    state = tab.state
    value: c.AnswerValue = state.answers.get(q.id, "")
    label = not_asked or (state.label(q) if q.id in state.answers else "")
    chosen = set(value if isinstance(value, list) else [value])
    if q.answers.menu:  # the status alone; each mark of its own in marks, ticked or not
        label = state.status(q)
    status: c.Status = "answered"
    if not_asked:
        status = "not-asked"
    elif not state.answered(q):
        status = "not-answered"
    elif state.unknown(q):
        status = "not-known"
    return {
        **_brief(q),
        "title": q.title,
        "site_title": q.site_title,
        "kind": q.kind,
        "site": not q.verbatim,
        "brings": list(brings(state.checklist).get(q.id, ())),
        "answer": value,
        "label": label,
        "note": state.notes.get(q.id, ""),
        "status": status,
        "parent": q.parent,
        "why": q.why,
        "shared": q.shared,
        "caution": q.caution,
        "opens": q.opens,
        "note_label": q.note_label,
        "note_name": _note_name(q, state),
        "adult_label": adult_label if q.for_adults else "",
        # 6.2's "Some or all of the following questions": a menu, only its chosen ones printed
        "menu": q.answers.menu,
        "marks": [
            {"label": label, "marked": value_ in chosen}
            for value_, label in q.answers.labels.items()
            if value_ not in _statuses(q)
        ]
        if q.answers.menu
        else [],
        "beside": [
            _prompt(p, tab, "standing", adult_label)
            for p in state.checklist.prompts
            if p.beside == q.id
        ],
    }


def _prompt(prompt: Prompt, tab: _Tab, kind: str, adult_label: str) -> c.Prompt:
    cite = prompt.cite
    shown: c.Prompt = {
        "id": prompt.id,
        "paragraph": cite.paragraph,
        "name": cited_as(cite.paragraph),
        "quote": cite.quote,
        "note": cite.note,
        "lead": prompt.lead,
        "items": [],
        "adult_label": adult_label if prompt.for_adults else "",
        "from_answers": "",
        "waits_on": "",
        "link": "",
        "links": [{"target": k.target, "text": k.text, "url": k.url} for k in prompt.links],
        "continues": False,
    }
    state = tab.state
    if prompt.lists:
        listed = _list_items(prompt, state)
        shown["items"] = [
            {
                **_brief(q),
                "label": state.label(q) if prompt.list_not_answered else "",
                "adult_label": adult_label if q.for_adults else "",
            }
            for q in listed
        ]
        answers = state.checklist.item(prompt.lists.items[0]).answers
        labels = [answers.labels[v] for v in sorted(prompt.lists.values) if v in answers.labels]
        given = [q for q in listed if state.answered(q)]
        said = [f"answered {' or '.join(labels)}"] if given else []
        said += ["not answered"] if len(given) < len(listed) else []
        text = ", or ".join(said)
        shown["from_answers"] = (
            f"From your answers, {text}:" if given else f"{text[:1].upper()}{text[1:]}:"
        )
    elif kind in ("follows", "pinned"):
        shown["from_answers"] = _from_answers(prompt, tab)
        shown["waits_on"] = _also_waits_on(prompt, tab) if prompt.names_open else ""
    if kind == "if-so":
        shown["waits_on"] = _waits_on(prompt, tab)
        missing = [w.checklist for w in prompt.when if w.checklist and tab.of(w) is None]
        shown["link"] = missing[0] if missing else ""
    return shown


def _list_items(prompt: Prompt, state: _State) -> list[Question]:
    """The items a listing prompt names: those answered with one of its values, and, where the
    list names those not answered too (2.9's "unknown factors listed by name"), every item not
    answered or Not known, in words too."""
    assert prompt.lists is not None
    items = list(map(state.checklist.item, prompt.lists.items))
    if prompt.list_not_answered:
        return [q for q in items if state.unknown(q)]
    return [q for q in items if state.match(q, prompt.lists.values)]


def _missing(q: Question, state: _State) -> bool:
    if not q.required:
        return False
    if q.kind in ("note", "words"):  # answered in words, or a required field Not known
        return not state.written(q.id) or state.unknown(q)
    return q.id not in state.answers or state.unknown(q)


def _to_find_out(q: Question, state: _State) -> bool:
    """Still to find out: Not answered or Not known (P3), an answer the definition lists (e.g.
    Outstanding, To ask), or one that needs a reason and has none (Not applicable)."""
    if q.caution or q.required:
        return False
    if q.answers.menu:  # chosen To ask; or given a mark or a note but no status (not to vanish)
        given = state.answers.get(q.id, [])
        if status := set(given) & _statuses(q):
            return bool(status & q.answers.to_find_out)
        return state.answered(q) or state.written(q.id)
    if q.kind == "note":
        return not state.written(q.id)  # the judgement's fields, answered in words only
    if not q.answers.to_find_out and not q.answers.needs_note:
        return False
    if not state.answered(q):
        return True
    value = state.answers.get(q.id)
    chosen = set(value if isinstance(value, list) else [value])
    unexplained = chosen & q.answers.needs_note and not state.written(q.id)
    return bool(chosen & q.answers.to_find_out or unexplained)


def _carried(
    checklist: Checklist, others: dict[str, _State], adult_label: str = ""
) -> list[c.Carried]:
    """For 2.23 a: every other checklist, used in this tab or not, and what it left open."""
    carried: list[c.Carried] = []
    for other in guidance_order([load_checklist(i) for i in checklist_ids()]):
        if other.id == checklist.id:
            continue
        state = others.get(other.id)
        items: list[c.Listed] = []
        site_open: list[c.Listed] = []
        summary = "not used in this tab."
        if state is not None:
            open_ = [q for q in other.items if _to_find_out(q, state) or _missing(q, state)]
            items = [_listed(q, state, adult_label) for q in open_]
            # the site's questions in a list of their own, never among the guidance's (P7)
            not_asked = _not_asked(other, _Tab(state, {}))  # the partner's children, no partner
            site_open = [
                _listed(q, state, adult_label)
                for q in other.scope
                if state.unknown(q) and q.id not in not_asked
            ]
            menu = [q for q in other.items if q.answers.menu]
            if menu and not items and not any(state.status(q) for q in menu):
                summary = "used; no question was chosen for the plan."
            else:
                # one name for what is open, as every record's "Still to find out" (a reader
                # found three)
                summary = "used; still to find out:" if items else "used; nothing left to find out."
        carried.append(
            {
                "checklist": other.id,
                "title": other.title,
                "used": state is not None,
                "summary": f"{other.title}: {summary}",
                "items": items,
                "site_open": site_open,
            }
        )
    return carried


def _offered_label(q: Question, state: _State, group: str) -> str:
    """An offered answer's own words where its group's label does not say it all: what an
    Obtained point without a note lacks, naming its checklist ("not recorded in Core assessment
    information": a reader read "this checklist" as the judgement), never a bare "Obtained"."""
    value = state.answers.get(q.id)
    if isinstance(value, str) and value in q.answers.unnoted and not state.written(q.id):
        return q.answers.unnoted[value].format(checklist=state.checklist.title)
    return "" if group == "in words" or state.label(q) == group else state.label(q)


def _offered_item(q: Question, state: _State, group: str, adult_label: str) -> c.OfferedItem:
    """One answer offered beside the judgement's lists, with the line its controls copy into
    either list: its words, paragraph, answer and the practitioner's words on it."""
    own = _offered_label(q, state, group)  # never a bare "Obtained" (spec part 3)
    note = state.notes.get(q.id, "").strip()
    copy = f"{q.text} ({q.paragraph}), {group}" + (f" ({own})" if own else "")
    return {
        **_brief(q),
        "label": own,
        "adult_label": adult_label if q.for_adults else "",
        "note": note,
        "note_name": _note_name(q, state),
        "copy": copy + (f": {note}" if note else ""),
    }


def _offered(
    checklist: Checklist, others: dict[str, _State], adult_label: str = ""
) -> list[c.OfferedGroup]:
    """Beside the judgement's two lists (never in them, P5): the answers given in the other
    checklists of the tab, by source under the guidance's own name for its list, and by answer."""
    groups: list[c.OfferedGroup] = []
    for rule in checklist.offered:
        state = others.get(rule.source)
        if state is None:
            continue
        questions = [q for q in state.checklist.items if rule.group in ("", q.group)]
        paragraph, _, words = rule.heading.partition(": ")
        labels = {v: label for q in questions for v, label in q.answers.labels.items()}
        by_answer = [
            (label, [q for q in questions if state.answers.get(q.id) == value])
            for value, label in labels.items()
            if value in rule.values
        ]
        # every answer given (section 6): 2.9's factor answered in words too
        # (a question in both parts answered Yes, No or Not known is offered there, its words
        # with it)
        in_words = [
            q
            for q in questions
            if state.written(q.id)
            and (q.kind == "words" or (q.kind == "both" and q.id not in state.answers))
        ]
        for label, chosen in [*by_answer, ("in words", in_words)]:
            if chosen:
                groups.append(
                    {
                        "heading": rule.heading,
                        "label": label,
                        "line": f"Answered {label}, listed in {paragraph} under:",
                        "words": words,
                        "items": [_offered_item(q, state, label, adult_label) for q in chosen],
                    }
                )
    return groups


def _stated(statement: Statement, state: _State) -> str:
    """A statement in the practitioner's own choices once the answers it names are given ("" till
    then); one stated ``each_part`` says each part as soon as its own answers are (2.23 c)."""
    labels = {q.id: state.label(q).lower() for q in state.checklist.questions}

    def given(text: str) -> bool:
        names = [n for _, n, _, _ in string.Formatter().parse(text) if n is not None]
        return all(n in state.answers and not state.unknown(state.checklist.item(n)) for n in names)

    if not statement.each_part:
        return statement.template.format(**labels) if given(statement.template) else ""
    parts = [p for p in statement.template.removesuffix(".").split("; ") if given(p)]
    text = "; ".join(parts).format(**labels)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def evaluate(payload: object, tab: object = ()) -> c.Result:
    """The result for a payload, with the other checklists of its tab (``tab``, payloads)."""
    checklist, given, notes = check_payload(payload)
    others = check_tab(checklist.id, list(tab) if isinstance(tab, tuple) else tab)
    not_asked = _not_asked(checklist, _Tab(_State(checklist, given, notes), others))
    given = {i: v for i, v in given.items() if i not in not_asked}  # kept by the page, not used
    notes = {i: v for i, v in notes.items() if i not in not_asked}
    state = _State(checklist, given, notes)
    context = _Tab(state, others)
    age = checklist.question(AGE)
    adult: Literal["", "not-answered", "18-or-over", "under-18-or-not-known"] = ""
    if age is not None:
        under = context.holds(Condition((AGE,), "any", frozenset({"no", "unknown"})))
        adult = (
            "not-answered" if under is None else "under-18-or-not-known" if under else "18-or-over"
        )
    adult_label = shared().adult_label if adult == "under-18-or-not-known" else ""
    sections: dict[SectionKind, list[c.Prompt]] = {kind: [] for kind in HEADINGS}
    for p in checklist.prompts:
        if p.beside:
            continue  # shown beside its item, in the answers
        truth = True if not p.when else context.all_hold(p.when)
        kind: SectionKind
        if p.lists:  # the answers listed under the guidance's words: shown when it lists any
            if truth is False or not _list_items(p, state):
                continue
            kind = "listed"
        elif truth is None:
            kind = "if-so"
        elif truth:
            kind = (
                "pinned"
                if p.pinned
                else "listed"
                if p.lists
                else "follows"
                if p.when
                else "standing"
            )
        else:
            continue
        sections[kind].append(_prompt(p, context, kind, adult_label))
    # in the guidance's order, after what is read first (readers took the definition's order for
    # an error: "2.2, 2.7, 2.13, 2.15, 2.17, 2.4"; "2.10, 2.11, 2.3, 2.16, 2.6, 2.18, 2.14, 3.4")
    for kind in ("follows", "listed", "if-so", "standing"):
        sections[kind].sort(key=lambda p: guidance_key(p["paragraph"]))
    for shown in sections.values():  # a list under the same words as the list above it
        for above, prompt in itertools.pairwise(shown):
            same = (above["paragraph"], above["quote"]) == (prompt["paragraph"], prompt["quote"])
            prompt["continues"] = bool(same and above["items"] and prompt["items"])
    standing = sections["standing"]
    headings = {
        **HEADINGS,
        "standing": f"{HEADINGS['standing']}: "
        + ", ".join(short_name(p["paragraph"]) for p in standing),
    }
    return {
        "checklist": checklist.id,
        "title": checklist.title,
        "stage": checklist.stage,
        "answered": len(given) + len([n for n in notes.values() if n.strip()]),
        "adult": adult,
        "answers": [
            _answer(q, context, adult_label, not_asked.get(q.id, "")) for q in checklist.questions
        ],
        "sections": [
            {"kind": kind, "heading": headings[kind], "prompts": prompts}
            for kind, prompts in sections.items()
            if prompts
        ],
        "to_find_out": {
            "heading": checklist.to_find_out_heading,
            "items": [
                _listed(q, state, adult_label) for q in checklist.items if _to_find_out(q, state)
            ],
        },
        "missing": [
            _listed(q, state, adult_label) for q in checklist.questions if _missing(q, state)
        ],
        "scope_not_answered": [
            _listed(q, state, adult_label)
            for q in checklist.scope
            if state.unknown(q) and q.id not in not_asked
        ],
        "statements": [text for s in checklist.statements if (text := _stated(s, state))],
        "carried": _carried(checklist, others, adult_label) if checklist.carries else [],
        "offered": _offered(checklist, others, adult_label),
    }
