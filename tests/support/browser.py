"""Chromium for the end-to-end tests (Debian's build, never skipped) and axe-core."""

from __future__ import annotations

from build_scripts.lib.paths import ROOT
from build_scripts.tools.chromium import CHROMIUM, launch  # noqa: F401 (the tests' launcher)

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


# The theme (Material 9.8) closes search and the drawer 125 ms after the address last changed (a
# page loaded, an instant navigation, a new #fragment), however soon the page is in place. A
# person's next action comes later than that; a test's can come sooner, and its search closes.
THEME_CLOSE_DEBOUNCE_MS = 125
WATCH_ADDRESS = """() => {
  if (window.__addressChanged !== undefined) return;
  const changed = () => { window.__addressChanged = performance.now(); };
  changed();
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function (...args) {
      changed();
      return original.apply(this, args);
    };
  }
  window.addEventListener("hashchange", changed);
  window.addEventListener("popstate", changed);
}"""


def open_search(page, how: str = "click"):
    """Open the theme's search as a person does, by clicking its box or with the "/" shortcut,
    once the theme has settled on the page; the search box, focused and open."""
    page.evaluate(WATCH_ADDRESS)
    page.wait_for_function(
        f"() => performance.now() - window.__addressChanged > {THEME_CLOSE_DEBOUNCE_MS + 25}"
    )
    box = page.locator("input.md-search__input")
    if how == "click":
        box.click()
    else:
        page.keyboard.press(how)
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_function("() => document.activeElement?.matches('input.md-search__input')")
    return box
