// What follows from a first answer before Python is ready: the evaluator's own results for the
// form with one answer (or none) and nothing else, computed at build time
// (build_scripts/pyodide_bundle/first_answers.py) into the bundle's folder, one entry a line (each
// after the first, what differs from it). The file is fetched as the page is set up while Python
// loads; an entry is read only for a form whose request the build made exactly: one choice or one box ticked (with the tab's shared answers to
// this checklist's questions), no words, no other checklist answered in the tab. Python's result
// replaces it when it is ready.
import { runtimeFolder } from "../python-runtime.js";

const FOLDER = "first-answers";

/** An entry's key, as the build's `key`: `question=value`, "" for no answer, null for a form the
 * build did not compute (more than one answer, words, another checklist of the tab). */
export function entryKey(request, asks) {
  const { payload, tab = [], shared = {} } = request;
  if (tab.length || Object.keys(payload.notes || {}).length) return null;
  const given = Object.entries(payload.answers);
  for (const id of asks) if (id in shared) given.push([id, shared[id]]);
  if (!given.length) return "";
  if (given.length > 1) return null;
  const [[question, answer]] = given;
  const values = [answer].flat();
  return values.length === 1 ? `${question}=${values[0]}` : null;
}

/** The line of `text` that holds `key`'s entry, parsed; null if there is none. */
function line(text, key) {
  const start = `\n${JSON.stringify(key)}:`;
  const at = text.indexOf(start);
  if (at < 0) return null;
  const end = text.indexOf("\n", at + start.length);
  try {
    return JSON.parse(text.slice(at + start.length, end < 0 ? undefined : end).replace(/,$/, ""));
  } catch {
    return null;
  }
}

/** `key`'s result, whole: the first entry (no answer) with the fields the key's entry changes,
 * and of a list given by index, the items it changes (first_answers.py, `whole`); null if there
 * is none. */
export function entryOf(text, key) {
  const base = line(text, "");
  const changes = key === "" ? {} : line(text, key);
  if (!base || !changes) return null;
  const result = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    const byIndex = Array.isArray(base[name]) && value !== null && typeof value === "object" && !Array.isArray(value);
    result[name] = byIndex ? base[name].map((item, i) => (String(i) in value ? value[i] : item)) : value;
  }
  return result;
}

/** The build's results for checklist `id` (whose form asks the shared questions `asks`):
 * `resultFor(request)` is the result for the request, or null (not computed, or not yet here);
 * `arrived` settles once the file has been read (or could not be). */
export function firstAnswers(id, asks) {
  let text = "";
  const arrived = fetch(new URL(`${FOLDER}/${id}.json`, runtimeFolder), { priority: "low" })
    .then((response) => (response.ok ? response.text() : ""))
    .then(
      (body) => (text = body),
      () => "",
    );
  return {
    arrived,
    resultFor(request) {
      const key = text ? entryKey(request, asks) : null;
      return key === null ? null : entryOf(text, key);
    },
  };
}
