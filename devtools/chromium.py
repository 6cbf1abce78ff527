"""Debian's Chromium, driven by Playwright, for the browser tests and ``make bench``."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries Google's hosts, which this network refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def launch(playwright, **options):
    """Debian's Chromium, headless; fails loudly if missing (make test installs it)."""
    assert CHROMIUM.exists(), "Chromium missing: run `make chromium` (apt-get install chromium)"
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, **options)
