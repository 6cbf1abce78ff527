"""Conformance to the checklists spec, version 3 (tests/fixtures/checklists-spec.md): a test per
principle (P…) and per correction (C2-…, C3-…) not proved elsewhere, named by its id, each
written so that it fails on the behaviour the correction tables say was wrong.

Only the public entry points are used: ``evaluate``, the records (through ``boundary.handle``),
and the loaded definitions."""

from __future__ import annotations

import copy
import itertools
import json
import re
import tomllib
from importlib import resources

import pytest

from calculators import ChecklistError, checklist_ids, evaluate, load_checklist
from calculators.boundary import handle
from calculators.model import parse_checklist, shared, whole_sentences
from tests.support.guidance_text import paragraphs
from tests.test_checklist_text import (
    box_after_1_8,
    flat,
    section_headings,
    style_of_intervention,
)
from tests.test_checklist_text import cited_text as paragraph_text

BOXES = {"1.8-box": box_after_1_8, "3.5-box": style_of_intervention}


def cited_text(number: str) -> str:
    """The guidance text a cite may quote: its paragraph, or a box cited by its own id (P13)."""
    if number in BOXES:
        return BOXES[number]()
    return paragraph_text(number)


SD = "strategy-discussion"
ERF = "early-risk-factors"
CORE = "core-assessment-information"
CONCERNS = "protective-carer-concerns"
PARENTING = "protective-parenting"
JUDGEMENT = "reaching-a-judgement"
CHILDREN = "interview-planner-children"
PERPETRATOR = "interview-planner-perpetrator"
PARTNER = "interview-planner-partner"
HEAD = {"guidance": "G", "edition": "E", "edition_effective": "", "made_at": "T"}
SITE = "[site]"


# --- helpers ------------------------------------------------------------------------------


def ev(cid: str, answers: dict | None = None, notes: dict | None = None, tab=()) -> dict:
    return evaluate({"checklist": cid, "answers": answers or {}, "notes": notes or {}}, list(tab))


def shown(result: dict) -> dict[str, tuple[str, dict]]:
    """Prompt id → (section kind, prompt)."""
    return {p["id"]: (s["kind"], p) for s in result["sections"] for p in s["prompts"]}


def kind_of(result: dict, prompt_id: str) -> str | None:
    return shown(result).get(prompt_id, (None, None))[0]


def by_paragraph(result: dict, number: str) -> list[tuple[str, dict]]:
    return [
        (s["kind"], p) for s in result["sections"] for p in s["prompts"] if p["paragraph"] == number
    ]


def answer(result: dict, qid: str) -> dict:
    return next(a for a in result["answers"] if a["id"] == qid)


def call(request: dict) -> dict:
    response = json.loads(handle(json.dumps({**HEAD, **request})))
    assert response["ok"] is True, response
    return response


def record(cid: str, answers=None, notes=None, shared_answers=None, tab=()) -> str:
    payload = {"checklist": cid, "answers": answers or {}, "notes": notes or {}}
    request = {"op": "evaluate", "payload": payload, "tab": list(tab)}
    if shared_answers is not None:
        request["shared"] = shared_answers
    return call(request)["record"]


def assessment(payloads: list[dict], shared_answers: dict | None = None) -> str:
    request = {"op": "assessment_record", "payloads": payloads, "shared": shared_answers or {}}
    return call(request)["record"]


def whole(number: str) -> str:
    """The paragraph's published text without its number."""
    return paragraphs()[number].removeprefix(f"{number} ")


def site_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith(SITE)]


def guidance_text() -> str:
    return " ".join([*paragraphs().values(), box_after_1_8(), style_of_intervention()])


def first_answer(q) -> str | list[str] | None:
    if q.caution:
        return None
    labels = [v for v in q.answers.labels if v != q.answers.not_known]
    if not labels:
        return None
    return [labels[0]] if q.kind == "several" else labels[0]


def value(q, v: str):
    return [v] if q.kind == "several" else v


ALL = checklist_ids()
ADULT_WORDS = (
    "perpetrator",
    "offender",
    "person accessing",
    "alleged users",
    "people who look at these images",
    "the individual",
    "he or she",
    "own child",
)


# Items about the alleged perpetrator that use none of the words above (P8: by subject).
BY_SUBJECT = {
    ("core-assessment-information", "criminal-history"),
    # the images and material found: the alleged perpetrator's conduct (a second reader)
    ("core-assessment-information", "source-of-images"),
    ("core-assessment-information", "additional-material"),
    ("core-assessment-information", "adult-pornography"),
    ("interview-planner-children", "common-internet-usage"),
}


def names_the_person(text: str) -> bool:
    """Whether a text uses one of the guidance's words for the person alleged to have viewed
    the images, as whole words ("own child", not the partner's "Own childhood experiences")."""
    return any(re.search(rf"\b{re.escape(w)}\b", text.lower()) for w in ADULT_WORDS)


# --- principles -----------------------------------------------------------------------------


@pytest.mark.parametrize("cid", ALL)
def test_p1_no_score_no_risk_level_no_reassurance_whatever_the_answers(cid):
    checklist = load_checklist(cid)
    no = {q.id: value(q, "no") for q in checklist.questions if "no" in q.answers.labels}
    for answers in ({}, no):
        result = ev(cid, answers)
        assert not {k for k in result if re.search(r"score|risk|level|points", k)}
        text = record(cid, answers)
        own = " ".join(site_lines(text)) + " " + " ".join(s["heading"] for s in result["sections"])
        for words in (
            "score",
            "risk level",
            "low risk",
            "high risk",
            "is safe",
            "not at risk",
            "no risk",
            "reassur",
            "points",
        ):
            assert words not in own.lower(), (cid, words)


@pytest.mark.parametrize("cid", ALL)
def test_p2_open_questions_in_words_and_one_label_for_the_unknown(cid):
    checklist = load_checklist(cid)
    for q in checklist.questions:
        for label in q.answers.labels.values():
            assert label.lower() not in ("not known yet", "not yet known"), (cid, q.id)
            if re.match(r"not (yet )?known", label.lower()):
                assert label == "Not known", (cid, q.id, label)
        closed = {"yes", "no"} <= set(q.answers.labels)
        if q.paragraph == "2.6" and re.match(r"(What|How)\b", q.text):
            assert q.kind in ("words", "both") and not closed, (cid, q.id)
        if q.paragraph == "2.6" and "?" in q.text.rstrip("?") and q.text.startswith("Are "):
            assert q.kind == "both", (cid, q.id)
    # a record never reads "What is the timescale…: Yes"
    if cid == SD:
        with pytest.raises(ChecklistError):
            ev(SD, {"forensic-timescale": "yes"})


