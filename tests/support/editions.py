"""A second edition made from the real guidance, for the editions tests: 2.9 reworded, 1.9
added at the end of section 1, 4.2 renumbered 4.3 (with its renumbering entry)."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.lib.paths import ROOT

OLD_29 = "2.9 Some key factors may determine"
NEW_29 = "2.9 Some key factors can determine"
ADDED = "1.9 This paragraph is new in the second edition made by the tests."
EDITION_1 = """[[edition]]
id = "1"
label = "Edition 1 (as received)"
summary = "The guidance as received."
source = "docs"
"""
EDITION_2 = """
[[edition]]
id = "2"
label = "Edition 2 (test)"
effective = 2027-04-01
summary = "Made by the tests."
source = "{source}"
{renumbered}"""
RENUMBERED = '[edition.renumbered]\n"4.2" = "4.3"\n'


def make_second_edition(tmp: Path, *, renumbering: bool = True) -> Path:
    """The editions file of a two-edition site under ``tmp``; the first is the real docs."""
    docs = tmp / "docs2"
    shutil.copytree(ROOT / "docs", docs)
    assessment = docs / "assessment.md"
    text = assessment.read_text(encoding="utf-8")
    assert OLD_29 in text
    assessment.write_text(text.replace(OLD_29, NEW_29), encoding="utf-8")
    introduction = docs / "introduction.md"
    introduction.write_text(
        introduction.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{ADDED}\n", encoding="utf-8"
    )
    impact = docs / "impact-on-children.md"
    text = impact.read_text(encoding="utf-8")
    assert "\n4.2 " in text
    impact.write_text(text.replace("\n4.2 ", "\n4.3 "), encoding="utf-8")
    editions = tmp / "editions.toml"
    second = EDITION_2.format(source=docs, renumbered=RENUMBERED if renumbering else "")
    editions.write_text(EDITION_1 + second, encoding="utf-8")
    return editions
