"""The early risk factors checklist in Chromium: Python in a worker, the record, files, privacy."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import SETTLED, axe_violations, python_never_loads

PAGE = "checklists/early-risk-factors/"
READY = "form.checklist[data-evaluated]"
# Resolves after the page has handled what is queued: an event to await, not a fixed time.
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"


def answer(page, item: str, value: str) -> None:
    page.locator(f'input[name="{item}"][value="{value}"]').check()


def wait_for_python(page) -> None:
    page.wait_for_selector(READY, timeout=60_000)


def the_checklist_worker(page):
    """The page's checklist worker, once the snapshot maker (a short-lived second worker that a
    fresh start begins, docs/assets/js/checklist-worker.js) has stored its snapshot and stopped."""
    page.wait_for_selector("html[data-python-snapshot]", state="attached", timeout=120_000)
    for _ in range(50):
        workers = [w for w in page.workers if w.url.startswith("blob:") or "checklist" in w.url]
        if len(workers) == 1:
            return workers[0]
        page.wait_for_timeout(100)
    raise AssertionError([w.url for w in page.workers])


@pytest.fixture
def checklist(page):
    page.goto(PAGE)
    return page


SITE_MARK = "The site's words:"


def test_answers_given_before_python_is_ready_are_kept_and_evaluated(checklist):
    page = checklist
    answer(page, "images-of-own-children", "yes")  # at once, while Python is still loading
    # (the answer is the page's HTML: on a busy machine it is given before the page's script runs)
    expect(page.locator(".checklist__status progress")).to_have_count(1)
    # Python's result: 2.10 follows (the page's HTML has it only as what would follow if so; the
    # build's result for this one answer may show it before Python is ready).
    wait_for_python(page)
    prompt = page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]')
    prompt.wait_for()
    assert "If any of these risk factors are present" in prompt.inner_text()
    link = prompt.get_by_role("link", name="Paragraph 2.10")
    assert re.search(r"/assessment/#2\.10$", link.get_attribute("href"))
    assert page.locator(".checklist__status").inner_text() == ""


def test_the_2_10_prompt_links_to_the_paragraph_and_the_copied_record_holds_it(checklist):
    page = checklist
    wait_for_python(page)
    answer(page, "adult", "yes")
    answer(page, "images-of-own-children", "yes")
    prompt = page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]')
    prompt.wait_for()
    # Whole, as it follows: the site's line on the answers (marked), then the guidance's words.
    assert prompt.get_attribute("data-group") == "follows"
    from_answers = prompt.locator(".checklist-prompt__from-answers")
    assert from_answers.inner_text().startswith(f"{SITE_MARK} From your answers")
    assert prompt.locator("blockquote").inner_text().startswith("“If any of these risk factors")
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    record = page.evaluate("navigator.clipboard.readText()")
    assert record.startswith("Early risk factors: checklist record\n")
    assert "3. images of own children (2.9)\n   Answer: Yes\n" in record
    assert "Paragraph 2.10\n" in record
    assert "  > If any of these risk factors are present" in record
    assert "\nEdition: Edition 1 (as received), date not given\n" in record  # the page's date
    assert record.rstrip().endswith("> to be considered in consultation with your line-manager")
    prompt.get_by_role("link", name="Paragraph 2.10").click()
    page.wait_for_url(re.compile(r"/assessment/#2\.10$"))


def test_all_no_shows_2_12_first_2_2_always_and_regular_contact_shows_2_16(checklist):
    page = checklist
    wait_for_python(page)
    for item in [
        "previous-history",
        "previous-contact-abuse",
        "images-of-own-children",
        "partner-capacity",
        "absence-of-cooperation",
        "abuse-neglect-risk-factors",
        "criminal-lifestyle",
    ]:
        answer(page, item, "no")
    # An open question: a text box, and Not known as the only choice (no Yes / No).
    assert page.locator("#q-own-child-at-risk input[type=radio]").evaluate_all(
        "els => els.map(e => e.value)"
    ) == ["unknown"]
    page.locator("#note-own-child-at-risk").fill("Mother says she has no concerns")
    page.locator('input[name="contact"][value="regular"]').check()
    page.locator('[data-prompt="conference"]').wait_for()
    # Every answer's result drawn (the note's is read 250 ms after typing, maybe after the box's).
    page.wait_for_function(SETTLED)
    page.locator('[data-prompt="conference"]').wait_for()
    prompts = page.locator("[data-prompt]").evaluate_all(
        "els => els.map(e => [e.dataset.prompt, e.dataset.group])"
    )
    assert prompts == [
        ["safeguards-first", "pinned"],
        ["conference", "follows"],
        ["young-people", "if-so"],  # the age is not answered: 1.7 if under 18
        ["risk-factor-present-2-10", "if-so"],  # words are never read as a No: 2.10 if so
        ["risk-factor-present-2-11", "if-so"],
        ["starting-point", "standing"],
    ]
    if_so = page.locator('[data-prompt="risk-factor-present-2-10"]')
    # One line: "Paragraph 2.10: <lead>"; what it waits on always in view, as the site's words.
    summary = if_so.locator("summary")
    assert summary.inner_text().startswith("Paragraph 2.10: If any of these risk factors")
    waits = if_so.locator(".checklist-prompt__waits-on")
    assert waits.inner_text().startswith(f"{SITE_MARK} If any of these is so:")
    assert "understanding concerns that own child may be at risk" in waits.inner_text()
    quote = if_so.locator("blockquote")
    assert not quote.is_visible()  # folded
    summary.click()
    assert quote.is_visible()  # whole, on demand
    assert "Turnell & Essex may be helpful" in quote.inner_text()
    # The standing guidance: one group, open, its heading the site's words, each paragraph whole.
    group = page.locator("details.checklist-standing")
    assert group.count() == 1 and group.evaluate("d => d.open")
    assert group.locator("summary").inner_text() == (
        f"{SITE_MARK} Always shown, whatever the answers: 2.2"
    )
    assert group.locator('[data-prompt="starting-point"] blockquote').is_visible()


def test_save_clear_open_restores_every_answer_and_note(checklist, tmp_path):
    page = checklist
    wait_for_python(page)
    answer(page, "adult", "yes")
    answer(page, "previous-history", "no")
    answer(page, "images-of-own-children", "unknown")
    answer(page, "contact", "regular")  # checkboxes: a list of answers
    answer(page, "contact", "other")
    page.locator("#note-own-child-at-risk").fill("Not discussed yet")
    page.locator("#q-previous-history summary").click()
    page.locator("#note-previous-history").fill("Checked with the team <b>today</b>")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save to a file").click()
    saved = tmp_path / "saved.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["answers"]["previous-history"] == "no"
    assert json.loads(saved.read_text())["answers"]["contact"] == ["regular", "other"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all answers").click()
    assert page.locator("form.checklist input:checked").count() == 0

    page.locator(".checklist__file").set_input_files(saved)
    page.get_by_text("Opened “saved.json”").wait_for()
    checked = page.locator("input[type=radio]:checked").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
    )
    assert checked == {
        "adult": "yes",
        "previous-history": "no",
        "images-of-own-children": "unknown",
    }
    ticked = page.locator('input[name="contact"]:checked').evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert ticked == ["regular", "other"]
    assert page.locator("#note-own-child-at-risk").input_value() == "Not discussed yet"
    assert (
        page.locator("#note-previous-history").input_value() == "Checked with the team <b>today</b>"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("corrupt.json", b"{not json", "it is not JSON text"),
        (
            "other.json",
            json.dumps({"format": "something-else"}).encode(),
            "is not a checklist saved from this site",
        ),
        (
            "strategy.json",
            json.dumps(
                {
                    "format": "guidance-checklist",
                    "format_version": 1,
                    "checklist": "strategy-discussion",
                    "answers": {},
                }
            ).encode(),
            "is a saved “Strategy discussion” checklist, not “Early risk factors”",
        ),
        ("huge.json", b" " * 1_000_001, "larger than 1 MB"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "it is not JSON text"),
        (
            "future.json",
            json.dumps(
                {
                    "format": "guidance-checklist",
                    "format_version": 1,
                    "checklist": "early-risk-factors",
                    "edition": "Edition 9",
                    "edition_number": 9,
                    "answers": {},
                }
            ).encode(),
            "was saved with a newer edition of the guidance",
        ),
        (
            "extra.json",
            json.dumps(
                {
                    "format": "guidance-checklist",
                    "format_version": 1,
                    "checklist": "early-risk-factors",
                    "edition": "Edition 1",
                    "edition_number": 1,
                    "answers": {},
                    "case_number": "123",
                }
            ).encode(),
            "has fields this site does not know: 'case_number'",
        ),
    ],
)
def test_a_bad_file_gives_a_clear_message_and_keeps_the_answers(
    checklist, tmp_path, name, content, message
):
    page = checklist
    wait_for_python(page)
    answer(page, "criminal-lifestyle", "yes")
    bad = tmp_path / name
    bad.write_bytes(content)
    page.locator(".checklist__file").set_input_files(bad)
    alert = page.get_by_role("alert")
    alert.filter(has_text=message).wait_for()
    assert "Your current answers have not been changed" in alert.inner_text()
    assert page.locator('input[name="criminal-lifestyle"][value="yes"]').is_checked()


def test_every_request_is_same_origin_and_answering_makes_none(context, checklist, site_root):
    page = checklist
    wait_for_python(page)
    # The snapshot maker (started when Python is ready, never sent an answer) has finished.
    page.wait_for_selector("html[data-python-snapshot]", state="attached", timeout=120_000)
    before = len(context.requests)
    for item in ["adult", "images-of-own-children", "criminal-lifestyle"]:
        answer(page, item, "yes")
    page.locator("#q-adult summary").click()
    page.locator("#note-adult").fill("a note")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    page.locator("#note-adult").press("Tab")  # the note's change is handled: a round trip more
    page.evaluate(NEXT_FRAME)
    assert context.requests[before:] == []
    # A worker's blob: address (blob:<this origin>/<id>) is this site's own.
    assert [u for u in context.requests if not u.removeprefix("blob:").startswith(site_root)] == []
    assert any(u.endswith("pyodide.asm.wasm") for u in context.requests)


def test_without_javascript_the_form_is_there_to_print(chromium, site_url):
    context = chromium.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(PAGE)
    assert page.locator("fieldset.checklist-q").count() == 10
    # Yes / No / Not known for seven factors and the age; Not known beside the open question's
    # text box ("understanding concerns…"); the contact question's boxes.
    assert page.locator("form.checklist input[type=radio]").count() == 7 * 3 + 3 + 1
    assert page.locator("form.checklist input[type=checkbox][name=contact]").count() > 1
    for fieldset in page.locator("fieldset.checklist-q").all():
        assert fieldset.locator("input, textarea").count() > 0
    assert page.get_by_text("Without JavaScript this is a form to print").is_visible()
    assert page.locator('a[data-para="2.10"]').count() == 1
    context.close()


def test_axe_is_clean_while_loading_with_a_result_and_with_an_error(checklist, tmp_path):
    page = checklist
    assert axe_violations(page) == []  # loading
    wait_for_python(page)
    answer(page, "images-of-own-children", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    assert axe_violations(page) == []  # with a result
    bad = tmp_path / "bad.json"
    bad.write_text("nope")
    page.locator(".checklist__file").set_input_files(bad)
    page.get_by_role("alert").filter(has_text="not JSON").wait_for()
    assert axe_violations(page) == []  # with an error message
    # A button on focus (keyboard), and on hover (a mouse, or after a tap, where :hover stays):
    # the theme's white on #526cfe is 4.1 to 1.
    # Each once its colours have stopped moving: the theme eases them in over 125 ms, and on a
    # busy machine axe once read the focused button mid-way (CI #2 of 7 December, 3rd session).
    still = "b => b.getAnimations().length === 0"
    button = page.get_by_role("button", name="Copy record")
    button.focus()
    button.evaluate("b => b.getBoundingClientRect()")  # style computed: a transition has begun
    page.wait_for_function(still, arg=button.element_handle())
    assert axe_violations(page) == []
    button.hover()
    page.wait_for_function(still, arg=button.element_handle())
    assert axe_violations(page) == []


def test_python_that_never_loads_gives_a_clear_message_and_the_form_stays_usable(context):
    page = context.new_page()
    python_never_loads(page)
    page.goto(PAGE)
    answer(page, "adult", "yes")
    status = page.locator(".checklist__status")
    status.filter(has_text="cannot show what the guidance says").wait_for(timeout=15_000)
    assert "you can still fill in and print the form" in status.inner_text()
    assert page.get_by_role("button", name="Print").is_enabled()
    assert page.locator('input[name="adult"][value="yes"]').is_checked()


# The browser is idle only when the test says so: idle callbacks wait in a list.
NEVER_IDLE = "window.idle = []; window.requestIdleCallback = (callback) => idle.push(callback)"


def pyodide_requests(context) -> list[str]:
    return [u for u in context.requests if "/assets/pyodide/" in u]


# Who created each Worker, and how far the page had got: recorded before any script runs.
WORKER_BIRTHS = """window.workerBirths = [];
const RealWorker = window.Worker;
window.Worker = class extends RealWorker {
  constructor(url, options) {
    super(url, options);
    workerBirths.push({ url: String(url), readyState: document.readyState,
                        by: (new Error().stack || "").split("\\n").slice(1).join(" ") });
  }
};"""


# The device's logical cores, as the page reads them (navigator.hardwareConcurrency).
CORES = "Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', {{ get: () => {} }});"


@pytest.mark.parametrize(
    ("cores", "by", "when"),
    [
        (8, "checklist-early.js", ("loading", "interactive")),
        (2, "worker-client.js", ("interactive",)),
    ],
    ids=["cores-to-spare-from-the-head", "two-cores-as-the-page-is-set-up"],
)
def test_python_starts_from_the_head_where_cores_are_to_spare(context, cores, by, when):
    """With cores to spare the worker is created by checklist-early.js from the page's <head> and
    adopted; with two it is created by checklist.js as the page is set up (its DOMContentLoaded),
    because compiling Python from the <head> slowed a 2-core page's set-up (Lighthouse 93, taps
    answered later, Python no sooner ready). Either way once, and never waiting for idle."""
    page = context.new_page()
    page.add_init_script(NEVER_IDLE)
    page.add_init_script(CORES.format(cores))
    page.add_init_script(WORKER_BIRTHS)
    page.goto(PAGE)
    wait_for_python(page)  # with the browser never idle
    head = page.locator('head script[type=module][async][src$="assets/js/checklist-early.js"]')
    assert head.count() == 1
    births = page.evaluate("workerBirths")
    assert len(births) == 1, births  # adopted, not started twice
    assert births[0]["url"].startswith("blob:")  # made as every checklist worker is (every-host)
    assert by in births[0]["by"], births
    assert births[0]["readyState"] in when, births  # before the load event
    assert page.evaluate("window.idle.length") == 0  # nothing of ours waited for idle
    assert [u for u in pyodide_requests(context) if re.search(r"/[0-9a-f]+/pyodide\.mjs$", u)]


def test_guidance_pages_load_no_python_and_an_instant_change_to_a_checklist_starts_it(context):
    """A guidance page loads neither the early script nor Python; moving to a checklist with the
    theme's instant navigation (no new <head>) starts Python at once, idle or not."""
    page = context.new_page()
    page.add_init_script(NEVER_IDLE)
    page.add_init_script(WORKER_BIRTHS)
    page.goto("assessment/", wait_until="networkidle")
    assert pyodide_requests(context) == []
    assert not [u for u in context.requests if "checklist-early.js" in u]
    assert page.locator('script[src$="checklist-early.js"]').count() == 0
    assert page.evaluate("workerBirths") == []
    page.evaluate("document.querySelector('a[href*=\"checklists/early-risk-factors/\"]').click()")
    wait_for_python(page)
    births = page.evaluate("workerBirths")
    assert len(births) == 1 and "worker-client.js" in births[0]["by"], births
    # The one idle callback queued is the guidance page's look for a runtime already on the
    # device (checklist/prestart.js), which never ran: Python started without it.
    assert page.evaluate("window.idle.length") == 1
    answer(page, "images-of-own-children", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for(
        timeout=60_000
    )


def pyodide_responses(page) -> list[str]:
    """Every Pyodide file this page received (a cache-only probe that misses receives none)."""
    found: list[str] = []
    page.on("response", lambda r: found.append(r.url) if "/assets/pyodide/" in r.url else None)
    return found


# Resolves once the browser has been idle twice after the page loaded (an event, not a time).
TWICE_IDLE = """() => new Promise((done) => {
  const idle = () => requestIdleCallback(() => requestIdleCallback(done));
  if (document.readyState === "complete") idle(); else addEventListener("load", idle);
})"""


def test_a_page_that_leads_to_a_checklist_starts_python_at_idle_only_if_it_is_on_the_device(
    profile,
):
    """Issue 26: a guidance page with "Use the checklist" starts the worker at idle when every
    runtime file is already in the browser's cache, so that the link finds Python ready; on a
    first visit it asks Cache Storage only (no download, and no cache-only miss in the console,
    which Lighthouse's best practices count) and starts nothing; a page that leads to no
    checklist starts nothing, cached or not. A persistent profile, as a returning reader's (an
    incognito context's memory cache keeps no 8 MB wasm)."""
    context = profile
    first = context.new_page()
    first.add_init_script(WORKER_BIRTHS)
    received = pyodide_responses(first)
    errors: list[str] = []  # about the runtime (the test server has no root sitemap.xml)
    first.on(
        "console", lambda m: errors.append(m.text) if "/pyodide/" in m.location["url"] else None
    )
    first.goto("assessment/")
    first.wait_for_selector("html[data-python-ahead]", state="attached", timeout=60_000)
    assert first.evaluate("document.documentElement.dataset.pythonAhead") == "not-on-device"
    assert first.evaluate("workerBirths") == [] and received == []
    assert errors == []
    first.close()

    # A checklist visited: the runtime is in the HTTP cache, and Python's snapshot (made after
    # the first answers) in Cache Storage says that Python has run here.
    checklist = context.new_page()
    checklist.goto(PAGE)
    wait_for_python(checklist)
    checklist.wait_for_selector("html[data-python-snapshot='stored']", state="attached",
                                timeout=120_000)  # fmt: skip
    checklist.close()

    nowhere = context.new_page()
    nowhere.add_init_script(WORKER_BIRTHS)
    nowhere.goto("introduction/")
    nowhere.evaluate(TWICE_IDLE)
    assert nowhere.evaluate("workerBirths") == []
    assert nowhere.evaluate("document.documentElement.dataset.pythonAhead") is None
    nowhere.close()

    page = context.new_page()
    page.add_init_script(WORKER_BIRTHS)
    page.goto("assessment/")
    page.wait_for_selector("html[data-python-ahead]", state="attached", timeout=60_000)
    assert page.evaluate("document.documentElement.dataset.pythonAhead") == "started"
    page.wait_for_selector("html[data-python-start]", state="attached", timeout=60_000)
    births = page.evaluate("workerBirths")
    assert len(births) == 1 and births[0]["readyState"] == "complete", births  # after load
    assert "worker-client.js" in births[0]["by"], births
    page.evaluate("document.querySelector('a.use-checklist__link[href*=\"early-risk\"]').click()")
    wait_for_python(page)  # the instant change found Python ready: no second worker
    assert len(page.evaluate("workerBirths")) == 1
    answer(page, "images-of-own-children", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()


# Every text and bar value the status showed while Python loaded: recorded from the start.
STATUS_WATCH = """window.statusSeen = { words: [], bars: [] };
new MutationObserver((records) => {
  for (const record of records) {
    const status = document.querySelector('.checklist__status');
    if (!status || !status.contains(record.target)) continue;
    const bar = status.querySelector('progress');
    if (bar && bar.hasAttribute('value')) statusSeen.bars.push([bar.value, bar.max]);
    const words = status.textContent;
    if (words && statusSeen.words.at(-1) !== words) statusSeen.words.push(words);
  }
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });"""


def test_getting_ready_says_how_much_has_downloaded(context, latest_site):
    """A first visit: the bar moves with the bytes the worker counts, and the words say it in
    quarters, in the reader's words; the answers-kept promise stays."""
    page = context.new_page()
    page.add_init_script(STATUS_WATCH)
    page.goto(PAGE)
    wait_for_python(page)
    seen = page.evaluate("statusSeen")
    [folder] = (latest_site / "assets" / "pyodide").iterdir()
    total = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))["download"]
    assert {maximum for _, maximum in seen["bars"]} == {total}
    values = [value for value, _ in seen["bars"]]
    assert values == sorted(values) and values[-1] == total
    # How many steps the page shows depends on how fast the bytes come: on a busy machine the
    # worker may count them all before the page draws its first message, so only the order is
    # checked, and the words, where there were any, in quarters.
    said = [
        int(m) for w in seen["words"] for m in re.findall(r"getting ready: (\d+)% downloaded", w)
    ]
    assert said == sorted(said) and set(said) <= {25, 50, 75, 100}, seen["words"]
    assert all("Answers you give now are kept" in w for w in seen["words"]), seen["words"]
    assert page.locator(".checklist__status").inner_text() == ""  # ready: nothing to say


