"""`make bench`: load times, transfer sizes and Lighthouse scores of the built site, on loopback.

The site is built into a temporary folder and served as production would serve it: gzip for
text, the wasm and the stdlib zip, and the versioned Pyodide bundle immutable for a year
(``devtools/serve.py`` with ``compress=True``). Headless Debian Chromium, median of
``BENCH_RUNS`` runs (default 5). It prints:

 (a) checklist ready, cold: navigation to the first Python-evaluated result on the checklist page,
     a fresh persistent browser profile; against (b) stock ``loadPyodide()`` on a bare page
     serving the unmodified npm files, cold. Goal (a)/(b) <= 0.3.
 (c) the same warm: the same profile reopened for a 2nd and a 3rd visit, as a returning
     practitioner's (HTTP cache with compiled wasm, the service worker, Python's snapshot), their
     mean against stock's measured the same way, alternating. Goal <= 0.25. Each visit's stages
     are printed: page start -> worker start -> Python ready -> first result.
 (d) the Python runtime's transfer (every Pyodide file fetched, as sent: compressed) against
     stock's. Goal <= 0.75.
 (e) page weights of a guidance page (goal <= 150 KB) and the checklist page, first visit.
 (f) click to updated result, median of 50 (goal <= 16 ms).
 (g) Lighthouse 12 (mobile, simulated throttling) of two guidance pages and two checklist pages
     (Early risk factors, and the judgement): performance >= 95 (checklists; guidance pages 100),
     accessibility, best practices and SEO 100, each audit that loses points of the last three
     named. ``BENCH_ONLY=lighthouse`` measures only this, ``BENCH_RUNS`` times a page, the pages
     in turn (a busy machine slows them alike), and prints each page's median and its runs.
 (s) search: the evaluation set (tests/search/evaluation.toml) run through the site's own search
     worker under Node, hits@3 and mean reciprocal rank (devtools/search_eval.py), beside the
     theme's search as it ships (a second build with GUIDANCE_SEARCH_AS_SHIPPED=1: the theme's
     separator and pipeline, no paragraph entries, no worker patch), and beside Pagefind 1.5.2
     indexing the site's pages (devtools/pagefind_run.mjs; npm ci of devtools/pagefind's lock
     into build/pagefind/, the bench's only), with each search's whole index as sent. Goals:
     hits@3 >= 95 %, MRR >= 0.85. ``BENCH_ONLY=search`` measures only this (two builds, no
     browser).
 (t) first tap to its result, as a practitioner feels it: the answer "images of own children: Yes"
     tapped on the checklist page a fixed time after navigation (phone: 1.5 s; desktop: 1.0 s), and
     the time from that tap (the pointer event's own time) to the frame that shows what follows
     (2.10's prompt), and to the frame that shows the acknowledgement by the question (only a tap
     before Python is ready that the build's first answers do not cover, or that comes before their
     file has arrived, has one); how many results
     were drawn from the build's first answers (checklist/first-answers.js) is printed. The answer
     is scrolled into view first and tapped at its place on the screen (no waiting for it to be
     still), so a slowed page's tap lands near the time meant; the time it landed is printed,
     and when the result was shown (from navigation, or from the link: a tap that lands late on a
     busy page looks quicker from the tap). Phone: Chromium at 360 x 740, touch, the page's CPU
     slowed 4x (CDP ``Emulation.setCPUThrottlingRate``, as Lighthouse's mobile profile; Chromium
     refuses it for workers, so Python's worker runs at this machine's speed). Cold: a fresh
     persistent profile's first visit; warm: the same profile reopened, 2nd visit; "by a link": a
     3rd visit that opens a guidance page, reads it for ``LINK_DWELL_MS``, follows its "Use the
     checklist" link (the theme's instant navigation) and taps at the same delay after the link.
     Desktop: 1280 x 900, mouse, no slowing; the same three visits. Median of ``BENCH_RUNS``. Goals
     (issue 26): phone warm <= 300 ms, cold <= 1,500 ms, acknowledgement <= 100 ms; desktop warm <=
     100 ms. ``BENCH_ONLY=firsttap`` measures only this.
 (h) checklist ready against stock in Firefox ESR and WebKitGTK (devtools/engines/),
     cold and warm, same goals as (a) and (c). Their drivers have no persistent profile: cold is
     a fresh private tab's first visit, warm its 2nd and 3rd visits (the same tab, its HTTP
     cache, Cache Storage and service worker), runs of ours alternating with stock's.
A report, never a test: it says by how much a goal is missed. ``BENCH_LIGHTHOUSE=0`` skips (g),
``BENCH_ENGINES=0`` skips (h); Lighthouse's full reports are left in ``build/bench/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_scripts.lib.paths import ROOT
from devtools.chromium import ARGS, CHROMIUM, launch
from devtools.serve import serve_in_thread

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LIGHTHOUSE_ON = os.environ.get("BENCH_LIGHTHOUSE", "1") != "0"
ENGINES_ON = os.environ.get("BENCH_ENGINES", "1") != "0"
SEARCH_ONLY = os.environ.get("BENCH_ONLY") == "search"
FIRST_TAP_ONLY = os.environ.get("BENCH_ONLY") == "firsttap"
LIGHTHOUSE_ONLY = os.environ.get("BENCH_ONLY") == "lighthouse"
CHECKLIST = "checklists/early-risk-factors/"
GUIDANCE = "assessment/"
# (g)'s pages and their performance goals: a guidance page that leads to a checklist, one that
# does not, and two checklists.
LIGHTHOUSE_PAGES = {
    GUIDANCE: 100,
    "introduction/": 100,
    CHECKLIST: 95,
    "checklists/reaching-a-judgement/": 95,
}
# The categories that are not performance: each at 100.
OTHER_CATEGORIES = ("accessibility", "best-practices", "seo")
STOCK = "bench-stock/"
READY_MARK, STOCK_MARK = "checklist-first-result", "stock-ready"
OFFLINE_COPY_DONE = """async () => {
  if (!document.querySelector('meta[name="guidance-offline-worker"]')) return true;  // stock
  const registration = await navigator.serviceWorker.getRegistration();
  return registration?.active?.state === 'activated';
}"""
# The Python runtime: whatever Pyodide fetches (loader, runtime, stdlib, lock, manifest, wheel).
RUNTIME = re.compile(r"/pyodide/.*\.(mjs|js|wasm|zip|json|whl)$")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "build" / "bench"  # Lighthouse's full JSON reports, kept to read
# The stock page: its script a file of its own, so that the site's policy (sent by the server
# from ``_headers``, as for every page) lets it run as it lets ours, with no inline script.
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>stock loadPyodide</title>
<script type="module" src="stock.mjs"></script>"""
BARE_SCRIPT = """import { loadPyodide } from "./pyodide/pyodide.mjs";
performance.mark("stock-start");
await loadPyodide({ indexURL: new URL("./pyodide/", location.href).href });
performance.mark("stock-ready");
"""
CLICKS = """async () => {
  const box = document.querySelector(".checklist__prompts");
  const radios = ["yes", "no"].map(v =>
    document.querySelector(`input[name="images-of-own-children"][value="${v}"]`));
  const times = [];
  for (let i = 0; i < 50; i++) {
    const changed = new Promise(resolve => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(box, { childList: true, subtree: true });
    });
    const start = performance.now();
    radios[i % 2].click();
    await changed;
    times.push(performance.now() - start);
  }
  return times;
}"""


