"""The theme's files our overrides depend on are the ones they were written against.

``overrides/`` replaces some of Material's templates with edited copies; when Material changes its
own copy, ours silently keeps the old one. Each copied template is listed here with the sha256 of
the theme's file it was copied from: a new Material that changes that file fails this test, naming
the override to compare with the theme's new file (then update the copy and its hash here). The
blocks our templates fill must still exist in the theme's ``base.html``. No build, no browser.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from build_scripts.lib.paths import ROOT

OVERRIDES = ROOT / "overrides"
THEME = Path(material.__file__).resolve().parent / "templates"

# Our copy → sha256 of the theme's file it was copied from (Material 9.8.2).
COPIED = {
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
}
# Our own templates that extend the theme's base.html rather than copy a file of it.
EXTENDS = {"main.html"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_override_is_listed() -> None:
    found = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")}
    unlisted = found - COPIED.keys() - EXTENDS
    assert not unlisted, (
        f"{', '.join(f'overrides/{n}' for n in sorted(unlisted))}: list it in "
        "tests/test_theme_overrides.py (COPIED with the theme file's sha256 if it copies one, "
        "else EXTENDS)"
    )
    assert COPIED.keys() | EXTENDS <= found, "an override listed here no longer exists"


@pytest.mark.parametrize("name", sorted(COPIED))
def test_theme_file_is_the_one_copied(name: str) -> None:
    theme_file = THEME / name
    assert theme_file.is_file(), f"Material no longer has {name}: re-check overrides/{name}"
    assert sha256(theme_file) == COPIED[name], (
        f"Material's {name} changed since overrides/{name} was copied from it: compare the two, "
        f"carry the theme's changes into overrides/{name}, then update its sha256 in COPIED"
    )


def test_blocks_we_fill_exist_in_the_theme() -> None:
    theme_blocks = set(re.findall(r"{%-?\s*block\s+(\w+)", (THEME / "base.html").read_text()))
    for path in OVERRIDES.rglob("*.html"):
        ours = set(re.findall(r"{%-?\s*block\s+(\w+)", path.read_text(encoding="utf-8")))
        missing = ours - theme_blocks
        assert not missing, f"{path.relative_to(ROOT)} fills blocks Material dropped: {missing}"
