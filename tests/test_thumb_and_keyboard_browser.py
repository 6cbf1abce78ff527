"""Kind to keyboard and thumb (issue 28): the questions three Tabs away, one visible focus ring,
and the phone layout at 360 x 740 with touch."""

from __future__ import annotations

import pytest

from build_scripts.lib.paths import ROOT
from tests.support.browser import SETTLED

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


# The phone layout (360 x 740, touch) ------------------------------------------------------------

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"


@pytest.fixture
def phone(chromium, site_url):
    context = chromium.new_context(base_url=site_url, service_workers="block", **PHONE)
    yield context.new_page()
    context.close()


def test_the_pathway_boxes_are_centred_and_its_numbers_read_2_2_comma_2_3(phone):
    phone.goto("pathway/")
    phone.wait_for_load_state("load")
    gaps = phone.locator(".pathway__stage, .pathway__step").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); "
        "return [Math.round(r.left), Math.round(innerWidth - r.right)]; })"
    )
    assert len(gaps) > 10
    assert [g for g in gaps if abs(g[0] - g[1]) > 4] == []
    # The gap between a number's last character and the comma after it: none to speak of.
    gaps = phone.locator(".pathway__diagram a.pathway__para").evaluate_all(
        """links => links.filter(a => a.nextSibling?.textContent.startsWith(',')).map(a => {
          const number = document.createRange(); number.selectNodeContents(a);
          const comma = document.createRange();
          comma.setStart(a.nextSibling, 0); comma.setEnd(a.nextSibling, 1);
          return [a.textContent, comma.getBoundingClientRect().left
                  - number.getBoundingClientRect().right]; })"""
    )
    assert len(gaps) >= 5
    assert [g for g in gaps if g[1] > 1] == []


def test_no_question_straddles_the_border_of_its_box(phone):
    straddling = {}
    for name in CHECKLIST_PAGES:
        phone.goto(f"checklists/{name}/")
        phone.wait_for_load_state("load")
        found = phone.locator(".checklist-q").evaluate_all(
            """boxes => boxes.map(box => {
              const legend = box.querySelector(':scope > legend');
              if (!legend) return null;
              const inner = box.getBoundingClientRect().top
                + parseFloat(getComputedStyle(box).borderTopWidth);
              const top = legend.getBoundingClientRect().top;
              return top < inner - 0.5 ? box.id + ' ' + (inner - top) : null;
            }).filter(Boolean)"""
        )
        if found:
            straddling[name] = found[:3]
    assert straddling == {}


# Boxes (a border or a background of their own) inside a checklist's result: none narrower than
# 80 % of the screen, so that the text in them is not a narrow column.
NARROW_BOXES = """() => {
  const narrow = [];
  for (const e of document.querySelectorAll('.checklist__result *')) {
    const s = getComputedStyle(e);
    if (s.display.startsWith('inline') || ['contents', 'none'].includes(s.display)) continue;
    const border = ['Top', 'Right', 'Bottom', 'Left'].some(side =>
      parseFloat(s['border' + side + 'Width']) > 0 && s['border' + side + 'Style'] !== 'none');
    const fill = s.backgroundColor !== 'rgba(0, 0, 0, 0)';
    const r = e.getBoundingClientRect();
    if ((border || fill) && r.width > 0 && r.width < 0.8 * innerWidth) {
      narrow.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(r.width));
    }
  }
  return narrow;
}"""


def test_a_checklist_result_on_a_phone_is_not_boxes_inside_boxes(phone):
    phone.goto("checklists/early-risk-factors/")
    phone.wait_for_selector("form.checklist[data-evaluated]", timeout=60_000)
    for item, value in [("adult", "yes"), ("images-of-own-children", "yes")]:
        phone.locator(f'input[name="{item}"][value="{value}"]').check()
    phone.locator('[data-prompt="risk-factor-present-2-10"][data-group="follows"]').wait_for()
    phone.wait_for_function(SETTLED)
    for details in phone.locator(".checklist__result details").all():
        details.evaluate("d => { d.open = true; }")
    assert phone.evaluate(NARROW_BOXES) == []


# No checklist on the page is still saying it is getting ready (its bar at the foot has gone).
GETTING_READY_GONE = "() => !document.querySelector('.checklist__status[data-kind=loading]')"
# Text in the content under any element fixed on the screen (the header excepted: the page keeps
# clear of it), after scrolling down and a little back up, when the theme shows "Back to top".
COVERED_TEXT = """() => {
  const fixed = [...document.querySelectorAll('body *')].filter(e => {
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return (s.position === 'fixed' || s.position === 'sticky') && !e.closest('.md-header')
      && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0 && r.width > 0 && r.height > 0
      && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
      && !e.closest('.md-sidebar') && !e.classList.contains('md-skip');
  });
  const covered = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange(); range.selectNodeContents(node);
    for (const t of range.getClientRects()) {
      for (const f of fixed) {
        const r = f.getBoundingClientRect();
        if (t.left < r.right && t.right > r.left && t.top < r.bottom && t.bottom > r.top) {
          covered.push(f.className + ' over "' + node.textContent.trim().slice(0, 30) + '"');
        }
      }
    }
  }
  return covered;
}"""


