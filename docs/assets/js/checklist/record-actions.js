// A checklist's record controls: show, print, clear, copy, save to a file, open a saved file.
import { copyText, fileStamp, shownName } from "../lib/page.js";
import { apply, collect, edition, heading } from "./form.js";
import { holdPlace } from "./keep-place.js";
import { ask, pageLimits } from "./worker-client.js";

// What changed since each older edition (written by the build at the edition's root): a file
// saved under an older edition then says which answered items to check. Missing (make serve,
// or no network without the offline cache): the file still opens, with a notice saying so.
const CHANGES_URL = new URL("../../../edition-changes.json", import.meta.url);

async function editionChanges() {
  try {
    const response = await fetch(CHANGES_URL, { credentials: "same-origin" });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Offer `text` as a file called `name`, as a download. */
function download(text, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Ask Python for a saved file's text (`request`: save or save_assessment) and download it as
 * `name`; if it cannot be made, say why (`say(text, kind)`). True when the file was offered. */
export async function saveFile(request, name, say) {
  let response;
  try {
    response = await ask(request);
  } catch (error) {
    say(`Could not save: ${error.message}.`, "error");
    return false;
  }
  if (!response.ok) {
    say(`Could not save: ${response.error.message}.`, "error");
    return false;
  }
  download(response.file, name);
  return true;
}

/** Read a chosen file and ask Python to open it (`request(text, changes)`: open or
 * open_assessment); if it cannot be, say why, ending with `keep`. The response, or null. */
export async function openFile(file, request, keep, say) {
  const name = shownName(file.name);
  const refuse = (why) => {
    say(`Could not open “${name}”: ${why}. ${keep}`, "error");
    return null;
  };
  let limits;
  try {
    limits = await pageLimits();
  } catch (error) {
    return refuse(error.message);
  }
  if (file.size > limits.max_file_bytes) return refuse(`the file ${limits.file_too_large}`);
  let text;
  try {
    text = await file.text();
  } catch {
    say(`Could not read “${name}”. ${keep}`, "error");
    return null;
  }
  let response;
  try {
    response = await ask(request(text, await editionChanges()));
  } catch (error) {
    return refuse(error.message);
  }
  return response.ok ? response : refuse(`the file ${response.error.message}`);
}

/**
 * Wire the record controls of one checklist. `checklist` gives the form, its buttons, and
 * `say(text, kind)`, `evaluate()`, `record()` (the latest record text, or null),
 * `markClean()`, `cleared()` and `opened()` (the form now holds a file's answers).
 */
export function wireRecordActions(checklist) {
  const { form, buttons } = checklist;
  const say = checklist.say;
  const record = form.querySelector(".checklist__record");
  const fileInput = form.querySelector(".checklist__file");

  buttons.print.disabled = false;
  buttons.clear.disabled = false;
  buttons.show.setAttribute("aria-controls", record.id);
  buttons.show.setAttribute("aria-expanded", "false");
  buttons.show.addEventListener("click", () => {
    record.hidden = !record.hidden;
    buttons.show.setAttribute("aria-expanded", String(!record.hidden));
    buttons.show.textContent = record.hidden ? "Show the record" : "Hide the record";
  });
  // Printing prints the record once Python has made one; before that, the form itself.
  buttons.print.addEventListener("click", () => window.print());
  buttons.clear.addEventListener("click", () => {
    const given = checklist.given();
    if (!given) return;
    const state = checklist.isDirty() ? "They are not saved or copied" : "You saved or copied them";
    if (!window.confirm(`Clear your ${given} on this checklist? ${state}; clearing cannot be undone.`)) return;
    form.reset();
    checklist.cleared();
    say("All answers cleared.");
    checklist.evaluate();
  });
  buttons.copy.addEventListener("click", async () => {
    await checklist.evaluate();
    const text = checklist.record();
    if (text === null) return;
    try {
      await copyText(text);
      checklist.markClean();
      say("Record copied. Paste it into your case record.");
    } catch {
      say("Could not copy the record: this browser does not allow it here. Use Save to a file or Print instead.", "error");
    }
  });
  buttons.save.addEventListener("click", async () => {
    const request = { op: "save", payload: collect(form), ...heading() };
    if (!(await saveFile(request, `${form.dataset.checklist}-${fileStamp()}.json`, say))) return;
    checklist.markClean();
    say("Saved to a file on this device. Open it here later to carry on.");
  });
  buttons.open.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    const keep = "Your current answers have not been changed.";
    const name = shownName(file.name);
    const request = (text, changes) => ({ op: "open", text, checklist: form.dataset.checklist, changes, ...edition() });
    const response = await openFile(file, request, keep, say);
    if (!response) return;
    const given = checklist.given();
    if (given && checklist.isDirty()) {
      const replace = `Opening “${name}” replaces your ${given} on this checklist, which are not saved or copied. Open it?`;
      if (!window.confirm(replace)) {
        say(`“${name}” was not opened. ${keep}`);
        return;
      }
    }
    // The reader stays where they were, with the confirmation in view, however the page changes.
    const place = holdPlace(buttons.open);
    apply(form, response.answers, response.notes);
    checklist.markClean();
    checklist.opened();
    say(`Opened “${name}”. ${response.notice}`.trim());
    await checklist.evaluate();
    place.restore(form.querySelector(".checklist__message"));
  });
}
