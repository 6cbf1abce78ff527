// Paragraph tools: "Copy link" and "Copy citation" beside every numbered paragraph, the
// highlight of the paragraph a link points at, and the print date. Progressive enhancement:
// without JavaScript the paragraph number is still a link to the paragraph.
import { copyText, el, hashText, meta, onEveryPage, readableDate } from "./lib/page.js";

// The edition's permanent address (/2/assessment/, not /latest/…) when the site says it, so a
// citation keeps pointing at the words that were cited after a new edition is published.
function paragraphUrl(id) {
  const line = document.querySelector(".edition-line[data-permanent]");
  const page = line ? new URL(line.getAttribute("data-permanent"), location.href) : location;
  return `${page.origin}${page.pathname}#${id}`;
}

function citation(id) {
  return `${meta("guidance-title")}, paragraph ${id} (${meta("guidance-edition")}). ${paragraphUrl(id)}`;
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

function copyButton(label, name, copied, failed, text) {
  const button = el("button", { type: "button", "aria-label": name }, label);
  button.addEventListener("click", () => {
    copyText(text()).then(
      () => say(copied),
      () => say(`${failed} ${text()}`),
    );
  });
  return button;
}

function addTools(unit) {
  const number = unit.querySelector(".para-num");
  if (!number || unit.querySelector(".para-tools")) return;
  const id = unit.id;
  const tools = el(
    "span",
    { class: "para-tools" },
    copyButton("Copy link", `Copy link to paragraph ${id}`, `Link to paragraph ${id} copied.`, "Could not copy. The link is:", () => paragraphUrl(id)),
    copyButton("Copy citation", `Copy citation of paragraph ${id}`, `Citation of paragraph ${id} copied.`, "Could not copy. The citation is:", () => citation(id)),
  );
  // At the end of the paragraph's first block, so the number and the text read on unbroken.
  number.parentNode.append(tools);
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
}

// The theme's search.highlight opens a result as "page/?h=term" and marks the term once the
// search index is there (it keeps the address it read, so the marks survive this). The term then
// leaves the address, so that the tab's history entry, a bookmark or a copied link never keep it.
function forgetSearchTerm() {
  const url = new URL(location.href);
  if (!url.searchParams.has("h")) return;
  url.searchParams.delete("h");
  setTimeout(() => history.replaceState(history.state, "", url.href));
}

window.addEventListener("hashchange", highlightTarget);
window.addEventListener("beforeprint", setPrintDate);
onEveryPage(() => {
  document.querySelectorAll(".para[id]").forEach(addTools);
  highlightTarget();
  setPrintDate();
  forgetSearchTerm();
});
