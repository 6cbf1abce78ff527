"""Every page of the nav by the theme's instant navigation, in one tab, as a person clicks; search
after instant navigation. With service workers allowed and blocked (as on some locked-down
browsers): the site degrades quietly, with no page error."""

from __future__ import annotations

import html
import re
import time

import pytest

from tests.support.browser import FRAMES, open_search, shown_results

# The reader moves the page a little and at once follows the sidebar's link to "glossary" or goes
# "back" (as the page moves, the theme's note of the place is due). Where they were, scrollY.
AS_THE_PAGE_MOVES = """(then) => new Promise((done) => {
  addEventListener("scroll", () => {
    const y = scrollY;
    if (then === "back") history.back();
    else document.querySelector(`.md-sidebar--primary a.md-nav__link[href$="${then}/"]`).click();
    done(y);
  }, { once: true });
  scrollBy({ top: 50, behavior: "instant" });
})"""

# Set on the first page; still there after a click only if the click kept the tab's page (the
# theme's instant navigation), not a full load.
MARK = "window.__sameTab = true"


def heading_of(context, url: str) -> str:
    """The page's first heading as the server sends it."""
    text = context.request.get(url).text()
    found = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    assert found, f"{url} has no heading"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


@pytest.fixture(params=["allow", "block"])
def service_workers(request) -> str:
    return request.param


