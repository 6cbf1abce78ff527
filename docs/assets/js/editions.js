// Editions in the browser.
// 1. An older edition's banner: point its link at the paragraph in the address (#2.9) in the
//    latest edition, following renumbering, or say that the paragraph was removed. Without
//    JavaScript, or if edition-map.json cannot be read, it links to the same page in the latest.
// 2. Choosing an edition in the selector opens the same page at the same paragraph (#2.10) in that
//    edition, when the page is there; else the edition's home (the theme's own behaviour drops the
//    paragraph). Modified clicks (new tab) are left to the browser.
// 3. The theme's version selector names its button "Select version" while showing the edition's
//    label: give it a name that includes what it shows (WCAG 2.5.3, label in name).
import { el, hashText, onEveryPage } from "./lib/page.js";

function nameSelector() {
  document.querySelectorAll(".md-version__current").forEach((button) => {
    const label = `${button.textContent.trim()}: choose another edition`;
    if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
  });
}
// The theme adds the selector when versions.json arrives, after this script has run.
new MutationObserver(nameSelector).observe(document.documentElement, { childList: true, subtree: true });

const maps = new Map(); // edition-map.json by URL: read once per edition

function readMap(url) {
  if (!maps.has(url)) {
    const reading = fetch(url, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .catch(() => {
        maps.delete(url);
        return null;
      });
    maps.set(url, reading);
  }
  return maps.get(url);
}

function update() {
  const banner = document.querySelector(".edition-banner[data-map]");
  const link = banner && banner.querySelector(".edition-banner__link");
  if (!link) return;
  if (!link.hasAttribute("data-page-href")) {
    // the build's link: to the same page
    link.setAttribute("data-page-href", link.getAttribute("href"));
    link.setAttribute("data-page-text", link.textContent);
  }
  const hash = location.hash;
  const id = hashText();
  banner.querySelector(".edition-banner__removed")?.remove();
  link.setAttribute("href", link.getAttribute("data-page-href"));
  link.textContent = link.getAttribute("data-page-text");
  if (!id) return;
  const mapUrl = new URL(banner.getAttribute("data-map"), location.href).href;
  const latest = new URL(banner.getAttribute("data-latest"), location.href);
  readMap(mapUrl).then((map) => {
    // Only the map's own paragraphs: never "__proto__" or another inherited name.
    const entry = map && map.paragraphs && Object.hasOwn(map.paragraphs, id) ? map.paragraphs[id] : null;
    if (!entry || location.hash !== hash) return; // not a paragraph, or the address moved on
    if (entry.removed) {
      link.before(el("span", { class: "edition-banner__removed" }, `Paragraph ${id} is not in ${map.latest}. `));
      link.textContent = `Read ${map.latest}`;
      link.href = latest.href;
      return;
    }
    link.href = new URL(`${entry.page}#${entry.id}`, latest).href;
    link.textContent = `Read paragraph ${entry.number} in ${map.latest}`;
  });
}

/** The current edition's root, from the theme's configuration ("base", relative to the page). */
function editionRoot() {
  try {
    const config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(`${config.base.replace(/\/?$/, "/")}`, location.href);
  } catch {
    return null;
  }
}

function samePlaceIn(editionHref) {
  const root = editionRoot();
  if (!root || !location.href.startsWith(root.href)) return null;
  return new URL(location.href.slice(root.href.length), editionHref); // page path, query, #2.10
}

// Capture on the document runs before the theme's handler on the body, which it replaces.
document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element && event.target.closest(".md-version a.md-version__link");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = samePlaceIn(link.href);
    if (!target) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const page = new URL(target);
    page.hash = "";
    fetch(page, { method: "HEAD", credentials: "same-origin" })
      .then((response) => location.assign(response.ok ? target.href : link.href))
      .catch(() => location.assign(target.href)); // offline: the offline copy may have it
  },
  true,
);

window.addEventListener("hashchange", update);
onEveryPage(update);
