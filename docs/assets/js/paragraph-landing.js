// Landing at the paragraph the address names: in view once the page is in place, after a link
// (not after Back or Forward, where the theme or the browser puts the reader back where they
// were). The theme's instant navigation scrolls to it itself, but a checklist's paragraph link
// left 2.10 at the bottom of the window, and on a phone or tablet a search result's page went
// back to its top (below). paragraphs.js calls arrive() on every page.
import { hashText } from "./lib/page.js";

// Arriving lasts until the reader moves themselves, and at most this long: a reader moving by a
// screen reader's virtual cursor sends no input events, and is never pulled back after that.
const ARRIVING_MS = 3000;
const arriving = { id: "", since: 0 };
let returning = false; // a Back or Forward within the site is under way
let returnedTo = null; // the place noted in the entry Back or Forward went to, as it was then
let firstPage = true;

/** Two frames later, after the theme's own scrolling: to the top if not in the top half. */
function bringIntoView() {
  const unit = document.getElementById(arriving.id);
  if (!unit || !unit.classList.contains("para")) return;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const top = unit.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) unit.scrollIntoView({ block: "start" });
    }),
  );
}

// Depends on the theme's internals (Material 9.8): its instant navigation notes the place in each
// history entry ({x, y}, 100 ms after the page last moved) and, when a page comes, scrolls to the
// place noted in its entry (none: the top, or the #paragraph). A note still due for the page just
// left lands on the entry of the page going to, before that page has come: a link followed as the
// page moved opened the next page part way down, and Back pressed as the next page moved (it goes
// to its top) sent the reader to the top, not back where they were (seen in Firefox and WebKit).
// So a page a link opened starts afresh, and Back puts back the place noted when it was pressed.
// (tests/test_navigation_browser.py fails if this stops working.)
function putBack() {
  const place = returnedTo;
  if (!place || typeof place.y !== "number") return;
  if (history.state?.y !== place.y) history.replaceState(place, "");
  // There now, and again once the page is laid out (on a busy device the theme's scroll can
  // come before the page is its full height, and stop short).
  const there = () => Math.abs(window.scrollY - place.y) < 2 || window.scrollTo(place.x ?? 0, place.y);
  there();
  requestAnimationFrame(() => requestAnimationFrame(there));
}
function startAfresh() {
  if (history.state === null) return;
  history.replaceState(null, "");
  const target = hashText() && document.getElementById(hashText());
  if (target) target.scrollIntoView({ block: "start" });
  else window.scrollTo(0, 0);
}

/** A new page is in place (or this one has loaded): land at its paragraph, unless returning. */
export function arrive() {
  const navigation = firstPage && performance.getEntriesByType("navigation")[0];
  const restored = returning || (navigation && navigation.type === "back_forward");
  if (restored) putBack();
  else if (!firstPage) startAfresh(); // a link followed within the site
  returning = false;
  firstPage = false;
  returnedTo = null;
  arriving.id = restored ? "" : hashText();
  arriving.since = performance.now();
  if (arriving.id) bringIntoView();
}

// A link to a paragraph of the page being read (a search result on this page, a paragraph
// reference): the theme scrolls to it with no new page, so there is no arrive(): the click is the
// arrival (it comes after the pointerdown or keydown that ended the last one).
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a[href]");
  if (!link) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname || !url.hash) return;
  arriving.id = hashText(url.hash);
  arriving.since = performance.now();
  bringIntoView();
});

// Depends on the theme's internals (Material 9.8): while search is open on a phone or tablet it
// locks the page (body[data-md-scrolllock]), and as it unlocks, before or after the result's
// page has arrived (on a busy device, either), it scrolls back to where the reader was when
// search opened. So while arriving, an unlock, or a scroll that takes the paragraph out of view,
// brings it back. (tests/test_site_browser.py fails if this stops working: a search result at
// 360 and 800 px must land in view.)
const stillArriving = () =>
  arriving.id &&
  arriving.id === hashText() &&
  performance.now() - arriving.since < ARRIVING_MS &&
  !document.body.hasAttribute("data-md-scrolllock");
new MutationObserver(() => stillArriving() && bringIntoView()).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-scrolllock"],
});
window.addEventListener("scroll", () => stillArriving() && bringIntoView(), { passive: true });

// The reader acting: no longer arriving, and no Back or Forward under way.
for (const type of ["wheel", "touchmove", "keydown", "pointerdown"]) {
  window.addEventListener(
    type,
    () => {
      arriving.id = "";
      returning = false;
    },
    { capture: true, passive: true },
  );
}
// Back or Forward: a "traverse" in the Navigation API where there is one; else a popstate to an
// entry the theme made (its state is an object), not the popstate of a new #fragment, which
// the theme's instant navigation itself causes (its state is null).
if (window.navigation && typeof window.navigation.addEventListener === "function") {
  window.navigation.addEventListener("navigate", (event) => {
    if (event.navigationType === "traverse") returning = true;
  });
} else {
  window.addEventListener("popstate", (event) => (returning = event.state !== null));
}
window.addEventListener("popstate", (event) => (returnedTo = event.state));
