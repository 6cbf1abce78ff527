"""The journeys, written once against devtools/engines/driver.py and run in every engine.

Each journey takes a fresh tab (``Driver``) on the latest edition and ends by checking that no
page showed an error or a Content Security Policy violation. Selectors are the site's own, as
tests/test_site_browser.py and tests/test_checklist_browser.py use them.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from devtools.engines.driver import PYTHON_TIMEOUT, Driver, JourneyError
from tests.support.browser import FRAMES, SEARCH_BUTTON, SETTLED

CHECKLIST = "checklists/early-risk-factors/"
READY = "() => !!document.querySelector('form.checklist[data-evaluated]')"
PROMPT_2_10 = '[data-prompt="risk-factor-present-2-10"][data-group="follows"]'
SECRET = "Typed note 7f3a: only this tab may know it"


def is_target(paragraph: str) -> str:
    return f"() => document.getElementById({paragraph!r})?.classList.contains('is-target')"


def wait_for_python(d: Driver) -> None:
    d.wait_for(READY, timeout=PYTHON_TIMEOUT)


def answer_by_keyboard(d: Driver, item: str, value: str) -> None:
    """Focus the answer's radio button and press Space, as a keyboard user does."""
    d.focus(f'input[name="{item}"][value="{value}"]')
    d.press(" ")
    d.wait_for(
        "(n, v) => document.querySelector(`input[name='${n}'][value='${v}']`).checked", item, value
    )


def answer(d: Driver, item: str, value: str) -> None:
    d.click(f'input[name="{item}"][value="{value}"]')


def checked(d: Driver) -> dict:
    return d.eval(
        "() => Object.fromEntries([...document.querySelectorAll('input[type=radio]:checked')]"
        ".map(e => [e.name, e.value]))"
    )


def assert_highlighted_in_view(d: Driver, paragraph: str, part: float = 0.5) -> None:
    """The paragraph is highlighted and (once any scrolling has ended) starts in the top
    ``part`` of the window."""
    d.wait_for(is_target(paragraph))
    where = d.wait_for(
        """(id, part) => { const e = document.getElementById(id);
                   const r = e.getBoundingClientRect();
                   const inView = r.top >= 0 && r.top < innerHeight * part;
                   return inView ? [r.top, innerHeight] : null; }""",
        paragraph,
        part,
    )
    colour, text = d.eval(
        "id => { const e = document.getElementById(id);"
        " return [getComputedStyle(e).backgroundColor, e.textContent.trim()]; }",
        paragraph,
    )
    assert where and colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour
    assert text.startswith(paragraph)


# ---- the journeys ----


def paragraph_link_lands_highlighted(d: Driver) -> None:
    d.goto("assessment/#2.10")
    assert_highlighted_in_view(d, "2.10")
    d.assert_no_problems()


# Result links in rank order; each page's group opens with a link to the page itself (score 0).
RANKED = """() => [...document.querySelectorAll('a.md-search-result__link')]
  .filter(a => a.querySelector('article').dataset.mdScore !== '0.00')
  .map(a => [Number(a.querySelector('article').dataset.mdScore), a.href])
  .sort((x, y) => y[0] - x[0]).map(pair => pair[1])"""


def open_search(d: Driver) -> None:
    """As a person does: the search box where the header shows it, else the search button
    (Firefox's window here is 800 px wide, a tablet's)."""
    shown = "s => !!document.querySelector(s)?.getClientRects().length"
    d.click(SEARCH_BUTTON if d.eval(shown, SEARCH_BUTTON) else "input.md-search__input")
    d.wait_for("() => document.activeElement?.matches('input.md-search__input')")


