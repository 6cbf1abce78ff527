"""Search results in Chromium as a practitioner meets them: a paragraph's result shows the
sentence or list entry that matched, word for word, and text only; on a phone, a result tapped
lands at its paragraph with the page no wider than the screen (issue 25)."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.browser import FRAMES, open_search, shown_results

# The result at a paragraph: what its article shows, element by element (tag, text).
SHOWN = """(at) => {
  const link = [...document.querySelectorAll('a.md-search-result__link')]
    .find((a) => new URL(a.href).hash === at);
  return link && [...link.querySelector('article').children]
    .filter((el) => !el.classList.contains('md-icon'))
    .map((el) => [el.tagName.toLowerCase(), el.textContent,
                  [...el.querySelectorAll('*')].map((c) => c.tagName.toLowerCase())]);
}"""
# The pieces of a paragraph's text as the page shows them: each list entry, each run of text.
PAGE_TEXT = "(id) => document.getElementById(id).textContent.replace(/\\s+/g, ' ')"


def results_for(page, query: str, at: str) -> list:
    page.goto("")
    open_search(page).press_sequentially(query)
    shown_results(page)
    page.locator(".md-search-result__meta", has_text="matching").wait_for()
    page.locator(f'a.md-search-result__link[href$="{at}"]').first.wait_for()
    return page.evaluate(SHOWN, at)


def test_lado_shows_the_bullet_that_refers_to_the_designated_officer(page):
    shown = results_for(page, "LADO", "#2.18")
    assert shown[0][0] == "h1" and shown[0][1].startswith("2.18 The following information")
    # The list entry that names the officer, whole and word for word, not the paragraph's opening;
    # then the site's note that LADO is that officer's other name (the word typed, highlighted).
    assert shown[1:] == [
        [
            "p",
            "Does the alleged perpetrator work in a capacity with children (including voluntary "
            "work)? If so refer to Local Authority Designated Officer.",
            [],
        ],
        ["p", "Also found as (site search terms): LADO", ["mark"]],
    ]


def test_a_phrase_shows_its_list_entry_word_for_word_with_the_words_marked(page):
    shown = results_for(page, "socially isolated", "#2.18")
    (_, piece, inside) = shown[1]
    assert len(shown) == 2 and set(inside) == {"mark"}  # text and the theme's highlighting only
    assert piece == (
        "What social and community support is available to the family? Are they socially isolated?"
    )
    page.goto("assessment/")
    assert piece in page.evaluate(PAGE_TEXT, "2.18")  # verbatim, as the page shows it


# Landing from a result on a phone (issue 25, 3) ------------------------------------------------

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
# Every frame from search opening on: the most the page was wider than the screen (its content,
# and the layout viewport a phone's browser stretches to fit it) and the lowest the header's top.
WATCH = """() => {
  const seen = (window.__widest = {content: 0, viewport: 0, headerTop: 0});
  const frame = () => {
    const header = document.querySelector('.md-header').getBoundingClientRect().top;
    seen.content = Math.max(seen.content, document.documentElement.scrollWidth - 360);
    seen.viewport = Math.max(seen.viewport, innerWidth - 360, scrollX);
    seen.headerTop = Math.min(seen.headerTop, header);
    requestAnimationFrame(frame);
  };
  frame();
}"""
# Landed: at 2.18, highlighted, search closed and the page unlocked, no transition still running
# (the theme's circle shrinking as search closes was the widest moment).
LANDED = """() => {
  const unit = document.getElementById('2.18');
  const top = unit && unit.getBoundingClientRect().top;
  return location.hash === '#2.18' && unit.classList.contains('is-target')
    && !document.getElementById('__search').checked
    && !document.body.hasAttribute('data-md-scrolllock')
    && !document.getAnimations().some((a) => a.playState === 'running')
    && top >= 0 && top < innerHeight / 2;
}"""
NOW = """() => ({content: document.documentElement.scrollWidth, innerWidth, scrollX,
  headerTop: document.querySelector('.md-header').getBoundingClientRect().top,
  top: document.getElementById('2.18').getBoundingClientRect().top, widest: window.__widest})"""


@pytest.fixture
def phone(chromium, site_url):
    context = chromium.new_context(base_url=site_url, service_workers="block", **PHONE)
    yield context.new_page()
    context.close()


def test_a_result_tapped_on_a_phone_lands_with_the_page_no_wider_than_the_screen(phone, site_root):
    """As found: a short link to 2.10, search "LADO", tap 2.18. The theme's search circle made the
    page up to 1,232 px wide while search was open, and 418-447 px after the tap, with 2.18 left
    1,700 px down the page."""
    phone.goto(f"{site_root}p/2.10/")  # the short links are at the site's root
    phone.wait_for_function(
        "() => document.getElementById('2.10')?.classList.contains('is-target')"
    )
    phone.evaluate(WATCH)
    open_search(phone).press_sequentially("LADO")
    shown_results(phone)
    result = phone.locator('a.md-search-result__link[href$="#2.18"]').first
    result.wait_for()
    result.tap()
    try:
        phone.wait_for_function(LANDED)
    except PlaywrightTimeout:
        raise AssertionError(f"2.18 not landed on: {phone.evaluate(NOW)}") from None
    phone.evaluate(FRAMES)  # and it stays so
    now = phone.evaluate(NOW)
    assert now["widest"] == {"content": 0, "viewport": 0, "headerTop": 0}, now
    assert (now["content"], now["innerWidth"], now["scrollX"], now["headerTop"]) == (360, 360, 0, 0)
    assert 0 <= now["top"] < 370, now
