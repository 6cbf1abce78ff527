"""A second edition made from the real guidance, for the editions tests: 2.18 changed by a
sentence added after its opening one (a paragraph the core assessment's items cite; every word a
checklist quotes stays, so the build's citation check lets it stand), 1.9 added at the end of
section 1, 4.2 renumbered 4.3 (with its renumbering entry)."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_scripts.lib.paths import ROOT

OLD_218 = "from the Police and from their own enquiries."
NEW_218 = f"{OLD_218} It is essential."
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
    assert OLD_218 in text
    assessment.write_text(text.replace(OLD_218, NEW_218), encoding="utf-8")
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


# The scripted edition of the citation tests: reword, add, remove, renumber (a cited paragraph).
REWORD = ("1.1 This chapter has been developed", "1.1 This chapter was developed")
REWORD_CITED = ("2.13 Best practice is", "2.13 Good practice is")  # quoted by a checklist
ADDED_224 = "2.24 This paragraph is new in the edition scripted by the tests."
RENUMBER = ("\n6.2 ", "\n6.3 ")  # cited by interview-planner-perpetrator
SCRIPTED = """
[[edition]]
id = "2"
label = "Edition 2 (scripted)"
summary = "Scripted by the tests."
source = "{source}"
removed = {removed}
{renumbered}"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _drop_paragraph(path: Path, number: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{number} "))
    path.write_text("".join(lines[:at] + lines[at + 2 :]), encoding="utf-8")


def make_scripted_edition(
    tmp: Path, *, remove: str, mapped: bool = True, reword_cited: bool = False
) -> Path:
    """A second edition of the real guidance under ``tmp``: 1.1 reworded, 2.24 added, ``remove``
    (1.2, or the cited 2.4) dropped, 6.2 renumbered 6.3; with ``mapped``, editions.toml says so
    (``removed``, ``[edition.renumbered]``). ``reword_cited``: 2.13, which a checklist quotes,
    reworded too. Returns the editions file."""
    docs = tmp / "docs2"
    shutil.copytree(ROOT / "docs", docs)
    _edit(docs / "introduction.md", *REWORD)
    if reword_cited:
        _edit(docs / "assessment.md", *REWORD_CITED)
    page = {"1": "introduction.md", "2": "assessment.md"}[remove.split(".")[0]]
    _drop_paragraph(docs / page, remove)
    assessment = docs / "assessment.md"
    assessment.write_text(
        assessment.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{ADDED_224}\n", "utf-8"
    )
    _edit(docs / "interviewing-perpetrator-and-partner.md", *RENUMBER)
    # The site's own pages that link to 6.2 by hand follow it, as the content owner would do;
    # the checklist definitions are left citing 6.2: the map carries them.
    for page in (docs / "checklists").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("partner.md#6.2)", "partner.md#6.3)"), encoding="utf-8")
    removed = f'["{remove}"]' if mapped else "[]"
    renumbered = '[edition.renumbered]\n"6.2" = "6.3"\n' if mapped else ""
    editions = tmp / "editions.toml"
    second = SCRIPTED.format(source=docs, removed=removed, renumbered=renumbered)
    editions.write_text(EDITION_1 + second, encoding="utf-8")
    return editions
