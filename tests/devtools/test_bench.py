"""`make bench`'s reporting (verdicts against goals, Lighthouse's figures) and its stock page.
(The bench itself is a report, never a test: no timing is asserted anywhere.)"""

from __future__ import annotations

import shutil

import pytest

from build_scripts.lib.paths import HEADERS_FILE
from devtools.bench import (
    STOCK,
    STOCK_MARK,
    free_port,
    lighthouse_scores,
    ratio_line,
    tab_visits,
    verdict,
    write_stock_page,
)
from devtools.serve import serve_in_thread


@pytest.mark.parametrize(
    ("value", "goal", "at_least", "expected"),
    [
        (0.25, 0.3, False, "met"),
        (0.3, 0.3, False, "met"),
        (0.41, 0.3, False, "MISSED by 0.11"),
        (100, 100, True, "met"),
        (89, 95, True, "MISSED by 6.00"),
    ],
)
def test_verdict_says_met_or_by_how_much_it_is_missed(value, goal, at_least, expected):
    assert verdict(value, goal, at_least=at_least) == expected


def test_ratio_line_gives_both_values_the_ratio_and_the_verdict():
    line = ratio_line("ready", 1500, 5000, 0.3)
    assert line == "ready: 1,500 ms vs stock 5,000 ms: ratio 0.30 (goal <= 0.3): met"


def test_lighthouse_scores_reads_categories_and_key_audits():
    audits = {
        name: {"numericValue": 1.5}
        for name in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "total-byte-weight",
            "cumulative-layout-shift",
        )
    }
    audits["render-blocking-resources"] = {"details": {"items": [{"url": "a.js"}]}}
    report = {"categories": {"performance": {"score": 0.97}}, "audits": audits}
    scores = lighthouse_scores(report)
    assert scores["performance"] == 97
    assert scores["render-blocking"] == ["a.js"]
    del audits["render-blocking-resources"]["details"]  # Lighthouse leaves it out when none
    assert lighthouse_scores(report)["render-blocking"] == []


def test_lighthouse_scores_name_the_audits_that_lose_the_other_categories_points():
    """(g) says what costs accessibility, best practices or SEO their points (a console error
    cost best practices 4 on the guidance pages): scored audits only, not those left unscored."""
    figures = (
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "total-byte-weight",
        "cumulative-layout-shift",
    )
    audits: dict[str, dict] = {name: {"numericValue": 1.0} for name in figures}
    audits["render-blocking-resources"] = {}
    audits |= {
        "errors-in-console": {"score": 0},
        "is-on-https": {"score": 1},
        "color-contrast": {"score": None},  # not applicable
        "unweighted": {"score": 0},
        "document-title": {"score": 0},
    }
    categories = {
        "performance": {"score": 0.9, "auditRefs": [{"id": "total-blocking-time", "weight": 30}]},
        "best-practices": {
            "score": 0.96,
            "auditRefs": [
                {"id": "errors-in-console", "weight": 1},
                {"id": "is-on-https", "weight": 5},
                {"id": "unweighted", "weight": 0},
            ],
        },
        "accessibility": {"score": 1, "auditRefs": [{"id": "color-contrast", "weight": 7}]},
        "seo": {"score": 0.9, "auditRefs": [{"id": "document-title", "weight": 1}]},
    }
    scores = lighthouse_scores({"categories": categories, "audits": audits})
    assert scores["losing"] == ["errors-in-console", "document-title"]
    assert scores["seo"] == 90


def test_the_stock_page_runs_under_the_sites_own_headers(chromium, built_site, tmp_path):
    """Stock is measured as served with the site's policy: its script must be allowed to run
    (an inline one was blocked once the server sent ``_headers``, and the bench never ended)."""
    shutil.copy(built_site / HEADERS_FILE, tmp_path / HEADERS_FILE)
    write_stock_page(tmp_path / STOCK)
    server = serve_in_thread(tmp_path, free_port())
    try:
        page = chromium.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{STOCK}")
        page.wait_for_function(f"() => performance.getEntriesByName('{STOCK_MARK}').length > 0")
        page.close()
    finally:
        server.shutdown()
        server.server_close()


class FakeTab:
    """A tab of another engine whose visits reach the mark at the given times."""

    def __init__(self, times: list[float], start: str = "snapshot") -> None:
        self.times, self.start, self.visits, self.closed = list(times), start, [], False

    def goto(self, path: str) -> None:
        self.visits.append(path)

    def wait_for(self, source: str, *args, timeout: float = 20) -> bool:
        return True

    def eval(self, source: str, *args) -> object:
        return self.start if "pythonStart" in source else self.times[len(self.visits) - 1]

    def close(self) -> None:
        self.closed = True


def test_a_tab_of_another_engine_gives_cold_the_mean_of_warm_and_how_python_started():
    tab = FakeTab([900.0, 400.0, 300.0])
    assert tab_visits(tab, "checklists/x/", "mark") == (900.0, 350.0, "snapshot")
    assert tab.visits == ["checklists/x/"] * 3 and tab.closed


def test_a_tab_is_closed_even_when_a_visit_fails():
    tab = FakeTab([])  # no time for the first visit: it fails
    with pytest.raises(IndexError):
        tab_visits(tab, "checklists/x/", "mark")
    assert tab.closed
