"""Which docs pages are the guidance: the nav's "The guidance" section, and each page's title."""

from __future__ import annotations

from pathlib import Path

from build_scripts.lib.errors import BuildError

GUIDANCE = "The guidance"


def guidance_pages(nav: list) -> list[str]:
    """The docs files of the guidance's sections: the nav's "The guidance" entries."""
    for item in nav:
        if isinstance(item, dict) and GUIDANCE in item:
            return [p if isinstance(p, str) else next(iter(p.values())) for p in item[GUIDANCE]]
    raise BuildError(f"mkdocs.yml: the nav has no {GUIDANCE!r} section")


def page_title(path: Path) -> str:
    """A page's first heading, without its attribute list."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].split(" {#")[0].strip()
    return path.stem
