"""The evaluator's strictness: every error path names the field and what was expected."""

import pytest

from calculators import ChecklistError, checklist_ids, evaluate

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
    assert all(not a["label"] for a in result["answers"])
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
        "answered",
        "adult",
        "answers",
        "sections",
        "to_find_out",
        "missing",
        "statements",
        "scope_not_answered",
        "carried",
        "offered",
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


TAB = {"checklist": "early-risk-factors", "answers": {"images-of-own-children": "yes"}}


def sections(result):
    return {s["kind"]: [p["id"] for p in s["prompts"]] for s in result["sections"]}


def test_c3_5_2_9_factors_answered_in_the_tab_bring_2_10_and_2_11_into_the_strategy_meeting():
    alone = evaluate({"checklist": "strategy-discussion", "answers": {}})
    waiting = [p for s in alone["sections"] for p in s["prompts"] if p["paragraph"] == "2.10"]
    assert waiting and waiting[0]["waits_on"].startswith("Waits on the 2.9 factors")
    assert waiting[0]["link"] == "early-risk-factors"
    carried = evaluate({"checklist": "strategy-discussion", "answers": {}}, [TAB])
    follows = [p for s in carried["sections"] if s["kind"] == "follows" for p in s["prompts"]]
    assert {"2.10", "2.11"} <= {p["paragraph"] for p in follows}
    line = next(p["from_answers"] for p in follows if p["paragraph"] == "2.10")
    assert line == "From your answers in Early risk factors: “images of own children” (Yes)."


@pytest.mark.parametrize(
    ("tab", "message"),
    [
        ("x", "expected a list of payloads, got str"),
        ([TAB, TAB], "has checklist 'early-risk-factors' more than once"),
        ([{"checklist": "strategy-discussion", "answers": {}}], "more than once"),
    ],
)
def test_a_bad_tab_is_refused(tab, message):
    with pytest.raises(ChecklistError) as raised:
        evaluate({"checklist": "strategy-discussion", "answers": {}}, tab)
    assert raised.value.field == "tab" and message in raised.value.message


def test_c3_6_the_judgement_carries_every_other_checklist_used_or_not_by_source():
    result = evaluate({"checklist": "reaching-a-judgement", "answers": {}}, [TAB])
    carried = {c["checklist"]: c for c in result["carried"]}
    assert set(carried) == set(checklist_ids()) - {"reaching-a-judgement"}
    assert carried["early-risk-factors"]["used"] is True
    assert "previous-history" in [i["id"] for i in carried["early-risk-factors"]["items"]]
    assert "images-of-own-children" not in [i["id"] for i in carried["early-risk-factors"]["items"]]
    assert carried["strategy-discussion"] == {
        "checklist": "strategy-discussion",
        "title": "Strategy discussion",
        "used": False,
        "summary": "Strategy discussion: not used in this tab.",
        "items": [],
        "site_open": [],
    }
    # the site's questions left open, apart from the guidance's items (P7)
    assert [q["id"] for q in carried["early-risk-factors"]["site_open"]] == ["adult", "contact"]
    plan = [{"checklist": "interview-planner-perpetrator", "answers": {}}]
    planner = evaluate({"checklist": "reaching-a-judgement", "answers": {}}, plan)["carried"]
    summary = next(c["summary"] for c in planner if c["used"])
    assert summary.endswith(": used; no question was chosen for the plan.")


def test_a_prompt_beside_an_item_is_in_that_items_answer_not_in_the_sections():
    """2.5 beside 2.18's first point (spec part 3), whatever the answers, once."""
    for answers in ({}, {"nature-of-images": "outstanding"}):
        result = evaluate({"checklist": "core-assessment-information", "answers": answers})
        beside = {a["id"]: [p["id"] for p in a["beside"]] for a in result["answers"]}
        assert {k: v for k, v in beside.items() if v} == {"nature-of-images": ["image-categories"]}
        assert "image-categories" not in [p for ids in sections(result).values() for p in ids]


def test_a_prompts_links_are_in_the_result_whether_it_follows_or_would_if_so():
    for answers in ({"partner": "yes"}, {"partner": "unknown"}):
        result = evaluate({"checklist": "strategy-discussion", "answers": answers})
        [prompt] = [p for s in result["sections"] for p in s["prompts"] if p["paragraph"] == "3.4"]
        assert [link["target"] for link in prompt["links"]] == ["section-3"]
