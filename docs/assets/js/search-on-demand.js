// Search on demand. The theme (Material for MkDocs 9.8) fetches the whole search index (about
// 100 kB) and starts its search worker as soon as any page loads, although most visits never
// search. This script runs just before the theme's bundle (overrides/main.html) and holds both
// back until the practitioner reaches for search: pointer over or focus on the search box, its
// keyboard shortcuts (which focus the box) or the search button on small screens. A page opened
// from a search result (?h=…, highlighted by the theme) loads them at once.
// The theme's own code is unchanged: it still makes its request and its worker; they just start
// later. Nothing else on the page is affected (other URLs and workers pass straight through).
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  function pathOf(url) {
    try {
      return new URL(String(url), document.baseURI).pathname;
    } catch (error) {
      return "";
    }
  }

  // The index: the theme's XMLHttpRequest is sent only once search is wanted.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndexRequest = INDEX.test(pathOf(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.searchIndexRequest && !wanted) {
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  // The worker: a stand-in that takes the theme's listeners and messages, and starts the real
  // worker (fetching its script) when search is wanted.
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function" && typeof EventTarget === "function") {
    var LazySearchWorker = function (url, options) {
      var target = new EventTarget();
      var queue = [];
      var real = null;
      var start = function () {
        real = new RealWorker(url, options);
        ["message", "messageerror", "error"].forEach(function (type) {
          real.addEventListener(type, function (event) {
            var copy = type === "error"
              ? new ErrorEvent("error", { message: event.message })
              : new MessageEvent(type, { data: event.data });
            target.dispatchEvent(copy);
          });
        });
        queue.splice(0).forEach(function (args) { real.postMessage.apply(real, args); });
      };
      target.postMessage = function () {
        if (real) real.postMessage.apply(real, arguments);
        else queue.push(arguments);
      };
      target.terminate = function () {
        if (real) real.terminate();
        queue.length = 0;
      };
      if (wanted) start();
      else waiting.push(start);
      return target;
    };
    window.Worker = function (url, options) {
      if (SEARCH_WORKER.test(pathOf(url))) return new LazySearchWorker(url, options);
      return new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  // What says search is wanted.
  if (new URLSearchParams(location.search).has("h")) want();
  function isSearch(target) {
    return !!(target && target.closest && target.closest(".md-search, label[for='__search']"));
  }
  document.addEventListener("pointerover", function (event) {
    if (isSearch(event.target)) want();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (isSearch(event.target)) want();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") want();
  }, true);
})();