def test_p3_not_known_and_not_answered_bring_the_same_if_so_and_stay_apart_in_the_record():
    trust = [
        "accessing-workplace",
        "contacting-workplace",
        "accessing-position-of-trust",
        "contacting-position-of-trust",
    ]
    none = {q: "no" for q in trust}
    for item in trust:
        unknown = ev(SD, {**none, item: "unknown"})
        unanswered = ev(SD, {k: v for k, v in none.items() if k != item})
        for result in (unknown, unanswered):
            assert kind_of(result, "position-of-trust-2-6") == "if-so"
            assert kind_of(result, "position-of-trust-2-18") == "if-so"
            assert item in [i["id"] for i in result["to_find_out"]["items"]]
        assert {k: v[0] for k, v in shown(unknown).items()} == {
            k: v[0] for k, v in shown(unanswered).items()
        }
        assert answer(unknown, item)["status"] == "not-known"
        assert answer(unanswered, item)["status"] == "not-answered"
    text_unknown = record(SD, {"immediate-risk": "unknown"})
    text_none = record(SD, {})
    assert re.search(r"Is there a child at immediate risk.*\n\s+Answer: Not known", text_unknown)
    assert re.search(r"Is there a child at immediate risk.*\n\s+Answer: Not answered", text_none)


@pytest.mark.parametrize("cid", ALL)
def test_p4_every_paragraph_without_a_condition_is_shown_whatever_the_answers(cid):
    checklist = load_checklist(cid)
    always = {p.id for p in checklist.prompts if not p.when}
    sets = [{}, {q.id: a for q in checklist.questions if (a := first_answer(q)) is not None}]
    sets.append(
        {q.id: value(q, q.answers.not_known) for q in checklist.questions if q.answers.not_known}
    )
    beside = {p.id: p.beside for p in checklist.prompts if p.beside}
    for answers in sets:
        result = ev(cid, answers)
        got = {pid: kind for pid, (kind, _) in shown(result).items()}
        got |= {p["id"]: a["id"] for a in result["answers"] for p in a["beside"]}
        for pid in always:
            assert got.get(pid) in ("standing", "pinned", beside.get(pid)), (cid, pid, answers)


def test_p5_answers_listed_by_the_answer_given_under_the_guidances_own_words():
    parenting = ev(PARENTING, {"self-esteem": "partly-evident", "attachment": "evident"})
    lists = [p for _, p in by_paragraph(parenting, "3.10")]
    assert [p["lead"] for p in lists] == [
        "Key qualities of a “good enough” protective parenting:"
    ] * 2
    assert {p["id"]: [i["id"] for i in p["items"]] for p in lists} == {
        "evident": ["attachment"],
        "partly-evident": ["self-esteem"],
    }
    concerns = ev(CONCERNS, {"domestic-abuse": "yes"})
    factor_list = shown(concerns)["factors-of-concern"][1]
    assert factor_list["lead"] == "Factors that would be of concern would include:"
    erf = ev(ERF, {"absence-of-cooperation": "yes"})
    assert shown(erf)["factors-present"][1]["lead"].startswith(
        "Some key factors may determine the risk of significant harm at an early stage"
    )
    for cid, answers in (
        (PARENTING, {"self-esteem": "partly-evident"}),
        (CONCERNS, {"domestic-abuse": "yes"}),
        (ERF, {"absence-of-cooperation": "yes"}),
    ):
        own = " ".join(site_lines(record(cid, answers))).lower()
        headings = " ".join(s["heading"] for s in ev(cid, answers)["sections"]).lower()
        for word in ("strength", "gap", "increase", "decrease", "vulnerab", "protective factor"):
            assert word not in own and word not in headings, (cid, word)


@pytest.mark.parametrize("cid", ALL)
def test_p6_every_prompt_cites_a_paragraph_and_carries_its_editorial_note(cid):
    for p in load_checklist(cid).prompts:
        assert len(p.cites) == 1, (cid, p.id)
        assert p.cite.paragraph in paragraphs() or p.cite.paragraph in BOXES, (cid, p.id)
    if cid == CORE:
        result = ev(CORE)
        notes = {p["paragraph"]: p["note"] for _, (_, p) in shown(result).items()}
        assert "Section 6" in shown(result)["several-sessions"][1]["quote"]
        assert notes["2.19"] and notes["2.20"] and "Appendix 3" in notes["2.20"]
        text = record(CORE)
        assert f"{SITE} The site's note on 2.20:" in text


@pytest.mark.parametrize("cid", ALL)
def test_p7_the_sites_questions_are_marked_explained_and_not_among_the_guidances_items(cid):
    checklist = load_checklist(cid)
    result = ev(cid)
    scope = {q.id for q in checklist.scope}
    for a in result["answers"]:
        assert a["site"] == (a["id"] in scope), (cid, a["id"])
        if a["site"]:
            assert a["why"], (cid, a["id"])
    assert not scope & {i["id"] for i in result["to_find_out"]["items"]}
    assert {q["id"] for q in result["scope_not_answered"]} == scope
    text = record(cid)
    for q in checklist.scope:
        assert f"- {SITE} {q.text}" in text, (cid, q.id)


def test_p8_an_unmarked_item_or_prompt_using_a_word_for_the_alleged_perpetrator_fails():
    """C3-10 too: the guidance's items and prompts, marked in the definition by subject; these
    words always mean that person; and by subject where no such word is used: 2.18's "prior
    criminal history", as 2.6's "relevant offending history" is. The site's own questions are
    never labelled (the label says the guidance's words were written for adults; the site asks
    its questions whatever the age): the model refuses the key on them."""
    unmarked, site_labelled = [], []
    for cid in ALL:
        checklist = load_checklist(cid)
        site_labelled += [f"{cid} {q.id}" for q in checklist.scope if q.for_adults]
        for q in checklist.items:
            by_subject = (cid, q.id) in BY_SUBJECT
            if (names_the_person(q.text) or by_subject) and not q.for_adults:
                unmarked.append(f"{cid} item {q.id}")
        for p in checklist.prompts:
            if p.cite.paragraph in ("1.7", "3.2"):
                continue
            if names_the_person(p.cite.quote) and not p.for_adults:
                unmarked.append(f"{cid} prompt {p.id}")
    assert unmarked == [] and site_labelled == []


@pytest.mark.parametrize("cid", ALL)
def test_p9_no_identifying_fields_and_notes_are_text_not_markup(cid):
    checklist = load_checklist(cid)
    for q in checklist.questions:
        for words in ("name", "date of birth", "address", "case number", "postcode"):
            assert not re.search(rf"\b{words}\b", f"{q.text} {q.title}".lower()), (cid, q.id)
    q = checklist.items[0]
    markup = "<script>alert(1)</script> **bold** [x](javascript:1)"
    result = ev(cid, notes={q.id: markup})
    assert answer(result, q.id)["note"] == markup
    assert markup in record(cid, notes={q.id: markup})


