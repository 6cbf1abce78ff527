// Where this build's Python runtime is: assets/pyodide/<key>/, versioned and cached for a year.
// The build writes the key here (build_scripts/pyodide_bundle/bundle.py, versioned_worker): the
// one place that names it, read by the checklist worker (checklist-worker.js) and by the page
// when it asks whether the runtime is already on this device (checklist/prestart.js).
export const runtimeFolder = new URL("../pyodide/current/", import.meta.url);
