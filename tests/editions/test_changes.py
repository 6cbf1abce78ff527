"""Paragraphs read from a rendered page, and two editions compared through the renumbering map."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.editions.changes import compare, word_diff
from build_scripts.editions.model import Edition
from build_scripts.guidance.paragraphs import Paragraph
from build_scripts.lib.errors import BuildError


def p(pid: str, text: str = "same words") -> Paragraph:
    return Paragraph(pid, "page/", text)


def edition(**kwargs) -> Edition:
    return Edition(2, "2", "Two", "s", Path("."), **kwargs)


def test_changed_added_removed_and_renumbered_are_told_apart():
    old = [p("1.1"), p("1.2", "old words"), p("1.3"), p("1.4", "moved")]
    new = [p("1.1"), p("1.2", "new words"), p("1.5", "moved"), p("1.6", "brand new")]
    changes = compare(old, new, edition(removed=("1.3",), renumbered={"1.4": "1.5"}))
    assert [(a.id, b.id) for a, b in changes.changed] == [("1.2", "1.2")]
    assert [x.id for x in changes.added] == ["1.6"]
    assert [x.id for x in changes.removed] == ["1.3"]
    assert [(a.id, b.id) for a, b in changes.renumbered] == [("1.4", "1.5")]
    assert len(changes) == 4 and changes.changed_ids == ["1.2"]
    assert changes.marks == {"1.2": "changed", "1.6": "added"}  # renumbered alone: no marker


def test_a_renumbered_id_taken_by_a_new_paragraph_counts_the_new_one_as_added():
    renumbered = edition(renumbered={"4.2": "4.3"})
    changes = compare([p("4.2")], [p("4.2", "inserted"), p("4.3")], renumbered)
    assert [x.id for x in changes.added] == ["4.2"] and len(changes) == 2


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "paragraph 1.2 of the previous edition is missing"),
        ({"renumbered": {"1.2": "1.9"}}, "which this edition does not have"),
        ({"renumbered": {"7.7": "1.1"}}, "'7.7' is not a paragraph of the previous edition"),
        ({"removed": ("1.2",), "renumbered": {"1.2": "1.1"}}, "both removed and renumbered"),
    ],
)
def test_an_id_that_would_vanish_stops_the_build(kwargs, message):
    with pytest.raises(BuildError) as error:
        compare([p("1.1"), p("1.2")], [p("1.1")], edition(**kwargs))
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("old", "new", "runs"),
    [
        ("a b c", "a b c", [("equal", "a b c")]),
        (
            "a may c",
            "a can c",
            [("equal", "a"), ("delete", "may"), ("insert", "can"), ("equal", "c")],
        ),
        ("", "new text", [("insert", "new text")]),
        ("gone", "", [("delete", "gone")]),
    ],
)
def test_word_diff(old, new, runs):
    assert word_diff(old, new) == runs
