// Showing what the guidance says for the answers (the evaluate response), with text only, in the
// response's sections (P12): what to read first and what follows from the answers, whole; what
// would follow if so, a line a paragraph (its number and lead) opening to the whole quote; the
// guidance that always applies, one group of whole paragraphs; then what is still to find out,
// the site's questions not yet answered and, for the judgement, what each other checklist left
// open. The guidance's words are quoted; every line of the site's carries its mark (P13).
import { el } from "../lib/page.js";
import { copyControls } from "./offered-copy.js";
import { siteLine } from "./site-words.js";

/** Each paragraph's address, from the form's own links to it (the first for each paragraph):
 * read once per drawing, not searched for at every link drawn. */
function paragraphAddresses(form) {
  const addresses = new Map();
  for (const source of form.querySelectorAll("a[data-para]")) {
    if (!addresses.has(source.dataset.para)) addresses.set(source.dataset.para, source.href);
  }
  return addresses;
}

/** A link to a paragraph, named as Python names it (a box by its heading: never "1.8-box"). */
function paragraphLink(addresses, number, name = `Paragraph ${number}`) {
  const href = addresses.has(String(number)) ? addresses.get(String(number)) : "#";
  return el("a", { class: "checklist-prompt__para", href }, name);
}

/** An item's heading before its words, as the record prints it: the site's marked as the site's
 * (the judgement's two lists, told apart only by it). */
function itemTitle(item) {
  if (!item.title) return "";
  return item.site_title ? siteLine("span", "checklist__item-title", `${item.title}:`) : el("strong", { class: "checklist__item-title" }, `${item.title}:`);
}

function itemList(addresses, items, className, withLabel = false) {
  const line = (item) =>
    el(
      "li",
      {},
      itemTitle(item),
      item.title ? " " : "",
      `${item.text} `,
      paragraphLink(addresses, item.paragraph),
      withLabel && item.label ? `: ${item.label}` : "",
      item.adult_label ? " " : "",
      item.adult_label ? siteLine("span", "checklist__adult-flag", item.adult_label) : "", // wherever named (P8)
    );
  return el("ul", { class: className }, ...items.map(line));
}

/** A checklist's page: the site's own link to it (the navigation), or its neighbour's address. */
function checklistLink(id) {
  const found = [...document.querySelectorAll("a[href]")].find((a) => new URL(a.href, location.href).pathname.endsWith(`/checklists/${id}/`));
  const href = found ? found.href : new URL(`../${id}/`, location.href).href;
  const title = found ? found.textContent.trim() : id;
  return el("a", { class: "checklist-prompt__link", href }, `Go to the checklist: ${title}`);
}

/** The paragraph quoted whole: the guidance's words, with its link. */
function quote(addresses, shown) {
  return el(
    "blockquote",
    { class: "checklist-prompt__quote" },
    el("p", {}, `“${shown.quote}”`),
    el("p", { class: "checklist-prompt__source" }, paragraphLink(addresses, shown.paragraph, shown.name)),
  );
}

/** The places a prompt links besides its paragraph, in the guidance's words (Section 3 with 3.4):
 * a section by the form's own link to it, a link of the paragraph's by its address. */
function links(addresses, shown) {
  const link = (to) => el("a", { class: "checklist-prompt__link-to", href: to.url || addresses.get(to.target) || "#" }, to.text);
  return shown.links.length ? el("p", { class: "checklist-prompt__links" }, ...shown.links.map(link)) : "";
}

/** What a prompt shows below its lines on the answers: its list, the quote, the places it links,
 * the site's note and label. */
function body(addresses, shown) {
  return [
    quote(addresses, shown),
    links(addresses, shown),
    shown.note ? siteLine("p", "checklist-prompt__note", `The site's note on ${shown.paragraph}: ${shown.note}`) : "",
    shown.adult_label ? siteLine("p", "checklist__adult-flag", shown.adult_label) : "",
  ];
}