# Pure functions -----------------------------------------------------------------------------


def verdict(value: float, goal: float, *, at_least: bool = False) -> str:
    """ "met" or how far off the goal (an upper bound, or a lower one with ``at_least``)."""
    if (value >= goal) if at_least else (value <= goal):
        return "met"
    return f"MISSED by {abs(value - goal):.2f}"


def ratio_line(label: str, ours: float, stock: float, goal: float, unit: str = "ms") -> str:
    """One goal line: both values, the ratio and the verdict."""
    ratio = ours / stock if stock else float("inf")
    return (
        f"{label}: {ours:,.0f} {unit} vs stock {stock:,.0f} {unit}: ratio {ratio:.2f} "
        f"(goal <= {goal}): {verdict(ratio, goal)}"
    )


def lighthouse_scores(report: dict) -> dict[str, float]:
    """Category scores (0-100) and a few key audits from a Lighthouse JSON report."""
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    audits = report["audits"]
    for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time"):
        scores[name] = audits[name]["numericValue"]
    scores["total-byte-weight"] = audits["total-byte-weight"]["numericValue"]
    blocking = audits["render-blocking-resources"].get("details", {})  # absent when none
    scores["render-blocking"] = [item["url"] for item in blocking.get("items", [])]
    scores["cumulative-layout-shift"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["losing"] = [  # the scored audits that cost the other categories points
        ref["id"]
        for name in OTHER_CATEGORIES
        for ref in report["categories"].get(name, {}).get("auditRefs", [])
        if ref["weight"] and audits[ref["id"]].get("score") not in (None, 1)
    ]
    return scores


# Measuring ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(site: Path, port: int) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    write_stock_page(site / STOCK)


def write_stock_page(folder: Path) -> None:
    """Stock ``loadPyodide()`` on a bare page: the unmodified npm files, in ``folder``."""
    shutil.copytree(ROOT / "node_modules" / "pyodide", folder / "pyodide")
    (folder / "index.html").write_text(BARE_PAGE, encoding="utf-8")
    (folder / "stock.mjs").write_text(BARE_SCRIPT, encoding="utf-8")


# Where a visit's time went: ms from navigation start to each stage (absent ones left out).
STAGES = """(marks) => Object.fromEntries(marks
  .map((name) => [name, performance.getEntriesByName(name)[0]])
  .filter(([, entry]) => entry).map(([name, entry]) => [name, Math.round(entry.startTime)]))"""
OUR_STAGES = ["checklist:worker-start", "checklist:python-ready", READY_MARK]
STOCK_STAGES = ["stock-start", STOCK_MARK]
SNAPSHOT_SETTLED = """() => !document.querySelector('form.checklist')
  || document.documentElement.dataset.pythonStart === 'snapshot'
  || !!document.documentElement.dataset.pythonSnapshot"""


def visit(context, url: str, mark: str) -> tuple[float, dict]:
    """(ms from navigation start to ``mark``, stages) of one visit."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        f"() => performance.getEntriesByName('{mark}').length > 0", timeout=180_000
    )
    value = page.evaluate(f"performance.getEntriesByName('{mark}')[0].startTime")
    stages = page.evaluate(STAGES, OUR_STAGES if mark == READY_MARK else STOCK_STAGES)
    stages["start"] = page.evaluate("document.documentElement.dataset.pythonStart || ''")
    page.wait_for_load_state("networkidle")
    # A site with an offline worker: the next visit is "warm" once the worker has its copy (as
    # it would have, hours later, in real use), not while it is still downloading it; likewise
    # once Python's snapshot is made (or this visit was restored from it).
    page.wait_for_function(OFFLINE_COPY_DONE, timeout=300_000)
    page.wait_for_function(SNAPSHOT_SETTLED, timeout=300_000)
    page.close()
    return value, stages


def cold_and_warm(playwright, url: str, mark: str) -> tuple[float, float, list]:
    """Three visits of a returning practitioner: a fresh persistent profile (cold), then the same
    profile reopened twice (warm: the mean of the 2nd and 3rd visits). Returns (cold ms, warm ms,
    each visit's stages)."""
    times, stages = [], []
    with tempfile.TemporaryDirectory() as profile:
        for _ in range(3):
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), args=ARGS, headless=True
            )
            value, visit_stages = visit(context, url, mark)
            context.close()  # the browser closed and reopened, as between two days' visits
            times.append(value)
            stages.append(visit_stages)
    return times[0], (times[1] + times[2]) / 2, stages


