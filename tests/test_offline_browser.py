"""Offline use in Chromium. After one visit the site works with its server gone: the site's address,
pages, a paragraph link (the latest edition's, its permanent address and its short link), search
and a checklist evaluated by Python. A new build at the same address shows the update
notice; reloading serves the new build, and never loses unsaved checklist answers unasked.

Each test serves the site on its own port and really stops the server to go offline (as well as
setting the context offline), so only the service worker's cache can answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts import pipeline
from build_scripts.editions.model import load_editions
from build_scripts.lib.paths import EDITIONS_FILE, ROOT, SERVICE_WORKER
from build_scripts.offline import service_worker
from build_scripts.publish import site_layout
from devtools.serve import serve_in_thread
from tests.support.browser import axe_violations, wait_until
from tests.support.nginx import NginxServer
from tests.support.site import free_port
from tests.test_checklist_browser import PAGE, answer, wait_for_python
from tests.test_privacy_browser import LISTEN
from tests.test_site_browser import search

# A page is controlled only once the worker has activated, and it activates only once every file
# of its manifest is in the cache: so this means "precaching has finished".
OFFLINE_READY = "() => navigator.serviceWorker.controller?.state === 'activated'"
CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""
NOTICE = "An updated version of this guidance is ready."
MARKER = "This page changed in the new build."
CHANGED = "latest/introduction/"
EDITIONS = load_editions(ROOT / EDITIONS_FILE, ROOT)


@pytest.fixture(params=["test server", "nginx"])
def served(request, built_site):
    """The site on its own port: the test server (``_headers``) or nginx with the generated
    hosting snippet; either can be stopped, or given a new build at the same address."""
    if request.param == "nginx":
        server = NginxServer(built_site, free_port())
    else:
        server = serve_in_thread(built_site, free_port())
    yield server
    server.shutdown()
    server.server_close()


def browse(chromium, server, **options):
    """A context on ``server`` with service workers allowed (Playwright's default), recording
    Content Security Policy violations in ``window.__csp``."""
    context = chromium.new_context(
        base_url=f"http://127.0.0.1:{server.server_address[1]}/",
        service_workers="allow",
        **options,
    )
    context.add_init_script(LISTEN)
    return context


@pytest.fixture(scope="module")
def new_build(built_site, tmp_path_factory) -> Path:
    """The built site with one page changed and its worker regenerated, as a rebuild would."""
    new = tmp_path_factory.mktemp("new-build") / "site"
    shutil.copytree(built_site, new)
    page = new / CHANGED / "index.html"
    html = page.read_text("utf-8")
    opening = '<article class="md-content__inner md-typeset">'
    assert opening in html
    page.write_text(html.replace(opening, f'{opening}<p id="changed">{MARKER}</p>', 1), "utf-8")
    pipeline.offline_worker(pipeline.Site(new, ROOT, ["en"], site_layout(EDITIONS)))
    return new


def test_after_one_visit_pages_search_and_a_checklist_work_with_the_network_gone(chromium, served):
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("")  # the site's address: it redirects to latest/
    page.wait_for_url("**/latest/")
    page.wait_for_function(OFFLINE_READY)
    served.shutdown()
    served.server_close()
    context.set_offline(True)
    violations = []

    page.goto("")
    page.wait_for_url("**/latest/")
    assert page.locator("h1").first.is_visible()
    violations += page.evaluate("window.__csp")

    # A short link and the latest edition's permanent address (what copied links use).
    page.goto("p/2.10/")
    page.wait_for_url("**/latest/assessment/#2.10")
    page.wait_for_function("() => document.getElementById('2.10')?.classList.contains('is-target')")
    page.goto(f"{EDITIONS[-1].id}/assessment/#2.10")
    page.wait_for_function("() => document.getElementById('2.10')?.classList.contains('is-target')")
    assert page.locator('[id="2.10"]').inner_text().startswith("2.10")
    violations += page.evaluate("window.__csp")

    page.goto("latest/assessment/#2.9")
    page.wait_for_function("() => document.getElementById('2.9')?.classList.contains('is-target')")
    paragraph = page.locator('[id="2.9"]')
    assert paragraph.is_visible() and paragraph.inner_text().startswith("2.9")
    violations += page.evaluate("window.__csp")

    # The theme's search runs in a web worker that fetches the search index.
    assert search(page, "2.9")[0] == "assessment#2.9"
    violations += page.evaluate("window.__csp")

    page.goto("latest/" + PAGE)
    wait_for_python(page)  # Pyodide, the standard library and our wheel, all from the cache
    answer(page, "images-of-own-children", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    violations += page.evaluate("window.__csp")

    # A page not in the offline copy: the site's own page saying so, not the browser's error.
    page.goto("latest/no-such-page/")
    assert page.locator("h1").first.inner_text() == "Not available offline"
    assert page.get_by_text("this page is not saved on this device").is_visible()
    assert violations == []
    context.close()


DROP_FROM_CACHE = """async (part) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (request.url.includes(part)) {
        await cache.delete(request);
        return request.url;
      }
    }
  }
  return null;
}"""


def test_an_entry_missing_from_the_offline_copy_is_fetched_and_kept_again(chromium, served):
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("latest/introduction/")
    page.wait_for_function(OFFLINE_READY)
    dropped = page.evaluate(DROP_FROM_CACHE, "/latest/glossary/index.html")
    assert dropped
    page.goto("latest/glossary/")  # online: from the network, checked and put back
    wait_until(page, "async (url) => Boolean(await caches.match(url))", dropped)
    served.shutdown()
    served.server_close()
    context.set_offline(True)
    page.goto("latest/glossary/")
    assert page.locator("h1").first.inner_text() == "Glossary"
    context.close()


def test_offline_a_missing_python_file_is_said_at_once_and_the_form_stays(chromium, served):
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("latest/introduction/")
    page.wait_for_function(OFFLINE_READY)
    assert page.evaluate(DROP_FROM_CACHE, "pyodide.asm.wasm")
    served.shutdown()
    served.server_close()
    context.set_offline(True)
    page.goto("latest/" + PAGE)
    status = page.locator(".checklist__status")
    # Seconds, not the 90 s load timeout: the worker's failed download is reported as it happens.
    # (Behind nginx the browser's HTTP cache may still hold the file, immutable for a year: then
    # Python starts from it, which is as good.)
    page.wait_for_function(
        "() => document.querySelector('.checklist__status').textContent.includes('cannot show')"
        " || document.documentElement.dataset.pythonStart",
        timeout=20_000,
    )
    if page.evaluate("document.documentElement.dataset.pythonStart"):
        assert isinstance(served, NginxServer), "only behind nginx may the HTTP cache keep it"
    else:
        assert "pyodide.asm.wasm" in status.inner_text() and "offline" in status.inner_text()
    answer(page, "adult", "yes")
    assert page.locator('input[name="adult"][value="yes"]').is_checked()
    context.close()


def test_the_first_offline_copy_is_announced_once(chromium, served):
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("latest/assessment/")
    notice = page.locator(".update-notice")
    notice.get_by_text("now saved on this device").wait_for()
    assert notice.get_attribute("role") == "status"
    assert notice.get_by_role("button").count() == 0  # nothing to press: it goes by itself
    page.locator(".update-notice--shown").wait_for(state="detached", timeout=30_000)
    page.goto("latest/introduction/")  # the same worker: nothing more to say
    page.wait_for_function(OFFLINE_READY)
    page.locator("h1").wait_for()
    assert page.locator(".update-notice--shown").count() == 0
    context.close()


def test_a_failed_first_offline_copy_is_tried_again(chromium, served, built_site, tmp_path):
    # One file of the copy cannot be fetched (the signal dropped, the server was restarting).
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken)
    (broken / "latest" / "glossary" / "index.html").unlink()
    served.root = broken
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("latest/introduction/")
    # The browser discards the worker whose copy failed, and the page waits to try again.
    page.wait_for_selector("html[data-offline-copy='failed']", state="attached")
    assert page.evaluate("navigator.serviceWorker.controller") is None
    # The file can be fetched again, and the device says it is back online: the copy is made.
    served.root = built_site
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.locator(".update-notice").get_by_text("now saved on this device").wait_for()
    page.wait_for_function(OFFLINE_READY)
    assert page.evaluate("window.__csp") == []
    context.close()


def test_a_new_build_shows_the_update_notice_and_reload_serves_it(chromium, served, new_build):
    context = browse(chromium, served, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(CHANGED)
    page.wait_for_function(OFFLINE_READY)
    served.root = new_build  # the new build is deployed at the same address

    page.goto(CHANGED)  # a navigation: the browser checks sw.js and installs the new worker
    notice = page.locator(".update-notice")
    notice.get_by_text(NOTICE).wait_for()
    assert notice.get_attribute("role") == "status"
    assert MARKER not in page.locator("article").inner_text()  # nothing changes unasked
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    assert notice.is_hidden()
    page.emulate_media(media="screen")

    page.keyboard.press("Tab")  # the notice comes first in the tab order
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Reload to use it"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text(MARKER).wait_for()
    assert page.locator(".update-notice--shown").count() == 0

    # The cache now holds exactly the new build's files, at their new revisions.
    base = page.evaluate("location.origin") + "/"
    manifest = service_worker.precache_manifest((new_build / "sw.js").read_text("utf-8"))
    expected = {f"{base}{url}?__WB_REVISION__={revision}" for url, revision in manifest.items()}
    assert set(page.evaluate(CACHED_URLS)) == expected
    assert page.evaluate("window.__csp") == []
    context.close()


def test_the_notice_never_reloads_away_unsaved_answers_unasked(chromium, served, new_build):
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("latest/" + PAGE)
    page.wait_for_function(OFFLINE_READY)
    wait_for_python(page)
    answer(page, "images-of-own-children", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    served.root = new_build
    # A long-lived tab finds the new build when the worker checks for updates.
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    notice = page.locator(".update-notice")
    notice.get_by_text(NOTICE).wait_for()

    page.evaluate("window.__same_page = true")  # gone if the page reloads

    # Reload, with answers not saved or copied: the checklist's leave guard asks first, and
    # staying keeps the page and its answers.
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))  # stay
    with page.expect_event("dialog"):
        notice.get_by_role("button", name="Reload to use it").click()
    assert asked == ["beforeunload"]
    page.wait_for_function("() => navigator.serviceWorker.controller?.state === 'activated'")
    assert page.evaluate("window.__same_page") is True
    assert page.locator('input[name="images-of-own-children"][value="yes"]').is_checked()

    # "Not now" hides the notice and changes nothing.
    notice.get_by_role("button", name="Not now").click()
    assert page.locator(".update-notice--shown").count() == 0
    assert page.evaluate("window.__same_page") is True
    context.close()


POISON = """async (part) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (request.url.includes(part)) {
        const html = '<!doctype html><title>Poisoned</title><h1>Poisoned copy</h1>';
        await cache.put(request, new Response(html, {headers: {'Content-Type': 'text/html'}}));
        return request.url;
      }
    }
  }
  return null;
}"""
TAKE_OVER = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration.waiting;
  worker.postMessage({type: 'SKIP_WAITING'});
  await new Promise((done) => {
    if (worker.state === 'activated') done();
    worker.addEventListener('statechange', () => worker.state === 'activated' && done());
  });
}"""
GLOSSARY = "/latest/glossary/index.html"


