"""Installable (issue 28): the web app manifest, its icons, and Chromium's own installability check.

Chromium answers "in-incognito" for any context Playwright makes with ``new_context`` (those are
off the record), so the check runs in a persistent profile, as a practitioner's browser is."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from build_scripts.lib.paths import APP_MANIFEST, SERVICE_WORKER
from build_scripts.offline.service_worker import precache_manifest
from tests.conftest import persistent_profile
from tests.support.browser import wait_until

# The page is controlled by the worker once it has activated, which it does only once every file
# of its precache is stored.
CONTROLLED = """async () => { await navigator.serviceWorker.ready;
  return navigator.serviceWorker.controller?.state === 'activated'; }"""
SCOPE = "async () => (await navigator.serviceWorker.ready).scope"
PNG_SIZE = re.compile(rb"^\x89PNG\r\n\x1a\n....IHDR(....)(....)", re.DOTALL)


@pytest.fixture
def profile(chromium, site_root, tmp_path):
    """A persistent Chromium profile (not off the record) on the served site, workers allowed."""
    context = persistent_profile(
        chromium,
        tmp_path / "profile",
        base_url=site_root,
        service_workers="allow",
        viewport={"width": 360, "height": 740},
    )
    yield context
    context.close()


def installability_errors(page) -> list[str]:
    session = page.context.new_cdp_session(page)
    found = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    return [error["errorId"] for error in found]  # "no-manifest", "in-incognito", …


def test_chromium_finds_the_site_installable_and_the_manifest_and_worker_agree(profile, site_root):
    page = profile.pages[0] if profile.pages else profile.new_page()
    page.goto("")  # the site's address: it redirects to latest/
    page.wait_for_url("**/latest/")
    wait_until(page, CONTROLLED, timeout=120)
    assert installability_errors(page) == []
    session = profile.new_cdp_session(page)
    found = session.send("Page.getAppManifest")
    assert found["url"] == urljoin(site_root, APP_MANIFEST)
    assert not found["errors"], found["errors"]
    manifest = json.loads(found["data"])
    assert manifest["display"] == "standalone"
    # The installed app's scope is the worker's: every edition's folder is inside it.
    assert urljoin(found["url"], manifest["scope"]) == page.evaluate(SCOPE) == site_root
    assert urljoin(found["url"], manifest["start_url"]) == f"{site_root}latest/"
    # Installed, it opens at its start URL with no network: the offline copy answers.
    profile.set_offline(True)
    page.goto(urljoin(found["url"], manifest["start_url"]))
    assert page.locator("h1").first.is_visible()
    assert page.locator('link[rel="manifest"]').count() == 1


def test_the_manifest_has_the_icons_and_colours_and_the_worker_precaches_them(built_site):
    manifest = json.loads((built_site / APP_MANIFEST).read_text("utf-8"))
    assert manifest["name"] and 0 < len(manifest["short_name"]) <= 12
    assert manifest["start_url"] == manifest["id"] == "latest/"
    assert manifest["scope"] == "./"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])
    sizes = set()
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        width, height = (int.from_bytes(b, "big") for b in PNG_SIZE.match(data).groups())
        assert icon["sizes"] == f"{width}x{height}" and width == height
        sizes.add((width, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes
    precached = precache_manifest((built_site / SERVICE_WORKER).read_text("utf-8"))
    assert {APP_MANIFEST, *(icon["src"] for icon in manifest["icons"])} <= set(precached)


def test_every_page_of_every_edition_links_the_one_manifest(built_site):
    """The same manifest (one app) from every page, an older edition's too; the policy allows it."""
    missing = []
    for page in built_site.rglob("index.html"):
        html = page.read_text("utf-8")
        if 'http-equiv="refresh"' in html or "data-redirect" in html:
            continue  # the site's redirect pages
        link = re.search(r'<link rel="manifest" href="([^"]+)"', html)
        address = page.relative_to(built_site).as_posix()
        if not link or urljoin(f"/{address}", link[1]) != f"/{APP_MANIFEST}":
            missing.append(address)
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert policy and "manifest-src 'self'" in policy[1], address
    assert missing == []


def test_a_one_edition_build_has_its_manifest_beside_its_worker(tmp_path):
    """``mkdocs build`` (one edition, its own worker): the manifest starts at the edition itself."""
    from build_scripts.offline import app_manifest

    app_manifest.write(tmp_path)
    manifest = json.loads((tmp_path / APP_MANIFEST).read_text("utf-8"))
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert all((tmp_path / icon["src"]).is_file() for icon in manifest["icons"])
