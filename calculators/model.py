"""Checklist definitions: read from TOML package data and checked strictly on load.

A definition has scoping questions (``[[scope]]``), items (``[[items]]``, each quoting the
guidance and citing its paragraph), an answer set (``[answers]``) and prompts (``[[prompts]]``):
what the guidance says, shown when their conditions hold. See checklists/*.checklist.toml.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from calculators.errors import ChecklistError

SUFFIX = ".checklist.toml"
QUANTIFIERS = ("any", "all", "none")


@dataclass(frozen=True)
class Cite:
    paragraph: str
    quote: str


@dataclass(frozen=True)
class Condition:
    items: tuple[str, ...]
    quantifier: str  # any | all | none
    values: frozenset[str]


@dataclass(frozen=True)
class Prompt:
    id: str
    lead: str
    when: tuple[Condition, ...]
    cites: tuple[Cite, ...]


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    paragraph: str
    group: str = ""
    verbatim: bool = True  # item texts quote the guidance; scoping questions are the site's
    stop_when: frozenset[str] = frozenset()  # scoping answers that put the case out of scope


@dataclass(frozen=True)
class AnswerSet:
    labels: dict[str, str]  # value -> label, in display order
    unanswered: str  # what an unanswered item counts as
    to_find_out: frozenset[str]  # values listed as information still to gather
    to_find_out_heading: str


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    purpose: str
    serves: str  # the paragraph the checklist serves, e.g. "2.9"
    answers: AnswerSet
    scope: tuple[Question, ...]
    items: tuple[Question, ...]
    prompts: tuple[Prompt, ...]
    out_of_scope: Prompt | None

    def question(self, question_id: str) -> Question | None:
        return next((q for q in (*self.scope, *self.items) if q.id == question_id), None)


def _require(data: dict, key: str, kind: type, where: str):
    value = data.get(key)
    if not isinstance(value, kind):
        raise ChecklistError(f"{where}.{key}", f"expected {kind.__name__}, got {value!r}")
    return value


def _question(data: dict, where: str, verbatim: bool) -> Question:
    return Question(
        id=_require(data, "id", str, where),
        text=_require(data, "text", str, where),
        paragraph=_require(data, "paragraph", str, where),
        group=data.get("group", ""),
        verbatim=verbatim,
        stop_when=frozenset(data.get("stop_when", [])),
    )


def _prompt(data: dict, where: str, groups: dict[str, list[str]], answers: AnswerSet) -> Prompt:
    when = []
    for i, cond in enumerate(data.get("when", [])):
        spot = f"{where}.when[{i}]"
        names = cond.get("items")
        ids = groups.get(names) if isinstance(names, str) else names
        if not isinstance(ids, list) or not ids:
            raise ChecklistError(
                f"{spot}.items", f"expected a group name or item ids, got {names!r}"
            )
        found = [q for q in QUANTIFIERS if q in cond]
        if len(found) != 1:
            raise ChecklistError(spot, "expected exactly one of any / all / none")
        values = frozenset(cond[found[0]])
        if not values <= answers.labels.keys():
            raise ChecklistError(f"{spot}.{found[0]}", f"unknown answer values {sorted(values)}")
        when.append(Condition(tuple(ids), found[0], values))
    cites = tuple(
        Cite(
            _require(c, "paragraph", str, f"{where}.cites"),
            _require(c, "quote", str, f"{where}.cites"),
        )
        for c in data.get("cites", [])
    )
    if not cites:
        raise ChecklistError(f"{where}.cites", "every prompt cites at least one paragraph")
    return Prompt(_require(data, "id", str, where), data.get("lead", ""), tuple(when), cites)


def parse_checklist(data: dict) -> Checklist:
    """A checked Checklist from a definition's TOML data; ChecklistError on anything malformed."""
    cid = _require(data, "id", str, "checklist")
    raw_answers = _require(data, "answers", dict, cid)
    labels = _require(raw_answers, "labels", dict, f"{cid}.answers")
    answers = AnswerSet(
        labels=dict(labels),
        unanswered=_require(raw_answers, "unanswered", str, f"{cid}.answers"),
        to_find_out=frozenset(raw_answers.get("to_find_out", [])),
        to_find_out_heading=raw_answers.get("to_find_out_heading", "Still to find out"),
    )
    scope = tuple(_question(q, f"{cid}.scope", False) for q in data.get("scope", []))
    items = tuple(_question(q, f"{cid}.items", True) for q in data.get("items", []))
    ids = [q.id for q in (*scope, *items)]
    if len(set(ids)) != len(ids):
        raise ChecklistError(f"{cid}.items", "item ids must be unique")
    groups: dict[str, list[str]] = {}
    for q in (*scope, *items):
        if q.group:
            groups.setdefault(q.group, []).append(q.id)
    prompts = tuple(
        _prompt(p, f"{cid}.prompts[{i}]", groups, answers)
        for i, p in enumerate(data.get("prompts", []))
    )
    for prompt in prompts:
        for cond in prompt.when:
            if unknown := [i for i in cond.items if i not in ids]:
                raise ChecklistError(f"{cid}.prompts.{prompt.id}", f"unknown items {unknown}")
    stop = data.get("out_of_scope")
    return Checklist(
        id=cid,
        title=_require(data, "title", str, cid),
        purpose=_require(data, "purpose", str, cid),
        serves=_require(data, "serves", str, cid),
        answers=answers,
        scope=scope,
        items=items,
        prompts=prompts,
        out_of_scope=_prompt(stop, f"{cid}.out_of_scope", groups, answers) if stop else None,
    )


def checklist_ids() -> list[str]:
    """Every checklist shipped in the package, by id."""
    folder = resources.files("calculators") / "checklists"
    if not folder.is_dir():  # a broken package: say "unknown checklist", never crash
        return []
    return sorted(p.name.removesuffix(SUFFIX) for p in folder.iterdir() if p.name.endswith(SUFFIX))


def load_checklist(checklist_id: object) -> Checklist:
    """The checklist with this id; ChecklistError if there is none."""
    if not isinstance(checklist_id, str) or checklist_id not in checklist_ids():
        raise ChecklistError(
            "checklist", f"unknown checklist {checklist_id!r}; expected one of {checklist_ids()}"
        )
    return _load(checklist_id)


@cache
def _load(checklist_id: str) -> Checklist:
    path = resources.files("calculators") / "checklists" / f"{checklist_id}{SUFFIX}"
    return parse_checklist(tomllib.loads(path.read_text(encoding="utf-8")))
