"""The checklist form extension: Markdown in, HTML out (a real form before any JavaScript runs)."""

from __future__ import annotations

from build_scripts.lib.html_tree import parse
from calculators import checklist_ids, load_checklist
from tests.support.markdown import render

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
