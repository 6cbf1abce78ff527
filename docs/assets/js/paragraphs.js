// Paragraph tools on demand: the number of every numbered paragraph becomes a small disclosure
// button that opens a menu (copy link, copy citation, and share where the device offers it); the
// highlight of the paragraph a link points at (landing at it: paragraph-landing.js); the print
// date. Progressive enhancement: without JavaScript the paragraph number is still a link to it.
import { copyText, el, hashText, meta, onEveryPage, readableDate } from "./lib/page.js";
import { arrive } from "./paragraph-landing.js";

// The edition's permanent address (/2/assessment/, not /latest/…) when the site says it, so a
// citation keeps pointing at the words that were cited after a new edition is published.
function paragraphUrl(id) {
  const line = document.querySelector(".edition-line[data-permanent]");
  const page = line ? new URL(line.getAttribute("data-permanent"), location.href) : location;
  return `${page.origin}${page.pathname}#${id}`;
}

/** "Title, paragraph 2.10, Edition 1 (as received), date not given, https://…#2.10": the
 * edition with its effective date (or "date not given"), as the build words it; no nested
 * brackets. */
function citation(id) {
  return [meta("guidance-title"), `paragraph ${id}`, meta("guidance-edition-dated"), paragraphUrl(id)]
    .filter(Boolean)
    .join(", ");
}

function status() {
  let region = document.getElementById("para-status");
  if (!region) {
    region = el("div", { id: "para-status", class: "md-typeset para-tools__status", role: "status" });
    document.body.append(region);
  }
  return region;
}

let quiet = null;

function say(message) {
  const region = status();
  region.textContent = message;
  clearTimeout(quiet);
  quiet = setTimeout(() => (region.textContent = ""), 6000);
}

let open = null; // the toggle whose menu is open

function close({ focus = false } = {}) {
  if (!open) return;
  const toggle = open;
  open = null;
  toggle.setAttribute("aria-expanded", "false");
  const menu = document.getElementById(toggle.getAttribute("aria-controls"));
  if (menu) menu.hidden = true;
  if (focus) toggle.focus();
}

function show(toggle) {
  close();
  open = toggle;
  toggle.setAttribute("aria-expanded", "true");
  const menu = document.getElementById(toggle.getAttribute("aria-controls"));
  menu.hidden = false;
}

function action(label, run) {
  const button = el("button", { type: "button", class: "para-tools__item" }, label);
  button.addEventListener("click", () => {
    close({ focus: true });
    run();
  });
  return button;
}

function copier(text, copied, failed) {
  return () =>
    copyText(text()).then(
      () => say(copied),
      () => say(`${failed} ${text()}`),
    );
}

function addTools(unit) {
  const number = unit.querySelector("a.para-num");
  if (!number || unit.querySelector(".para-tools")) return;
  const id = unit.id;
  const menuId = `para-menu-${id}`;
  const toggle = el(
    "button",
    {
      type: "button",
      class: "para-num para-tools__toggle",
      "aria-expanded": "false",
      "aria-controls": menuId,
      "aria-label": `Paragraph ${id}: copy link or citation`,
    },
    id,
  );
  const items = [
    action("Copy link", copier(() => paragraphUrl(id), `Link to paragraph ${id} copied.`, "Could not copy. The link is:")),
    action("Copy citation", copier(() => citation(id), `Citation of paragraph ${id} copied.`, "Could not copy. The citation is:")),
  ];
  if (typeof navigator.share === "function") {
    items.push(
      action("Share…", () =>
        navigator.share({ title: `Paragraph ${id}`, text: citation(id), url: paragraphUrl(id) }).catch(() => {}),
      ),
    );
  }
  const menu = el("span", { class: "para-tools__menu", id: menuId, hidden: true }, ...items);
  toggle.addEventListener("click", () => (open === toggle ? close() : show(toggle)));
  const tools = el("span", { class: "para-tools" }, toggle, menu);
  number.hidden = true; // the button shows the number; the link stays for copying its address
  number.after(tools);
}

function highlightTarget() {
  document.querySelectorAll(".para.is-target").forEach((unit) => unit.classList.remove("is-target"));
  const id = hashText();
  const unit = id && document.getElementById(id);
  if (unit && unit.classList.contains("para")) unit.classList.add("is-target");
}

function setPrintDate() {
  const now = readableDate();
  document.querySelectorAll("[data-print-date]").forEach((date) => (date.textContent = now));
  // Read by @page in guidance.css: the edition, the date printed and the warning on every sheet.
  const line = `${meta("guidance-edition-dated")}. Printed ${now}. Printed copies may be out of date.`;
  document.documentElement.style.setProperty("--print-line", JSON.stringify(line));
}

// Search results open without the term (the theme's search.highlight, which put it in the address
// as "page/?h=term", is off: issue 27). A link made while it was on may still carry one: the term
// leaves the address, so that the tab's history entry, a bookmark or a copied link never keep it.
function forgetSearchTerm() {
  const url = new URL(location.href);
  if (!url.searchParams.has("h")) return;
  url.searchParams.delete("h");
  setTimeout(() => history.replaceState(history.state, "", url.href));
}

window.addEventListener("hashchange", highlightTarget);
window.addEventListener("beforeprint", setPrintDate);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && open) {
    event.preventDefault();
    close({ focus: true });
  }
});
document.addEventListener("click", (event) => {
  if (open && !open.parentNode.contains(event.target)) close();
});
document.addEventListener("focusin", (event) => {
  if (open && !open.parentNode.contains(event.target)) close();
});
onEveryPage(() => {
  open = null;
  document.querySelectorAll(".para[id]").forEach(addTools);
  highlightTarget();
  arrive();
  setPrintDate();
  forgetSearchTerm();
});
