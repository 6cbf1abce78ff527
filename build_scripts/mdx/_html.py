"""Helpers the site's Markdown extensions share: building elements, linking to a paragraph."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path

from markdown.util import AtomicString

SECTION_ID = re.compile(r"\{#section-(\d+)\}")


@cache
def section_pages(docs_dir: str) -> dict[str, str]:
    """Section number → the docs page that holds it, e.g. {"2": "assessment.md"}."""
    pages = {}
    for path in sorted(Path(docs_dir).glob("*.md")):
        for number in SECTION_ID.findall(path.read_text(encoding="utf-8")):
            pages[number] = path.name
    return pages


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
