"""The theme's search worker, patched (THEME INTERNALS: Material 9's minified worker).

Our functions are in ``worker_rank.js``, put before the theme's code; the patches call them.

1. **Exact paragraph numbers, word forms, one typo.** The worker adds a trailing wildcard to every
   query term, so ``2.1`` also matches ``2.10`` … ``2.19``, and lunr skips its pipeline (the
   stemmer) for a term with a wildcard, so ``conferences*`` never meets the indexed ``confer``.
   Paragraph numbers are left exact; every other word is sought as itself (stemmed) and as a
   prefix (a word still being typed), and a word of five letters or more that is not the
   guidance's is also sought as the guidance's words one typo from it (``confrence``).
2. **Words found, and phrases, counted on stems.** The theme counts a query word as found only if
   an index word begins with it as typed (``conferences`` never counted in ``confer``); ours
   compares stems. A result holding the words typed as one phrase (on stems, across hyphens and
   curly apostrophes) has its score multiplied by 1,000, one holding them within a few words by
   20: lunr scores words apart.
3. **A paragraph is a result of its own.** The worker groups results by page, and the page shows
   only a group's best entry, folding the rest under "N more on this page": 2.10 and 2.11 (both
   on the assessment page) could never both be seen. Entries at a paragraph (``#2.10``) or a
   glossary term (``#glossary-…``) are made articles of their own.

4. **The sentence that matched.** The theme highlights a result's text only in its first two
   blocks that hold a word typed; ours highlights a paragraph's or term's text whole (the build
   wrote it one ``<p>`` a sentence or list entry), and ``teaser`` keeps the piece that matched.

One patch is of the theme's page script (``PANEL_PATCHES``, THEME INTERNALS too: Material 9's
minified bundle), where it draws a result: it shows the text of an article only when the article
is a page (its address has no ``#``); a paragraph or glossary term, an article of its own (3),
showed its title alone. Now it shows its text (the piece that matched) too.

If the theme's worker or bundle changes so that a pattern is not found exactly once, the build
fails with a clear message rather than silently losing any of this.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import SEARCH_WORKERS

RANK = Path(__file__).with_name("worker_rank.js")  # our functions, put before the theme's code
RANK_MARK = "globalThis.GuidanceSearch ="

# (what it does, the theme's code, ours)
PATCHES = (
    (
        "query terms: exact paragraph numbers; words stemmed, as a prefix and corrected",
        r"/(^[+-]|[~^]\d+$)/.test(r)?r:`${r}*`",
        r"GuidanceSearch.alternatives(r)",
    ),
    (
        "the word list of the guidance, for typo corrections",
        r"this.map=ie(r),",
        r"this.map=ie(r),GuidanceSearch.setup(r),",
    ),
    (
        "the query as typed, kept for the phrase rule below",
        r"search(e){if(e=e.replace(",
        r"search(e){let Q=GuidanceSearch.query(e);if(e=e.replace(",
    ),
    (
        "which words typed a result holds, compared as stems",
        r"f=he(r,Object.keys(u.metadata))",
        r"f=GuidanceSearch.matched(Q,Object.keys(u.metadata))",
    ),
    (
        "a result holding the words typed as one phrase, or close, ranks above one with them apart",
        r"score:a*(1+K(g,2)),terms:f",
        r"score:a*(1+K(g,2))*GuidanceSearch.nearness(Q,this.map.get(o)),terms:f",
    ),
    (
        "a paragraph's or glossary term's text highlighted whole, for the teaser to choose from",
        r'c[l]=v(c[l],x,m,l!=="text")',
        r'c[l]=v(c[l],x,m,l!=="text"||GuidanceSearch.own(c.location))',
    ),
    (
        "a paragraph's or glossary term's result shows the sentence or list entry that matched",
        r"terms:f}))}return s}",
        r"terms:f,text:GuidanceSearch.teaser(Q,this.map.get(o),c.text)}))}return s}",
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


# The theme's page script, where it draws one result (``renderSearchResultItem``): the article
# (``i``) is drawn with its text (flag 1) only when it is a page (``n``, its index, is 0); a
# paragraph's or term's group has no page (``n`` is -1).
PANEL_PATCHES = (
    (
        "a paragraph's or glossary term's result shows its text, as a page's does",
        r"p=[oo(i,2|+(!n&&s===0))",
        r"p=[oo(i,2|+(n<1&&s===0))",
    ),
)


def _apply(source: str, patches: tuple[tuple[str, str, str], ...], name: str) -> str:
    for what, original, patched in patches:
        if patched in source:
            continue
        if source.count(original) != 1:
            raise BuildError(
                f"Material's {name} changed: the code for {what} was not found. "
                "Review build_scripts/search/worker_patch.py (theme internals)."
            )
        source = source.replace(original, patched)
    return source


def patch_panel(source: str) -> str:
    """The theme's page script with the results panel's patch applied (once)."""
    return _apply(source, PANEL_PATCHES, "page script (bundle)")


def patch_worker(source: str) -> str:
    """The worker source with every patch applied and our functions put first (once; patching
    twice changes nothing)."""
    source = _apply(source, PATCHES, "search worker")
    if RANK_MARK not in source:
        source = RANK.read_text(encoding="utf-8") + "\n" + source
    return source


def worker_files(site_dir: Path) -> list[Path]:
    return sorted((site_dir / SEARCH_WORKERS).glob("search.*.min.js"))


def panel_files(site_dir: Path) -> list[Path]:
    """The theme's page script (``bundle.<hash>.min.js``), beside the workers' folder."""
    return sorted((site_dir / SEARCH_WORKERS).parent.glob("bundle.*.min.js"))
