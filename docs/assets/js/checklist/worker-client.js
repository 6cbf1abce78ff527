// The calculator's worker (Python in Pyodide): one per tab, kept across the theme's instant page
// changes. Requests go in as JSON text and come back as JSON (calculators/contract.py).

import { blobWorker } from "./blob-worker.js";

const LOAD_TIMEOUT_MS = window.CHECKLIST_LOAD_TIMEOUT_MS || 90000;
// Python starts as a checklist page starts where the device has cores to spare: checklist-early.js,
// in the page's <head>, creates the worker and startWorker() adopts it, replaying what it said
// before. Otherwise, and after an instant page change (no new <head>), startWorker() creates it as
// the page is set up (checklist.js, in the theme's page event).

// A request that has not been answered this long after Python loaded means the worker died.
const ANSWER_TIMEOUT_MS = window.CHECKLIST_ANSWER_TIMEOUT_MS || 30000;
const MAX_RESTARTS = 3; // a worker that keeps dying is a failure, not a loop
const PAINT_WAIT_MS = 2000; // the longest work that can wait waits for the page to paint
const RESTARTING =
  "The checklist's calculator stopped and is starting again. Your answers are kept on this page.";

let worker = null;
let workerURL = "";
let loadTimer = null;
let restarts = 0;
let restarting = false; // a new worker after one died: said until it is ready, whatever it says
let state = "loading"; // loading | ready | failed
let problem = "";
let said = ""; // what the worker last said while loading ("" for the usual words)
let downloaded = { loaded: 0, total: 0 }; // the runtime's bytes so far, counted by the worker
let nextId = 1;
const pending = new Map();
const listeners = new Set();
let shown = false; // this worker's first answers are on the page (see answersShown)
// Started ahead of any checklist (prestart.js) and not yet wanted by one: should it fail, it is
// forgotten, and the checklist the reader opens starts Python again and says what happens.
let ahead = false;

/** Whether the worker has been started (or cannot be). */
export function workerStarted() {
  return Boolean(worker) || state === "failed";
}

/** "loading", "ready" or "failed". */
export function workerState() {
  return state;
}

/** While loading: what the worker said, and how much of the runtime has arrived. */
export function workerProgress() {
  return { message: said, ...downloaded };
}

/** Why the calculator failed, in words, once it has. */
export function workerProblem() {
  return problem;
}

/** Call `listener()` on every change of state or progress (see workerProgress); returns how to
 * stop. */
export function onWorkerState(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// offline.js holds the offline copy's download back until Python has failed, or has loaded and
// its first answers are on the page.
function settled() {
  document.documentElement.dataset.pythonSettled = "true";
  document.dispatchEvent(new Event("guidance:python-settled"));
}

function setState(next, why = "") {
  state = next;
  problem = why;
  listeners.forEach((listener) => listener());
  if (next === "failed") settled();
}

/** Run `then` once the page has painted what it has just drawn; in a hidden tab, which does not
 * paint, at once; and, should a frame not come, after PAINT_WAIT_MS. */
function afterNextPaint(then) {
  let done = false;
  const once = () => {
    if (!done) then();
    done = true;
  };
  const visible = document.visibilityState === "visible";
  if (visible) requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, visible ? PAINT_WAIT_MS : 0);
}

/** After an answer: once no request is waiting and the page has painted, Python's first answers
 * are shown, and work that can wait begins: the worker makes Python's snapshot (a second Python
 * starting) and offline.js the offline copy. Before then they would take the device's cores from
 * the page as it draws the answers. */
function answersShown() {
  if (shown) return;
  afterNextPaint(() => {
    if (shown || pending.size || state !== "ready" || !worker) return; // the next answer calls again
    shown = true;
    worker.postMessage({ background: true });
    settled();
  });
}

function progress(message, bytes = downloaded) {
  // The restart stays said until the new worker is ready: its own first words ("Starting
  // Python…") once replaced it at once on a busy machine, and the reader never saw why.
  said = restarting ? RESTARTING : message;
  downloaded = bytes;
  listeners.forEach((listener) => listener());
}

/** The answer every caller gets when the calculator cannot answer: never a rejected promise. */
function unanswered(message) {
  return { ok: false, error: { field: "calculator", message } };
}

function settleAll(message) {
  for (const { resolve, timer } of pending.values()) {
    clearTimeout(timer);
    resolve(unanswered(message));
  }
  pending.clear();
}

function stop() {
  clearTimeout(loadTimer);
  if (worker) {
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  }
  worker = null;
  shown = false; // a new worker makes its own snapshot once its answers are shown
  if (workerURL) URL.revokeObjectURL(workerURL);
  workerURL = "";
}

