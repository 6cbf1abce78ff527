"""Every checklist's cases (answers → prompts, still to find out, scope), run by one test."""

import pytest

from build_scripts.pyodide_bundle.cases import all_cases, case_id
from calculators import ChecklistError, checklist_ids, evaluate, load_checklist

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
    shown = [set(c["prompts"]) for cid, c in CASES if cid == checklist and "prompts" in c]
    prompts = [p.id for p in definition.prompts]
    if definition.out_of_scope:
        prompts.append(definition.out_of_scope.id)
    for prompt in prompts:
        assert any(prompt in s for s in shown), f"no case shows {prompt}"
        assert any(prompt not in s for s in shown), f"every case shows {prompt}"
