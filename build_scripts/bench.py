"""`make bench`: load times and page weights of the built site, in headless Chromium on loopback.

Prints the median of several runs for:
 (a) time to the first Python-evaluated result on the checklist page (cold browser cache);
 (b) stock ``loadPyodide()`` on a bare page with the unmodified npm files, and the ratio (a)/(b);
 (c) bytes transferred for the checklist page and a guidance page (as served, and gzip-estimated);
 (d) the median time from a click to the updated result, over 50 clicks.
Goals: (a)/(b) <= 0.4; (d) <= 16 ms. A report, not a test: it says by how much a goal is missed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.serve import serve_in_thread  # noqa: E402
from tests.browser import launch  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHECKLIST = "checklists/early-risk-factors/"
GUIDANCE = "assessment/"
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>stock loadPyodide</title>
<script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./pyodide/", location.href).href });
performance.mark("stock-ready");
</script>"""
CLICKS = """async () => {
  const box = document.querySelector(".checklist__prompts");
  const radios = ["yes", "no"].map(v =>
    document.querySelector(`input[name="images-of-own-children"][value="${v}"]`));
  const times = [];
  for (let i = 0; i < 50; i++) {
    const changed = new Promise(resolve => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(box, { childList: true, subtree: true });
    });
    const start = performance.now();
    radios[i % 2].click();
    await changed;
    times.push(performance.now() - start);
  }
  return times;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(site: Path, port: int) -> None:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    bare = site / "bench-stock"
    shutil.copytree(ROOT / "node_modules" / "pyodide", bare / "pyodide")
    (bare / "index.html").write_text(BARE_PAGE, encoding="utf-8")


def mark_time(browser, url: str, mark: str) -> float:
    """Milliseconds from navigation start to a performance mark, in a fresh (cold) context."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        f"() => performance.getEntriesByName('{mark}').length > 0", timeout=120_000
    )
    value = page.evaluate(f"performance.getEntriesByName('{mark}')[0].startTime")
    context.close()
    return value


def weight(browser, url: str) -> tuple[int, int]:
    """(bytes as served, bytes if gzip-compressed) of every response of one cold page load."""
    context = browser.new_context()
    page = context.new_page()
    bodies: list[bytes] = []
    page.on("response", lambda r: bodies.append(r.body()) if r.status == 200 else None)
    page.goto(url, wait_until="networkidle")
    if "checklist" in url:
        page.wait_for_selector("form.checklist[data-evaluated]", timeout=120_000)
        page.wait_for_load_state("networkidle")
    context.close()
    return sum(len(b) for b in bodies), sum(len(gzip.compress(b, 6)) for b in bodies)


def verdict(value: float, goal: float) -> str:
    if value <= goal:
        return "goal met"
    return f"MISSED by {value - goal:.2f} ({value / goal:.0%} of the goal)"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site, port = Path(tmp) / "site", free_port()
        build(site, port)
        server = serve_in_thread(site, port)
        base = f"http://127.0.0.1:{port}/"
        with sync_playwright() as playwright:
            browser = launch(playwright)
            ours = [
                mark_time(browser, base + CHECKLIST, "checklist-first-result") for _ in range(RUNS)
            ]
            stock = [mark_time(browser, base + "bench-stock/", "stock-ready") for _ in range(RUNS)]
            page_bytes = {
                name: weight(browser, base + path)
                for name, path in [("checklist page", CHECKLIST), ("guidance page", GUIDANCE)]
            }
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + CHECKLIST)
            page.wait_for_selector("form.checklist[data-evaluated]", timeout=120_000)
            clicks = page.evaluate(CLICKS)
            context.close()
            browser.close()
        server.shutdown()

    a, b = statistics.median(ours), statistics.median(stock)
    d = statistics.median(clicks)
    print(f"make bench: {RUNS} runs each, headless Chromium, built site on loopback\n")
    print(
        f"(a) first Python-evaluated result on the checklist page: {a:7.0f} ms  (runs: "
        f"{', '.join(f'{x:.0f}' for x in ours)})"
    )
    print(
        f"(b) stock loadPyodide() on a bare page:                  {b:7.0f} ms  (runs: "
        f"{', '.join(f'{x:.0f}' for x in stock)})"
    )
    print(f"    ratio (a)/(b): {a / b:.2f}  goal <= 0.40: {verdict(a / b, 0.40)}")
    for name, (raw, gz) in page_bytes.items():
        print(f"(c) {name}: {raw / 1024:8.0f} KiB as served, {gz / 1024:8.0f} KiB gzip-compressed")
    print(
        f"(d) click to updated result, median of 50: {d:.1f} ms (max {max(clicks):.1f})  "
        f"goal <= 16 ms: {verdict(d, 16)}"
    )


if __name__ == "__main__":
    main()