def test_p11_sub_items_stay_with_their_parent_on_screen_in_the_record_and_on_paper():
    pairs = {
        CHILDREN: [
            ("perpetrator-leaving", "what-and-who"),
            ("common-internet-usage", "rude-pictures"),
        ],
        PERPETRATOR: [
            ("pleasure", "media-accessed"),
            ("masturbation-on-off-line", "masturbation-level"),
        ],
    }
    for cid, children in pairs.items():
        checklist = load_checklist(cid)
        ids = [q.id for q in checklist.items]
        for child, parent in children:
            assert checklist.question(child).parent == parent
            assert ids.index(child) == ids.index(parent) + 1, (cid, child)
        answers = {
            q.id: value(q, next(iter(q.answers.labels))) for q in checklist.items if not q.caution
        }
        text = record(cid, answers)
        for child, parent in children:
            p_text, c_text = checklist.question(parent).text, checklist.question(child).text
            at_p, at_c = text.index(p_text), text.index(c_text)
            assert at_p < at_c
            between = text[at_p:at_c].splitlines()[1:]
            assert not any(re.match(r"\d+\. ", line) for line in between), (cid, child)
            line = next(li for li in text.splitlines() if c_text in li)
            assert line.startswith("   "), (cid, child, line)  # indented under its parent


@pytest.mark.parametrize("cid", ALL)
def test_p12_sections_in_order_1_7_then_2_12_first_and_each_quote_once_in_the_record(cid):
    order = ["pinned", "follows", "listed", "if-so", "standing"]
    checklist = load_checklist(cid)
    for answers in (
        {},
        {"adult": "no"},
        {q.id: a for q in checklist.questions if (a := first_answer(q)) is not None},
    ):
        result = ev(cid, answers)
        kinds = [s["kind"] for s in result["sections"]]
        assert kinds == sorted(kinds, key=order.index)
        pinned = [
            p["paragraph"]
            for s in result["sections"]
            if s["kind"] == "pinned"
            for p in s["prompts"]
        ]
        if answers.get("adult") == "no":
            assert pinned[0] == "1.7"
        if "2.12" in pinned:
            assert pinned.index("2.12") == (1 if "1.7" in pinned else 0)
        for s in result["sections"]:
            if s["kind"] == "standing":
                for p in s["prompts"]:
                    number = p["paragraph"].removesuffix("-box")
                    named = f"the box after {number}" if p["paragraph"] in BOXES else number
                    assert named in s["heading"], (cid, p["paragraph"], s["heading"])
        text = record(cid, answers)
        for _, (_, p) in shown(result).items():
            first = p["quote"].split("\n")[0]
            assert text.count(f"> {first}") == 1, (cid, p["id"])


# --- P13: the guidance's words or the site's, never a blend ---------------------------------

RECORD_LINE = [
    re.compile(r"^\[site\] "),
    re.compile(r"^(Answer|Note|Reason|In words|Also answered|Information|Awaited from): "),
    re.compile(r"^Information; awaited from: "),
    re.compile(r"^Cross-check with the partner: (Marked|Not marked)$"),  # 6.2's mark (section 7)
    re.compile(r"^(Guidance|Edition|Made|Checklists): "),
    re.compile(r"^Paragraph \d+\.\d+:?$"),  # a prompt's heading; a caution's, before its quote
    re.compile(r"^\d+\.\d+:$"),
    re.compile(r"^=+$"),
    re.compile(r"^How to read this record: "),
]


def answer_sets(cid: str) -> list[dict]:
    checklist = load_checklist(cid)
    sets = [{}]
    for v in (
        "yes",
        "no",
        "unknown",
        "lives-with",
        "other",
        "evident",
        "partly",
        "done",
        "covered",
        "to-ask",
        "serious",
        "likely",
    ):
        sets.append(
            {
                q.id: value(q, v)
                for q in checklist.questions
                if v in q.answers.labels and not q.caution
            }
        )
    for n, q in enumerate(checklist.questions):  # each item alone, each of its answers
        for v in itertools.islice(q.answers.labels, 3):
            if not q.caution:
                sets.append({q.id: value(q, v)} if n % 2 else {q.id: value(q, v), "adult": "no"})
    return sets


def check_record_lines(text: str, checklist_texts: set[str], headings: set[str]) -> list[str]:
    bad = []
    guidance = guidance_text()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or any(r.match(line) for r in RECORD_LINE):
            continue
        if line.startswith("Linked: "):  # a place a prompt links, in the guidance's words
            words = re.sub(r" \(https://[^ )]+\)$", "", line.removeprefix("Linked: "))
            if words not in guidance and words not in section_headings().values():
                bad.append(raw)
            continue
        if part := re.match(r"^In words, “(.+?)”: ", line):  # the part its words answer
            if part[1] not in guidance:
                bad.append(raw)
            continue
        if line.startswith("> "):
            quote = re.sub(r"^([A-Z]) - ", r"\1 ", line[2:].removeprefix("- "))
            if (
                quote not in guidance
                and flat(quote) not in guidance
                and not any(quote in cited_text(n) for n in ("1.8", "3.5"))
            ):
                bad.append(raw)
            continue
        item = re.sub(r"^(\d+\.|-)\s+", "", line)
        item = re.sub(r" \((\d+\.\d+|asked for [^)]*)\)(: .*)?$", "", item)
        item = re.sub(r"^(\[site\] .*?\?): .*$", r"\1", item)  # the site's question listed open
        title, _, rest = item.partition(": ")
        if rest in checklist_texts and title in checklist_texts:  # a listed item with its title
            continue
        if (
            item in checklist_texts
            or line.upper() == line
            or (caps := re.sub(r"\b\d+\.\d+ [a-z]\b", "", line)).upper() == caps  # "(2.23 a)"
            or line in headings
            or line in (f"{title}: checklist record" for title in headings)
        ):
            continue
        if re.sub(r"^\d+\.\s+", "", line) in checklist_texts:  # a title line
            continue
        bad.append(raw)
    return bad


