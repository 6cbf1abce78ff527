"""Shared fixtures: the site built once per test session, and served on loopback when needed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


def publish(out: Path, port: int, editions: Path | None = None) -> subprocess.CompletedProcess:
    """``make site``'s build (every edition, strict) into ``out``, for serving on ``port``."""
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "build_scripts.publish", "--site-dir", str(out)]
    args += ["--editions", str(editions)] if editions else []
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The whole site (every edition), built as ``make site`` builds it, in a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = publish(out, site_port)
    assert result.returncode == 0, f"the build failed:\n{result.stderr[-4000:]}"
    return out


@pytest.fixture(scope="session")
def latest_site(built_site) -> Path:
    """The latest edition's folder of the built site (what ``site_url`` serves)."""
    return built_site / "latest"


@pytest.fixture(scope="session")
def site_root(built_site, site_port):
    """The built site served on loopback (the same server as `make serve` uses for MIME types)."""
    from build_scripts.serve import serve_in_thread

    server = serve_in_thread(built_site, site_port)
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site_root):
    """The latest edition's address: where pages, checklists and search are tested."""
    return f"{site_root}latest/"


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

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


@pytest.fixture
def page(context):
    return context.new_page()


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in item.nodeid.split("::")[0]:
            item.add_marker(pytest.mark.browser)
