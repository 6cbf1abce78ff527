// Reading and writing a checklist form, and what every request says of the page.
import { meta, readableDate } from "../lib/page.js";

/** The form's answers and notes, as the boundary's payload: a list for each checkbox item. */
export function collect(form) {
  const answers = {};
  const notes = {};
  for (const input of form.querySelectorAll("input[type=radio]:checked")) answers[input.name] = input.value;
  for (const input of form.querySelectorAll("input[type=checkbox]:checked")) {
    (answers[input.name] ||= []).push(input.value);
  }
  for (const area of form.querySelectorAll("textarea[name^='note:']")) {
    if (area.value.trim()) notes[area.name.slice(5)] = area.value;
  }
  return { checklist: form.dataset.checklist, answers, notes };
}

/** Put answers and notes back into the form (after clearing it). A list ticks each box. */
export function apply(form, answers, notes) {
  form.reset();
  for (const [id, value] of Object.entries(answers)) {
    const values = Array.isArray(value) ? value : [value];
    for (const input of form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
      if (input.name === id && values.includes(input.value)) input.checked = true;
    }
  }
  for (const [id, text] of Object.entries(notes)) {
    const area = form.querySelector(`textarea[id="note-${CSS.escape(id)}"]`);
    if (area) {
      area.value = text;
      const details = area.closest("details");
      if (details) details.open = true;
    }
  }
}

/** Ticking a box unticks the boxes it cannot go with (e.g. "No contact" and "Regular contact"). */
export function untickExcluded(input) {
  if (input.type !== "checkbox" || !input.checked || !input.dataset.excludes) return;
  const excluded = input.dataset.excludes.split(" ");
  for (const other of input.form.querySelectorAll("input[type=checkbox]")) {
    if (other.name === input.name && excluded.includes(other.value)) other.checked = false;
  }
}

/** The page's edition, as requests carry it. */
export function edition() {
  return { edition: meta("guidance-edition"), edition_number: Number(meta("guidance-edition-number")) };
}

/** What a record's heading names: the guidance, its edition and its effective date (2027-04-01,
 * or "": Python words it), and now. */
export function heading() {
  const effective = meta("guidance-edition-effective");
  return { guidance: meta("guidance-title"), ...edition(), edition_effective: effective, made_at: readableDate() };
}

/** The buttons in `root` by their `data-action`. */
export function buttonsOf(root) {
  return Object.fromEntries([...root.querySelectorAll("button[data-action]")].map((b) => [b.dataset.action, b]));
}