def heading(page, path: str) -> str:
    page.goto(path)
    return page.locator("h1").first.inner_text()


def test_a_tampered_entry_of_the_offline_copy_is_replaced_by_the_next_good_deployment(
    chromium, served, new_build
):
    context = browse(chromium, served)
    page = context.new_page()
    page.goto(CHANGED)
    page.wait_for_function(OFFLINE_READY)
    # Other bytes stored under the glossary's good key (its revision is the same in the new
    # build): the worker serves what it stored, which is what this test is about.
    assert page.evaluate(POISON, GLOSSARY)
    assert heading(page, "latest/glossary/") == "Poisoned copy"

    served.root = new_build  # a good deployment at the same address
    page.goto(CHANGED)  # the browser checks sw.js: the new worker installs, checking the copy
    page.locator(".update-notice").get_by_text(NOTICE).wait_for()  # installed, waiting
    # Installed, not yet in charge: the entry it would reuse was checked and replaced already,
    # in the copy the old worker serves from too.
    assert heading(page, "latest/glossary/") == "Glossary"

    # Reads are not hashed: other bytes written while the new worker waits are served by the
    # old one (docs/threat-model.md)...
    assert page.evaluate(POISON, GLOSSARY)
    assert heading(page, "latest/glossary/") == "Poisoned copy"
    # ...until the new worker takes over: it checks every entry as it activates, and one that
    # does not match is a miss, fetched again with its hash.
    page.evaluate(TAKE_OVER)
    assert heading(page, "latest/glossary/") == "Glossary"
    wait_until(
        page,
        f"async () => ({CACHED_URLS})().then((urls) => urls.some("
        f"(url) => url.includes('{GLOSSARY}')))",
    )

    served.shutdown()
    served.server_close()
    context.set_offline(True)
    assert heading(page, "latest/glossary/") == "Glossary"
    page.goto(CHANGED)
    page.get_by_text(MARKER).wait_for()
    assert page.evaluate("window.__csp") == []
    context.close()


