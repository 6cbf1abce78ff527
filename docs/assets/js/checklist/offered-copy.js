// Beside the judgement's two lists (2.23 c), each answer offered from another checklist of the
// tab has a control to copy it into either list (spec part 6): the practitioner places it, the
// tool never does (P5). Copied as a line of the list's text, as if typed there, and said.
import { el } from "../lib/page.js";

// The judgement's two lists: each note's id and the words of its heading (its definition's).
const LISTS = [
  ["increase-factors", "Copy to: factors that increase the probability of harm"],
  ["decrease-factors", "Copy to: factors that decrease the probability of harm"],
];

/** The two controls for one offered item (`text`, its words and paragraph), on a page with the
 * two lists; none elsewhere. */
export function copyControls(form, id, text) {
  return LISTS.filter(([list]) => form.querySelector(`#note-${list}`)).map(([list, label]) =>
    el("button", { type: "button", class: "md-button checklist__copy-offered", "aria-label": `${label}: ${text}`, dataset: { copyTo: list, copyText: text, focusKey: `copy:${list}:${id}` } }, label),
  );
}

/** Copy an offered item into the list its control names, on a line of its own, and say so. */
export function watchOfferedCopies(form) {
  if (!LISTS.some(([list]) => form.querySelector(`#note-${list}`))) return; // the judgement's page only
  const said = el("p", { class: "checklist__copied visually-hidden", "aria-live": "polite" });
  form.append(said);
  form.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("button[data-copy-to]");
    const area = button && form.querySelector(`#note-${button.dataset.copyTo}`);
    if (!area) return;
    const line = button.dataset.copyText;
    const before = area.value.replace(/\s+$/, "");
    area.value = before ? `${before}\n${line}` : line;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    said.textContent = `Copied: ${line}.`;
  });
}