def stage_line(label: str, stages: list[dict]) -> str:
    visits = []
    for name, visit_stages in zip(("cold", "warm 2", "warm 3"), stages, strict=False):
        started = f" ({visit_stages['start']})" if visit_stages.get("start") else ""
        marks = " -> ".join(f"{k} {v:,} ms" for k, v in visit_stages.items() if k != "start")
        visits.append(f"{name}{started}: page start 0 -> {marks}")
    return f"      {label}: " + "\n        ".join(["", *visits])


# A page has loaded all it will on a first visit: a checklist has evaluated, stock Python is ready.
LOADED = f"""() => !!document.querySelector('form.checklist[data-evaluated]')
  || performance.getEntriesByName('{STOCK_MARK}').length > 0
  || !document.querySelector('form.checklist') && !location.pathname.includes('{STOCK}')"""


def tab_visits(tab, path: str, mark: str) -> tuple[float, float, str]:
    """In one fresh private tab of another engine: (1st visit's ms to ``mark``, the mean of the
    2nd and 3rd visits', how Python started on the 3rd: "snapshot" or "fresh")."""
    times = []
    try:
        for _ in range(3):
            tab.goto(path)
            tab.wait_for(f"() => performance.getEntriesByName('{mark}').length > 0", timeout=180)
            found = tab.eval(f"() => performance.getEntriesByName('{mark}')[0].startTime")
            times.append(float(found))
            tab.wait_for(OFFLINE_COPY_DONE, timeout=300)
            tab.wait_for(SNAPSHOT_SETTLED, timeout=300)
        start = str(tab.eval("() => document.documentElement.dataset.pythonStart || ''"))
    finally:
        tab.close()
    return times[0], (times[1] + times[2]) / 2, start


