// This tab's checklists, in memory only (never stored): answers survive moving between pages of
// the site, the judgement checklist can start from them, and one assessment record can gather
// them. Closing or reloading the tab forgets them.

const tab = new Map(); // checklist id -> { payload, dirty }

/** What was kept of a checklist in this tab, if anything. */
export function kept(checklist) {
  return tab.get(checklist);
}

/** Keep a checklist's answers (its payload) and whether they are saved or copied. */
export function keep(checklist, payload, dirty) {
  tab.set(checklist, { payload, dirty });
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
