"""The plain-text record (P10): every item with its answer, notes after their answer, quotes
marked, the site's words marked and explained once; the assessment record states each fact once."""

import json
import re

import pytest

from calculators import ChecklistError, evaluate, load_checklist
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
    assert first.startswith(
        "Paragraph 1.7\n  [site] From your answers: “Is the person alleged to have viewed the "
        "images aged 18 or over?” (No).\n  > Its prime focus is on adult perpetrators."
    )
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
    awaited = "   Information; awaited from: Awaited from the Police\n"
    assert f"   Answer: Partly obtained\n{awaited}" in text


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
    assert "   Answer: Asked\n   Cross-check with the partner: Marked\n" in text
    assert "What nicknames are used" not in text
    assert f"{SITE} 32 of 33 questions were not chosen for this plan." in text


def test_p10_a_chosen_6_2_question_prints_its_cross_check_mark_ticked_or_not():
    """Section 7: two independent marks, status and "cross-check with the partner": for a
    question chosen, the mark is printed whether ticked or not, so a manager sees it was not."""
    text = make(
        {"adult": "yes", "hours-online": ["to-ask", "cross-check"], "disruption": ["asked"]},
        checklist="interview-planner-perpetrator",
    )
    assert (
        "social relationship? (6.2)\n   Answer: Asked\n"
        "   Cross-check with the partner: Not marked\n" in text
    )
    assert "   Answer: To ask\n   Cross-check with the partner: Marked\n" in text


def test_p10_a_6_2_question_marked_cross_check_with_no_status_is_printed_never_vanishes():
    """Chosen is a status given (To ask or Asked, P10): a question marked cross-check, or given a
    note, with no status is not chosen, so it is counted as not chosen; but what was given is
    printed, its status Not answered, and it is listed as still to find out (P3)."""
    text = make(
        {"adult": "yes", "nicknames": ["cross-check"], "disruption": ["asked"]},
        {"storage": "Ask how the drive is organised"},
        checklist="interview-planner-perpetrator",
    )
    assert (
        "10. What nicknames are used and what do they mean to the person? (6.2)\n"
        "   Answer: Not answered\n   Cross-check with the partner: Marked\n" in text
    )
    assert "   Answer: Not answered\n   Cross-check with the partner: Not marked\n" in text
    assert "   Note: Ask how the drive is organised\n" in text
    assert (
        f"{SITE} 32 of 33 questions were not chosen for this plan; 2 of them are printed above, "
        "with a mark or a note but no status, or a question chosen under them.\n" in text
    )
    still = text.split("STILL TO FIND OUT\n", 1)[1].split("\n\n", 1)[0]
    assert (
        "What nicknames are used and what do they mean to the person? (6.2): Not answered; "
        "Cross-check with the partner" in still
    )
    assert "level of general disruption" not in still  # asked: not to find out


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
    response = json.loads(handle(json.dumps({**request, **meta, "edition_effective": ""})))
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
    # naming where: the checklist and its section (a reader could not tell two quotes of 2.6)
    assert f"{SITE} Quoted above (Strategy discussion, under “Read first”)." in text


# What an independent reading of three whole assessments found (issue 22), each now a test.


def test_the_judgements_missing_fields_are_told_apart_and_never_among_what_is_to_find_out():
    text = make({"adult": "yes"}, checklist="reaching-a-judgement")
    missing = text.split("MISSING: THE RECORD IS NOT COMPLETE WITHOUT THESE\n", 1)[1]
    missing = missing.split("\n\n", 1)[0]
    # the two lists are told apart by their headings, each on a line of its own (never glued)
    assert "- [site] Factors that increase the probability of harm\n  What are the" in missing
    assert "- [site] Factors that decrease the probability of harm\n  What are the" in missing
    missing = missing.splitlines()
    assert any(line.startswith("- What are the harm consequences") for line in missing)
    still = text.split("STILL TO FIND OUT\n", 1)[1].split("\n\n", 1)[0]
    assert "harm consequences" not in still and "The severity" in still  # optional ones listed


