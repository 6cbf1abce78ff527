"""Before Python is ready, in Chromium: each answer is acknowledged by its question (issue 26,
item 2), what does not depend on the answers is on the page already (item 3), and what follows
from a first answer is drawn at once from the build's results (item 4)."""

from __future__ import annotations

import re

import pytest

from build_scripts.lib.paths import ROOT

PAGE = "checklists/early-risk-factors/"
READY = "form.checklist[data-evaluated]"
LINE = ":scope > .checklist-q__kept"
KEPT = re.compile(
    r"^Kept\. What follows from it will appear when the checklist is ready"
    r"( \(\d+% downloaded\))?\.$"
)


WASM = "**/pyodide.asm.wasm"
FIRST_ANSWERS_READ = "form.checklist[data-first-answers=read]"
FIRST_ANSWERS = "**/first-answers/*.json"  # the build's results of a first answer


class HeldRuntime:
    """Pyodide's wasm (and any other files named) held back until ``release()``: the checklist
    cannot be ready before."""

    def __init__(self, page, *patterns: str) -> None:
        self.held: list = []
        self.released = False
        for pattern in patterns or (WASM,):
            page.route(pattern, self._hold)

    def _hold(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.held:
            route.continue_()
        self.held.clear()


@pytest.fixture
def held(page):
    """Python held back, and the build's first answers with it: an answer given before either
    has arrived (a first visit on a slow line)."""
    runtime = HeldRuntime(page, WASM, FIRST_ANSWERS)
    page.goto(PAGE)
    yield runtime
    runtime.release()


def not_ready(page) -> bool:
    return page.evaluate(
        "() => !document.querySelector('form.checklist').dataset.evaluated"
        " && !document.documentElement.dataset.pythonStart"
    )


def test_an_answer_before_python_is_acknowledged_by_its_question_until_the_result(page, held):
    form = page.locator("form.checklist")
    said = form.locator("[aria-live]:not([role=status])")
    assert said.count() == 1  # one polite live region for the form, not one per question
    assert said.get_attribute("aria-live") == "polite"
    assert form.locator(".checklist-q__kept").count() == 0

    page.locator('input[name="images-of-own-children"][value="yes"]').check()
    question = page.locator("#q-images-of-own-children")
    # At once, inside its fieldset, right after its answers; Python is held back.
    line = question.locator(":scope > .checklist-q__answers + .checklist-q__kept")
    line.wait_for(timeout=2_000)
    assert not_ready(page)
    assert KEPT.match(line.inner_text()), line.inner_text()
    assert said.inner_text() == (
        "Your answer to question 3 is kept. "
        "What follows from it will appear when the checklist is ready."
    )
    # The line follows the download; the live region is not told again on a progress tick.
    page.wait_for_function(
        """() => /\\(\\d+% downloaded\\)/.test(
          document.querySelector('#q-images-of-own-children > .checklist-q__kept').textContent)""",
        timeout=60_000,
    )
    assert KEPT.match(line.inner_text()), line.inner_text()
    assert said.inner_text().startswith("Your answer to question 3 is kept.")
    # Another question: its own line, announced in the same region; the first is not repeated.
    page.locator('input[name="previous-history"][value="no"]').check()
    other = page.locator("#q-previous-history")
    other.locator(LINE).wait_for(timeout=2_000)
    assert "question 1 is kept" in said.inner_text()
    page.locator('input[name="images-of-own-children"][value="no"]').check()
    assert question.locator(LINE).count() == 1
    assert form.locator(".checklist-q__kept").count() == 2
    assert not_ready(page)

    held.release()
    page.wait_for_selector(READY, timeout=60_000)
    # The result drawn, and the acknowledgements gone with it.
    page.locator('[data-prompt="safeguards-first"]').wait_for()
    assert form.locator(".checklist-q__kept").count() == 0
    assert said.inner_text() == ""
    # Once ready, an answer is not acknowledged: its result follows.
    page.locator('input[name="images-of-own-children"][value="yes"]').check()
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    assert form.locator(".checklist-q__kept").count() == 0


def test_a_first_answer_before_python_shows_what_follows_at_once_from_the_build(page):
    """The build's result for the form with this one answer is drawn at once (no line saying it
    will come); a second answer, which the build did not compute, is acknowledged by its question
    and the first's result stays; Python's result is the same as the build's."""
    held = HeldRuntime(page)
    page.goto(PAGE)
    form = page.locator("form.checklist")
    panel = form.locator(".checklist__prompts")
    page.wait_for_selector(FIRST_ANSWERS_READ)  # the build's results are on the page: drawn at once

    page.locator('input[name="images-of-own-children"][value="yes"]').check()
    follows = panel.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]')
    follows.wait_for(timeout=2_000)
    assert not_ready(page)
    assert form.get_attribute("data-drawn-early") == "true"
    assert form.locator(".checklist-q__kept").count() == 0
    assert form.locator("[aria-live]:not([role=status])").inner_text() == ""
    assert "Nothing is answered yet." not in panel.inner_text()
    # The answer changed: the build's result for the new one.
    page.locator('input[name="images-of-own-children"][value="no"]').check()
    follows.wait_for(state="detached", timeout=2_000)
    page.locator('input[name="images-of-own-children"][value="yes"]').check()
    follows.wait_for(timeout=2_000)
    early = panel.evaluate(SEEN)
    # A second answer: not computed by the build; acknowledged, and the first's result stays.
    # A second answer: not computed by the build; acknowledged by its question, and the panel
    # says above the first's result that it does not yet follow from every answer.
    second = page.locator('input[name="contact"][value="lives-with"]')
    second.check()
    page.locator("#q-contact").locator(LINE).wait_for(timeout=2_000)
    not_yet = panel.locator(":scope > .checklist__not-yet:first-child")
    assert not_yet.inner_text() == (
        "The site's words: What is shown here does not yet follow from all your answers: they "
        "are kept, and what follows from them will appear when the checklist is ready."
    )
    second.uncheck()  # one answer again: the build's result, no line left
    page.locator("#q-contact").locator(LINE).wait_for(state="detached", timeout=2_000)
    assert not_yet.count() == 0
    assert panel.evaluate(SEEN) == early
    assert not_ready(page)

    held.release()
    page.wait_for_selector(READY, timeout=60_000)
    # Python's result for the same answer: the same text and height, drawn anew.
    assert panel.evaluate(SEEN) == early


