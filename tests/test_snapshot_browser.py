"""Python's memory snapshot in Chromium (docs/assets/js/checklist/snapshot.js): made on the first
visit by a worker that sees no answers, restored on the next visit with every case answered as
CPython answers it, and a damaged snapshot replaced without a word to the reader."""

from __future__ import annotations

import json

from build_scripts.pyodide_bundle.cases import all_cases, evaluate_request, other_requests
from calculators.boundary import handle
from tests.test_checklist_browser import PAGE, answer, wait_for_python

CACHE = "guidance-python-snapshot"
STORED = "html[data-python-snapshot='stored']"
# Every request, as raw text (some are not JSON, which the page's client cannot send), through a
# second worker of the page's own script: it restores from the same stored snapshot.
ASK_ALL = """async (requests) => {
  const url = new URL("assets/js/checklist-worker.js",
                      document.baseURI.replace(/checklists\\/.*$/, "")).href;
  const worker = new Worker(url, { type: "module" });
  const replies = new Map();
  const ready = new Promise((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(event.message || "worker error"));
    worker.onmessage = (event) => {
      const data = event.data;
      if (data.type === "ready") resolve(data.start);
      else if (data.type === "failed") reject(new Error(data.message));
      else if (data.type === "response") replies.get(data.id)(data);
    };
  });
  const start = await ready;
  const out = [];
  for (const [id, request] of requests.entries()) {
    const data = await new Promise((resolve) => {
      replies.set(id, resolve);
      worker.postMessage({ id, request });
    });
    if (data.error) throw new Error(data.error);
    out.push(data.response);
  }
  worker.terminate();
  return { start, answers: out };
}"""
ENTRY = """async () => {
  const cache = await caches.open("guidance-python-snapshot");
  const keys = await cache.keys();
  const response = await cache.match(keys[0]);
  return { urls: keys.map((k) => k.url), names: await caches.keys(),
           bytes: (await response.arrayBuffer()).byteLength,
           browser: response.headers.get("x-browser-version") };
}"""
CORRUPT = """async () => {
  const cache = await caches.open("guidance-python-snapshot");
  const [request] = await cache.keys();
  const old = await cache.match(request);
  const junk = new Uint8Array(4096).fill(7);
  await cache.put(request, new Response(junk, { headers: old.headers }));
}"""


def visit(context):
    page = context.new_page()
    page.goto(PAGE)
    wait_for_python(page)
    return page


def start_of(page) -> str:
    return page.evaluate("document.documentElement.dataset.pythonStart")


def test_second_visit_starts_from_the_snapshot_and_every_case_matches_cpython(profile):
    first = visit(profile)
    assert start_of(first) == "fresh"
    first.wait_for_selector(STORED, state="attached", timeout=120_000)
    entry = first.evaluate(ENTRY)
    assert entry["names"] == [CACHE]
    assert len(entry["urls"]) == 1
    assert entry["urls"][0].endswith("/memory-snapshot")
    assert "/assets/pyodide/" in entry["urls"][0]  # under the bundle's key
    assert entry["browser"] and "Chrom" in entry["browser"]
    print(f"stored snapshot: {entry['bytes']} bytes")
    first.close()

    second = visit(profile)
    assert start_of(second) == "snapshot"
    requests = [evaluate_request(c, k) for c, k in all_cases()] + other_requests()
    asked = second.evaluate(ASK_ALL, requests)
    assert asked["start"] == "snapshot"
    assert [json.loads(a) for a in asked["answers"]] == [json.loads(handle(r)) for r in requests]
    # The restored checklist answers the form too.
    answer(second, "images-of-own-children", "yes")
    second.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for(
        timeout=60_000
    )


def test_a_damaged_snapshot_is_replaced_silently(profile):
    first = visit(profile)
    first.wait_for_selector(STORED, state="attached", timeout=120_000)
    first.evaluate(CORRUPT)
    first.close()
    page = visit(profile)
    assert start_of(page) == "fresh"  # the damaged one was not used
    assert "could not" not in page.inner_text("body")  # no message to the reader
    answer(page, "images-of-own-children", "yes")
    page.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for(
        timeout=60_000
    )
    page.wait_for_selector(STORED, state="attached", timeout=120_000)
    assert page.evaluate(ENTRY)["bytes"] > 100_000  # a whole snapshot again
    page.close()
    assert start_of(visit(profile)) == "snapshot"


# When the page first lets work that can wait begin (the snapshot maker, the offline copy's
# download), against when its first answers were drawn (the checklist-first-result mark).
WHEN = """() => {
  window.__waited = {};
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.background) window.__waited.snapshot ??= performance.now();
    return post.call(this, message, ...rest);
  };
  document.addEventListener("guidance:python-settled",
    () => { window.__waited.offline ??= performance.now(); });
}"""


def test_the_snapshot_and_the_offline_copy_wait_until_the_first_answers_are_drawn(profile):
    """A second Python starting, or the offline copy downloading, while the first answers are
    drawn would take the device's cores from them: both begin after the answers are on the page."""
    profile.add_init_script(f"({WHEN})()")
    page = visit(profile)
    page.wait_for_selector(STORED, state="attached", timeout=120_000)
    drawn = page.evaluate("performance.getEntriesByName('checklist-first-result')[0].startTime")
    waited = page.evaluate("window.__waited")
    assert set(waited) == {"snapshot", "offline"}, waited
    assert waited["snapshot"] >= drawn and waited["offline"] >= drawn, (drawn, waited)
