"""Checklist definitions read from TOML package data and checked strictly on load.

Each table's keys are its dataclass's fields (``calculators.definitions``), renamed where
``RENAMED`` says: an unknown key, a value of the wrong type, an item id that does not exist, a
paragraph the guidance does not have, or a lead that is not whole sentences of its one quoted
paragraph (P13) raises ChecklistError naming the file, the table and the key.

The site's scoping questions that several checklists ask (the age and contact questions) are
defined once, in ``checklists/shared.toml``, with the 1.7 prompt that the age question brings;
a checklist names the ones it asks (``shared = ["adult", "contact"]``) and has one answer to
each per tab (P14). See checklists/*.checklist.toml.

A definition is written for the edition it was made in; when the latest edition renumbers a
paragraph it cites, ``load_checklist`` (the one door to a checklist: forms, panels, results,
records) gives it citing the new id, through the latest edition's map. The build sets the map
(``follow_renumbering``) and writes it into the wheel as ``checklists/renumbering.toml``, read here
when nothing set it; ``load_as_written`` gives the definition as its file says (for the build's
citation check, which tells the content owner).
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import fields, replace
from functools import cache
from importlib import resources
from typing import Any

from calculators import definitions as d
from calculators.errors import ChecklistError
from calculators.paragraph_ids import PARAGRAPH, citable, guidance_key

Json = dict[str, Any]  # a TOML table as read: checked here, key by key
Groups = dict[str, list[str]]
Questions = dict[str, "d.Question"]
SUFFIX = ".checklist.toml"
SHARED = "shared.toml"
RENUMBERING = "renumbering.toml"  # written into the wheel by the build; never in the source tree
NOT_KNOWN = {"unknown": "Not known"}  # the one other choice of an open question
YES_NO_UNKNOWN = {
    "labels": {"yes": "Yes", "no": "No", "unknown": "Not known"},
    "not_known": "unknown",
    "to_find_out": ["unknown"],
}
AGE = "adult"  # the shared age question (P8): its No or Not known brings 1.7 and the labels

# TOML key -> field, where they differ; None: a field no definition sets (it is derived).
RENAMED: dict[type, dict[str, str | None]] = {
    d.Checklist: {"carries": "carries_unknowns"},
    d.Question: {"answers": "options", "verbatim": None},
    d.Prompt: {"cites": "cite", "lists": "list"},
    d.Condition: {"quantifier": None, "values": None},
    d.Offered: {"source": "from"},
    d.Statement: {"items": None},
}
# Keys a table has besides its fields: a checklist's answer sets and shared questions; a
# condition's quantifier is its key; a list is a condition of "any".
EXTRA: dict[type, set[str]] = {
    d.Checklist: {"answers", "scope_answers", "shared"},
    d.Condition: set(d.QUANTIFIERS),
}


def keys(kind: type) -> frozenset[str]:
    """The keys a table of this kind may have: its fields, renamed, and its extra keys."""
    renamed = RENAMED.get(kind, {})
    own = {renamed.get(f.name, f.name) for f in fields(kind)}
    return frozenset({k for k in own if k is not None} | EXTRA.get(kind, set()))


KEYS = {
    "checklist": keys(d.Checklist),
    "answers": keys(d.AnswerSet),
    "question": keys(d.Question),
    "prompt": keys(d.Prompt),
    "condition": keys(d.Condition),
    "list": frozenset({"items", "values"}),
    "cite": keys(d.Cite),
    "link": keys(d.Link),
    "statement": keys(d.Statement),
    "offered": keys(d.Offered),
    "shared": frozenset({"adult_label", "scope", "prompts"}),
    "renumbering": frozenset({"renumbered"}),
}

# Where a sentence ends: . ? ! (before a closing quotation mark, if any) then a space, except
# after "e.g." and "i.e."; and every line end (a bullet is a whole unit too).
# A prompt's link: a section of the guidance by its page anchor, or a link of the site's registry.
LINK_TARGET = re.compile(r"^(section-[1-9][0-9]*|link:[a-z0-9]+(-[a-z0-9]+)*)$")

_SENTENCE_END = re.compile(r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.?!])[\u201d\u2019\"']?\s+")


def sentences(quote: str) -> list[str]:
    """A quote's whole units: its lines (bullets without their "- "), each cut into sentences."""
    units = []
    for line in quote.split("\n"):
        line = line.removeprefix("- ").strip()
        pieces, start = [], 0
        for end in _SENTENCE_END.finditer(line):
            pieces.append(line[start : end.start() + len(end.group().rstrip())].strip())
            start = end.end()
        pieces.append(line[start:].strip())
        units += [p for p in pieces if p]
    return units


