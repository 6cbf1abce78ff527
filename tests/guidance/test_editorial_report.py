"""The editorial report: what it collects and how it reads."""

from build_scripts.guidance.editorial_report import (
    Item,
    page_items,
    registry_items,
    render,
    standing_items,
    used_link_keys,
)
from build_scripts.mdx.link_registry import RegisteredLink
from tests.support.markdown import render as render_markdown

PAGE = render_markdown(
    "2.20 check the indicators in Appendix 3{ed: Appendix 3 is missing.}.\n\n"
    "2.1 Read with the [Procedures](link:pan-beds-procedures) and "
    "[Section 31 of the Children Act 1989](link:children-act-1989-s31).\n"
)


def test_unresolved_links_and_notes_are_listed_with_their_paragraph():
    assert page_items(PAGE, "assessment/") == [
        Item("editorial note", "assessment/ ¶2.20", "[Editorial note: Appendix 3 is missing.]"),
        Item(
            "unresolved link", "assessment/ ¶2.1", "“Procedures” (registry key pan-beds-procedures)"
        ),
    ]


def test_used_keys_include_resolved_links_and_unused_entries_are_reported():
    used = used_link_keys(PAGE)
    assert used == {"pan-beds-procedures", "children-act-1989-s31"}
    registry = {
        "pan-beds-procedures": RegisteredLink("pan-beds-procedures", "Procedures", "", ""),
        "old": RegisteredLink("old", "Old page", "", ""),
    }
    assert registry_items(registry, used) == [
        Item("unused registry entry", "links.toml", "[old] “Old page”")
    ]


def test_standing_notes_come_from_the_data_file():
    data = {"note": [{"where": "whole document", "detail": "No date."}]}
    assert standing_items(data) == [Item("standing note", "whole document", "No date.")]


def test_the_report_groups_by_kind_and_says_when_there_is_nothing():
    text = render([Item("standing note", "x", "y"), Item("editorial note", "p", "q")], "Edition 1")
    assert text.startswith("# Editorial report — Edition 1\n\n2 item(s)")
    assert "## Standing notes (1)\n\n- x: y" in text and "## Editorial notes (1)" in text
    assert "Nothing to decide." in render([], "Edition 1")
