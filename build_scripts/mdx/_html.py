"""Helpers the site's Markdown extensions share: building elements, linking to a paragraph."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension

SECTION_ID = re.compile(r"\{#section-(\d+)\}")


@cache
def section_pages(docs_dir: str) -> dict[str, str]:
    """Section number → the docs page that holds it, e.g. {"2": "assessment.md"}."""
    pages = {}
    for path in sorted(Path(docs_dir).glob("*.md")):
        for number in SECTION_ID.findall(path.read_text(encoding="utf-8")):
            pages[number] = path.name
    return pages


def section_href(anchor: str, docs_dir: str) -> str:
    """The docs-root link of a section by its anchor, e.g. ``/protective-carers.md#section-3``."""
    page = section_pages(docs_dir).get(anchor.removeprefix("section-"))
    if page is None:
        raise ValueError(f"no page in {docs_dir} holds {anchor}")
    return f"/{page}#{anchor}"


def paragraph_href(number: str, docs_dir: str) -> str:
    """The docs-root link of a paragraph, e.g. ``/assessment.md#2.10``."""
    page = section_pages(docs_dir).get(number.split(".")[0])
    if page is None:
        raise ValueError(f"no page in {docs_dir} holds section {number.split('.')[0]}")
    return f"/{page}#{number}"


def el(
    parent: etree.Element, tag: str, text: str = "", *, atomic: bool = False, **attrs: str
) -> etree.Element:
    """A child element; ``class_``/``for_`` and ``data_x`` keywords become ``class``/``data-x``.
    ``atomic`` text is left alone by later inline processing (e.g. no glossary ``<abbr>``)."""
    element = etree.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    )
    element.text = (AtomicString(text) if atomic else text) if text else None
    return element


class BlocksOf(BlocksExtension):
    """A Blocks extension that registers its ``BLOCKS``, each given the options in ``OPTIONS``
    (name → [default, description]), as Python-Markdown validates them."""

    OPTIONS: dict[str, tuple[str, str]] = {}  # noqa: RUF012 (a subclass sets its own)
    BLOCKS: tuple[type, ...] = ()

    def __init__(self, **kwargs) -> None:
        self.config = {name: list(option) for name, option in self.OPTIONS.items()}
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        for block in self.BLOCKS:
            block_mgr.register(block, self.getConfigs())
