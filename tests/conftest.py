"""Shared fixtures: the site built once per test session, and served on loopback when needed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import fast_loop
from tests.support.site import free_port, publish

# While working on the browser tests: TEST_BUILT_SITE=<folder>:<port> reuses a site already built
# with SITE_URL=http://127.0.0.1:<port>/ (make test never sets it: it builds from scratch).
PREBUILT = os.environ.get("TEST_BUILT_SITE", "")


@pytest.fixture(scope="session")
def site_port() -> int:
    return int(PREBUILT.rpartition(":")[2]) if PREBUILT else free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The whole site (every edition), built as ``make site`` builds it, in a temporary folder."""
    if PREBUILT:
        return Path(PREBUILT.rpartition(":")[0])
    out = tmp_path_factory.mktemp("site")
    result = publish(out, site_port)
    assert result.returncode == 0, f"the build failed:\n{result.stderr[-4000:]}"
    from tests.support.nginx import keep_snippet

    keep_snippet(out)  # the editions tests build other sites later in the session
    return out


@pytest.fixture(scope="session")
def latest_site(built_site) -> Path:
    """The latest edition's folder of the built site (what ``site_url`` serves)."""
    return built_site / "latest"


@pytest.fixture(scope="session")
def site_root(built_site, site_port):
    """The built site served on loopback by devtools/serve.py (MIME types, _headers' headers)."""
    from devtools.serve import serve_in_thread

    server = serve_in_thread(built_site, site_port)
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_root(built_site):
    """The built site served by Debian's nginx with the generated hosting snippet."""
    from tests.support.nginx import NginxServer

    server = NginxServer(built_site, free_port())
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.server_close()


@pytest.fixture(scope="session")
def site_url(site_root):
    """The latest edition's address: where pages, checklists and search are tested."""
    return f"{site_root}latest/"


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from tests.support.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def service_workers() -> str:
    """Playwright's ``service_workers`` for ``context``: blocked unless a module overrides this
    fixture with "allow" (the offline and privacy tests), so that the other tests see only what
    the page itself requests, not the worker precaching the site in the background."""
    return "block"


@pytest.fixture
def context(chromium, site_url, service_workers):
    """A fresh browser context that records every request it makes."""
    context = chromium.new_context(
        base_url=site_url,
        viewport={"width": 1280, "height": 900},
        service_workers=service_workers,
    )
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield context
    context.close()


def persistent_profile(chromium, folder, **options):
    """A persistent Chromium profile in ``folder`` (not off the record): the browser of a
    returning practitioner. ``options`` as Playwright's context's; close it when done."""
    from devtools.chromium import ARGS, CHROMIUM

    return chromium.browser_type.launch_persistent_context(
        str(folder), executable_path=str(CHROMIUM), args=ARGS, **options
    )


@pytest.fixture
def profile(chromium, site_url, tmp_path):
    """A persistent profile, as a returning practitioner's browser (an incognito context's memory
    cache keeps no 8 MB wasm)."""
    context = persistent_profile(
        chromium, tmp_path / "profile", base_url=site_url, service_workers="block"
    )
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


# A test's markers come from what it uses: ``make test-fast`` runs what needs none of these.
# Building a site runs Node (the service worker's generator, the Pyodide bundle's compiler).
NEEDS = {
    "chromium": ("browser",),
    "built_site": ("site", "build", "node"),
    "two_editions": ("build", "node"),  # tests/test_publish.py: a second edition, built
    "scripted_edition": ("build", "node"),  # tests/editions/test_scripted_edition.py
    "node_run": ("node",),
    "nginx_root": ("nginx",),
}


def pytest_configure(config):
    if os.environ.get("TEST_FAST") == "1":  # make test-fast: a test that starts one fails loudly
        fast_loop.install()


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, markers in NEEDS.items():
            if fixture in item.fixturenames:
                for marker in markers:
                    item.add_marker(getattr(pytest.mark, marker))
