"""The site's functions in the search worker (build_scripts/search/worker_rank.js), run in Node
beside the theme's own lunr (from the theme's shipped worker), as in the reader's browser."""

import json
import subprocess
from pathlib import Path

import material
import pytest

from build_scripts.lib.paths import SEARCH_WORKERS
from build_scripts.search.worker_patch import RANK

THEME_WORKER = next(
    (Path(material.__file__).parent / "templates" / SEARCH_WORKERS).glob("*.min.js")
)
DOCS = [
    {"location": "a/#2.16", "title": "2.16", "text": "<p>A conference should be convened.</p>"},
    {"location": "a/#7", "title": "7", "text": "<p>Professionals\u2019 self-care</p>"},
    {"location": "a/#3.11", "title": "3.11", "text": "<p>\u201cit\u2019s only images\u201d</p>"},
    {"location": "a/#2.10", "title": "2.10", "text": "<p>asked to leave the family home</p>"},
    {"location": "a/#x", "title": "x", "text": "<p>leave now; many words between; home</p>"},
]


def run(calls: str) -> dict:
    """Evaluate ``calls`` (a JS object expression) after setting up on DOCS; its value as JSON."""
    script = f"""
    const {{ readFileSync }} = require("node:fs");
    const vm = require("node:vm");
    const scope = {{ addEventListener() {{}}, postMessage() {{}}, console }};
    scope.self = scope;
    vm.createContext(scope);
    vm.runInContext(readFileSync({json.dumps(str(THEME_WORKER))}, "utf-8"), scope);
    vm.runInContext(readFileSync({json.dumps(str(RANK))}, "utf-8"), scope);
    scope.lunr.tokenizer.separator = /[\\s\\-,:!=\\[\\]()"/]+|\\.(?!\\d)/;
    scope.docs = {json.dumps(DOCS)};
    vm.runInContext("GuidanceSearch.setup(docs)", scope);
    console.log(JSON.stringify(vm.runInContext({json.dumps("(" + calls + ")")}, scope)));
    """
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.node
def test_one_typo_is_corrected_from_the_guidances_own_words_not_a_word_being_typed():
    found = run(
        '{typo: GuidanceSearch.alternatives("confrence"), typing: GuidanceSearch.alternatives('
        '"confer"), number: GuidanceSearch.alternatives("2.1")}'
    )
    assert found == {"typo": "confrence confrence* conference", "typing": "confer confer*",
                     "number": "2.1"}  # fmt: skip


@pytest.mark.node
def test_a_word_is_found_in_its_stem_as_the_index_holds_it():
    found = run('GuidanceSearch.matched(GuidanceSearch.query("the conferences"), ["confer"])')
    assert found == {"conferences": True}  # stop words are not counted as missing


@pytest.mark.node
def test_a_phrase_counts_across_hyphens_and_curly_apostrophes_and_near_words_count_less():
    found = run(
        "Object.fromEntries([['self care','a/#7'],['it\\'s only images','a/#3.11'],"
        "['leave home','a/#2.10'],['leave home','a/#x'],['convened conferences','a/#2.16']]"
        ".map(([q,at])=>[q+' @ '+at,GuidanceSearch.nearness(GuidanceSearch.query(q),"
        "docs.find(d=>d.location===at))]))"
    )
    assert found == {
        "self care @ a/#7": 1000,
        "it's only images @ a/#3.11": 1000,
        "leave home @ a/#2.10": 20,  # "leave the family home": near, not the phrase
        "leave home @ a/#x": 1,
        "convened conferences @ a/#2.16": 20,  # near in any order: "conference should be convened"
    }


PARAGRAPH = {
    "location": "a/#2.18",
    "title": "2.18",
    "text": "<p>2.18 Obtain this from the Police.</p><p>Is there evidence of trading?</p>"
    "<p>Does he work with children? If so refer to Local Authority Designated Officer.</p>"
    "<p>Also found as (site search terms): LADO</p>",
    "found_as": {"LADO": 2},
}


def teasers(queries: dict[str, str], doc: dict = PARAGRAPH) -> dict:
    """Each query's teaser for ``doc``, the theme's highlighting stood in for by [brackets]."""
    shown = doc["text"].replace("trading", "[trading]").replace(": LADO", ": [LADO]")
    return run(
        f"Object.fromEntries(Object.entries({json.dumps(queries)}).map(([k, q]) => [k, "
        f"GuidanceSearch.teaser(GuidanceSearch.query(q), {json.dumps(doc)}, "
        f"{json.dumps(shown)})]))"
    )


@pytest.mark.node
def test_a_result_shows_the_piece_that_matched_whole_as_the_theme_highlighted_it():
    found = teasers({"word": "trading", "most words": "police evidence trading",
                     "other name": "LADO", "title only": "2.18", "nothing": "zebra"})  # fmt: skip
    assert found == {
        "word": "<p>Is there evidence of [trading]?</p>",
        "most words": "<p>Is there evidence of [trading]?</p>",  # two of three, not one
        # Only the other name typed: the piece naming the officer, then the names' paragraph.
        "other name": "<p>Does he work with children? If so refer to Local Authority "
        "Designated Officer.</p><p>Also found as (site search terms): [LADO]</p>",
        "title only": "<p>2.18 Obtain this from the Police.</p>",
        "nothing": "<p>2.18 Obtain this from the Police.</p>",  # the opening
    }
    officer = teasers({"q": "designated officer"})["q"]
    assert officer.startswith("<p>Does he work") and "Also found" not in officer


@pytest.mark.node
def test_the_theme_s_own_entries_keep_the_theme_s_text():
    page = {**PARAGRAPH, "location": "a/"}
    assert teasers({"q": "trading"}, page)["q"].startswith("<p>2.18 Obtain")  # all of it
