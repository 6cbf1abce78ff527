"""Definitions that cannot be wrong quietly: every malformed definition → one exact error."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from calculators import ChecklistError, checklist_ids, load_checklist
from calculators.model import (
    KEYS,
    _load,
    check_offered,
    follow_renumbering,
    load_as_written,
    parse_checklist,
    read_renumbering,
    renumbering,
)
from calculators.paragraph_ids import PARAGRAPH

FIXTURE = Path(__file__).parent / "fixtures" / "guidance-as-received.md"

GOOD = {
    "id": "t",
    "title": "T",
    "purpose": "p",
    "serves": "2.9",
    "stage": 1,
    "answers": {
        "labels": {"yes": "Yes", "no": "No", "unknown": "Not known"},
        "not_known": "unknown",
        "to_find_out": ["unknown"],
    },
    "shared": ["adult"],
    "scope": [{"id": "partner", "text": "A partner?", "paragraph": "2.14", "why": "2.14"}],
    "items": [
        {"id": "a", "text": "A?", "paragraph": "2.9", "group": "g"},
        {"id": "b", "text": "What is B?", "paragraph": "2.9", "kind": "words"},
        {"id": "c", "text": "C", "paragraph": "2.9", "kind": "note", "required": True},
    ],
    "prompts": [
        {
            "id": "p",
            "lead": "Q two?",
            "when": [{"items": ["a"], "any": ["yes"]}],
            "cite": {"paragraph": "2.10", "quote": "Q one. Q two? Q three"},
            "list": {"items": "g", "values": ["yes"]},
        }
    ],
    "statements": [{"template": "A is {a}."}],
}


def changed(path: str, value: object = None, delete: bool = False) -> dict:
    """GOOD with one value at a dotted path (list indexes as numbers) replaced or deleted."""
    data = copy.deepcopy(GOOD)
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target = data
    for p in parents:
        target = target[p]
    if delete:
        del target[last]
    else:
        target[last] = value
    return data


def unknown_key(table: str) -> str:
    return f"unknown key in a {table} table; expected one of {sorted(KEYS[table])}"


MALFORMED = [
    (changed("requird", True), "f: checklist.requird", unknown_key("checklist")),
    (changed("items.0.requird", True), "f: t.items[a].requird", unknown_key("question")),
    (changed("statments", []), "f: checklist.statments", unknown_key("checklist")),
    (changed("answers.unanswered", "unknown"), "f: t.answers.unanswered", unknown_key("answers")),
    (changed("prompts.0.wen", []), "f: t.prompts[p].wen", unknown_key("prompt")),
    (changed("prompts.0.cite.qoute", "x"), "f: t.prompts[p].cite.qoute", unknown_key("cite")),
    (changed("prompts.0.cites", []), "f: t.prompts[p].cites", unknown_key("prompt")),
    (changed("prompts.0.leads", []), "f: t.prompts[p].leads", unknown_key("prompt")),
    (changed("prompts.0.if_so_lead", "x"), "f: t.prompts[p].if_so_lead", unknown_key("prompt")),
    (changed("out_of_scope", {}), "f: checklist.out_of_scope", unknown_key("checklist")),
    (changed("adult_label", {}), "f: checklist.adult_label", unknown_key("checklist")),
    (changed("shared", ["age"]), "f: t.shared", "unknown shared questions ['age']"),
    (
        changed("scope.0.shared", True),
        "f: t.scope",
        "a shared question is defined in shared.toml",
    ),
    (
        changed("prompts.0.when.0.anny", ["yes"]),
        "f: t.prompts[p].when[0].anny",
        unknown_key("condition"),
    ),
    (changed("prompts.0.list.value", ["yes"]), "f: t.prompts[p].list.value", unknown_key("list")),
    (changed("scope.0.wy", "x"), "f: t.scope[partner].wy", unknown_key("question")),
    (changed("items.0.required", "false"), "f: t.items[a].required", "expected bool, got 'false'"),
    (
        changed("items.0.kind", "text"),
        "f: t.items[a].kind",
        "expected one of ['choice', 'several', 'words', 'both', 'note'], got 'text'",
    ),
    (changed("stage", True), "f: t.stage", "expected int, got True"),
    (changed("title", delete=True), "f: t.title", "missing: expected str"),
    (
        changed("items.0.paragraph", "2.x"),
        "f: t.items[a].paragraph",
        "'2.x' is not a paragraph id (2.9)",
    ),
    (
        changed("prompts.0.cite.paragraph", "7.1-box"),
        "f: t.prompts[p].cite.paragraph",
        "'7.1-box' is not a paragraph id (2.9)",
    ),
    (
        changed("prompts.0.when.0.items", ["a", "zz"]),
        "f: t.prompts[p].when[0].items",
        "unknown items ['zz']",
    ),
    (
        changed("prompts.0.when.0.items", "no-group"),
        "f: t.prompts[p].when[0].items",
        "expected a group name or item ids, got 'no-group'",
    ),
    (
        changed("prompts.0.when.0.any", ["maybe"]),
        "f: t.prompts[p].when[0].any",
        "unknown answer values ['maybe']",
    ),
    (
        changed("prompts.0.when.0.all", ["yes"]),
        "f: t.prompts[p].when[0]",
        "expected exactly one of any / all / none / noted",
    ),
    (
        changed("prompts.0.list.items", ["nope"]),
        "f: t.prompts[p].list.items",
        "unknown items ['nope']",
    ),
    (changed("prompts.0.cite", delete=True), "f: t.prompts[p].cite", "missing: expected dict"),
    (
        changed("statements.0.template", "A is {aa}."),
        "f: t.statements[0].template",
        "unknown placeholders ['aa']",
    ),
    (
        changed("statements.0.each_part", "yes"),
        "f: t.statements[0].each_part",
        "expected bool, got 'yes'",
    ),
    (
        changed("statements.0", {"template": "A is {a}; and more.", "each_part": True}),
        "f: t.statements[0].template",
        'each part ("; " between) names an answer; one "." ends it',
    ),
    (
        changed("answers.not_known", "dunno"),
        "f: t.answers.not_known",
        "['dunno'] not among ['yes', 'no', 'unknown']",
    ),
    (
        changed("answers.to_find_out", ["later"]),
        "f: t.answers.to_find_out",
        "['later'] not among ['yes', 'no', 'unknown']",
    ),
    (
        changed("items.1.options", {"labels": {"x": "X"}}),
        "f: t.items[b].options",
        "a words item is answered in words",
    ),
    (
        changed("items.0.why", "because"),
        "f: t.items[a].why",
        "only a scoping question has this key",
    ),
    (changed("items.1.id", "a"), "f: t.items", "item ids must be unique"),
    (changed("items.0.parent", "c"), "f: t.items[a].parent", "'c' is not an item before it"),
    (
        changed("offered", [{"from": "y", "group": "g", "values": ["yes"]}]),
        "f: t.offered[0].heading",
        "missing: expected str",
    ),
    (changed("prompts.0.pinned", "yes"), "f: t.prompts[p].pinned", "expected bool, got 'yes'"),
    (
        changed("prompts.0.when.0", {"items": ["c"], "noted": "yes"}),
        "f: t.prompts[p].when[0].noted",
        "expected true, got 'yes'",
    ),
    (
        changed("prompts.0.waits_on", "Waits."),
        "f: t.prompts[p].waits_on",
        "only a prompt on another checklist waits on it",
    ),
    (
        changed("prompts.0.when.0", {"checklist": "nope", "items": ["a"], "any": ["yes"]}),
        "f: t.prompts[p].when[0].checklist",
        "unknown checklist 'nope'",
    ),
    (changed("items.2", "not a table"), "f: t.items", "expected a table, got str"),
    (
        changed("items.0.asked_while", [{"items": ["b"], "any": ["yes"]}]),
        "f: t.items[a].asked_while",
        "only a scoping question has this key",
    ),
    (
        changed("scope.0.asked_while", [{"items": ["partner"], "any": ["yes"]}]),
        "f: t.scope[partner].asked_while",
        "a condition on this checklist's other questions only",
    ),
    (
        changed("scope.0.asked_while", [{"items": ["a"], "any": ["maybe"]}]),
        "f: t.scope[partner].asked_while[0].any",
        "unknown answer values ['maybe']",
    ),
    (
        changed("answers.unnoted", {"yes": "not recorded in {title}"}),
        "f: t.answers.unnoted.yes",
        'only "{checklist}" may be named',
    ),
    (
        changed("scope.0.for_adults", True),
        "f: t.scope[partner].for_adults",
        "the 1.7 label says the guidance's words were written for adult perpetrators; the site's "
        "questions are its own, asked whatever the age",
    ),
    (
        changed("scope.0.asked_while", []),
        "f: t.scope[partner].asked_while",
        "expected at least one condition",
    ),
    (
        changed("prompts.0.beside", "nope"),
        "f: t.prompts[p].beside",
        "'nope' is not an item of this checklist",
    ),
    (
        changed("prompts.0.beside", "partner"),
        "f: t.prompts[p].beside",
        "'partner' is not an item of this checklist",
    ),
    (
        changed("prompts.0.beside", "a"),
        "f: t.prompts[p].beside",
        "only a prompt shown whatever the answers (no when, list or pinned) is shown beside an "
        "item",
    ),
    (
        changed("prompts.0.links", [{"target": "section-3", "txt": "3. G"}]),
        "f: t.prompts[p].links[0].txt",
        unknown_key("link"),
    ),
    (
        changed("prompts.0.links", [{"target": "Section 3", "text": "3. G"}]),
        "f: t.prompts[p].links[0].target",
        "'Section 3' is not section-<n> or link:<key>",
    ),
    (
        changed("prompts.0.links", [{"target": "link:act", "text": "Act"}]),
        "f: t.prompts[p].links[0].url",
        "a link: target has its https:// address; a section has none",
    ),
    (
        changed("prompts.0.links", [{"target": "section-3", "text": "3. G", "url": "https://x"}]),
        "f: t.prompts[p].links[0].url",
        "a link: target has its https:// address; a section has none",
    ),
    (
        changed("prompts.0.links", [{"target": "section-3", "text": " "}]),
        "f: t.prompts[p].links[0].text",
        "expected the guidance's words, got nothing",
    ),
]


@pytest.mark.parametrize(
    ("data", "field", "message"), MALFORMED, ids=[m[1] + " " + m[2][:30] for m in MALFORMED]
)
def test_a_malformed_definition_is_refused_naming_file_table_and_key(data, field, message):
    with pytest.raises(ChecklistError) as raised:
        parse_checklist(data, "f")
    assert isinstance(raised.value, ValueError)
    assert raised.value.field == field
    assert raised.value.message == message


LEAD = (
    "is not whole sentences of its paragraph 2.10's quote: a lead is the guidance's own words, "
    "one or more whole sentences or a whole bullet (P13)"
)


@pytest.mark.parametrize(
    "lead", ["Q one", "one. Q two?", "Q two? Q", "Q one.  Q two?", "A summary of ours."]
)
def test_p13_a_lead_that_is_not_whole_sentences_of_its_one_quote_is_refused(lead):
    with pytest.raises(ChecklistError) as raised:
        parse_checklist(changed("prompts.0.lead", lead), "f")
    assert (raised.value.field, raised.value.message) == ("f: t.prompts[p].lead", LEAD)


@pytest.mark.parametrize("lead", ["Q one.", "Q two?", "Q one. Q two?", "Q one. Q two? Q three"])
def test_p13_a_lead_of_whole_sentences_loads_and_the_default_is_the_first(lead):
    assert parse_checklist(changed("prompts.0.lead", lead), "f").prompts[-1].lead == lead
    assert parse_checklist(changed("prompts.0.lead", delete=True), "f").prompts[-1].lead == "Q one."


def test_p13_e_g_does_not_end_a_sentence():
    from calculators.model import whole_sentences

    quote = "Is there a child at risk e.g. the child in the image? Yes."
    assert not whole_sentences("Is there a child at risk e.g.", quote)
    assert whole_sentences("Is there a child at risk e.g. the child in the image?", quote)


def test_the_keys_of_each_table_are_its_fields():
    from calculators import definitions as d
    from calculators.model import keys

    assert keys(d.Prompt) == {
        "id",
        "lead",
        "when",
        "cite",
        "list",
        "pinned",
        "for_adults",
        "waits_on",
        "names_open",
        "beside",
        "links",
        "list_not_answered",
    }
    assert "verbatim" not in keys(d.Question) and "options" in keys(d.Question)


def test_the_good_definition_loads():
    checklist = parse_checklist(GOOD, "f")
    assert [q.kind for q in checklist.items] == ["choice", "words", "note"]
    assert checklist.items[1].answers.labels == {"unknown": "Not known"}
    assert checklist.statements[0].items == ("a",)
    assert [q.id for q in checklist.scope] == ["adult", "partner"]  # the shared question first


def test_an_offered_rule_naming_a_missing_group_or_value_is_refused():
    judgement = load_checklist("reaching-a-judgement")
    others = {i: load_checklist(i) for i in checklist_ids()}
    check_offered(judgement, "f", others)  # the shipped rules are sound
    rule = judgement.offered[0]
    broken = copy.replace(judgement, offered=(copy.replace(rule, group="nope"),))
    with pytest.raises(ChecklistError) as raised:
        check_offered(broken, "f", others)
    assert raised.value.field == "f: reaching-a-judgement.offered[0].group"
    broken = copy.replace(judgement, offered=(copy.replace(rule, values=frozenset({"x"})),))
    with pytest.raises(ChecklistError) as raised:
        check_offered(broken, "f", others)
    assert raised.value.message == "unknown answer values ['x']"
    broken = copy.replace(judgement, offered=(copy.replace(rule, source="nope"),))
    with pytest.raises(ChecklistError, match="unknown checklist 'nope'"):
        check_offered(broken, "f", others)


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_every_shipped_definition_loads_strictly(checklist_id):
    _load.cache_clear()
    assert load_checklist(checklist_id).id == checklist_id


def test_the_id_form_takes_every_paragraph_of_the_guidance_as_received_and_only_ids():
    """Which ids exist is the build's to check (tests/editions/test_citations.py)."""
    text = FIXTURE.read_text(encoding="utf-8")
    ids = re.findall(r"^([1-6]\.\d+) ", text, flags=re.MULTILINE)
    assert len(ids) == 48 and all(PARAGRAPH.match(i) for i in ids)
    assert PARAGRAPH.match("2.24")  # a paragraph a later edition adds can be cited
    assert not any(PARAGRAPH.match(i) for i in ("2", "2.", "2.x", "1.8-box", "02.1", "2.9 "))