def whole_sentences(lead: str, quote: str) -> bool:
    """Whether ``lead`` is one or more consecutive whole sentences (or lines) of ``quote``."""
    units = sentences(quote)
    for start in range(len(units)):
        for end in range(start + 1, len(units) + 1):
            if " ".join(units[start:end]) == lead:
                return True
    return False


class _Reader:
    """Checks one definition's tables; every error names the file, the table and the key."""

    def __init__(self, source: str, shared: Shared | None = None) -> None:
        self.source = source
        self.shared = shared

    def fail(self, where: str, message: str) -> ChecklistError:
        return ChecklistError(f"{self.source}: {where}", message)

    def table(self, data: object, kind: str, where: str) -> Json:
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

    def get(self, data: Json, key: str, kind: type, where: str, default: object = None) -> Any:
        if key not in data:
            if default is None:
                raise self.fail(f"{where}.{key}", f"missing: expected {kind.__name__}")
            return default
        value = data[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise self.fail(f"{where}.{key}", f"expected {kind.__name__}, got {value!r}")
        return value

    def strings(self, data: Json, key: str, where: str) -> list[str]:
        value: list[str] = self.get(data, key, list, where, [])
        if not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where}.{key}", f"expected a list of strings, got {value!r}")
        return value

    def paragraph(self, data: Json, where: str, callout: bool = False) -> str:
        """A numbered paragraph's id, by its form (a quote may also cite a callout, P13); the
        build checks that the latest edition has it (build_scripts/editions/citations.py)."""
        number: str = self.get(data, "paragraph", str, where)
        if not (citable(number) if callout else PARAGRAPH.match(number)):
            raise self.fail(f"{where}.paragraph", f"{number!r} is not a paragraph id (2.9)")
        return number

    def answer_set(self, data: object, where: str) -> d.AnswerSet:
        data = self.table(data, "answers", where)
        labels = self.get(data, "labels", dict, where)
        if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in labels.items()):
            raise self.fail(f"{where}.labels", 'expected value = "Label" pairs')
        not_known = self.get(data, "not_known", str, where, "")
        for key, values in (
            ("to_find_out", self.strings(data, "to_find_out", where)),
            ("not_known", [not_known] if not_known else []),
        ):
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
        for value, text in unnoted.items():  # "{checklist}" is the one name it may hold
            try:
                text.format(checklist="")
            except (KeyError, IndexError, ValueError):
                raise self.fail(
                    f"{where}.unnoted.{value}", 'only "{checklist}" may be named'
                ) from None
        note_names = self.get(data, "note_names", dict, where, {})
        if not all(k in labels and isinstance(v, str) and v for k, v in note_names.items()):
            raise self.fail(
                f"{where}.note_names", f'expected value = "name" pairs of {list(labels)}'
            )
        needs_note = frozenset(self.strings(data, "needs_note", where))
        if not needs_note <= set(labels):
            raise self.fail(f"{where}.needs_note", f"{sorted(needs_note)} not among {list(labels)}")
        return d.AnswerSet(
            dict(labels),
            data.get("not_known", ""),
            frozenset(data.get("to_find_out", [])),
            tuple(exclusive),
            dict(unnoted),
            needs_note,
            self.get(data, "menu", bool, where, False),
            dict(note_names),
        )

    def question(self, data: object, where: str, answers: d.AnswerSet, scope: bool) -> d.Question:
        where = self.named(data, where)
        data = self.table(data, "question", where)
        qid = self.get(data, "id", str, where)
        kind = self.get(data, "kind", str, where, "choice")
        if kind not in d.KINDS:
            raise self.fail(f"{where}.kind", f"expected one of {list(d.KINDS)}, got {kind!r}")
        if "options" in data:
            if kind in d.WORDS_KINDS:
                raise self.fail(f"{where}.options", f"a {kind} item is answered in words")
            own = self.answer_set(data["options"], f"{where}.options")
        elif kind == "words":
            own = d.AnswerSet(dict(NOT_KNOWN), "unknown", frozenset({"unknown"}))
        elif kind == "note":
            own = d.AnswerSet({})
        else:
            own = answers
        if kind in ("choice", "several", "both") and not own.labels:
            raise self.fail(where, f"a {kind} item needs answers: give options")
        for key in ("why", "shared", "asked_while"):
            if key in data and not scope:
                raise self.fail(f"{where}.{key}", "only a scoping question has this key")
        if scope and "opens" in data:
            raise self.fail(f"{where}.opens", "the site's questions open no list of the guidance's")
        if scope and "for_adults" in data:
            raise self.fail(
                f"{where}.for_adults",
                "the 1.7 label says the guidance's words were written for adult perpetrators; "
                "the site's questions are its own, asked whatever the age",
            )
        return d.Question(
            id=qid,
            text=self.get(data, "text", str, where),
            paragraph=self.paragraph(data, where),
            answers=own,
            title=self.get(data, "title", str, where, ""),
            site_title=self.get(data, "site_title", bool, where, False),
            group=self.get(data, "group", str, where, ""),
            kind=kind,
            required=self.get(data, "required", bool, where, False),
            verbatim=not scope,
            for_adults=self.get(data, "for_adults", bool, where, False),
            parent=self.get(data, "parent", str, where, ""),
            why=self.get(data, "why", str, where, ""),
            shared=self.get(data, "shared", bool, where, False),
            note_label=self.get(data, "note_label", str, where, ""),
            caution=self.get(data, "caution", bool, where, False),
            opens=self.get(data, "opens", str, where, ""),
        )

    def asked_while(
        self, q: d.Question, data: Json, cid: str, groups: Groups, questions: Questions
    ) -> d.Question:
        """A scoping question with its ``asked_while`` conditions, read once every question of
        the checklist is known: on this checklist's other questions only."""
        tables: list[Json] = self.get(data, "scope", list, cid, [])
        raw: Json = next((t for t in tables if t.get("id") == q.id), {})
        if "asked_while" not in raw:
            return q
        where = f"{cid}.scope[{q.id}].asked_while"
        given = self.get(raw, "asked_while", list, where)
        conditions = tuple(
            self.condition(c, f"{where}[{i}]", groups, questions) for i, c in enumerate(given)
        )
        if not conditions:
            raise self.fail(where, "expected at least one condition")
        for condition in conditions:
            if condition.checklist or q.id in condition.items:
                raise self.fail(where, "a condition on this checklist's other questions only")
        return replace(q, asked_while=conditions)

    def ids(self, names: object, where: str, groups: Groups, questions: Questions) -> list[str]:
        ids = groups.get(names) if isinstance(names, str) else names
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            raise self.fail(where, f"expected a group name or item ids, got {names!r}")
        if unknown := [i for i in ids if i not in questions]:
            raise self.fail(where, f"unknown items {unknown}")
        return ids

    def condition(
        self, data: object, where: str, groups: Groups, questions: Questions
    ) -> d.Condition:
        data = self.table(data, "condition", where)
        other = self.get(data, "checklist", str, where, "")
        if other:  # another checklist's items: its groups and questions
            source = load_checklist(other) if other in checklist_ids() else None
            if source is None:
                raise self.fail(f"{where}.checklist", f"unknown checklist {other!r}")
            questions = {q.id: q for q in source.questions}
            groups = _groups(source.questions)
        ids = self.ids(data.get("items"), f"{where}.items", groups, questions)
        found = [q for q in d.QUANTIFIERS if q in data]
        if len(found) != 1:
            raise self.fail(where, f"expected exactly one of {' / '.join(d.QUANTIFIERS)}")
        if found[0] == "noted":
            if data["noted"] is not True:
                raise self.fail(f"{where}.noted", f"expected true, got {data['noted']!r}")
            return d.Condition(tuple(ids), "noted", frozenset(), checklist=other)
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
        return d.Condition(tuple(ids), found[0], values, maybe, other)

    def conditions(
        self, data: Json, where: str, groups: Groups, questions: Questions
    ) -> tuple[d.Condition, ...]:
        return tuple(
            self.condition(c, f"{where}.when[{i}]", groups, questions)
            for i, c in enumerate(self.get(data, "when", list, where, []))
        )

    def prompt(self, data: object, where: str, groups: Groups, questions: Questions) -> d.Prompt:
        where = self.named(data, where)
        data = self.table(data, "prompt", where)
        pid = self.get(data, "id", str, where)
        spot = f"{where}.cite"
        c = self.table(self.get(data, "cite", dict, where), "cite", spot)
        cite = d.Cite(
            self.paragraph(c, spot, callout=True),
            self.get(c, "quote", str, spot),
            self.get(c, "note", str, spot, ""),
        )
        lead = self.get(data, "lead", str, where, "") or sentences(cite.quote)[0]
        if not whole_sentences(lead, cite.quote):
            raise self.fail(
                f"{where}.lead",
                f"is not whole sentences of its paragraph {cite.paragraph}'s quote: a lead is the "
                f"guidance's own words, one or more whole sentences or a whole bullet (P13)",
            )
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
        when = self.conditions(data, where, groups, questions)
        waits_on = self.get(data, "waits_on", str, where, "")
        if waits_on and not any(c.checklist for c in when):
            raise self.fail(f"{where}.waits_on", "only a prompt on another checklist waits on it")
        beside = self.get(data, "beside", str, where, "")
        if beside and (beside not in questions or not questions[beside].verbatim):
            raise self.fail(f"{where}.beside", f"{beside!r} is not an item of this checklist")
        if beside and (when or lists or data.get("pinned")):
            raise self.fail(
                f"{where}.beside",
                "only a prompt shown whatever the answers (no when, list or "
                "pinned) is shown beside an item",
            )
        not_answered = self.get(data, "list_not_answered", bool, where, False)
        if not_answered and lists is None:
            raise self.fail(f"{where}.list_not_answered", "only a prompt with a list has this key")
        links = tuple(
            self.link(entry, f"{where}.links[{i}]")
            for i, entry in enumerate(self.get(data, "links", list, where, []))
        )
        return d.Prompt(
            id=pid,
            lead=lead,
            when=when,
            cites=(cite,),
            lists=lists,
            pinned=self.get(data, "pinned", bool, where, False),
            for_adults=self.get(data, "for_adults", bool, where, False),
            waits_on=waits_on,
            names_open=self.get(data, "names_open", bool, where, False),
            beside=beside,
            links=links,
            list_not_answered=not_answered,
        )

    def link(self, data: object, where: str) -> d.Link:
        """A prompt's link: a section's anchor and heading, or a registry link and its address."""
        data = self.table(data, "link", where)
        target = self.get(data, "target", str, where)
        if not LINK_TARGET.match(target):
            raise self.fail(f"{where}.target", f"{target!r} is not section-<n> or link:<key>")
        text = self.get(data, "text", str, where)
        if not text.strip():
            raise self.fail(f"{where}.text", "expected the guidance's words, got nothing")
        url = self.get(data, "url", str, where, "")
        if target.startswith("link:") != url.startswith("https://"):
            raise self.fail(
                f"{where}.url", "a link: target has its https:// address; a section has none"
            )
        return d.Link(target, text, url)

    def shared_questions(self, names: list[str], where: str) -> tuple[d.Question, ...]:
        assert self.shared is not None
        if unknown := [n for n in names if n not in self.shared.questions]:
            raise self.fail(where, f"unknown shared questions {unknown}")
        return tuple(self.shared.questions[n] for n in names)

    def checklist(self, data: object) -> d.Checklist:
        data = self.table(data, "checklist", "checklist")
        cid = self.get(data, "id", str, "checklist")
        answers = self.answer_set(self.get(data, "answers", dict, cid), f"{cid}.answers")
        scope_answers = self.answer_set(
            self.get(data, "scope_answers", dict, cid, YES_NO_UNKNOWN), f"{cid}.scope_answers"
        )
        shared = self.shared_questions(self.strings(data, "shared", cid), f"{cid}.shared")
        scope = (
            *shared,
            *(
                self.question(q, f"{cid}.scope", scope_answers, True)
                for q in self.get(data, "scope", list, cid, [])
            ),
        )
        if any(q.shared for q in scope[len(shared) :]):
            raise self.fail(f"{cid}.scope", "a shared question is defined in shared.toml")
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
        groups = _groups((*scope, *items))
        scope = tuple(self.asked_while(q, data, cid, groups, questions) for q in scope)
        questions.update({q.id: q for q in scope})
        own = tuple(
            self.prompt(p, f"{cid}.prompts", groups, questions)
            for p in self.get(data, "prompts", list, cid, [])
        )
        brought = (
            tuple(p for p in self.shared.prompts if _asks(p, questions)) if self.shared else ()
        )
        prompts = (*brought, *own)
        if len({p.id for p in prompts}) != len(prompts):
            raise self.fail(f"{cid}.prompts", "prompt ids must be unique")
        adults = any(q.for_adults for q in items) or any(p.for_adults for p in prompts)
        if adults and AGE not in questions:
            raise self.fail(f"{cid}.shared", f"labels for adults need the {AGE!r} question")
        statements = []
        for i, s in enumerate(self.get(data, "statements", list, cid, [])):
            where = f"{cid}.statements[{i}]"
            s = self.table(s, "statement", where)
            template = self.get(s, "template", str, where)
            refs = [
                name for _, name, _, _ in string.Formatter().parse(template) if name is not None
            ]
            if unknown := [r for r in refs if r not in questions]:
                raise self.fail(f"{where}.template", f"unknown placeholders {unknown}")
            each_part = self.get(s, "each_part", bool, where, False)
            parts = template.removesuffix(".").split("; ")
            if each_part and (not template.endswith(".") or not all("{" in p for p in parts)):
                raise self.fail(
                    f"{where}.template", 'each part ("; " between) names an answer; one "." ends it'
                )
            statements.append(d.Statement(template, tuple(dict.fromkeys(refs)), each_part))
        offered = []
        for i, p in enumerate(self.get(data, "offered", list, cid, [])):
            where = f"{cid}.offered[{i}]"
            p = self.table(p, "offered", where)
            offered.append(
                d.Offered(
                    self.get(p, "from", str, where),
                    self.get(p, "group", str, where, ""),
                    frozenset(self.strings(p, "values", where)),
                    self.get(p, "heading", str, where),
                )
            )
        return d.Checklist(
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
            offered=tuple(offered),
            carries=self.get(data, "carries_unknowns", bool, cid, False),
        )