def test_the_guidance_always_shown_is_never_said_to_apply_to_the_case():
    text = make(
        {"adult": "yes", "previous-sexual-offending": "yes"}, checklist="protective-carer-concerns"
    )
    assert "ALWAYS APPLIES" not in text and "ALWAYS SHOWN, WHATEVER THE ANSWERS" in text


def test_the_sites_questions_not_known_are_listed_as_open():
    text = make({"adult": "unknown", "contact": ["unknown"]})
    tail = text.split("THE SITE'S QUESTIONS NOT ANSWERED OR NOT KNOWN\n", 1)[1]
    line = "- [site] Is the person alleged to have viewed the images aged 18 or over?: Not known"
    assert line in tail.split("\n\n")[0]


def test_not_applicable_without_a_reason_stays_outstanding_with_one_it_does_not():
    bare = make({"adult": "yes", "children-presentation": "not-applicable"},
                checklist="core-assessment-information")  # fmt: skip
    assert "Not applicable (no reason recorded)" in bare.split("OUTSTANDING", 1)[1]
    reason = make(
        {"adult": "yes", "children-presentation": "not-applicable"},
        {"children-presentation": "No children live in the household."},
        checklist="core-assessment-information",
    )
    assert "children of the household" not in reason.split("OUTSTANDING", 1)[1]


def test_a_planned_question_not_yet_asked_is_carried_into_2_23_a_as_open():
    tab = [{"checklist": "interview-planner-perpetrator", "answers": {"hours-online": ["to-ask"]}}]
    text = make({"adult": "yes"}, checklist="reaching-a-judgement", tab=tab)
    carried = text.split("FROM THE OTHER CHECKLISTS OF THIS TAB (2.23 a)\n", 1)[1]
    assert (
        "alleged perpetrator and partner: used; still to find out:\n- What is the number" in carried
    )
    assert "Nothing follows" not in text


def test_an_editorial_note_is_printed_once_with_its_quote():
    payloads = [
        {"checklist": c, "answers": {}} for c in ("strategy-discussion", "early-risk-factors")
    ]
    text = assessment(payloads, {"adult": "yes"})
    assert text.count("“Turnell & Essex” (no address given)") == 1


# What a second independent reading found (issue 22), each now a test.


def test_2_16_names_only_the_answer_that_brought_it_and_says_which_would():
    text = make({"adult": "yes", "contact": ["regular", "other"]}, checklist="strategy-discussion")
    brought = text.split("Paragraph 2.16\n", 1)[1].splitlines()[0]
    assert brought.endswith("a child or children?” (Regular contact).")  # not "Other contact"
    open_ = make({"adult": "yes", "contact": ["other"]}, checklist="strategy-discussion")
    line = open_.split("Paragraph 2.16\n", 1)[1].splitlines()[0]
    assert line.endswith(  # which answers would bring it, then the answer now (a reader: clearer)
        "a child or children?” answered Lives with a child or children, or Regular contact "
        "(now Other contact, not known to be regular)."
    )


def test_both_parts_of_a_two_part_question_have_their_status():
    text = make({"adult": "yes"}, checklist="strategy-discussion")
    assert (
        "What is the impact on them? (2.6)\n   Answer: Not answered\n"
        "   In words, “What is the impact on them?”: Not answered" in text
    )
    words = make({"adult": "yes"}, {"other-children-visiting": "Two cousins, weekly."},
                 checklist="strategy-discussion")  # fmt: skip
    assert "(2.6): Not answered; answered in words" in words


def test_3_7_never_shows_its_first_sentence_without_the_lists_own_words():
    text = make({"adult": "yes"}, checklist="protective-carer-concerns")
    assert "at risk of significant harm. Factors that would be of concern would include:" in text


def test_the_judgement_states_each_grade_as_soon_as_it_is_chosen_the_other_stays_missing():
    """Section 6: the record states the judgement in the practitioner's own choices, computed
    from them (P13): one grade chosen is stated alone; both as the spec's one line."""
    one = make({"adult": "yes", "harm-consequences": "serious"}, checklist="reaching-a-judgement")
    assert f"\n{SITE} Harm consequences judged serious.\n" in one
    missing = one.split("MISSING", 1)[1].split("\n\n", 1)[0]
    assert "Is the probability of harm highly likely, likely or unlikely?" in missing
    assert "judged serious" not in missing and "probability judged" not in one.lower()
    both = make(
        {"adult": "yes", "harm-consequences": "concerning", "probability": "likely"},
        checklist="reaching-a-judgement",
    )
    assert f"\n{SITE} Harm consequences judged concerning; probability judged likely.\n" in both


