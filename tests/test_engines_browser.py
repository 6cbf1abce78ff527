"""The same journeys in Chromium, Firefox ESR and WebKitGTK (tests/engines/): one list, written
once against an engine-neutral driver, run in each engine."""

from __future__ import annotations

import pytest

from tests.engines import journeys
from tests.engines.fixtures import *  # noqa: F403 (the fixtures: engine, open_tab, drive)

pytestmark = pytest.mark.engines


def test_the_latest_page_opens_with_its_title(drive):
    drive.goto("")
    assert drive.eval("() => document.title").startswith("Home - Guidance on children")
    print(f"{drive.name} {drive.version}")
