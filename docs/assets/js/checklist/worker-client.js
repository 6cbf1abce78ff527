// The calculator's worker (Python in Pyodide): one per tab, kept across the theme's instant page
// changes. Requests go in as JSON text and come back as JSON (calculators/contract.py).

const LOAD_TIMEOUT_MS = window.CHECKLIST_LOAD_TIMEOUT_MS || 90000;
// Python starts as a checklist page starts: checklist-early.js, in the page's <head>, creates the
// worker and startWorker() adopts it, replaying what it said before; after an instant page change
// (no new <head>) startWorker() creates it.

let worker = null;
let state = "loading"; // loading | ready | failed
let problem = "";
let nextId = 1;
const pending = new Map();
const listeners = new Set();

/** "loading", "ready" or "failed". */
export function workerState() {
  return state;
}

/** Why the calculator failed, in words, once it has. */
export function workerProblem() {
  return problem;
}

/** Call `listener(progress)` on every change of state or progress; returns how to stop. */
export function onWorkerState(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setState(next, why = "") {
  state = next;
  problem = why;
  listeners.forEach((listener) => listener());
  if (next !== "loading") {
    // offline.js holds the offline copy's download back until Python has loaded (or failed).
    document.documentElement.dataset.pythonSettled = "true";
    document.dispatchEvent(new Event("guidance:python-settled"));
  }
}

function answer(data, timer) {
  if (data.type === "progress") {
    listeners.forEach((listener) => listener(data.message));
  } else if (data.type === "ready") {
    clearTimeout(timer);
    performance.mark("checklist:python-ready");
    // How Python started: "snapshot" (restored, checklist/snapshot.js) or "fresh"; read by tests.
    document.documentElement.dataset.pythonStart = data.start || "fresh";
    setState("ready");
  } else if (data.type === "failed") {
    clearTimeout(timer);
    setState("failed", `Python could not load (${data.message})`);
  } else if (data.type === "snapshot") {
    document.documentElement.dataset.pythonSnapshot = data.stored ? "stored" : "failed";
  } else if (data.type === "response" && pending.has(data.id)) {
    const { resolve, reject } = pending.get(data.id);
    pending.delete(data.id);
    if (data.error) reject(new Error(data.error));
    else resolve(JSON.parse(data.response));
  }
}

/** Start the worker now, unless it has started or cannot. */
export function startWorker() {
  if (worker || state === "failed") return;
  if (!("Worker" in window) || typeof WebAssembly !== "object") {
    setState("failed", "this browser cannot run the checklist's calculator (no Web Workers or WebAssembly)");
    return;
  }
  const early = window.__checklistEarlyWorker;
  window.__checklistEarlyWorker = null;
  try {
    if (early) worker = early.worker;
    else {
      performance.mark("checklist:worker-start");
      worker = new Worker(new URL("../checklist-worker.js", import.meta.url), { type: "module" });
    }
  } catch (error) {
    setState("failed", `the calculator could not start (${error.message})`);
    return;
  }
  const seconds = Math.round(LOAD_TIMEOUT_MS / 1000);
  const timer = setTimeout(() => {
    if (state === "loading") setState("failed", `Python did not finish loading within ${seconds} seconds`);
  }, LOAD_TIMEOUT_MS);
  worker.onmessage = (event) => answer(event.data, timer);
  worker.onerror = (event) => {
    clearTimeout(timer);
    setState("failed", `the calculator stopped (${event.message || "script error"})`);
  };
  if (early) {
    early.messages.forEach((data) => answer(data, timer));
    early.errors.forEach((event) => worker.onerror(event));
  }
}

/** One request to Python; resolves with its response (`ok` true or false). */
export function ask(request) {
  startWorker();
  return new Promise((resolve, reject) => {
    if (state === "failed") {
      reject(new Error(problem));
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, request: JSON.stringify(request) });
  });
}

let limits = null;

/** What the page checks before asking Python (the largest file it reads): asked once. */
export function pageLimits() {
  limits = limits || ask({ op: "limits" }).catch((error) => {
    limits = null; // ask again next time
    throw error;
  });
  return limits;
}
