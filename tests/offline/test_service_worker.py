"""The offline service worker: Workbox's options, a worker generated for a small folder, and the
published site's worker at its root (every file of latest/ and the root's redirects precached,
revisions of the final files, other editions' folders left to the network, nothing from a CDN)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from build_scripts.editions.model import load_editions
from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import EDITIONS_FILE, ROOT, SERVICE_WORKER
from build_scripts.offline.service_worker import (
    LUNR_LANGUAGES,
    Layout,
    generate,
    options,
    precache_manifest,
)

# Built files deliberately not precached: the worker itself, hosting configuration, the
# compressed sitemap copy, source maps, and lunr's language files (English search needs none).
NOT_PRECACHED = re.compile(
    r"^(sw\.js|(.*/)?_headers|(.*/)?sitemap\.xml\.gz|.*\.map|latest/assets/javascripts/lunr/.*)$"
)
EDITIONS = load_editions(ROOT / EDITIONS_FILE, ROOT)


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("langs", "lunr_ignored"), [(["en"], True), (["en", "de"], False), (["fr"], False)]
)
def test_lunr_language_files_are_left_out_only_for_english_search(tmp_path, langs, lunr_ignored):
    got = options(tmp_path, tmp_path / "out" / "sw.js", search_langs=langs)
    assert (LUNR_LANGUAGES in got["globIgnores"]) is lunr_ignored
    assert got["globDirectory"] == str(tmp_path) and got["globPatterns"] == ["**/*"]


def test_the_not_found_page_is_the_offline_fallback_only_if_the_site_has_one(tmp_path):
    assert options(tmp_path, tmp_path / "sw.js", search_langs=["en"])["fallbackURL"] is None
    (tmp_path / "404.html").write_text("not found")
    assert options(tmp_path, tmp_path / "sw.js", search_langs=["en"])["fallbackURL"] == "404.html"


def test_in_the_published_layout_latest_is_precached_and_edition_folders_are_left_out(tmp_path):
    (tmp_path / "latest").mkdir()
    (tmp_path / "latest" / "404.html").write_text("not found")
    layout = Layout(precached="latest/", permanent="3", earlier=("1", "2"))
    got = options(tmp_path, tmp_path / "sw.js", search_langs=["en"], layout=layout)
    assert {"3/**", "1/**", "2/**", "latest/" + LUNR_LANGUAGES} <= set(got["globIgnores"])
    assert got["fallbackURL"] == "latest/404.html"
    assert (got["permanent"], got["earlier"]) == ("3", ["1", "2"])


@pytest.mark.node  # Workbox's generator runs under Node
def test_a_published_worker_routes_edition_folders_to_the_network_and_caches(tmp_path):
    for folder in ("latest", "1", "2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(f"<p>{folder}</p>")
    layout = Layout(precached="latest/", permanent="2", earlier=("1",))
    worker = generate(tmp_path, root=ROOT, layout=layout)
    assert set(precache_manifest(worker.text)) == {"latest/index.html"}
    # The folder names are in the worker's own text (its matchers are copied in as source).
    assert '"^(?:2)/"' in worker.text and '"^(?:1)/"' in worker.text
    assert "guidance-earlier-editions" in worker.text  # visited older pages are kept
    assert '"latest/"' in worker.text  # the permanent folder is answered from latest/


@pytest.mark.node  # Workbox's generator runs under Node
def test_a_small_site_is_precached_with_content_revisions_and_the_runtime_inlined(tmp_path):
    (tmp_path / "index.html").write_text("<p>home</p>")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>a</p>")
    (tmp_path / "_headers").write_text("/*")
    worker = generate(tmp_path, root=ROOT)
    manifest = precache_manifest(worker.text)
    assert manifest == {
        "index.html": md5(tmp_path / "index.html"),
        "a/index.html": md5(tmp_path / "a" / "index.html"),
    }
    assert worker.count == 2
    assert "importScripts" not in worker.text  # Workbox's runtime is inside sw.js
    assert "SKIP_WAITING" in worker.text  # the update notice's reload
    assert not (tmp_path / "sw.js").exists()  # the caller writes it


@pytest.mark.node  # Workbox's generator runs under Node
def test_a_file_too_big_to_precache_fails_rather_than_going_missing_offline(tmp_path):
    (tmp_path / "index.html").write_text("<p>home</p>")
    (tmp_path / "big.wasm").write_bytes(b"\0" * 2048)
    with pytest.raises(BuildError, match=r"big\.wasm"):
        generate(tmp_path, root=ROOT, max_bytes=1024)


def test_the_built_site_precaches_every_file_with_the_revision_of_its_final_text(built_site):
    manifest = precache_manifest((built_site / SERVICE_WORKER).read_text("utf-8"))
    folders = {edition.id for edition in EDITIONS}
    files = {
        str(p.relative_to(built_site))
        for p in built_site.rglob("*")
        if p.is_file() and p.relative_to(built_site).parts[0] not in folders
    }
    assert set(manifest) == {f for f in files if not NOT_PRECACHED.match(f)}
    for required in [
        "index.html",  # the site's address, which redirects to latest/
        "versions.json",
        "p/2.10/index.html",
        "latest/index.html",
        "latest/assessment/index.html",
        "latest/search/search_index.json",
        "latest/sitemap.xml",  # the theme's instant navigation reads it
        "latest/assets/js/offline.js",
    ]:
        assert required in manifest
    for pattern in (r"pyodide\.asm\.wasm", r"python_stdlib\.zip", r"bundle\.json", r"\.whl"):
        assert any(re.match(rf"latest/assets/pyodide/[0-9a-f]+/.*{pattern}$", u) for u in manifest)
    # The worker ran after the Content Security Policy was written into every page.
    for url, revision in manifest.items():
        assert revision == md5(built_site / url), url


def test_the_built_worker_loads_nothing_from_another_host(built_site):
    text = (built_site / SERVICE_WORKER).read_text("utf-8")
    assert "importScripts" not in text
    # The only address in it is in a warning message of Workbox's.
    assert re.findall(r"https?://[\w./-]+", text) == ["https://bit.ly/wb-precache"]


@pytest.mark.node  # Workbox's generator runs under Node
def test_the_worker_checks_its_copy_against_its_manifest_before_workbox_runs(tmp_path):
    (tmp_path / "index.html").write_text("<p>home</p>")
    worker = generate(tmp_path, root=ROOT)
    first_line, _, rest = worker.text.partition("\n")
    # The manifest the check reads is the one Workbox precaches, hashes and all.
    assert first_line.startswith("const PRECACHE = ")
    [entry] = json.loads(first_line.removeprefix("const PRECACHE = ").rstrip(";"))
    digest = base64.b64encode(hashlib.sha384(b"<p>home</p>").digest()).decode()
    assert entry == {
        "url": "index.html",
        "revision": precache_manifest(worker.text)["index.html"],
        "integrity": f"sha384-{digest}",
    }
    # Its install and activate listeners come before Workbox's.
    check = rest.index('addEventListener("install"')
    assert check < rest.index('addEventListener("activate"') < rest.index("workbox:core")