def test_a_build_without_a_worker_at_the_same_address_removes_the_old_one(
    chromium, served, built_site, tmp_path
):
    # As `mkdocs serve` after a built site was visited at the same address: no sw.js.
    bare = tmp_path / "site"
    shutil.copytree(built_site, bare, ignore=shutil.ignore_patterns(SERVICE_WORKER))
    context = browse(chromium, served)
    page = context.new_page()
    page.goto("")
    page.wait_for_function(OFFLINE_READY)
    served.root = bare
    page.goto("latest/assessment/")
    wait_until(page, "async () => !(await navigator.serviceWorker.getRegistration())")
    page.reload()  # now from the server, with no worker in between
    assert page.evaluate("navigator.serviceWorker.controller") is None
    # The page's own attempt to register sw.js (404 here) may hold a registration for a
    # moment: what must not happen is a worker that stays (a full run once met the moment).
    wait_until(page, "async () => !(await navigator.serviceWorker.getRegistration())")
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert page.locator(".update-notice--shown").count() == 0
    context.close()


def test_offline_the_instant_navigation_keeps_the_tab_and_its_answers(chromium, site_url):
    # At the address the site was built for (SITE_URL), the theme swaps pages in place, fetching
    # them through the worker; checklist answers live in the tab across those swaps.
    context = chromium.new_context(base_url=site_url, service_workers="allow")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(PAGE)
    page.wait_for_function(OFFLINE_READY)
    context.set_offline(True)  # Playwright applies it to the worker's own requests too
    wait_for_python(page)
    answer(page, "images-of-own-children", "yes")
    page.get_by_role("button", name="Copy record").click()  # saved: leaving needs no question
    page.evaluate("window.__same_page = true")
    page.locator('a.md-nav__link[href$="introduction/"]').first.click()
    page.wait_for_url("**/introduction/")
    page.get_by_role("heading", name="1. Introduction").wait_for()
    page.go_back()
    page.wait_for_url(f"**/{PAGE}")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    assert page.locator('input[name="images-of-own-children"][value="yes"]').is_checked()
    assert page.evaluate("window.__same_page") is True
    context.close()


