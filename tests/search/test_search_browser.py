"""Search results in Chromium as a practitioner meets them: a paragraph's result shows the
sentence or list entry that matched, word for word, and text only (issue 25)."""

from tests.support.browser import open_search, shown_results

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
