# ruff: noqa: E501 (the focus check is JavaScript, in one string)
"""Issue 13: no click, key, history move or file open loses an answer without a question that says
what would be lost; and no question when nothing would be (instant navigation keeps the tab's
memory). Each path once; the note's limit; visible focus on every kind of control."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import open_search, python_never_loads, shown_results

PAGE = "checklists/early-risk-factors/"
READY = "form.checklist[data-evaluated]"
GONE = "() => !document.querySelector('form[data-checklist=\"early-risk-factors\"]')"
BACK = "Your answers from earlier in this tab are back"


def answer(page, item: str, value: str) -> None:
    page.locator(f'input[name="{item}"][value="{value}"]').check()


def checked(page, item: str, value: str) -> bool:
    return page.locator(f'input[name="{item}"][value="{value}"]').is_checked()


@pytest.fixture
def asked(page):
    """Every question the page asks, answered "OK"; the test says whether there should be one."""
    dialogs: list = []

    def record(dialog):
        dialogs.append((dialog.type, dialog.message))
        dialog.accept()

    page.on("dialog", record)
    return dialogs


def heading_is(page, text: str) -> None:
    page.wait_for_function(
        "(t) => [...document.querySelectorAll('article h1')]"
        ".some((h) => h.textContent.trim() === t)",
        arg=text,
    )


def open_by_link(page, name: str) -> None:
    page.locator(".md-sidebar--primary a.md-nav__link").filter(has_text=name).first.click()
    heading_is(page, name)


def test_an_instant_link_and_back_keep_the_answers_without_asking(page, asked):
    page.goto(PAGE)
    page.wait_for_selector(READY, timeout=60_000)
    answer(page, "adult", "yes")
    page.get_by_role("link", name="Back to paragraph 2.9 in the guidance").click()
    page.wait_for_url(re.compile(r"/assessment/#2\.9$"))
    assert asked == []  # the tab keeps them: nothing to ask
    page.go_back()
    page.get_by_text(BACK).wait_for()
    assert checked(page, "adult", "yes")


def test_a_link_that_loads_a_page_asks_and_says_what_would_be_lost(page):
    page.goto(PAGE)
    answer(page, "adult", "yes")
    answer(page, "previous-history", "no")
    # A link out of this edition (the permanent folder of edition 1): a full page load.
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = '../../../1/'; a.id = 'out';"
        " a.textContent = 'Edition 1'; document.querySelector('article').prepend(a); }"
    )
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.locator("#out").click()
    message = questions[0]
    assert "Early risk factors (2 answers)" in message
    assert "lose" in message
    assert checked(page, "previous-history", "no")


def test_back_then_forward_brings_the_answers_back(page, asked):
    page.goto("")
    open_by_link(page, "Early risk factors")
    page.wait_for_selector(READY, timeout=60_000)
    answer(page, "criminal-lifestyle", "yes")
    page.go_back()
    page.wait_for_function(GONE)
    page.go_forward()
    page.get_by_text(BACK).wait_for()
    assert checked(page, "criminal-lifestyle", "yes")
    assert asked == []


@pytest.mark.parametrize("how", ["reload", "close"])
def test_reload_or_close_after_back_asks_first(page, how):
    page.goto("")
    open_by_link(page, "Early risk factors")
    answer(page, "criminal-lifestyle", "yes")
    page.go_back()
    page.wait_for_function("() => !document.querySelector('form.checklist')")
    with page.expect_event("dialog") as question:
        if how == "reload":
            page.evaluate("() => setTimeout(() => location.reload())")
        else:
            page.close(run_before_unload=True)
    assert question.value.type == "beforeunload"
    # Staying after a reload's question keeps the page; a close is let through (headless Chromium
    # can die when a close is refused, taking every later test with it).
    if how == "reload":
        question.value.dismiss()
    else:
        question.value.accept()


def test_the_n_and_p_shortcuts_keep_the_answers_without_asking(page, asked):
    page.goto(PAGE)
    answer(page, "adult", "no")
    page.locator("article h1").click()  # out of the form: the keys go to the theme
    before = page.url
    page.keyboard.press("n")
    page.wait_for_url(lambda url: url != before)
    page.wait_for_function(
        "() => !document.querySelector('form[data-checklist=\"early-risk-factors\"]')"
    )
    page.keyboard.press("p")
    page.get_by_text(BACK).wait_for()
    assert checked(page, "adult", "no")
    assert asked == []


def test_a_search_result_keeps_the_answers_without_asking(page, asked):
    page.goto(PAGE)
    answer(page, "adult", "yes")
    page.locator("article h1").click()
    open_search(page, "s").press_sequentially("images")
    shown_results(page)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_function(
        "() => !document.querySelector('form[data-checklist=\"early-risk-factors\"]')"
    )
    page.go_back()
    page.get_by_text(BACK).wait_for()
    assert checked(page, "adult", "yes")
    assert asked == []


def test_opening_a_file_over_unsaved_answers_asks_and_says_what_it_replaces(page, tmp_path):
    page.goto(PAGE)
    page.wait_for_selector(READY, timeout=60_000)
    answer(page, "adult", "yes")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save to a file").click()
    saved = tmp_path / "saved.json"
    download.value.save_as(saved)
    answer(page, "previous-history", "no")  # not saved
    with page.expect_event("dialog") as question:
        page.locator(".checklist__file").set_input_files(saved)
    assert "replaces your 2 answers" in question.value.message
    assert "not saved or copied" in question.value.message
    question.value.dismiss()
    page.get_by_text("“saved.json” was not opened").wait_for()
    assert checked(page, "previous-history", "no")


def test_clear_says_what_it_clears_and_then_nothing_comes_back(page):
    page.goto(PAGE)
    answer(page, "adult", "yes")
    answer(page, "previous-history", "no")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Clear all answers").click()
    assert "Clear your 2 answers" in questions[0]
    assert "not saved or copied" in questions[0]
    page.get_by_text("All answers cleared").wait_for()
    page.get_by_role("link", name="Back to paragraph 2.9 in the guidance").click()
    page.wait_for_url(re.compile(r"/assessment/#2\.9$"))
    page.go_back()
    page.locator("form.checklist[data-enhanced]").wait_for()
    assert page.get_by_text(BACK).count() == 0
    assert not checked(page, "adult", "yes")


def test_answers_given_while_python_loads_are_kept_and_then_evaluated(page, asked):
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # Python waits for its wasm
    page.goto(PAGE)
    answer(page, "images-of-own-children", "yes")
    page.wait_for_function("() => document.querySelector('.checklist__status progress')")
    page.get_by_role("link", name="Back to paragraph 2.9 in the guidance").click()
    page.wait_for_url(re.compile(r"/assessment/#2\.9$"))
    page.go_back()
    page.get_by_text(BACK).wait_for()
    assert checked(page, "images-of-own-children", "yes")
    assert asked == []
    page.wait_for_function("() => true")  # let the route's handler run
    for route in held:
        route.continue_()
    page.unroute("**/pyodide.asm.wasm")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for(
        timeout=60_000
    )


def test_answers_are_kept_when_python_never_loads(page):
    python_never_loads(page)
    page.goto(PAGE)
    answer(page, "adult", "yes")
    page.locator(".checklist__status").filter(has_text="cannot show").wait_for(timeout=15_000)
    page.get_by_role("link", name="Back to paragraph 2.9 in the guidance").click()
    page.wait_for_url(re.compile(r"/assessment/#2\.9$"))
    page.go_back()
    page.get_by_text(BACK).wait_for()
    assert checked(page, "adult", "yes")
    with page.expect_event("dialog") as question:
        page.evaluate("() => setTimeout(() => location.reload())")
    assert question.value.type == "beforeunload"
    question.value.dismiss()


def test_a_note_pasted_past_the_limit_says_it_was_cut(page):
    page.goto(PAGE)
    area = page.locator("#note-own-child-at-risk")
    limit = int(area.get_attribute("maxlength"))
    page.evaluate("(n) => navigator.clipboard.writeText('x'.repeat(n))", limit + 213)
    area.focus()
    page.keyboard.press("Control+V")
    count = page.locator("#note-own-child-at-risk-count")
    count.filter(has_text="cut").wait_for()
    assert f"{limit:,} of {limit:,} characters" in count.inner_text()
    assert "last 213 characters were cut" in count.inner_text()
    assert count.get_attribute("role") == "alert"


# The focus indicator as drawn: an outline (or a box-shadow ring) at least 2 CSS px thick with
# at least 3:1 contrast against what is behind it (WCAG 2.2 2.4.11/2.4.13, approximately).
FOCUS = """(el) => {
  const lum = (c) => { const m = c.match(/[\\d.]+/g).map(Number); if (m.length > 3 && m[3] === 0) return null;
    const ch = m.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]; };
  let bg = null;
  for (let n = el.parentElement; n && bg === null; n = n.parentElement) bg = lum(getComputedStyle(n).backgroundColor);
  if (bg === null) bg = 1;
  const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth);
  if (s.outlineStyle !== 'none' && width >= 2 && lum(s.outlineColor) !== null && ratio(lum(s.outlineColor), bg) >= 3)
    return 'outline ' + width + 'px ' + s.outlineColor;
  return 'none: outline ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ', box-shadow ' + s.boxShadow;
}"""


@pytest.mark.parametrize(
    ("kind", "selector"),
    [
        ("radio", 'input[name="adult"][value="yes"]'),
        ("checkbox", 'input[name="contact"][value="regular"]'),
        ("text box", "#note-own-child-at-risk"),
        ("button", 'button[data-action="clear"]'),
        ("link", 'a[data-para="2.10"]'),
        ("summary", "#q-adult summary"),
    ],
)
def test_every_kind_of_control_shows_keyboard_focus(page, kind, selector):
    page.goto(PAGE)
    control = page.locator(selector).first
    page.keyboard.press("Shift")  # the last input was the keyboard: focus-visible applies
    control.focus()
    assert page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector)
    indicator = control.evaluate(FOCUS)
    assert indicator.startswith("outline"), (
        f"a focused {kind} shows no focus indicator: {indicator}"
    )


def test_c3_4_the_age_is_one_answer_for_every_checklist_of_the_tab(page, asked):
    """P14: answered on one checklist, it shows as answered on another (instant navigation, the
    same tab), saying where; changed there, it is changed on the first too."""
    page.goto(PAGE)
    page.wait_for_selector(READY, timeout=60_000)
    answer(page, "adult", "yes")
    where = page.locator("#q-adult .checklist-q__answered-in")
    assert where.inner_text().startswith("The site's words: answered in: Early risk factors")
    said = page.locator("#q-adult").inner_text()
    assert said.count("one answer for every checklist of this tab") == 1, said  # said once
    open_by_link(page, "Strategy discussion")
    page.locator('form[data-checklist="strategy-discussion"][data-evaluated]').wait_for()
    assert checked(page, "adult", "yes")
    where = page.locator("#q-adult .checklist-q__answered-in")
    assert "answered in: Early risk factors" in where.inner_text()
    # The next evaluate used it: 18 or over, nothing of 1.7 to read first.
    assert page.locator('[data-prompt="young-people"]').count() == 0
    answer(page, "adult", "no")
    page.locator('[data-prompt="young-people"][data-group="pinned"]').wait_for()
    assert "answered in: Strategy discussion" in where.inner_text()
    open_by_link(page, "Early risk factors")
    page.locator('form[data-checklist="early-risk-factors"][data-evaluated]').wait_for()
    assert checked(page, "adult", "no")
    assert (
        "answered in: Strategy discussion"
        in page.locator("#q-adult .checklist-q__answered-in").inner_text()
    )
    page.locator('[data-prompt="young-people"][data-group="pinned"]').wait_for()
    assert asked == []  # instant navigation: nothing to ask
