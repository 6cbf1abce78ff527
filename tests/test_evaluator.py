"""The evaluator's strictness: every error path names the field and what was expected."""

import pytest

from calculators import ChecklistError, checklist_ids, evaluate, load_checklist

OK = {"checklist": "early-risk-factors", "answers": {}}


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ("not an object", "payload", "expected an object, got str"),
        ([], "payload", "expected an object, got list"),
        ({**OK, "score": 3}, "payload", "unknown fields ['score']"),
        ({"answers": {}}, "checklist", "unknown checklist None"),
        (
            {**OK, "checklist": "no-such"},
            "checklist",
            "unknown checklist 'no-such'; expected one of",
        ),
        ({**OK, "checklist": 7}, "checklist", "unknown checklist 7"),
        ({"checklist": "early-risk-factors"}, "answers", "missing: expected an object"),
        ({**OK, "answers": ["yes"]}, "answers", "expected an object of item id → value, got list"),
        ({**OK, "answers": None}, "answers", "got NoneType"),
        ({**OK, "answers": {"no-such-item": "yes"}}, "answers.no-such-item", "unknown item"),
        ({**OK, "answers": {"adult": True}}, "answers.adult", "expected a string, got bool"),
        (
            {**OK, "answers": {"adult": "Yes"}},
            "answers.adult",
            "unknown answer 'Yes'; expected one of",
        ),
        ({**OK, "answers": {"adult": None}}, "answers.adult", "expected a string, got NoneType"),
        ({**OK, "notes": "x"}, "notes", "expected an object"),
        ({**OK, "notes": {"nope": "x"}}, "notes.nope", "unknown item"),
        ({**OK, "notes": {"adult": 5}}, "notes.adult", "expected a string, got int"),
        ({**OK, "notes": {"adult": "x" * 4001}}, "notes.adult", "longer than 4000 characters"),
    ],
)
def test_bad_payloads_raise_one_error_type_naming_the_field(payload, field, message):
    with pytest.raises(ChecklistError) as raised:
        evaluate(payload)
    assert isinstance(raised.value, ValueError)
    assert raised.value.field == field
    assert message in raised.value.message


def test_unanswered_is_not_answered_never_not_known_nor_no():
    result = evaluate(OK)
    assert {a["answer"] for a in result["answers"]} == {""}
    assert {a["status"] for a in result["answers"]} == {"not-answered"}
    assert all(not a["given"] and not a["label"] for a in result["answers"])
    known = evaluate({**OK, "answers": {"previous-history": "unknown"}})["answers"]
    assert next(a for a in known if a["id"] == "previous-history")["status"] == "not-known"


def test_notes_are_returned_as_given_data_never_interpreted():
    note = "<img src=x onerror=alert(1)>"
    result = evaluate({**OK, "notes": {"images-of-own-children": note}})
    assert next(a for a in result["answers"] if a["id"] == "images-of-own-children")["note"] == note


def test_no_result_carries_a_score_or_verdict():
    result = evaluate({**OK, "answers": {"images-of-own-children": "yes"}})
    assert set(result) == {
        "checklist",
        "title",
        "stage",
        "in_scope",
        "answered",
        "answers",
        "prompts",
        "to_find_out",
        "missing",
        "statements",
        "if_so",
        "scope_not_answered",
        "adult_flag",
    }
    assert not {"score", "risk", "level", "verdict", "safe"} & set(result)


def test_a_note_item_is_answered_in_words_only():
    from calculators.model import parse_checklist

    definition = {
        "id": "t",
        "title": "T",
        "purpose": "p",
        "serves": "2.23",
        "stage": 3,
        "answers": {"labels": {"a": "A"}},
        "items": [
            {"id": "impact", "text": "x", "paragraph": "2.23", "kind": "note", "required": True}
        ],
    }
    checklist = parse_checklist(definition, "t.checklist.toml")
    assert checklist.items[0].answers.labels == {}


LEADS = [
    (checklist_id, prompt.id, lead)
    for checklist_id in checklist_ids()
    for prompt in load_checklist(checklist_id).prompts
    for lead in (prompt.lead, prompt.if_so_lead, *(x.lead for x in prompt.leads))
    if lead
]


@pytest.mark.parametrize(("checklist_id", "prompt_id", "lead"), LEADS)
def test_every_lead_a_practitioner_reads_is_a_plain_sentence(checklist_id, prompt_id, lead):
    """Issue 17 item 3: a lead ends as a sentence (never "They are what:"), starts with a
    capital or a paragraph number, and has no dangling colon."""
    assert lead[0].isupper() or lead[0].isdigit(), lead
    assert lead.endswith((".", "?")), f"{checklist_id} {prompt_id}: {lead!r}"
    assert not lead.rstrip(".").endswith(":"), lead
