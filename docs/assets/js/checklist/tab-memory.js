// This tab's checklists, in memory only (never stored): answers survive moving between pages of
// the site (the theme's instant navigation, Back and Forward keep this memory), the judgement
// checklist can start from them, and one assessment record can gather them. A full page load,
// a reload or closing the tab forgets them: leave-guard.js asks first.

const tab = new Map(); // checklist id -> { payload, dirty, title }

/** What was kept of a checklist in this tab, if anything. */
export function kept(checklist) {
  return tab.get(checklist);
}

/** Keep a checklist's answers (its payload), whether they are saved or copied, and its title. */
export function keep(checklist, payload, dirty, title = checklist) {
  tab.set(checklist, { payload, dirty, title });
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
  return [...tab.values()].filter((entry) => entry.dirty).map((entry) => `${entry.title} (${amount(entry.payload)})`);
}
