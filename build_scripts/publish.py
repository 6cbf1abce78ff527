"""`make site`: every edition of the guidance, built into one site with links that never break.

    python -m build_scripts.publish [--site-dir site] [--editions editions/editions.toml]

For each edition in ``editions/editions.toml`` (oldest first):

1. its guidance pages are rendered with the site's Markdown extensions and their citable
   paragraphs read (``guidance.paragraphs``); for the latest, every checklist citation is
   checked against them (``editions.citations``: one message naming each definition file);
   against the previous edition, an id that vanishes without a ``removed`` or ``renumbered``
   entry stops the build;
2. its docs are put together in a temporary folder: the latest edition is the whole site (its
   ``source``, usually ``docs``); an older one is its frozen guidance pages, the glossary and a
   home page of its own, without checklists. Each edition after the first gets "What changed";
3. MkDocs builds it (``mkdocs.yml`` with this edition's folder, nav and ``extra``) into
   ``site/<id>/``; the latest also into ``site/latest/``, built again, not copied, so its own
   address is its ``site_url`` (the theme's instant navigation needs that);
4. the site-level files are written (``editions.site_files``) and the change feed, ``feed.xml``
   (``editions.feed``);
5. the pipeline's site steps (``pipeline.SITE_STEPS``) run on the whole site: one set of hosting
   headers for every edition, then the offline service worker at the root: it precaches
   ``latest/``; older editions work offline only where the reader has been.

The hooks of each MkDocs build run the pipeline's edition steps (search, the Pyodide bundle for the
latest, the page policy).
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.utils.meta import get_data

from build_scripts import pipeline
from build_scripts.editions import citations, feed, site_files
from build_scripts.editions import pages as edition_pages
from build_scripts.editions.changes import Changes, compare
from build_scripts.editions.model import Edition, edition_extra, load_editions
from build_scripts.guidance.pages import GUIDANCE, guidance_pages, page_title
from build_scripts.guidance.paragraphs import Paragraph, page_paragraphs
from build_scripts.lib.errors import BuildError
from build_scripts.lib.files import copy_file, copy_tree, write_text
from build_scripts.lib.paths import DATA, DOCS, EDITIONS_FILE, LATEST, MKDOCS_YML, ROOT, SITE
from build_scripts.offline.service_worker import Layout, search_langs

log = logging.getLogger("mkdocs.publish")


def edition_nav(nav: list, pages: list[str], latest: bool, changes: bool) -> list:
    """The latest keeps the site's nav; an older edition has its guidance and glossary only."""
    what_changed = [{"What changed": edition_pages.WHAT_CHANGED}] if changes else []
    if latest:
        at = next(i for i, item in enumerate(nav) if isinstance(item, dict) and GUIDANCE in item)
        return [*nav[: at + 1], *what_changed, *nav[at + 1 :]]
    return [{"Home": "index.md"}, {GUIDANCE: pages}, *what_changed, {"Glossary": "glossary.md"}]


def _rebase(value, docs: Path):
    """Extension options that name a path under ``docs/`` point into ``docs`` instead."""
    if isinstance(value, str) and (value == "docs" or value.startswith("docs/")):
        return str(docs / value.removeprefix("docs").lstrip("/"))
    return value


def _config(docs: Path, out: Path, site_url: str) -> MkDocsConfig:
    config = load_config(
        str(ROOT / MKDOCS_YML), docs_dir=str(docs), site_dir=str(out), site_url=site_url
    )
    for options in config.mdx_configs.values():
        for key, value in options.items():
            options[key] = _rebase(value, docs)
    return config


def read_paragraphs(config: MkDocsConfig, docs: Path, pages: list[str]) -> list[Paragraph]:
    """The citable paragraphs of an edition's guidance pages, rendered as the site renders them."""
    found: list[Paragraph] = []
    for page in pages:
        md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        text, _ = get_data((docs / page).read_text(encoding="utf-8"))
        found += page_paragraphs(md.convert(text), page.removesuffix(".md") + "/")
    return found


def check_citations(edition: Edition, paragraphs: list[Paragraph]) -> None:
    """The checklists' citations against the latest edition, before any MkDocs build: one
    message naming each definition file (the pipeline checks again after each build)."""
    cited = citations.all_citations()
    found = citations.resolve(
        cited,
        paragraphs,
        label=edition.label,
        removed=edition.removed,
        renumbered=edition.renumbered,
    )
    for note in citations.renumbering_notes(cited, found, edition.label):
        log.info("Note: %s", note)


def assemble(edition: Edition, latest: bool, pages: list[str], into: Path) -> None:
    """An edition's docs folder: the whole site for the latest; guidance, glossary otherwise."""
    if latest:
        copy_tree(edition.source, into)
        return
    site_docs = ROOT / DOCS
    copy_tree(site_docs / "assets", into / "assets")
    data = edition.source / DATA if (edition.source / DATA).is_dir() else site_docs / DATA
    copy_tree(data, into / DATA)
    for page in [*pages, "glossary.md"]:
        source = edition.source / page if (edition.source / page).exists() else site_docs / page
        copy_file(source, into / page)


