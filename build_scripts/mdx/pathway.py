"""The assessment pathway: Section 2's stages and steps as HTML boxes and CSS, built at build time.

``/// pathway`` renders, from ``docs/_data/pathway.toml``, a diagram made of ordinary HTML (an
ordered list of stages, each an ordered list of step boxes; the arrows between them are CSS, hidden
from assistive technology), so every link in it is a plain ``<a>`` that the theme's instant
navigation can follow. One column, so it fits 320 px without sideways scrolling. Then its text
alternative: an ordered list of the same steps, naming and linking the same paragraphs, each with
its summary and checklist links. No script, nothing from another host.

Registry: block ``pathway`` in pymdownx's Blocks API.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from build_scripts.lib.files import load_toml
from build_scripts.mdx._html import el as element
from build_scripts.mdx._html import paragraph_href
from calculators import load_checklist

LEGEND = (
    "Labels in the boxes are the site's summary, not the guidance's words: "
    "follow the paragraph links for what the guidance says."
)


def _el(parent: etree.Element, tag: str, text: str = "", **attrs: str) -> etree.Element:
    # Atomic: the site's labels get no glossary <abbr>; they are not the guidance's text.
    return element(parent, tag, text, atomic=True, **attrs)


def _tail(node: etree.Element, text: str) -> None:
    node.tail = AtomicString(text)


def _paragraph_links(parent: etree.Element, point: dict, docs: str, css: str = "") -> None:
    """``paragraph 2.16`` or ``paragraphs 2.9, 2.10``: every number its own link."""
    numbers = point["paragraphs"]
    parent.text = AtomicString("paragraph " if len(numbers) == 1 else "paragraphs ")
    for i, number in enumerate(numbers):
        link = _el(parent, "a", number, href=paragraph_href(number, docs))
        if css:
            link.set("class", css)
        _tail(link, ", " if i < len(numbers) - 1 else "")


def _checklist_links(parent: etree.Element, point: dict, css: str) -> None:
    for checklist_id in point.get("checklists", []):
        checklist = load_checklist(checklist_id)
        _el(
            _el(parent, "p", class_=css),
            "a",
            f"Use the checklist: {checklist.title}",
            href=f"/checklists/{checklist.id}.md",
        )


def _stage_title(parent: etree.Element, stage: dict, css: str) -> None:
    title = _el(parent, "p", class_=css)
    _el(title, "a", stage["title"], href=stage["anchor"])
    if stage.get("site_title"):
        _el(title, "span", " (the site's heading)", class_="pathway__site")


def _draw(stages: list[dict], docs: str) -> etree.Element:
    """The diagram: a box per stage holding a box per step, with arrows drawn by CSS."""
    diagram = _el(parent := etree.Element("div"), "ol", class_="pathway__diagram")
    for stage in stages:
        item = _el(diagram, "li", class_="pathway__stage")
        _stage_title(item, stage, "pathway__stage-title")
        steps = _el(item, "ol", class_="pathway__steps")
        for point in stage["point"]:
            decision = " pathway__step--decision" if point.get("condition") else ""
            box = _el(steps, "li", class_=f"pathway__step{decision}")
            if point.get("condition"):
                condition = _el(box, "p", class_="pathway__condition")
                _el(condition, "span", "If: ", class_="pathway__if")
                _tail(condition[-1], point["condition"])
            _el(box, "p", point["label"], class_="pathway__label")
            if point.get("exception"):
                _el(box, "p", f"\u2026 {point['exception']}", class_="pathway__exception")
            _paragraph_links(_el(box, "p", class_="pathway__paras"), point, docs, "pathway__para")
            _checklist_links(box, point, "pathway__use")
    return parent[0]


def _text_alternative(parent: etree.Element, stages: list[dict], docs: str) -> None:
    listing = _el(parent, "ol", class_="pathway__list")
    for stage in stages:
        item = _el(listing, "li")
        _stage_title(item, stage, "pathway__list-stage")
        points = _el(item, "ol", class_="pathway__points")
        for point in stage["point"]:
            entry = _el(points, "li")
            title = _el(entry, "p")
            if point.get("condition"):
                _el(title, "span", f"If: {point['condition']} ")
            label = point["label"]
            if point.get("exception"):
                label = f"{label}, {point['exception']}"
            _el(title, "strong", label)
            _tail(title[-1], " (")
            refs = _el(title, "span")
            _paragraph_links(refs, point, docs)
            _tail(refs, ")")
            _el(entry, "p", point["summary"])
            _checklist_links(entry, point, "pathway__list-use")


class PathwayBlock(Block):
    """``/// pathway``: the diagram and its text alternative."""

    NAME = "pathway"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        stages = load_toml(self.config["data"])["stage"]
        docs = self.config["docs_dir"]
        box = _el(parent, "div", class_="pathway")
        figure = _el(box, "figure", class_="pathway__figure", aria_labelledby="pathway-caption")
        _el(figure, "p", LEGEND, class_="pathway__legend")
        figure.append(_draw(stages, docs))
        _el(
            figure,
            "figcaption",
            "The assessment pathway, a summary only: the paragraphs are the guidance. "
            "The same steps follow as a list.",
            id="pathway-caption",
        )
        _el(box, "h2", "The pathway as a list", id="the-pathway-as-a-list")
        _text_alternative(box, stages, docs)
        return box


class PathwayExtension(BlocksExtension):
    """Register the pathway block."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "data": ["docs/_data/pathway.toml", "The pathway's data file"],
            "docs_dir": ["docs", "The docs folder (to find each section's page)"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(PathwayBlock, self.getConfigs())


def makeExtension(**kwargs) -> PathwayExtension:
    return PathwayExtension(**kwargs)
