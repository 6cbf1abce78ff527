"""The checklist form extension: Markdown in, HTML out (a real form before any JavaScript runs)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import yaml

from build_scripts.lib.html_tree import parse
from build_scripts.mdx._html import paragraph_href
from build_scripts.mdx.checklist_form import BRINGS, brings
from calculators import checklist_ids, load_checklist
from calculators.definitions import Cite, Condition, Prompt
from calculators.model import follow_renumbering
from tests.support.markdown import ROOT, render

ONLY = ["attr_list", "md_in_html", "checklist_form"]


def nodes(markdown: str):
    return list(parse(render(markdown, only=ONLY)).iter())


def test_a_checklist_block_renders_every_question_as_a_real_control():
    checklist = load_checklist("strategy-discussion")
    found = nodes("/// checklist | strategy-discussion\n///\n")
    forms = [n for n in found if n.tag == "form" and "checklist" in n.classes]
    assert len(forms) == 1
    fieldsets = {n.attrs["id"] for n in found if n.tag == "fieldset"}
    assert fieldsets == {f"q-{q.id}" for q in checklist.questions}
    kinds = {}
    for q in checklist.questions:
        controls = [n for n in found if n.attrs.get("name") == q.id]
        kinds[q.id] = {n.attrs.get("type", n.tag) for n in controls}
        assert kinds[q.id], q.id
    assert kinds["contact"] == {"checkbox"}  # several answers: boxes, not radio buttons
    assert {"radio"} in kinds.values()


def test_paragraph_links_are_written_from_the_docs_root_for_mkdocs_to_check():
    found = nodes("/// checklist | early-risk-factors\n///\n")
    links = [n.attrs["href"] for n in found if n.tag == "a" and "data-para" in n.attrs]
    assert "/assessment.md#2.9" in links and "/assessment.md#2.10" in links


def test_use_checklist_links_to_the_checklist_page():
    found = nodes("/// use-checklist | early-risk-factors\n///\n")
    link = next(n for n in found if n.tag == "a")
    assert link.attrs["href"] == "/checklists/early-risk-factors.md"
    assert link.text() == "Use the checklist: " + load_checklist("early-risk-factors").title


def test_the_assessment_record_lists_every_checklist_once():
    found = nodes("/// assessment-record\n///\n")
    listed = [n.attrs["data-checklist"] for n in found if "data-checklist" in n.attrs]
    assert sorted(listed) == sorted(checklist_ids())


def brings_line(found, question: str):
    """The "Your answer can bring" line of one question's fieldset, or None."""
    box = next(n for n in found if n.attrs.get("id") == f"q-{question}")
    return next((n for n in box.iter() if "checklist-q__brings" in n.classes), None)


def test_c3_14_a_question_brings_what_every_prompt_naming_it_cites_in_order_once():
    checklist = load_checklist("strategy-discussion")
    first, second = checklist.items[0].id, checklist.items[1].id

    def prompt(name, items, paragraph):
        when = tuple(Condition((i,), "any", frozenset({"yes"})) for i in items)
        return Prompt(name, "A lead.", when, (Cite(paragraph, "Text."),))

    made = replace(
        checklist,
        prompts=(
            prompt("a", [first], "2.16"),
            prompt("b", [second, first], "2.10"),
            prompt("b2", [second, first], "2.3"),
            prompt("c", [second], "2.9"),
            prompt("d", [], "2.12"),  # standing: brought by no question
        ),
    )
    assert brings(made) == {first: ("2.3", "2.10", "2.16"), second: ("2.3", "2.9", "2.10")}


