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


def section_headings() -> dict[str, str]:
    """Section anchor → its heading as the page gives it ("section-3" → "3. Guidance for…")."""
    from build_scripts.lib.paths import ROOT

    found = {}
    for path in sorted((ROOT / "docs").glob("*.md")):
        for heading, anchor in re.findall(
            r"^# (.+?) \{#(section-\d+)\}$", path.read_text(encoding="utf-8"), re.M
        ):
            found[anchor] = heading
    return found


def registry_links() -> dict[str, dict]:
    import tomllib

    from build_scripts.lib.paths import ROOT

    return tomllib.loads((ROOT / "docs/_data/links.toml").read_text(encoding="utf-8"))


def paragraph_source(number: str) -> str:
    """The paragraph's Markdown line in docs/, its links as written (``[text](link:KEY)``)."""
    from build_scripts.lib.paths import ROOT

    for path in sorted((ROOT / "docs").glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(f"{number} "):
                return line
    return ""


@pytest.mark.parametrize("checklist_id", checklist_ids())
def test_a_prompts_links_are_the_guidances_words_and_places(checklist_id):
    """Section 3 with 3.4 by the page's heading of Section 3; 2.22's Section 31 of the Children
    Act 1989 by the words and address of the paragraph's own link (spec parts 1 and 6)."""
    headings, registry = section_headings(), registry_links()
    for prompt in load_checklist(checklist_id).prompts:
        for link in prompt.links:
            if link.target.startswith("section-"):
                assert headings.get(link.target) == link.text, (prompt.id, link)
                continue
            key = link.target.removeprefix("link:")
            entry = registry.get(key, {})
            assert (entry.get("text"), entry.get("url")) == (link.text, link.url), prompt.id
            written = f"[{link.text}](link:{key})"
            assert written in paragraph_source(prompt.cite.paragraph), (prompt.id, written)


def test_the_links_are_checked_against_the_pages():
    assert section_headings()["section-3"] == (
        "3. Guidance for the assessment of potentially protective carers"
    )
    assert "[Section 31 of the Children Act 1989](link:children-act-1989-s31)" in (
        paragraph_source("2.22")
    )
