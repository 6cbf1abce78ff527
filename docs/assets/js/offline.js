// Offline use: registers the service worker that the build generates with Workbox (sw.js, at the
// root of the site), and says when an updated version of the guidance is ready.
// The worker keeps only this site's public files; answers are never stored. Reloading is always
// the reader's choice: a checklist keeps its answers only in this tab's memory, so the notice
// never reloads by itself, and the checklist's own leave guard still asks before a reload that
// would lose answers not saved or copied.
// Where service workers are unavailable (old or locked-down browsers, or blocked), the site works
// online as before, quietly.
import { el, onEveryPage } from "./lib/page.js";
// workbox-window's ES module build from npm (pinned in package.json, the same project and version
// as workbox-build), copied by `npm run vendor` with its source-map comment removed; MIT licence.
// tests/test_vendor.py fails while the copy differs from the installed package.
import { Workbox } from "./vendor/workbox-window-7.4.1.prod.js";

const UPDATE_CHECK_MS = 3600000; // a long-lived tab checks for a new build at most hourly
const PYTHON_WAIT_MS = 20000; // on a checklist page, the longest the offline copy waits for Python
const SAVED_NOTICE_MS = 12000; // how long "now saved on this device" stays

// This file is <edition>/assets/js/offline.js: the edition's folder is two levels up. The page
// says where the worker is, relative to that folder: "sw.js" when the site is one edition,
// "../sw.js" in the published layout, whose one worker at the root serves every edition.
// Relative, so the same file works wherever the site is served.
const edition = new URL("../../", import.meta.url);
const named = document.querySelector('meta[name="guidance-offline-worker"]');
const workerUrl = new URL((named && named.content) || "sw.js", edition);
const scope = new URL("./", workerUrl);

// The "not found" page, given by the worker for a page not saved on this device while there is
// no connection: say so, rather than that the page does not exist.
function explainOffline() {
  const note = document.querySelector("[data-offline-note]");
  if (!note || navigator.onLine !== false) return;
  const heading = document.querySelector("h1[data-offline-title]");
  if (heading) {
    heading.textContent = heading.getAttribute("data-offline-title");
    document.title = `${heading.textContent} - ${document.title}`;
  }
  note.hidden = false;
}

// The update notice. Its live region exists (empty) before anything is announced, so screen
// readers hear it; early in the tab order: one Tab from the top of the page.
let notice = null;
let shown = ""; // "saved" or "update": an update notice replaces the saved one, never the reverse

function prepareNotice() {
  if (notice) return;
  notice = el("div", { class: "update-notice", role: "status" });
  document.body.prepend(notice);
}

function hideNotice() {
  shown = "";
  notice.classList.remove("update-notice--shown", "update-notice--saved");
  notice.replaceChildren();
  document.documentElement.classList.remove("has-update-notice");
}

function showNotice(reload) {
  prepareNotice();
  if (shown === "update") return;
  hideNotice();
  shown = "update";
  const button = (label, className, onClick) => {
    const node = el("button", { type: "button", class: className }, label);
    node.addEventListener("click", onClick);
    return node;
  };
  notice.append(
    el("p", { class: "update-notice__text" }, "An updated version of this guidance is ready."),
    button("Reload to use it", "md-button md-button--primary update-notice__reload", reload),
    button("Not now", "md-button update-notice__later", hideNotice),
  );
  notice.classList.add("update-notice--shown");
  document.documentElement.classList.add("has-update-notice");
}

// Said once, when the very first offline copy is complete (an update says so in its own notice).
function showSaved() {
  prepareNotice();
  if (shown) return;
  shown = "saved";
  // News, not a question: nothing to press, taps go through to the page beneath, and it goes by
  // itself, so that it never sits over a link or a question (screen readers hear the status).
  notice.classList.add("update-notice--saved");
  notice.append(
    el("p", { class: "update-notice__text" }, "This guidance is now saved on this device: it works without a connection."),
  );
  notice.classList.add("update-notice--shown");
  setTimeout(() => {
    if (shown === "saved") hideNotice();
  }, SAVED_NOTICE_MS);
}

// The worker keeps an older edition's pages as they are visited, but it did not see this page
// load, which happened before it took control: fetch the page and its files again through it.
// Only an older edition's pages (they carry its banner) need it: the latest edition is precached
// (its permanent folder is answered from that copy).
function keepThisPage() {
  if (edition.href === scope.href || !document.querySelector(".edition-banner")) return;
  const urls = [location.href.split("#")[0]];
  for (const entry of performance.getEntriesByType("resource")) {
    if (entry.name.startsWith(edition.href)) urls.push(entry.name);
  }
  for (const url of urls) fetch(url).catch(() => {}); // offline already: nothing to keep
}

