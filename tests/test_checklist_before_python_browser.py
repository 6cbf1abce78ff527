"""Before Python is ready, in Chromium: each answer is acknowledged by its question (issue 26,
item 2), and what does not depend on the answers is on the page already (item 3)."""

from __future__ import annotations

import re

import pytest

PAGE = "checklists/early-risk-factors/"
READY = "form.checklist[data-evaluated]"
LINE = ":scope > .checklist-q__kept"
KEPT = re.compile(
    r"^Kept\. What follows from it will appear when the checklist is ready"
    r"( \(\d+% downloaded\))?\.$"
)


class HeldRuntime:
    """Pyodide's wasm held back until ``release()``: the checklist cannot be ready before."""

    def __init__(self, page) -> None:
        self.held: list = []
        self.released = False
        page.route("**/pyodide.asm.wasm", self._hold)

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
    runtime = HeldRuntime(page)
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
    page.locator('[data-prompt="risk-factor-present-2-10"]').wait_for()
    assert form.locator(".checklist-q__kept").count() == 0