function fail(why) {
  stop();
  settleAll(why);
  if (ahead) {
    ahead = false; // nothing asked it yet: no failure to show, a checklist starts it again
    return;
  }
  setState("failed", why);
}

/** The worker died after Python had loaded: start a new one (the page keeps the answers). */
function restart(why) {
  stop();
  settleAll(`${why}: it is starting again and your answers are kept`);
  if (restarts >= MAX_RESTARTS) {
    setState("failed", `the calculator stopped ${restarts + 1} times (${why})`);
    return;
  }
  restarts += 1;
  restarting = true;
  setState("loading");
  progress(RESTARTING, { loaded: 0, total: 0 });
  startWorker();
}

function answer(data) {
  if (data.type === "progress") {
    progress(String(data.message || ""));
  } else if (data.type === "download") {
    progress(said, { loaded: Number(data.loaded) || 0, total: Number(data.total) || 0 });
  } else if (data.type === "ready") {
    clearTimeout(loadTimer);
    performance.mark("checklist:python-ready");
    // How Python started: "snapshot" (restored, checklist/snapshot.js) or "fresh"; read by tests.
    document.documentElement.dataset.pythonStart = data.start || "fresh";
    restarting = false;
    setState("ready");
  } else if (data.type === "failed") {
    fail(`Python could not load (${data.message})`);
  } else if (data.type === "snapshot") {
    document.documentElement.dataset.pythonSnapshot = data.stored ? "stored" : "failed";
  } else if (data.type === "response" && pending.has(data.id)) {
    const { resolve, timer } = pending.get(data.id);
    clearTimeout(timer);
    pending.delete(data.id);
    if (data.fatal) restart("the calculator stopped");
    else if (data.error) resolve(unanswered(data.error));
    else resolve(JSON.parse(data.response));
    answersShown();
  }
}

/** Start the worker now, unless it has started or cannot. `ahead`: by prestart.js, before any
 * checklist wants it (any other call, a checklist's, ends that). */
export function startWorker(options = {}) {
  ahead = Boolean(options && options.ahead === true) && !worker;
  if (worker || state === "failed") return;
  if (!("Worker" in window) || typeof WebAssembly !== "object" || !("Blob" in window)) {
    setState("failed", "this browser cannot run the checklist's calculator (no Web Workers or WebAssembly)");
    return;
  }
  const early = window.__checklistEarlyWorker;
  window.__checklistEarlyWorker = null;
  // Should checklist-early.js run after this (both load async), it must not start a second one.
  window.__checklistWorkerStarted = true;
  try {
    if (early) {
      worker = early.worker;
      workerURL = early.url || "";
    } else {
      performance.mark("checklist:worker-start");
      ({ worker, url: workerURL } = blobWorker(new URL("../checklist-worker.js", import.meta.url).href));
    }
  } catch (error) {
    fail(`the calculator could not start (${error.message})`);
    return;
  }
  const seconds = Math.round(LOAD_TIMEOUT_MS / 1000);
  loadTimer = setTimeout(() => {
    if (state === "loading") fail(`Python did not finish loading within ${seconds} seconds`);
  }, LOAD_TIMEOUT_MS);
  worker.onmessage = (event) => answer(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    const why = `the calculator stopped (${event.message || "script error"})`;
    if (state === "ready") restart(why);
    else fail(why);
  };
  if (early) {
    early.messages.forEach((data) => answer(data));
    early.errors.forEach((event) => worker.onerror(event));
  }
}

/** One request to Python; resolves with its response (`ok` true or false). It never rejects:
 * when the calculator cannot answer, the response is `ok: false` with why, in words. A request
 * not answered in time after Python loaded means the worker died: a new one starts. */
export function ask(request) {
  startWorker();
  return new Promise((resolve) => {
    if (state === "failed" || !worker) {
      resolve(unanswered(problem || "the calculator is not available"));
      return;
    }
    const id = nextId++;
    const wait = state === "ready" ? ANSWER_TIMEOUT_MS : LOAD_TIMEOUT_MS + ANSWER_TIMEOUT_MS;
    const timer = setTimeout(() => {
      if (pending.has(id) && state === "ready") restart("the calculator did not answer");
    }, wait);
    pending.set(id, { resolve, timer });
    try {
      worker.postMessage({ id, request: JSON.stringify(request) });
    } catch (error) {
      clearTimeout(timer);
      pending.delete(id);
      resolve(unanswered(`the request could not be sent (${error.message})`));
    }
  });
}

let limits = null;

/** What the page checks before asking Python (the largest file it reads): asked once. */
export function pageLimits() {
  limits =
    limits ||
    ask({ op: "limits" }).then((response) => {
      if (!response.ok) limits = null; // ask again next time
      return response;
    });
  return limits;
}