function promptItem(shown, kind, ...children) {
  return el("li", { class: `checklist-prompt checklist-prompt--${kind}`, dataset: { prompt: shown.id, group: kind } }, ...children);
}

/** A prompt shown whole: the lines on the answers that brought it, then the paragraph; a list
 * of answers comes under the guidance's words it is listed under (P5), after them. */
function whole(addresses, shown, kind) {
  const said = [
    shown.from_answers ? siteLine("p", "checklist-prompt__from-answers", shown.from_answers) : "",
    shown.waits_on ? siteLine("p", "checklist-prompt__waits-on", shown.waits_on) : "",
  ];
  if (!shown.items.length) return promptItem(shown, kind, ...said, ...body(addresses, shown));
  const listed = itemList(addresses, shown.items, "checklist-prompt__items", true); // each its answer, where it has one
  if (shown.continues) return promptItem(shown, kind, ...said, listed); // under the words above
  return promptItem(shown, kind, ...body(addresses, shown), ...said, listed);
}

/** What would follow if so (P12 c): "Paragraph N: <lead>", opening to the whole; then what it
 * waits on, and the checklist to answer for it, always in view. */
function ifSo(addresses, shown) {
  const summary = el("summary", { class: "checklist-prompt__lead" }, `${shown.name}: ${shown.lead}`);
  return promptItem(
    shown,
    "if-so",
    el("details", { dataset: { keep: `prompt:${shown.id}` } }, summary, ...body(addresses, shown)),
    shown.waits_on ? siteLine("p", "checklist-prompt__waits-on", shown.waits_on) : "",
    shown.link ? el("p", { class: "checklist-prompt__go" }, checklistLink(shown.link)) : "",
  );
}

function heading(text, className) {
  return siteLine("h3", className, text);
}

/** One section of the response. */
function section(addresses, shown) {
  const list = (draw) => el("ul", { class: `checklist-prompts checklist-prompts--${shown.kind}` }, ...shown.prompts.map(draw));
  if (shown.kind === "standing") {
    const summary = el("summary", { class: "checklist__standing-heading" }, siteLine("span", "checklist__section-heading", shown.heading));
    return el("details", { class: "checklist-standing", open: true, dataset: { keep: "section:standing", section: "standing" } }, summary, list((p) => whole(addresses, p, "standing")));
  }
  const draw = shown.kind === "if-so" ? (p) => ifSo(addresses, p) : (p) => whole(addresses, p, shown.kind);
  return el("section", { class: "checklist__section", dataset: { section: shown.kind } }, heading(shown.heading, "checklist__section-heading"), list(draw));
}

/** For the judgement (2.23 a): each other checklist, used in this tab or not, and what it left
 * open. */
function carried(addresses, sources) {
  const source = (from) => {
    const item = el("li", { dataset: { checklist: from.checklist } }, siteLine("p", "checklist__carried-line", from.summary));
    if (from.items.length) item.append(itemList(addresses, from.items, "checklist__carried-items", true));
    if (from.site_open.length) {
      item.append(siteLine("p", "checklist__carried-line", "The site's questions not answered or Not known:"));
      item.append(itemList(addresses, from.site_open, "checklist__carried-site", true));
    }
    return item;
  };
  return el("section", { class: "checklist__carried" }, heading("From the other checklists of this tab (2.23 a)", "checklist__carried-heading"), el("ul", { class: "checklist__carried-list" }, ...sources.map(source)));
}

/** For the judgement (2.23 c): the answers of the other checklists of this tab, beside the two
 * lists and never in them, under the guidance's own name for their list and by answer (P5). */
