// Asking before answers are lost. Answers live in this tab's memory (tab-memory.js), which the
// theme's instant navigation keeps: following a link within the site, Back and Forward, the n/p
// shortcuts and search results lose nothing, so they never ask. A full page load (another
// edition, a file, another site), a reload or closing the tab empties the memory: when answers
// are neither saved nor copied, a link that would do that asks first, saying what would be lost,
// and the browser asks before a reload or close (browsers show their own words there).
import { onEveryPage } from "../lib/page.js";
import { unsaved } from "./tab-memory.js";

// This file is <edition>/assets/js/checklist/leave-guard.js: the edition's folder, three up.
const EDITION = new URL("../../../", import.meta.url);
let installed = false;
let agreed = false; // the practitioner already agreed to lose them for this navigation

/** Whether the theme will open `url` by instant navigation (the tab's memory is kept). */
function isInstant(url) {
  if (!window.document$) return false; // no theme script: every link loads a page
  if (url.origin !== EDITION.origin || !url.pathname.startsWith(EDITION.pathname)) return false;
  const rest = url.pathname.slice(EDITION.pathname.length);
  return (rest === "" || rest.endsWith("/") || rest.endsWith(".html")) && !rest.startsWith("assets/");
}

/** The question asked before a full page load, in plain words. */
export function question(lost, leavingSite) {
  const where = leavingSite ? "This link leaves the site" : "This link loads a new page";
  return `${where}, which empties this tab's memory. You would lose your answers, not saved or copied, to: ${lost.join("; ")}. Leave anyway?`;
}

/** Guard the whole tab (once): links that would load a page, reload and close. */
export function guardTab() {
  if (installed) return;
  installed = true;
  onEveryPage(() => (agreed = false));
  window.addEventListener("beforeunload", (event) => {
    if (agreed || !unsaved().length) return;
    event.preventDefault();
    event.returnValue = ""; // older browsers
  });
  window.addEventListener(
    "click",
    (event) => {
      const lost = unsaved();
      if (!lost.length || event.defaultPrevented) return;
      const link = event.target.closest && event.target.closest("a[href]");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.target === "_blank" || link.hasAttribute("download")) return; // this tab stays
      const target = new URL(link.href, location.href);
      if (target.protocol === "blob:" || target.protocol === "mailto:" || target.protocol === "tel:") return;
      if (target.pathname === location.pathname && target.search === location.search) return;
      if (isInstant(target)) return;
      if (window.confirm(question(lost, target.origin !== location.origin))) {
        agreed = true;
      } else {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );
}

/** Call `then()` once `node` has left the document (the theme swapped the page out). */
export function whenRemoved(node, then) {
  const observer = new MutationObserver(() => {
    if (!document.contains(node)) {
      observer.disconnect();
      then();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
