"""The build's one ordered pipeline: what happens to an edition after MkDocs has written its pages,
and to the whole site once every edition is in place.

``EDITION_STEPS`` run after each MkDocs build (from ``hooks.py``), in this order:

1. citations (the latest edition, which has the checklists): every paragraph a checklist cites is
   in the edition as built, its quotes verbatim there (``editions.citations``);
2. search: an entry per numbered paragraph in the search index;
3. search worker: exact paragraph numbers, ranking and the sentence that matched in the theme's
   search worker, and a paragraph's result showing that sentence in its page script (theme
   internals);
4. editorial report (the latest edition): what the content owner must decide;
5. Python bundle (the latest edition, which has the checklists): the self-hosted Pyodide bundle,
   the checklist worker pointed at its versioned folder, and in that folder the results of every
   first answer (``first_answers``: drawn before Python is ready);
6. self-hosted: fail if any page or stylesheet loads something from another host;
7. page policy (not under ``mkdocs serve``, whose live reload injects an inline script): the
   Content Security Policy as a meta tag on every page.

``SITE_STEPS`` run once the site is complete: after a plain build (``mkdocs build``) on its
folder, or after ``make site`` has built every edition (``publish.py``) on the whole site:

1. hosting headers: ``_headers`` in the site and ``build/hosting/nginx.conf``;
2. app manifest: ``manifest.json`` and its icons beside the worker, its scope the worker's
   (``offline.app_manifest``): the site can be installed and opens offline at the latest edition;
3. offline worker: ``sw.js`` with Workbox, last, so that its precache revisions match the files.

Every step writes through ``lib.files`` and raises ``BuildError``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts.editions import citations
from build_scripts.editions.marks import mark_changes
from build_scripts.guidance import editorial_report
from build_scripts.guidance.paragraphs import Paragraph, page_paragraphs
from build_scripts.lib.errors import BuildError
from build_scripts.lib.files import load_toml, write_text
from build_scripts.lib.html_tree import Node, parse
from build_scripts.lib.paths import (
    DOCS,
    EDITORIAL_NOTES,
    GLOSSARY,
    HEADERS_FILE,
    LINK_REGISTRY,
    NGINX,
    PYODIDE_ASSETS,
    PYTHON_RUNTIME_MODULE,
    REPORT,
    SEARCH_INDEX,
    SEARCH_TERMS,
    SERVICE_WORKER,
)
from build_scripts.mdx import glossary
from build_scripts.mdx.link_registry import load_registry
from build_scripts.offline import app_manifest, service_worker
from build_scripts.pyodide_bundle import bundle, first_answers
from build_scripts.search import entries, worker_patch
from build_scripts.security import csp, headers, offsite

log = logging.getLogger("mkdocs.guidance")


@dataclass
class EditionBuild:
    """One MkDocs build of one edition, and what its pages told the pipeline on the way."""

    site: Path  # the edition's built folder
    docs: Path  # its docs folder
    root: Path  # the project folder (node_modules, calculators, build/)
    edition: str  # its label
    latest: bool  # the edition in force (the one with checklists)
    serving: bool  # under ``mkdocs serve``
    marks: dict[str, str] = field(default_factory=dict)  # paragraph id → "changed" | "added"
    removed: tuple[str, ...] = ()  # the edition's `removed` ids of the previous edition
    renumbered: dict[str, str] = field(default_factory=dict)  # its [edition.renumbered]
    paragraphs: list[Paragraph] = field(default_factory=list)  # its citable units, as built
    search_entries: dict[str, list[dict]] = field(default_factory=dict)
    report_items: list[editorial_report.Item] = field(default_factory=list)
    _built: dict[Path, tuple[str, Node]] = field(default_factory=dict, repr=False)

    def built_pages(self) -> dict[Path, tuple[str, Node]]:
        """Each built page of the edition, its HTML and its tree: read and parsed once, for the
        steps that check them (self-hosted, page policy)."""
        if not self._built:
            for path in sorted(self.site.rglob("*.html")):
                text = path.read_text(encoding="utf-8")
                self._built[path] = (text, parse(text))
        return self._built

    used_link_keys: set[str] = field(default_factory=set)
    search_as_shipped: bool = False  # make bench's comparison: none of the site's search work

    def glossary_terms(self) -> list[glossary.Term]:
        """The edition's glossary (its docs folder's, else the project's): for search entries."""
        for docs in (self.docs, self.root / DOCS):
            if (path := docs / GLOSSARY).is_file():
                return glossary.load_terms(str(path))
        return []

    def site_search_terms(self) -> list[entries.SearchTerm]:
        """The edition's search terms beside the glossary (its docs folder's, else the site's)."""
        for docs in (self.docs, self.root / DOCS):
            if (path := docs / SEARCH_TERMS).is_file():
                return entries.load_search_terms(path)
        return []

    def search_terms(self) -> entries.Groups:
        """The names found as each other: the glossary's and the site's search terms."""
        return entries.groups(self.glossary_terms(), self.site_search_terms())

    def read_page(self, page_html: str, page_url: str, what_changed: str) -> str:
        """Collect a page's search entries and editorial items; mark its changed paragraphs."""
        terms = self.glossary_terms()
        page = parse(page_html)  # once: every reader below takes the tree
        found = entries.paragraph_entries(page, page_url, self.search_terms())
        if 'class="glossary"' in page_html:
            found += entries.glossary_entries(terms, page_url, self.site_search_terms())
        self.search_entries[page_url] = found
        self.paragraphs.extend(page_paragraphs(page, page_url))
        self.report_items.extend(editorial_report.page_items(page, page_url))
        self.used_link_keys.update(editorial_report.used_link_keys(page))
        if self.search_as_shipped:  # the theme indexes every word under its heading
            page_html = page_html.replace(' data-search-exclude=""', "")
            page_html = page_html.replace(" data-search-exclude", "")
        return mark_changes(page_html, self.marks, what_changed) if self.marks else page_html


