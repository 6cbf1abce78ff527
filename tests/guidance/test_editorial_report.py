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


def test_the_standing_notes_list_the_stale_terms_and_the_ambiguous_2_9_factor():
    from build_scripts.lib.files import load_toml
    from build_scripts.lib.paths import ROOT

    notes = standing_items(load_toml(ROOT / "docs/_data/editorial.toml"))
    stale = [n for n in notes if n.detail.startswith("Stale term, kept as received")]
    assert ["Core Assessment" in n.detail or "Designated Officer" in n.detail
            or "video interview" in n.detail for n in stale] == [True] * 3  # fmt: skip
    assert any("¶2.9" in n.where and "own child may be at risk" in n.detail for n in notes)


def test_2_9_keeps_its_words_and_carries_a_site_note():
    from build_scripts.lib.paths import ROOT

    page = (ROOT / "docs/assessment.md").read_text(encoding="utf-8")
    line = next(x for x in page.splitlines() if "own child may be at risk" in x)
    html = render_markdown(line.removeprefix("- "))
    notes = [i for i in page_items(html, "assessment/") if i.kind == "editorial note"]
    assert len(notes) == 1 and "content owner" in notes[0].detail
    assert html.startswith("<p>understanding concerns that own child may be at risk<span")