@pytest.mark.parametrize("cid", ALL)
def test_p13_every_shown_or_recorded_line_is_the_guidances_words_or_the_sites(cid):
    checklist = load_checklist(cid)
    texts = {q.text for q in checklist.questions} | {q.title for q in checklist.questions}
    texts |= {f"{SITE} {q.text}" for q in checklist.scope}
    texts |= {f"{SITE} {q.title}" for q in checklist.questions if q.site_title}
    problems = []
    for answers in answer_sets(cid):
        try:
            result = ev(cid, answers)
        except ChecklistError:
            continue
        for _kind, p in shown(result).values():
            source = cited_text(p["paragraph"])
            if flat(p["quote"]) not in source:
                problems.append(f"quote of {p['id']} not in {p['paragraph']}")
            if p["lead"] not in source and flat(p["lead"]) not in source:
                problems.append(f"lead of {p['id']} not in {p['paragraph']}: {p['lead'][:60]}")
            if not whole_sentences(p["lead"], p["quote"]):
                problems.append(f"lead of {p['id']} is not whole sentences of its quote")
            for key in ("from_answers", "waits_on"):
                for quoted in re.findall(r"“(.*?)” \(", p[key]):
                    if quoted not in {q.text for q in checklist.questions} and not p["link"]:
                        other = {q.text for c in ALL for q in load_checklist(c).questions}
                        if quoted not in other:
                            problems.append(f"{key} of {p['id']} names {quoted[:40]}")
        headings = {s["heading"] for s in result["sections"]} | {result["title"]}
        headings |= {p.get("name", "") for _, p in shown(result).values()} - {""}
        text = record(cid, answers)
        problems += [f"record line: {b}" for b in check_record_lines(text, texts, headings)]
    assert sorted(set(problems)) == []


def test_p13_the_site_says_no_must_should_unlikely_or_not_a_guide_of_its_own():
    for cid in ALL:
        for answers in answer_sets(cid)[:6]:
            for line in site_lines(record(cid, answers)):
                unquoted = re.sub(r"“.*?”", "", line)
                for word in (
                    "must",
                    "should",
                    "unlikely",
                    "not a guide",
                    "either way",
                    "in either direction",
                ):
                    assert word not in unquoted.lower(), (cid, line)


# --- P14: one answer, one place -------------------------------------------------------------


def test_p14_shared_answers_show_in_every_checklist_and_print_once_before_the_checklists():
    payloads = [{"checklist": c, "answers": {}} for c in (SD, ERF, CORE)]
    shared_answers = {"adult": "yes", "contact": ["regular"]}
    for payload in payloads:
        result = call(
            {
                "op": "evaluate",
                "payload": payload,
                "shared": shared_answers,
                "tab": [p for p in payloads if p is not payload],
            }
        )
        asks = {a["id"]: a for a in result["answers"] if a["shared"]}
        for qid, given in shared_answers.items():
            if qid in asks:
                assert asks[qid]["answer"] == given
    text = assessment(payloads, shared_answers)
    contact = shared().questions["contact"].text
    assert text.count(f"- {SITE} {contact}") == 1
    assert text.index(f"- {SITE} {contact}") < text.index("STRATEGY DISCUSSION")
    # guidance items are never shared, however alike their words (2.18 / 3.7 domestic abuse)
    tab = [{"checklist": CORE, "answers": {"domestic-abuse": "obtained"}}]
    concerns = ev(CONCERNS, {}, tab=tab)
    assert answer(concerns, "domestic-abuse")["status"] == "not-answered"
    assert not any(q.shared for c in ALL for q in load_checklist(c).items)


# --- corrections in version 2 ---------------------------------------------------------------


def test_c2_1_not_answered_is_recorded_as_such_and_brings_what_follows_if_yes():
    result = ev(SD)
    assert all(a["status"] == "not-answered" for a in result["answers"])
    assert kind_of(result, "position-of-trust-2-18") == "if-so"
    unknown = ev(SD, {"accessing-workplace": "unknown"})
    assert kind_of(unknown, "position-of-trust-2-18") == "if-so"
    assert "Answer: Not answered" in record(SD)
    assert "Not known" not in "\n".join(
        li for li in record(SD).splitlines() if li.strip().startswith("Answer:")
    )


def test_c2_2_under_18_shows_1_7_first_labels_adult_prompts_and_goes_on():
    result = ev(SD, {"adult": "no", "accessing-workplace": "yes"})
    first = result["sections"][0]
    assert first["kind"] == "pinned" and first["prompts"][0]["paragraph"] == "1.7"
    assert kind_of(result, "position-of-trust-2-18") == "follows"  # the checklist goes on
    label = shared().adult_label
    assert shown(result)["position-of-trust-2-18"][1]["adult_label"] == label
    assert answer(result, "accessing-workplace")["adult_label"] == label
    assert "Specialist advice should be sought regarding these circumstances." in record(
        SD, {"adult": "no"}
    )


def test_c2_3_2_12_is_always_shown_first_in_the_strategy_discussion():
    for answers in ({}, {"immediate-risk": "no"}, {"immediate-risk": "yes"}):
        result = ev(SD, answers)
        assert result["sections"][0]["kind"] == "pinned"
        assert result["sections"][0]["prompts"][0]["paragraph"] == "2.12"


def test_c2_4_2_14_follows_a_partner_and_children_not_the_carers_inability():
    result = ev(SD, {"partner": "yes", "contact": ["regular"], "other-carer-protect": "yes"})
    assert [k for k, _ in by_paragraph(result, "2.14")] == ["follows"]
    no_partner = ev(SD, {"partner": "no", "contact": ["regular"], "other-carer-protect": "no"})
    assert by_paragraph(no_partner, "2.14") == []


def test_c2_5_2_15_is_always_shown_with_or_without_a_partner():
    for answers in ({}, {"partner": "no"}, {"partner": "yes"}):
        assert [k for k, _ in by_paragraph(ev(SD, answers), "2.15")] == ["standing"]


def test_c2_6_section_3_and_3_4_whenever_there_is_a_partner_or_other_carer():
    for answers in (
        {"partner": "yes", "other-carer-protect": "yes"},
        {"partner": "no", "other-carer": "yes", "other-carer-protect": "yes"},
    ):
        assert [k for k, _ in by_paragraph(ev(SD, answers), "3.4")] == ["follows"]
    assert [k for k, _ in by_paragraph(ev(SD, {"partner": "unknown"}), "3.4")] == ["if-so"]
    assert by_paragraph(ev(SD, {"partner": "no", "other-carer": "no"}), "3.4") == []


def test_c2_7_a_workplace_yes_brings_2_6s_allegations_question_and_2_18_with_its_condition():
    result = ev(SD, {"contacting-workplace": "yes"})
    quotes = {p["paragraph"]: p["quote"] for k, p in shown(result).values() if k == "follows"}
    assert quotes["2.18"].endswith("If so refer to Local Authority Designated Officer.")
    assert quotes["2.18"].startswith("Does the alleged perpetrator work in a capacity")
    assert "Allegations and Concerns" in quotes["2.6"]
    for _, p in shown(result).values():
        assert "refer to the LADO" not in p["lead"] + p["from_answers"] + p["waits_on"]


