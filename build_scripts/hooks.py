"""MkDocs hooks of the guidance site: thin orchestration of the pure functions in build_scripts.

- on_config: unless ``build_scripts.publish`` is building every edition (and says which one), this
  build is the latest edition of ``editions/editions.toml`` (``mkdocs serve``);
- on_page_content: collect each page's paragraph search entries and editorial items; mark the
  paragraphs this edition changed;
- on_post_build (after the search plugin), in order:
  1. add the paragraph entries to the search index; make the search worker match paragraph
     numbers exactly;
  2. (the latest edition) write the editorial report to ``reports/editorial-report.md``;
  3. (the latest edition, which has the checklists) build the self-hosted Pyodide bundle
     (runtime, trimmed precompiled stdlib and wheel) into ``assets/pyodide/<key>/`` (cached in
     ``build/pyodide-cache/``) and point the checklist worker at that folder;
  4. fail if any page or stylesheet loads something from another host;
  5. (not under ``mkdocs serve``, whose live reload injects an inline script) put the Content
     Security Policy on every page and write the hosting headers: ``_headers`` in the site and
     ``build/hosting/nginx.conf``;
  6. (not under ``mkdocs serve``) generate the offline service worker ``sw.js`` with Workbox,
     last, so that its precache revisions match the final files.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from build_scripts import (
    csp,
    edition_marks,
    editorial_report,
    offsite,
    pyodide_bundle,
    search_numbers,
    search_paragraphs,
    service_worker,
)
from build_scripts.data_files import load_toml
from build_scripts.editions import EDITIONS_FILE, edition_extra, load_editions
from build_scripts.mdx.link_registry import load_registry

log = logging.getLogger("mkdocs.hooks.guidance")
REPORT = Path("reports/editorial-report.md")
NGINX = Path("build/hosting/nginx.conf")

_search_entries: dict[str, list[dict]] = {}
_items: list[editorial_report.Item] = []
_used_keys: set[str] = set()
_serving = False


def write_text(path: Path, text: str) -> None:
    """The one place the hooks write files (tests replace it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _extension_config(config, name: str) -> dict:
    return config["mdx_configs"].get(f"build_scripts.mdx.{name}", {})


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    """The latest edition's metadata, when no publish run has set an edition."""
    if "edition_id" not in config["extra"]:
        root = Path(config["config_file_path"]).resolve().parent
        editions = load_editions(root / EDITIONS_FILE, root)
        config["extra"].update(edition_extra(editions, len(editions) - 1, published=False))
    return config


def _latest(config) -> bool:
    return config["extra"]["edition_is_latest"]


def on_pre_build(config) -> None:
    _search_entries.clear()
    _items.clear()
    _used_keys.clear()


def on_page_content(html: str, page, config, files) -> str:
    _search_entries[page.url] = search_paragraphs.paragraph_entries(html, page.url)
    _items.extend(editorial_report.page_items(html, page.url))
    _used_keys.update(editorial_report.used_link_keys(html))
    if marks := config["extra"]["edition_marks"]:
        what_changed = get_relative_url("what-changed/", page.url)
        html = edition_marks.mark_changes(html, marks, what_changed)
    return html


def _search(site: Path) -> None:
    index_path = site / "search" / "search_index.json"
    index = search_paragraphs.add_entries(
        json.loads(index_path.read_text("utf-8")), _search_entries
    )
    write_text(index_path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))
    workers = search_numbers.worker_files(site)
    if not workers:
        raise PluginError("The theme's search worker was not found in the built site.")
    for worker in workers:
        write_text(worker, search_numbers.patch_worker(worker.read_text(encoding="utf-8")))


def _report(config) -> None:
    registry = load_registry(_extension_config(config, "link_registry")["registry"])
    standing = Path(config["docs_dir"]) / "_data" / "editorial.toml"
    items = [
        *_items,
        *editorial_report.registry_items(registry, _used_keys),
        *editorial_report.standing_items(load_toml(standing) if standing.exists() else {}),
    ]
    write_text(REPORT, editorial_report.render(items, config["extra"]["edition"]))
    log.info("Editorial report: %d item(s) in %s", len(items), REPORT)


def _bundle(config) -> None:
    site = Path(config["site_dir"])
    root = Path(config["config_file_path"]).resolve().parent
    worker = site / "assets" / "js" / "checklist-worker.js"
    try:
        key = pyodide_bundle.bundle_key(root)
        bundle = pyodide_bundle.build_bundle(site / "assets" / "pyodide" / key, root=root)
        write_text(worker, pyodide_bundle.versioned_worker(worker.read_text("utf-8"), key))
    except pyodide_bundle.BundleError as error:
        raise PluginError(f"Pyodide bundle: {error}") from error
    log.info("Pyodide bundle: %(key)s/%(wheel)s (cached: %(cached)s, %(seconds).1f s)", bundle)


def _self_contained(site: Path) -> None:
    problems = offsite.scan_site(site)
    if problems:
        listing = "; ".join(f"{page}: {', '.join(found)}" for page, found in problems.items())
        raise PluginError(f"Assets from another host (every asset must be self-hosted): {listing}")


def _security(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    found = {str(p.relative_to(site)): csp.unhashable(t) for p, t in texts.items()}
    if bad := {page: handlers for page, handlers in found.items() if handlers}:
        raise PluginError(f"Inline scripts no policy hash can allow (move them to a file): {bad}")
    hashes = {csp.script_hash(s) for text in texts.values() for s in csp.inline_scripts(text)}
    meta_policy = csp.policy(hashes)
    for page, text in texts.items():
        write_text(page, csp.with_meta(text, meta_policy))
    header_policy = csp.policy(hashes, header=True)
    write_text(site / "_headers", csp.headers_file(header_policy))
    write_text(NGINX, csp.nginx_snippet(header_policy))
    log.info(
        "Content Security Policy on %d pages (%d inline script hashes)", len(pages), len(hashes)
    )


def _offline(config) -> None:
    site = Path(config["site_dir"])
    try:
        worker = service_worker.generate(
            site,
            root=Path(config["config_file_path"]).resolve().parent,
            search_langs=service_worker.search_langs(config),
        )
    except service_worker.ServiceWorkerError as error:
        raise PluginError(f"Service worker: {error}") from error
    write_text(site / service_worker.WORKER, worker.text)
    log.info(
        "Service worker: %d files (%.1f MB) precached for offline use",
        worker.count,
        worker.size / 1e6,
    )


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    _search(site)
    if _latest(config):
        _report(config)
        _bundle(config)
    _self_contained(site)
    if _serving:
        log.info(
            "make serve: no Content Security Policy (live reload injects a script); "
            "make site applies it; no service worker either (it would serve stale pages)"
        )
    else:
        _security(site)
        if not config["extra"]["edition_published"]:  # else publish writes the site's worker
            _offline(config)  # last: it records the revision of every file as finally written


def on_serve(server, config, builder):
    """Live reload also when a checklist definition or the calculators change."""
    server.watch(str(Path(config["config_file_path"]).parent / "calculators"))
    return server
