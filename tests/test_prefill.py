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


def test_other_answers_offered_beside_the_lists_by_source_and_answer_never_in_them():
    """Issue 17: 2.9, 3.7 and 3.10 answers offered under the guidance's own names and by the
    answer given (never sorted into increase / decrease); the unknowns carried into 2.23 a."""
    texts = prefill(
        JUDGEMENT,
        [
            {
                "checklist": "early-risk-factors",
                "answers": {"images-of-own-children": "yes", "criminal-lifestyle": "unknown"},
            },
            {"checklist": "protective-carer-concerns", "answers": {"domestic-abuse": "yes"}},
            {
                "checklist": "protective-parenting",
                "answers": {"self-esteem": "evident", "attachment": "not-evident"},
            },
        ],
    )
    assert set(texts) == {"offered"}  # nothing pre-fills the two lists
    offered = texts["offered"].split("\n\n")
    assert offered == [
        "2.9: Some key factors may determine the risk of significant harm at an early stage, "
        "answered Yes:\n- images of own children",
        "2.9: Some key factors may determine the risk of significant harm at an early stage, "
        "answered Not known:\n- known criminal lifestyle",
        "3.7: Factors that would be of concern would include, answered Yes:\n"
        "- History of domestic abuse",
        "3.10: Key qualities of a “good enough” protective parenting, answered Evident:\n"
        "- Has good self-esteem.",
        "3.10: Key qualities of a “good enough” protective parenting, answered Not evident:\n"
        "- Can provide appropriate attachment. Is emotionally warm, available and able to "
        "understand the children\u2019s inner worlds and put the needs of their children before "
        "their own.",
    ]
    assert "previous history" not in texts["offered"]  # Not answered is carried, not offered


def test_nothing_answered_elsewhere_prefills_nothing():
    assert prefill(JUDGEMENT, []) == {"offered": ""}


@pytest.mark.parametrize("payloads", ["x", [{"checklist": "nope", "answers": {}}], [5]])
def test_bad_payloads_are_refused(payloads):
    with pytest.raises(ChecklistError):
        prefill(JUDGEMENT, payloads)
