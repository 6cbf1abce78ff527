// Showing what the guidance says for the answers (the evaluate response), with text only.
import { el } from "../lib/page.js";

function paragraphLink(form, number) {
  const source = form.querySelector(`a[data-para="${CSS.escape(number)}"]`);
  return el("a", { class: "checklist-prompt__para", href: source ? source.href : "#" }, `Paragraph ${number}`);
}

function itemList(form, items, className) {
  return el("ul", { class: className }, ...items.map((item) => el("li", {}, `${item.text} `, paragraphLink(form, item.paragraph))));
}

function prompt(form, shown) {
  const item = el("li", { class: "checklist-prompt", dataset: { prompt: shown.id } });
  if (shown.lead) item.append(el("p", { class: "checklist-prompt__lead" }, shown.lead));
  if (shown.items.length) item.append(itemList(form, shown.items, "checklist-prompt__items"));
  for (const cite of shown.cites) {
    item.append(
      el(
        "blockquote",
        { class: "checklist-prompt__quote" },
        el("p", {}, `“${cite.quote}”`),
        el("p", { class: "checklist-prompt__source" }, paragraphLink(form, cite.paragraph)),
      ),
    );
  }
  return item;
}

/** Fill the form's result panel from an evaluate response. */
export function render(form, result) {
  const box = form.querySelector(".checklist__prompts");
  box.replaceChildren();
  if (!result.in_scope) box.append(el("p", { class: "checklist__out-of-scope" }, "This checklist does not apply to this case."));
  if (result.answered === 0) box.append(el("p", { class: "checklist__hint" }, "Nothing is answered yet."));
  if (result.missing.length) {
    box.append(
      el(
        "div",
        { class: "checklist__missing" },
        el("p", { class: "checklist__missing-lead" }, "Incomplete. Still to give:"),
        itemList(form, result.missing, "checklist__missing-list"),
      ),
    );
  }
  for (const statement of result.statements) box.append(el("p", { class: "checklist__statement" }, statement));
  box.append(el("ul", { class: "checklist-prompts" }, ...result.prompts.map((shown) => prompt(form, shown))));
  const unknown = result.to_find_out.items;
  if (unknown.length) {
    box.append(el("h3", { class: "checklist__unknown-heading" }, result.to_find_out.heading));
    box.append(itemList(form, unknown, "checklist__unknown"));
  }
}
