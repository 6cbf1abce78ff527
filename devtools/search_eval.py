"""The search evaluation: the queries of ``tests/search/evaluation.toml`` run through a built
edition's own search (the theme's worker, as built, under Node: ``devtools/search_run.mjs``),
scored like a search engine: hits@3 (a wanted result among the first three the reader meets) and
mean reciprocal rank (1 / the rank of the first wanted result; 0 if none).

``python -m devtools.search_eval <built edition folder> [<another>]`` prints the figures (and, with
two folders, side by side); ``make bench`` builds the site and the theme's search as it ships and
prints both.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from build_scripts.lib.paths import ROOT

EVALUATION = ROOT / "tests" / "search" / "evaluation.toml"
RUNNER = ROOT / "devtools" / "search_run.mjs"
INDEX = "search/search_index.json"
TOP = 3


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
    done = subprocess.run(
        ["node", str(RUNNER), str(site)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"search_run.mjs failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def evaluate(site: Path, queries: list[Query] | None = None) -> tuple[Figures, list[list[str]]]:
    queries = load() if queries is None else queries
    results = run(site, [q.q for q in queries])
    docs = json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]
    ranks = []
    for found, query in zip(results, queries, strict=True):
        wanted = set().union(*(answers(e, docs) for e in query.expect))
        ranks.append(rank(found, wanted))
    return Figures(tuple(ranks)), results


def report(named_sites: dict[str, Path], *, detail: bool = True) -> tuple[str, dict[str, Figures]]:
    """The figures of each site, side by side, and each query's rank in each (as text), and the
    figures."""
    queries = load()
    found = {name: evaluate(site, queries) for name, site in named_sites.items()}
    names = list(found)
    lines = [f"search: {len(queries)} queries (tests/search/evaluation.toml), first {TOP} results"]
    for name in names:
        figures = found[name][0]
        lines.append(f"  {name}: hits@{TOP} {figures.hits:.1%}, MRR {figures.mrr:.3f}")
    if detail:
        lines.append("  rank of the first wanted result (- none) | " + " | ".join(names))
        for i, query in enumerate(queries):
            ranks = [found[n][0].ranks[i] for n in names]
            cells = " | ".join(f"{r if r is not None else '-':>4}" for r in ranks)
            lines.append(f"    {query.kind:<12} {query.q[:40]:<40} | {cells}")
    return "\n".join(lines), {name: found[name][0] for name in names}


def main(argv: list[str]) -> None:
    sites = {Path(a).name or a: Path(a) for a in argv}
    print(report(sites)[0])


if __name__ == "__main__":
    main(sys.argv[1:])
