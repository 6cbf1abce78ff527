"""Checklist definitions: read from TOML package data and checked strictly on load.

A definition has scoping questions (``[[scope]]``, the site's own), items (``[[items]]``, each
quoting the guidance and citing its paragraph), answer sets (``[answers]`` for items,
``[scope_answers]`` for scoping questions, or ``options`` on one item), prompts (``[[prompts]]``:
what the guidance says, shown when their conditions hold, or always when they have none) and
statements (``[[statements]]``: the practitioner's own choices in words).

Item kinds: ``choice`` (one answer of the set), ``several`` (any of the set; ``exclusive``
groups allow at most one), ``words`` (an open question: answered in words, or Not known),
``both`` (a choice and words) and ``note`` (words only, e.g. the judgement's lists).

Every table is checked: an unknown key, a value of the wrong type, an item id that does not
exist, a placeholder naming no item, or a paragraph the guidance does not have raises
ChecklistError naming the file, the table and the key. See checklists/*.checklist.toml.
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from calculators.errors import ChecklistError
from calculators.paragraph_ids import PARAGRAPH_IDS

SUFFIX = ".checklist.toml"
QUANTIFIERS = ("any", "all", "none", "noted")
KINDS = ("choice", "several", "words", "both", "note")
WORDS_KINDS = frozenset({"words", "note"})  # answered in notes, not by choosing
NOT_KNOWN = {"unknown": "Not known"}  # the one other choice of an open question
YES_NO_UNKNOWN = {
    "labels": {"yes": "Yes", "no": "No", "unknown": "Not known"},
    "not_known": "unknown",
    "to_find_out": ["unknown"],
}

# The keys each table may have: anything else is a typo, refused by name.
KEYS = {
    "checklist": {
        "id",
        "title",
        "purpose",
        "serves",
        "stage",
        "to_find_out_heading",
        "answers",
        "scope_answers",
        "scope",
        "items",
        "prompts",
        "statements",
        "prefill",
        "out_of_scope",
        "adult_label",
    },
    "answers": {"labels", "to_find_out", "not_known", "exclusive", "unmarked", "unnoted"},
    "question": {
        "id",
        "text",
        "paragraph",
        "title",
        "group",
        "kind",
        "required",
        "prefill",
        "options",
        "stop_when",
        "for_adults",
        "parent",
        "why",
        "shared",
        "note_label",
        "caution",
    },
    "prompt": {
        "id",
        "lead",
        "when",
        "cites",
        "list",
        "pinned",
        "leads",
        "if_so_lead",
        "for_adults",
    },
    "lead": {"when", "lead"},
    "condition": {"items", "maybe", *QUANTIFIERS},
    "list": {"items", "values"},
    "cite": {"paragraph", "quote", "note"},
    "statement": {"template"},
    "prefill": {"target", "from", "group", "values", "heading"},
    "adult_label": {"when", "label"},
}


@dataclass(frozen=True)
class Cite:
    paragraph: str
    quote: str
    note: str = ""  # the site's editorial note on the quoted paragraph, carried with it


@dataclass(frozen=True)
class Condition:
    items: tuple[str, ...]
    quantifier: str  # any | all | none (answers in values) | noted (a note was written)
    values: frozenset[str]
    maybe: frozenset[str] = frozenset()  # answers that leave it unknown (e.g. "other contact")


@dataclass(frozen=True)
class Lead:
    when: tuple[Condition, ...]
    lead: str


@dataclass(frozen=True)
class Prompt:
    id: str
    lead: str
    when: tuple[Condition, ...]
    cites: tuple[Cite, ...]
    lists: Condition | None = None  # list the items whose answers are in these values
    pinned: bool = False  # always shown, first (2.12)
    leads: tuple[Lead, ...] = ()  # another lead where its conditions hold; the quote is the same
    if_so_lead: str = ""  # the line shown while the prompt only may follow (unknowns)
    for_adults: bool = False  # written for adult perpetrators: labelled under 18 (1.7)


@dataclass(frozen=True)
class AnswerSet:
    labels: dict[str, str]  # value -> label, in display order
    not_known: str  # the value that means Not known ("" for none)
    to_find_out: frozenset[str]  # values listed as information still to gather
    exclusive: tuple[frozenset[str], ...] = ()  # several: at most one of each group
    unmarked: str = ""  # a planner's task not yet marked counts as this (e.g. "todo")
    # value -> what its label adds when no note carries the information (never a bare "Obtained")
    unnoted: dict[str, str] = field(default_factory=dict)

    @property
    def unanswered(self) -> str:
        """Version 1's default answer; kept for callers that read it: there is none now."""
        return ""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    paragraph: str
    answers: AnswerSet
    title: str = ""  # a short heading: the guidance's own where it gives one
    group: str = ""
    kind: str = "choice"  # choice | several | words | both | note
    required: bool = False
    prefill: str = ""  # a note the browser may pre-fill from other checklists of the tab
    verbatim: bool = True  # item texts quote the guidance; scoping questions are the site's
    stop_when: frozenset[str] = frozenset()  # scoping answers that put the case out of scope
    for_adults: bool = False  # speaks of the alleged perpetrator: labelled under 18 (1.7)
    parent: str = ""  # a sub-item: shown, recorded and printed under this item
    why: str = ""  # a scoping question: why the site asks it
    shared: bool = False  # one answer for every checklist of the tab that asks it
    note_label: str = ""  # the words box's label, where it is the answer (kind both)
    caution: bool = False  # information in place, not a task: never marked