STRATEGY = "checklists/strategy-discussion/"


def test_strategy_discussion_with_nothing_answered_shows_2_12_once_python_is_ready(page):
    page.goto(STRATEGY)
    wait_for_python(page)
    first = page.locator("[data-prompt]").first
    assert first.get_attribute("data-prompt") == "safeguards-first"
    assert first.get_attribute("data-group") == "pinned"
    assert page.locator('[data-prompt="safeguards-first"]').count() == 1
    assert "People who look at these images may do so" in first.inner_text()  # whole
    assert first.get_by_role("link", name="Paragraph 2.12").count() == 1
    # Nothing is hidden: what would follow if so, and the site's questions not answered.
    assert page.locator('[data-group="if-so"]').count() > 0
    assert page.locator('[data-group="standing"]').count() > 0
    scope = page.locator(".checklist__scope-not-answered li")
    assert scope.count() == 5
    assert page.locator("#q-immediate-risk .checklist-q__state").inner_text() == "Not answered"


def test_with_no_partner_the_partners_children_are_not_asked_and_the_answer_comes_back(page):
    """C3-2 (spec part 1: "where Yes"): the partner's children are asked while the partner
    question is Yes, Not known or not answered; No hides the question, keeps its answer on the
    page for a change of mind, and the record says it was not asked, and why."""
    page.goto(STRATEGY)
    wait_for_python(page)
    children = page.locator("#q-partner-children")
    answer(page, "partner", "yes")
    answer(page, "partner-children", "yes")
    page.wait_for_function(SETTLED)
    answer(page, "partner", "no")
    page.wait_for_function(SETTLED)
    children.wait_for(state="hidden")
    scope = page.locator(".checklist__scope-not-answered").inner_text()
    assert "Does the partner live with" not in scope
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    record = page.evaluate("navigator.clipboard.readText()")
    assert (
        "Does the partner live with, or care for, a child or children? (asked for 2.14)\n"
        "   [site] Not asked, because of the answer to “Does the alleged perpetrator have a "
        "partner?” (No)"
    ) in record
    answer(page, "partner", "unknown")
    page.wait_for_function(SETTLED)
    children.wait_for(state="visible")
    assert page.locator('input[name="partner-children"][value="yes"]').is_checked()


