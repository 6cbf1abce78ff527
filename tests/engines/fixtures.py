"""Fixtures of the cross-engine tests: each engine launched once per module, a fresh private
tab (``drive``) per test. Import them into a test module: ``from tests.engines.fixtures import *``.
"""

from __future__ import annotations

import pytest

from build_scripts.tools.engines.chromium import ChromiumDriver
from build_scripts.tools.engines.firefox import FirefoxDriver, FirefoxProcess
from build_scripts.tools.engines.webkit import WebKit, WebKitDriver

ENGINES = ["chromium", "firefox", "webkit"]

__all__ = ["ENGINES", "drive", "engine", "open_tab"]


@pytest.fixture(scope="module", params=ENGINES)
def engine(request):
    """A function making a fresh tab of this engine at a base URL."""
    if request.param == "chromium":
        browser = request.getfixturevalue("chromium")  # tests/conftest.py's Chromium
        yield lambda base_url: ChromiumDriver(browser, base_url)
    elif request.param == "firefox":
        firefox = FirefoxProcess()
        yield lambda base_url: FirefoxDriver(firefox, base_url)
        firefox.quit()
    else:
        webkit = WebKit()
        yield lambda base_url: WebKitDriver(webkit, base_url)
        webkit.quit()


@pytest.fixture
def open_tab(engine):
    """Open fresh tabs at any base URL (closed after the test)."""
    tabs = []

    def open_(base_url: str):
        tabs.append(engine(base_url))
        return tabs[-1]

    yield open_
    for tab in tabs:
        tab.close()


@pytest.fixture
def drive(open_tab, site_url):
    """A fresh tab of the engine on the latest edition (tests/conftest.py's ``site_url``)."""
    return open_tab(site_url)