// The first offline copy fails as a whole if one file fails to arrive (the signal dropped on a
// visit, the server restarted): the browser then forgets the worker. Try again a little later, or
// as soon as the device is back online, a few times at most; the site works online meanwhile.
const COPY_RETRY_MS = 30000;
const COPY_ATTEMPTS = 3;
let attempts = 0;
let reloadAsked = false;
let hadController = false;

function watchController() {
  hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only when the reader asked: the first worker also takes control (to work offline at once),
    // and another tab may switch workers; neither reloads this tab.
    if (reloadAsked) location.reload();
    else if (!hadController) keepThisPage();
    hadController = true;
  });
}

function retryCopy() {
  if (attempts >= COPY_ATTEMPTS || navigator.serviceWorker.controller) return;
  // The page's state, for the tests: "failed" while a new attempt waits.
  document.documentElement.dataset.offlineCopy = "failed";
  let done = false;
  const again = () => {
    if (done) return;
    done = true;
    window.removeEventListener("online", again);
    delete document.documentElement.dataset.offlineCopy;
    registerWorker().catch(() => {});
  };
  window.addEventListener("online", again);
  setTimeout(again, COPY_RETRY_MS);
}

async function registerWorker() {
  attempts += 1;
  const workbox = new Workbox(workerUrl.href, { scope: scope.pathname });
  let registration;
  const reload = () => {
    reloadAsked = true;
    // The newest waiting worker (a later build may have replaced the one first announced) takes
    // over, then "controllerchange" reloads; none waiting: another tab has already switched.
    if (registration && registration.waiting) workbox.messageSkipWaiting();
    else location.reload();
  };
  // A waiting worker with a controlling one is an update (the very first install has none).
  workbox.addEventListener("waiting", () => {
    if (navigator.serviceWorker.controller) showNotice(reload);
  });
  // The first worker is activated once every file is in the offline copy.
  workbox.addEventListener("activated", (event) => {
    if (!event.isUpdate) showSaved();
  });
  // A worker whose copy failed is discarded ("redundant"): the first copy is tried again.
  workbox.addEventListener("redundant", () => {
    if (!navigator.serviceWorker.controller) retryCopy();
  });
  try {
    registration = await workbox.register({ immediate: true });
  } catch {
    return; // no worker here, offline, or service workers blocked: the site works online
  }
  if (!registration) return; // blocked without saying so (some browsers, test harnesses)
  if (attempts === 1) checkHourly();
}

// The theme's instant navigation never reloads the page, so the browser's own update check
// (on navigation) would not run in a long-lived tab: check at most hourly on page changes.
function checkHourly() {
  let lastCheck = Date.now();
  onEveryPage(() => {
    if (Date.now() - lastCheck <= UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    navigator.serviceWorker
      .getRegistration(scope.href)
      .then((registration) => registration && registration.update())
      .catch(() => {}); // offline: try again later
  });
}

// A build served without a worker (`mkdocs serve`) at an address where an earlier build left
// one: remove it, or it would keep serving that build's pages. Registering again would revive
// it, so when a worker controls this page, first ask whether sw.js is still there (offline the
// question fails, and nothing changes).
async function removeStaleWorker() {
  const registration = await navigator.serviceWorker.getRegistration(scope.href);
  if (registration && registration.scope === scope.href) await registration.unregister();
}

async function register() {
  prepareNotice();
  if (navigator.serviceWorker.controller) {
    // Offline the question fails: register as before (the worker answers).
    const response = await fetch(workerUrl, { method: "HEAD", cache: "no-store" }).catch(() => null);
    if (response && response.status === 404) {
      await removeStaleWorker().catch(() => {});
      return;
    }
  }
  watchController();
  await registerWorker();
}

// After the page has loaded, so that precaching never competes with the page itself; on a
// checklist page, after Python has loaded and its first answers are shown too (the download of
// the offline copy would slow them, and then finds Python's files in the browser's cache), or
// 20 s at the latest.
function whenPythonSettles(then) {
  if (!document.querySelector("form.checklist") || document.documentElement.dataset.pythonSettled) {
    then();
    return;
  }
  let done = false;
  const once = () => {
    if (!done) then();
    done = true;
  };
  document.addEventListener("guidance:python-settled", once);
  setTimeout(once, PYTHON_WAIT_MS);
}

function start() {
  whenPythonSettles(() => register().catch(() => {}));
}

if ("serviceWorker" in navigator && !window.__guidanceOffline) {
  window.__guidanceOffline = true;
  explainOffline();
  // The notice's live region is put in as the page is set up (after the theme's own set-up, in
  // the same task): a new child of <body> has the browser restyle the whole page (the theme has
  // rules like `… + *`), which then costs nothing extra; at registration it did, just as the
  // checklist draws its first answers.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prepareNotice, { once: true });
  else prepareNotice();
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
}