@dataclass(frozen=True)
class Statement:
    template: str  # e.g. "Harm consequences judged {harm}."; {id} is that item's answer label
    items: tuple[str, ...]


@dataclass(frozen=True)
class Prefill:
    target: str  # the ``prefill`` name of the note items it fills
    source: str  # the checklist whose answers it reads
    group: str  # that checklist's items of this group…
    values: frozenset[str]  # …answered with one of these values
    heading: str = ""  # the guidance's own name for the source's list, e.g. "3.7: factors…"


@dataclass(frozen=True)
class AdultLabel:
    when: tuple[Condition, ...]  # e.g. the age question answered No or Not known
    label: str  # e.g. "written for adult perpetrators: see 1.7"


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    purpose: str
    serves: str  # the paragraph the checklist serves, e.g. "2.9"
    stage: int  # the guidance's stage (1-3) the checklist belongs to, for the combined record
    to_find_out_heading: str
    scope: tuple[Question, ...]
    items: tuple[Question, ...]
    prompts: tuple[Prompt, ...]
    statements: tuple[Statement, ...]
    out_of_scope: Prompt | None
    prefills: tuple[Prefill, ...] = ()
    adult_label: AdultLabel | None = None

    @property
    def questions(self) -> tuple[Question, ...]:
        return (*self.scope, *self.items)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


