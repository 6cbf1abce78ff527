"""What changed between two editions, paragraph by paragraph: pure functions.

``compare`` pairs an edition's paragraphs with the previous edition's through its ``removed`` and
``renumbered`` entries and raises ``BuildError`` when an old id would vanish unaccounted for: a
link someone made to it would break. ``word_diff`` gives the word-level difference of two texts.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from build_scripts.editions.model import Edition
from build_scripts.guidance.paragraphs import Paragraph
from build_scripts.lib.errors import BuildError


@dataclass
class Changes:
    added: list[Paragraph] = field(default_factory=list)
    removed: list[Paragraph] = field(default_factory=list)
    changed: list[tuple[Paragraph, Paragraph]] = field(default_factory=list)  # (old, new)
    renumbered: list[tuple[Paragraph, Paragraph]] = field(default_factory=list)  # same text

    def __len__(self) -> int:
        return sum(map(len, (self.added, self.removed, self.changed, self.renumbered)))

    @property
    def changed_ids(self) -> list[str]:
        """Ids in the new edition whose words differ from the previous edition's."""
        return [new.id for _, new in self.changed]

    @property
    def marks(self) -> dict[str, str]:
        """The "changed in this edition" markers: id in the new edition → "changed" | "added"."""
        return {i: "changed" for i in self.changed_ids} | {p.id: "added" for p in self.added}


def compare(old: list[Paragraph], new: list[Paragraph], edition: Edition) -> Changes:
    """The changes ``edition`` (with paragraphs ``new``) makes to the previous ``old``."""
    old_by_id = {p.id: p for p in old}
    new_by_id = {p.id: p for p in new}
    where = f"editions.toml, edition {edition.id!r}"
    for key in [*edition.renumbered, *edition.removed]:
        if key not in old_by_id:
            raise BuildError(f"{where}: {key!r} is not a paragraph of the previous edition")
    for key in edition.removed:
        if key in edition.renumbered:
            raise BuildError(f"{where}: {key!r} is both removed and renumbered")
    changes, claimed = Changes(), set()
    for paragraph in old:
        if paragraph.id in edition.removed:
            changes.removed.append(paragraph)
            continue
        new_id = edition.renumbered.get(paragraph.id, paragraph.id)
        if new_id not in new_by_id:
            hint = (
                f"the renumbering map points it to {new_id!r}, which this edition does not have"
                if paragraph.id in edition.renumbered
                else "add it to [edition.renumbered] (old id = new id) or to `removed`"
            )
            raise BuildError(
                f"{where}: paragraph {paragraph.id} of the previous edition is missing and links "
                f"to it would break: {hint}"
            )
        claimed.add(new_id)
        successor = new_by_id[new_id]
        if successor.text != paragraph.text:
            changes.changed.append((paragraph, successor))
        elif new_id != paragraph.id:
            changes.renumbered.append((paragraph, successor))
    changes.added = [p for p in new if p.id not in claimed]
    return changes


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The two texts as runs of ``("equal" | "delete" | "insert", words)``."""
    a, b = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            runs.append(("equal" if op == "equal" else "delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace") and j2 > j1:
            runs.append(("insert", " ".join(b[j1:j2])))
    return runs