def other_engines(base: str) -> dict[str, tuple[str, list, list]]:
    """Firefox ESR and WebKitGTK: {engine: (version, our runs, stock's runs)}."""
    from devtools.engines.firefox import FirefoxDriver, FirefoxProcess
    from devtools.engines.webkit import WebKit, WebKitDriver

    found = {}
    for name, start, tab in (
        ("Firefox ESR", FirefoxProcess, FirefoxDriver),
        ("WebKitGTK", WebKit, WebKitDriver),
    ):
        engine = start()
        try:
            ours, stock = [], []
            for _ in range(RUNS):
                ours.append(tab_visits(tab(engine, base), CHECKLIST, READY_MARK))
                stock.append(tab_visits(tab(engine, base), STOCK, STOCK_MARK))
            found[name] = (str(engine.version), ours, stock)
        finally:
            engine.quit()
    return found


def page_weight(browser, url: str) -> tuple[int, int]:
    """(bytes transferred by the page itself, by the Python runtime) on a first visit, in a
    fresh context (a persistent profile's context does not report its workers' requests)."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(LOADED, timeout=180_000)
    page.wait_for_load_state("networkidle")
    own = runtime = 0
    for response in responses:
        size = response.request.sizes()["responseBodySize"] if response.status == 200 else 0
        if RUNTIME.search(response.url):
            runtime += size
        else:
            own += size
    context.close()
    return own, runtime


def clicks(browser, url: str) -> list[float]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("form.checklist[data-evaluated]", timeout=180_000)
    # Not while the offline copy downloads, nor while the snapshot is made (a second Python).
    page.wait_for_function(OFFLINE_COPY_DONE, timeout=300_000)
    page.wait_for_function(SNAPSHOT_SETTLED, timeout=300_000)
    times = page.evaluate(CLICKS)
    context.close()
    return times


# (t) First tap to its result -------------------------------------------------------------

TAP_ITEM, TAP_VALUE = "images-of-own-children", "yes"
TAP_RESULT = '[data-prompt="risk-factor-present-2-10"][data-group="follows"]'
KEPT_LINE = ".checklist-q__kept"
LINK_DWELL_MS = 3000  # on the guidance page, reading, before following "Use the checklist"
# (name, viewport, touch, CPU slowing, tap this long after navigation, in ms)
PROFILES = (
    ("phone", {"width": 360, "height": 740}, True, 4, 1500),
    ("desktop", {"width": 1280, "height": 900}, False, 1, 1000),
)
# Recorded from the page's start: the first pointer down on the answer, on the link, and the
# first frame after the result (2.10's prompt, as it follows) and the acknowledgement appear and
# are still there (a line that the build's result replaced in the same task was never seen).
TAP_WATCH = f"""window.firstTap = {{}};
addEventListener('pointerdown', (event) => {{
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest('a.use-checklist__link')) firstTap.link ??= event.timeStamp;
  else if (target.closest('form.checklist')) firstTap.tap ??= event.timeStamp;
}}, true);
new MutationObserver(() => {{
  if (firstTap.tap === undefined) return;
  for (const [name, selector] of [['result', '{TAP_RESULT}'], ['kept', '{KEPT_LINE}']]) {{
    if (firstTap[name] !== undefined || !document.querySelector(selector)) continue;
    firstTap[name] = null;
    requestAnimationFrame((frame) => {{
      firstTap[name] = document.querySelector(selector) ? frame : undefined;
    }});
  }}
}}).observe(document, {{ subtree: true, childList: true }});"""
TAP_DONE = "() => typeof firstTap.result === 'number'"


def tap_visit(context, url: str, profile: tuple, *, by_link: bool = False) -> dict:
    """One visit: the answer tapped at the profile's delay after navigation (or, ``by_link``,
    after following the guidance page's "Use the checklist" link); ms from the tap to the
    result's frame and to the acknowledgement's (None without one), and when the tap came."""
    _, _, touch, slowing, tap_at = profile
    page = context.pages[0] if context.pages else context.new_page()
    if slowing > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowing})
    page.add_init_script(TAP_WATCH)
    answer = f'input[name="{TAP_ITEM}"][value="{TAP_VALUE}"]'
    started = time.monotonic()
    page.goto(GUIDANCE if by_link else url, wait_until="commit")
    if by_link:
        time.sleep(max(0.0, LINK_DWELL_MS / 1000 - (time.monotonic() - started)))
        link = page.locator('a.use-checklist__link[href*="early-risk-factors"]').first
        link.tap() if touch else link.click()
        started = time.monotonic()
        page.wait_for_selector(answer, state="attached", timeout=60_000)
    # As a finger would: at the answer where it is on the screen, at the time meant, without
    # Playwright's waiting for the element to be still (on a slowed page that waits seconds).
    target = page.locator(answer)
    target.scroll_into_view_if_needed(timeout=60_000)
    time.sleep(max(0.0, tap_at / 1000 - (time.monotonic() - started)))
    box = target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y) if touch else page.mouse.click(x, y)
    page.wait_for_function(TAP_DONE, timeout=300_000)
    found = page.evaluate("firstTap")
    origin = found.get("link") or 0
    kept = found.get("kept")
    result = {
        "tap": found["tap"] - origin,
        "result": found["result"] - found["tap"],
        "kept": kept - found["tap"] if isinstance(kept, (int, float)) else None,
        "start": page.evaluate("document.documentElement.dataset.pythonStart || ''"),
        # drawn from the build's first answers before Python was ready (first-answers.js)
        "early": page.evaluate("Boolean(document.querySelector('[data-drawn-early]'))"),
    }
    page.wait_for_load_state("networkidle")
    page.wait_for_function(OFFLINE_COPY_DONE, timeout=300_000)
    page.wait_for_function(SNAPSHOT_SETTLED, timeout=300_000)
    return result


def first_taps(playwright, base: str) -> dict[str, dict[str, list[dict]]]:
    """(t): {profile: {"cold" | "warm" | "by link": [one dict a run]}}, runs alternating."""
    found: dict[str, dict[str, list[dict]]] = {
        name: {"cold": [], "warm": [], "by link": []} for name, *_ in PROFILES
    }
    for _ in range(RUNS):
        for profile in PROFILES:
            name, viewport, touch, *_ = profile
            with tempfile.TemporaryDirectory() as folder:
                for kind in ("cold", "warm", "by link"):
                    context = playwright.chromium.launch_persistent_context(
                        folder, executable_path=str(CHROMIUM), args=ARGS, headless=True,
                        base_url=base, viewport=viewport, has_touch=touch, is_mobile=touch,
                    )  # fmt: skip
                    try:
                        visit_found = tap_visit(
                            context, CHECKLIST, profile, by_link=kind == "by link"
                        )
                    finally:
                        context.close()
                    found[name][kind].append(visit_found)
    return found


def first_tap_lines(found: dict[str, dict[str, list[dict]]]) -> list[str]:
    """(t) as printed: medians, each run, and the goals."""
    goals = {("phone", "cold"): 1500, ("phone", "warm"): 300, ("desktop", "warm"): 100}
    lines = []
    for name, _, _, slowing, tap_at in PROFILES:
        for kind, visits in found[name].items():
            waited = statistics.median(v["result"] for v in visits)
            taps = statistics.median(v["tap"] for v in visits)
            # When it showed, from navigation (or the link): a tap that lands late on a busy page
            # looks quicker from the tap, though a finger there would have waited longer.
            shown = statistics.median(v["tap"] + v["result"] for v in visits)
            goal = goals.get((name, kind))
            judged = f" (goal <= {goal:,} ms): {verdict(waited, goal)}" if goal else ""
            after = "the link" if kind == "by link" else "navigation"
            lines.append(
                f"(t)   first tap to its result, {name} ({slowing}x CPU), {kind}: median "
                f"{waited:,.0f} ms{judged}; tapped at {taps:,.0f} ms after {after} "
                f"(meant {tap_at:,}), shown at {shown:,.0f} ms"
            )
            kept = [v["kept"] for v in visits if v["kept"] is not None]
            said = (
                f"acknowledged by the question in median {statistics.median(kept):,.0f} ms "
                f"(goal <= 100 ms): {verdict(statistics.median(kept), 100)}, "
                f"{len(kept)} of {len(visits)} taps before Python was ready"
                if kept
                else "no tap acknowledged by a line (none before Python, or its result was drawn)"
            )
            early = sum(1 for v in visits if v["early"])
            said += f"; {early} of {len(visits)} results drawn from the build's first answers"
            runs = ", ".join(f"{v['result']:,.0f}" for v in visits)
            starts = ", ".join(sorted({v["start"] or "?" for v in visits}))
            lines.append(f"      {said}; runs: {runs} ms; Python: {starts}")
    return lines


def lighthouse(url: str, out: Path) -> dict[str, float] | str:
    """Lighthouse's scores for ``url``, or why it could not run. A run whose trace Lighthouse
    could not record (it says to run it again: NO_NAVSTART, now and then) is run again once."""
    if not LIGHTHOUSE.exists():
        return "not installed (npm ci)"
    scores = lighthouse_once(url, out)
    if isinstance(scores, str) and "run Lighthouse again" in scores:
        scores = lighthouse_once(url, out)
    return scores


def lighthouse_once(url: str, out: Path) -> dict[str, float] | str:
    """One Lighthouse run of ``url``: its scores, or why it failed."""
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not out.exists():
        return f"failed ({done.returncode}): {(done.stderr or done.stdout)[-300:]}"
    return lighthouse_scores(json.loads(out.read_text(encoding="utf-8")))


def search_figures(site: Path, port: int) -> str:
    """(s): the evaluation set on the site as built, on the theme's search as it ships, and on
    Pagefind indexing the site's pages (installed for the bench only: search_eval)."""
    from devtools import search_eval

    with tempfile.TemporaryDirectory() as tmp:
        stock = Path(tmp) / "theme"
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT)}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
             str(stock)],
            cwd=ROOT, env={**env, "GUIDANCE_SEARCH_AS_SHIPPED": "1"}, check=True,
        )  # fmt: skip
        text, figures = search_eval.report(
            {"site": site, "theme as it ships": stock}, pagefind=site
        )
    lines = text.splitlines()
    ours = figures["site"]
    lines[1 + len(figures) : 1 + len(figures)] = [
        f"  goals: site hits@3 >= 0.95: {verdict(ours.hits, 0.95, at_least=True)}; "
        f"site MRR >= 0.85: {verdict(ours.mrr, 0.85, at_least=True)}"
    ]
    return "(s)   " + "\n".join(lines)


