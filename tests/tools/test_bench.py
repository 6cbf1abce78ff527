"""`make bench`'s reporting: verdicts against goals and Lighthouse's figures. (The bench itself is
a report, never a test: no timing is asserted anywhere.)"""

from __future__ import annotations

import pytest

from build_scripts.tools.bench import lighthouse_scores, ratio_line, verdict


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
        )
    }
    audits["render-blocking-resources"] = {"details": {"items": [{"url": "a.js"}]}}
    report = {"categories": {"performance": {"score": 0.97}}, "audits": audits}
    scores = lighthouse_scores(report)
    assert scores["performance"] == 97
    assert scores["render-blocking"] == ["a.js"]
    del audits["render-blocking-resources"]["details"]  # Lighthouse leaves it out when none
    assert lighthouse_scores(report)["render-blocking"] == []