def test_c2_8_open_questions_of_2_6_are_answered_in_words():
    checklist = load_checklist(SD)
    for qid in ("impact-on-child", "forensic-timescale", "contact-managed", "investigation-delay"):
        assert checklist.question(qid).kind == "words"
        with pytest.raises(ChecklistError):
            ev(SD, {qid: "yes"})
        result = ev(SD, notes={qid: "six months"})
        assert "Answer: six months" in record(SD, notes={qid: "six months"})
        assert answer(result, qid)["status"] == "answered"


def test_c2_9_2_16_from_the_contact_question_and_5_1_and_the_box_always_shown():
    result = ev(SD, {"contact": ["lives-with"]})
    assert [k for k, _ in by_paragraph(result, "2.16")] == ["follows"]
    quote = by_paragraph(result, "2.16")[0][1]["quote"]
    assert quote.endswith(
        "unless there are significant factors noted against that course of action."
    )
    empty = ev(SD)
    assert [k for k, _ in by_paragraph(empty, "5.1")] == ["standing"]
    box = [p for k, p in by_paragraph(empty, "1.8-box") if k == "standing"]
    assert box and box[0]["quote"].startswith("Things to think about:")
    p10 = shown(empty)["risk-factors-2-10"]
    assert p10[0] == "if-so" and p10[1]["link"] == ERF
    assert (
        p10[1]["waits_on"]
        == "Waits on the 2.9 factors, not answered in this tab (Early risk factors)."
    )


def test_c2_10_understanding_concerns_is_answered_in_words_and_brings_2_10_if_so():
    q = load_checklist(ERF).question("own-child-at-risk")
    assert q.kind == "words"
    with pytest.raises(ChecklistError):
        ev(ERF, {"own-child-at-risk": "yes"})
    others = {x.id: "no" for x in load_checklist(ERF).items if x.kind == "choice"}
    for notes in ({}, {"own-child-at-risk": "the mother saw it"}):
        result = ev(ERF, others, notes)
        kind, p = shown(result)["risk-factor-present-2-10"]
        assert kind == "if-so"
        assert p["waits_on"].startswith(
            "If any of these is so: “understanding concerns that own child may be at risk”"
        )


def test_c2_11_early_risk_factors_2_2_and_2_12_always_and_no_all_no_prompt():
    checklist = load_checklist(ERF)
    # "none" brings only a list of the factors still unknown (spec part 2), never a paragraph
    assert not any(c.quantifier == "none" for p in checklist.prompts if not p.lists for c in p.when)
    for answers in ({}, {q.id: "no" for q in checklist.items if q.kind == "choice"}):
        result = ev(ERF, answers)
        kinds = {p["paragraph"]: k for k, p in shown(result).values()}
        assert kinds["2.12"] == "pinned" and kinds["2.2"] == "standing"
    every_no = {q.id: "no" for q in checklist.items if q.kind == "choice"}
    words = {"own-child-at-risk": "Mother saw it and understands"}
    assert {k for k, _ in shown(ev(ERF, every_no, words)).values()} <= {
        "pinned",
        "standing",
        "if-so",
    }


def test_c2_12_2_11_is_quoted_whole():
    result = ev(ERF, {"previous-history": "yes"})
    [(kind, p)] = by_paragraph(result, "2.11")
    assert kind == "follows" and p["quote"] == whole("2.11")


def test_c2_13_unknown_factors_are_listed_in_the_prompt_with_2_10_as_what_would_follow():
    result = ev(ERF, {"previous-history": "unknown", "absence-of-cooperation": "no"})
    kind, p = shown(result)["risk-factor-present-2-10"]
    assert kind == "if-so"
    assert (
        "“previous history (known to Children's Services for abuse or neglect)” (Not known)"
        in p["waits_on"]
    )
    assert "absence of cooperation" not in p["waits_on"]


def test_c2_14_core_points_partly_obtained_not_applicable_only_where_assumed_never_bare_obtained():
    checklist = load_checklist(CORE)
    na = {q.id for q in checklist.items if "not-applicable" in q.answers.labels}
    assert na == {"toys-child-centred-objects", "partner-reaction", "children-presentation"}
    for q in checklist.items:
        if q.id != "works-with-children":
            assert {"obtained", "partly", "outstanding"} <= set(q.answers.labels), q.id
    result = ev(
        CORE,
        {"nature-of-images": "obtained", "domestic-abuse": "obtained"},
        {"domestic-abuse": "Two police call-outs"},
    )
    assert answer(result, "nature-of-images")["label"] != "Obtained"
    assert answer(result, "nature-of-images")["label"].startswith("Obtained (")
    text = record(CORE, {"nature-of-images": "obtained"})
    assert not re.search(r"Answer: Obtained$", text, flags=re.MULTILINE)
    outstanding = {
        i["id"] for i in ev(CORE, {"nature-of-images": "partly"})["to_find_out"]["items"]
    }
    assert "nature-of-images" in outstanding


def test_c2_15_the_lado_point_is_a_yes_no_not_known_question_not_a_note():
    checklist = load_checklist(CORE)
    assert set(checklist.question("works-with-children").answers.labels) == {"yes", "no", "unknown"}
    noted = ev(CORE, notes={"works-with-children": "works at a school"})
    assert "refer-to-lado-2-18" not in {
        k for k, (kind, _) in shown(noted).items() if kind == "follows"
    }
    yes = ev(CORE, {"works-with-children": "yes"})
    assert kind_of(yes, "refer-to-lado-2-18") == "follows"
    assert kind_of(yes, "refer-to-lado-2-6") == "follows"
    unknown = ev(CORE, {"works-with-children": "unknown"})
    assert kind_of(unknown, "refer-to-lado-2-18") == "if-so"
    assert kind_of(ev(CORE, {"works-with-children": "no"}), "refer-to-lado-2-18") is None


def test_c2_16_core_quotes_section_6_7_8_as_written_with_the_note_and_shows_2_4_2_5_2_17():
    result = ev(CORE)
    kinds = {p["paragraph"]: k for k, p in shown(result).values()}
    for number in ("2.4", "2.17", "2.19", "2.20", "2.21"):
        assert kinds.get(number) == "standing", number
    assert [p["paragraph"] for p in answer(result, "nature-of-images")["beside"]] == ["2.5"]
    p219 = by_paragraph(result, "2.19")[0][1]
    assert "Section 6 (Guidance for assessment of potentially protective carers)" in p219["quote"]
    assert "Sections 3, 5 and 6" not in json.dumps(result)
    assert p219["note"]


def test_c2_17_3_7s_first_sentence_always_shown_whole_as_context():
    checklist = load_checklist(CONCERNS)
    for answers in ({}, {q.id: "no" for q in checklist.items}):
        result = ev(CONCERNS, answers)
        context = [(k, p) for k, p in by_paragraph(result, "3.7") if p["id"] == "context"]
        # always shown, read first: before any factor answered Yes, never a conclusion after
        # them (a third reader found it last, after the factors answered Yes)
        assert context and context[0][0] == "pinned"
        assert context[0][1]["quote"].startswith(
            "If the family is stable with no significant forensic history, then it is unlikely "
            "that the children will be immediately at risk of significant harm."
        )
        for line in site_lines(record(CONCERNS, answers)):
            assert "unlikely" not in line


