"""The assessment pathway: Section 2's stages and decision points as an SVG drawn at build time.

``/// pathway`` renders, from ``docs/_data/pathway.toml``, an inline SVG (one column, so it
scales down to 320 px without sideways scrolling; each decision point a keyboard-focusable link to
its paragraph) followed by its full text alternative: an ordered list of every decision point
with its paragraph link, summary and checklist link. No script, nothing from another host.

Registry: block ``pathway`` in pymdownx's Blocks API.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from build_scripts.lib.files import load_toml
from build_scripts.mdx._html import el as element
from build_scripts.mdx._html import paragraph_href
from calculators import load_checklist

WIDTH, PAD, BOX_W, LINE = 340, 12, 316, 17
SVG = "http://www.w3.org/2000/svg"


def _el(parent: etree.Element, tag: str, text: str = "", **attrs: str) -> etree.Element:
    # Atomic: no glossary <abbr> inside SVG text, where it would not render.
    return element(parent, tag, text, atomic=True, **attrs)


def _numbers(point: dict) -> str:
    first, last = point["paragraphs"][0], point["paragraphs"][-1]
    return first if first == last else f"{first}\u2013{last}"  # en dash


def _href(point: dict, docs: str) -> str:
    return paragraph_href(point["paragraphs"][0], docs)


def _draw(stages: list[dict], docs: str) -> etree.Element:
    """The diagram: stage bands, a box per decision point, arrows between boxes."""
    svg = etree.Element(
        "svg",
        {
            "xmlns": SVG,
            "class": "pathway__svg",
            "role": "group",
            "aria-labelledby": "pathway-title pathway-desc",
        },
    )
    _el(svg, "title", "Assessment pathway", id="pathway-title")
    _el(
        svg,
        "desc",
        "The three stages of the assessment and the decision points the guidance "
        "names, each a link to its paragraph. The same content follows as a list.",
        id="pathway-desc",
    )
    defs = _el(svg, "defs")
    marker = _el(
        defs,
        "marker",
        id="pathway-arrow",
        viewBox="0 0 10 10",
        refX="5",
        refY="9",
        markerWidth="7",
        markerHeight="7",
        orient="auto",
    )
    _el(marker, "path", d="M0,0 L10,0 L5,9 z", class_="pathway__arrowhead")
    y = PAD
    for stage in stages:
        _el(
            svg,
            "rect",
            x=str(PAD),
            y=str(y),
            width=str(BOX_W),
            height="30",
            rx="4",
            class_="pathway__stage",
        )
        link = _el(svg, "a", href=stage["anchor"], class_="pathway__link")
        _el(
            link,
            "text",
            stage["title"],
            x=str(WIDTH // 2),
            y=str(y + 20),
            class_="pathway__stage-text",
        )
        y += 42
        for i, point in enumerate(stage["point"]):
            lines = textwrap.wrap(point["label"], 30)
            height = 30 + LINE * len(lines)
            link = _el(svg, "a", href=_href(point, docs), class_="pathway__link")
            _el(
                link,
                "rect",
                x=str(PAD + 14),
                y=str(y),
                width=str(BOX_W - 28),
                height=str(height),
                rx="6",
                class_="pathway__box",
            )
            # One text element, a line per tspan; the spaces between them make the link's name.
            text = _el(link, "text", class_="pathway__label")
            for n, line in enumerate([*lines, f"paragraph {_numbers(point)}"]):
                span = _el(text, "tspan", line, x=str(WIDTH // 2), y=str(y + 20 + LINE * n))
                span.tail = AtomicString(" ")
                if n == len(lines):
                    span.set("class", "pathway__para")
            y += height
            if i < len(stage["point"]) - 1:
                _el(
                    svg,
                    "line",
                    x1=str(WIDTH // 2),
                    y1=str(y + 2),
                    x2=str(WIDTH // 2),
                    y2=str(y + 16),
                    class_="pathway__arrow",
                    marker_end="url(#pathway-arrow)",
                )
            y += 20
        y += 8
    svg.set("viewBox", f"0 0 {WIDTH} {y}")
    return svg


def _text_alternative(parent: etree.Element, stages: list[dict], docs: str) -> None:
    listing = _el(parent, "ol", class_="pathway__list")
    for stage in stages:
        item = _el(listing, "li")
        heading = _el(item, "p", class_="pathway__list-stage")
        _el(heading, "a", stage["title"], href=stage["anchor"])
        points = _el(item, "ol", class_="pathway__points")
        for point in stage["point"]:
            entry = _el(points, "li")
            title = _el(entry, "p")
            _el(title, "strong", point["label"])
            title[-1].tail = AtomicString(" (")
            _el(title, "a", f"paragraph {_numbers(point)}", href=_href(point, docs))
            title[-1].tail = AtomicString(")")
            _el(entry, "p", point["summary"])
            if point.get("checklist"):
                checklist = load_checklist(point["checklist"])
                use = _el(entry, "p")
                _el(
                    use,
                    "a",
                    f"Use the checklist: {checklist.title}",
                    href=f"/checklists/{checklist.id}.md",
                )


class PathwayBlock(Block):
    """``/// pathway``: the diagram and its text alternative."""

    NAME = "pathway"
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        stages = load_toml(self.config["data"])["stage"]
        docs = self.config["docs_dir"]
        box = _el(parent, "div", class_="pathway")
        figure = _el(box, "figure", class_="pathway__figure")
        figure.append(_draw(stages, docs))
        _el(
            figure,
            "figcaption",
            "The assessment pathway. A summary only: the paragraphs are "
            "the guidance. The same steps as a list follow.",
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