# The panel's text and height, as the reader has them.
SEEN = "p => ({ text: p.textContent, height: p.getBoundingClientRect().height })"
# Every checklist's page (docs/checklists/<page>.md holding a "/// checklist" block).
CHECKLISTS = sorted(
    path.stem
    for path in (ROOT / "docs" / "checklists").glob("*.md")
    if "/// checklist |" in path.read_text(encoding="utf-8")
)


# A first answer's input on the form: a shared question's, where the checklist asks one.
FIRST_INPUT = "form.checklist fieldset.checklist-q :is(input[type=radio], input[type=checkbox])"
# The page's clearing of that answer (a radio cannot be unticked by a click): as Clear does.
UNTICK = "i => { i.checked = false; i.dispatchEvent(new Event('input', { bubbles: true })); }"


@pytest.mark.parametrize("checklist", CHECKLISTS)
def test_before_python_the_builds_results_are_drawn_and_python_draws_the_same(page, checklist):
    """In the page's HTML, the result with no answers (result_panel.py); the build's result of a
    first answer drawn by render.js (first-answers.js), and with the answer cleared, its result
    with no answers, the same as the HTML's; then Python's result for the answer, drawn anew, the
    same text and height, with the same marks and lines beside the questions."""
    held = HeldRuntime(page)
    page.goto(f"checklists/{checklist}/")
    form = page.locator("form.checklist")
    panel = form.locator(".checklist__prompts")
    # Before Python (held back): the build-time result with no answers, in the page's HTML.
    before = panel.evaluate(SEEN)
    marks = form.locator(".checklist-q__state").all_inner_texts()
    beside = form.locator(".checklist-q__beside").all_inner_texts()
    assert not_ready(page)
    assert before["text"].startswith("The site's words: Nothing is answered yet.The site's words:")
    # The panel's headings are not the page's: none in its table of contents.
    contents = page.locator("nav.md-nav--secondary").all_inner_texts()
    assert not any("The site's words" in text for text in contents), contents
    assert panel.locator("[data-prompt]").count()

    page.wait_for_selector(FIRST_ANSWERS_READ)
    first = page.locator(FIRST_INPUT).first
    first.check()
    page.wait_for_selector("form.checklist[data-drawn-early]", timeout=5_000)
    early = panel.evaluate(SEEN)
    assert "Nothing is answered yet." not in early["text"]
    # Cleared: the build's result with no answers, drawn by render.js, is the page's HTML's.
    first.evaluate(UNTICK)
    page.wait_for_function("() => document.querySelector('.checklist__hint')")
    assert panel.evaluate(SEEN) == before
    assert form.locator(".checklist-q__state").all_inner_texts() == marks
    assert form.locator(".checklist-q__beside").all_inner_texts() == beside
    first.check()
    page.wait_for_function("() => !document.querySelector('.checklist__hint')")
    assert panel.evaluate(SEEN) == early
    marks = form.locator(".checklist-q__state").all_inner_texts()
    beside = form.locator(".checklist-q__beside").all_inner_texts()
    page.evaluate(
        "() => { window.drawn = [...document.querySelectorAll('.checklist__prompts *')]; }"
    )
    assert not_ready(page)

    held.release()
    page.wait_for_selector(READY, timeout=60_000)
    # Python's first result replaced the build's: drawn anew, the same text and height.
    assert page.evaluate("() => window.drawn.every((n) => !n.isConnected)")
    assert panel.evaluate(SEEN) == early
    assert form.locator(".checklist-q__state").all_inner_texts() == marks
    assert form.locator(".checklist-q__beside").all_inner_texts() == beside