def test_an_open_question_has_a_text_box_and_no_yes_or_no(page):
    page.goto(STRATEGY)
    wait_for_python(page)
    question = page.locator("#q-impact-on-child")
    values = question.locator("input").evaluate_all("els => els.map(e => e.value)")
    assert values == ["unknown"]  # Not known, the only choice
    assert question.get_by_label("Not known").count() == 1
    box = question.get_by_role("textbox", name="Your answer")
    box.fill("Nightmares since the arrest")  # by keyboard, as typed
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    record = page.evaluate("navigator.clipboard.readText()")
    assert "in terms of risks and their needs? (2.6)\n   Answer: Nightmares since" in record
    assert "Yes" not in record.split("in terms of risks and their needs?", 1)[1].split("\n3.")[0]


def test_the_contact_question_is_ticked_by_keyboard_and_under_18_labels_and_goes_on(page):
    page.goto(STRATEGY)
    wait_for_python(page)
    page.locator('input[name="adult"][value="no"]').focus()
    page.keyboard.press("Space")
    regular = page.locator('input[name="contact"][value="regular"]')
    regular.focus()
    page.keyboard.press("Space")
    page.locator('input[name="contact"][value="none"]').focus()
    page.keyboard.press("Space")  # No contact unticks Regular contact
    page.locator('[data-prompt="young-people"][data-group="pinned"]').wait_for()  # 1.7 first
    assert not regular.is_checked()
    regular.focus()
    page.keyboard.press("Space")
    page.locator('[data-prompt="conference"][data-group="follows"]').wait_for()
    first = page.locator("[data-prompt]").evaluate_all("els => els.map(e => e.dataset.prompt)")
    assert first[:2] == ["young-people", "safeguards-first"]
    flag = f"{SITE_MARK} written for adult perpetrators: see 1.7"
    assert page.locator('[data-prompt="conference"] .checklist__adult-flag').inner_text() == flag
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    record = page.evaluate("navigator.clipboard.readText()")
    assert (
        "\n1.7:\n  > Specialist advice should be sought regarding these circumstances.\n" in record
    )
    assert (
        "a child or children? (asked for 2.3, 2.14, 2.16)\n   Answer: Regular contact\n" in record
    )


