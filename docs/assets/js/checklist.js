// Checklist runtime: enhances the build-time checklist form. Python (Pyodide, in a worker)
// evaluates the answers; this module only collects answers, renders results with textContent
// (never HTML from data) and handles the record: copy, print, save, open, clear.
// Nothing is sent anywhere and nothing is stored unless the user saves a file.

const LOAD_TIMEOUT_MS = window.CHECKLIST_LOAD_TIMEOUT_MS || 90000;
const MAX_FILE_BYTES = 1000000;

// ---- The worker: one per tab, kept across the theme's instant page changes. ----
let worker = null;
let workerState = "loading"; // loading | ready | failed
let workerProblem = "";
let nextId = 1;
const pending = new Map();
const stateListeners = new Set();

function setWorkerState(state, problem = "") {
  workerState = state;
  workerProblem = problem;
  stateListeners.forEach((listener) => listener());
  if (state !== "loading") {
    // offline.js holds the offline copy's download back until Python has loaded (or failed).
    document.documentElement.dataset.pythonSettled = "true";
    document.dispatchEvent(new Event("guidance:python-settled"));
  }
}

function startWorker() {
  if (worker || workerState === "failed") return;
  if (!("Worker" in window) || typeof WebAssembly !== "object") {
    setWorkerState("failed", "this browser cannot run the checklist's calculator (no Web Workers or WebAssembly)");
    return;
  }
  const url = new URL("checklist-worker.js", import.meta.url);
  try {
    worker = new Worker(url, { type: "module" });
  } catch (error) {
    setWorkerState("failed", `the calculator could not start (${error.message})`);
    return;
  }
  const timer = setTimeout(() => {
    if (workerState === "loading") {
      setWorkerState("failed", `Python did not finish loading within ${Math.round(LOAD_TIMEOUT_MS / 1000)} seconds`);
    }
  }, LOAD_TIMEOUT_MS);
  worker.onmessage = (event) => {
    const data = event.data;
    if (data.type === "progress") {
      stateListeners.forEach((listener) => listener(data.message));
    } else if (data.type === "ready") {
      clearTimeout(timer);
      setWorkerState("ready");
    } else if (data.type === "failed") {
      clearTimeout(timer);
      setWorkerState("failed", `Python could not load (${data.message})`);
    } else if (data.type === "response" && pending.has(data.id)) {
      const { resolve, reject } = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) reject(new Error(data.error));
      else resolve(JSON.parse(data.response));
    }
  };
  worker.onerror = (event) => {
    clearTimeout(timer);
    setWorkerState("failed", `the calculator stopped (${event.message || "script error"})`);
  };
}

// Python starts at the browser's first idle moment once the page is set up (after the theme's
// start-up work, so it never delays the page), or at once when the practitioner touches a
// checklist first. (Waiting for the load event as well cost up to a second in make bench.)
const IDLE_TIMEOUT_MS = 1000; // at the latest: a page that is never idle still gets Python
let startPlanned = false;

function startWhenIdle() {
  if (worker || startPlanned) return;
  startPlanned = true;
  if ("requestIdleCallback" in window) window.requestIdleCallback(startWorker, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(startWorker, 0);
}

function ask(request) {
  startWorker();
  return new Promise((resolve, reject) => {
    if (workerState === "failed") {
      reject(new Error(workerProblem));
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, request: JSON.stringify(request) });
  });
}

// ---- This tab's checklists, in memory only (never stored): answers survive moving between pages
// of the site, the judgement checklist can start from them, and one assessment record can gather
// them. Closing or reloading the tab forgets them. ----
const tab = new Map(); // checklist id -> { payload, record, stage, serves, dirty }

function paragraphKey(number) {
  return number.split(".").map((part) => part.padStart(3, "0")).join(".");
}

function tabRecords() {
  return [...tab.values()]
    .filter((entry) => entry.record)
    .sort((a, b) => a.stage - b.stage || paragraphKey(a.serves).localeCompare(paragraphKey(b.serves)));
}

// ---- Reading and writing the form. ----
function meta(name) {
  const el = document.querySelector(`meta[name="${name}"]`);
  return el ? el.getAttribute("content") : "";
}

function edition() {
  return { edition: meta("guidance-edition"), edition_number: Number(meta("guidance-edition-number")) };
}

// What changed since each older edition (written by the build at the edition's root): a file
// saved under an older edition then says which answered items to check. Missing (make serve,
// or no network without the offline cache): the file still opens, with a notice saying so.
const CHANGES_URL = new URL("../../edition-changes.json", import.meta.url);

