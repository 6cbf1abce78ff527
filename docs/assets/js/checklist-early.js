// Starts the checklist's Python worker as the page starts, on a device with cores to spare:
// loaded `async` from the <head> of the checklist pages only (overrides/main.html, pages with
// `checklist:` front matter), so guidance pages never load Python. checklist/worker-client.js
// adopts the worker and replays what it said before then (window.__checklistEarlyWorker). Made
// as every checklist worker is made (checklist/blob-worker.js, inline here to start without
// another request): from a blob: URL that imports the real script by its absolute address, so it
// runs under the page's policy.
//
// With fewer than EARLY_START_CORES logical cores it starts nothing, and checklist.js starts the
// worker as the page is set up (DOMContentLoaded): on 2 cores, Python compiling from the <head>
// slowed the page's own set-up, so a phone's tap was answered later, Lighthouse scored the page
// 93 (97 without the early start) and Python was ready no sooner (maintainers/benchmarks.md,
// 7 December 2026). With a core of its own (most phones have eight) it should slow nothing and
// start about a second earlier on a phone than at DOMContentLoaded: a judgement, not measured
// (this project's machine has two cores, and Chromium cannot slow a worker).
const EARLY_START_CORES = 6;
const spare = (navigator.hardwareConcurrency || 0) >= EARLY_START_CORES;
if (spare && "Worker" in window && "Blob" in window && typeof WebAssembly === "object" && !window.__checklistEarlyWorker && !window.__checklistWorkerStarted) {
  performance.mark("checklist:worker-start");
  try {
    const script = new URL("./checklist-worker.js", import.meta.url).href;
    const source = `import ${JSON.stringify(script)};\n`;
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const worker = new Worker(url, { type: "module" });
    const early = { worker, url, messages: [], errors: [] };
    worker.onmessage = (event) => early.messages.push(event.data);
    worker.onerror = (event) => early.errors.push(event);
    window.__checklistEarlyWorker = early;
  } catch {
    // checklist.js starts it, or says why it cannot
  }
}
