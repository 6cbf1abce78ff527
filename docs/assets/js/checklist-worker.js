// The checklist worker: loads Pyodide and the calculators wheel from this site (never a CDN), then
// answers JSON requests with calculators.boundary.handle. The page starts it from a blob: URL
// that imports this file, so that it runs under the page's Content Security Policy on any host
// (checklist/worker-client.js); every address here comes from import.meta.url, never location.
// Runs off the page's thread, so the page never freezes while Python loads.
// The bundle's folder is versioned (assets/pyodide/<key>/, cached for a year): the build writes
// this build's key here (build_scripts/pyodide_bundle.py, versioned_worker).
const base = new URL("../pyodide/current/", import.meta.url);

async function boot() {
  self.postMessage({ type: "progress", message: "The checklist is getting ready…" });
  const [manifest, { loadPyodide }] = await Promise.all([
    fetch(new URL("bundle.json", base)).then((response) => response.json()),
    import(new URL("pyodide.mjs", base).href),
  ]);
  const pyodide = await loadPyodide({
    indexURL: base.href,
    lockFileURL: new URL("pyodide-lock.json", base).href,
    packageBaseUrl: base.href, // our own folder; without it Pyodide may fall back to a CDN
    packages: [manifest.package], // fetched while Python starts, not after
  });
  if (!pyodide.loadedPackages[manifest.package]) {
    throw new Error(`the checklists package (${manifest.package}) did not load`);
  }
  return pyodide.pyimport("calculators.boundary").handle;
}

const ready = boot();
ready.then(
  () => self.postMessage({ type: "ready" }),
  (error) => self.postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    const handle = await ready;
    self.postMessage({ type: "response", id, response: handle(request) });
  } catch (error) {
    // handle() never raises: an error here is Python itself failing (a fatal error leaves the
    // runtime unusable), so the page is told to start a new worker.
    self.postMessage({ type: "response", id, error: String((error && error.message) || error), fatal: true });
  }
};