def search_finds_2_10(d: Driver) -> None:
    d.goto("")
    open_search(d)
    d.type("input.md-search__input", "2.10")
    # The results of the whole query: typed a key at a time, the results for "2.1" are shown
    # first, and on a loaded machine were read before those for "2.10" replaced them (CI, Firefox).
    # A search that never ranks 2.10 first fails here, naming what it ranked.
    ranked = d.wait_for(
        f"() => {{ const ranked = ({RANKED})();"
        " return ranked.length && ranked[0].endsWith('#2.10') ? ranked : null; }"
    )
    assert isinstance(ranked, list)
    found = [
        f"{urlsplit(h).path.removeprefix('/latest/').strip('/')}#{urlsplit(h).fragment}"
        for h in ranked
    ]
    assert found[0] == "assessment#2.10", found[:5]
    # The theme closes search 125 ms after the address last changed (here, the page's load), which
    # a test's typing can beat: the results are then hidden behind it. Open it again, as a person
    # would (see tests/support/browser.py, shown_results).
    if not d.eval("() => document.getElementById('__search').checked"):
        d.eval("() => document.querySelector('input.md-search__input').blur()")
        open_search(d)
        d.wait_for("() => document.getElementById('__search').checked")
    d.click('a.md-search-result__link[href$="#2.10"]')
    d.wait_for("() => location.hash === '#2.10' && location.pathname.endsWith('/assessment/')")
    assert_highlighted_in_view(d, "2.10")
    d.assert_no_problems()


