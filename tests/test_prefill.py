"""Pre-fill: the judgement's factor lists start from other checklists of the tab."""

import pytest

from calculators import ChecklistError, checklist_ids, load_checklist
from calculators.prefill import prefill

JUDGEMENT = "reaching-a-judgement"


def test_every_prefill_rule_names_a_real_checklist_group_and_answers():
    for checklist_id in checklist_ids():
        for rule in load_checklist(checklist_id).prefills:
            source = load_checklist(rule.source)
            group = [q for q in source.items if q.group == rule.group]
            assert group, f"{checklist_id}: {rule.source} has no group {rule.group!r}"
            assert rule.values <= set(group[0].answers.labels), rule


def test_increase_and_decrease_lists_from_risk_factors_concerns_and_parenting():
    texts = prefill(
        JUDGEMENT,
        [
            {
                "checklist": "early-risk-factors",
                "answers": {"images-of-own-children": "yes", "criminal-lifestyle": "no"},
            },
            {"checklist": "protective-carer-concerns", "answers": {"domestic-abuse": "yes"}},
            {
                "checklist": "protective-parenting",
                "answers": {"self-esteem": "evident", "attachment": "not-evident"},
            },
        ],
    )
    assert "images of own children (Early risk factors, paragraph 2.9: Yes)" in texts["increase"]
    assert "known criminal lifestyle" not in texts["increase"]
    assert "History of domestic abuse" in texts["increase"]
    assert "Has good self-esteem." in texts["decrease"]
    assert "Can provide appropriate attachment." in texts["increase"]


def test_nothing_answered_elsewhere_prefills_nothing():
    assert prefill(JUDGEMENT, []) == {"increase": "", "decrease": ""}


@pytest.mark.parametrize("payloads", ["x", [{"checklist": "nope", "answers": {}}], [5]])
def test_bad_payloads_are_refused(payloads):
    with pytest.raises(ChecklistError):
        prefill(JUDGEMENT, payloads)