function offered(form, addresses, groups) {
  const item = (given) => {
    const line = itemList(addresses, [given], "", true).firstChild; // never a bare "Obtained"
    // the practitioner's words on it, as the record prints them (P10)
    if (given.note) line.append(el("p", { class: "checklist__offered-note" }, `${given.note_name}: ${given.note}`));
    line.append(" ", ...copyControls(form, given.id, given.copy));
    return line;
  };
  const group = (given) =>
    el(
      "li",
      {},
      siteLine("p", "checklist__offered-line", given.line),
      el("blockquote", { class: "checklist__offered-words" }, el("p", {}, given.words)),
      el("ul", { class: "checklist__offered-items" }, ...given.items.map(item)),
    );
  return el("section", { class: "checklist__offered" }, heading("Answers from the other checklists of this tab, beside the two lists (2.23 c)", "checklist__offered-heading"), el("ul", { class: "checklist__offered-list" }, ...groups.map(group)));
}

/** Each question's state beside it: "Not answered", and the 1.7 label where it applies; and a
 * paragraph shown beside it (2.5 beside 2.18's first point), whole, right after its words. */
function markQuestions(form, answers, addresses) {
  for (const answer of answers) {
    const box = form.querySelector(`#q-${CSS.escape(answer.id)}`);
    if (!box) continue;
    for (const old of box.querySelectorAll(":scope > .checklist-q__state, :scope > .checklist__adult-flag, :scope > .checklist-q__beside")) old.remove();
    box.hidden = answer.status === "not-asked"; // its answer stays on the page, unused, till asked again
    if (answer.beside.length) {
      const beside = (shown) => el("div", { class: "checklist-prompt checklist-prompt--beside", dataset: { prompt: shown.id } }, ...body(addresses, shown));
      box.querySelector(":scope > .checklist-q__legend").after(el("div", { class: "checklist-q__beside" }, ...answer.beside.map(beside)));
    }
    if (answer.status === "not-answered" && !answer.caution) box.append(el("p", { class: "checklist-q__state" }, "Not answered"));
    if (answer.adult_label) box.append(siteLine("p", "checklist__adult-flag", answer.adult_label));
  }
}

/** Fill the form's result panel from an evaluate response. */
export function render(form, result) {
  const box = form.querySelector(".checklist__prompts");
  // What the reader opened or closed stays so when the answers change (the list is drawn anew).
  const opened = new Map([...box.querySelectorAll("details[data-keep]")].map((details) => [details.dataset.keep, details.open]));
  // A control the reader is on (a copy control beside 2.23 c) keeps the focus when redrawn.
  const focused = box.contains(document.activeElement) ? document.activeElement.dataset.focusKey : "";
  box.replaceChildren();
  const addresses = paragraphAddresses(form);
  markQuestions(form, result.answers, addresses);
  if (result.answered === 0) box.append(siteLine("p", "checklist__hint", "Nothing is answered yet."));
  // Read first, then the site's statements beside it (3.7's context), then what is missing: as
  // the record prints them.
  const pinned = (shown) => shown.kind === "pinned";
  for (const shown of result.sections.filter(pinned)) box.append(section(addresses, shown));
  for (const statement of result.statements) box.append(siteLine("p", "checklist__statement", statement));
  if (result.missing.length) {
    box.append(
      el(
        "div",
        { class: "checklist__missing" },
        siteLine("p", "checklist__missing-lead", "Missing: the record is not complete without these:"),
        itemList(addresses, result.missing, "checklist__missing-list", true),
      ),
    );
  }
  for (const shown of result.sections.filter((shown) => !pinned(shown))) box.append(section(addresses, shown));
  const unknown = result.to_find_out.items;
  if (unknown.length) {
    box.append(heading(result.to_find_out.heading, "checklist__unknown-heading"));
    box.append(itemList(addresses, unknown, "checklist__unknown", true));
  }
  if (result.scope_not_answered.length) {
    box.append(heading("The site's questions not answered or Not known", "checklist__scope-heading"));
    box.append(itemList(addresses, result.scope_not_answered, "checklist__scope-not-answered", true));
  }
  if (result.carried.length) box.append(carried(addresses, result.carried));
  if (result.offered.length) box.append(offered(form, addresses, result.offered));
  for (const details of box.querySelectorAll("details[data-keep]")) {
    if (opened.has(details.dataset.keep)) details.open = opened.get(details.dataset.keep);
  }
  if (focused) box.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
}