def test_every_nav_page_opens_by_instant_navigation_in_one_tab(page, context, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("")
    page.evaluate(MARK)
    links = page.locator(".md-sidebar--primary a.md-nav__link[href]:not([href*='#'])")
    targets = [
        (href, " ".join(text.split()))
        for href, text in links.evaluate_all("els => els.map(e => [e.href, e.textContent])")
    ]
    assert len(targets) > 20
    broken = []
    for href, name in targets[1:]:  # the first is Home, where the walk starts
        expected = heading_of(context, href)
        before = len(errors)
        page.locator(".md-sidebar--primary a.md-nav__link[href]:not([href*='#'])").filter(
            has_text=name
        ).first.click()
        reached = True
        try:
            page.wait_for_function(
                "([url, heading]) => location.href === url && [...document.querySelectorAll("
                "'article h1')].some((h) => h.textContent.trim() === heading)",
                arg=[href, expected],
                timeout=15_000,
            )
        except Exception:  # reported below, with the page's errors
            reached = False
            broken.append(f"{name} ({href}): its heading {expected!r} did not appear")
        if len(errors) > before:
            broken.append(f"{name} ({href}): page errors {errors[before:][:3]}")
        if not page.evaluate("window.__sameTab === true"):
            broken.append(f"{name} ({href}): a full page load, not instant navigation")
            page.evaluate(MARK)
        if not reached:
            page.goto("")  # carry on the walk from a fresh Home, so every page is tried
            page.evaluate(MARK)
    assert broken == [], "pages not reached by instant navigation:\n" + "\n".join(broken)
    assert errors == []


def test_search_works_after_three_instant_navigations(page):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("")
    page.evaluate(MARK)
    for name in ["Introduction", "Glossary", "Accessibility"]:
        page.locator(".md-sidebar--primary a.md-nav__link").filter(has_text=name).first.click()
        page.wait_for_function(
            "(name) => document.title.toLowerCase().includes(name.toLowerCase())", arg=name
        )
    assert page.evaluate("window.__sameTab === true")
    # The new page in place, as a person reading it would see it; then search (see open_search).
    page.wait_for_url("**/accessibility/")
    page.locator("article h1").filter(has_text="Accessibility").wait_for()
    box = open_search(page)  # the search box, as a person does
    box.press_sequentially("images")
    shown_results(page)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "Initializing" not in meta
    assert errors == []


def test_back_returns_to_where_the_reader_was_not_to_the_paragraph_in_the_address(page):
    """A paragraph link lands its paragraph in view; the reader scrolls on, leaves by a link and
    comes Back: the page is where they left it, though its address still names the paragraph."""
    page.goto("assessment/#2.10")
    page.wait_for_function("() => document.getElementById('2.10')?.classList.contains('is-target')")
    page.evaluate(FRAMES)
    page.mouse.wheel(0, 1500)
    page.wait_for_function(
        "() => document.getElementById('2.10').getBoundingClientRect().top < -1000"
    )
    page.evaluate(FRAMES)
    left_at = page.evaluate("scrollY")
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Glossary").first.click()
    page.wait_for_url("**/glossary/")
    page.locator("article h1", has_text="Glossary").wait_for()
    page.go_back()
    page.wait_for_url("**/assessment/#2.10")
    page.wait_for_function("(y) => Math.abs(scrollY - y) < 200", arg=left_at)  # the theme's restore
    page.evaluate(FRAMES)  # and nothing of ours moves it after
    assert abs(page.evaluate("scrollY") - left_at) < 200


@pytest.mark.parametrize("service_workers", ["block"])  # so that the route below sees the fetch
def test_a_link_or_back_as_the_page_moves_opens_the_page_where_the_reader_expects(page):
    """The theme notes a page's place in its history entry 100 ms after the page last moved (a
    theme internal). A note still due for the page left landed on the entry of the page going to:
    a link followed as the page moved opened the next page part way down, and Back pressed as the
    next page moved, on a slow connection, sent the reader there, not back where they were (seen
    in Firefox and WebKit in CI). Now the page a link opens is at its top, and Back returns to
    where the reader was, and the entry keeps that place for the next Back. (The link's case fails
    here every time without the fix; Back's depends on when the browser runs the theme's timer,
    and tests/engines/journeys.py's Back and Forward journey is where it was seen.)"""
    page.goto("assessment/")
    page.evaluate("window.scrollBy({ top: 4000, behavior: 'instant' })")
    page.wait_for_function("() => history.state?.y === scrollY")

    def slow_connection(route):
        time.sleep(0.4)  # the next page comes after the theme's note is due
        route.continue_()

    page.route(re.compile(r".*/(assessment|glossary)/$"), slow_connection)
    left_at = page.evaluate(AS_THE_PAGE_MOVES, "glossary")
    page.locator("article h1", has_text="Glossary").wait_for()
    page.evaluate(FRAMES)
    assert page.evaluate("scrollY") == 0
    page.evaluate(AS_THE_PAGE_MOVES, "back")
    page.wait_for_url("**/assessment/")
    page.locator("article h1", has_text="Guidance for assessing").wait_for()
    page.wait_for_function("(y) => Math.abs(scrollY - y) < 2", arg=left_at, timeout=5_000)
    page.evaluate(FRAMES)
    assert abs(page.evaluate("scrollY") - left_at) < 2  # a device pixel either way
    assert abs(page.evaluate("history.state.y") - left_at) < 2


@pytest.mark.parametrize("service_workers", ["allow"])
def test_on_a_phone_a_search_result_on_the_page_being_read_lands_in_view(page):
    """As a practitioner on a phone: a checklist's paragraph link, Back, Forward, then search for
    "LADO" on that same page: 2.18 in view (the theme scrolls to it without a new page, and
    unlocking the page as search closes took the reader back to 2.10)."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("checklists/early-risk-factors/")
    page.wait_for_selector("form.checklist[data-evaluated]", state="attached", timeout=90_000)
    page.locator('input[name="images-of-own-children"][value="yes"]').check()
    page.locator(
        '[data-prompt="risk-factor-present-2-10"][data-group="follows"] a[href$="#2.10"]'
    ).click()
    page.wait_for_url("**/assessment/#2.10")
    page.go_back()
    page.wait_for_url("**/early-risk-factors/")
    page.go_forward()
    page.wait_for_url("**/assessment/#2.10")
    page.evaluate(FRAMES)
    open_search(page).press_sequentially("LADO")
    shown_results(page)
    page.locator('a.md-search-result__link[href*="#2.18"]').first.click()
    page.wait_for_url("**#2.18")
    page.wait_for_function(
        """() => { const top = document.getElementById('2.18').getBoundingClientRect().top;
                   return !document.body.hasAttribute('data-md-scrolllock')
                     && top >= 0 && top < innerHeight / 2; }"""
    )
    page.evaluate(FRAMES)  # and it stays there
    assert 0 <= page.evaluate("document.getElementById('2.18').getBoundingClientRect().top") < 370