@dataclass(frozen=True)
class Site:
    """A complete site: a plain build's folder, or the published site with every edition."""

    folder: Path
    root: Path
    search_langs: list[str]
    layout: service_worker.Layout = field(default_factory=service_worker.Layout)


# Edition steps ---------------------------------------------------------------------------------


def checklist_citations(build: EditionBuild) -> None:
    citations.resolve(
        citations.all_citations(),
        build.paragraphs,
        label=build.edition,
        removed=build.removed,
        renumbered=build.renumbered,
    )


def search_index(build: EditionBuild) -> None:
    path = build.site / SEARCH_INDEX
    index = entries.add_entries(json.loads(path.read_text("utf-8")), build.search_entries)
    index = entries.weigh(entries.name_entries(index, build.search_terms()))
    write_text(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))


def search_worker(build: EditionBuild) -> None:
    workers = worker_patch.worker_files(build.site)
    if not workers:
        raise BuildError("The theme's search worker was not found in the built site.")
    for worker in workers:
        write_text(worker, worker_patch.patch_worker(worker.read_text(encoding="utf-8")))
    panels = worker_patch.panel_files(build.site)
    if not panels:
        raise BuildError("The theme's page script (bundle.*.min.js) was not found in the site.")
    for panel in panels:
        write_text(panel, worker_patch.patch_panel(panel.read_text(encoding="utf-8")))


def report(build: EditionBuild) -> None:
    registry = load_registry(build.docs / LINK_REGISTRY)
    standing = build.docs / EDITORIAL_NOTES
    items = [
        *build.report_items,
        *editorial_report.registry_items(registry, build.used_link_keys),
        *editorial_report.standing_items(load_toml(standing) if standing.exists() else {}),
    ]
    write_text(build.root / REPORT, editorial_report.render(items, build.edition))
    log.info("Editorial report: %d item(s) in %s", len(items), REPORT)