def test_c3_14_each_question_shows_inline_the_paragraphs_its_answers_can_bring():
    checklist = load_checklist("strategy-discussion")
    found = nodes("/// checklist | strategy-discussion\n///\n")
    expected = brings(checklist)
    assert {"2.3", "2.16"} <= set(expected["contact"])  # spec 1: 2.3 and 2.16 on contact
    for q in checklist.questions:
        line = brings_line(found, q.id)
        if q.id not in expected:
            assert line is None, q.id
            continue
        assert line.text().startswith(BRINGS), q.id
        links = [n for n in line.iter() if n.tag == "a"]
        assert [a.text() for a in links] == list(expected[q.id]), q.id
        assert [a.attrs["href"] for a in links] == [
            paragraph_href(p, "docs") for p in expected[q.id]
        ]


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_the_sites_question_links_no_paragraph_of_its_own_only_what_it_can_bring(checklist_id):
    """The site's questions quote no paragraph: their legend links none (it once linked "2.16"
    beside the contact question, while the record says "(asked for 2.3, 2.14, 2.16)"); the
    paragraphs their answers can bring are the line under it, as in the record. A guidance
    item's legend links the paragraph it quotes."""
    checklist = load_checklist(checklist_id)
    found = nodes(f"/// checklist | {checklist_id}\n///\n")
    for q in checklist.questions:
        if q.caution:  # quoted in place, not asked
            continue
        box = next(n for n in found if n.attrs.get("id") == f"q-{q.id}")
        legend = next(n for n in box.iter() if "checklist-q__legend" in n.classes)
        links = [n.text() for n in legend.iter() if n.tag == "a"]
        assert links == ([] if not q.verbatim else [q.paragraph]), q.id


def test_a_shared_question_says_once_that_it_is_one_answer_for_every_checklist():
    found = nodes("/// checklist | strategy-discussion\n///\n")
    box = next(n for n in found if n.attrs.get("id") == "q-adult")
    said = [n.text() for n in box.iter() if "checklist-q__shared" in n.classes]
    assert said == [
        "The same question is asked in other checklists, with one answer for every checklist "
        "of this tab."
    ]


def how_lines(checklist_id: str) -> list[str]:
    found = nodes(f"/// checklist | {checklist_id}\n///\n")
    box = next(n for n in found if "checklist__how" in n.classes)
    return [n.text() for n in box.iter() if n.tag == "li"]


def numbered(line: str) -> set[int]:
    """The item numbers a "Questions 1 to 3, 6 and 8:" line names (ranges with an en dash)."""
    head = line.split(":", 1)[0]
    found: set[int] = set()
    for a, b in re.findall(r"(\d+)(?:\N{EN DASH}(\d+))?", head):
        found |= set(range(int(a), int(b or a) + 1))
    return found


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_p16_how_to_answer_gives_each_questions_answer_labels_from_the_definition(checklist_id):
    checklist = load_checklist(checklist_id)
    lines = how_lines(checklist_id)
    cautions = [x for x in lines if x.startswith("Quoted among them, unnumbered:")]
    assert len(cautions) == (1 if any(q.caution for q in checklist.items) else 0)
    assert all("no answer" in x for x in cautions)
    tasks = [q for q in checklist.items if not q.caution]  # a caution is never numbered
    for number, q in enumerate(tasks, 1):
        (line,) = [x for x in lines if x.startswith("Question") and number in numbered(x)]
        if q.kind == "note":
            assert line.endswith(": in your own words."), q.id
        else:
            assert " / ".join(q.answers.labels.values()) in line, q.id
    scope = [x for x in lines if x.startswith("The site's question")]
    assert len(scope) == (1 if checklist.scope else 0)
    for q in checklist.scope:
        assert " / ".join(q.answers.labels.values()) in scope[0], q.id


def test_p16_the_paragraphs_shown_whatever_the_answers_are_the_unconditional_prompts():
    checklist = load_checklist("strategy-discussion")
    (line,) = [x for x in how_lines("strategy-discussion") if x.startswith("Shown whatever")]
    always = {c.paragraph for p in checklist.prompts if not p.when for c in p.cites}
    line = re.sub(r"the box after (\d+\.\d+)", r"\1-box", line)
    assert set(re.findall(r"\d+\.\d+(?:-box)?", line)) == always and "2.12" in always


# What the pages said of version 1 (C3-12), and the hand-written descriptions of answers.
VERSION_1 = (
    "Not yet known", "strengths", "gaps", "Obtained, Outstanding or Not applicable",
    "start from those answers", "on a note", "A note on the last point", "counts as",
)  # fmt: skip
PAGES = sorted((ROOT / "docs/checklists").glob("*.md"))