def test_a_file_name_that_reorders_text_is_shown_without_its_control(checklist, tmp_path):
    page = checklist
    wait_for_python(page)
    answer(page, "adult", "yes")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save to a file").click()
    tricky = tmp_path / "answers\u202enosj.json"
    download.value.save_as(tricky)
    page.locator(".checklist__file").set_input_files(tricky)
    message = page.locator(".checklist__message")
    message.filter(has_text="answersnosj.json").wait_for()
    assert "Opened “answersnosj.json”" in message.inner_text()
    assert "\u202e" not in message.inner_text()


def test_printing_an_unanswered_checklist_gives_a_blank_form_to_fill_in(checklist):
    page = checklist
    wait_for_python(page)
    page.emulate_media(media="print")
    assert page.locator(".checklist__questions").is_visible()
    assert page.locator(".checklist__blank-date").is_visible()  # a date line to write on
    assert page.locator(".checklist__record").is_hidden()  # not a record of "Not answered"
    assert page.locator(".checklist-q__state").first.is_hidden()  # no "Not answered" marks
    assert page.locator("form.checklist input[type=radio]").first.is_visible()  # boxes to tick
    assert page.locator(".checklist-q__para").first.is_visible()  # each question's paragraph
    answer(page, "adult", "yes")  # once answered, the printout is the record
    page.locator(".checklist__blank-date").wait_for(state="hidden")
    page.emulate_media(media="screen")


