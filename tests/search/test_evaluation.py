"""The search evaluation set as a test with a floor: the built site's own search worker, run under
Node on the practitioners' queries of evaluation.toml, must keep finding what it finds.

The floor is the figure reached (issue 25's goals, hits@3 >= 95 % and MRR >= 0.85, are met: see
maintainers/benchmarks.md); raise it as search improves, never lower it to pass.
"""

from devtools import search_eval

HITS_AT_3_FLOOR = 0.98  # reached: 98.3 % (57 of 58); the goal is 0.95
MRR_FLOOR = 0.90  # reached: 0.909; the goal is 0.85


def test_the_evaluation_set_is_a_practitioners_set():
    queries = search_eval.load()
    assert len(queries) >= 40
    kinds = {q.kind for q in queries}
    assert {"number", "phrase", "plural", "abbreviation", "typo", "quote", "question"} <= kinds
    assert all(q.expect for q in queries)


def test_ranks_and_figures():
    assert search_eval.rank(["a/", "b/#2.1", "c/#2.10"], {"c/#2.10"}) == 3
    assert search_eval.rank(["a/"], {"c/#2.10"}) is None
    figures = search_eval.Figures((1, 4, None, 2))
    assert figures.hits == 0.5
    assert figures.mrr == (1 + 1 / 4 + 1 / 2) / 4


def test_a_paragraph_is_answered_by_its_entry_else_by_the_section_that_holds_it():
    own = [{"location": "a/#2.1", "text": "<p>2.1 x</p>"}, {"location": "a/#s", "text": ""}]
    assert search_eval.answers("2.1", own) == {"a/#2.1"}
    theirs = [{"location": "a/#s", "text": "<p>2.1 x</p><p>2.10 y</p>"}]
    assert search_eval.answers("2.1", theirs) == {"a/#s"}
    assert search_eval.answers("glossary/#glossary-ceop", own) == {"glossary/#glossary-ceop"}


def pagefind_page(url, anchors, words):
    """A page of Pagefind's results as devtools/pagefind_run.mjs prints it."""
    return {
        "url": url,
        "anchors": [{"element": e, "id": i, "location": at} for e, i, at in anchors],
        "words": [{"location": at, "score": score} for at, score in words],
    }


def test_a_paragraph_pagefind_shows_second_is_a_hit_at_rank_2():
    page = pagefind_page(
        "/assessment/",
        [("input", "__search", 0), ("h1", "section-2", 5), ("div", "2.9", 10), ("div", "2.10", 20)],
        [(2, 9.0), (25, 1.0)],  # before the first segment (the page's own), and in 2.10
    )
    order = search_eval.pagefind_order([page])
    assert order == ["assessment/", "assessment/#2.10"]
    figures = search_eval.Figures((search_eval.rank(order, {"assessment/#2.10"}),))
    assert figures.hits == 1.0
    assert figures.mrr == 0.5


def test_pagefind_shows_a_pages_three_busiest_sub_results_and_the_rest_after_every_page():
    anchors = [("div", f"2.{n}", 10 * n) for n in range(1, 5)]
    words = [(11, 1.0), (12, 1.0), (21, 1.0), (31, 1.0), (32, 1.0), (41, 5.0), (42, 5.0)]
    first = pagefind_page("/a/", anchors, words)
    second = pagefind_page("/b/", [("dt", "glossary-x", 3)], [(4, 1.0)])
    assert search_eval.pagefind_order([first, second]) == [
        "a/", "a/#2.1", "a/#2.3", "a/#2.4", "b/", "b/#glossary-x", "a/#2.2",
    ]  # fmt: skip
    assert search_eval.pagefind_order([first, second], every=True) == [
        "a/", "a/#2.4", "a/#2.1", "a/#2.3", "a/#2.2", "b/", "b/#glossary-x",
    ]  # fmt: skip


def test_the_site_search_finds_what_practitioners_mean(latest_site):
    figures, _ = search_eval.evaluate(latest_site)
    queries = search_eval.load()
    missed = [q.q for q, r in zip(queries, figures.ranks, strict=True) if r is None or r > 3]
    assert figures.hits >= HITS_AT_3_FLOOR, f"hits@3 {figures.hits:.1%}; missed: {missed}"
    assert figures.mrr >= MRR_FLOOR, f"MRR {figures.mrr:.3f}"
