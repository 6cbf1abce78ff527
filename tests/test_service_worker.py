"""The offline service worker: Workbox's options, a worker generated for a small folder, and the
built site's worker (every file precached, revisions of the final files, nothing from a CDN)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from build_scripts import service_worker
from build_scripts.service_worker import (
    LUNR_LANGUAGES,
    ServiceWorkerError,
    generate,
    options,
    precache_manifest,
)

ROOT = Path(__file__).resolve().parent.parent
# Built files deliberately not precached: the worker itself, hosting configuration, the
# compressed sitemap copy, source maps, and lunr's language files (English search needs none).
NOT_PRECACHED = re.compile(
    r"^(sw\.js|_headers|sitemap\.xml\.gz|.*\.map|assets/javascripts/lunr/.*)$"
)


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


def test_a_file_too_big_to_precache_fails_rather_than_going_missing_offline(tmp_path):
    (tmp_path / "index.html").write_text("<p>home</p>")
    (tmp_path / "big.wasm").write_bytes(b"\0" * 2048)
    with pytest.raises(ServiceWorkerError, match=r"big\.wasm"):
        generate(tmp_path, root=ROOT, max_bytes=1024)


def test_the_built_site_precaches_every_file_with_the_revision_of_its_final_text(latest_site):
    manifest = precache_manifest((latest_site / service_worker.WORKER).read_text("utf-8"))
    files = {str(p.relative_to(latest_site)) for p in latest_site.rglob("*") if p.is_file()}
    assert set(manifest) == {f for f in files if not NOT_PRECACHED.match(f)}
    for required in [
        "index.html",
        "assessment/index.html",
        "search/search_index.json",
        "sitemap.xml",  # the theme's instant navigation reads it
        "assets/pyodide/pyodide.asm.wasm",
        "assets/pyodide/python_stdlib.zip",
        "assets/pyodide/bundle.json",
        "assets/js/offline.js",
    ]:
        assert required in manifest
    assert any(url.endswith(".whl") for url in manifest)
    # The worker ran after the Content Security Policy was written into every page.
    for url, revision in manifest.items():
        assert revision == md5(latest_site / url), url


def test_the_built_worker_loads_nothing_from_another_host(latest_site):
    text = (latest_site / service_worker.WORKER).read_text("utf-8")
    assert "importScripts" not in text
    # The only address in it is in a warning message of Workbox's.
    assert re.findall(r"https?://[\w./-]+", text) == ["https://bit.ly/wb-precache"]
