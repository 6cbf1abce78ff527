"""The guidance's numbered paragraph ids, in order, and its callouts: what a checklist may cite.

Taken once from the guidance as received; tests/test_model.py checks this list against
tests/fixtures/guidance-as-received.md, so it cannot drift from the text. A callout (a box the
guidance sets after a paragraph: "Things to think about" after 1.8, "Style of intervention" after
3.5) is cited by an id of its own, ``<paragraph>-box``, the id its page anchors it by
(build_scripts/mdx/paragraph_anchors.py), never as the paragraph it follows (P13).
"""

import re

PARAGRAPH_IDS: tuple[str, ...] = (
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "1.6",
    "1.7",
    "1.8",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "2.5",
    "2.6",
    "2.7",
    "2.8",
    "2.9",
    "2.10",
    "2.11",
    "2.12",
    "2.13",
    "2.14",
    "2.15",
    "2.16",
    "2.17",
    "2.18",
    "2.19",
    "2.20",
    "2.21",
    "2.22",
    "2.23",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "3.5",
    "3.6",
    "3.7",
    "3.8",
    "3.9",
    "3.10",
    "3.11",
    "4.1",
    "4.2",
    "5.1",
    "5.2",
    "6.1",
    "6.2",
)

CALLOUTS: dict[str, str] = {
    "1.8-box": "Things to think about",
    "3.5-box": "Style of intervention",
}
"""Each callout's id and its own heading, as the guidance gives it."""

BOX = "-box"  # a callout's id is the paragraph it follows and this


def citable(number: str) -> bool:
    """Whether a checklist may cite this id: a paragraph of the guidance, or a callout."""
    return number in PARAGRAPH_IDS or number in CALLOUTS


def cited_as(number: str) -> str:
    """How a record names what it quotes: "Paragraph 2.10", or a callout by its heading and
    the paragraph it follows."""
    if number in CALLOUTS:
        return f"“{CALLOUTS[number]}”, the box after paragraph {number.removesuffix(BOX)}"
    return f"Paragraph {number}"


def short_name(number: str) -> str:
    """A paragraph's number, or a callout as "the box after 1.8" (in a list of numbers)."""
    return f"the box after {number.removesuffix(BOX)}" if number in CALLOUTS else number


def guidance_key(number: str) -> tuple[tuple[int, ...], str]:
    """An id's place in the guidance: 2.9 before 2.10, 2.10 before 3.1, 1.8 before 1.8-box."""
    return tuple(int(n) for n in re.findall(r"\d+", number)), number