def test_a_paragraph_beside_an_item_is_printed_right_after_it_indented_once():
    """Spec part 3: 2.5 beside the first point, in the record right after that point's answer
    and note, indented under it, and not printed again among the guidance always shown."""
    text = make({"nature-of-images": "partly"}, {"nature-of-images": "Awaited"},
                checklist="core-assessment-information")  # fmt: skip
    lines = text.splitlines()
    at = lines.index("   Information; awaited from: Awaited")
    assert lines[at + 1] == "   Paragraph 2.5"
    assert lines[at + 2].startswith("     > Below are the categories for Image Assessment")
    assert lines[at + 5] == "     > C - Other indecent images not falling within categories A or B."
    assert lines[at + 6].startswith("2. ")
    assert text.count("Paragraph 2.5") == 1


def test_a_prompts_link_is_printed_after_its_quote_in_the_guidances_words():
    text = make({"partner": "yes"}, checklist="strategy-discussion")
    lines = text.splitlines()
    at = lines.index("Paragraph 3.4")
    assert lines[at + 2 : at + 4] == [
        "  > It is important to remember that people\N{RIGHT SINGLE QUOTATION MARK}s initial "
        "reaction can be a poor predictor of their long-term ability to protect.",
        "  Linked: 3. Guidance for the assessment of potentially protective carers",
    ]


def heading_of(op: str, effective: object) -> str:
    """The record's heading lines (up to the legend) that ``op`` answers with, or its error."""
    payload = {"checklist": "early-risk-factors", "answers": {}}
    request = {"op": op, "payload": payload, "payloads": [payload], "shared": {}}
    meta = dict(zip(("guidance", "edition", "made_at"), HEADING, strict=True))
    response = json.loads(handle(json.dumps({**request, **meta, "edition_effective": effective})))
    if not response["ok"]:
        return f"error: {response['error']['field']}: {response['error']['message']}"
    return response["record"].split(f"\n\n{LEGEND}")[0]


@pytest.mark.parametrize("op", ["evaluate", "assessment_record"])
@pytest.mark.parametrize(
    ("effective", "line"),
    [
        ("", "Edition: Edition 1, date not given"),  # the guidance as received has no date
        ("2027-04-01", "Edition: Edition 1, effective 1 April 2027"),
        ("2028-12-31", "Edition: Edition 1, effective 31 December 2028"),
    ],
)
def test_p10_the_record_heading_states_the_edition_with_its_effective_date(op, effective, line):
    heading = heading_of(op, effective).split("\n")
    assert heading[1:4] == ["Guidance: Pan Bedfordshire Guidelines", line,
                           "Made: 28 November 2026, 10:00"]  # fmt: skip


@pytest.mark.parametrize(
    "effective",
    [
        "2027-02-30",
        "1 April 2027",
        "2027-4-1",
        "2027-04-01T00:00",
        "\u0662\u0660\u0662\u0667-\u0660\u0664-\u0660\u0661",
        None,
        7,
    ],
)
def test_an_effective_date_that_is_not_a_real_date_is_refused(effective):
    assert heading_of("evaluate", effective).startswith("error: edition_effective: expected")


def test_a_chosen_6_2_question_stays_under_its_parent_though_the_parent_is_not_chosen():
    """P11 and section 7 ("sub-items under their parents"): "What do they do with each…" chosen
    alone was printed under whatever question came before it; its parent is printed too."""
    text = make(
        {"adult": "yes", "social-isolation": ["to-ask"], "pleasure": ["to-ask"]},
        checklist="interview-planner-perpetrator",
    )
    parent = load_checklist("interview-planner-perpetrator").question("media-accessed")
    at = text.index(parent.text)
    child = text.index("What do they do with each and what level of pleasure")
    assert at < child
    between = text[at:child]
    assert "Answer: Not answered" in between and "social isolation" not in between
    assert "31 of 33 questions were not chosen for this plan; 1 of them is printed above" in text


