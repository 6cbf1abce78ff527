"""Site-level files of the editions: versions.json, short links, paragraph lists, changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from build_scripts.editions.changes import Paragraph
from build_scripts.editions.model import Edition
from build_scripts.editions.site_files import (
    content_hash,
    edition_changes,
    edition_map,
    paragraphs_json,
    redirect_html,
    short_links,
    text_since,
    versions_json,
)

ONE = Edition(1, "1", "Edition 1", "s", Path("."))
TWO = Edition(2, "2", "Edition 2", "s", Path("."), removed=("2.7",), renumbered={"4.2": "4.3"})
OLD = [Paragraph("2.7", "a/", "gone"), Paragraph("2.9", "a/", "may"), Paragraph("4.2", "i/", "x")]
NEW = [Paragraph("2.9", "a/", "can"), Paragraph("4.3", "i/", "x"), Paragraph("1.9", "n/", "new")]


def test_versions_json_has_mikes_layout_newest_first_with_the_latest_alias():
    assert json.loads(versions_json([ONE, TWO])) == [
        {"version": "2", "title": "Edition 2", "aliases": ["latest"]},
        {"version": "1", "title": "Edition 1", "aliases": []},
    ]


def test_short_links_follow_renumbering_and_say_where_a_removed_paragraph_was():
    pages = short_links([ONE, TWO], [OLD, NEW])
    assert set(pages) == {f"p/{i}/index.html" for i in ("2.7", "2.9", "4.2", "4.3", "1.9")}
    assert 'url=../../latest/i/#4.3"' in pages["p/4.2/index.html"]
    assert 'url=../../latest/a/#2.9"' in pages["p/2.9/index.html"]
    removed = pages["p/2.7/index.html"]
    assert "refresh" not in removed and 'href="../../1/a/#2.7"' in removed
    assert "is not in Edition 2" in removed


def test_redirect_pages_escape_what_they_print():
    assert "&lt;x&gt;" in redirect_html("a/", "<x>") and "<x>" not in redirect_html("a/", "<x>")


def test_paragraphs_json_gives_permanent_and_short_urls():
    data = json.loads(paragraphs_json(ONE, OLD, "https://g.example/"))
    assert data["edition"] == {"id": "1", "number": 1, "label": "Edition 1", "effective": None}
    assert data["paragraphs"][1] == {
        "id": "2.9",
        "number": "2.9",
        "page": "a/",
        "url": "https://g.example/1/a/#2.9",
        "short_url": "https://g.example/p/2.9/",
        "text": "may",
        "items": [],
        "heading": False,
        "page_title": "",
        "section": None,
        "hash": content_hash(OLD[1]),
        "since": {"id": "1", "number": 1, "label": "Edition 1"},
    }


def test_paragraphs_json_keeps_lists_as_lists_with_page_title_and_section():
    unit = Paragraph("2.9", "a/", "Factors: one two", "2.9 Factors: one two", False,
                     (("one", "two"),), "2. Assessing", "stage-1")  # fmt: skip
    entry = json.loads(paragraphs_json(ONE, [unit], "https://g.example/"))["paragraphs"][0]
    assert entry["items"] == [["one", "two"]]
    assert (entry["page_title"], entry["section"], entry["heading"]) == (
        "2. Assessing",
        "stage-1",
        False,
    )


def test_every_field_of_paragraphs_json_is_documented_on_the_page_for_partners():
    from build_scripts.lib.paths import ROOT

    about = (ROOT / "docs/partners.md").read_text(encoding="utf-8")
    data = json.loads(paragraphs_json(ONE, OLD, "https://g.example/"))
    fields = {*data, *data["edition"], *data["paragraphs"][0], *data["paragraphs"][0]["since"]}
    assert [f for f in sorted(fields) if f"- `{f}`:" not in about] == []
    assert "`null` until the content\n      owner gives one" in about


def test_the_old_editions_map_and_the_changes_since_it():
    old_map = json.loads(edition_map([ONE, TWO], 0, [OLD, NEW]))
    assert old_map["paragraphs"] == {
        "2.7": {"removed": True},
        "2.9": {"id": "2.9", "number": "2.9", "page": "a/"},
        "4.2": {"id": "4.3", "number": "4.3", "page": "i/"},
    }
    assert json.loads(edition_changes([ONE, TWO], [OLD, NEW])) == {
        "1": {"label": "Edition 1", "changed": ["2.9"], "added": ["1.9"]}
    }


def test_addresses_from_before_editions_go_to_the_first_edition_or_the_latest():
    from build_scripts.editions.site_files import legacy_redirects

    pages = legacy_redirects([ONE, TWO], ["./", "a/", "checklists/x/", "1/", "p/"], {"a/"})
    assert set(pages) == {"a/index.html", "checklists/x/index.html"}
    assert 'href="../1/a/" data-redirect' in pages["a/index.html"]
    assert '<script src="../redirect.js"></script>' in pages["a/index.html"]
    assert 'href="../../latest/checklists/x/"' in pages["checklists/x/index.html"]


def test_the_content_hash_is_sha256_of_the_normalised_words_and_lists():
    unit = Paragraph("2.9", "a/", "Factors:  one\n two", "", False, (("one ", " two"),))
    canonical = '{"items":[["one","two"]],"text":"Factors: one two"}'
    assert content_hash(unit) == "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
    assert content_hash(Paragraph("4.3", "i/", "x")) == content_hash(OLD[2])  # number aside
    assert content_hash(NEW[0]) != content_hash(OLD[1])
    assert content_hash(Paragraph("2.9", "a/", "may", items=(("a",),))) != content_hash(OLD[1])


def test_since_is_the_edition_the_words_first_appeared_in_followed_through_renumbering():
    three = Edition(3, "3", "Edition 3", "s", Path("."))
    since = text_since([ONE, TWO, three], [OLD, NEW, NEW])
    assert {k: v.id for k, v in since[0].items()} == {"2.7": "1", "2.9": "1", "4.2": "1"}
    assert {k: v.id for k, v in since[1].items()} == {"2.9": "2", "4.3": "1", "1.9": "2"}
    assert {k: v.id for k, v in since[2].items()} == {"2.9": "2", "4.3": "1", "1.9": "2"}
    data = json.loads(paragraphs_json(TWO, NEW, "https://g.example/", since[1]))
    moved = next(p for p in data["paragraphs"] if p["id"] == "4.3")
    assert moved["since"] == {"id": "1", "number": 1, "label": "Edition 1"}
