"""Every checklist's cases (answers → prompts, still to find out, scope), run by one test."""

import pytest

from calculators import ChecklistError, checklist_ids, evaluate, load_checklist
from tests.checklist_cases import all_cases, case_id

CASES = all_cases()


@pytest.mark.parametrize("pair", CASES, ids=[case_id(c) for c in CASES])
def test_case(pair):
    checklist, case = pair
    payload = {"checklist": checklist, "answers": case["answers"], "notes": case.get("notes", {})}
    if "error" in case:
        with pytest.raises(ChecklistError) as raised:
            evaluate(payload)
        assert raised.value.field == case["error"]
        return
    result = evaluate(payload)
    assert [p["id"] for p in result["prompts"]] == case["prompts"]
    assert result["in_scope"] == case.get("in_scope", True)
    if "to_find_out" in case:
        assert [u["id"] for u in result["to_find_out"]["items"]] == case["to_find_out"]
    if "if_so" in case:  # what would follow if the unknowns are so, and on which items
        assert {p["id"]: [i["id"] for i in p["depends_on"]] for p in result["if_so"]} == case[
            "if_so"
        ]
    if "leads" in case:  # the lead of a prompt shown, where a case is about its wording
        leads = {p["id"]: p["lead"] for p in [*result["prompts"], *result["if_so"]]}
        assert {k: leads.get(k) for k in case["leads"]} == case["leads"]
    if "groups" in case:  # pinned / follows / standing, in the order shown
        assert [p["group"] for p in result["prompts"]] == case["groups"]
    if "adult_flagged" in case:  # the items and prompts labelled as written for adults (1.7)
        flagged = [a["id"] for a in result["answers"] if a["adult_flag"]]
        flagged += [p["id"] for p in [*result["prompts"], *result["if_so"]] if p["adult_flag"]]
        assert flagged == case["adult_flagged"]
    if "status" in case:  # answered / not-known / not-answered, for the items named
        status = {a["id"]: a["status"] for a in result["answers"]}
        assert {k: status[k] for k in case["status"]} == case["status"]
    if "missing" in case:
        assert [m["id"] for m in result["missing"]] == case["missing"]
    if "listed" in case:  # the items a listing prompt names
        shown = {p["id"]: [i["id"] for i in p["items"]] for p in result["prompts"] if p["items"]}
        assert shown == case["listed"]
    if "statements" in case:
        assert result["statements"] == case["statements"]


@pytest.mark.parametrize("checklist", checklist_ids())
def test_every_prompt_has_a_case_that_shows_it_and_one_that_does_not(checklist):
    definition = load_checklist(checklist)
    shown = [
        set(c["prompts"]) | set(c.get("if_so", {}))
        for cid, c in CASES
        if cid == checklist and "prompts" in c
    ]
    prompts = [p.id for p in definition.prompts]
    if definition.out_of_scope:
        prompts.append(definition.out_of_scope.id)
    always = {p.id for p in definition.prompts if not p.when}
    for prompt in prompts:
        assert any(prompt in s for s in shown), f"no case shows {prompt}"
        if prompt not in always:
            assert any(prompt not in s for s in shown), f"every case shows {prompt}"


@pytest.mark.parametrize("checklist", checklist_ids())
def test_every_prompt_always_shown_is_shown_with_nothing_answered(checklist):
    definition = load_checklist(checklist)
    shown = [p["id"] for p in evaluate({"checklist": checklist, "answers": {}})["prompts"]]
    always = [p.id for p in definition.prompts if not p.when]
    assert [i for i in shown if i in always] == always