def test_every_answer_given_is_offered_beside_the_two_lists_the_factor_in_words_too():
    """Section 6 ("every answer given"): 2.9's factor answered in words was not offered, nor were
    the practitioner's words on an answer, nor the 2.6 and 2.18 answers; the site's line and the
    guidance's name for the list (with its own colon) each on a line of its own (P13)."""
    tab = [
        {
            "checklist": "early-risk-factors",
            "answers": {"previous-history": "no"},
            "notes": {
                "own-child-at-risk": "Mother says she understands",
                "previous-history": "Checked.",
            },
        },
        {
            "checklist": "strategy-discussion",
            "answers": {"other-children-visiting": "yes"},
            "notes": {"other-children-visiting": "Two cousins\nvisit weekly."},
        },
        {
            "checklist": "core-assessment-information",
            "answers": {"nature-of-images": "obtained"},
            "notes": {"nature-of-images": "Category A."},
        },
    ]
    text = make({"adult": "yes"}, checklist="reaching-a-judgement", tab=tab)
    offered = text.split("BESIDE THE TWO LISTS (2.23 c)\n", 1)[1]
    assert offered.startswith(
        f"{SITE} Answered Yes, listed in 2.6 under:\n"
        "  > A Strategy Discussion and any Section 47 Enquiry and Assessment must carefully "
        "consider:\n"
        "- Are there other children visiting the household? What is the impact on them? (2.6)\n"
        "  In words, “What is the impact on them?”: Two cousins\n"
        f"{' ' * len('  In words, “What is the impact on them?”: ')}visit weekly.\n"
        f"{SITE} Answered No, listed in 2.9 under:\n"
        "  > Some key factors may determine the risk of significant harm at an early stage:\n"
        "- previous history (known to Children's Services for abuse or neglect) (2.9)\n"
        "  Note: Checked.\n"
        f"{SITE} Answered in words, listed in 2.9 under:\n"
        "  > Some key factors may determine the risk of significant harm at an early stage:\n"
        "- understanding concerns that own child may be at risk (2.9)\n"
        "  In words: Mother says she understands\n"
        f"{SITE} Answered Obtained, listed in 2.18 under:\n"
        "  > The following information is important for the practitioners to obtain as soon as "
        "possible from the Police and from their own enquiries.\n"
        "- Any information about the nature of the images (Levels A - C) age or gender of "
        "children? (2.18)\n"
        "  Information: Category A.\n"
    )


def test_the_shared_questions_left_open_are_in_2_23_a_of_the_assessment_record():
    """P3, P7 and section 6: the age and contact answered Not known are stated once at the top
    of the assessment record, and listed once among what 2.23 a gathers as still open."""
    from tests.test_spec_conformance import assessment

    payloads = [
        {"checklist": "strategy-discussion", "answers": {}, "notes": {}},
        {"checklist": "reaching-a-judgement", "answers": {}, "notes": {}},
    ]
    text = assessment(payloads, {"adult": "unknown", "contact": ["unknown"]})
    gathered = text.split("FROM THE OTHER CHECKLISTS OF THIS TAB (2.23 a)\n", 1)[1]
    assert gathered.startswith(
        f"{SITE} Asked for every checklist of this tab, not answered or Not known:\n"
        f"- {SITE} Is the person alleged to have viewed the images aged 18 or over?: Not known\n"
        f"- {SITE} Does the alleged perpetrator live with, or have contact with, a child or "
        "children?: Not known\n"
    )
    assert text.count("aged 18 or over?: Not known") == 1


def test_2_9s_unknown_factors_are_listed_each_with_its_answer_never_merged():
    """P3 and C3-8: a list of Not known and not answered factors says which is which."""
    text = make({"adult": "yes", "previous-history": "unknown", "absence-of-cooperation": "no"})
    listed = text.split("  [site] From your answers, answered Not known, or not answered:\n")[1]
    assert listed.startswith(
        "  - previous history (known to Children's Services for abuse or neglect) (2.9): "
        "Not known\n  - previous contact abuse of other children (2.9): Not answered\n"
    )
    assert "absence of cooperation" not in listed.split("\n\n")[0]


