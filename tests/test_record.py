"""The plain-text record (P10): every item with its answer, notes after their answer, quotes
marked, the site's words marked and explained once; the assessment record states each fact once."""

import json

from calculators import evaluate
from calculators.boundary import handle
from calculators.record import CLOSING, LEGEND, SITE, record_text

HEADING = ("Pan Bedfordshire Guidelines", "Edition 1", "28 November 2026, 10:00")


def make(answers, notes=None, checklist="early-risk-factors", tab=()):
    payload = {"checklist": checklist, "answers": answers, "notes": notes or {}}
    return record_text(evaluate(payload, list(tab)), *HEADING)


def test_the_record_carries_title_guidance_edition_time_answers_prompts_and_closing_lines():
    text = make(
        {"adult": "yes", "images-of-own-children": "yes"},
        {"images-of-own-children": "<b>not markup</b>\nsecond line"},
    )
    assert text.startswith("Early risk factors: checklist record\n")
    for expected in [
        "Guidance: Pan Bedfordshire Guidelines",
        "Edition: Edition 1",
        "Made: 28 November 2026, 10:00",
        "3. images of own children (2.9)\n   Answer: Yes\n   Note: <b>not markup</b>\n"
        "         second line\n",
        "1. previous history (known to Children's Services for abuse or neglect) (2.9)\n"
        "   Answer: Not answered\n",
        "  > If any of these risk factors are present",
        "STILL TO FIND OUT",
    ]:
        assert expected in text, expected
    assert text.count(LEGEND) == 1
    assert text.endswith("\n".join(CLOSING) + "\n")


def test_c3_17_the_sites_sentence_is_followed_by_1_8_and_2_2_quoted_not_cited():
    text = make({"adult": "yes"})
    assert "(paragraphs 1.8, 2.2)" not in text
    assert f"{SITE} This record supports, and does not replace, professional judgement.\n" in text
    assert "1.8:\n  > the practitioner must use all tools in the assessment framework" in text
    assert "2.2:\n  > to be considered in consultation with your line-manager" in text


def test_p8_under_18_quotes_1_7_once_labels_adult_prompts_and_goes_on():
    text = make({"adult": "no"})
    assert text.count("Specialist advice should be sought regarding these circumstances.") == 2
    first = text.split("READ FIRST\n", 1)[1]
    assert first.startswith("Paragraph 1.7\n  > Its prime focus is on adult perpetrators.")
    assert first.index("Paragraph 1.7") < first.index("Paragraph 2.12")
    assert f"{SITE} written for adult perpetrators: see 1.7" in text


def test_p8_age_not_answered_gives_the_one_line():
    text = make({})
    assert text.count("If the person is under 18, or the age is not known, 1.7 applies.") == 2
    assert (
        "Specialist advice should be sought regarding these circumstances."
        not in text.split("ANSWERS", 1)[0]
    )


def test_c3_15_a_note_is_printed_after_its_answer_never_glued_to_the_item():
    text = make(
        {"adult": "yes", "source-of-images": "partly"},
        {"source-of-images": "Awaited from the Police"},
        checklist="core-assessment-information",
    )
    assert ".: Awaited" not in text and "?: Awaited" not in text
    assert "   Answer: Partly obtained\n   Note: Awaited from the Police\n" in text


def test_c3_15_quotes_are_indented_and_marked_as_quotes():
    text = make({"adult": "yes"}, checklist="interview-planner-children")
    quoted = [line for line in text.splitlines() if line.startswith("  > ")]
    assert quoted and all(not line.startswith("- ") for line in quoted)


def test_c3_7_every_item_is_in_the_record_answered_or_not():
    result = evaluate({"checklist": "core-assessment-information", "answers": {"adult": "yes"}})
    text = record_text(result, *HEADING)
    assert "not chosen" not in text
    for answer in result["answers"]:
        assert answer["text"] in text, answer["id"]
    judgement = make({"adult": "yes"}, checklist="reaching-a-judgement")
    assert "not chosen" not in judgement and "MISSING" in judgement


def test_p10_the_6_2_menu_prints_the_questions_chosen_and_says_how_many_were_not():
    text = make(
        {"adult": "yes", "hours-online": ["asked", "cross-check"]},
        checklist="interview-planner-perpetrator",
    )
    assert "   Answer: Asked; Cross-check with the partner\n" in text
    assert "What nicknames are used" not in text
    assert f"{SITE} 32 of 33 questions were not chosen for this plan." in text


def test_each_quoted_paragraph_is_printed_whole_once():
    text = make({"adult": "yes", "images-of-own-children": "yes"})
    for number in ("2.10", "2.12", "2.2"):
        assert text.count(f"Paragraph {number}\n") == 1, number


def test_a_several_answer_is_recorded_as_its_labels():
    text = make({"adult": "yes", "contact": ["regular", "other"]})
    assert "   Answer: Regular contact; Other contact, not known to be regular\n" in text


def test_the_record_is_plain_text():
    assert "<" not in make({"adult": "yes"})


def assessment(payloads, shared):
    request = {"op": "assessment_record", "payloads": payloads, "shared": shared}
    meta = dict(zip(("guidance", "edition", "made_at"), HEADING, strict=True))
    response = json.loads(handle(json.dumps({**request, **meta})))
    assert response["ok"], response
    return response["record"]


def test_c3_4_the_assessment_record_states_each_shared_answer_title_and_closing_once():
    payloads = [
        {"checklist": c, "answers": {}}
        for c in ("strategy-discussion", "early-risk-factors", "core-assessment-information")
    ]
    text = assessment(payloads, {"adult": "yes", "contact": ["regular"]})
    assert text.count(f"- {SITE} Is the person alleged to have viewed the images aged 18") == 1
    assert text.count(f"- {SITE} Does the alleged perpetrator live with, or have contact") == 1
    assert text.count("One answer for every checklist") == 0
    assert text.count("Guidance: ") == 1 and text.count("Edition: ") == 1
    assert text.count(LEGEND) == 1 and text.count(CLOSING[0]) == 1
    assert text.index("Strategy discussion".upper()) < text.index("EARLY RISK FACTORS")


def test_c3_4_a_paragraph_quoted_in_one_checklist_is_not_quoted_again_in_the_next():
    payloads = [
        {"checklist": c, "answers": {}} for c in ("strategy-discussion", "early-risk-factors")
    ]
    text = assessment(payloads, {"adult": "yes"})
    assert text.count("  > People who look at these images") == 1
    assert f"{SITE} Quoted above (Strategy discussion)." in text
