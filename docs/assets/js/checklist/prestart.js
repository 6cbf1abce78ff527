// Python started ahead where a checklist is near (issue 26): on a page whose text links to a
// checklist of this edition (a guidance page's "Use the checklist", the checklists index), once
// the page has loaded and the browser is idle, and only when every file of Python's runtime is
// already on this device (the offline copy in Cache Storage, or the browser's HTTP cache), the
// checklist worker is started. Following the link by the theme's instant navigation keeps the
// worker (worker-client.js), so the checklist finds Python ready. Never a download: asking the
// HTTP cache uses `only-if-cached`, which fails rather than go to the network, and the first file
// not on the device stops it. The HTTP cache is asked only where Python has run on this device
// (its snapshot, made after a checklist's first answers, is in Cache Storage) or Cache Storage
// cannot be read: a cache-only miss logs a network error in the console, which Lighthouse counts
// against every first visit's guidance page. The worker is sent nothing until a checklist asks.
// `data-python-ahead` on <html> says what was decided (read by the tests and make bench):
// "started", or "not-on-device".
import { SNAPSHOT_FILE } from "./snapshot.js";
import { startWorker, workerStarted } from "./worker-client.js";

const checklists = new URL("../../../checklists/", import.meta.url); // this edition's

/** Whether the page's text (not its menus) links to a checklist of this edition. */
export function leadsToChecklist(root = document) {
  const content = root.querySelector(".md-content");
  if (!content) return false;
  for (const link of content.querySelectorAll("a[href]")) {
    const url = new URL(link.href, location.href);
    url.hash = "";
    url.search = "";
    if (url.href.startsWith(checklists.href) && url.href !== checklists.href) return true;
  }
  return false;
}

/** Whether the HTTP cache is worth asking: Python has run here (its snapshot for this bundle is
 * in Cache Storage), or Cache Storage cannot be read (some private modes). */
async function httpCacheWorthAsking(runtimeFolder) {
  try {
    if (!("caches" in window)) return true;
    return Boolean(await caches.match(new URL(SNAPSHOT_FILE, runtimeFolder)));
  } catch {
    return true;
  }
}

/** The response for `url` if this device holds it (Cache Storage, then, if `httpToo`, the HTTP
 * cache, through the offline worker if one controls the page), never from the network; else null. */
async function onDevice(url, httpToo) {
  try {
    const kept = "caches" in window ? await caches.match(url, { ignoreSearch: true }) : null;
    if (kept) return kept;
  } catch {
    // Cache Storage unavailable (some private modes): ask the HTTP cache
  }
  if (!httpToo) return null;
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null; // not in the cache: only-if-cached refuses to go further
  }
}

/** Whether every file a start of Python fetches is on this device: the manifest first, then the
 * loader, runtime, standard library, lock file and our wheel (named in the manifest). */
async function runtimeOnDevice() {
  const { runtimeFolder } = await import("../python-runtime.js");
  const httpToo = await httpCacheWorthAsking(runtimeFolder);
  const manifest = await onDevice(new URL("bundle.json", runtimeFolder), httpToo);
  const wheel = manifest ? await manifest.json().then((data) => String(data.wheel || ""), () => "") : "";
  if (!wheel) return false;
  const names = ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json", wheel];
  for (const name of names) {
    const response = await onDevice(new URL(name, runtimeFolder), httpToo);
    if (!response) return false;
    if (response.body) response.body.cancel().catch(() => {}); // its presence is enough
  }
  return true;
}

/** Once the page has loaded and the browser is idle. */
function atIdle(then) {
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(() => then()) : setTimeout(then, 0));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

let asking = false; // one question at a time, whatever the pages swapped in meanwhile

/** On a page that leads to a checklist, start Python at idle if its runtime is on the device. */
export function startAheadWhereNear() {
  if (asking || workerStarted() || !leadsToChecklist()) return;
  asking = true;
  atIdle(async () => {
    try {
      // The reader may have moved on by now (instant navigation): decide for the page shown.
      if (workerStarted() || !leadsToChecklist()) return;
      const held = await runtimeOnDevice().catch(() => false);
      if (!held) document.documentElement.dataset.pythonAhead = "not-on-device";
      else if (!workerStarted() && leadsToChecklist()) {
        startWorker({ ahead: true });
        document.documentElement.dataset.pythonAhead = "started";
      }
    } finally {
      asking = false;
    }
  });
}