def test_under_18_an_item_about_the_person_is_labelled_wherever_it_is_named_again():
    """P8 ("every item and prompt about the person alleged to have viewed the images is
    labelled"): in the lists of what is still to find out, what 2.23 a gathers and what is
    offered beside 2.23 c, not only where it is asked."""
    label = f"{SITE} written for adult perpetrators: see 1.7"
    own = make({"adult": "no", "images-of-own-children": "unknown"})
    still = own.split("STILL TO FIND OUT\n", 1)[1].split("\n\n", 1)[0]
    assert f"- images of own children (2.9): Not known\n  {label}" in still
    tab = [{"checklist": "early-risk-factors", "answers": {"images-of-own-children": "yes"}}]
    judged = make({"adult": "no"}, checklist="reaching-a-judgement", tab=tab)
    offered = judged.split("BESIDE THE TWO LISTS (2.23 c)\n", 1)[1]
    assert f"- images of own children (2.9)\n  {label}" in offered
    adult = make({"adult": "yes"}, checklist="reaching-a-judgement", tab=tab)
    assert label not in adult


def test_every_label_before_a_colon_in_any_record_is_explained_by_the_legend():
    """P10: the legend explains every label the records use (a reader found "In words",
    "Cross-check with the partner" and "1.7:" unexplained): every case of every checklist."""
    from tests.test_checklist_cases import CASES

    heading = {"Guidance", "Edition", "Made", "How to read this record"}
    unexplained = set()
    for checklist, case in CASES:
        tab = case.get("tab", [])
        payload = {"checklist": checklist, **{k: case.get(k, {}) for k in ("answers", "notes")}}
        try:
            result = evaluate(payload, tab)
        except ChecklistError:
            continue  # a case of a refused answer: no record
        for line in record_text(result, *HEADING).splitlines()[1:]:
            if line.lstrip().startswith(("-", ">", SITE)) or (line[:1].isdigit() and ". " in line):
                continue  # an item, a quote or the site's line: not a label
            label = re.match(r"^\s*([\w .'-]+?):(?: |$)", line)
            if not label or label[1] in heading or label[1].isupper():
                continue  # not a label, the heading's, or a heading in capitals
            number = re.fullmatch(r"\d\.\d+", label[1])  # a paragraph's, before its words
            named = re.fullmatch(r"Paragraph \d\.\d+", label[1])  # a caution's paragraph (5.2)
            if named and "the line naming each paragraph quoted (“Paragraph 2.12”" in LEGEND:
                continue
            if label[1] not in LEGEND and not (number and "a paragraph's number" in LEGEND):
                unexplained.add(label[1])
    assert unexplained == set()


@pytest.mark.parametrize(
    ("item", "value", "note", "printed"),
    [  # Not applicable "with a reason"; Outstanding "with who it is awaited from" (spec part 3)
        (
            "toys-child-centred-objects",
            "not-applicable",
            "Children live here.",
            "Not applicable\n   Reason",
        ),
        ("nature-of-images", "outstanding", "Police", "Outstanding\n   Awaited from"),
    ],
)
def test_a_points_note_is_named_by_its_answer(item, value, note, printed):
    """Readers found a reason printed as "Note:" and "Note: Police" for an Outstanding point."""
    text = make(
        {"adult": "yes", item: value}, {item: note}, checklist="core-assessment-information"
    )
    assert f"   Answer: {printed}: {note}\n" in text


def test_lists_under_the_same_words_print_the_paragraph_and_its_words_once():
    """A reader found "Paragraph 3.10" printed four times, three of them "Quoted above" of the
    same section: the qualities by answer now follow one name and one quote."""
    answers = {
        "adult": "yes",
        "self-esteem": "evident",
        "locus-of-control": "partly-evident",
        "attachment": "not-evident",
        "social-support": "unknown",
    }
    text = make(answers, checklist="protective-parenting")
    listed = text.split("LISTED UNDER THE GUIDANCE'S OWN WORDS\n", 1)[1]
    listed = listed.split("\n\n", 1)[0]
    assert listed.count("Paragraph 3.10") == 1  # its words are before the questions (opens)
    assert listed.count('Quoted above (Protective carer: "good enough" protective parenting, '
                        "before its questions)") == 1  # fmt: skip
    assert listed.count("[site] From your answers, answered") == 4


