"""Every checklist in Chromium: answered end to end by keyboard only; the judgement's
completeness; pre-fill from other checklists; the assessment record of the tab."""

from __future__ import annotations

import re

import pytest

from calculators import checklist_ids
from tests.support.browser import SETTLED
from tests.test_checklist_browser import answer, wait_for_python

MISSING = "\nMISSING: THE RECORD IS NOT COMPLETE WITHOUT THESE\n"
KEYBOARD = """() => {
  const el = document.activeElement;
  return { tag: el.tagName, type: el.type || "", name: el.name || "",
           action: el.dataset ? el.dataset.action || "" : "" };
}"""


@pytest.mark.parametrize("checklist", checklist_ids())
def test_each_checklist_is_answered_end_to_end_by_keyboard_only(page, checklist):
    page.goto(f"checklists/{checklist}/")
    wait_for_python(page)
    page.locator("h1").click()  # start from the top of the content
    seen_groups: set[str] = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        focus = page.evaluate(KEYBOARD)
        if focus["type"] == "radio" and focus["name"] not in seen_groups:
            seen_groups.add(focus["name"])
            # a question answered in words offers Not known alone: the words answer it here
            if page.locator(f"input[type=radio][name='{focus['name']}']").count() > 1:
                page.keyboard.press("Space")
        elif focus["tag"] == "TEXTAREA" and focus["name"].startswith("note:"):
            page.keyboard.type("Typed with the keyboard.")
        elif focus["action"] == "copy":
            page.keyboard.press("Enter")
            break
    else:
        pytest.fail("Tab never reached the Copy record button")
    page.get_by_text("Record copied").wait_for()
    groups = page.locator("fieldset.checklist-q input[type=radio]").evaluate_all(
        "els => [...new Set(els.map(e => e.name))]"
    )
    assert sorted(seen_groups) == sorted(groups)
    checked = page.locator("input[type=radio]:checked").count()
    alone = page.locator("fieldset.checklist-q input[type=radio]").evaluate_all(
        "els => els.filter(e => els.filter(o => o.name === e.name).length === 1).length"
    )
    assert checked == len(groups) - alone
    record = page.evaluate("navigator.clipboard.readText()")
    assert record.rstrip().endswith("> to be considered in consultation with your line-manager")
    assert MISSING not in record


def test_the_judgement_is_not_complete_without_the_judgements_the_decision_and_the_impact(page):
    page.goto("checklists/reaching-a-judgement/")
    wait_for_python(page)
    missing = page.locator(".checklist__missing")
    missing.wait_for()
    for text in [
        "extreme, serious or concerning",
        "highly likely, likely or unlikely",
        "whether the local authority should intervene",
        "likely impact of the proposed intervention",
    ]:
        assert text in missing.inner_text()
    answer(page, "harm-consequences", "serious")
    answer(page, "probability", "likely")
    page.locator(
        ".checklist__statement",
        has_text="Harm consequences judged serious; probability judged likely.",
    ).wait_for()
    assert "likely impact" in missing.inner_text()
    assert MISSING in page.locator(".checklist__record").text_content()
    page.locator("#note-impact").fill("The children stay at home with a written agreement.")
    page.wait_for_function(
        "() => !document.querySelector('.checklist__missing')?.textContent.includes('impact')"
    )
    assert MISSING in page.locator(".checklist__record").text_content()  # no decision yet
    page.locator("#note-decision").fill("Child protection plan; the father lives elsewhere.")
    page.locator("#note-harm-consequences-words").fill("Sexual abuse of the children at home.")
    # The factors that increase and decrease the probability of harm are required too (2.23).
    page.locator("#note-increase-factors").fill("Images of own children.")
    page.locator("#note-decrease-factors").fill("The mother's protective response.")
    missing.wait_for(state="detached")
    page.wait_for_function(SETTLED)
    assert MISSING not in page.locator(".checklist__record").text_content()