def test_what_the_reader_opened_stays_open_when_the_answers_change(checklist):
    page = checklist
    wait_for_python(page)
    if_so = page.locator('[data-prompt="young-people"] details')
    if_so.locator("summary").click()
    standing = page.locator("details.checklist-standing")
    standing.locator("summary").first.click()  # the reader folds the standing guidance away
    assert if_so.evaluate("d => d.open") and not standing.evaluate("d => d.open")
    before = page.locator(READY).get_attribute("data-evaluated")
    answer(page, "previous-history", "no")
    page.wait_for_function(
        "(n) => document.querySelector('form.checklist').dataset.evaluated !== n", arg=before
    )
    assert page.locator('[data-prompt="young-people"] details').evaluate("d => d.open")
    assert not page.locator("details.checklist-standing").evaluate("d => d.open")


def test_show_the_record_shows_it_and_hide_the_record_hides_it(checklist):
    page = checklist
    wait_for_python(page)
    answer(page, "adult", "yes")
    page.wait_for_function(SETTLED)
    record = page.locator(".checklist__record")
    button = page.locator('button[data-action="show"]')
    assert record.is_hidden()
    button.click()
    record.wait_for(state="visible")
    assert button.inner_text() == "Hide the record"
    assert button.get_attribute("aria-expanded") == "true"
    assert "Early risk factors: checklist record" in record.inner_text()
    button.click()
    record.wait_for(state="hidden")
    assert record.bounding_box() is None  # not drawn at all, not only labelled hidden
    assert button.inner_text() == "Show the record"
    assert button.get_attribute("aria-expanded") == "false"