# The page no wider than the window, and the header (menu, search) in view at the top.
PHONE_LAYOUT = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const search = document.querySelector('label.md-header__button[for="__search"]')
    .getBoundingClientRect();
  return {wide: document.documentElement.scrollWidth - innerWidth, scrollX,
          header: [Math.round(header.top), Math.round(header.bottom)],
          search: search.left >= 0 && search.right <= innerWidth && search.bottom > 0};
}"""


def search_result_lands_on_a_phone(d: Driver) -> dict:
    """Issue 25, as found: at 360 x 740, a short link (/p/2.10/), search "LADO", the 2.18
    result: 2.18 at the top, highlighted; the page no wider than the screen; the header in view.
    (The page became 447-1,198 px wide and the header went above the screen, in Chromium.)"""
    d.goto("")
    d.set_viewport(360, 740)
    d.goto("../p/2.10/")  # the site's short links are at its root, not in an edition
    d.wait_for("() => location.hash === '#2.10' && location.pathname.endsWith('/assessment/')")
    assert_highlighted_in_view(d, "2.10")
    open_search(d)
    d.type("input.md-search__input", "LADO")
    d.wait_for("() => !!document.querySelector('a.md-search-result__link[href$=\"#2.18\"]')")
    if not d.eval("() => document.getElementById('__search').checked"):  # see search_finds_2_10
        d.eval("() => document.querySelector('input.md-search__input').blur()")
        open_search(d)
        d.wait_for("() => document.getElementById('__search').checked")
    d.click('a.md-search-result__link[href$="#2.18"]')
    d.wait_for("() => location.hash === '#2.18' && location.pathname.endsWith('/assessment/')")
    d.wait_for("() => !document.body.hasAttribute('data-md-scrolllock')")
    assert_highlighted_in_view(d, "2.18")
    d.eval(FRAMES)  # and it stays so
    layout = d.eval(PHONE_LAYOUT)
    assert layout["wide"] <= 0 and layout["scrollX"] == 0, layout
    assert layout["header"][0] == 0 and layout["header"][1] > 0 and layout["search"], layout
    assert_highlighted_in_view(d, "2.18")
    d.assert_no_problems()
    return layout


def checklist_by_keyboard_gives_prompts_with_working_links(d: Driver) -> None:
    d.goto(CHECKLIST)
    wait_for_python(d)
    for item in ["adult", "images-of-own-children"]:
        answer_by_keyboard(d, item, "yes")
    answer_by_keyboard(d, "contact", "lives-with")  # a box among several answers
    for item in ["previous-history", "criminal-lifestyle"]:
        answer_by_keyboard(d, item, "no")
    d.wait_for_selector('[data-prompt="conference"]')
    d.wait_for(
        SETTLED, timeout=PYTHON_TIMEOUT
    )  # the last answer's result drawn: the link focused next stays in place
    prompt = d.text(PROMPT_2_10)
    assert "If any of these risk factors are present" in prompt
    assert checked(d) == {
        "adult": "yes",
        "images-of-own-children": "yes",
        "previous-history": "no",
        "criminal-lifestyle": "no",
    }
    # The prompt's paragraph link, followed by keyboard: the theme's instant navigation keeps the
    # answers in the tab, so nothing asks, and the paragraph opens highlighted.
    link = f'{PROMPT_2_10} a[href$="/assessment/#2.10"]'
    assert d.eval("s => document.querySelector(s).textContent", link) == "Paragraph 2.10"
    d.dialogs("dismiss")
    d.focus(link)
    d.press("Enter")
    d.wait_for("() => location.hash === '#2.10' && location.pathname.endsWith('/assessment/')")
    assert d.dialogs() == []
    # In the top half of the window, as a paragraph link opened directly is (the theme's instant
    # navigation alone left it near the bottom: 773 px of 900 in Chromium).
    assert_highlighted_in_view(d, "2.10")
    d.assert_no_problems()


NOTE_OPEN = "i => document.querySelector(`#q-${i} details`).open"


def open_note(d: Driver, item: str) -> None:
    """Open an item's "Add a note", as a reader does, and wait until its box takes keys: a busy
    WebKit once refused the keys ("Element is not focusable") right after the click. A click that
    left it closed (heard twice) is made again; at most three."""
    for _ in range(3):
        if d.eval(NOTE_OPEN, item):
            break
        d.click(f"#q-{item} summary")
        with contextlib.suppress(JourneyError):
            d.wait_for(NOTE_OPEN, item, timeout=5)
    d.wait_for(NOTE_OPEN, item)
    d.wait_for("i => document.getElementById(`note-${i}`).getClientRects().length > 0", item)


PAGE_DOWNS = 8
PAST_2_10 = "() => document.getElementById('2.10').getBoundingClientRect().top < -600"


def read_on_by_keyboard(d: Driver, far_enough: str) -> None:
    """PageDown until ``far_enough`` holds, as a reader does: a key the page did not answer (a busy
    WebKit once let three go by under double load) is pressed again once the page is seen not to
    have moved; at most PAGE_DOWNS presses, each waited for."""
    for _ in range(PAGE_DOWNS):
        if d.eval(far_enough):
            return
        before = d.eval("() => scrollY")
        d.press("PageDown")
        with contextlib.suppress(JourneyError):  # not moved: the reader presses again
            d.wait_for("y => scrollY > y", before, timeout=10)
    d.wait_for(far_enough)


def back_and_forward_keep_the_place_and_the_answers(d: Driver) -> str:
    """A prompt's paragraph link, the reader reads on (by keyboard) and leaves by a link; Back
    returns to where they were, not to the paragraph the address names; Back again finds the
    answer; Forward goes to the paragraph page again. The page tells Back from a link by the
    Navigation API where the engine has it, else by the theme's history state
    (docs/assets/js/paragraph-landing.js): this journey proves whichever the engine uses."""
    d.goto(CHECKLIST)
    wait_for_python(d)
    answer(d, "images-of-own-children", "yes")
    d.wait_for(SETTLED, timeout=PYTHON_TIMEOUT)
    d.click(f'{PROMPT_2_10} a[href$="/assessment/#2.10"]')
    d.wait_for("() => location.hash === '#2.10' && location.pathname.endsWith('/assessment/')")
    assert_highlighted_in_view(d, "2.10")
    d.eval(FRAMES)
    d.eval("() => document.activeElement?.blur()")  # the page, not a link, takes the keys
    read_on_by_keyboard(d, PAST_2_10)
    # Left by keyboard from where the reader is (a click would first bring the sidebar's link
    # into view, which moves the page), once the theme has noted the place in its history entry
    # (its instant navigation keeps {x, y} there: a theme internal).
    d.wait_for("() => Math.abs((history.state?.y ?? -1) - scrollY) < 2")
    left_at = d.eval("() => scrollY")
    d.eval(
        "s => document.querySelector(s).focus({ preventScroll: true })",
        '.md-sidebar--primary a.md-nav__link[href$="glossary/"]',
    )
    d.press("Enter")
    # Back as soon as the glossary is in place (it has gone to its top): the theme's note of that
    # place, still due, once landed on the entry Back went to, and the reader was sent to the top
    # (docs/assets/js/paragraph-landing.js puts the place back).
    d.wait_for(
        "() => location.pathname.endsWith('/glossary/') && document.title.startsWith('Glossary')"
    )
    d.back()
    # The address changes at once, the page when the theme has swapped it in: until then the
    # glossary, not yet at its top, can still be where the reader was (CI, WebKit, under load).
    d.wait_for(
        "() => location.pathname.endsWith('/assessment/') && location.hash === '#2.10'"
        " && Boolean(document.getElementById('2.10'))"
    )
    d.wait_for("y => Math.abs(scrollY - y) < 200", left_at)  # the theme's restore
    d.eval(FRAMES)  # and nothing of ours moves it after: not back to the paragraph
    assert abs(d.eval("() => scrollY") - left_at) < 200, (d.eval("() => scrollY"), left_at)
    assert d.eval("() => document.getElementById('2.10').getBoundingClientRect().top < -600")
    d.back()
    d.wait_for("() => location.pathname.endsWith('/early-risk-factors/')")
    status_says(d, "Your answers from earlier in this tab are back")
    assert checked(d).get("images-of-own-children") == "yes"
    d.forward()
    d.wait_for("() => location.pathname.endsWith('/assessment/') && location.hash === '#2.10'")
    d.wait_for(is_target("2.10"))
    asked = d.dialogs()
    assert asked == [], asked  # nothing asked: the tab keeps the answers
    d.assert_no_problems()
    has_api = d.eval("() => typeof window.navigation?.addEventListener === 'function'")
    return "the Navigation API" if has_api else "popstate and the theme's history state"


def no_error_and_no_csp_violation_on_any_page(d: Driver, latest_site: Path) -> None:
    """Every page of the latest edition, loaded in full (not by instant navigation)."""
    paths = sorted(
        str(p.parent.relative_to(latest_site)).replace(".", "") + "/"
        for p in latest_site.rglob("index.html")
    )
    assert len(paths) > 10, paths
    for path in paths:
        d.goto(path.lstrip("/"))
        d.wait_for("() => document.readyState === 'complete'")
        d.collect()
    d.goto(CHECKLIST)  # and Python's start in its worker
    wait_for_python(d)
    answer(d, "adult", "yes")
    d.wait_for("() => document.querySelector('.checklist__record').textContent")
    d.assert_no_problems()


STORED = """async (secret) => {
  const urls = [], holding = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      urls.push(request.url);
      if ((await (await cache.match(request)).text()).includes(secret)) holding.push(request.url);
    }
  }
  return {
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    outdated: sessionStorage.getItem('/latest/.__outdated'),
    cookie: document.cookie,
    indexedDB: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name)
                                   : 'no databases()',
    urls, holding,
  };
}"""


def site_file(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def nothing_stored_but_the_public_files(d: Driver, site: Path) -> None:
    d.goto(CHECKLIST)
    wait_for_python(d)
    for item in ["adult", "images-of-own-children"]:
        answer(d, item, "yes")
    open_note(d, "adult")
    d.type("#note-adult", SECRET)
    d.wait_for_selector(PROMPT_2_10, timeout=PYTHON_TIMEOUT)  # an evaluation, on a busy machine
    d.click('button[data-action="show"]')
    d.wait_for("s => document.querySelector('.checklist__record').textContent.includes(s)", SECRET)
    if d.eval("() => 'serviceWorker' in navigator"):
        # The offline copy is made once Python has loaded: wait for it, then look in it.
        d.wait_for(OFFLINE_READY, timeout=PYTHON_TIMEOUT)
    stored = d.eval(STORED, SECRET)
    assert stored["local"] == [], stored["local"]
    # The theme's version selector notes, for this tab only, whether this edition is outdated.
    assert stored["session"] in ([], ["/latest/.__outdated"]), stored["session"]
    assert stored["outdated"] in (None, "false"), stored["outdated"]
    assert stored["cookie"] == ""
    assert stored["indexedDB"] in ([], "no databases()"), stored["indexedDB"]
    assert stored["holding"] == []
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(d.base_url))
    assert [u for u in stored["urls"] if not u.startswith(origin)] == []
    # The site's files, and the memory snapshot this browser made of Python with our code (public
    # code and data only: the Chromium privacy test looks inside it for the answers).
    snapshot = "/memory-snapshot"
    assert [
        u for u in stored["urls"] if not (site_file(site, u).is_file() or u.endswith(snapshot))
    ] == []
    d.assert_no_problems()


OFFLINE_READY = "() => navigator.serviceWorker.controller?.state === 'activated'"


def offline_after_one_visit(d: Driver, stop_server) -> str:
    """``d`` is on a server of its own, which ``stop_server`` stops. Returns what was checked."""
    d.goto("")
    d.wait_for("() => location.pathname === '/latest/'")
    if not d.eval("() => 'serviceWorker' in navigator"):
        # Without service workers the site is online only: it must still work, error-free.
        d.assert_no_problems()
        return "no navigator.serviceWorker in this engine: checked the page works without it"
    d.wait_for(OFFLINE_READY, timeout=PYTHON_TIMEOUT)
    stop_server()
    d.goto("latest/assessment/#2.9")
    assert_highlighted_in_view(d, "2.9")
    d.goto("p/2.10/")
    d.wait_for("() => location.pathname === '/latest/assessment/' && location.hash === '#2.10'")
    d.goto("latest/" + CHECKLIST)
    try:
        wait_for_python(d)  # Pyodide, the standard library and our wheel, from the cache
    except AssertionError as error:  # say what the page said
        status = d.eval("() => document.querySelector('.checklist__status')?.textContent")
        raise AssertionError(f"{error}\nthe checklist said: {status!r}") from None
    answer(d, "images-of-own-children", "yes")
    d.wait_for_selector(PROMPT_2_10, timeout=PYTHON_TIMEOUT)  # an evaluation, on a busy machine
    d.dialogs("accept")  # leaving the page with the answer just given: the engine asks first
    d.goto("latest/no-such-page/")
    # The site's own not-found page from the worker's cache, not the browser's error page. It
    # says "Not available offline" where the engine reports navigator.onLine false; the test
    # stops the server, not the network, so an engine may still say it is online (404 wording).
    heading = d.wait_for("() => document.querySelector('h1[data-offline-title]')?.textContent")
    online = d.eval("() => navigator.onLine")
    assert heading.strip() == ("404 - Not found" if online else "Not available offline"), heading
    d.assert_no_problems()
    return "offline with the server stopped: a page, a short link and a checklist"


CAPTURE = """() => {
  // The file the page offers to save, taken from the Blob it hands to its download link (the
  // same in every engine; the engine's own download is not made).
  window.__saved = null;
  const make = URL.createObjectURL;
  URL.createObjectURL = blob => {
    blob.text().then(t => { window.__saved = t; });
    return make.call(URL, blob);
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download') && this.href.startsWith('blob:')) {
      window.__savedName = this.download;
      return;
    }
    return click.call(this);
  };
}"""


def status_says(d: Driver, words: str) -> None:
    d.wait_for(
        "w => [...document.querySelectorAll('.checklist__status, .checklist__message')]"
        ".some(e => e.textContent.includes(w))",
        words,
    )


def record_shown_saved_and_opened_again(d: Driver, tmp: Path) -> None:
    d.goto(CHECKLIST)
    wait_for_python(d)
    answer(d, "adult", "yes")
    answer(d, "previous-history", "no")
    answer(d, "images-of-own-children", "unknown")
    open_note(d, "previous-history")
    d.type("#note-previous-history", "Checked with the team <b>today</b>")
    d.click('button[data-action="show"]')
    d.wait_for(
        "() => { const r = document.querySelector('.checklist__record');"
        " return !r.hidden && r.textContent.includes('Early risk factors: checklist record')"
        " && r.textContent.includes('<b>today</b>'); }"
    )
    d.eval(CAPTURE)
    d.click('button[data-action="save"]')
    saved_text = d.wait_for("() => window.__saved")
    saved = json.loads(saved_text)
    assert saved["answers"]["previous-history"] == "no"
    assert d.eval("() => window.__savedName").startswith("early-risk-factors-")
    status_says(d, "Saved to a file on this device")
    path = tmp / "saved.json"
    path.write_text(saved_text, encoding="utf-8")

    d.dialogs("accept")
    d.click('button[data-action="clear"]')
    d.wait_for("() => !document.querySelector('input[type=radio]:checked')")
    assert any(m.startswith("Clear your") for m in d.dialogs())

    d.set_files(".checklist__file", str(path))
    status_says(d, "Opened “saved.json”")
    assert checked(d) == {
        "adult": "yes",
        "previous-history": "no",
        "images-of-own-children": "unknown",
    }
    note = d.eval("() => document.querySelector('#note-previous-history').value")
    assert note == "Checked with the team <b>today</b>"
    d.assert_no_problems()


def bad_file_gets_its_message_and_keeps_the_answers(d: Driver, tmp: Path) -> None:
    d.goto(CHECKLIST)
    wait_for_python(d)
    answer(d, "criminal-lifestyle", "yes")
    bad = tmp / "corrupt.json"
    bad.write_bytes(b"{not json")
    d.set_files(".checklist__file", str(bad))
    d.wait_for(
        "() => { const a = document.querySelector('.checklist__message[role=alert]');"
        " return a && a.textContent.includes('it is not JSON text'); }"
    )
    message = d.text(".checklist__message[role=alert]")
    assert "Could not open “corrupt.json”" in message
    assert "Your current answers have not been changed" in message
    assert checked(d) == {"criminal-lifestyle": "yes"}
    d.assert_no_problems()


def assessment_record_gathers_two_checklists(d: Driver) -> None:
    d.dialogs("accept")  # the leave guard's question: yes, move on (the answers stay in the tab)
    d.goto("checklists/strategy-discussion/")
    wait_for_python(d)
    answer(d, "adult", "yes")
    d.wait_for("() => document.querySelector('.checklist__record').textContent")
    d.click("a.md-nav__link[href$='early-risk-factors/']")
    d.wait_for("() => location.pathname.endsWith('/early-risk-factors/')")
    wait_for_python(d)
    answer(d, "criminal-lifestyle", "yes")
    d.wait_for_selector(PROMPT_2_10, timeout=PYTHON_TIMEOUT)  # an evaluation, on a busy machine
    d.click("a.md-nav__link[href$='assessment-record/']")
    d.wait_for("() => location.pathname.endsWith('/assessment-record/')")
    record = d.wait_for(
        "() => { const e = document.querySelector('.assessment-record__text');"
        " return e && !e.hidden && e.textContent; }"
    )
    assert record.index("\nSTRATEGY DISCUSSION\n") < record.index("\nEARLY RISK FACTORS\n")
    assert "Checklists: Strategy discussion, Early risk factors\n" in record
    d.assert_no_problems()


# ---- what depends on the engine (issue 18, item 3): proven in each, or a clear message ----


def python_starts(d: Driver) -> float:
    """Python starts in the checklist's worker and evaluates; returns seconds to the first result
    (navigation start to the form marked evaluated: a figure for the log, not a timed test)."""
    d.goto(CHECKLIST)
    wait_for_python(d)
    answer(d, "images-of-own-children", "yes")
    d.wait_for_selector(PROMPT_2_10, timeout=PYTHON_TIMEOUT)  # an evaluation, on a busy machine
    assert d.text(".checklist__status").strip() == ""
    d.assert_no_problems()
    return round(float(d.eval("() => performance.now()")) / 1000, 1)


SNAPSHOT_SETTLED = "() => document.documentElement.dataset.pythonSnapshot || null"


def a_stored_snapshot_restores(d: Driver) -> str:
    """Python's memory snapshot, made on this engine by the first visit, restores on the next
    (the same results); where the engine cannot make one, Python starts normally, unsaid."""
    d.goto(CHECKLIST)
    wait_for_python(d)
    made = d.wait_for(SNAPSHOT_SETTLED, timeout=PYTHON_TIMEOUT)
    d.goto(CHECKLIST)
    wait_for_python(d)
    start = d.eval("() => document.documentElement.dataset.pythonStart")
    answer(d, "images-of-own-children", "yes")
    d.wait_for_selector(PROMPT_2_10, timeout=PYTHON_TIMEOUT)  # an evaluation, on a busy machine
    assert "If any of these risk factors are present" in d.text(PROMPT_2_10)
    assert d.text(".checklist__status").strip() == ""  # nothing said to the reader either way
    d.assert_no_problems()
    if made == "stored":
        assert start == "snapshot", start
        return "made on the first visit, restored on the second"
    assert start == "fresh", start
    return f"not made here ({made}): Python starts normally"


COPIED = "Record copied. Paste it into your case record."
NOT_COPIED = "Could not copy the record: this browser does not allow it here."


def clipboard_copies_or_says_why_not(d: Driver) -> str:
    d.goto(CHECKLIST)
    wait_for_python(d)
    answer(d, "adult", "yes")
    answer(d, "images-of-own-children", "yes")
    d.wait_for_selector(PROMPT_2_10, timeout=PYTHON_TIMEOUT)  # an evaluation, on a busy machine
    d.click('button[data-action="copy"]')
    said = d.wait_for(
        "(a, b) => { const t = [...document.querySelectorAll('.checklist__status,"
        " .checklist__message')].map(e => e.textContent).join(' ');"
        " return t.includes(a) ? 'copied' : t.includes(b) ? 'refused' : null; }",
        COPIED,
        NOT_COPIED,
    )
    d.assert_no_problems()
    if said == "refused":
        return "the browser refused: the page says so and offers Save and Print"
    pasted = d.eval(
        "async () => { try { return await navigator.clipboard.readText(); }"
        " catch (e) { return 'unreadable: ' + e.name; } }"
    )
    if pasted.startswith("unreadable: "):
        return f"copied (the test cannot read the clipboard back here: {pasted})"
    assert pasted.startswith("Early risk factors: checklist record\n"), pasted[:200]
    assert "Paragraph 2.10\n" in pasted
    assert "  > If any of these risk factors are present" in pasted
    return "copied, and read back from the clipboard"


def leaving_with_unsaved_answers_is_guarded(d: Driver) -> None:
    """The checklist cancels ``beforeunload`` while answers are not saved (so the engine asks
    before a reload or closing the tab), and not once they are saved."""
    d.goto(CHECKLIST)
    wait_for_python(d)
    fire = (
        "() => { const e = new Event('beforeunload', {cancelable: true}); "
        "window.dispatchEvent(e); return e.defaultPrevented; }"
    )
    assert d.eval(fire) is False  # nothing answered: nothing to lose
    answer(d, "adult", "yes")
    d.wait_for("() => document.querySelector('.checklist__record').textContent")
    assert d.eval(fire) is True
    d.eval(CAPTURE)
    d.click('button[data-action="save"]')
    d.wait_for("() => window.__saved")
    assert d.eval(fire) is False  # saved: leaving loses nothing
    # A link within the site (instant navigation) keeps the answers in the tab: no question.
    d.dialogs("dismiss")
    d.click('a.md-nav__link[href$="assessment-record/"]')
    d.wait_for("() => location.pathname.endsWith('/assessment-record/')")
    assert d.dialogs() == []
    d.assert_no_problems()


def service_worker_or_why_not(d: Driver) -> str:
    d.goto("")
    if not d.eval("() => 'serviceWorker' in navigator"):
        d.assert_no_problems()
        return "no service worker in this engine: the pages work online without one"
    d.wait_for(OFFLINE_READY, timeout=PYTHON_TIMEOUT)
    scope = d.eval("async () => (await navigator.serviceWorker.getRegistration())?.scope")
    assert scope == "{0.scheme}://{0.netloc}/".format(urlsplit(d.base_url)), scope
    d.assert_no_problems()
    return f"registered at {scope}, precached and controlling the page"
