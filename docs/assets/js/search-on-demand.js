// Search on demand. The theme (Material for MkDocs 9.8) fetches the whole search index (about
// 100 kB) and starts its search worker as soon as any page loads, although most visits never
// search. This script runs just before the theme's bundle (overrides/main.html) and holds both
// back until the practitioner reaches for search: pointer over or focus on the search box, its
// keyboard shortcuts (which focus the box) or the search button on small screens. (The theme's
// highlighting of the term on the result page is off: it carried the term in the page's address,
// ?h=…, where the browser's history and caches would keep it; issue 27.)
// The theme's own code is unchanged: it still makes its request and its worker; they just start
// later. Nothing else on the page is affected (other URLs and workers pass straight through).
// A classic script, not a module like the others: it must run before the theme's bundle, and a
// module would run after it. It needs nothing from lib/page.js.
{
  const INDEX = /\/search\/search_index\.json$/;
  const SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  let wanted = false;
  const waiting = [];

  const want = () => {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach((start) => start());
  };

  const pathOf = (url) => {
    try {
      return new URL(String(url), document.baseURI).pathname;
    } catch {
      return "";
    }
  };

  // The index: the theme's XMLHttpRequest is sent only once search is wanted.
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.searchIndexRequest = INDEX.test(pathOf(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.searchIndexRequest && !wanted) {
      waiting.push(() => send.apply(this, args));
      return undefined;
    }
    return send.apply(this, args);
  };

  // The worker: a stand-in that takes the theme's listeners and messages, and starts the real
  // worker (fetching its script) when search is wanted.
  const RealWorker = window.Worker;
  if (typeof RealWorker === "function" && typeof EventTarget === "function") {
    const lazySearchWorker = (relative, options) => {
      // Resolved now, as the browser resolves a worker's address when it is made: the real worker
      // may start pages later, after instant navigation has changed the page's address.
      const url = new URL(String(relative), document.baseURI).href;
      const target = new EventTarget();
      const queue = [];
      let real = null;
      const start = () => {
        real = new RealWorker(url, options);
        for (const type of ["message", "messageerror", "error"]) {
          real.addEventListener(type, (event) => {
            const copy =
              type === "error" ? new ErrorEvent("error", { message: event.message }) : new MessageEvent(type, { data: event.data });
            target.dispatchEvent(copy);
          });
        }
        queue.splice(0).forEach((args) => real.postMessage(...args));
      };
      target.postMessage = (...args) => {
        if (real) real.postMessage(...args);
        else queue.push(args);
      };
      target.terminate = () => {
        if (real) real.terminate();
        queue.length = 0;
      };
      if (wanted) start();
      else waiting.push(start);
      return target;
    };
    window.Worker = function (url, options) {
      if (SEARCH_WORKER.test(pathOf(url))) return lazySearchWorker(url, options);
      return new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  // What says search is wanted.
  const isSearch = (target) => Boolean(target && target.closest && target.closest(".md-search, label[for='__search']"));
  document.addEventListener("pointerover", (event) => isSearch(event.target) && want(), true);
  document.addEventListener("focusin", (event) => isSearch(event.target) && want(), true);
  document.addEventListener("change", (event) => event.target && event.target.id === "__search" && want(), true);
}
