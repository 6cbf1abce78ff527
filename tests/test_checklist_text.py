"""Drift: every item text and every quote of every checklist is the guidance's own words, found
verbatim in the paragraph it cites as the site publishes it."""

import pytest

from calculators import checklist_ids, load_checklist
from tests.support.guidance_text import paragraphs


def quotations(checklist_id):
    checklist = load_checklist(checklist_id)
    for item in checklist.items:
        yield f"item {item.id}", item.paragraph, item.text
    prompts = [*checklist.prompts, *([checklist.out_of_scope] if checklist.out_of_scope else [])]
    for prompt in prompts:
        for cite in prompt.cites:
            yield f"prompt {prompt.id}", cite.paragraph, cite.quote


def test_the_guidance_text_is_found():
    assert len(paragraphs()) == 48 and paragraphs()["2.9"].startswith("2.9 Some key factors")


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_every_item_and_quote_is_verbatim_in_its_paragraph(checklist_id):
    text = paragraphs()
    drifted = [
        f"{where} cites {number}: {quote[:60]}"
        for where, number, quote in quotations(checklist_id)
        if number not in text or quote not in text[number]
    ]
    assert drifted == []


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_scoping_questions_cite_a_real_paragraph(checklist_id):
    assert all(q.paragraph in paragraphs() for q in load_checklist(checklist_id).scope)
