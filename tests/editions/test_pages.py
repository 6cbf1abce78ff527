"""The generated What changed page and an older edition's home page."""

from __future__ import annotations

from pathlib import Path

from build_scripts.editions.changes import Changes, Paragraph
from build_scripts.editions.model import Edition
from build_scripts.editions.pages import archive_home_md, diff_html, what_changed_md

ONE = Edition(1, "1", "Edition 1", "First.", Path("."))
TWO = Edition(2, "2", "Edition 2", "Second.", Path("."))


def test_diff_html_escapes_the_words_and_announces_deletions_and_insertions():
    assert diff_html("a <b> may", "a <b> can") == (
        'a &lt;b&gt; <del><span class="visually-hidden">Deleted: </span>may</del> '
        '<ins><span class="visually-hidden">Inserted: </span>can</ins>'
    )


def test_what_changed_lists_each_change_with_links_to_both_editions():
    old, new = Paragraph("2.9", "assessment/", "may"), Paragraph("2.9", "assessment/", "can")
    moved = (Paragraph("4.2", "impact/", "x"), Paragraph("4.3", "impact/", "x"))
    changes = Changes(
        added=[Paragraph("1.9", "introduction/", "new")],
        changed=[(old, new)],
        renumbered=[moved],
    )
    page = what_changed_md(TWO, ONE, changes)
    assert "1 changed, 1 added, 0 removed, 1 renumbered" in page
    assert "### 2.9 {#change-2.9}" in page and "### 4.2, now 4.3 {#change-4.3}" in page
    assert "### 1.9 (added) {#change-1.9}" in page
    assert "(assessment.md#2.9)" in page and "(../../1/assessment/#2.9)" in page
    assert "data-search-exclude" in page and "## Removed" not in page


def test_no_changes_says_so():
    assert "No paragraph of the guidance changed." in what_changed_md(TWO, ONE, Changes())


def test_an_older_editions_home_page_points_to_the_edition_in_force():
    page = archive_home_md(ONE, TWO, [("assessment.md", "2. Assessment")])
    assert "[Edition 2](../latest/)" in page and "- [2. Assessment](assessment.md)" in page