def build_edition(config: MkDocsConfig, extra: dict, nav: list) -> None:
    config.extra.update(extra)
    config.nav = nav
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def publish(target: Path, site_url: str, editions_file: Path) -> list[Edition]:
    """Build every edition into ``target``; raise BuildError or Abort if one cannot ship,
    leaving the site built before untouched (the new one is built beside it, then swapped in)."""
    editions = load_editions(editions_file, ROOT)
    site_url = site_url.rstrip("/") + "/"
    base = load_config(str(ROOT / MKDOCS_YML))
    base_nav = base.nav
    pages = guidance_pages(base_nav)
    site = target.with_name(f".{target.name}.new")
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="editions-") as tmp:
        paragraphs: list[list[Paragraph]] = []
        all_changes: list[Changes | None] = []
        folders = []
        for index, edition in enumerate(editions):  # 1. read and compare, before any build
            docs = Path(tmp) / edition.id
            assemble(edition, edition is editions[-1], pages, docs)
            folders.append(docs)
            paragraphs.append(read_paragraphs(_config(docs, site, site_url), docs, pages))
            if edition is editions[-1]:  # the checklists, before the edition's own checks
                check_citations(edition, paragraphs[-1])
            changes = compare(paragraphs[-2], paragraphs[-1], edition) if index else None
            all_changes.append(changes)
            if changes is not None:
                md = edition_pages.what_changed_md(edition, editions[index - 1], changes)
                write_text(docs / edition_pages.WHAT_CHANGED, md)
            if edition is not editions[-1]:
                titles = [(p, page_title(docs / p)) for p in pages]
                home = edition_pages.archive_home_md(edition, editions[-1], titles)
                write_text(docs / "index.md", home)
        write_data_files(folders, editions, paragraphs, site_url)
        latest_pages = [p.removesuffix(".md") + "/" for p in pages]
        for index, edition in enumerate(editions):  # 2. build each edition
            latest = edition is editions[-1]
            nav = edition_nav(base_nav, pages, latest, all_changes[index] is not None)
            changes = all_changes[index]
            # Every edition's pages register the site's one worker (write_worker, last), so that
            # a visited older edition is cached too.
            marks = None if changes is None else changes.marks
            extra = edition_extra(editions, index, marks, published=True)
            extra["edition_latest_pages"] = latest_pages
            for folder in [edition.id, "latest"] if latest else [edition.id]:
                config = _config(folders[index], site / folder, f"{site_url}{folder}/")
                if not latest:  # the checklists are the latest edition's
                    config.mdx_configs["build_scripts.mdx.checklist_form"]["latest_url"] = (
                        "../../latest/"
                    )
                log.info("Building %s into %s/", edition.label, folder)
                build_edition(config, extra, nav)
    write_site_files(site, editions, paragraphs)
    write_text(
        site / feed.FEED,
        feed.atom_feed(
            editions, all_changes, [len(p) for p in paragraphs], site_url, base.site_name, built()
        ),
    )
    pipeline.run_site(pipeline.Site(site, ROOT, search_langs(base), site_layout(editions)))
    shutil.rmtree(target, ignore_errors=True)
    site.rename(target)
    return editions


def write_data_files(
    folders: list[Path], editions: list[Edition], paragraphs: list, site_url: str
) -> None:
    """Each edition's JSON files, into its docs folder: built, hashed and cached like any file."""
    since = site_files.text_since(editions, paragraphs)
    for index, (docs, edition) in enumerate(zip(folders, editions, strict=True)):
        text = site_files.paragraphs_json(edition, paragraphs[index], site_url, since[index])
        write_text(docs / "paragraphs.json", text)
        if edition is editions[-1]:
            write_text(
                docs / "edition-changes.json", site_files.edition_changes(editions, paragraphs)
            )
        else:
            write_text(
                docs / "edition-map.json", site_files.edition_map(editions, index, paragraphs)
            )


def write_site_files(site: Path, editions: list[Edition], paragraphs: list) -> None:
    """versions.json, the root redirect, short links and the addresses from before editions."""
    write_text(site / "versions.json", site_files.versions_json(editions))
    write_text(site / "index.html", site_files.redirect_html("latest/", editions[-1].label))
    for path, text in site_files.short_links(editions, paragraphs).items():
        write_text(site / path, text)
    latest = site / "latest"
    page_urls = [str(p.parent.relative_to(latest)) + "/" for p in latest.rglob("index.html")]
    guidance_urls = {p.page for p in paragraphs[0]}
    legacy = site_files.legacy_redirects(editions, page_urls, guidance_urls)
    for path, text in legacy.items():
        write_text(site / path, text)
    write_text(site / "redirect.js", site_files.REDIRECT_JS)


def built() -> datetime.datetime:
    """When this build ran (``SOURCE_DATE_EPOCH`` when set, for a reproducible build)."""
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC)


def site_layout(editions: list[Edition]) -> Layout:
    """Where the editions sit for the site's one offline worker: ``latest/`` precached, the
    latest's permanent folder answered from it, older editions cached as they are visited."""
    return Layout(
        precached=f"{LATEST}/",
        permanent=editions[-1].id,
        earlier=tuple(edition.id for edition in editions[:-1]),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / SITE)
    parser.add_argument("--editions", type=Path, default=ROOT / EDITIONS_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    try:
        editions = publish(args.site_dir.resolve(), site_url, args.editions.resolve())
    except (BuildError, Abort) as error:
        log.error("%s", error)
        return 1
    log.info("Published %d edition(s) into %s", len(editions), args.site_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
