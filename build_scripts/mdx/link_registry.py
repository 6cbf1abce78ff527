"""Link registry: ``[text](link:KEY)`` resolves through one TOML file of the guidance's links.

The guidance as received has placeholder links (``[text](#)``). Each becomes ``link:KEY`` in
``docs/`` and an entry ``[KEY]`` with ``text``, ``url`` and ``context`` in the registry. An entry
with a url renders as a link; one without renders as plain text (never a link to ``#``), marked
``class="unresolved-link"`` for the editorial report and followed, inside it, by the site's visible
note ``(no address given)`` (``class="link-no-address"``, one of the site's words: read by screen
readers, printed, left out of search, edition comparison and the fidelity test). Both carry
``data-link-key="KEY"``. An unknown key fails the build.

Registry: treeprocessor ``link_registry``, priority 19 (right after inline patterns at 20, before
attr_list, abbr and MkDocs' own link checks).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from build_scripts.lib.files import load_toml

SCHEME = "link:"
NO_ADDRESS = "(no address given)"  # also in the checklists' notes on a quote that names one
NO_ADDRESS_CLASS = "link-no-address"


class LinkRegistryError(ValueError):
    """The registry file is malformed, or a page names a key it lacks."""


@dataclass(frozen=True)
class RegisteredLink:
    key: str
    text: str
    url: str
    context: str


def parse_registry(data: dict) -> dict[str, RegisteredLink]:
    """Check and convert the registry's TOML tables into links, by key."""
    links = {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise LinkRegistryError(f'link registry: [{key}] needs a text = "…" string')
        url = entry.get("url", "")
        if not isinstance(url, str) or (url and not url.startswith("https://")):
            raise LinkRegistryError(f"link registry: [{key}] url must be empty or https://…")
        links[key] = RegisteredLink(key, entry["text"], url, str(entry.get("context", "")))
    return links


def load_registry(path: str) -> dict[str, RegisteredLink]:
    """The registry at ``path``."""
    return parse_registry(load_toml(path))


def resolve(anchor: etree.Element, links: dict[str, RegisteredLink]) -> None:
    """Point a ``link:KEY`` anchor at its url, or turn it into marked plain text."""
    key = anchor.get("href", "")[len(SCHEME) :]
    if key not in links:
        raise LinkRegistryError(f"unknown link key {key!r}: add [{key}] to the link registry")
    link = links[key]
    if link.url:
        anchor.set("href", link.url)
        anchor.set("rel", "noreferrer")
    else:
        anchor.tag = "span"
        anchor.attrib.clear()
        anchor.set("class", "unresolved-link")
        note = etree.SubElement(anchor, "span", {"class": NO_ADDRESS_CLASS})
        note.text = f" {NO_ADDRESS}"
    anchor.set("data-link-key", key)


class LinkRegistryProcessor(Treeprocessor):
    """Resolve every ``link:`` anchor of the page."""

    def __init__(self, md: Markdown, registry: str) -> None:
        super().__init__(md)
        self.registry = registry

    def run(self, root: etree.Element) -> None:
        anchors = [a for a in root.iter("a") if a.get("href", "").startswith(SCHEME)]
        if anchors:
            links = load_registry(self.registry)
            for anchor in anchors:
                resolve(anchor, links)


class LinkRegistryExtension(Extension):
    """Register the link registry treeprocessor."""

    def __init__(self, **kwargs) -> None:
        self.config = {"registry": ["docs/_data/links.toml", "Path of the link registry TOML"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        processor = LinkRegistryProcessor(md, self.getConfig("registry"))
        md.treeprocessors.register(processor, "link_registry", 19)


def makeExtension(**kwargs) -> LinkRegistryExtension:
    return LinkRegistryExtension(**kwargs)
