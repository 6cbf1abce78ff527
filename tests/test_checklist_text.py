"""Drift: every item text and every quote of every checklist is the guidance's own words, found
verbatim in the paragraph it cites as the site publishes it."""

import re
from pathlib import Path

import pytest

from calculators import checklist_ids, load_checklist
from tests.support.guidance_text import paragraphs

SOURCE = Path(__file__).parent / "fixtures" / "guidance-as-received.md"


def box_after_1_8() -> str:
    """The "Things to think about" box that follows 1.8 (a callout on the page, not a
    paragraph): cited by its own id, 1.8-box."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith("Things to think about: "))


def style_of_intervention() -> str:
    """The "Style of intervention" box after 3.5's text (a callout on the page, cited as
    3.5-box), its bullets one a line."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = lines.index("Style of intervention:")
    bullets = []
    for line in lines[start + 1 :]:
        if line.startswith("3.6 "):
            break
        if line.startswith("- "):
            bullets.append(line[2:])
    return " ".join(["Style of intervention:", *bullets])


def cited_text(number: str) -> str:
    text = paragraphs().get(number, "")
    boxes = {"1.8-box": box_after_1_8, "3.5-box": style_of_intervention}
    return boxes[number]() if number in boxes else text


def flat(quote: str) -> str:
    """A quote as the page's paragraph text: a list kept one entry a line ("- entry", or "A -
    entry" for 2.5's categories) reads as the page's text with its markers dropped."""
    return re.sub(r"\n(?:- |([A-Z]) - )", lambda m: f" {m[1]} " if m[1] else " ", quote)


def quotations(checklist_id):
    checklist = load_checklist(checklist_id)
    for item in checklist.items:
        yield f"item {item.id}", item.paragraph, item.text
    for prompt in checklist.prompts:
        yield f"prompt {prompt.id}", prompt.cite.paragraph, prompt.cite.quote
        yield f"prompt {prompt.id} lead", prompt.cite.paragraph, prompt.lead


def test_the_guidance_text_is_found():
    assert len(paragraphs()) == 48 and paragraphs()["2.9"].startswith("2.9 Some key factors")
    assert box_after_1_8().endswith("at any stage of an assessment.")
    assert box_after_1_8() not in paragraphs()["1.8"]  # so a quote from it needs the box


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_every_item_and_quote_is_verbatim_in_its_paragraph(checklist_id):
    drifted = [
        f"{where} cites {number}: {quote[:60]}"
        for where, number, quote in quotations(checklist_id)
        if not cited_text(number) or flat(quote) not in cited_text(number)
    ]
    assert drifted == []


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_p13_a_callout_is_cited_by_its_own_id_never_as_the_paragraph_it_follows(checklist_id):
    for _, number, quote in quotations(checklist_id):
        if number in ("1.8", "3.5"):
            assert flat(quote) in paragraphs()[number], (number, quote[:40])


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_scoping_questions_cite_a_real_paragraph(checklist_id):
    assert all(q.paragraph in paragraphs() for q in load_checklist(checklist_id).scope)


def unresolved_link_texts() -> list[str]:
    """The texts of the guidance's links that have no address, long enough to be unambiguous
    in a quote ("here" and "research" are ordinary words too)."""
    import tomllib

    from build_scripts.lib.paths import ROOT

    registry = tomllib.loads((ROOT / "docs/_data/links.toml").read_text(encoding="utf-8"))
    return [e["text"] for e in registry.values() if not e.get("url") and " " in e["text"]]


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_a_quote_naming_a_link_without_an_address_says_so_as_the_page_does(checklist_id):
    checklist = load_checklist(checklist_id)
    for prompt in checklist.prompts:
        for cite in prompt.cites:
            for text in unresolved_link_texts():
                if text in cite.quote:
                    assert f"“{text}” (no address given)" in cite.note, (prompt.id, text)