def test_the_judgement_offers_the_tabs_answers_beside_its_lists_never_in_them(page):
    page.goto("checklists/early-risk-factors/")
    wait_for_python(page)
    answer(page, "images-of-own-children", "yes")
    page.locator("#q-images-of-own-children summary").click()
    page.locator("#note-images-of-own-children").fill("Seen by the police.")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    page.wait_for_function(SETTLED)
    page.once("dialog", lambda dialog: dialog.accept())  # the leave guard: answers not saved
    page.locator("a.md-nav__link[href$='reaching-a-judgement/']").first.click()
    page.wait_for_url("**/reaching-a-judgement/")
    offered = page.locator(".checklist__offered")
    offered.wait_for()
    said = offered.inner_text()
    assert "Answered Yes, listed in 2.9 under:" in said
    words = offered.locator(".checklist__offered-words").first.inner_text()
    assert words == "Some key factors may determine the risk of significant harm at an early stage:"
    assert "images of own children" in offered.inner_text()
    # the practitioner's words on the answer come with it (the record prints them too)
    assert offered.locator(".checklist__offered-note").inner_text() == "Note: Seen by the police."
    assert page.locator("#note-increase-factors").input_value() == ""
    assert page.locator("#note-decrease-factors").input_value() == ""
    increase = page.locator("#note-increase-factors")
    increase.fill("My own list")
    assert increase.input_value() == "My own list"
    page.wait_for_function(
        "() => document.querySelector('.checklist__record').textContent.includes('My own list')"
    )
    # Spec part 6: each offered answer has a control to copy it into either list; by keyboard,
    # the control keeps the focus while the result is drawn again, and the copy is said.
    copy = offered.get_by_role(
        "button",
        name="Copy to: factors that increase the probability of harm: images of own children (2.9)"
        ", Yes: Seen by the police.",
    )
    copy.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => /My own list\\n +images of own children \\(2\\.9\\), Yes: Seen/"
        ".test(document.querySelector('.checklist__record').textContent)"
    )
    copied = "images of own children (2.9), Yes: Seen by the police."
    assert increase.input_value() == f"My own list\n{copied}"
    assert page.locator("#note-decrease-factors").input_value() == ""
    assert page.evaluate("document.activeElement.dataset.focusKey") == (
        "copy:increase-factors:images-of-own-children"
    )
    assert page.locator(".checklist__copied").inner_text() == f"Copied: {copied}."


