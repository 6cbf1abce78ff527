"""Chromium for the end-to-end tests (Debian's build, never skipped) and axe-core."""

from __future__ import annotations

import time

from build_scripts.lib.paths import ROOT
from devtools.chromium import CHROMIUM, launch  # noqa: F401 (the tests' launcher)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each."""
    assert AXE.exists(), "axe-core missing: run `npm ci`"
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def python_never_loads(page) -> None:
    """Make Python fail to load on ``page`` within 3 s: its wasm served as text, as a
    misconfigured server would (Pyodide would otherwise wait for ever)."""
    page.add_init_script("window.CHECKLIST_LOAD_TIMEOUT_MS = 3000")
    page.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, content_type="text/plain", body=b"not wasm"),
    )


# The theme's search button in the header, shown instead of the box below its desktop width.
SEARCH_BUTTON = 'label.md-header__button[for="__search"]'
# A checklist has drawn the result of every answer given (checklist/enhance.js numbers each
# evaluation it asks for in data-asked, and the one it drew in data-evaluated).
SETTLED = """() => { const f = document.querySelector('form.checklist');
  return !!f.dataset.asked && f.dataset.asked === f.dataset.evaluated; }"""


def open_search(page, how: str = "click"):
    """Open the theme's search as a person does, by clicking its box or with a shortcut key
    ("/", "s"); the search box, focused. Type into it as a person does (``press_sequentially``):
    the theme reads the query on ``keyup``, so ``fill`` is seen only if it comes before the
    search worker is ready. Then ``shown_results``."""
    box = page.locator("input.md-search__input")
    box.wait_for(state="attached")
    button = page.locator(SEARCH_BUTTON)
    if how == "click":
        # On a phone or tablet the header shows a search button, not the box.
        (button if button.is_visible() else box).click()
    else:
        page.keyboard.press(how)
    page.wait_for_function("() => document.activeElement?.matches('input.md-search__input')")
    return box


def shown_results(page) -> None:
    """Wait until search has results, and they are on screen. The theme (Material 9.8) closes
    search 125 ms after the address last changed (a page loaded, an instant navigation), later on
    a busy machine: a test's search can come sooner than a person's and be closed under it, the
    results still there behind it. Then it opens search again, as a person would (the box may
    still have the focus, and only focusing it opens search)."""
    # The search worker builds its index first: many seconds on a busy machine.
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=60_000)
    if not page.evaluate("document.getElementById('__search').checked"):
        page.locator("input.md-search__input").blur()
        open_search(page)
    page.locator(".md-search-result__item").first.wait_for()


# Four animation frames: longer than anything of ours waits after a page arrives (two frames).
FRAMES = """() => new Promise((done) => {
  let n = 4;
  const frame = () => (--n ? requestAnimationFrame(frame) : done());
  requestAnimationFrame(frame);
})"""


def wait_until(page, predicate: str, arg: object = None, timeout: float = 30.0) -> object:
    """Until the async ``predicate`` resolves to something truthy (its value). Playwright's
    ``wait_for_function`` takes the Promise an async function returns for a truthy value and
    returns at once (tests/test_layers.py refuses that use); ``evaluate`` awaits it."""
    deadline = time.monotonic() + timeout
    while not (value := page.evaluate(predicate, arg)):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {predicate}")
        page.wait_for_timeout(100)  # the next look, as wait_for_function polls
    return value
