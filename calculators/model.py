"""Checklist definitions: read from TOML package data and checked strictly on load.

A definition has scoping questions (``[[scope]]``), items (``[[items]]``, each quoting the
guidance and citing its paragraph), answer sets (``[answers]`` for items, ``[scope_answers]``
for scoping questions, or ``options`` on one item), prompts (``[[prompts]]``: what the guidance
says, shown when their conditions hold) and statements (``[[statements]]``: the practitioner's own
choices in words). An item of ``kind = "note"`` is answered in words, not by choosing.
See checklists/*.checklist.toml.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from calculators.errors import ChecklistError

SUFFIX = ".checklist.toml"
QUANTIFIERS = ("any", "all", "none", "noted")
YES_NO_UNKNOWN = {
    "labels": {"yes": "Yes", "no": "No", "unknown": "Not known"},
    "unanswered": "unknown",
    "to_find_out": ["unknown"],
}


@dataclass(frozen=True)
class Cite:
    paragraph: str
    quote: str


@dataclass(frozen=True)
class Condition:
    items: tuple[str, ...]
    quantifier: str  # any | all | none (answers in values) | noted (a note was written)
    values: frozenset[str]


@dataclass(frozen=True)
class Prompt:
    id: str
    lead: str
    when: tuple[Condition, ...]
    cites: tuple[Cite, ...]
    lists: Condition | None = None  # list the items whose answers are in these values


@dataclass(frozen=True)
class AnswerSet:
    labels: dict[str, str]  # value -> label, in display order
    unanswered: str  # what an unanswered item counts as ("" for none)
    to_find_out: frozenset[str]  # values listed as information still to gather


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    paragraph: str
    answers: AnswerSet
    title: str = ""  # a short heading: the guidance's own where it gives one
    group: str = ""
    kind: str = "choice"  # choice | note
    required: bool = False
    prefill: str = ""  # a note the browser may pre-fill from other checklists of the tab
    verbatim: bool = True  # item texts quote the guidance; scoping questions are the site's
    stop_when: frozenset[str] = frozenset()  # scoping answers that put the case out of scope


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

    @property
    def questions(self) -> tuple[Question, ...]:
        return (*self.scope, *self.items)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _require(data: dict, key: str, kind: type, where: str):
    value = data.get(key)
    if not isinstance(value, kind):
        raise ChecklistError(f"{where}.{key}", f"expected {kind.__name__}, got {value!r}")
    return value


def _answer_set(data: dict, where: str) -> AnswerSet:
    labels = _require(data, "labels", dict, where)
    unanswered = data.get("unanswered", "")
    if unanswered and unanswered not in labels:
        raise ChecklistError(f"{where}.unanswered", f"{unanswered!r} is not one of {list(labels)}")
    return AnswerSet(dict(labels), unanswered, frozenset(data.get("to_find_out", [])))


def _question(data: dict, where: str, answers: AnswerSet, verbatim: bool) -> Question:
    kind = data.get("kind", "choice")
    if kind not in ("choice", "note"):
        raise ChecklistError(f"{where}.kind", f"expected choice or note, got {kind!r}")
    own = _answer_set(data["options"], f"{where}.options") if "options" in data else answers
    return Question(
        id=_require(data, "id", str, where),
        text=_require(data, "text", str, where),
        paragraph=_require(data, "paragraph", str, where),
        answers=own if kind == "choice" else AnswerSet({}, "", frozenset()),
        title=data.get("title", ""),
        group=data.get("group", ""),
        kind=kind,
        required=bool(data.get("required", False)),
        prefill=data.get("prefill", ""),
        verbatim=verbatim,
        stop_when=frozenset(data.get("stop_when", [])),
    )


def _condition(cond: dict, spot: str, groups: dict[str, list[str]], questions: dict) -> Condition:
    names = cond.get("items")
    ids = groups.get(names) if isinstance(names, str) else names
    if not isinstance(ids, list) or not ids:
        raise ChecklistError(f"{spot}.items", f"expected a group name or item ids, got {names!r}")
    if unknown := [i for i in ids if i not in questions]:
        raise ChecklistError(f"{spot}.items", f"unknown items {unknown}")
    found = [q for q in QUANTIFIERS if q in cond]
    if len(found) != 1:
        raise ChecklistError(spot, f"expected exactly one of {' / '.join(QUANTIFIERS)}")
    if found[0] == "noted":
        return Condition(tuple(ids), "noted", frozenset())
    values = frozenset(cond[found[0]])
    allowed = {v for i in ids for v in questions[i].answers.labels}
    if not values or not values <= allowed:
        raise ChecklistError(f"{spot}.{found[0]}", f"unknown answer values {sorted(values)}")
    return Condition(tuple(ids), found[0], values)


def _prompt(data: dict, where: str, groups: dict, questions: dict) -> Prompt:
    when = tuple(
        _condition(c, f"{where}.when[{i}]", groups, questions)
        for i, c in enumerate(data.get("when", []))
    )
    cites = tuple(
        Cite(
            _require(c, "paragraph", str, f"{where}.cites"),
            _require(c, "quote", str, f"{where}.cites"),
        )
        for c in data.get("cites", [])
    )
    if not cites:
        raise ChecklistError(f"{where}.cites", "every prompt cites at least one paragraph")
    lists = data.get("list")
    return Prompt(
        _require(data, "id", str, where),
        data.get("lead", ""),
        when,
        cites,
        _condition(
            {"items": lists["items"], "any": lists["values"]}, f"{where}.list", groups, questions
        )
        if lists
        else None,
    )


def parse_checklist(data: dict) -> Checklist:
    """A checked Checklist from a definition's TOML data; ChecklistError on anything malformed."""
    cid = _require(data, "id", str, "checklist")
    answers = _answer_set(_require(data, "answers", dict, cid), f"{cid}.answers")
    scope_answers = _answer_set(data.get("scope_answers", YES_NO_UNKNOWN), f"{cid}.scope_answers")
    scope = tuple(_question(q, f"{cid}.scope", scope_answers, False) for q in data.get("scope", []))
    items = tuple(_question(q, f"{cid}.items", answers, True) for q in data.get("items", []))
    questions = {q.id: q for q in (*scope, *items)}
    if len(questions) != len(scope) + len(items):
        raise ChecklistError(f"{cid}.items", "item ids must be unique")
    groups: dict[str, list[str]] = {}
    for q in (*scope, *items):
        if q.group:
            groups.setdefault(q.group, []).append(q.id)
    prompts = tuple(
        _prompt(p, f"{cid}.prompts[{i}]", groups, questions)
        for i, p in enumerate(data.get("prompts", []))
    )
    statements = []
    for i, s in enumerate(data.get("statements", [])):
        template = _require(s, "template", str, f"{cid}.statements[{i}]")
        refs = tuple(qid for qid in questions if "{" + qid + "}" in template)
        statements.append(Statement(template, refs))
    targets = {q.prefill for q in items if q.prefill}
    prefills = []
    for i, p in enumerate(data.get("prefill", [])):
        where = f"{cid}.prefill[{i}]"
        if p.get("target") not in targets:
            raise ChecklistError(f"{where}.target", f"expected one of {sorted(targets)}")
        prefills.append(
            Prefill(
                p["target"],
                _require(p, "from", str, where),
                _require(p, "group", str, where),
                frozenset(p.get("values", [])),
            )
        )
    stop = data.get("out_of_scope")
    return Checklist(
        id=cid,
        title=_require(data, "title", str, cid),
        purpose=_require(data, "purpose", str, cid),
        serves=_require(data, "serves", str, cid),
        stage=_require(data, "stage", int, cid),
        to_find_out_heading=data.get("to_find_out_heading", "Still to find out"),
        scope=scope,
        items=items,
        prompts=prompts,
        statements=tuple(statements),
        out_of_scope=_prompt(stop, f"{cid}.out_of_scope", groups, questions) if stop else None,
        prefills=tuple(prefills),
    )


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


@cache
def _load(checklist_id: str) -> Checklist:
    path = resources.files("calculators") / "checklists" / f"{checklist_id}{SUFFIX}"
    return parse_checklist(tomllib.loads(path.read_text(encoding="utf-8")))