SHIFTS = """window.shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
}).observe({ type: "layout-shift", buffered: true });"""
# The status bar's box, and the answer that has focus: where each is on the screen.
PLACES = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  };
  const status = document.querySelector('.checklist__status');
  return { status: box(status), position: getComputedStyle(status).position,
           focused: box(document.activeElement), answer: document.activeElement.matches('input'),
           height: innerHeight };
}"""


def test_getting_ready_is_said_at_the_foot_of_the_screen_over_nothing_that_has_focus(page):
    """Lighthouse counted 0.07 of layout shift when the status, in the page above the questions,
    grew and then emptied; and on a phone it sat below the first screen (issue 26). It is now a bar
    at the foot of the screen while it has something to say: seen at once, moving nothing, and
    never over the answer that has focus as a keyboard user moves down the questions."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(SHIFTS)
    runtime = HeldRuntime(page)
    page.goto(PAGE)
    page.locator(".checklist__status progress").wait_for()
    places = page.evaluate(PLACES)
    assert places["position"] == "fixed"
    assert (
        places["height"] - 200
        < places["status"]["top"]
        < places["status"]["bottom"]
        <= places["height"]
    )
    page.locator(".checklist__questions input").first.focus()
    page.evaluate("window.scrollTo(0, 0)")
    for _ in range(40):  # down the questions by keyboard, well past the first screen
        page.keyboard.press("Tab")
        places = page.evaluate(PLACES)
        if places["answer"]:
            assert places["focused"]["bottom"] <= places["status"]["top"], places
    assert page.evaluate("scrollY") > 740
    runtime.release()
    page.wait_for_selector(READY, timeout=90_000)
    assert page.locator(".checklist__status").inner_text() == ""
    assert sum(page.evaluate("shifts")) < 0.01, page.evaluate("shifts")
