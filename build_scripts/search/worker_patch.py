"""Exact matching of paragraph numbers in the theme's search.

Material's search worker adds a trailing wildcard to every query term, so ``2.1`` also matches
``2.10`` … ``2.19`` and a search for paragraph 2.1 drowns in ten others. Terms that are paragraph
numbers should match exactly. The worker already leaves some terms without a wildcard (those
starting with ``+``/``-`` or ending in a boost); this adds "looks like a paragraph number" to that
test. If the theme's worker changes so that the pattern is not found, the build fails with a
clear message rather than silently losing exact numbers.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import SEARCH_WORKERS

ORIGINAL = r"/(^[+-]|[~^]\d+$)/.test(r)?r:`${r}*`"
PATCHED = r"/(^[+-]|[~^]\d+$|^\d+(\.\d+)+$)/.test(r)?r:`${r}*`"


def patch_worker(source: str) -> str:
    """The worker source with paragraph numbers matched exactly."""
    if PATCHED in source:
        return source
    if source.count(ORIGINAL) != 1:
        raise BuildError(
            "Material's search worker changed: the wildcard rule for query terms was not found. "
            "Review build_scripts/search/worker_patch.py (exact paragraph-number search)."
        )
    return source.replace(ORIGINAL, PATCHED)


def worker_files(site_dir: Path) -> list[Path]:
    return sorted((site_dir / SEARCH_WORKERS).glob("search.*.min.js"))
