"""The form of the guidance's numbered paragraph ids, and its callouts: what a checklist may cite.

The model checks only an id's form here; whether the latest edition has the paragraph, and
whether a quote is still verbatim in it, the build checks against the edition as built
(build_scripts/editions/citations.py), so that a paragraph a new edition adds can be cited and
one it removes cannot. A callout (a box the guidance sets after a paragraph: "Things to think
about" after 1.8, "Style of intervention" after 3.5) is cited by an id of its own,
``<paragraph>-box``, the id its page anchors it by (build_scripts/mdx/paragraph_anchors.py),
never as the paragraph it follows (P13).
"""

import re

PARAGRAPH = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
"""The form of a numbered paragraph's id (2.9, 2.10). Which ids an edition has is the build's
to know: it checks every citation against the latest edition as built
(build_scripts/editions/citations.py)."""

CALLOUTS: dict[str, str] = {
    "1.8-box": "Things to think about",
    "3.5-box": "Style of intervention",
}
"""Each callout's id and its own heading, as the guidance gives it."""

BOX = "-box"  # a callout's id is the paragraph it follows and this


def citable(number: str) -> bool:
    """Whether a checklist may cite this id: a numbered paragraph's, or a callout's."""
    return bool(PARAGRAPH.match(number)) or number in CALLOUTS


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
