"""Fidelity: the built site publishes every line of the guidance as received, in order, with an
anchor for every numbered paragraph on the page of its section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from build_scripts.guidance.paragraphs import is_site_words
from build_scripts.lib.html_tree import Node, parse

SOURCE = Path(__file__).parent / "fixtures" / "guidance-as-received.md"
SECTION = re.compile(r"^(\d)\. \S")
NUMBER = re.compile(r"^(\d+\.\d+) ")
# Source lines after which the text stands outside any numbered paragraph (stage headings,
# callouts, the footnote).
STANDALONE = ("Stage ", "Things to think about:", "¹", "Style of intervention:")


@dataclass(frozen=True)
class SourceLine:
    text: str
    section: str
    paragraph: str | None  # the numbered paragraph the line belongs to, if any


def source_lines() -> list[SourceLine]:
    """The source's lines after the title block, each with its section and paragraph."""
    lines, section, paragraph = [], None, None
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if match := SECTION.match(line):
            section, paragraph = match.group(1), None
        elif match := NUMBER.match(line):
            paragraph = match.group(1)
        elif line.startswith(STANDALONE):
            paragraph = None
        if line and section:
            lines.append(SourceLine(line, section, paragraph))
    return lines


def tokens(text: str) -> list[str]:
    """Words and punctuation marks: the things that must not change. Markup is removed first."""
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)  # placeholder links: their text only
    text = re.sub(r"^\s*-\s+", "", text)  # list bullets
    text = re.sub(r"^([ABC]) - ", r"\1 ", text)  # image categories: a definition list on the site
    text = text.replace("**", "").replace("*", "").replace("¹", "")
    return re.findall(r"\w+|[^\w\s]", text)


def joined(words: list[str]) -> str:
    return "\x1f" + "\x1f".join(words) + "\x1f"


@cache
def pages(site: Path) -> dict[str, Node]:
    """Section number → the article element of the built page that has id="section-N"."""
    found = {}
    for path in site.rglob("index.html"):
        article = next(
            (
                n
                for n in parse(path.read_text(encoding="utf-8")).iter()
                if "md-content__inner" in n.classes
            ),
            None,
        )
        if article is None:
            continue
        for node in article.iter():
            if m := re.fullmatch(r"section-(\d)", node.attrs.get("id", "")):
                found[m.group(1)] = article
    return found


def test_the_source_fixture_is_the_whole_guidance():
    lines = source_lines()
    assert {line.section for line in lines} == set("12345678")
    assert len([line for line in lines if NUMBER.match(line.text)]) == 48


def test_every_line_of_the_source_is_published_in_order(latest_site):
    by_section = pages(latest_site)
    assert sorted(by_section) == list("12345678")
    position: dict[str, int] = {}
    missing = []
    for line in source_lines():
        text = joined(tokens(by_section[line.section].text(skip=is_site_words)))
        at = text.find(joined(tokens(line.text)), position.get(line.section, 0))
        if at < 0:
            missing.append(f"section {line.section}: {line.text[:90]}")
        else:
            position[line.section] = at
    assert missing == []


def test_every_numbered_paragraph_has_its_anchor_on_its_sections_page(latest_site):
    by_section = pages(latest_site)
    numbers = [(line.section, line.paragraph) for line in source_lines() if NUMBER.match(line.text)]
    missing = [
        n
        for s, n in numbers
        if not any(
            node.attrs.get("id") == n and "para" in node.classes for node in by_section[s].iter()
        )
    ]
    assert missing == []


def test_each_line_of_a_numbered_paragraph_is_inside_its_anchor(latest_site):
    """The list under 2.9 is part of 2.9: the unit with id 2.9 holds every line of it."""
    by_section = pages(latest_site)
    units = {
        node.attrs["id"]: joined(tokens(node.text(skip=is_site_words)))
        for article in by_section.values()
        for node in article.iter()
        if "para" in node.classes
    }
    outside = [
        f"{line.paragraph}: {line.text[:80]}"
        for line in source_lines()
        if line.paragraph and joined(tokens(line.text)) not in units[line.paragraph]
    ]
    assert outside == []
