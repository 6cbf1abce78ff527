// Starts the checklist's Python worker as the page starts: loaded `async` from the <head> of the
// checklist pages only (overrides/main.html, pages with `checklist:` front matter), so guidance
// pages never load Python. checklist/worker-client.js adopts the worker and replays what it said
// before then (window.__checklistEarlyWorker).
performance.mark("checklist:worker-start");
if ("Worker" in window && typeof WebAssembly === "object" && !window.__checklistEarlyWorker) {
  try {
    const worker = new Worker(new URL("./checklist-worker.js", import.meta.url), { type: "module" });
    const early = { worker, messages: [], errors: [] };
    worker.onmessage = (event) => early.messages.push(event.data);
    worker.onerror = (event) => early.errors.push(event);
    window.__checklistEarlyWorker = early;
  } catch {
    // checklist.js starts it, or says why it cannot
  }
}
