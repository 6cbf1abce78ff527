// This tab's checklists, in memory only (never stored): answers survive moving between pages of
// the site (the theme's instant navigation, Back and Forward keep this memory), the judgement
// checklist can start from them, and one assessment record can gather them. A full page load,
// a reload or closing the tab forgets them: leave-guard.js asks first.
// The site's questions asked by more than one checklist (age, contact) have one answer for the
// whole tab (P14): kept once here, never in a checklist's payload.

const tab = new Map(); // checklist id -> { payload, dirty, title, given }
const shared = new Map(); // question id -> { value, title (the checklist where it was given) }

/** What was kept of a checklist in this tab, if anything. */
export function kept(checklist) {
  return tab.get(checklist);
}

/** Keep a checklist's answers (its payload, without the shared answers), whether they are saved
 * or copied, its title, and what the practitioner gave on it in words ("3 answers"). */
export function keep(checklist, payload, dirty, title = checklist, given = "") {
  tab.set(checklist, { payload, dirty, title, given: given || amount(payload) });
}

export function forget(checklist) {
  tab.delete(checklist);
}

export function isAnswered(checklist) {
  return tab.has(checklist);
}

/** Mark one checklist (or, with no id, every one) saved or copied. */
export function markClean(checklist) {
  for (const [id, entry] of tab) if (checklist === undefined || id === checklist) entry.dirty = false;
}

/** The payloads of every checklist answered in this tab, except `but`. */
export function payloads(but = null) {
  return [...tab.entries()].filter(([id]) => id !== but).map(([, entry]) => entry.payload);
}

/** The tab's answer to a shared question, given on the checklist titled `title`; an empty value
 * (nothing ticked) forgets it. */
export function keepShared(question, value, title) {
  const empty = value === undefined || value === "" || (Array.isArray(value) && !value.length);
  if (empty) shared.delete(question);
  else shared.set(question, { value, title });
}

/** The tab's shared answers: question id → answer. */
export function sharedAnswers() {
  return Object.fromEntries([...shared].map(([id, entry]) => [id, entry.value]));
}

/** The title of the checklist where a shared question was last answered, or "". */
export function sharedFrom(question) {
  return shared.has(question) ? shared.get(question).title : "";
}

/** Replace the whole tab: every checklist (`entries`: { payload, title }) and the shared answers
 * (`answers`, given on `source`), all saved (as a file they came from). */
export function replaceTab(entries, answers, source) {
  tab.clear();
  shared.clear();
  for (const { payload, title } of entries) keep(payload.checklist, payload, false, title);
  for (const [id, value] of Object.entries(answers)) keepShared(id, value, source);
}

/** "3 answers and 1 note": what a payload holds, in words. */
export function amount(payload) {
  const count = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;
  const answers = Object.keys(payload.answers).length;
  const notes = Object.keys(payload.notes).length;
  return [answers ? count(answers, "answer") : "", notes ? count(notes, "note") : ""].filter(Boolean).join(" and ");
}

/** Whether a payload holds anything the practitioner gave. */
export function hasContent(payload) {
  return Object.keys(payload.answers).length > 0 || Object.keys(payload.notes).length > 0;
}

/** The checklists whose answers are neither saved nor copied: "Early risk factors (3 answers)". */
export function unsaved() {
  return [...tab.values()].filter((entry) => entry.dirty).map((entry) => (entry.given ? `${entry.title} (${entry.given})` : entry.title));
}