def test_c2_18_3_10_by_the_answer_given_with_3_3_3_5_3_6_2_12_and_not_a_finding():
    result = ev(PARENTING, {"self-esteem": "partly-evident"})
    lists = {p["id"]: p for _, p in by_paragraph(result, "3.10")}
    assert "evident" not in lists and [i["id"] for i in lists["partly-evident"]["items"]] == [
        "self-esteem"
    ]
    assert "Partly evident" in lists["partly-evident"]["from_answers"]
    kinds = {(p["paragraph"], p["id"]): k for k, p in shown(ev(PARENTING)).values()}
    for number in ("3.2", "3.3", "3.4", "3.6", "2.21"):
        assert any(k == "standing" for (n, _), k in kinds.items() if n == number), number
    assert kinds[("2.12", "safeguards-first")] == "pinned"
    assert kinds[("3.5", "hostile-relationship")] == "standing"
    assert kinds[("3.5-box", "style-of-intervention")] == "standing"  # its own id (P13)
    style = shown(ev(PARENTING))["style-of-intervention"][1]["quote"]
    assert "to enable them to continue in the relationship" in style
    assert style.count("\n- ") + style.startswith("- ") >= 6 or style.count("\n") >= 6
    line = (
        "This lists the 3.10 qualities as answered; it is not a finding that parenting is or "
        "is not good enough."
    )
    assert line in ev(PARENTING, {"self-esteem": "evident"})["statements"]
    assert f"{SITE} {line}" in record(PARENTING, {"self-esteem": "evident"})


def test_c2_19_consequences_then_if_so_then_standing_guidance_grouped():
    result = ev(SD, {"partner": "yes", "contact": ["other"]})
    kinds = [s["kind"] for s in result["sections"]]
    assert kinds == ["pinned", "follows", "if-so", "standing"]  # ("listed": none here)
    text = record(SD, {"partner": "yes", "contact": ["other"]})
    at = [text.index(h.upper()) for h in (s["heading"] for s in result["sections"])]
    assert at == sorted(at)


def test_c2_20_judgement_has_2_23_a_the_whole_safety_definition_and_the_decision():
    checklist = load_checklist(JUDGEMENT)
    safety = checklist.question("safety").text
    assert safety.endswith(
        "Strengths are positive attributes in relationships, skills and personality. These "
        "attributes are considered as they act to support, enhance or develop capacity, "
        "motivation or competence to protect."
    )
    assert checklist.question("information-gathering").paragraph == "2.23"
    assert checklist.question("decision").required and checklist.question("impact").required
    tab = [{"checklist": ERF, "answers": {"previous-history": "unknown"}}]
    carried = {c["checklist"]: c for c in ev(JUDGEMENT, tab=tab)["carried"]}
    assert "previous-history" in {i["id"] for i in carried[ERF]["items"]}


def test_c2_21_other_answers_are_offered_beside_the_lists_never_placed_in_them():
    checklist = load_checklist(JUDGEMENT)
    assert checklist.question("other-answers") is None  # not a field among the lists
    result = ev(JUDGEMENT, tab=[{"checklist": ERF, "answers": {"previous-history": "no"}}])
    assert result["offered"] == [
        {
            "heading": "2.9: Some key factors may determine the risk of significant harm at an "
            "early stage:",
            "label": "No",
            "line": "Answered No, listed in 2.9 under:",
            "words": "Some key factors may determine the risk of significant harm at an early "
            "stage:",
            "items": [
                {
                    "id": "previous-history",
                    "paragraph": "2.9",
                    "text": "previous history (known to Children's Services for abuse or neglect)",
                    "label": "",
                    "adult_label": "",
                    "note": "",
                    "note_name": "Note",
                    "copy": "previous history (known to Children's Services for abuse or neglect) "
                    "(2.9), No",
                }
            ],
        }
    ]
    assert [p.heading for p in checklist.offered] == [  # in the guidance's order, with its colon
        "2.6: A Strategy Discussion and any Section 47 Enquiry and Assessment must carefully "
        "consider:",
        "2.9: Some key factors may determine the risk of significant harm at an early stage:",
        "2.18: The following information is important for the practitioners to obtain as soon as "
        "possible from the Police and from their own enquiries.",
        "3.7: Factors that would be of concern would include:",
        "3.10: Key qualities of a “good enough” protective parenting:",
    ]


def test_c2_22_cautions_are_text_not_tasks_and_sub_items_re_nested():
    checklist = load_checklist(CHILDREN)
    cautions = {q.id for q in checklist.items if q.caution}
    assert {
        "tell-something",
        "avoid-secrecy",
        "police-search",
        "rude-pictures",
        "common-internet-usage",
        "generic-materials",
    } == cautions
    for qid in cautions:
        with pytest.raises(ChecklistError):
            ev(CHILDREN, {qid: "done"})
    assert checklist.question("observe-young-children").caution is False
    assert checklist.question("perpetrator-leaving").parent == "what-and-who"


@pytest.mark.parametrize("cid", [CHILDREN, PARTNER])
def test_section_7_cautions_are_quoted_in_place_unmarked_and_tasks_numbered_without_them(cid):
    """Section 7: "Whether a bullet is a task or a caution says how it is marked, not where it
    goes: tasks marked Done / To do inline, cautions shown in place, unmarked": in the record a
    caution is the guidance's words quoted (after "> ") where it stands, with no number and no
    answer; the tasks are numbered 1, 2, 3… without counting the cautions."""
    checklist = load_checklist(cid)
    text = record(cid, {"adult": "yes"})
    lines = text.split("ANSWERS\n", 1)[1].split("\n\n", 1)[0].splitlines()
    tasks = [q for q in checklist.items if not q.caution]
    numbered = [li.strip() for li in lines if re.match(r"\s*\d+\. ", li)]
    assert numbered == [f"{i}. {q.text} ({q.paragraph})" for i, q in enumerate(tasks, 1)]
    order = [q.text for q in checklist.items]
    at = [next(i for i, li in enumerate(lines) if t in li) for t in order]
    assert at == sorted(at)  # every bullet in the guidance's order
    for q in checklist.items:
        if q.caution:
            i = next(i for i, li in enumerate(lines) if q.text in li)
            assert lines[i].strip() == f"> {q.text}", q.id
            assert lines[i - 1].strip() == f"Paragraph {q.paragraph}:", q.id
            assert not lines[i + 1].strip().startswith("Answer"), q.id


