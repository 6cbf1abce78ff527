"""The theme's search worker, patched (THEME INTERNALS: Material 9's minified worker).

1. **Exact paragraph numbers, and word forms.** The worker adds a trailing wildcard to every query
   term, so ``2.1`` also matches ``2.10`` … ``2.19``, and lunr skips its pipeline (the stemmer) for
   a term with a wildcard, so ``conferences*`` never meets the indexed ``confer``. Paragraph
   numbers are left exact; every other plain word is sought as itself (through the pipeline:
   stemmed) and as a prefix (a word still being typed), and, from five letters, with one typo
   tolerated (``~1``: ``bereavment``).
2. **A phrase ranks first.** A result whose text holds the words typed as one phrase ("previous
   contact abuse of other children") has its score multiplied by 1,000, so that it comes first:
   lunr scores words apart, and a paragraph holding the phrase once ranked below longer ones
   holding its common words many times.
3. **A paragraph is a result of its own.** The worker groups results by page, and the page shows
   only a group's best entry, folding the rest under "N more on this page": 2.10 and 2.11 (both
   on the assessment page) could never both be seen. Entries at a paragraph (``#2.10``) or a
   glossary term (``#glossary-…``) are made articles of their own.

If the theme's worker changes so that a pattern is not found exactly once, the build fails with a
clear message rather than silently losing any of this.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import SEARCH_WORKERS

# (what it does, the theme's code, ours)
PATCHES = (
    (
        "query terms: exact paragraph numbers; words stemmed, as a prefix and with one typo",
        r"/(^[+-]|[~^]\d+$)/.test(r)?r:`${r}*`",
        r"/(^[+-]|[~^]\d+$|^\d+(\.\d+)+$)/.test(r)?r:`${r} ${r}*${r.length>4?` ${r}~1`:``}`",
    ),
    (
        "the query as typed, kept for the phrase rule below",
        r"search(e){if(e=e.replace(",
        r'search(e){let Q=e.trim().toLowerCase().replace(/\s+/g," ");if(e=e.replace(',
    ),
    (
        "a result holding the words typed as one phrase ranks above one that only has them apart",
        r"score:a*(1+K(g,2)),terms:f",
        r'score:a*(1+K(g,2))*(Q.includes(" ")&&(this.map.get(o).text||"").toLowerCase()'
        r'.replace(/<[^>]+>/g,"").replace(/\s+/g," ").includes(Q)?1e3:1),terms:f',
    ),
    (
        "results grouped by page: a paragraph or glossary term is an article of its own",
        r'let[n]=r.location.split("#"),i=e.get(n);',
        r"let[n]=/#(\d+(\.\d+)+|glossary-[\w-]+)$/.test(r.location)?[r.location]"
        r':r.location.split("#"),i=e.get(n);',
    ),
)
# The first patch's rule, for the tests.
ORIGINAL, PATCHED = PATCHES[0][1:]


def patch_worker(source: str) -> str:
    """The worker source with every patch applied (once; patching twice changes nothing)."""
    for what, original, patched in PATCHES:
        if patched in source:
            continue
        if source.count(original) != 1:
            raise BuildError(
                f"Material's search worker changed: the code for {what} was not found. "
                "Review build_scripts/search/worker_patch.py (theme internals)."
            )
        source = source.replace(original, patched)
    return source


def worker_files(site_dir: Path) -> list[Path]:
    return sorted((site_dir / SEARCH_WORKERS).glob("search.*.min.js"))
