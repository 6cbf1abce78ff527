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
        "Not answered",
        "Paragraph 2.10: “If any of these risk factors are present",
        "STILL TO FIND OUT",
    ]:
        assert expected in text
    assert "Not known (not answered)" not in text  # Not answered is not Not known (principle 3)
    assert text.endswith(DISCLAIMER + "\n")
    assert DISCLAIMER == (
        "This record supports, and does not replace, professional judgement (paragraphs 1.8, 2.2)."
    )


def test_under_18_shows_1_7_first_labels_adult_prompts_and_goes_on():
    text = make({"adult": "no"})
    assert "not run" not in text and "outside its scope" not in text
    assert "\n1.7: specialist advice should be sought.\n" in text
    says = text.split("WHAT THE GUIDANCE SAYS FOR THESE ANSWERS\n", 1)[1]
    assert says.startswith("- The person may be under 18.")
    assert says.index("Paragraph 1.7: “Its prime focus is on adult perpetrators.") < says.index(
        "Paragraph 2.12: “"
    )
    assert "Written for adult perpetrators: see 1.7." in says
    assert "STILL TO FIND OUT" in text and "Not answered" in text


def planner_record(answers):
    result = evaluate({"checklist": "interview-planner-perpetrator", "answers": answers})
    return record_text(result, "Pan Bedfordshire Guidelines", "Edition 1", "28 November 2026")


def test_the_perpetrator_planner_records_both_marks_on_one_question_and_not_answered():
    text = planner_record({"adult": "yes", "hours-online": ["asked", "cross-check"]})
    assert "(paragraph 6.2): Asked; Cross-check with the partner\n" in text
    assert "What nicknames are used and what do they mean to the person? (paragraph 6.2): " in text
    assert "mean to the person? (paragraph 6.2): Not answered\n" in text
    assert "not chosen: not in this record" not in text  # version 1 left unmarked questions out
    assert "Paragraph 6.1: “It is important to consider who is the most appropriate person" in text
    assert "any proceedings.”" in text  # 6.1 whole
    assert "Paragraph 2.15: “Where possible an interview should be conducted" in text


def test_the_perpetrator_planner_under_18_goes_on_with_1_7_first():
    text = planner_record({"adult": "no", "hours-online": ["to-ask"]})
    assert "not run" not in text and "\n1.7: specialist advice should be sought.\n" in text
    says = text.split("WHAT THE GUIDANCE SAYS FOR THESE ANSWERS\n", 1)[1]
    assert says.startswith("- The person may be under 18.")
    assert "- These are the questions to ask.\n  Written for adult perpetrators: see 1.7." in says


def test_what_would_follow_if_so_is_printed_with_what_it_depends_on():
    text = make({"adult": "yes"})
    if_so = text.split("WHAT WOULD FOLLOW IF SO", 1)[1].split("\n\n", 1)[0]
    assert "If any of them is present, 2.10 and 2.11 apply." in if_so
    assert "  * images of own children (paragraph 2.9)" in if_so
    assert "Paragraph 2.10: “If any of these risk factors are present" in if_so
    assert "Paragraph 2.11: “In some circumstances" in if_so


def test_each_quoted_paragraph_is_printed_whole_once():
    text = make({"adult": "yes", "images-of-own-children": "yes"})
    for number in ("2.10", "2.12", "2.2"):
        assert text.count(f"Paragraph {number}: “") == 1, number


def test_the_site_s_questions_not_yet_answered_are_listed_as_such():
    text = make({"adult": "yes"})
    tail = text.split("THE SITE'S QUESTIONS NOT YET ANSWERED\n", 1)[1]
    assert tail.startswith("- Does the alleged perpetrator live with, or have contact with")
    assert "aged 18 or over" not in tail
    still = text.split("STILL TO FIND OUT\n", 1)[1].split("\n\n", 1)[0]
    assert "live with, or have contact with" not in still


def test_a_several_answer_is_recorded_as_its_labels():
    text = make({"adult": "yes", "contact": ["regular", "other"]})
    assert "(paragraph 2.16): Regular contact; Other contact, not known to be regular" in text


def test_the_record_is_plain_text():
    assert "<" not in make({"adult": "yes"})