def test_every_line_of_the_sites_is_marked_and_quotes_are_the_guidances(page):
    page.goto(STRATEGY)
    wait_for_python(page)
    answer(page, "adult", "no")
    page.locator('[data-prompt="young-people"][data-group="pinned"]').wait_for()
    page.wait_for_function(SETTLED)
    marked = page.locator(
        ".checklist__prompts :is(.checklist-prompt__from-answers, .checklist-prompt__waits-on,"
        " .checklist-prompt__note, .checklist__adult-flag, .checklist__section-heading,"
        " .checklist__statement)"
    )
    assert marked.count() > 5
    for text in marked.all_text_contents():  # folded ones too
        assert text.startswith(SITE_MARK), text
    for quote in page.locator(".checklist__prompts blockquote").all():
        assert quote.locator("p").first.text_content().startswith("“")
        links = quote.locator("a.checklist-prompt__para")  # folded ones too
        assert links.count() == 1  # a paragraph by its number, a box by its heading (P13)
        assert re.match(r"Paragraph \d|“[^”]+”, the box after paragraph \d", links.text_content())
    # What waits on another checklist links to it (2.10 waits on the early risk factors).
    link = page.locator('[data-prompt="risk-factors-2-10"] .checklist-prompt__link')
    assert link.inner_text() == "Go to the checklist: Early risk factors"
    assert link.get_attribute("href").rstrip("/").endswith("checklists/early-risk-factors")


