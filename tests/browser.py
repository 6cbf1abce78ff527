"""Chromium for the end-to-end tests: Debian's build, driven by Playwright, never skipped."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def launch(playwright):
    """Debian's Chromium, headless; fails loudly if missing (make test installs it)."""
    assert CHROMIUM.exists(), "Chromium missing: run `make chromium` (apt-get install chromium)"
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each."""
    assert AXE.exists(), "axe-core missing: run `npm ci`"
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
