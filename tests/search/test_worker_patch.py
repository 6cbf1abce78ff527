"""The search worker patch: our functions (worker_rank.js) put first and called where the theme
forms query terms, counts the words found and scores; paragraphs and glossary terms are results
of their own."""

import re
import subprocess

import pytest

from build_scripts.lib.errors import BuildError
from build_scripts.search.worker_patch import (
    ORIGINAL,
    PANEL_PATCHES,
    PATCHES,
    RANK_MARK,
    patch_panel,
    patch_worker,
)

THEIRS = {what: original for what, original, _ in PATCHES}


def theirs(part: str) -> str:
    return next(code for what, code in THEIRS.items() if part in what)


# The places the patches apply, as the theme's worker has them (minified).
WORKER = (
    "f=t=>t.map(r=>" + ORIGINAL + ");"
    "class U{constructor(r){" + theirs("word list") + "0}" + theirs("query as typed") + '/x/,""))'
    "return 0;let a=1,g=1,u={metadata:{}}," + theirs("which words") + ",K=Math.pow;"
    "return[].reduce((s,o)=>{let c={text:''},l='text',v=0,x=0,m=0;"
    + theirs("highlighted whole")
    + ";if(1){s.push(B(_({},c),{"
    + theirs("one phrase")
    + "}))}return s},[])}}"
    "function ie(t){let e=new Map;for(let r of t){"
    + theirs("grouped by page")
    + 'typeof i=="undefined"?'
    "e.set(n,r):(e.set(r.location,r),r.parent=i)}return e}"
)


def run_transform(source: str, terms: list[str]) -> list[str]:
    """Evaluate the (patched) map over query terms in Node, as the worker does."""
    script = source + f"console.log(JSON.stringify(f({terms!r})));"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return eval(out.stdout)


@pytest.mark.node  # the patched rule is run in Node
def test_paragraph_numbers_lose_the_wildcard_and_words_are_stemmed_prefixed_and_fuzzy():
    patched = patch_worker(WORKER)
    assert run_transform(patched, ["2.1", "3.10", "harm", "+x", "bereavment"]) == [
        "2.1",
        "3.10",
        "harm harm*",
        "+x",
        "bereavment bereavment*",  # corrected only from the guidance's words (none here)
    ]
    assert run_transform(WORKER, ["2.1"]) == ["2.1*"]


def run_grouping(source: str, locations: list[str]) -> dict[str, str | None]:
    """Each location's parent in the (patched) document map, run in Node as the worker does."""
    docs = [{"location": loc} for loc in locations]
    script = source + (
        f"const m=ie({docs!r});"
        "console.log(JSON.stringify(Object.fromEntries([...m].map(([k,d])=>"
        "[k,d.parent?d.parent.location:null]))));"
    )
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return eval(out.stdout.replace("null", "None"))


@pytest.mark.node
def test_paragraphs_and_glossary_terms_are_results_of_their_own_and_sections_stay_grouped():
    locations = [
        "assessment/",
        "assessment/#stage-1",
        "assessment/#2.10",
        "glossary/#glossary-lado",
    ]
    assert run_grouping(patch_worker(WORKER), locations) == {
        "assessment/": None,
        "assessment/#stage-1": "assessment/",
        "assessment/#2.10": None,
        "glossary/#glossary-lado": None,
    }
    assert run_grouping(WORKER, locations)["assessment/#2.10"] == "assessment/"


def test_patching_twice_changes_nothing():
    assert patch_worker(patch_worker(WORKER)) == patch_worker(WORKER)
    assert patch_worker(WORKER).count(RANK_MARK) == 1


def test_a_changed_worker_fails_loudly():
    with pytest.raises(BuildError, match="search worker changed"):
        patch_worker("function somethingElse(){}")
    for missing, (what, _, _) in enumerate(PATCHES):  # each patch is checked
        others = "".join(code for i, (_, code, _) in enumerate(PATCHES) if i != missing)
        with pytest.raises(BuildError, match=re.escape(what)):
            patch_worker(others)


# Where the theme's page script draws one result (minified), the article's flags computed.
PANEL = "function Fn(e){let n=-1,s=0,i={},oo=(d,f)=>f;" + PANEL_PATCHES[0][1] + "];return p[0]}"


@pytest.mark.node
def test_an_article_at_a_paragraph_shows_its_text_as_a_page_does():
    """Flag 1 (its text) for an article with no page in its group (a paragraph, a term)."""
    script = patch_panel(PANEL) + "console.log(Fn());"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "3"  # 2 (an article) | 1 (its text)
    theirs = PANEL + "console.log(Fn());"
    out = subprocess.run(["node", "-e", theirs], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"  # the theme's: its title alone
    assert patch_panel(patch_panel(PANEL)) == patch_panel(PANEL)
    with pytest.raises(BuildError, match="page script"):
        patch_panel("function Fn(e){}")