def test_the_guidance_words_opening_a_list_come_before_its_first_question_once():
    """A reader found the judgement's items without 2.23's stages (b, c) and 2.6's questions
    without the words that open them: each list's opening words are quoted before it, once."""
    text = make({"adult": "yes"}, checklist="reaching-a-judgement")
    answers = text.split("\nANSWERS\n", 1)[1].split("\n\n", 1)[0]
    assert (
        "2.23:\n  > There are three, overlapping stages in the risk assessment process:\n1. "
        in (answers)
    )
    assert "2.23:\n  > b) Analysis of information \u2013 considering:\n2. The severity" in answers
    assert "the assessment of risk process needs to determine:\n6. What are the harm" in answers
    strategy = make({"adult": "yes"}, checklist="strategy-discussion")
    assert "2.6:\n  > A Strategy Discussion and any Section 47 Enquiry and Assessment must " in (
        strategy
    )
    factors = make({"adult": "yes", "previous-history": "yes"}, checklist="early-risk-factors")
    assert factors.count("> Some key factors may determine the risk") == 1  # P12: quoted once


def test_an_answer_offered_beside_the_lists_is_named_as_in_its_checklist():
    """A second reader found, beside 2.23 c, a bare "Obtained" (its checklist prints "Obtained (not
    recorded in this checklist)"), a reason under "Note:" and two-part words under "Note:" in
    2.23 a: each is now printed as its own checklist prints it."""
    tab = [
        {
            "checklist": "core-assessment-information",
            "answers": {
                "other-technology": "obtained",
                "toys-child-centred-objects": "not-applicable",
            },
            "notes": {"toys-child-centred-objects": "Children live at home."},
        },
        {
            "checklist": "strategy-discussion",
            "answers": {"other-carer-protect": "unknown"},
            "notes": {"other-carer-protect": "Grandmother nearby."},
        },
    ]
    text = make({"adult": "yes"}, checklist="reaching-a-judgement", tab=tab)
    assert "X-Box? (2.18): not recorded in Core assessment information\n" in text
    assert "\n  Reason: Children live at home.\n" in text and "Note: Children live" not in text
    words = "In words, “What support networks do they have?”: Grandmother nearby."
    assert "Note: Grandmother" not in text and text.count(words) == 2


def test_the_assessment_record_quotes_1_7_after_the_age_answer_that_brings_it():
    """A second reader found 1.7's "Specialist advice should be sought" above the age answer."""
    payloads = [{"checklist": "early-risk-factors", "answers": {}, "notes": {}}]
    text = assessment(payloads, {"adult": "no"})
    answer = text.index("aged 18 or over? (asked for 1.7)\n   Answer: No\n")
    assert answer < text.index("\n1.7:\n  > Specialist advice should be sought")


def test_the_1_7_label_follows_the_question_before_its_answer():
    """A third reader read the label after "Answer:" as a comment on the answer."""
    text = make({"adult": "no", "previous-contact-abuse": "yes"})
    assert (
        "2. previous contact abuse of other children (2.9)\n"
        f"   {SITE} written for adult perpetrators: see 1.7\n"
        "   Answer: Yes\n"
    ) in text


def test_what_is_read_first_comes_before_the_answers_and_the_sites_line_beside_3_7():
    """A fourth reader found 1.7 and 2.12 printed after the answers they govern, and the site's
    line on 3.7 far from the sentence it is about."""
    text = make({"adult": "no"}, checklist="protective-carer-concerns")
    assert text.index("READ FIRST") < text.index("\nANSWERS\n")
    context = text.index("immediately at risk of significant harm. Factors that would be of")
    statement = text.index(f"{SITE} This checklist does not ask whether the family is stable")
    assert context < statement < text.index("\nANSWERS\n")
