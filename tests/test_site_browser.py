"""The guidance site in Chromium: accessibility, anchors, copying, search, privacy, layout."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pypdf
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from build_scripts.editions.model import load_editions
from build_scripts.lib.paths import EDITIONS_FILE, ROOT
from tests.support.browser import axe_violations, open_search, shown_results


def page_paths(latest_site) -> list[str]:
    """Every built page, as a path relative to the site root ("" for home)."""
    return sorted(
        str(p.parent.relative_to(latest_site)).replace(".", "") + "/"
        for p in latest_site.rglob("index.html")
    )


def test_every_page_has_no_axe_violations(page, latest_site):
    failures = {}
    for path in page_paths(latest_site):
        page.goto(path.lstrip("/"))
        page.wait_for_load_state("load")
        if found := axe_violations(page):
            failures[path] = found
    assert failures == {}


def test_a_paragraph_link_opens_with_the_paragraph_in_view_and_highlighted(page):
    page.goto("assessment/#2.10")
    unit = page.locator('[id="2.10"]')
    page.wait_for_function("() => document.getElementById('2.10')?.classList.contains('is-target')")
    box = unit.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"] / 2
    assert unit.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"


def permanent(site_root: str) -> str:
    """The latest edition's permanent folder: citations and copied links use it, not latest/."""
    return f"{site_root}{load_editions(ROOT / EDITIONS_FILE, ROOT)[-1].id}/"


def open_paragraph_menu(page, number: str):
    toggle = page.get_by_role("button", name=f"Paragraph {number}: copy link or citation")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    return toggle


