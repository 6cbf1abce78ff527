"""The link registry: placeholder links resolve, or render as plain text and are reported."""

import tomllib

import pytest

from build_scripts.mdx.link_registry import LinkRegistryError, parse_registry
from tests.support.markdown import ROOT, render

REGISTRY = ROOT / "docs/_data/links.toml"


def test_a_key_with_a_certain_address_becomes_a_real_link():
    html = render("[Section 31 of the Children Act 1989](link:children-act-1989-s31)")
    assert 'href="https://www.legislation.gov.uk/ukpga/1989/41/section/31"' in html
    assert 'data-link-key="children-act-1989-s31"' in html


def test_a_key_without_an_address_is_plain_text_never_a_link_to_hash():
    html = render("See [Turnell & Essex](link:turnell-essex).")
    assert "<a" not in html and 'href="#"' not in html
    assert (
        '<span class="unresolved-link" data-link-key="turnell-essex">Turnell &amp; Essex'
        '<span class="link-no-address"> (no address given)</span></span>' in html
    )


def test_the_no_address_note_is_the_sites_words_so_only_the_guidances_words_are_read():
    from build_scripts.guidance.editorial_report import page_items
    from build_scripts.guidance.paragraphs import SITE_WORDS, page_paragraphs

    html = render("2.10 (See work by [Turnell & Essex](link:turnell-essex) may be helpful)")
    assert "link-no-address" in SITE_WORDS
    assert page_paragraphs(html, "a/")[0].text == "(See work by Turnell & Essex may be helpful)"
    assert page_items(html, "a/")[0].detail == "“Turnell & Essex” (registry key turnell-essex)"


def test_an_unknown_key_fails_the_build():
    with pytest.raises(LinkRegistryError, match="unknown link key 'no-such-key'"):
        render("[x](link:no-such-key)")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"url": ""}, "needs a text"),
        ({"text": "x", "url": "http://insecure.example"}, "url must be empty or https"),
        ({"text": "x", "url": "#"}, "url must be empty or https"),
        ("not a table", "needs a text"),
    ],
)
def test_malformed_registry_entries_are_refused(entry, message):
    with pytest.raises(LinkRegistryError, match=message):
        parse_registry({"bad": entry})


def test_every_placeholder_of_the_source_has_a_registry_entry_with_its_text():
    """Each `[text](#)` of the source is in the registry with the same link text."""
    import re

    source = (ROOT / "tests/fixtures/guidance-as-received.md").read_text(encoding="utf-8")
    placeholders = set(re.findall(r"\[([^\]]+)\]\(#\)", source))
    registry = tomllib.loads(REGISTRY.read_text(encoding="utf-8"))
    assert placeholders == {entry["text"] for entry in registry.values()}


def test_no_page_links_to_a_bare_hash():
    pages = (ROOT / "docs").rglob("*.md")
    assert not [p.name for p in pages if "](#)" in p.read_text(encoding="utf-8")]