def lighthouse_runs(base: str) -> dict[str, list[dict[str, float] | str]]:
    """(g): every page of LIGHTHOUSE_PAGES ``RUNS`` times, the pages in turn; reports kept."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    runs: dict[str, list[dict[str, float] | str]] = {path: [] for path in LIGHTHOUSE_PAGES}
    for run in range(RUNS if LIGHTHOUSE_ONLY else 1):
        for path in LIGHTHOUSE_PAGES:
            name = path.strip("/").replace("/", "-") + (f"-{run + 1}" if LIGHTHOUSE_ONLY else "")
            runs[path].append(lighthouse(base + path, REPORTS / f"lighthouse-{name}.json"))
    return runs


def lighthouse_lines(runs: dict[str, list[dict[str, float] | str]]) -> list[str]:
    """(g)'s lines: per page, the median of its runs against the goals, and each run's score."""
    lines = []
    for path, results in runs.items():
        done = [r for r in results if not isinstance(r, str)]
        if not done:
            lines.append(f"(g)   Lighthouse {path}: {results[0]}")
            continue
        goals = {"performance": LIGHTHOUSE_PAGES[path]} | dict.fromkeys(OTHER_CATEGORIES, 100)
        median = {k: statistics.median(r[k] for r in done) for k in (*goals, *AUDIT_FIGURES)}
        verdicts = ", ".join(
            f"{name} {median[name]:g} ({verdict(median[name], goal, at_least=True)})"
            for name, goal in goals.items()
        )
        lines.append(f"(g)   Lighthouse {path}: {verdicts}")
        losing = sorted({audit for r in done for audit in r["losing"]})
        lines.append(
            f"      FCP {median['first-contentful-paint']:,.0f} ms, LCP "
            f"{median['largest-contentful-paint']:,.0f} ms, TBT "
            f"{median['total-blocking-time']:,.0f} ms, CLS "
            f"{median['cumulative-layout-shift']:.3f}, bytes {kb(median['total-byte-weight'])}, "
            f"render-blocking: {done[-1]['render-blocking'] or 'none'}; "
            f"losing points: {', '.join(losing) or 'none'}"
        )
        if len(results) > 1:
            each = ", ".join(
                r if isinstance(r, str) else f"{r['performance']:g}/{r['total-blocking-time']:,.0f}"
                for r in results
            )
            lines.append(f"      runs (performance/TBT ms): {each}")
    return lines


AUDIT_FIGURES = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "total-byte-weight",
)


def kb(size: float) -> str:
    return f"{size / 1000:,.0f} kB"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site, port = Path(tmp) / "site", free_port()
        build(site, port)
        search = "" if FIRST_TAP_ONLY or LIGHTHOUSE_ONLY else search_figures(site, port)
        if SEARCH_ONLY:
            print(search)
            return
        server = serve_in_thread(site, port, compress=True)
        base = f"http://127.0.0.1:{port}/"
        if LIGHTHOUSE_ONLY:
            runs = lighthouse_runs(base)
            server.shutdown()
            print(f"make bench (g) only: {RUNS} runs a page, built site on loopback with gzip\n")
            print("\n".join(lighthouse_lines(runs)))
            return
        if FIRST_TAP_ONLY:
            with sync_playwright() as playwright:
                taps = first_taps(playwright, base)
            server.shutdown()
            print(f"make bench (t) only: {RUNS} runs, built site on loopback with gzip\n")
            print("\n".join(first_tap_lines(taps)))
            return
        with sync_playwright() as playwright:
            browser = launch(playwright)
            ours, stock = [], []
            for _ in range(RUNS):  # alternately, so that a busy machine slows both alike
                ours.append(cold_and_warm(playwright, base + CHECKLIST, READY_MARK))
                stock.append(cold_and_warm(playwright, base + STOCK, STOCK_MARK))
            weights = {
                path: page_weight(browser, base + path) for path in (GUIDANCE, CHECKLIST, STOCK)
            }
            click_times = clicks(browser, base + CHECKLIST)
            browser.close()
            taps = first_taps(playwright, base)
        engines = other_engines(base) if ENGINES_ON else {}
        scores = lighthouse_runs(base) if LIGHTHOUSE_ON else {}
        server.shutdown()

    cold, warm = [r[0] for r in ours], [r[1] for r in ours]
    stock_cold, stock_warm = [r[0] for r in stock], [r[1] for r in stock]
    runtime, stock_runtime = weights[CHECKLIST][1], weights[STOCK][1]

    def runs(values: list[float]) -> str:
        return ", ".join(f"{v:,.0f}" for v in values)

    print(f"make bench: {RUNS} runs each, headless Chromium, built site on loopback with gzip\n")
    median = statistics.median
    print(ratio_line("(a/b) checklist ready, cold", median(cold), median(stock_cold), 0.3))
    print(f"      ours: {runs(cold)} ms; stock: {runs(stock_cold)} ms")
    for i, (our_run, stock_run) in enumerate(zip(ours, stock, strict=True)):
        print(f"      run {i + 1} stages (ms from navigation start):")
        print(stage_line("ours", our_run[2]))
        print(stage_line("stock", stock_run[2]))
    print(ratio_line("(c)   checklist ready, warm", median(warm), median(stock_warm), 0.25))
    print(f"      ours: {runs(warm)} ms; stock: {runs(stock_warm)} ms")
    print(
        f"(d)   Python runtime transfer: {kb(runtime)} vs stock {kb(stock_runtime)}: ratio "
        f"{runtime / stock_runtime:.2f} (goal <= 0.75): {verdict(runtime / stock_runtime, 0.75)}"
    )
    own, _ = weights[GUIDANCE]
    print(f"(e)   guidance page {GUIDANCE}: {kb(own)} (goal <= 150 kB): {verdict(own, 150_000)}")
    own, python = weights[CHECKLIST]
    print(f"      checklist page {CHECKLIST}: {kb(own)} page + {kb(python)} Python runtime")
    d = median(click_times)
    print(
        f"(f)   click to updated result: median {d:.1f} ms, max {max(click_times):.1f} ms "
        f"(goal <= 16 ms): {verdict(d, 16)}"
    )
    print("\n".join(first_tap_lines(taps)))
    for name, (version, engine_ours, engine_stock) in engines.items():
        starts = ", ".join(sorted({r[2] for r in engine_ours}))
        label = f"(h)   {name} {version}, checklist ready"
        cold_ms, stock_cold_ms = [r[0] for r in engine_ours], [r[0] for r in engine_stock]
        warm_ms, stock_warm_ms = [r[1] for r in engine_ours], [r[1] for r in engine_stock]
        print(ratio_line(f"{label} cold", median(cold_ms), median(stock_cold_ms), 0.3))
        print(ratio_line(f"{label} warm", median(warm_ms), median(stock_warm_ms), 0.25))
        print(f"      ours cold: {runs(cold_ms)} ms; warm: {runs(warm_ms)} ms (Python: {starts})")
        print(f"      stock cold: {runs(stock_cold_ms)} ms; warm: {runs(stock_warm_ms)} ms")
    print(search)
    if scores:
        print("\n".join(lighthouse_lines(scores)))


if __name__ == "__main__":
    main()
