"""A small HTML tree for reading built pages: text of elements, found by id or class.

The standard library's HTMLParser, so hooks and tests need nothing beyond Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, match: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.iter() if match(node)]

    def text(self, skip: Callable[[Node], bool] = lambda n: False) -> str:
        """The node's text, whitespace collapsed, leaving out elements where ``skip`` is true."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                elif not skip(child):
                    walk(child)
                    if child.tag in {"p", "li", "dt", "dd", "div", "h1", "h2", "h3", "br"}:
                        parts.append(" ")

        walk(self)
        return re.sub(r"\s+", " ", "".join(parts)).strip()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Node:
    """Parse an HTML document or fragment into a tree of Nodes."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


# A page as a step reads it: its HTML, or its tree when a caller has parsed it already (each page
# is parsed once per build stage: pipeline.EditionBuild.read_page, EditionBuild.built_pages).
Page = str | Node


def tree(page: Page) -> Node:
    """The page's tree: parsed here only if the caller has not parsed it."""
    return page if isinstance(page, Node) else parse(page)