@pytest.mark.parametrize("viewport", [(360, 740), (1280, 800)])
def test_the_paragraph_menu_copies_the_link_by_pointer(page, site_root, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto("assessment/")
    toggle = open_paragraph_menu(page, "2.9")
    item = page.locator('[id="para-menu-2.9"]').get_by_role("button", name="Copy link")
    box = item.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.5.8
    assert toggle.bounding_box()["height"] >= 24
    item.click()
    assert (
        page.evaluate("navigator.clipboard.readText()") == f"{permanent(site_root)}assessment/#2.9"
    )
    assert "Link to paragraph 2.9 copied" in page.locator("#para-status").inner_text()
    assert toggle.get_attribute("aria-expanded") == "false"


def test_the_citation_reads_cleanly_with_no_nested_brackets(page, site_root):
    page.goto("assessment/")
    open_paragraph_menu(page, "2.10")
    page.locator('[id="para-menu-2.10"]').get_by_role("button", name="Copy citation").click()
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.startswith("Pan Bedfordshire Guidelines for assessing children and families")
    assert citation.endswith(
        ", paragraph 2.10, Edition 1 (as received), date not given, "
        f"{permanent(site_root)}assessment/#2.10"
    )


def test_the_paragraph_menu_works_by_keyboard_and_escape_returns_focus(page):
    page.goto("interviews-with-children/")
    name = "Paragraph 5.1: copy link or citation"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == name:
            break
    else:
        pytest.fail("Tab never reached the paragraph menu of 5.1")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == name
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the menu follows its button: Copy link, then Copy citation
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Copy citation"
    page.keyboard.press("Enter")
    assert ", paragraph 5.1, " in page.evaluate("navigator.clipboard.readText()")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == name


@pytest.mark.parametrize("start", ["introduction/", "checklists/"])
def test_the_pathway_opens_by_instant_navigation_with_no_page_error(page, start):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(start)
    page.wait_for_function("() => window.document$ !== undefined")
    if start == "checklists/":
        page.locator("article a[href$='pathway/']").first.click()
    else:
        page.locator(".md-sidebar--primary a", has_text="Assessment pathway").first.click()
    page.get_by_role("heading", name="Assessment pathway", level=1).wait_for()
    page.wait_for_function("() => location.pathname.endsWith('/pathway/')")
    assert page.locator(".pathway__diagram").is_visible()
    assert errors == []
    # The diagram's links work after instant navigation too.
    page.locator(".pathway__diagram a.pathway__para", has_text="2.16").click()
    page.wait_for_function("() => location.hash === '#2.16'")
    # The address changes before the theme puts the new page in place: wait for the paragraph.
    page.locator('[id="2.16"]').wait_for(state="visible")
    assert errors == []


def test_print_leaves_out_buttons_and_paragraph_tools(page):
    page.goto("assessment/")
    page.wait_for_selector(".para-tools__toggle")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [...document.querySelectorAll('button, .use-checklist, .para-tools')]
            .filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))"""
    )
    assert shown == []
    assert page.locator('[id="2.10"] a.para-num').is_visible()  # the number still prints
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    line = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--print-line')"
    )
    assert "Edition 1 (as received), date not given. Printed " in line
    assert "Printed copies may be out of date" in line


def test_every_printed_sheet_says_the_edition_the_date_and_that_it_may_be_out_of_date(page):
    """As the browser prints it (Chromium's PDF): the line is in each sheet's margin, not only
    at the top of the first sheet."""
    page.goto("assessment/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long'})")
    sheets = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    assert len(sheets) > 3
    for number, sheet in enumerate(sheets, start=1):
        text = sheet.extract_text()
        assert f"Page {number}" in text  # the bottom-right box
        # The bottom-left box: "Edition 1 (as received), date not given. Printed 2 December 2026
        # at 09:06. …" (the top of the first sheet says it too).
        line = re.search(
            r"Edition 1 \(as received\), date not given\. Printed ([^.]+)\. "
            r"Printed copies may be out of date\.",
            text,
        )
        assert line and today in line[1], text[:300]


# Result links in rank order; each page's group opens with a link to the page itself (score 0).
RANKED = """els => els
  .filter(a => a.querySelector('article').dataset.mdScore !== '0.00')
  .map(a => [Number(a.querySelector('article').dataset.mdScore), a.href])
  .sort((x, y) => y[0] - x[0]).map(pair => pair[1])"""


def search(page, query: str) -> list[str]:
    """Type a query into the theme's search box; the matching locations, best first."""
    page.goto("")
    box = open_search(page)
    box.press_sequentially(query)
    shown_results(page)
    page.locator(".md-search-result__meta", has_text="matching").wait_for()
    hrefs = page.locator("a.md-search-result__link").evaluate_all(RANKED)
    paths = [urlsplit(h).path.removeprefix("/latest/").strip("/") for h in hrefs]
    return [f"{path}#{urlsplit(h).fragment}" for path, h in zip(paths, hrefs, strict=True)]


# The paragraph starts in the top half of the window, once the theme has closed search (on a
# phone or tablet it then scrolls back to where the reader was when search opened).
IN_TOP_HALF = """id => { const top = document.getElementById(id).getBoundingClientRect().top;
  return !document.getElementById('__search').checked && top >= 0 && top < innerHeight / 2; }"""


WHERE = """id => ({scrollY, top: document.getElementById(id).getBoundingClientRect().top,
  search: document.getElementById('__search').checked, url: location.href,
  locked: document.body.hasAttribute('data-md-scrolllock')})"""


@pytest.mark.parametrize("width", [1280, 800, 360])
def test_searching_a_paragraph_number_leads_to_the_paragraph_in_view(page, width):
    page.set_viewport_size({"width": width, "height": 740})
    found = search(page, "2.9")
    assert found[0] == "assessment#2.9"
    page.locator('a.md-search-result__link[href$="#2.9"]').click()
    page.wait_for_url(re.compile(r"assessment/(\?[^#]*)?#2\.9$"))
    page.wait_for_function("() => document.getElementById('2.9')?.classList.contains('is-target')")
    try:
        page.wait_for_function(IN_TOP_HALF, arg="2.9")
    except PlaywrightTimeout:  # say where the page was left
        where = page.evaluate(WHERE, "2.9")
        raise AssertionError(f"2.9 not in the top half: {where}") from None


def test_searching_2_1_finds_2_1_first_not_2_10_to_2_19(page):
    found = search(page, "2.1")
    assert found[0] == "assessment#2.1"
    assert not [f for f in found if re.search(r"#2\.1\d$", f)]


def test_searching_a_phrase_of_a_paragraph_opens_at_it(page):
    assert search(page, "Some key factors may determine the risk")[0] == "assessment#2.9"
    # A phrase from the middle of 2.9 finds it too, among paragraphs that share its words.
    assert "assessment#2.9" in search(page, "previous contact abuse of other children")


def test_lado_finds_2_18_and_the_glossary_term_lands_on_the_term(page):
    found = search(page, "LADO")
    assert "assessment#2.18" in found
    assert "glossary#glossary-lado-local-authority-designated-officer" in found
    assert "glossary#" not in found  # no page-long glossary result
    assert "assessment#2.3" in search(page, "s47")  # "Section 47 Enquiry" in 2.3


def test_the_edition_selector_keeps_the_page_and_paragraph(page, site_root):
    page.goto("assessment/#2.10")
    page.locator(".md-version").hover()  # the theme opens the list on hover or focus
    link = page.locator("a.md-version__link").first
    edition = urlsplit(link.evaluate("a => a.href")).path
    link.click()
    page.wait_for_url(re.compile(rf"{re.escape(edition)}assessment/#2\.10$"))
    page.wait_for_function("() => document.getElementById('2.10')?.classList.contains('is-target')")


CHECKLISTS = sorted(
    p.stem for p in (ROOT / "docs/checklists").glob("*.md") if p.stem not in {"index"}
)
COVERED = """() => {
  const covered = [];
  for (const legend of document.querySelectorAll('.checklist-q__legend')) {
    legend.scrollIntoView({block: 'center'});
    for (const r of legend.getClientRects()) {
      for (const [x, y] of [[r.left + 4, r.top + r.height / 2], [r.right - 4, r.top + r.height / 2],
                            [(r.left + r.right) / 2, r.top + r.height / 2]]) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !legend.contains(hit) && !hit.contains(legend)) {
          covered.push(legend.textContent.slice(0, 40) + ' under ' + hit.className);
        }
      }
    }
  }
  return covered;
}"""


@pytest.mark.parametrize("viewport", [(360, 740), (1280, 800)])
def test_checklists_have_no_sideways_overflow_and_nothing_covers_a_question(page, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    problems = {}
    for name in CHECKLISTS:
        page.goto(f"checklists/{name}/")
        page.wait_for_load_state("load")
        wide = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        covered = page.evaluate(COVERED)
        if wide > 0 or covered:
            problems[name] = (wide, covered[:3])
    assert problems == {}


def test_no_request_leaves_the_origin(context, page, site_root, latest_site):
    for path in page_paths(latest_site):
        page.goto(path.lstrip("/"))
    search(page, "strategy")
    # A checklist's worker is made from a blob: address of this origin (it inherits the policy).
    ours = (site_root, f"blob:{site_root}")
    offsite = [u for u in context.requests if not u.startswith(ours)]
    assert offsite == []


def test_no_horizontal_scrolling_at_320_px_and_zoom_is_never_blocked(
    chromium, site_url, latest_site
):
    context = chromium.new_context(base_url=site_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = {}
    for path in page_paths(latest_site):
        page.goto(path.lstrip("/"))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[path] = width
        viewport = page.locator('meta[name="viewport"]').get_attribute("content")
        assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    context.close()
    assert wide == {}


def test_print_shows_the_edition_and_date_without_navigation(page):
    page.goto("assessment/")
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".md-header").is_hidden()
    line = page.locator(".edition-line").inner_text()
    assert line.startswith("Edition 1 (as received), date not given. Printed ")
    assert "Printed copies may be out of date" in line
    assert re.search(r"Printed \d{1,2} \w+ \d{4}", line)


def test_glossary_terms_show_their_definition_on_keyboard_focus(page):
    page.goto("assessment/")
    term = page.locator("abbr[tabindex='0']", has_text="Section 47 Enquiry").first
    term.focus()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Site glossary")
    tooltip.first.wait_for(state="visible", timeout=3000)


def search_requests(context) -> list[str]:
    return [u for u in context.requests if "search_index.json" in u or "/workers/search." in u]


@pytest.mark.parametrize("opening", ["click", "shortcut"])
def test_the_search_index_loads_only_when_search_is_opened(context, page, opening):
    """A page load fetches neither the index nor the search worker; opening search fetches both
    (by clicking the box or with the theme's "/" shortcut), and search then works."""
    page.goto("assessment/", wait_until="networkidle")
    assert search_requests(context) == []
    open_search(page, "click" if opening == "click" else "/")
    page.keyboard.type("2.9")
    shown_results(page)
    page.locator(".md-search-result__meta", has_text="matching").wait_for()
    assert len(search_requests(context)) == 2
    assert page.locator('a.md-search-result__link[href$="#2.9"]').count() >= 1


def test_an_old_search_result_link_loads_no_index_and_loses_its_term(context, page):
    # Results no longer carry the term (?h=, issue 27): a link made before is just the page.
    page.goto("assessment/?h=offender", wait_until="networkidle")
    page.wait_for_function("() => !new URL(location.href).searchParams.has('h')")
    assert search_requests(context) == []
    assert page.locator("mark").count() == 0


def test_the_not_found_page_says_so_and_leads_home(page):
    # Online, the offline wording stays hidden (offline, test_offline_browser.py shows it).
    page.goto("404.html")
    assert page.locator("h1").first.inner_text() == "404 - Not found"
    assert page.locator("[data-offline-note]").is_hidden()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Go to the home page of the guidance").click()
    page.wait_for_url(re.compile(r"/latest/$"))
