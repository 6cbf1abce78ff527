// Starts the checklist's Python worker as the page starts: loaded `async` from the <head> of the
// checklist pages only (overrides/main.html, pages with `checklist:` front matter), so guidance
// pages never load Python. checklist/worker-client.js adopts the worker and replays what it said
// before then (window.__checklistEarlyWorker). Made as every checklist worker is made
// (checklist/blob-worker.js, inline here to start without another request): from a blob: URL
// that imports the real script by its absolute address, so it runs under the page's policy.
performance.mark("checklist:worker-start");
if ("Worker" in window && "Blob" in window && typeof WebAssembly === "object" && !window.__checklistEarlyWorker && !window.__checklistWorkerStarted) {
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