@pytest.mark.parametrize("path", ["assessment/", "glossary/", "pathway/"])
def test_nothing_fixed_on_the_screen_covers_text_after_scrolling_back_up(phone, path):
    phone.goto(path)
    phone.wait_for_load_state("load")
    phone.mouse.wheel(0, 3000)
    phone.wait_for_function("() => scrollY > 2000")
    phone.evaluate(NEXT_FRAME)
    phone.mouse.wheel(0, -400)
    phone.wait_for_function("() => scrollY < 2700")
    phone.evaluate(NEXT_FRAME)
    phone.evaluate(NEXT_FRAME)
    assert phone.evaluate(COVERED_TEXT) == []


def test_the_threat_model_is_under_about_in_the_menu_not_beside_the_guidance(phone):
    phone.goto("")
    top_level = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item").evaluate_all(
        "items => items.map(i => i.querySelector(':scope > .md-nav__link, :scope > label')"
        "?.textContent.trim())"
    )
    assert "Threat model" not in top_level and "About" in top_level
    about = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item").filter(
        has=phone.locator(":scope > label", has_text="About")
    )
    assert about.locator("a.md-nav__link", has_text="Threat model").count() == 1


# Opening a saved file ----------------------------------------------------------------------------

# As in Safari: no scroll anchoring (set through the style object: the policy forbids inline CSS).
WITHOUT_ANCHORING = (
    "() => { for (const e of [document.documentElement, document.body]) "
    "e.style.overflowAnchor = 'none'; }"
)


@pytest.mark.parametrize("anchoring", ["Chromium's scroll anchoring", "none, as in Safari"])
@pytest.mark.parametrize("viewport", [(360, 740), (1280, 900)])
def test_opening_a_saved_file_keeps_the_reader_in_place_with_the_confirmation_in_view(
    context, page, tmp_path, anchoring, viewport
):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto("checklists/early-risk-factors/")
    page.wait_for_selector("form.checklist[data-evaluated]", timeout=60_000)
    for item, value in [
        ("adult", "yes"),
        ("images-of-own-children", "yes"),
        ("previous-contact-abuse", "yes"),
        ("partner-capacity", "no"),
    ]:
        page.locator(f'input[name="{item}"][value="{value}"]').check()
    page.wait_for_function(SETTLED)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save to a file").click()
    saved = tmp_path / "saved.json"
    download.value.save_as(saved)

    page.reload()  # the answers are gone; the reader opens the file they saved
    page.wait_for_selector("form.checklist[data-evaluated]", timeout=60_000)
    if anchoring.startswith("none"):
        page.evaluate(WITHOUT_ANCHORING)
    button = page.get_by_role("button", name="Open a saved file")
    button.evaluate("b => b.scrollIntoView({block: 'center'})")
    page.evaluate(NEXT_FRAME)
    before = button.bounding_box()["y"]
    with page.expect_file_chooser() as chooser:
        button.click()
    chooser.value.set_files(saved)
    page.get_by_text("Opened “saved.json”").wait_for()
    page.wait_for_function(SETTLED)
    page.evaluate(NEXT_FRAME)
    assert page.locator('input[name="partner-capacity"][value="no"]').is_checked()
    assert abs(button.bounding_box()["y"] - before) <= 2
    message = page.locator(".checklist__message").bounding_box()
    header = page.evaluate(HEADER_BOTTOM)
    assert header <= message["y"] and message["y"] + message["height"] <= viewport[1]


def test_every_page_at_360_is_no_wider_than_the_screen_and_nothing_fixed_covers_text(
    phone, latest_site
):
    """The phone checks on every page of the site, not only the pages a fault was found on. Each
    page at rest: a checklist's "getting ready" bar is meant to lie over the foot of the screen
    while Python loads, and goes when it is ready (the page keeps what has focus clear of it:
    tests/test_checklist_before_python_browser.py)."""
    from tests.test_site_browser import page_paths

    faults, checked = {}, []
    phone.goto("")
    base = phone.url
    for path in page_paths(latest_site):
        phone.goto(path.lstrip("/"))
        phone.wait_for_load_state("load")
        if phone.url.removesuffix("/") != f"{base}{path.lstrip('/')}".removesuffix("/"):
            continue  # a page that sends the reader elsewhere (the 404 page, a short link)
        phone.wait_for_function(GETTING_READY_GONE, timeout=90_000)
        phone.evaluate(NEXT_FRAME)
        checked.append(path)
        wide = phone.evaluate("() => document.documentElement.scrollWidth > innerWidth")
        covered = phone.evaluate(COVERED_TEXT)
        if wide or covered:
            faults[path] = {"wider than the screen": wide, "covered": covered}
    assert len(checked) >= 20 and faults == {}