def python_bundle(build: EditionBuild) -> None:
    module = build.site / PYTHON_RUNTIME_MODULE
    key = bundle.bundle_key(build.root, renumbered=build.renumbered)
    made = bundle.build_bundle(
        build.site / PYODIDE_ASSETS / key, root=build.root, renumbered=build.renumbered
    )
    write_text(module, bundle.versioned_worker(module.read_text("utf-8"), key))
    log.info("Pyodide bundle: %(key)s/%(wheel)s (cached: %(cached)s, %(seconds).1f s)", made)
    computed = first_answers.write(build.site / PYODIDE_ASSETS / key)
    log.info("First answers: %d results computed at build time", computed)


def self_hosted(build: EditionBuild) -> None:
    trees = {path: page for path, (_, page) in build.built_pages().items()}
    if problems := offsite.scan_site(build.site, trees):
        listing = "; ".join(f"{page}: {', '.join(found)}" for page, found in problems.items())
        raise BuildError(f"Assets from another host (every asset must be self-hosted): {listing}")


def page_policy(build: EditionBuild) -> None:
    pages = build.built_pages()
    found = {str(p.relative_to(build.site)): csp.unhashable(t) for p, (_, t) in pages.items()}
    if bad := {page: handlers for page, handlers in found.items() if handlers}:
        raise BuildError(f"Inline scripts no policy hash can allow (move them to a file): {bad}")
    policy = csp.policy(csp.site_hashes(page for _, page in pages.values()))
    for path, (text, _) in pages.items():
        write_text(path, csp.with_meta(text, policy))
    log.info("Content Security Policy on %d pages", len(pages))
    pages.clear()  # the files have changed: read again if asked again


# Site steps ------------------------------------------------------------------------------------


def hosting_headers(site: Site) -> None:
    pages = (page.read_text(encoding="utf-8") for page in site.folder.rglob("*.html"))
    policy = csp.policy(csp.hashes_allowed(pages), header=True)
    write_text(site.folder / HEADERS_FILE, headers.headers_file(policy))
    write_text(site.root / NGINX, headers.nginx_snippet(policy))


def installable(site: Site) -> None:
    app_manifest.write(site.folder, precached=site.layout.precached)


def offline_worker(site: Site) -> None:
    worker = service_worker.generate(
        site.folder, root=site.root, search_langs=site.search_langs, layout=site.layout
    )
    write_text(site.folder / SERVICE_WORKER, worker.text)
    log.info("Service worker: %d files (%.1f MB) precached", worker.count, worker.size / 1e6)


EditionStep = tuple[str, Callable[[EditionBuild], bool], Callable[[EditionBuild], None]]
ALWAYS = lambda build: True  # noqa: E731
EDITION_STEPS: tuple[EditionStep, ...] = (
    ("citations", lambda build: build.latest, checklist_citations),
    ("search", lambda build: not build.search_as_shipped, search_index),
    ("search worker", lambda build: not build.search_as_shipped, search_worker),
    ("editorial report", lambda build: build.latest, report),
    ("Python bundle", lambda build: build.latest, python_bundle),
    ("self-hosted", ALWAYS, self_hosted),
    ("page policy", lambda build: not build.serving, page_policy),
)
SITE_STEPS: tuple[tuple[str, Callable[[Site], None]], ...] = (
    ("hosting headers", hosting_headers),
    ("app manifest", installable),  # before the worker, which precaches it and its icons
    ("offline worker", offline_worker),  # last: it records every file's final revision
)


def run_edition(build: EditionBuild) -> None:
    """The edition steps, in order; a failing step's ``BuildError`` names the step."""
    for name, applies, step in EDITION_STEPS:
        if applies(build):
            _run(name, step, build)


def run_site(site: Site) -> None:
    """The site steps, in order, once the site is complete."""
    for name, step in SITE_STEPS:
        _run(name, step, site)


def _run(name: str, step: Callable, target: EditionBuild | Site) -> None:
    try:
        step(target)
    except BuildError as error:
        raise BuildError(f"{name}: {error}") from error