async function editionChanges() {
  try {
    const response = await fetch(CHANGES_URL, { credentials: "same-origin" });
    return response.ok ? await response.json() : undefined;
  } catch (error) {
    return undefined;
  }
}

function now() {
  return new Date().toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" });
}

function collect(form) {
  const answers = {};
  const notes = {};
  for (const input of form.querySelectorAll("input[type=radio]:checked")) answers[input.name] = input.value;
  for (const area of form.querySelectorAll("textarea[name^='note:']")) {
    if (area.value.trim()) notes[area.name.slice(5)] = area.value;
  }
  return { checklist: form.dataset.checklist, answers, notes };
}

function apply(form, answers, notes) {
  form.reset();
  for (const [id, value] of Object.entries(answers)) {
    for (const input of form.querySelectorAll("input[type=radio]")) {
      if (input.name === id && input.value === value) input.checked = true;
    }
  }
  for (const [id, text] of Object.entries(notes)) {
    const area = form.querySelector(`textarea[id="note-${CSS.escape(id)}"]`);
    if (area) {
      area.value = text;
      const details = area.closest("details");
      if (details) details.open = true;
    }
  }
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function paragraphLink(form, number) {
  const source = form.querySelector(`a[data-para="${CSS.escape(number)}"]`);
  const link = el("a", `Paragraph ${number}`, "checklist-prompt__para");
  link.href = source ? source.href : "#";
  return link;
}

function itemList(form, items, className) {
  const ul = el("ul", "", className);
  for (const item of items) {
    const li = el("li", `${item.text} `);
    li.append(paragraphLink(form, item.paragraph));
    ul.append(li);
  }
  return ul;
}

function render(form, result) {
  const box = form.querySelector(".checklist__prompts");
  box.replaceChildren();
  if (!result.in_scope) box.append(el("p", "This checklist does not apply to this case.", "checklist__out-of-scope"));
  if (result.answered === 0) box.append(el("p", "Nothing is answered yet.", "checklist__hint"));
  if (result.missing.length) {
    const missing = el("div", "", "checklist__missing");
    missing.append(el("p", "Incomplete. Still to give:", "checklist__missing-lead"));
    missing.append(itemList(form, result.missing, "checklist__missing-list"));
    box.append(missing);
  }
  for (const statement of result.statements) box.append(el("p", statement, "checklist__statement"));
  const list = el("ul", "", "checklist-prompts");
  for (const prompt of result.prompts) {
    const item = el("li", "", "checklist-prompt");
    item.dataset.prompt = prompt.id;
    if (prompt.lead) item.append(el("p", prompt.lead, "checklist-prompt__lead"));
    if (prompt.items.length) item.append(itemList(form, prompt.items, "checklist-prompt__items"));
    for (const cite of prompt.cites) {
      const quote = el("blockquote", "", "checklist-prompt__quote");
      quote.append(el("p", `“${cite.quote}”`));
      const source = el("p", "", "checklist-prompt__source");
      source.append(paragraphLink(form, cite.paragraph));
      quote.append(source);
      item.append(quote);
    }
    list.append(item);
  }
  box.append(list);
  const unknown = result.to_find_out.items;
  if (unknown.length) {
    box.append(el("h3", result.to_find_out.heading, "checklist__unknown-heading"));
    box.append(itemList(form, unknown, "checklist__unknown"));
  }
}

// ---- One form on the page. ----
function enhance(form) {
  if (form.dataset.enhanced) return;
  form.dataset.enhanced = "true";
  form.classList.add("checklist--enhanced");
  const status = form.querySelector(".checklist__status");
  const message = form.querySelector(".checklist__message");
  const buttons = Object.fromEntries([...form.querySelectorAll("button[data-action]")].map((b) => [b.dataset.action, b]));
  const fileInput = form.querySelector(".checklist__file");
  let latest = null;
  let sequence = 0;
  let dirty = false;
  const markClean = () => {
    dirty = false;
    const entry = tab.get(form.dataset.checklist);
    if (entry) entry.dirty = false;
  };

  const say = (text, kind = "info") => {
    message.textContent = text;
    message.dataset.kind = kind;
  };

  const showState = (progress) => {
    if (workerState === "loading") {
      status.replaceChildren(el("span", `${progress || "Loading Python…"} Answers you give now are kept and will be read as soon as it is ready.`));
      const bar = document.createElement("progress");
      bar.setAttribute("aria-label", "Loading Python");
      status.prepend(bar);
    } else if (workerState === "failed") {
      status.replaceChildren(el("span", `The checklist cannot show what the guidance says here: ${workerProblem}. Your answers are kept; you can still fill in and print the form.`));
      status.dataset.kind = "error";
    } else {
      status.replaceChildren();
    }
    for (const name of ["copy", "show", "save", "open"]) buttons[name].disabled = workerState !== "ready";
  };

  const evaluateNow = async () => {
    if (workerState !== "ready") return;
    const mine = ++sequence;
    try {
      const response = await ask({ op: "evaluate", payload: collect(form), guidance: meta("guidance-title"), ...edition(), made_at: now() });
      if (mine !== sequence) return;
      if (!response.ok) {
        say(`Could not read these answers: ${response.error.field} ${response.error.message}.`, "error");
        return;
      }
      latest = response;
      const payload = collect(form);
      if (response.answered) {
        tab.set(form.dataset.checklist, { payload, record: response.record, stage: response.stage, serves: form.dataset.serves, dirty });
      } else {
        tab.delete(form.dataset.checklist);
      }
      render(form, response);
      form.querySelector(".checklist__record").textContent = response.record;
      if (!form.dataset.evaluated) performance.mark("checklist-first-result"); // read by make bench
      form.dataset.evaluated = String(mine);
    } catch (error) {
      say(`Could not read these answers: ${error.message}.`, "error");
    }
  };

  // Back on this page in the same tab: carry on where the practitioner was.
  const kept = tab.get(form.dataset.checklist);
  if (kept) {
    apply(form, kept.payload.answers, kept.payload.notes);
    dirty = kept.dirty;
    say("Your answers from earlier in this tab are back. They are kept until you close or reload the tab.");
  }

  // Note items that start from other checklists answered in this tab (editable).
  const prefill = async () => {
    const empty = [...form.querySelectorAll("textarea[data-prefill]")].filter((area) => !area.value.trim());
    const others = [...tab.values()].map((entry) => entry.payload).filter((p) => p.checklist !== form.dataset.checklist);
    if (!empty.length || !others.length) return;
    const response = await ask({ op: "prefill", checklist: form.dataset.checklist, payloads: others });
    if (!response.ok) return;
    let filled = 0;
    for (const area of empty) {
      const text = response.prefill[area.dataset.prefill];
      if (text && !area.value.trim()) {
        area.value = text;
        filled += 1;
      }
    }
    if (filled) say("Some lists start from the checklists you answered in this tab. Edit them freely.");
  };

  const listener = async (progress) => {
    showState(progress);
    if (workerState === "ready") {
      await prefill();
      evaluateNow();
    }
  };
  stateListeners.add(listener);
  showState();
  if (workerState === "ready") prefill().then(evaluateNow);

  // Touching the form starts Python at once, if the browser has not been idle yet.
  for (const type of ["pointerdown", "focusin", "keydown"]) form.addEventListener(type, startWorker);

  let typing = null;
  form.addEventListener("input", (event) => {
    dirty = true;
    if (event.target.tagName === "TEXTAREA") {
      clearTimeout(typing);
      typing = setTimeout(evaluateNow, 250);
    } else {
      evaluateNow();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  buttons.print.disabled = false;
  buttons.clear.disabled = false;
  const record = form.querySelector(".checklist__record");
  buttons.show.setAttribute("aria-controls", record.id);
  buttons.show.setAttribute("aria-expanded", "false");
  buttons.show.addEventListener("click", () => {
    record.hidden = !record.hidden;
    buttons.show.setAttribute("aria-expanded", String(!record.hidden));
    buttons.show.textContent = record.hidden ? "Show the record" : "Hide the record";
  });
  // Printing prints the record once Python has made one; before that, the form itself.
  buttons.print.addEventListener("click", () => window.print());
  buttons.clear.addEventListener("click", () => {
    if (!window.confirm("Clear all answers and notes? This cannot be undone.")) return;
    form.reset();
    markClean();
    tab.delete(form.dataset.checklist);
    say("All answers cleared.");
    evaluateNow();
  });
  buttons.copy.addEventListener("click", async () => {
    await evaluateNow();
    if (!latest) return;
    try {
      await navigator.clipboard.writeText(latest.record);
      markClean();
      say("Record copied. Paste it into your case record.");
    } catch (error) {
      say("Could not copy the record: this browser does not allow it here. Use Save to a file or Print instead.", "error");
    }
  });
  buttons.save.addEventListener("click", async () => {
    const response = await ask({ op: "save", payload: collect(form), guidance: meta("guidance-title"), ...edition(), made_at: now() });
    if (!response.ok) {
      say(`Could not save: ${response.error.message}.`, "error");
      return;
    }
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([response.file], { type: "application/json" }));
    link.download = `${form.dataset.checklist}-${stamp}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    markClean();
    say("Saved to a file on this device. Open it here later to carry on.");
  });
  buttons.open.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    const keep = "Your current answers have not been changed.";
    if (file.size > MAX_FILE_BYTES) {
      say(`Could not open “${file.name}”: it is larger than 1 MB, so it cannot be a saved checklist. ${keep}`, "error");
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      say(`Could not read “${file.name}”. ${keep}`, "error");
      return;
    }
    const changes = await editionChanges();
    const response = await ask({ op: "open", text, checklist: form.dataset.checklist, changes, ...edition() });
    if (!response.ok) {
      say(`Could not open “${file.name}”: the file ${response.error.message}. ${keep}`, "error");
      return;
    }
    apply(form, response.answers, response.notes);
    markClean();
    say(`Opened “${file.name}”. ${response.notice}`.trim());
    evaluateNow();
  });

  // Leaving with answers not saved or copied asks first: closing the tab or following a link,
  // including the theme's instant navigation (which would otherwise swap the page silently).
  const beforeUnload = (event) => {
    if (dirty && document.contains(form)) event.preventDefault();
  };
  const beforeLink = (event) => {
    if (!dirty || !document.contains(form) || event.defaultPrevented) return;
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const target = new URL(link.href, location.href);
    if (target.pathname === location.pathname && target.search === location.search) return;
    if (link.target === "_blank" || link.hasAttribute("download")) return;
    if (!window.confirm("Your answers are not saved or copied. Leave this page? They stay in this tab only until you close or reload it.")) {
      event.preventDefault();
      event.stopImmediatePropagation();
    } else {
      dirty = false;
    }
  };
  window.addEventListener("beforeunload", beforeUnload);
  window.addEventListener("click", beforeLink, true);
  // When the theme swaps this page out, stop listening for it.
  const observer = new MutationObserver(() => {
    if (!document.contains(form)) {
      stateListeners.delete(listener);
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", beforeLink, true);
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

// ---- The assessment record: every checklist answered in this tab, in the guidance's order. ----
function gather(box) {
  box.classList.add("checklist--enhanced");
  const records = tabRecords();
  const status = box.querySelector(".assessment-record__status");
  const pre = box.querySelector(".assessment-record__text");
  const buttons = Object.fromEntries([...box.querySelectorAll("button[data-action]")].map((b) => [b.dataset.action, b]));
  const message = box.querySelector(".checklist__message");
  for (const li of box.querySelectorAll("li[data-checklist]")) {
    li.dataset.answered = String(tab.has(li.dataset.checklist));
  }
  if (!records.length) {
    status.textContent = "No checklist has been answered in this tab yet. Answer one or more of the checklists above; their records gather here while this tab stays open.";
    return;
  }
  const heading = [
    "Assessment record",
    `Guidance: ${meta("guidance-title")}`,
    `Edition: ${meta("guidance-edition")}`,
    `Made: ${now()}`,
    `Checklists: ${records.length}`,
  ].join("\n");
  const rule = "\n" + "=".repeat(60) + "\n\n";
  pre.textContent = heading + rule + records.map((entry) => entry.record).join(rule);
  pre.hidden = false;
  status.textContent = `${records.length} checklist record(s) from this tab, in the guidance's order.`;
  buttons.copy.disabled = false;
  buttons.print.disabled = false;
  buttons.copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(pre.textContent);
      for (const entry of tab.values()) entry.dirty = false;
      message.textContent = "Assessment record copied. Paste it into your case record.";
    } catch (error) {
      message.textContent = "Could not copy: this browser does not allow it here. Use Print instead.";
    }
  });
  buttons.print.addEventListener("click", () => window.print());
}

function setUp() {
  document.querySelectorAll(".assessment-record").forEach(gather);
  const forms = document.querySelectorAll("form.checklist[data-checklist]");
  if (!forms.length) return;
  forms.forEach(enhance);
  startWhenIdle();
}

function whenParsed() {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // the theme's instant navigation: every page swap
  } else {
    setUp();
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", whenParsed);
} else {
  whenParsed();
}
