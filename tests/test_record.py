"""The plain-text record: everything the spec asks for, readable when pasted."""

from calculators import evaluate
from calculators.record import DISCLAIMER, record_text


def make(answers, notes=None):
    result = evaluate({"checklist": "early-risk-factors", "answers": answers, "notes": notes or {}})
    return record_text(
        result, "Pan Bedfordshire Guidelines", "Edition 1", "28 November 2026, 10:00"
    )


def test_the_record_carries_title_guidance_edition_time_answers_prompts_and_disclaimer():
    text = make(
        {"adult": "yes", "images-of-own-children": "yes"},
        {"images-of-own-children": "<b>not markup</b>"},
    )
    assert text.startswith("Early risk factors: checklist record\n")
    for expected in [
        "Guidance: Pan Bedfordshire Guidelines",
        "Edition: Edition 1",
        "Made: 28 November 2026, 10:00",
        "3. images of own children (paragraph 2.9): Yes",
        "   Note: <b>not markup</b>",
        "1. previous history (known to Children's Services for abuse or neglect) (paragraph 2.9): "
        "Not known (not answered)",
        "Paragraph 2.10: “If any of these risk factors are present",
        "STILL TO FIND OUT",
    ]:
        assert expected in text
    assert text.endswith(DISCLAIMER + "\n")
    assert DISCLAIMER == (
        "This record supports, and does not replace, professional judgement (paragraphs 1.8, 2.2)."
    )


def test_out_of_scope_says_the_checklist_was_not_run():
    text = make({"adult": "no"})
    assert "not run: the case is outside its scope" in text and "Paragraph 1.7" in text
    assert "STILL TO FIND OUT" not in text


def test_the_record_is_plain_text():
    assert "<" not in make({"adult": "yes"})