def test_c2_23_perpetrator_planner_marks_are_independent_with_6_1_whole_and_2_15():
    result = ev(
        PERPETRATOR,
        {"hours-online": ["asked", "cross-check"], "disruption": ["to-ask", "cross-check"]},
    )
    hours, disruption = answer(result, "hours-online"), answer(result, "disruption")
    assert (hours["label"], disruption["label"]) == ("Asked", "To ask")  # the status, and…
    cross_check = [{"label": "Cross-check with the partner", "marked": True}]
    assert hours["marks"] == disruption["marks"] == cross_check  # …the mark of its own
    assert answer(ev(PERPETRATOR, {"nicknames": ["asked"]}), "nicknames")["marks"] == [
        {"label": "Cross-check with the partner", "marked": False}
    ]
    kinds = {p["paragraph"]: (k, p) for k, p in shown(result).values()}
    assert kinds["6.1"][0] == "standing" and kinds["6.1"][1]["quote"] == whole("6.1")
    assert kinds["2.15"][0] == "standing"


def test_c2_24_a_partner_planner_with_3_6_3_8_and_3_9():
    checklist = load_checklist(PARTNER)
    assert {q.paragraph for q in checklist.items} == {"3.8", "3.9"}
    assert len([q for q in checklist.items if q.paragraph == "3.8" and not q.caution]) == 11
    q39 = next(q for q in checklist.items if q.paragraph == "3.9")
    assert '"normal" or "ok" will not suffice' in q39.text
    assert [k for k, p in by_paragraph(ev(PARTNER), "3.6")] == ["standing"]
    assert by_paragraph(ev(PARTNER), "3.6")[0][1]["quote"] == whole("3.6")


# --- corrections in version 3 ---------------------------------------------------------------


def test_c3_1_leads_are_verbatim_excerpts_and_the_loader_refuses_one_that_is_not():
    bad = []
    for cid in ALL:
        for p in load_checklist(cid).prompts:
            if not whole_sentences(p.lead, p.cite.quote):
                bad.append((cid, p.id))
            if flat(p.lead) not in cited_text(p.cite.paragraph) and p.lead not in cited_text(
                p.cite.paragraph
            ):
                bad.append((cid, p.id, "not in the guidance"))
            for gloss in ("not a guide", "either way", "must consider the key factors"):
                assert gloss not in p.lead, (cid, p.id)
    assert bad == []
    lead215 = next(p.lead for p in load_checklist(SD).prompts if p.cite.paragraph == "2.15")
    assert "at an early stage" in lead215
    data = tomllib.loads(
        (resources.files("calculators") / "checklists" / f"{SD}.checklist.toml").read_text(
            encoding="utf-8"
        )
    )
    broken = copy.deepcopy(data)
    target = next(p for p in broken["prompts"] if p["cite"]["paragraph"] == "2.15")
    target["lead"] = "Where possible an interview should be conducted with the alleged perpetrator"
    with pytest.raises(ChecklistError) as error:
        parse_checklist(broken, "x.checklist.toml")
    assert "x.checklist.toml" in str(error.value) and target["id"] in str(error.value)


def test_c3_2_2_14_on_a_partner_and_the_partners_children_without_the_perpetrators_contact():
    result = ev(SD, {"partner": "yes", "partner-children": "yes", "contact": ["none"]})
    assert [k for k, p in by_paragraph(result, "2.14")] == ["follows"]
    assert by_paragraph(result, "2.14")[0][1]["quote"] == whole("2.14")
    open_ = ev(SD, {"partner": "unknown"})
    [(kind, p)] = by_paragraph(open_, "2.14")
    assert kind == "if-so" and p["waits_on"].startswith("If all of these are so: ")
    assert (
        " or " in p["waits_on"] and "Does the alleged perpetrator have a partner?" in p["waits_on"]
    )
    assert (
        by_paragraph(
            ev(SD, {"partner": "yes", "partner-children": "no", "contact": ["none"]}), "2.14"
        )
        == []
    )


def test_c3_3_3_4_is_quoted_whole_with_no_gloss():
    for cid in (SD, CONCERNS, PARENTING):
        result = ev(cid, {"partner": "yes"} if cid == SD else {})
        [(_, p)] = by_paragraph(result, "3.4")
        assert p["quote"] == whole("3.4") and p["lead"] == whole("3.4")
        blob = json.dumps(result) + record(cid)
        for gloss in ("either way", "in either direction", "not a guide"):
            assert gloss not in blob, (cid, gloss)


def test_c3_8_not_answered_qualities_are_never_listed_as_not_known():
    result = ev(PARENTING, {"self-esteem": "unknown"})
    lists = {p["id"]: [i["id"] for i in p["items"]] for _, p in by_paragraph(result, "3.10")}
    assert lists.get("not-known") == ["self-esteem"]
    text = record(PARENTING, {"self-esteem": "unknown"})
    for qid in ("attachment", "cooperative"):
        q = load_checklist(PARENTING).question(qid)
        assert re.search(re.escape(q.text) + r".*\n\s+Answer: Not answered", text)
        heading = [s for s in result["sections"] for p in s["prompts"] if p["id"] == "not-known"]
        assert heading
    not_known_block = text.split("From your answers, answered Not known:")[1].split("Paragraph")[0]
    assert "Has good self-esteem." in not_known_block
    assert "Can provide appropriate attachment" not in not_known_block
    assert "Not answered" not in ev(PARENTING)["sections"][0]["heading"]


def test_c3_9_this_may_have_to_include_stands_under_what_children_will_be_told():
    checklist = load_checklist(CHILDREN)
    child = checklist.question("perpetrator-leaving")
    assert (
        child.text
        == "This may have to include the reasons why the perpetrator is leaving home for a while."
    )
    assert child.parent == "what-and-who"
    text = record(CHILDREN, {"what-and-who": "done"})
    lines = text.splitlines()
    at = next(i for i, li in enumerate(lines) if child.text in li)
    before = [li for li in lines[:at] if re.match(r"\d+\. ", li)][-1]
    assert "Consider what children will be told and who will do this." in before
    assert "We have to be careful" not in "\n".join(lines[lines.index(before) : at])


def test_c3_10_the_workplace_prompt_and_the_two_childrens_planner_items_are_labelled():
    label = shared().adult_label
    sd = ev(SD, {"adult": "no", "accessing-workplace": "yes"})
    for pid in ("position-of-trust-2-6", "position-of-trust-2-18"):
        assert shown(sd)[pid][1]["adult_label"] == label
    children = ev(CHILDREN, {"adult": "unknown"})
    for qid in ("perpetrator-leaving", "observe-young-children"):
        assert answer(children, qid)["adult_label"] == label
    assert f"{SITE} {label}" in record(CHILDREN, {"adult": "unknown"})


