"""The search evaluation: the queries of ``tests/search/evaluation.toml`` run through a built
edition's own search (the theme's worker, as built, under Node: ``devtools/search_run.mjs``),
scored like a search engine: hits@3 (a wanted result among the first three the reader meets) and
mean reciprocal rank (1 / the rank of the first wanted result; 0 if none).

``python -m devtools.search_eval <built edition folder> [<another>]`` prints the figures (and, with
two folders, side by side); ``make bench`` builds the site and the theme's search as it ships and
prints both, beside Pagefind (a static search library with stemming and sub-results) indexing the
site's own pages (``devtools/pagefind_run.mjs``; bench only: installed into ``build/pagefind/``
from ``devtools/pagefind/package-lock.json`` with npm's integrity hashes, never by ``make test``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from build_scripts.lib.paths import ROOT

EVALUATION = ROOT / "tests" / "search" / "evaluation.toml"
RUNNER = ROOT / "devtools" / "search_run.mjs"
INDEX = "search/search_index.json"
TOP = 3
PAGEFIND = ROOT / "devtools" / "pagefind"  # its package.json and package-lock.json
PAGEFIND_RUNNER = ROOT / "devtools" / "pagefind_run.mjs"
PAGEFIND_INSTALL = ROOT / "build" / "pagefind"
PAGEFIND_SHOWN = 3  # Pagefind's UI shows a page's three sub-results with the most matched words
# Where a page's matched words are cut into sub-results: Pagefind's own (headings), and the
# paragraph wrappers' and glossary terms' ids (div.para id="2.10", dt id="glossary-ceop").
PAGEFIND_SEGMENTS = re.compile(r"^(h[1-6]|div|dt)$")
PAGEFIND_UI = "Pagefind (its UI)"
PAGEFIND_EVERY = "Pagefind (every sub-result, by score)"


@dataclass(frozen=True)
class Query:
    q: str
    kind: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    ranks: tuple[int | None, ...]  # per query: the rank of the first wanted result, or None

    @property
    def hits(self) -> float:
        return sum(1 for r in self.ranks if r is not None and r <= TOP) / len(self.ranks)

    @property
    def mrr(self) -> float:
        return sum(1 / r for r in self.ranks if r is not None) / len(self.ranks)


def load(path: Path = EVALUATION) -> list[Query]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Query(e["q"], e["kind"], tuple(e["expect"])) for e in data["query"]]


def answers(expect: str, docs: list[dict]) -> set[str]:
    """The locations that answer an expectation: a paragraph's own entry ("2.10" → "…#2.10"); in
    an index without one (the theme's search as it ships), the entries whose text holds the
    paragraph (the section under whose heading it stands); else the location itself."""
    if not expect[0].isdigit():
        return {expect}
    own = {d["location"] for d in docs if d["location"].endswith(f"#{expect}")}
    return own or {d["location"] for d in docs if f"<p>{expect} " in d["text"]}


def rank(results: list[str], wanted: set[str]) -> int | None:
    """The 1-based rank of the first wanted result."""
    for i, location in enumerate(results, start=1):
        if location in wanted:
            return i
    return None


def run(site: Path, queries: list[str]) -> list[list[str]]:
    """Each query's result locations, in the order the search panel shows them."""
    return json.loads(node([str(RUNNER), str(site)], queries))


def node(args: list[str], queries: list[str]) -> str:
    """What a runner prints for the queries (given on its standard input)."""
    done = subprocess.run(
        ["node", *args],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def pagefind_order(pages: list[dict], *, every: bool = False) -> list[str]:
    """The locations a reader meets in Pagefind's results, given as ``pagefind_run.mjs`` prints
    them: each page (it matched the query), then its sub-results, a sub-result being the matched
    words from one anchor (``PAGEFIND_SEGMENTS``) to the next, as Pagefind cuts them at headings.
    As Pagefind's UI shows them: the ``PAGEFIND_SHOWN`` with the most matched words, in page
    order; a page's others rank after every result shown, as the theme's folded ones do. With
    ``every``, as a results list of our own could show them: all of them, the highest summed
    score of their matched words first."""
    shown: list[str] = []
    folded: list[str] = []
    for page in pages:
        url = page["url"].lstrip("/")
        anchors = sorted(
            (a for a in page["anchors"] if PAGEFIND_SEGMENTS.match(a["element"])),
            key=lambda a: a["location"],
        )
        count: dict[str, int] = {}  # anchor id → matched words, in page order
        score: dict[str, float] = {}
        for word in sorted(page["words"], key=lambda w: w["location"]):
            before = [a["id"] for a in anchors if a["location"] <= word["location"]]
            if before:  # words before the first anchor are the page's own result's
                count[before[-1]] = count.get(before[-1], 0) + 1
                score[before[-1]] = score.get(before[-1], 0.0) + word["score"]
        shown.append(url)
        if every:
            shown.extend(f"{url}#{i}" for i in sorted(score, key=lambda i: -score[i]))
            continue
        most = sorted(count, key=lambda i: -count[i])[:PAGEFIND_SHOWN]  # stable: page order
        shown.extend(f"{url}#{i}" for i in count if i in most)
        folded.extend(f"{url}#{i}" for i in count if i not in most)
    return shown + folded


def pagefind_install(folder: Path = PAGEFIND_INSTALL) -> Path:
    """Pagefind, installed for the bench only: ``npm ci`` of ``devtools/pagefind``'s lock (npm
    checks every package's integrity hash) into ``folder``, again only when the lock changed."""
    lock = (PAGEFIND / "package-lock.json").read_bytes()
    stamp = folder / ".installed"
    digest = hashlib.sha256(lock).hexdigest()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == digest:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(PAGEFIND / name, folder / name)
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=600,
    )
    stamp.write_text(digest, encoding="utf-8")
    return folder


def as_sent(path: Path) -> int:
    """A file's size as a server sends it: gzip for text; Pagefind's own files are gzip already."""
    data = path.read_bytes()
    if path.suffix in {".js", ".json"}:
        return len(gzip.compress(data, 9))
    return len(data)


def site_index_size(site: Path) -> int:
    """The site's search, whole, as sent: its index and the theme's search worker."""
    workers = site / "assets" / "javascripts" / "workers"
    return as_sent(site / INDEX) + sum(as_sent(p) for p in workers.glob("search.*.min.js"))


def pagefind_index_size(bundle: Path) -> int:
    """Pagefind's search, whole, as sent: pagefind.js, its wasm, metadata, index and every
    fragment (its UI files left out; a query fetches only some of the index and fragments)."""
    files = [bundle / "pagefind.js", bundle / "pagefind-entry.json"]
    files += [*bundle.glob("wasm.en.pagefind"), *bundle.glob("*.pf_meta")]
    files += [*bundle.glob("index/*"), *bundle.glob("fragment/*")]
    return sum(as_sent(p) for p in files)


def evaluate_pagefind(site: Path, queries: list[Query]) -> tuple[Figures, Figures, int]:
    """The queries through Pagefind indexing ``site``'s pages, its results read as its UI shows
    them and as every sub-result by score (``pagefind_order``), and the size of its index."""
    install = pagefind_install()
    docs = json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "pagefind"
        args = [str(PAGEFIND_RUNNER), str(install), str(site), str(bundle)]
        found = json.loads(node(args, [q.q for q in queries]))
        size = pagefind_index_size(bundle)
    ui, every = [], []
    for pages, query in zip(found, queries, strict=True):
        wanted = set().union(*(answers(e, docs) for e in query.expect))
        ui.append(rank(pagefind_order(pages), wanted))
        every.append(rank(pagefind_order(pages, every=True), wanted))
    return Figures(tuple(ui)), Figures(tuple(every)), size


def evaluate(site: Path, queries: list[Query] | None = None) -> tuple[Figures, list[list[str]]]:
    queries = load() if queries is None else queries
    results = run(site, [q.q for q in queries])
    docs = json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]
    ranks = []
    for found, query in zip(results, queries, strict=True):
        wanted = set().union(*(answers(e, docs) for e in query.expect))
        ranks.append(rank(found, wanted))
    return Figures(tuple(ranks)), results


