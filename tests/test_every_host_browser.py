"""Issue 14 items 4 and 5 and issue 13 item 4 in Chromium: a search term leaves the address once
marked, odd fragments throw nothing, and a checklist worker that dies is replaced with the answers
kept and the reader told."""

from __future__ import annotations

from tests.test_checklist_browser import PAGE, answer, the_checklist_worker, wait_for_python

RESTARTING = "The checklist's calculator stopped and is starting again."


def test_a_search_term_leaves_the_address(page):
    page.goto("introduction/?h=children")
    page.wait_for_function("() => !new URL(location.href).searchParams.has('h')")
    assert "introduction/" in page.url and "h=" not in page.url


def test_odd_fragments_throw_nothing_and_link_nowhere(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for fragment in ["#__proto__", "#%E0%A4%A", "#constructor"]:
        page.goto(f"introduction/{fragment}")
        page.wait_for_load_state("load")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")
    assert errors == []
    assert page.get_by_text("paragraph undefined").count() == 0


def test_a_dead_worker_is_replaced_and_the_answers_are_kept(page):
    page.goto(PAGE)
    wait_for_python(page)
    answer(page, "adult", "yes")
    page.locator(".checklist__prompts [data-prompt]").first.wait_for()
    worker = the_checklist_worker(page)
    with page.expect_event("worker"):  # a new worker starts
        worker.evaluate("() => { setTimeout(() => { throw new Error('boom'); }); }")
    page.get_by_text(RESTARTING).wait_for()
    page.locator(".checklist__status progress").wait_for(state="detached", timeout=60_000)
    assert page.locator('input[name="adult"][value="yes"]').is_checked()
    answer(page, "images-of-own-children", "yes")  # the new worker answers
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
