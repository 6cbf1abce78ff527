"""Fixtures of the cross-engine tests: each engine launched once per module (and again should it
stop answering: ``Restarting``), a fresh private tab (``drive``) per test. Import them into a
test module: ``from tests.engines.fixtures import *``.
"""

from __future__ import annotations

import contextlib

import pytest

from devtools.engines.chromium import ChromiumDriver
from devtools.engines.firefox import FirefoxDriver, FirefoxProcess
from devtools.engines.webkit import WebKit, WebKitDriver

ENGINES = ["chromium", "firefox", "webkit"]

__all__ = ["ENGINES", "drive", "engine", "open_tab"]


class Restarting:
    """One browser process for the module, started again for the next tab once it has stopped
    answering (``unresponsive``, set by its adapter with EngineUnresponsive)."""

    def __init__(self, start, driver) -> None:
        self.start, self.driver = start, driver
        self.process = start()

    def tab(self, base_url: str):
        if self.process.unresponsive:
            print(f"{self.driver.name}: the browser stopped answering; starting it again")
            with contextlib.suppress(Exception):
                self.process.quit()
            self.process = self.start()
        return self.driver(self.process, base_url)

    def quit(self) -> None:
        self.process.quit()


@pytest.fixture(scope="module", params=ENGINES)
def engine(request):
    """A function making a fresh tab of this engine at a base URL."""
    if request.param == "chromium":
        browser = request.getfixturevalue("chromium")  # tests/conftest.py's Chromium
        yield lambda base_url: ChromiumDriver(browser, base_url)
        return
    started = Restarting(
        *{"firefox": (FirefoxProcess, FirefoxDriver), "webkit": (WebKit, WebKitDriver)}[
            request.param
        ]
    )
    yield started.tab
    started.quit()


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
