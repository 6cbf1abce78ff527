// The calculator's worker (Python in Pyodide): one per tab, kept across the theme's instant page
// changes. Requests go in as JSON text and come back as JSON (calculators/contract.py).

const LOAD_TIMEOUT_MS = window.CHECKLIST_LOAD_TIMEOUT_MS || 90000;
// Python starts at the browser's first idle moment once the page is set up (after the theme's
// start-up work, so it never delays the page), or at once when the practitioner touches a
// checklist first. (Waiting for the load event as well cost up to a second in make bench.)
const IDLE_TIMEOUT_MS = 1000; // at the latest: a page that is never idle still gets Python

let worker = null;
let state = "loading"; // loading | ready | failed
let problem = "";
let nextId = 1;
let startPlanned = false;
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
  try {
    worker = new Worker(new URL("../checklist-worker.js", import.meta.url), { type: "module" });
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
}

/** Start the worker at the browser's first idle moment (once). */
export function startWhenIdle() {
  if (worker || startPlanned) return;
  startPlanned = true;
  if ("requestIdleCallback" in window) window.requestIdleCallback(startWorker, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(startWorker, 0);
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