def test_c3_12_no_checklist_page_describes_an_earlier_version():
    for page in PAGES:
        text = " ".join(page.read_text(encoding="utf-8").split())
        for words in VERSION_1:
            assert words.casefold() not in text.casefold(), (page.name, words)


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_p16_a_pages_own_words_name_no_answer_of_its_checklist(checklist_id):
    """The answers are described by the generated "How to answer" only, never by hand."""
    checklist = load_checklist(checklist_id)
    page = ROOT / f"docs/checklists/{checklist_id}.md"
    prose = " ".join(page.read_text(encoding="utf-8").split("---", 2)[2].split())
    labels = {label for q in checklist.questions for label in q.answers.labels.values()}
    for label in labels:
        assert not re.search(rf"\b{re.escape(label)}\b", prose), (checklist_id, label)


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_p16_a_checklist_is_named_by_its_definitions_title_on_its_page_and_the_index(
    checklist_id: str,
) -> None:
    """The page's title and heading, and its row of the checklists' index, name the checklist as
    its definition (and so its record) does: the 3.7 checklist is "Factors that would be of
    concern", named by 3.7's own words (spec section 4), not "Protective carer: …"."""
    title = load_checklist(checklist_id).title
    page = (ROOT / f"docs/checklists/{checklist_id}.md").read_text(encoding="utf-8")
    assert yaml.safe_load(page.split("---", 2)[1])["title"] == title, checklist_id
    assert f"\n# {title}\n" in page, checklist_id
    index = (ROOT / "docs" / "checklists" / "index.md").read_text(encoding="utf-8")
    assert f"| [{title}]({checklist_id}.md) |" in index, checklist_id


def test_p16_the_index_describes_the_3_7_checklist_in_3_7s_words_only() -> None:
    """Spec section 4: 3.7's factors concern the offender, the family and the children; the
    index quotes 3.7's own words for them and narrows them to no one."""
    index = (ROOT / "docs" / "checklists" / "index.md").read_text(encoding="utf-8")
    row = next(line for line in index.splitlines() if "(protective-carer-concerns.md)" in line)
    assert '"factors that would be of concern"' in row
    assert "about the family" not in row


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_every_note_box_has_a_label_and_none_says_scope_question(checklist_id):
    found = nodes(f"/// checklist | {checklist_id}\n///\n")
    labels = {n.attrs.get("for"): n.text() for n in found if n.tag == "label" and "for" in n.attrs}
    areas = [n.attrs["id"] for n in found if n.tag == "textarea"]
    assert areas and all(labels.get(a) for a in areas)
    assert not any("scope question" in text for text in labels.values())
    assert all(not re.search(r"item \d+\.\)", text) for text in labels.values())


def test_p16_the_checklists_page_names_the_age_question_and_its_label_as_defined():
    """The checklists' index says what the age question brings in the definitions' own words,
    and paraphrases no paragraph (it quotes 2.2 and 1.8)."""
    from calculators.model import shared

    page = " ".join((ROOT / "docs" / "checklists" / "index.md").read_text(encoding="utf-8").split())
    assert f'"{shared().questions["adult"].text}"' in page
    assert f'"{shared().adult_label}"' in page
    assert '"Each case has to be assessed on its individual merits and will be unique"' in page
    assert "the judgement of risk is yours" not in page


PLANNERS_WITH_CAUTIONS = ["interview-planner-children", "interview-planner-partner"]


@pytest.mark.parametrize("checklist_id", PLANNERS_WITH_CAUTIONS)
def test_cautions_are_quoted_in_place_unnumbered_and_the_tasks_numbered_without_them(checklist_id):
    """Spec section 7: "tasks marked Done / To do inline, cautions shown in place, unmarked", on
    screen and on the blank paper form: a caution is the guidance's words quoted, no number, no
    control; the tasks are numbered 1, 2, 3… counting no caution."""
    checklist = load_checklist(checklist_id)
    found = nodes(f"/// checklist | {checklist_id}\n///\n")
    boxes = [n for n in found if "checklist-q--caution" in n.classes]
    assert {n.attrs["id"] for n in boxes} == {f"q-{q.id}" for q in checklist.items if q.caution}
    for box in boxes:
        inside = list(box.iter())
        assert not [n for n in inside if "checklist-q__number" in n.classes], box.attrs["id"]
        assert not [n for n in inside if n.tag in ("input", "textarea")], box.attrs["id"]
        (quote,) = [n for n in inside if n.tag == "blockquote"][:1]
        text = checklist.question(box.attrs["id"].removeprefix("q-")).text
        assert f"“{text}”" in quote.text()
    numbers = [n.text() for n in found if "checklist-q__number" in n.classes]
    tasks = [q for q in checklist.items if not q.caution]
    assert numbers == [f"{i}." for i in range(1, len(tasks) + 1)]


