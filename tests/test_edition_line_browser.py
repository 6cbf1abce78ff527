"""Which edition, at a glance (issue 24): every page names its edition and the edition's effective
date in the header, in view without scrolling on a phone (360 x 740), a paragraph landed on from
a link too, and covering no text; one line at 1280 px, the sidebars below it. The guidance as
received has no date of its own: "date not given". (The copied citation, the printed line and a
record's heading: tests/test_site_browser.py, tests/test_checklist_browser.py; an edition with a
date, an older edition's page, that citation and a record: tests/test_publish.py.)"""

from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
DATED = "Edition 1 (as received), date not given"
# The header's edition line as the reader sees it: its text, its box, whether any of it is cut off.
STRIP = """() => { const s = document.querySelector('.md-header .edition-strip');
  if (!s) return null;
  const r = s.getBoundingClientRect(), style = getComputedStyle(s);
  return {text: s.innerText.trim(), top: r.top, bottom: r.bottom, left: r.left, right: r.right,
    height: r.height, clipped: s.scrollWidth > s.clientWidth || s.scrollHeight > s.clientHeight,
    shown: style.visibility === 'visible' && style.display !== 'none' && r.height > 0,
    header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }"""


def strip_in_view(page, viewport: dict, dated: str = DATED) -> dict:
    """The edition line, checked: whole, readable, inside the window without scrolling."""
    strip = page.evaluate(STRIP)
    assert strip and strip["shown"], strip
    assert strip["text"] == dated
    assert not strip["clipped"], strip  # not "Edition 1 (as re…"
    assert strip["top"] >= 0 and strip["bottom"] <= strip["header"] <= viewport["height"]
    assert strip["left"] >= 0 and strip["right"] <= viewport["width"]
    return strip


@pytest.mark.parametrize(
    "path", ["", "assessment/", "checklists/early-risk-factors/", "glossary/", "partners/"]
)
def test_on_a_phone_every_page_names_its_edition_and_date_at_the_top(page, path):
    page.set_viewport_size(PHONE)
    page.goto(path)
    page.wait_for_load_state("load")
    assert page.evaluate("window.scrollY") == 0
    strip_in_view(page, PHONE)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_a_paragraph_landed_on_from_a_link_is_below_the_edition_line_which_stays_in_view(
    page, viewport
):
    """The reader arrives part way down the page: the header, with the edition line, is still
    in view, and the paragraph starts below it, not under it."""
    page.set_viewport_size(viewport)
    page.goto("assessment/#2.16")
    page.wait_for_function(
        """() => { const t = document.getElementById('2.16').getBoundingClientRect().top;
          return window.scrollY > 0 && t >= 0 && t < innerHeight / 2; }"""
    )
    strip = strip_in_view(page, viewport)
    top = page.evaluate("document.getElementById('2.16').getBoundingClientRect().top")
    assert top >= strip["header"], (top, strip)


def test_at_1280_px_the_edition_line_is_one_line_and_the_sidebars_start_below_the_header(page):
    page.set_viewport_size(DESKTOP)
    page.goto("assessment/")
    page.wait_for_load_state("load")
    strip = strip_in_view(page, DESKTOP)
    assert strip["height"] <= 25  # one line
    page.mouse.wheel(0, 2000)  # the sidebars stick below the header as the page scrolls
    page.wait_for_function("() => window.scrollY > 1000")
    tops = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar')]
          .map(s => s.getBoundingClientRect().top)"""
    )
    assert len(tops) == 2 and min(tops) >= strip["header"], (tops, strip)