def test_2_5_is_beside_the_first_point_section_3_and_section_31_are_linked(page):
    """Issue 22 (spec parts 3, 1 and 6): 2.5 whole beside the first 2.18 point and nowhere else,
    before and after an answer; Section 3 linked with 3.4 by its heading; 2.22's Section 31 of
    the Children Act 1989 linked with 2.22, each in the copied record too."""
    page.goto("checklists/core-assessment-information/")
    wait_for_python(page)
    for _ in range(2):
        beside = page.locator("#q-nature-of-images > .checklist-q__beside")
        assert beside.count() == 1
        assert "“Below are the categories for Image Assessment" in beside.inner_text()
        assert "C - Other indecent images not falling within categories A or B.”" in (
            beside.inner_text()
        )
        link = beside.get_by_role("link", name="Paragraph 2.5")
        assert re.search(r"/assessment/#2\.5$", link.get_attribute("href"))
        assert page.locator('[data-prompt="image-categories"]').count() == 1
        assert page.locator(".checklist__prompts").get_by_text("Paragraph 2.5").count() == 0
        answer(page, "nature-of-images", "obtained")
        page.locator("#q-nature-of-images .checklist-q__state").wait_for(state="detached")
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    record = page.evaluate("navigator.clipboard.readText()")
    first = record.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    assert "   Answer: Obtained (not recorded in this checklist)\n   Paragraph 2.5\n" in first

    page.goto(STRATEGY)
    wait_for_python(page)
    answer(page, "partner", "yes")
    prompt = page.locator('[data-prompt="protective-carer"][data-group="follows"]')
    prompt.wait_for()
    heading = "3. Guidance for the assessment of potentially protective carers"
    section = prompt.get_by_role("link", name=heading)
    assert re.search(r"/protective-carers/#section-3$", section.get_attribute("href"))
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    assert f"\n  Linked: {heading}\n" in page.evaluate("navigator.clipboard.readText()")

    page.goto("checklists/reaching-a-judgement/")
    wait_for_python(page)
    prompt = page.locator('[data-prompt="type-and-degree-of-harm"]')
    act = prompt.get_by_role("link", name="Section 31 of the Children Act 1989")
    assert act.get_attribute("href") == "https://www.legislation.gov.uk/ukpga/1989/41/section/31"
    assert prompt.get_by_role("link", name="Paragraph 2.22").count() == 1
