// Offline use: registers the service worker that the build generates with Workbox (sw.js, at the
// root of the site), and says when an updated version of the guidance is ready.
// The worker keeps only this site's public files; answers are never stored. Reloading is always
// the reader's choice: a checklist keeps its answers only in this tab's memory, so the notice
// never reloads by itself, and the checklist's own leave guard still asks before a reload that
// would lose answers not saved or copied.
(function () {
  "use strict";

  if (!("serviceWorker" in navigator) || window.__guidanceOffline) return;
  window.__guidanceOffline = true;

  // The "not found" page, given by the worker for a page not saved on this device while there is
  // no connection: say so, rather than that the page does not exist.
  var offlineNote = document.querySelector("[data-offline-note]");
  if (offlineNote && navigator.onLine === false) {
    var heading = document.querySelector("h1[data-offline-title]");
    if (heading) {
      heading.textContent = heading.getAttribute("data-offline-title");
      document.title = heading.textContent + " - " + document.title;
    }
    offlineNote.hidden = false;
  }

  // This file is <edition>/assets/js/offline.js: the edition's folder is two levels up. The page
  // says where the worker is, relative to that folder: "sw.js" when the site is one edition,
  // "../sw.js" in the published layout, whose one worker at the root serves every edition.
  // Relative, so the same file works wherever the site is served.
  var edition = new URL("../../", document.currentScript.src);
  var named = document.querySelector('meta[name="guidance-offline-worker"]');
  var workerUrl = new URL((named && named.content) || "sw.js", edition);
  var scope = new URL("./", workerUrl);
  var reloadAsked = false;
  var notice = null;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // The live region exists (empty) before anything is announced, so screen readers hear it.
  function prepare() {
    if (notice) return;
    notice = el("div", "", "update-notice");
    notice.setAttribute("role", "status");
    document.body.prepend(notice); // early in the tab order: one Tab from the top of the page
  }

  function show(registration) {
    prepare();
    if (notice.classList.contains("update-notice--shown")) return;
    var text = el("p", "An updated version of this guidance is ready.", "update-notice__text");
    var reload = el("button", "Reload to use it", "md-button md-button--primary update-notice__reload");
    var later = el("button", "Not now", "md-button update-notice__later");
    reload.type = "button";
    later.type = "button";
    reload.addEventListener("click", function () {
      reloadAsked = true;
      // The newest waiting worker (a later build may have replaced the one first announced).
      var waiting = registration.waiting;
      if (waiting) waiting.postMessage({ type: "SKIP_WAITING" }); // then "controllerchange" reloads
      else location.reload(); // another tab has already switched to it
    });
    later.addEventListener("click", hide);
    notice.append(text, reload, later);
    notice.classList.add("update-notice--shown");
    document.documentElement.classList.add("has-update-notice");
  }

  function hide() {
    notice.classList.remove("update-notice--shown");
    notice.replaceChildren();
    document.documentElement.classList.remove("has-update-notice");
  }

  var hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only when the reader asked: the first worker also takes control (to work offline at once),
    // and another tab may switch workers; neither reloads this tab.
    if (reloadAsked) location.reload();
    else if (!hadController) keepThisPage();
    hadController = true;
  });

  // The worker keeps an older edition's pages as they are visited, but it did not see this page
  // load, which happened before it took control: fetch the page and its files again through it.
  // Only an older edition's pages (they carry its banner) need it: the latest edition is precached
  // (its permanent folder is answered from that copy).
  function keepThisPage() {
    if (edition.href === scope.href || !document.querySelector(".edition-banner")) return;
    var urls = [location.href.split("#")[0]];
    performance.getEntriesByType("resource").forEach(function (entry) {
      if (entry.name.indexOf(edition.href) === 0) urls.push(entry.name);
    });
    urls.forEach(function (url) {
      fetch(url).catch(function () {}); // offline already: nothing to keep
    });
  }

  function watch(registration) {
    // A waiting worker with a controlling one is an update (the very first install has none).
    if (registration.waiting && navigator.serviceWorker.controller) show(registration);
    registration.addEventListener("updatefound", function () {
      var installing = registration.installing;
      if (!installing) return;
      installing.addEventListener("statechange", function () {
        if (installing.state === "installed" && navigator.serviceWorker.controller) show(registration);
      });
    });
    // The theme's instant navigation never reloads the page, so the browser's own update check
    // (on navigation) would not run in a long-lived tab: check at most hourly on page changes.
    var lastCheck = Date.now();
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () {
        if (Date.now() - lastCheck > 3600000) {
          lastCheck = Date.now();
          registration.update().catch(function () {}); // offline: try again later
        }
      });
    }
  }

  // A build served without a worker (`mkdocs serve`) at an address where an earlier build left
  // one: remove it, or it would keep serving that build's pages. Registering again would revive
  // it, so when a worker controls this page, first ask whether sw.js is still there (offline the
  // question fails, and nothing changes).
  function removeStaleWorker() {
    return navigator.serviceWorker.getRegistration(scope.href).then(function (registration) {
      if (registration && registration.scope === scope.href) return registration.unregister();
    });
  }

  function registerWorker() {
    navigator.serviceWorker
      .register(workerUrl.href, { scope: scope.pathname })
      .then(watch, function () {}); // no worker here (or offline): the site works online as before
  }

  function register() {
    prepare();
    if (!navigator.serviceWorker.controller) {
      registerWorker();
      return;
    }
    fetch(workerUrl, { method: "HEAD", cache: "no-store" }).then(
      function (response) {
        if (response.status === 404) removeStaleWorker().catch(function () {});
        else registerWorker();
      },
      registerWorker,
    );
  }

  // After the page has loaded, so that precaching never competes with the page itself; on a
  // checklist page, after Python has loaded too (the download of the offline copy would slow it,
  // and then finds Python's files in the browser's cache), or 20 s at the latest.
  function whenPythonSettles(then) {
    if (!document.querySelector("form.checklist") || document.documentElement.dataset.pythonSettled) {
      then();
      return;
    }
    var done = false;
    function once() {
      if (!done) then();
      done = true;
    }
    document.addEventListener("guidance:python-settled", once);
    setTimeout(once, 20000);
  }

  function start() {
    whenPythonSettles(register);
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