def test_c3_13_one_yes_about_accessing_images_names_exactly_that_question():
    result = ev(SD, {"accessing-workplace": "yes"})
    q = load_checklist(SD).question("accessing-workplace")
    text = record(SD, {"accessing-workplace": "yes"})
    assert "Two of them" not in text and "Two of them" not in json.dumps(result)
    for pid in ("position-of-trust-2-6", "position-of-trust-2-18"):
        kind, p = shown(result)[pid]
        assert kind == "follows"
        assert p["from_answers"] == f"From your answers: “{q.text}” (Yes)."
    # computed from the answers: a Not known is named after "If … so", never as a Yes
    unknown = ev(
        SD,
        {
            "contacting-workplace": "unknown",
            "accessing-workplace": "no",
            "accessing-position-of-trust": "no",
            "contacting-position-of-trust": "no",
        },
    )
    kind, p = shown(unknown)["position-of-trust-2-18"]
    other = load_checklist(SD).question("contacting-workplace").text
    assert kind == "if-so" and p["waits_on"] == f"If any of these is so: “{other}” (Not known)."
    assert p["from_answers"] == ""


def test_c3_16_standing_guidance_is_each_paragraph_whole_never_a_first_sentence():
    cut = []
    for cid in ALL:
        for kind, p in shown(ev(cid)).values():
            if kind != "standing" or p["paragraph"] in BOXES:
                if kind == "standing":  # a box whole too, its bullets one a line
                    assert flat(p["quote"]) == BOXES[p["paragraph"]](), (cid, p["id"])
                continue
            if (cid, p["paragraph"]) == (CONCERNS, "3.7"):  # section 4: its first sentence whole,
                # and the list's own words "would include" with it, so that it is never shown
                # alone as reassurance (P1), whatever the answers
                first, rest = whole("3.7").split(" Factors", 1)
                assert p["quote"] == f"{first} Factors{rest.split(':')[0]}:"
                continue
            if flat(p["quote"]) != whole(p["paragraph"]):
                cut.append(f"{cid} {p['id']} {p['paragraph']}")
    assert cut == []
    result = ev(SD)
    assert by_paragraph(result, "2.17")[0][1]["quote"] == whole("2.17")
    box = next(p for k, p in by_paragraph(result, "1.8-box"))["quote"]
    assert "Social workers will not be required to view any child sexual abuse images" in box
    assert box == box_after_1_8()


# --- issue 22: three places where the checklists did not follow spec v3 ---------------------

SECTION_3 = "Linked: 3. Guidance for the assessment of potentially protective carers"
SECTION_31 = (
    "Linked: Section 31 of the Children Act 1989 "
    "(https://www.legislation.gov.uk/ukpga/1989/41/section/31)"
)


def test_spec_part_3_2_5_is_beside_the_first_point_whole_and_nowhere_else():
    """Spec part 3: "2.5 … is shown beside the first point ("Levels A - C")": with that item, in
    the result and in the record (right after its answer, before the next point), once."""
    quote = next(p.cite.quote for p in load_checklist(CORE).prompts if p.cite.paragraph == "2.5")
    for answers, notes in (({}, {}), ({"nature-of-images": "obtained"}, {"nature-of-images": "C"})):
        result = ev(CORE, answers, notes)
        beside = [(a["id"], p) for a in result["answers"] for p in a["beside"]]
        assert [(i, p["paragraph"], p["quote"]) for i, p in beside] == [
            ("nature-of-images", "2.5", quote)
        ]
        assert by_paragraph(result, "2.5") == []  # not among the sections too
        assert "2.5" not in " ".join(s["heading"] for s in result["sections"])
        for text in (
            record(CORE, answers, notes),
            assessment([{"checklist": CORE, **{"answers": answers, "notes": notes}}]),
        ):
            lines = text.splitlines()
            first = next(i for i, line in enumerate(lines) if line.startswith("1. Any information"))
            second = next(i for i, line in enumerate(lines) if line.startswith("2. What is known"))
            part = lines[first:second]
            assert "   Paragraph 2.5" in part
            quoted = [line.strip().removeprefix("> ") for line in part if "> " in line]
            assert "\n".join(quoted) == quote
            assert text.count("Paragraph 2.5") == 1
            assert text.count("Below are the categories for Image Assessment") == 1


@pytest.mark.parametrize(
    ("answers", "kind"),
    [
        ({"partner": "yes", "other-carer": "no"}, "follows"),
        ({"partner": "no", "other-carer": "yes", "other-carer-protect": "yes"}, "follows"),
        ({"partner": "unknown", "other-carer": "no"}, "if-so"),
        ({}, "if-so"),
    ],
)
def test_spec_part_1_section_3_is_linked_with_3_4_whole(answers, kind):
    """Spec part 1: a partner or another parent or carer → "Section 3 linked, with 3.4 whole";
    Not known or not answered → the same, as what would follow if so; by the guidance's heading,
    nothing of the site's about it."""
    [(got, prompt)] = by_paragraph(ev(SD, answers), "3.4")
    assert got == kind
    assert prompt["links"] == [
        {
            "target": "section-3",
            "text": "3. Guidance for the assessment of potentially protective carers",
            "url": "",
        }
    ]
    lines = record(SD, answers).splitlines()
    at = lines.index("Paragraph 3.4")
    after = lines[at + 1 : lines.index(f"  {SECTION_3}", at) + 1]
    assert all(line.startswith(("  > ", f"  {SITE}")) for line in after[:-1])
    assert "".join(lines).count("Linked: 3. Guidance") == 1


def test_spec_part_1_no_partner_and_no_other_carer_no_section_3():
    text = record(SD, {"partner": "no", "other-carer": "no"})
    assert "Paragraph 3.4" not in text and SECTION_3 not in text


def test_spec_part_6_the_judgement_links_2_22_and_its_section_31_with_the_statement():
    """Spec part 6: the record "states the judgement in the practitioner's own choices …, links
    2.22 (Section 31, Children Act 1989), and quotes 2.2's …"."""
    answers = {"harm-consequences": "serious", "probability": "likely"}
    [(_, prompt)] = by_paragraph(ev(JUDGEMENT, answers), "2.22")
    assert prompt["quote"] == whole("2.22")
    assert [link["text"] for link in prompt["links"]] == ["Section 31 of the Children Act 1989"]
    text = record(JUDGEMENT, answers)
    assert f"{SITE} Harm consequences judged serious; probability judged likely." in text
    lines = text.splitlines()
    at = lines.index("Paragraph 2.22")
    assert lines[at + 1 : at + 3] == [f"  > {whole('2.22')}", f"  {SECTION_31}"]
    assert "  > to be considered in consultation with your line-manager" in lines