def _groups(questions: tuple[d.Question, ...]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for q in questions:
        if q.group:
            groups.setdefault(q.group, []).append(q.id)
    return groups


def _asks(prompt: d.Prompt, questions: Questions) -> bool:
    """Whether a checklist asking ``questions`` asks every item the prompt's conditions name."""
    return all(i in questions for c in prompt.when for i in c.items)


class Shared:
    """The shared scoping questions (one answer per tab), the prompts they bring, the 1.7 label."""

    def __init__(self, data: object) -> None:
        reader = _Reader(SHARED)
        data = reader.table(data, "shared", "shared")
        answers = reader.answer_set(YES_NO_UNKNOWN, "shared.answers")
        self.questions = {
            q.id: q
            for q in (
                reader.question(q, "shared.scope", answers, True)
                for q in reader.get(data, "scope", list, "shared")
            )
        }
        if not all(q.shared for q in self.questions.values()):
            raise reader.fail("shared.scope", "every question here has shared = true")
        groups = _groups(tuple(self.questions.values()))
        self.prompts = tuple(
            reader.prompt(p, "shared.prompts", groups, self.questions)
            for p in reader.get(data, "prompts", list, "shared", [])
        )
        self.adult_label: str = reader.get(data, "adult_label", str, "shared")


def parse_checklist(data: Json, source: str = "definition") -> d.Checklist:
    """A checked Checklist from a definition's TOML data; ChecklistError on anything malformed.

    ``source`` (the file name) starts every error's field."""
    return _Reader(source, shared()).checklist(data)


def _package_file(name: str) -> str:
    path = resources.files("calculators") / "checklists" / name
    return path.read_text(encoding="utf-8")


def _toml(name: str) -> Json:
    try:
        return tomllib.loads(_package_file(name))
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(name, f"is not valid TOML: {error}") from None


@cache
def shared() -> Shared:
    """The shared scoping questions of every checklist (``checklists/shared.toml``)."""
    return Shared(_toml(SHARED))


@cache  # package data does not change while running; evaluate() asks on every answer
def checklist_ids() -> tuple[str, ...]:
    """Every checklist shipped in the package, by id."""
    folder = resources.files("calculators") / "checklists"
    if not folder.is_dir():  # a broken package: say "unknown checklist", never crash
        return ()
    return tuple(
        sorted(p.name.removesuffix(SUFFIX) for p in folder.iterdir() if p.name.endswith(SUFFIX))
    )


def load_checklist(checklist_id: object) -> d.Checklist:
    """The checklist with this id; ChecklistError if there is none."""
    if not isinstance(checklist_id, str) or checklist_id not in checklist_ids():
        raise ChecklistError(
            "checklist",
            f"unknown checklist {checklist_id!r}; expected one of {list(checklist_ids())}",
        )
    return _followed(checklist_id)


def load_as_written(checklist_id: str) -> d.Checklist:
    """The checklist as its definition file cites, before any renumbering; ChecklistError if
    there is none."""
    load_checklist(checklist_id)
    return _load(checklist_id)


_renumbering: dict[str, str] | None = None  # set by the build; else the package file's


def follow_renumbering(new_ids: Mapping[str, str] | None) -> None:
    """Make every checklist loaded from now on cite through ``new_ids`` (old id → new id, the
    latest edition's ``[edition.renumbered]``); None: as the package's ``renumbering.toml`` says."""
    global _renumbering
    _renumbering = None if new_ids is None else dict(new_ids)
    _followed.cache_clear()


def renumbering() -> dict[str, str]:
    """The renumbering the loaded checklists follow (old id → new id)."""
    if _renumbering is not None:
        return _renumbering
    if not (resources.files("calculators") / "checklists" / RENUMBERING).is_file():
        return {}
    return read_renumbering(_toml(RENUMBERING))


def read_renumbering(data: object) -> dict[str, str]:
    """``renumbering.toml``'s map, strictly: one ``[renumbered]`` table of paragraph ids."""
    reader = _Reader(RENUMBERING)
    table: Json = reader.get(reader.table(data, "renumbering", "file"), "renumbered", dict, "file")
    for old, new in table.items():
        if not PARAGRAPH.match(old) or not isinstance(new, str) or not PARAGRAPH.match(new):
            raise reader.fail(f"renumbered.{old}", f"expected paragraph ids, got {new!r}")
    return dict(table)


@cache
def _followed(checklist_id: str) -> d.Checklist:
    return renumbered(_load(checklist_id), renumbering())


def check_offered(checklist: d.Checklist, source: str, others: dict[str, d.Checklist]) -> None:
    """Every offered rule names a checklist of ``others``, one of its groups, and its values."""
    for i, rule in enumerate(checklist.offered):
        where = f"{source}: {checklist.id}.offered[{i}]"
        if rule.source not in others:
            raise ChecklistError(f"{where}.from", f"unknown checklist {rule.source!r}")
        group = [q for q in others[rule.source].items if rule.group in ("", q.group)]
        if not group:
            raise ChecklistError(f"{where}.group", f"{rule.source} has no group {rule.group!r}")
        allowed = {v for q in group for v in q.answers.labels}
        if not rule.values or not rule.values <= allowed:
            raise ChecklistError(
                f"{where}.values", f"unknown answer values {sorted(rule.values - allowed)}"
            )


@cache
def _load(checklist_id: str) -> d.Checklist:
    name = f"{checklist_id}{SUFFIX}"
    checklist = parse_checklist(_toml(name), name)
    if checklist.id != checklist_id:
        raise ChecklistError(f"{name}: checklist.id", f"expected {checklist_id!r}")
    sources = {r.source for r in checklist.offered} - {checklist_id}
    others = {s: _load(s) for s in sources if s in checklist_ids()}
    check_offered(checklist, name, others)
    return checklist


def brings(checklist: d.Checklist) -> dict[str, tuple[str, ...]]:
    """Question id → the paragraphs its answers can bring: those cited by every prompt whose
    conditions name the question (of this checklist), in the guidance's order, each once. A
    question that brings nothing is left out."""
    found: dict[str, set[str]] = {}
    for prompt in checklist.prompts:
        for condition in prompt.when:
            if not condition.checklist:
                for item in condition.items:
                    found.setdefault(item, set()).add(prompt.cite.paragraph)
    return {q: tuple(sorted(p, key=guidance_key)) for q, p in found.items() if p}


def guidance_order(checklists: list[d.Checklist]) -> list[d.Checklist]:
    """Checklists in the guidance's order: by stage, then by the paragraph each serves."""
    return sorted(checklists, key=lambda c: (c.stage, guidance_key(c.serves)))


# The types, for callers that read them from here.
Checklist = d.Checklist
Question = d.Question
Prompt = d.Prompt
Condition = d.Condition
AnswerSet = d.AnswerSet


def renumbered(checklist: d.Checklist, new_ids: Mapping[str, str]) -> d.Checklist:
    """The checklist with its citations read through ``new_ids`` (old id → new id): its items',
    prompts' and ``serves``. The words are unchanged; a callout keeps its own id."""

    def new(number: str) -> str:
        return new_ids.get(number, number)

    def question(q: d.Question) -> d.Question:
        return replace(q, paragraph=new(q.paragraph))

    def prompt(p: d.Prompt) -> d.Prompt:
        return replace(p, cites=tuple(replace(c, paragraph=new(c.paragraph)) for c in p.cites))

    if not new_ids:
        return checklist
    return replace(
        checklist,
        serves=new(checklist.serves),
        scope=tuple(map(question, checklist.scope)),
        items=tuple(map(question, checklist.items)),
        prompts=tuple(map(prompt, checklist.prompts)),
    )
