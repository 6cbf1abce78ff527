// Paragraph tools: "Copy link" and "Copy citation" beside every numbered paragraph, the
// highlight of the paragraph a link points at, and the print date. Progressive enhancement:
// without JavaScript the paragraph number is still a link to the paragraph.
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : "";
  }

  // The edition's permanent address (/2/assessment/, not /latest/…) when the site says it, so a
  // citation keeps pointing at the words that were cited after a new edition is published.
  function paragraphUrl(id) {
    var line = document.querySelector(".edition-line[data-permanent]");
    var page = line ? new URL(line.getAttribute("data-permanent"), location.href) : location;
    return page.origin + page.pathname + "#" + id;
  }

  function citation(id) {
    return meta("guidance-title") + ", paragraph " + id + " (" + meta("guidance-edition") + "). " +
      paragraphUrl(id);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-http hosts: a hidden textarea and the copy command.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy not allowed")); }
    });
  }

  function status() {
    var el = document.getElementById("para-status");
    if (!el) {
      el = document.createElement("div");
      el.id = "para-status";
      el.className = "md-typeset para-tools__status";
      el.setAttribute("role", "status");
      document.body.appendChild(el);
    }
    return el;
  }

  function say(message) {
    var el = status();
    el.textContent = message;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { el.textContent = ""; }, 6000);
  }

  function button(label, name, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", onClick);
    return b;
  }

  function addTools(unit) {
    var number = unit.querySelector(".para-num");
    if (!number || unit.querySelector(".para-tools")) return;
    var id = unit.id;
    var tools = document.createElement("span");
    tools.className = "para-tools";
    tools.appendChild(button("Copy link", "Copy link to paragraph " + id, function () {
      copyText(paragraphUrl(id)).then(
        function () { say("Link to paragraph " + id + " copied."); },
        function () { say("Could not copy. The link is: " + paragraphUrl(id)); });
    }));
    tools.appendChild(button("Copy citation", "Copy citation of paragraph " + id, function () {
      copyText(citation(id)).then(
        function () { say("Citation of paragraph " + id + " copied."); },
        function () { say("Could not copy. The citation is: " + citation(id)); });
    }));
    // At the end of the paragraph's first block, so the number and the text read on unbroken.
    number.parentNode.appendChild(tools);
  }

  function highlightTarget() {
    document.querySelectorAll(".para.is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    var unit = id && document.getElementById(id);
    if (unit && unit.classList.contains("para")) unit.classList.add("is-target");
  }

  function setPrintDate() {
    var now = new Date();
    document.querySelectorAll("[data-print-date]").forEach(function (el) {
      el.textContent = now.toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" });
    });
  }

  function setUp() {
    document.querySelectorAll(".para[id]").forEach(addTools);
    highlightTarget();
    setPrintDate();
  }

  window.addEventListener("hashchange", highlightTarget);
  window.addEventListener("beforeprint", setPrintDate);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);  // Material's instant navigation: every page swap
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