class _Reader:
    """Checks one definition's tables; every error names the file, the table and the key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> ChecklistError:
        return ChecklistError(f"{self.source}: {where}", message)

    def table(self, data: object, kind: str, where: str) -> dict:
        if not isinstance(data, dict):
            raise self.fail(where, f"expected a table, got {type(data).__name__}")
        if extra := sorted(set(data) - KEYS[kind]):
            raise self.fail(
                f"{where}.{extra[0]}",
                f"unknown key in a {kind} table; expected one of {sorted(KEYS[kind])}",
            )
        return data

    @staticmethod
    def named(data: object, where: str) -> str:
        """``where[id]`` for a table with a string id, so that errors say which one."""
        qid = data.get("id") if isinstance(data, dict) else None
        return f"{where}[{qid}]" if isinstance(qid, str) else where

    def get(self, data: dict, key: str, kind: type, where: str, default: object = None):
        if key not in data:
            if default is None:
                raise self.fail(f"{where}.{key}", f"missing: expected {kind.__name__}")
            return default
        value = data[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.fail(f"{where}.{key}", f"expected {kind.__name__}, got {value!r}")
        return value

    def strings(self, data: dict, key: str, where: str) -> list[str]:
        value = self.get(data, key, list, where, [])
        if not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where}.{key}", f"expected a list of strings, got {value!r}")
        return value

    def paragraph(self, data: dict, where: str) -> str:
        number = self.get(data, "paragraph", str, where)
        if number not in PARAGRAPH_IDS:
            raise self.fail(f"{where}.paragraph", f"{number!r} is not a paragraph of the guidance")
        return number

    def answer_set(self, data: object, where: str) -> AnswerSet:
        data = self.table(data, "answers", where)
        labels = self.get(data, "labels", dict, where)
        if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in labels.items()):
            raise self.fail(f"{where}.labels", 'expected value = "Label" pairs')
        for key in ("to_find_out", "not_known", "unmarked"):
            values = self.strings(data, key, where) if key == "to_find_out" else None
            if key != "to_find_out":
                values = [v] if (v := self.get(data, key, str, where, "")) else []
            if unknown := [v for v in values if v not in labels]:
                raise self.fail(f"{where}.{key}", f"{unknown} not among {list(labels)}")
        groups = self.get(data, "exclusive", list, where, [])
        exclusive = []
        for i, group in enumerate(groups):
            if not isinstance(group, list) or not set(group) <= set(labels) or len(group) < 2:
                raise self.fail(f"{where}.exclusive[{i}]", f"expected 2 or more of {list(labels)}")
            exclusive.append(frozenset(group))
        unnoted = self.get(data, "unnoted", dict, where, {})
        if not all(k in labels and isinstance(v, str) and v for k, v in unnoted.items()):
            raise self.fail(f"{where}.unnoted", f'expected value = "text" pairs of {list(labels)}')
        return AnswerSet(
            dict(labels),
            data.get("not_known", ""),
            frozenset(data.get("to_find_out", [])),
            tuple(exclusive),
            data.get("unmarked", ""),
            dict(unnoted),
        )

    def question(self, data: object, where: str, answers: AnswerSet, scope: bool) -> Question:
        where = self.named(data, where)
        data = self.table(data, "question", where)
        qid = self.get(data, "id", str, where)
        kind = self.get(data, "kind", str, where, "choice")
        if kind not in KINDS:
            raise self.fail(f"{where}.kind", f"expected one of {list(KINDS)}, got {kind!r}")
        if "options" in data:
            if kind in WORDS_KINDS:
                raise self.fail(f"{where}.options", f"a {kind} item is answered in words")
            own = self.answer_set(data["options"], f"{where}.options")
        elif kind == "words":
            own = AnswerSet(dict(NOT_KNOWN), "unknown", frozenset({"unknown"}))
        elif kind == "note":
            own = AnswerSet({}, "", frozenset())
        else:
            own = answers
        if kind in ("choice", "several", "both") and not own.labels:
            raise self.fail(where, f"a {kind} item needs answers: give options")
        stop_when = frozenset(self.strings(data, "stop_when", where))
        if stop_when - set(own.labels):
            raise self.fail(f"{where}.stop_when", f"expected values of {list(own.labels)}")
        for key in ("why", "shared"):
            if key in data and not scope:
                raise self.fail(f"{where}.{key}", "only a scoping question has this key")
        return Question(
            id=qid,
            text=self.get(data, "text", str, where),
            paragraph=self.paragraph(data, where),
            answers=own,
            title=self.get(data, "title", str, where, ""),
            group=self.get(data, "group", str, where, ""),
            kind=kind,
            required=self.get(data, "required", bool, where, False),
            prefill=self.get(data, "prefill", str, where, ""),
            verbatim=not scope,
            stop_when=stop_when,
            for_adults=self.get(data, "for_adults", bool, where, False),
            parent=self.get(data, "parent", str, where, ""),
            why=self.get(data, "why", str, where, ""),
            shared=self.get(data, "shared", bool, where, False),
            note_label=self.get(data, "note_label", str, where, ""),
            caution=self.get(data, "caution", bool, where, False),
        )

    def ids(self, names: object, where: str, groups: dict, questions: dict) -> list[str]:
        ids = groups.get(names) if isinstance(names, str) else names
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            raise self.fail(where, f"expected a group name or item ids, got {names!r}")
        if unknown := [i for i in ids if i not in questions]:
            raise self.fail(where, f"unknown items {unknown}")
        return ids

    def condition(self, data: object, where: str, groups: dict, questions: dict) -> Condition:
        data = self.table(data, "condition", where)
        ids = self.ids(data.get("items"), f"{where}.items", groups, questions)
        found = [q for q in QUANTIFIERS if q in data]
        if len(found) != 1:
            raise self.fail(where, f"expected exactly one of {' / '.join(QUANTIFIERS)}")
        if found[0] == "noted":
            if data["noted"] is not True:
                raise self.fail(f"{where}.noted", f"expected true, got {data['noted']!r}")
            return Condition(tuple(ids), "noted", frozenset())
        values = frozenset(self.strings(data, found[0], where))
        maybe = frozenset(self.strings(data, "maybe", where))
        allowed = {v for i in ids for v in questions[i].answers.labels}
        for key, given in ((found[0], values), ("maybe", maybe)):
            if (key != "maybe" and not given) or not given <= allowed:
                raise self.fail(
                    f"{where}.{key}", f"unknown answer values {sorted(given - allowed)}"
                )
        if values & maybe:
            raise self.fail(f"{where}.maybe", f"{sorted(values & maybe)} cannot be both")
        return Condition(tuple(ids), found[0], values, maybe)

    def conditions(self, data: dict, where: str, groups: dict, questions: dict):
        return tuple(
            self.condition(c, f"{where}.when[{i}]", groups, questions)
            for i, c in enumerate(self.get(data, "when", list, where, []))
        )

    def prompt(self, data: object, where: str, groups: dict, questions: dict) -> Prompt:
        where = self.named(data, where)
        data = self.table(data, "prompt", where)
        pid = self.get(data, "id", str, where)
        cites = []
        for i, c in enumerate(self.get(data, "cites", list, where, [])):
            spot = f"{where}.cites[{i}]"
            c = self.table(c, "cite", spot)
            cites.append(
                Cite(
                    self.paragraph(c, spot),
                    self.get(c, "quote", str, spot),
                    self.get(c, "note", str, spot, ""),
                )
            )
        if not cites:
            raise self.fail(f"{where}.cites", "every prompt cites at least one paragraph")
        lists = None
        if "list" in data:
            spot = f"{where}.list"
            listing = self.table(data["list"], "list", spot)
            lists = self.condition(
                {"items": listing.get("items"), "any": listing.get("values")},
                spot,
                groups,
                questions,
            )
        leads = []
        for i, lead in enumerate(self.get(data, "leads", list, where, [])):
            spot = f"{where}.leads[{i}]"
            lead = self.table(lead, "lead", spot)
            when = self.conditions(lead, spot, groups, questions)
            if not when:
                raise self.fail(f"{spot}.when", "another lead needs its conditions")
            leads.append(Lead(when, self.get(lead, "lead", str, spot)))
        when = self.conditions(data, where, groups, questions)
        pinned = self.get(data, "pinned", bool, where, False)
        if "if_so_lead" in data and not when:
            raise self.fail(f"{where}.if_so_lead", "a prompt always shown has no if-so line")
        return Prompt(
            id=pid,
            lead=self.get(data, "lead", str, where, ""),
            when=when,
            cites=tuple(cites),
            lists=lists,
            pinned=pinned,
            leads=tuple(leads),
            if_so_lead=self.get(data, "if_so_lead", str, where, ""),
            for_adults=self.get(data, "for_adults", bool, where, False),
        )

    def checklist(self, data: object) -> Checklist:
        data = self.table(data, "checklist", "checklist")
        cid = self.get(data, "id", str, "checklist")
        answers = self.answer_set(self.get(data, "answers", dict, cid), f"{cid}.answers")
        scope_answers = self.answer_set(
            self.get(data, "scope_answers", dict, cid, YES_NO_UNKNOWN), f"{cid}.scope_answers"
        )
        scope = tuple(
            self.question(q, f"{cid}.scope", scope_answers, True)
            for q in self.get(data, "scope", list, cid, [])
        )
        items = tuple(
            self.question(q, f"{cid}.items", answers, False)
            for q in self.get(data, "items", list, cid, [])
        )
        questions = {q.id: q for q in (*scope, *items)}
        if len(questions) != len(scope) + len(items):
            raise self.fail(f"{cid}.items", "item ids must be unique")
        seen: set[str] = set()
        for q in items:
            if q.parent and q.parent not in seen:
                raise self.fail(
                    f"{cid}.items[{q.id}].parent", f"{q.parent!r} is not an item before it"
                )
            seen.add(q.id)
        groups: dict[str, list[str]] = {}
        for q in (*scope, *items):
            if q.group:
                groups.setdefault(q.group, []).append(q.id)
        prompts = tuple(
            self.prompt(p, f"{cid}.prompts", groups, questions)
            for p in self.get(data, "prompts", list, cid, [])
        )
        if len({p.id for p in prompts}) != len(prompts):
            raise self.fail(f"{cid}.prompts", "prompt ids must be unique")
        statements = []
        for i, s in enumerate(self.get(data, "statements", list, cid, [])):
            where = f"{cid}.statements[{i}]"
            template = self.get(self.table(s, "statement", where), "template", str, where)
            refs = [
                name for _, name, _, _ in string.Formatter().parse(template) if name is not None
            ]
            if unknown := [r for r in refs if r not in questions]:
                raise self.fail(f"{where}.template", f"unknown placeholders {unknown}")
            statements.append(Statement(template, tuple(dict.fromkeys(refs))))
        targets = {q.prefill for q in items if q.prefill}
        prefills = []
        for i, p in enumerate(self.get(data, "prefill", list, cid, [])):
            where = f"{cid}.prefill[{i}]"
            p = self.table(p, "prefill", where)
            target = self.get(p, "target", str, where)
            if target not in targets:
                raise self.fail(f"{where}.target", f"expected one of {sorted(targets)}")
            prefills.append(
                Prefill(
                    target,
                    self.get(p, "from", str, where),
                    self.get(p, "group", str, where),
                    frozenset(self.strings(p, "values", where)),
                    self.get(p, "heading", str, where, ""),
                )
            )
        adult_label = None
        if "adult_label" in data:
            where = f"{cid}.adult_label"
            table = self.table(data["adult_label"], "adult_label", where)
            when = self.conditions(table, where, groups, questions)
            if not when:
                raise self.fail(f"{where}.when", "expected the conditions for the label")
            adult_label = AdultLabel(when, self.get(table, "label", str, where))
        stop = data.get("out_of_scope")
        return Checklist(
            id=cid,
            title=self.get(data, "title", str, cid),
            purpose=self.get(data, "purpose", str, cid),
            serves=self.get(data, "serves", str, cid),
            stage=self.get(data, "stage", int, cid),
            to_find_out_heading=self.get(
                data, "to_find_out_heading", str, cid, "Still to find out"
            ),
            scope=scope,
            items=items,
            prompts=prompts,
            statements=tuple(statements),
            out_of_scope=self.prompt(stop, f"{cid}.out_of_scope", groups, questions)
            if stop is not None
            else None,
            prefills=tuple(prefills),
            adult_label=adult_label,
        )


def parse_checklist(data: dict, source: str = "definition") -> Checklist:
    """A checked Checklist from a definition's TOML data; ChecklistError on anything malformed.

    ``source`` (the file name) starts every error's field."""
    return _Reader(source).checklist(data)