def test_the_assessment_record_holds_every_checklist_answered_in_the_tab(page):
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("checklists/strategy-discussion/")
    wait_for_python(page)
    answer(page, "adult", "yes")
    page.locator("form.checklist[data-evaluated]").wait_for()
    page.wait_for_function("() => document.querySelector('.checklist__record').textContent")
    page.locator("a.md-nav__link[href$='early-risk-factors/']").first.click()
    page.wait_for_url("**/early-risk-factors/")
    answer(page, "criminal-lifestyle", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    page.locator("a.md-nav__link[href$='assessment-record/']").first.click()
    page.wait_for_url("**/assessment-record/")
    text = page.locator(".assessment-record__text")
    text.wait_for()
    record = text.text_content()
    assert record.startswith("Assessment record\n")
    assert record.index("\nSTRATEGY DISCUSSION\n") < record.index("\nEARLY RISK FACTORS\n")
    status = page.locator(".assessment-record__status")
    assert status.inner_text() == "2 checklists from this tab, in the guidance's order."
    page.get_by_role("button", name="Copy the assessment record").click()
    page.get_by_text("Assessment record copied").wait_for()
    assert "\nEARLY RISK FACTORS\n" in page.evaluate("navigator.clipboard.readText()")


def test_p10_whole_assessment_saved_and_opened_as_one_file(page, tmp_path):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.goto("checklists/early-risk-factors/")
    wait_for_python(page)
    answer(page, "adult", "yes")
    answer(page, "criminal-lifestyle", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    page.locator("a.md-nav__link[href$='assessment-record/']").first.click()
    page.wait_for_url("**/assessment-record/")
    box = page.locator(".assessment-record[data-gathered]")
    box.wait_for()
    assert page.locator(".assessment-record__status").inner_text().startswith("1 checklist from")
    save = page.get_by_role("button", name="Save the whole assessment to a file")
    with page.expect_download() as download:
        save.click()
    assert re.fullmatch(r"assessment-\d{12}\.json", download.value.suggested_filename)
    saved = tmp_path / "assessment.json"
    download.value.save_as(saved)
    page.get_by_text("The whole assessment is saved to a file").wait_for()

    # Another answer, not saved: opening the file asks first, naming what would be lost.
    page.locator("a.md-nav__link[href$='strategy-discussion/']").first.click()
    page.wait_for_url("**/strategy-discussion/")
    wait_for_python(page)
    answer(page, "immediate-risk", "yes")
    page.wait_for_function(SETTLED)
    page.locator("a.md-nav__link[href$='assessment-record/']").first.click()
    page.wait_for_url("**/assessment-record/")
    page.locator(".assessment-record[data-gathered]").wait_for()
    assert "2 checklists" in page.locator(".assessment-record__status").inner_text()
    page.locator(".assessment-record .checklist__file").set_input_files(saved)
    page.get_by_text("Opened “assessment.json”").wait_for()
    assert len(dialogs) == 1 and "lose your answers" in dialogs[0], dialogs
    assert "Strategy discussion (1 answer)" in dialogs[0] and "Early risk" not in dialogs[0]
    page.locator(".assessment-record__status", has_text="1 checklist from").wait_for()
    record = page.locator(".assessment-record__text").text_content()
    assert "\nEARLY RISK FACTORS\n" in record and "\nSTRATEGY DISCUSSION\n" not in record
    assert (
        page.locator('li[data-checklist="strategy-discussion"]').get_attribute("data-answered")
        == "false"
    )
    # The tab now holds the file's answers: the checklist opens with them, the shared one too.
    page.locator("a.md-nav__link[href$='early-risk-factors/']").first.click()
    page.wait_for_url("**/early-risk-factors/")
    page.locator('form[data-checklist="early-risk-factors"][data-enhanced]').wait_for()
    assert page.locator('input[name="criminal-lifestyle"][value="yes"]').is_checked()
    assert page.locator('input[name="adult"][value="yes"]').is_checked()


def test_the_perpetrator_planner_keeps_asked_and_cross_check_together_on_one_question(page):
    page.goto("checklists/interview-planner-perpetrator/")
    wait_for_python(page)
    boxes = {
        value: page.locator(f'input[name="hours-online"][value="{value}"]')
        for value in ("to-ask", "asked", "cross-check")
    }
    assert all(box.get_attribute("type") == "checkbox" for box in boxes.values())
    boxes["to-ask"].focus()  # by keyboard: Tab to "Asked", tick; Tab to "Cross-check", tick
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert boxes["asked"].is_checked() and boxes["cross-check"].is_checked()
    # The answers are the record's (P12: the planner's statuses are answers, not prompts).
    page.wait_for_function(
        "() => document.querySelector('.checklist__record').textContent"
        ".includes('Answer: Asked\\n   Cross-check with the partner: Marked\\n')"
    )
    boxes["to-ask"].focus()  # To ask and Asked are one status: ticking one unticks the other
    page.keyboard.press("Space")
    assert boxes["to-ask"].is_checked() and not boxes["asked"].is_checked()
    assert boxes["cross-check"].is_checked()  # the cross-check mark stays
    page.wait_for_function(
        "() => document.querySelector('.checklist__record').textContent"
        ".includes('Answer: To ask\\n   Cross-check with the partner: Marked\\n')"
    )
    for paragraph in ("6.1", "2.15"):  # always shown
        assert page.locator(f'[data-prompt] a:text-is("Paragraph {paragraph}")').count()


def test_the_partner_planner_by_keyboard_with_the_grooming_caution_in_place(page):
    page.goto("checklists/interview-planner-partner/")
    wait_for_python(page)
    caution = page.locator("#q-grooming #q-grooming-caution")  # under its topic
    assert "treated with caution" in caution.text_content()
    assert caution.locator("input").count() == 0  # text, never marked
    page.locator('input[name="finances"]').first.focus()
    page.keyboard.press("Space")  # "Covered", the first answer
    assert page.locator('input[name="finances"][value="covered"]').is_checked()
    # Still to cover: listed under the checklist's own heading; covered: not there.
    unknown = page.locator(".checklist__unknown")
    unknown.filter(has_text="Any evidence of grooming behaviour.").wait_for()
    page.wait_for_function(SETTLED)
    assert "Finances and who has control" not in unknown.inner_text()
    page.locator('[data-prompt="first-interview"]').wait_for()  # 3.6, always
    page.wait_for_function(
        "() => document.querySelector('.checklist__record').textContent"
        ".includes('Finances and who has control (3.8)\\n   Answer: Covered')"
    )
