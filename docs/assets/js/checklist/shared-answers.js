// One answer per tab for the site's questions that several checklists ask (P14: age, contact):
// a checklist page opens with the tab's answers to them, each saying where it was given, and a
// change on any page is the tab's (tab-memory.js holds it once).
import { siteLine } from "./site-words.js";
import { keepShared, sharedAnswers, sharedFrom } from "./tab-memory.js";

/** The ids of the shared questions on the form (the build marks each with .checklist-q__shared). */
export function sharedIds(form) {
  return [...form.querySelectorAll(".checklist-q__shared")].map((mark) => mark.closest(".checklist-q").id.replace(/^q-/, ""));
}

/** A payload without the shared answers (the tab holds them). */
export function ownPart(form, payload) {
  const ids = new Set(sharedIds(form));
  const answers = Object.fromEntries(Object.entries(payload.answers).filter(([id]) => !ids.has(id)));
  return { ...payload, answers };
}

/** A payload without the shared answers given on another checklist: what was given here. */
export function givenHere(form, payload, title) {
  const elsewhere = new Set(sharedIds(form).filter((id) => sharedFrom(id) !== title));
  const answers = Object.fromEntries(Object.entries(payload.answers).filter(([id]) => !elsewhere.has(id)));
  return { ...payload, answers };
}

/** Put the tab's shared answers into the form, and say beside each where it was given. */
export function applyShared(form) {
  const answers = sharedAnswers();
  for (const id of sharedIds(form)) {
    if (!(id in answers)) continue;
    const values = [answers[id]].flat();
    for (const input of form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
      if (input.name === id) input.checked = values.includes(input.value);
    }
  }
  markShared(form);
}

/** The form's answer to shared question `id`, as the tab's, given on the checklist `title`. */
export function rememberShared(form, id, title) {
  const inputs = [...form.querySelectorAll("input[type=radio], input[type=checkbox]")].filter((input) => input.name === id);
  const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
  const several = inputs.some((input) => input.type === "checkbox");
  keepShared(id, several ? chosen : chosen[0], title);
  markShared(form);
}

/** Every shared answer of the form, as the tab's (after the form was opened from a file or
 * cleared). */
export function rememberAllShared(form, title) {
  for (const id of sharedIds(form)) rememberShared(form, id, title);
}

/** Beside each shared question: "answered in: <checklist>" (spec P14, as given), the site's words. */
export function markShared(form) {
  for (const id of sharedIds(form)) {
    const box = form.querySelector(`#q-${CSS.escape(id)}`);
    for (const old of box.querySelectorAll(":scope > .checklist-q__answered-in")) old.remove();
    const where = sharedFrom(id);
    if (!where) continue;
    const line = siteLine("p", "checklist-q__answered-in", `answered in: ${where}`);
    box.querySelector(":scope > .checklist-q__shared").after(line);
  }
}