@cache  # package data does not change while running; evaluate() asks on every answer
def checklist_ids() -> tuple[str, ...]:
    """Every checklist shipped in the package, by id."""
    folder = resources.files("calculators") / "checklists"
    if not folder.is_dir():  # a broken package: say "unknown checklist", never crash
        return ()
    return tuple(
        sorted(p.name.removesuffix(SUFFIX) for p in folder.iterdir() if p.name.endswith(SUFFIX))
    )


def load_checklist(checklist_id: object) -> Checklist:
    """The checklist with this id; ChecklistError if there is none."""
    if not isinstance(checklist_id, str) or checklist_id not in checklist_ids():
        raise ChecklistError(
            "checklist",
            f"unknown checklist {checklist_id!r}; expected one of {list(checklist_ids())}",
        )
    return _load(checklist_id)


def check_prefills(checklist: Checklist, source: str, others: dict[str, Checklist]) -> None:
    """Every prefill rule names a checklist of ``others``, one of its groups, and its values."""
    for i, rule in enumerate(checklist.prefills):
        where = f"{source}: {checklist.id}.prefill[{i}]"
        if rule.source not in others:
            raise ChecklistError(f"{where}.from", f"unknown checklist {rule.source!r}")
        group = [q for q in others[rule.source].items if q.group == rule.group]
        if not group:
            raise ChecklistError(f"{where}.group", f"{rule.source} has no group {rule.group!r}")
        allowed = {v for q in group for v in q.answers.labels}
        if not rule.values or not rule.values <= allowed:
            raise ChecklistError(
                f"{where}.values", f"unknown answer values {sorted(rule.values - allowed)}"
            )


@cache
def _load(checklist_id: str) -> Checklist:
    name = f"{checklist_id}{SUFFIX}"
    path = resources.files("calculators") / "checklists" / name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(name, f"is not valid TOML: {error}") from None
    checklist = parse_checklist(data, name)
    if checklist.id != checklist_id:
        raise ChecklistError(f"{name}: checklist.id", f"expected {checklist_id!r}")
    sources = {r.source for r in checklist.prefills} - {checklist_id}
    others = {s: _load(s) for s in sources if s in checklist_ids()}
    check_prefills(checklist, name, others)
    return checklist
