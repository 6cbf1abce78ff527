// The checklist worker: loads Pyodide and the calculators wheel from this site (never a CDN), then
// answers JSON requests with calculators.boundary.handle. The page starts it from a blob: URL
// that imports this file, so that it runs under the page's Content Security Policy on any host
// (checklist/worker-client.js); every address here comes from import.meta.url, never location.
// Runs off the page's thread, so the page never freezes while Python loads.
// The bundle's folder is versioned (assets/pyodide/<key>/, cached for a year): the build writes
// this build's key into python-runtime.js (build_scripts/pyodide_bundle/bundle.py,
// versioned_worker), which the page reads too (checklist/prestart.js).
//
// Python starts from the memory snapshot this browser made on an earlier visit when there is one
// (checklist/snapshot.js: Python with every calculators module imported, no answers); if it does
// not restore, the snapshot is deleted and Python starts normally, with no message to the reader.
// After a normal start, once the page says its first answers are shown, the worker makes the
// snapshot in a second, short-lived worker of this same script (named SNAPSHOT_MAKER), which loads
// its own Python, never receives a request and stops.
import { blobWorker } from "./checklist/blob-worker.js";
import { runtimeFolder } from "./python-runtime.js";
import {
  forgetSnapshot,
  prepareForSnapshot,
  readSnapshot,
  storeSnapshot,
} from "./checklist/snapshot.js";

const base = runtimeFolder;
const SNAPSHOT_MAKER = "python-snapshot-maker";

function options(extra) {
  return {
    indexURL: base.href,
    lockFileURL: new URL("pyodide-lock.json", base).href,
    packageBaseUrl: base.href, // our own folder; without it Pyodide may fall back to a CDN
    ...extra,
  };
}

function message(error) {
  return String((error && error.message) || error);
}

async function boot() {
  const started = performance.now();
  self.postMessage({ type: "progress", message: "The checklist is getting ready…" });
  // The stored snapshot is read (and inflated) while the manifest and the loader arrive.
  const [snapshot, manifest, { loadPyodide }] = await Promise.all([
    readSnapshot(base),
    fetch(new URL("bundle.json", base)).then((response) => response.json()),
    import(new URL("pyodide.mjs", base).href),
  ]);
  download.total = Number(manifest.download) || 0;
  sayDownloaded();
  if (snapshot) {
    try {
      const pyodide = await loadPyodide(options({ _loadSnapshot: snapshot }));
      const handle = pyodide.pyimport("calculators.boundary").handle;
      return { handle, start: "snapshot", started };
    } catch {
      await forgetSnapshot(); // it would not restore: start normally, and make a new one
    }
  }
  const pyodide = await loadPyodide(options({ packages: [manifest.package] }));
  if (!pyodide.loadedPackages[manifest.package]) {
    throw new Error(`the checklists package (${manifest.package}) did not load`);
  }
  return { handle: pyodide.pyimport("calculators.boundary").handle, start: "fresh", started };
}

/** In the maker: Python made for a snapshot, the wheel unpacked, everything imported; stored. */
async function makeSnapshot() {
  const [manifest, { loadPyodide }] = await Promise.all([
    fetch(new URL("bundle.json", base)).then((response) => response.json()),
    import(new URL("pyodide.mjs", base).href),
  ]);
  const wheel = fetch(new URL(manifest.wheel, base)).then((response) => response.arrayBuffer());
  const pyodide = await loadPyodide(options({ _makeSnapshot: true }));
  prepareForSnapshot(pyodide, await wheel);
  return storeSnapshot(base, pyodide.makeMemorySnapshot());
}

/** Make this browser's snapshot in a second worker, after this one is ready (once per start). */
function startSnapshotMaker() {
  if (!("caches" in self) || typeof Worker !== "function") return;
  let maker;
  let makerURL = "";
  try {
    // Made as the page makes this worker (checklist/blob-worker.js), so it runs under the same
    // inherited policy: from a blob: URL importing this script's absolute address.
    ({ worker: maker, url: makerURL } = blobWorker(import.meta.url, { name: SNAPSHOT_MAKER }));
  } catch {
    return; // no nested workers here: every visit starts normally
  }
  const stop = () => {
    maker.terminate();
    URL.revokeObjectURL(makerURL);
  };
  maker.onmessage = (event) => {
    stop();
    self.postMessage({ type: "snapshot", ...event.data });
  };
  maker.onerror = stop;
}

// How much of the runtime has arrived, for the reader ("40% downloaded"): the bytes of the
// files the build counted (bundle.json's "download"), read from a copy of each response so that
// Pyodide gets the browser's own response (a compiled wasm is then kept with it in the cache).
const COUNTED = /\/(pyodide\.asm\.wasm|python_stdlib\.zip)$/;
const download = { loaded: 0, total: 0, said: -1 };

function sayDownloaded() {
  if (!download.total) return;
  const step = Math.min(50, Math.floor((download.loaded / download.total) * 50)); // every 2%
  if (step === download.said) return;
  download.said = step;
  self.postMessage({ type: "download", loaded: Math.min(download.loaded, download.total), total: download.total });
}

async function count(copy) {
  const reader = copy.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      download.loaded += value.byteLength;
      sayDownloaded();
    }
  } catch {
    // the download failed: watchDownloads says so
  }
}

/** A runtime file that cannot be had (offline and not saved on this device, or a server error)
 * is said at once: Pyodide itself may never settle after a failed download. Runtime files that
 * arrive are counted for the reader. */
function watchDownloads() {
  const realFetch = self.fetch.bind(self);
  let said = false;
  const fail = (url, why) => {
    if (said) return;
    said = true;
    const name = url.slice(url.lastIndexOf("/") + 1) || url;
    self.postMessage({ type: "failed", message: `a file it needs (${name}) could not be downloaded: ${why}` });
  };
  self.fetch = async (resource, init) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    const ours = url.startsWith(base.href);
    try {
      const response = await realFetch(resource, init);
      if (ours && !response.ok) fail(url, `the server answered ${response.status}`);
      else if (ours && response.body && COUNTED.test(url)) count(response.clone());
      return response;
    } catch (error) {
      if (ours) {
        fail(url, navigator.onLine === false ? "this device is offline and the file is not saved on it" : message(error));
      }
      throw error;
    }
  };
}

if (self.name === SNAPSHOT_MAKER) {
  makeSnapshot().then(
    (bytes) => self.postMessage({ stored: true, bytes }),
    (error) => self.postMessage({ stored: false, message: message(error) }),
  );
} else {
  watchDownloads();
  const ready = boot();
  // The page says when its first answers are shown ({ background: true }): the snapshot is made
  // after that, so that a second Python starting does not slow them.
  let answersShown;
  const shown = new Promise((resolve) => (answersShown = resolve));
  ready.then(
    ({ start, started }) => {
      self.postMessage({ type: "ready", start, ms: Math.round(performance.now() - started) });
      if (start === "fresh") shown.then(startSnapshotMaker);
    },
    (error) => self.postMessage({ type: "failed", message: message(error) }),
  );

  self.onmessage = async (event) => {
    if (event.data.background) {
      answersShown();
      return;
    }
    const { id, request } = event.data;
    try {
      const { handle } = await ready;
      self.postMessage({ type: "response", id, response: handle(request) });
    } catch (error) {
      // handle() never raises: an error here is Python itself failing (a fatal error leaves the
      // runtime unusable), so the page is told to start a new worker.
      self.postMessage({ type: "response", id, error: message(error), fatal: true });
    }
  };
}