def test_a_prompt_beside_an_item_and_its_links_load():
    data = changed("prompts.0.when", delete=True)
    del data["prompts"][0]["list"]
    data["prompts"][0]["beside"] = "a"
    link = {"target": "link:act-s31", "text": "Act", "url": "https://example.org/s31"}
    data["prompts"][0]["links"] = [{"target": "section-3", "text": "3. G"}, link]
    prompt = parse_checklist(data, "f").prompts[-1]
    assert prompt.beside == "a"
    assert [(k.target, k.text, k.url) for k in prompt.links] == [
        ("section-3", "3. G", ""),
        ("link:act-s31", "Act", "https://example.org/s31"),
    ]


def test_a_checklist_cites_the_latest_editions_renumbered_ids_and_its_file_stays_as_written():
    def cited(checklist) -> set[str]:
        items = {q.paragraph for q in checklist.items}
        return {
            checklist.serves,
            *items,
            *(c.paragraph for p in checklist.prompts for c in p.cites),
        }

    follow_renumbering({"6.2": "6.3"})
    try:
        followed = load_checklist("interview-planner-perpetrator")
        written = load_as_written("interview-planner-perpetrator")
    finally:
        follow_renumbering(None)
    assert "6.3" in cited(followed) and "6.2" not in cited(followed)
    assert "6.2" in cited(written) and "6.3" not in cited(written)
    assert load_checklist("interview-planner-perpetrator") == written  # the map let go
    assert renumbering() == {}  # the source tree has no renumbering.toml: the wheel's only


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"renumbered": {"6.2": "6.3"}, "x": 1}, "renumbering.toml: file.x", "unknown key"),
        ({}, "renumbering.toml: file.renumbered", "missing"),
        ({"renumbered": {"6.2": "six"}}, "renumbering.toml: renumbered.6.2", "paragraph ids"),
        ({"renumbered": {"1.8-box": "1.9"}}, "renumbering.toml: renumbered.1.8-box", "paragraph"),
    ],
)
def test_the_wheels_renumbering_file_is_read_strictly(data, field, message):
    assert read_renumbering({"renumbered": {"6.2": "6.3"}}) == {"6.2": "6.3"}
    with pytest.raises(ChecklistError) as raised:
        read_renumbering(data)
    assert raised.value.field == field and message in raised.value.message