# docs/threat-model.md, "Clearing every device after an incident": the lines a site owner adds.
CLEAR_SITE_DATA_NGINX = """    add_header Clear-Site-Data '"cache", "storage"' always;\n"""
CLEAR_SITE_DATA_HEADERS = """/sw.js\n  Clear-Site-Data: "cache", "storage"\n"""


def clearing(built_site: Path, tmp_path: Path, host: str) -> tuple[Path, Path | None]:
    """The site deployed again with the threat model's clearing lines added, as it tells a site
    owner to: in the generated nginx snippet's sw.js location, or under /sw.js in _headers."""
    site = tmp_path / "clearing" / "site"
    shutil.copytree(built_site, site)
    if host == "nginx":
        from tests.support.nginx import snippet_of

        text = snippet_of(built_site).read_text("utf-8")
        opening = "location ~ /sw\\.js$ {\n"
        assert text.count(opening) == 1, "the snippet's sw.js location is as the threat model says"
        snippet = tmp_path / "clearing" / "nginx.conf"
        snippet.write_text(text.replace(opening, opening + CLEAR_SITE_DATA_NGINX), "utf-8")
        return site, snippet
    headers = site / "_headers"
    headers.write_text(headers.read_text("utf-8") + "\n" + CLEAR_SITE_DATA_HEADERS, "utf-8")
    return site, None


# What the site stored on the device, besides the copy its worker keeps (which the worker itself
# prunes): a cache and a stored item under the site's address. Cleared: both gone.
KEPT = """async () => {
  const cache = await caches.open("kept-by-this-device");
  await cache.put("/kept", new Response("kept"));
  localStorage.setItem("kept-by-this-device", "kept");
  return (await caches.keys()).includes("kept-by-this-device");
}"""
CLEARED = """async () => localStorage.getItem("kept-by-this-device") === null
  && !(await caches.keys()).includes("kept-by-this-device")"""


@pytest.mark.parametrize("host", ["test server", "nginx"])
def test_the_threat_models_clear_site_data_clears_every_device_on_its_next_visit(
    chromium, built_site, tmp_path, host
):
    """As the threat model tells a site owner after an incident: the clearing lines added where
    it says, the site deployed; a device that visited before (offline copy, worker, anything the
    site stored) has all of it cleared on its next visit online; the lines removed, the next
    visit makes the offline copy again."""
    port = free_port()
    server = NginxServer(built_site, port) if host == "nginx" else serve_in_thread(built_site, port)
    context = browse(chromium, server)
    page = context.new_page()
    page.goto("latest/")
    page.wait_for_function(OFFLINE_READY)
    assert page.evaluate(KEPT)
    server.shutdown()
    server.server_close()

    site, snippet = clearing(built_site, tmp_path, host)
    server = NginxServer(site, port, snippet) if host == "nginx" else serve_in_thread(site, port)
    page.goto("latest/glossary/")  # the next visit: the browser asks the server for sw.js
    wait_until(page, CLEARED)
    server.shutdown()
    server.server_close()

    server = NginxServer(built_site, port) if host == "nginx" else serve_in_thread(built_site, port)
    page.goto("latest/")  # the lines removed: the copy is made again
    page.wait_for_function(OFFLINE_READY)
    server.shutdown()
    server.server_close()
    context.close()