def report(
    named_sites: dict[str, Path], *, detail: bool = True, pagefind: Path | None = None
) -> tuple[str, dict[str, Figures]]:
    """The figures of each site, side by side, and each query's rank in each (as text), and the
    figures; with ``pagefind``, Pagefind's on that site's pages too, read two ways. Each
    search's size as sent follows its figures."""
    queries = load()
    found = {name: evaluate(site, queries)[0] for name, site in named_sites.items()}
    sizes = {name: site_index_size(site) for name, site in named_sites.items()}
    if pagefind is not None:
        ui, every, size = evaluate_pagefind(pagefind, queries)
        found[PAGEFIND_UI], found[PAGEFIND_EVERY] = ui, every
        sizes[PAGEFIND_UI] = sizes[PAGEFIND_EVERY] = size
    names = list(found)
    lines = [f"search: {len(queries)} queries (tests/search/evaluation.toml), first {TOP} results"]
    for name in names:
        figures = found[name]
        lines.append(
            f"  {name}: hits@{TOP} {figures.hits:.1%}, MRR {figures.mrr:.3f}; "
            f"whole index as sent {sizes[name] / 1000:,.0f} kB"
        )
    if detail:
        lines.append("  rank of the first wanted result (- none) | " + " | ".join(names))
        for i, query in enumerate(queries):
            ranks = [found[n].ranks[i] for n in names]
            cells = " | ".join(f"{r if r is not None else '-':>4}" for r in ranks)
            lines.append(f"    {query.kind:<12} {query.q[:40]:<40} | {cells}")
    return "\n".join(lines), found


def main(argv: list[str]) -> None:
    """``--pagefind`` adds Pagefind on the first folder's pages."""
    with_pagefind = "--pagefind" in argv
    folders = [a for a in argv if a != "--pagefind"]
    sites = {Path(a).name or a: Path(a) for a in folders}
    pagefind = Path(folders[0]) if with_pagefind else None
    print(report(sites, pagefind=pagefind)[0])


if __name__ == "__main__":
    main(sys.argv[1:])
