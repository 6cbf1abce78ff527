"""Every checklist's cases (answers → prompts, still to find out, scope), run by one test."""

import json

import pytest

from build_scripts.pyodide_bundle.cases import all_cases, case_id, case_mismatches, evaluate_request
from calculators import checklist_ids, evaluate, load_checklist
from calculators.boundary import handle
from calculators.paragraph_ids import guidance_key

CASES = all_cases()


@pytest.mark.parametrize("pair", CASES, ids=[case_id(c) for c in CASES])
def test_case(pair):
    checklist, case = pair
    response = json.loads(handle(evaluate_request(checklist, case)))
    assert case_mismatches(case, response) == []


@pytest.mark.parametrize("checklist", checklist_ids())
def test_every_prompt_has_a_case_that_shows_it_and_one_that_does_not(checklist):
    definition = load_checklist(checklist)
    shown = [
        set(c["prompts"])
        | set(c.get("if_so", {}))
        | {p for b in c.get("beside", {}).values() for p in b}
        for cid, c in CASES
        if cid == checklist and "prompts" in c
    ]
    prompts = [p.id for p in definition.prompts]
    always = {p.id for p in definition.prompts if not p.when}
    for prompt in prompts:
        assert any(prompt in s for s in shown), f"no case shows {prompt}"
        if prompt not in always:
            assert any(prompt not in s for s in shown), f"every case shows {prompt}"


@pytest.mark.parametrize("checklist", checklist_ids())
def test_every_prompt_always_shown_is_shown_with_nothing_answered(checklist):
    definition = load_checklist(checklist)
    result = evaluate({"checklist": checklist, "answers": {}})
    shown = [p["id"] for s in result["sections"] if s["kind"] != "if-so" for p in s["prompts"]]
    always = [p for p in definition.prompts if not p.when and not p.beside]
    cited = {p.id: p.cite.paragraph for p in always}
    standing = [p.id for p in always if not p.pinned]
    in_order = [p.id for p in always if p.pinned]  # read first, then the guidance's order
    in_order += sorted(standing, key=lambda i: guidance_key(cited[i]))
    assert [i for i in shown if i in in_order] == in_order
    beside = {p["id"]: a["id"] for a in result["answers"] for p in a["beside"]}
    assert beside == {p.id: p.beside for p in definition.prompts if p.beside}
