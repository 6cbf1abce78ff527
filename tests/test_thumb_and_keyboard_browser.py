"""Kind to keyboard and thumb (issue 28): the questions three Tabs away, one visible focus ring,
and the phone layout at 360 x 740 with touch."""

from __future__ import annotations

import pytest

from build_scripts.lib.paths import ROOT

# The checklist pages: those whose front matter starts Python (the assessment record gathers them).
CHECKLIST_PAGES = sorted(
    p.stem
    for p in (ROOT / "docs/checklists").glob("*.md")
    if "\nchecklist:" in p.read_text("utf-8").split("\n---", 1)[0]
)
FOCUSED = """() => { const e = document.activeElement;
  return e && e !== document.body ? {tag: e.tagName, type: e.type || '',
    text: (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40)} : null; }"""
HEADER_BOTTOM = "document.querySelector('.md-header').getBoundingClientRect().bottom"
# The focused element's ring: its outline's width, or a box-shadow's spread (the 4th length).
RING = """() => { const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle === 'none' || s.outlineStyle === 'hidden' ? 0
    : parseFloat(s.outlineWidth);
  const spreads = (s.boxShadow.match(/(-?[\\d.]+px ){3}(-?[\\d.]+)px/g) || [])
    .map(shadow => parseFloat(shadow.trim().split(/\\s+/)[3]));
  const name = e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
    ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
    + ' "' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
  return {name, ring: Math.max(outline, 0, ...spreads)}; }"""


def test_checklist_pages_are_found():
    assert len(CHECKLIST_PAGES) >= 9 and "early-risk-factors" in CHECKLIST_PAGES


@pytest.mark.parametrize("viewport", [(1280, 900), (360, 740)])
def test_the_first_answer_of_every_checklist_is_at_most_three_tabs_away(page, viewport):
    """From page load: Tab to "Skip to the questions" (the first Tab stop), Enter, then Tab until
    a radio button or checkbox has focus; at most three Tabs in all."""
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    counts = {}
    for name in CHECKLIST_PAGES:
        page.goto(f"checklists/{name}/")
        page.wait_for_load_state("load")
        page.keyboard.press("Tab")
        tabs, first = 1, page.evaluate(FOCUSED)
        if first and first["text"] == "Skip to the questions":
            page.keyboard.press("Enter")
        while tabs < 40 and page.evaluate(FOCUSED)["type"] not in ("radio", "checkbox"):
            page.keyboard.press("Tab")
            tabs += 1
        focused = page.evaluate(FOCUSED)
        counts[name] = (tabs, first["text"] if first else None)
        # The answer is in view, below the fixed header, with its question.
        top = page.evaluate("document.activeElement.getBoundingClientRect().top")
        header = page.evaluate(HEADER_BOTTOM)
        assert header <= top < viewport[1], (name, top, focused)
    assert {n: c for n, c in counts.items() if c != (1, "Skip to the questions")} == {}


@pytest.mark.parametrize("path", ["introduction/", "checklists/early-risk-factors/"])
@pytest.mark.parametrize("viewport", [(1280, 900), (360, 740)])
def test_every_element_reached_by_tab_has_a_focus_ring_of_at_least_2_px(page, path, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(path)
    page.wait_for_load_state("load")
    thin, seen = {}, []
    for _ in range(800):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring is None or (seen and ring["name"] == seen[0]):
            break  # back to the page itself, or round to the first element again
        seen.append(ring["name"])
        if ring["ring"] < 2:
            thin[ring["name"]] = ring["ring"]
    assert len(seen) > 10  # the header, the menu, the content and the footer were reached
    assert thin == {}
