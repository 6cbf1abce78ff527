// Showing what the guidance says for the answers (the evaluate response), with text only:
// what follows from the answers (2.12 pinned first), what would follow if the unknowns are so,
// the guidance that always applies, what is still to find out and the site's questions not yet
// answered. Every word shown comes from the response, except the headings.
import { el } from "../lib/page.js";

/** Each paragraph's address, from the form's own links to it (the first for each paragraph):
 * read once per drawing, not searched for at every link drawn. */
function paragraphAddresses(form) {
  const addresses = new Map();
  for (const source of form.querySelectorAll("a[data-para]")) {
    if (!addresses.has(source.dataset.para)) addresses.set(source.dataset.para, source.href);
  }
  return addresses;
}

function paragraphLink(addresses, number) {
  const href = addresses.has(String(number)) ? addresses.get(String(number)) : "#";
  return el("a", { class: "checklist-prompt__para", href }, `Paragraph ${number}`);
}

function itemList(addresses, items, className) {
  return el("ul", { class: className }, ...items.map((item) => el("li", {}, `${item.text} `, paragraphLink(addresses, item.paragraph))));
}

function quote(addresses, cite) {
  return el(
    "blockquote",
    { class: "checklist-prompt__quote" },
    el("p", {}, `“${cite.quote}”`),
    cite.note ? el("p", { class: "checklist-prompt__note" }, `The site's note: ${cite.note}`) : "",
    el("p", { class: "checklist-prompt__source" }, paragraphLink(addresses, cite.paragraph)),
  );
}

function adultFlag(text) {
  return text ? el("p", { class: "checklist__adult-flag" }, text) : "";
}

/** A prompt shown whole: its lead, its label, its list, each paragraph quoted. */
function prompt(addresses, shown) {
  const item = el("li", { class: `checklist-prompt checklist-prompt--${shown.group}`, dataset: { prompt: shown.id, group: shown.group } });
  if (shown.lead) item.append(el("p", { class: "checklist-prompt__lead" }, shown.lead));
  item.append(adultFlag(shown.adult_flag));
  if (shown.items.length) item.append(itemList(addresses, shown.items, "checklist-prompt__items"));
  for (const cite of shown.cites) item.append(quote(addresses, cite));
  return item;
}

/** A prompt in one line, expandable to the whole: what would follow if so, or standing guidance.
 * What an "if so" depends on stays in view: the reader sees which unknowns it is waiting on. */
function folded(addresses, shown) {
  const numbers = shown.cites.map((cite) => cite.paragraph).join(", ");
  const summary = el("summary", { class: "checklist-prompt__lead" }, `${shown.lead} (${numbers})`);
  const details = el("details", {}, summary, adultFlag(shown.adult_flag));
  if (shown.items.length) details.append(itemList(addresses, shown.items, "checklist-prompt__items"));
  for (const cite of shown.cites) details.append(quote(addresses, cite));
  const item = el("li", { class: `checklist-prompt checklist-prompt--${shown.group}`, dataset: { prompt: shown.id, group: shown.group } }, details);
  if (shown.depends_on && shown.depends_on.length) {
    item.append(el("p", { class: "checklist-prompt__depends-lead" }, "It depends on:"));
    item.append(itemList(addresses, shown.depends_on, "checklist-prompt__depends"));
  }
  return item;
}

/** Each question's state beside it: "Not answered", and the 1.7 label where it applies. */
function markQuestions(form, answers) {
  for (const answer of answers) {
    const box = form.querySelector(`#q-${CSS.escape(answer.id)}`);
    if (!box) continue;
    for (const old of box.querySelectorAll(":scope > .checklist-q__state, :scope > .checklist__adult-flag")) old.remove();
    if (answer.status === "not-answered" && !answer.caution) box.append(el("p", { class: "checklist-q__state" }, "Not answered"));
    if (answer.adult_flag) box.append(adultFlag(answer.adult_flag));
  }
}

/** Fill the form's result panel from an evaluate response. */
export function render(form, result) {
  const box = form.querySelector(".checklist__prompts");
  // What the reader has opened stays open when the answers change (the list is drawn anew).
  const opened = new Set(
    [...box.querySelectorAll("[data-prompt]")]
      .filter((item) => item.querySelector(":scope > details[open]"))
      .map((item) => item.dataset.prompt),
  );
  box.replaceChildren();
  markQuestions(form, result.answers);
  const addresses = paragraphAddresses(form);
  if (!result.in_scope) box.append(el("p", { class: "checklist__out-of-scope" }, "This checklist does not apply to this case."));
  if (result.answered === 0) box.append(el("p", { class: "checklist__hint" }, "Nothing is answered yet."));
  if (result.adult_flag) box.append(adultFlag(result.adult_flag));
  if (result.missing.length) {
    box.append(
      el(
        "div",
        { class: "checklist__missing" },
        el("p", { class: "checklist__missing-lead" }, "Incomplete. Still to give:"),
        itemList(addresses, result.missing, "checklist__missing-list"),
      ),
    );
  }
  for (const statement of result.statements) box.append(el("p", { class: "checklist__statement" }, statement));
  const whole = result.prompts.filter((shown) => shown.group !== "standing");
  const standing = result.prompts.filter((shown) => shown.group === "standing");
  box.append(el("ul", { class: "checklist-prompts" }, ...whole.map((shown) => prompt(addresses, shown))));
  if (result.if_so.length) {
    box.append(el("h3", { class: "checklist__if-so-heading" }, "What would follow if so"));
    box.append(el("ul", { class: "checklist-prompts checklist-prompts--if-so" }, ...result.if_so.map((shown) => folded(addresses, shown))));
  }
  if (standing.length) {
    box.append(el("h3", { class: "checklist__standing-heading" }, "Guidance that always applies"));
    box.append(el("ul", { class: "checklist-prompts checklist-prompts--standing" }, ...standing.map((shown) => folded(addresses, shown))));
  }
  const unknown = result.to_find_out.items;
  if (unknown.length) {
    box.append(el("h3", { class: "checklist__unknown-heading" }, result.to_find_out.heading));
    box.append(itemList(addresses, unknown, "checklist__unknown"));
  }
  if (result.scope_not_answered.length) {
    box.append(el("h3", { class: "checklist__scope-heading" }, "The site's questions not yet answered"));
    box.append(itemList(addresses, result.scope_not_answered, "checklist__scope-not-answered"));
  }
  for (const item of box.querySelectorAll("[data-prompt]")) {
    const details = item.querySelector(":scope > details");
    if (details && opened.has(item.dataset.prompt)) details.open = true;
  }
}