def test_the_form_its_panel_and_the_assessment_record_cite_the_latest_editions_ids():
    follow_renumbering({"6.1": "6.9", "6.2": "6.3"})
    try:
        form = nodes("/// checklist | interview-planner-perpetrator\n///\n")
        record = nodes("/// assessment-record\n///\n")
    finally:
        follow_renumbering(None)
    cited = {n.attrs["data-para"] for n in form if "data-para" in n.attrs}
    assert {"6.3", "6.9"} <= cited and not {"6.1", "6.2"} & cited
    panel = next(n for n in form if "checklist__result" in n.classes).text()
    assert "Paragraph 6.9" in panel and "6.1" not in panel  # drawn by result_panel
    listed = next(
        n for n in record if n.attrs.get("data-checklist") == "interview-planner-perpetrator"
    )
    assert listed.text().endswith("(Stage 2, paragraph 6.3)")


def test_p13_a_box_is_named_by_its_heading_on_screen_never_by_its_id():
    """The audit found "Paragraph 1.8-box" under the box after 1.8 on screen (the record named
    it "“Things to think about”, the box after paragraph 1.8"): the panel drawn at build time
    names it as the record does (render.js draws the same text: the before-Python test)."""
    panel = next(
        n
        for n in nodes("/// checklist | strategy-discussion\n///\n")
        if "checklist__result" in n.classes
    ).text()
    assert "-box" not in panel
    assert "“Things to think about”, the box after paragraph 1.8" in panel


def test_p12_what_would_follow_if_so_names_the_paragraph_and_lead_then_what_it_waits_on():
    """P12 c: one line per paragraph, its number and lead, then the site's "If any of these is
    so: …" (the audit found the site's line above the paragraph's)."""
    form = nodes("/// checklist | strategy-discussion\n///\n")
    prompts = [n for n in form if "checklist-prompt--if-so" in n.classes]
    assert prompts
    for prompt in prompts:
        order = [
            n
            for n in prompt.iter()
            if {"checklist-prompt__lead", "checklist-prompt__waits-on"} & set(n.classes)
        ]
        kinds = ["lead" if "checklist-prompt__lead" in n.classes else "waits" for n in order]
        assert kinds in (["lead"], ["lead", "waits"]), kinds


def test_the_guidance_words_opening_a_list_are_quoted_before_its_first_question():
    """2.23's stages and 2.9's lead before the questions they open, with their paragraph's link,
    on screen and on paper (the form is the page's HTML), as the record prints them."""
    form = nodes("/// checklist | reaching-a-judgement\n///\n")
    order = [
        n.text() if "checklist-q__opens" in n.classes else n.attrs["id"]
        for n in form
        if "checklist-q__opens" in n.classes or n.tag == "fieldset"
    ]
    severity = order.index("q-severity")
    assert order[severity - 1].startswith("“b) Analysis of information \u2013 considering:”")
    assert order[severity - 1].endswith("Paragraph 2.23")
    early = nodes("/// checklist | early-risk-factors\n///\n")
    opens = [n.text() for n in early if "checklist-q__opens" in n.classes]
    assert opens == ["“Some key factors may determine the risk of significant harm at an early "
                     "stage:” Paragraph 2.9"]  # fmt: skip


def test_the_missing_list_tells_the_judgements_two_lists_apart_by_their_headings():
    """The audit found "What are the factors that increase and decrease the probability of
    harm?… Not answered" twice on screen: each line now has its heading, as in the record."""
    panel = next(
        n
        for n in nodes("/// checklist | reaching-a-judgement\n///\n")
        if "checklist__result" in n.classes
    ).text()
    for heading in ("increase", "decrease"):
        assert f"Factors that {heading} the probability of harm: What are the factors" in panel
    assert "The decision: whether the local authority should intervene" in panel
