// The assessment record page: every checklist answered in this tab, as one record, and the whole
// assessment saved to one file or opened from one (P10). Python makes the whole text (heading,
// order, separators) and the file; this module only shows them and offers the file.
import { copyText, el, fileStamp, shownName } from "../lib/page.js";
import { buttonsOf, edition, heading } from "./form.js";
import { openFile, saveFile } from "./record-actions.js";
import { isAnswered, markClean, payloads, replaceTab, sharedAnswers, unsaved } from "./tab-memory.js";
import { ask } from "./worker-client.js";

const NONE = "No checklist has been answered in this tab yet. Answer one or more of the checklists above, or open a saved assessment; their records gather here while this tab stays open.";

/** "1 checklist", "3 checklists". */
function checklists(n) {
  return `${n} checklist${n === 1 ? "" : "s"}`;
}

/** The Save and Open buttons of the whole assessment, beside Copy and Print (once). */
function addFileButtons(box) {
  const bar = box.querySelector(".checklist__buttons");
  const button = (action, label) => el("button", { type: "button", class: "md-button", dataset: { action } }, label);
  bar.append(
    button("save", "Save the whole assessment to a file"),
    button("open", "Open a saved assessment"),
    el("input", { type: "file", accept: ".json,application/json", class: "checklist__file", hidden: true, tabindex: "-1", "aria-hidden": "true" }),
  );
}

/** Every checklist of the tab, with the titles the page lists them by. */
function titles(box) {
  return new Map([...box.querySelectorAll("li[data-checklist]")].map((li) => [li.dataset.checklist, li.querySelector("a").textContent.trim()]));
}

/** Gather this tab's checklists into the record box `box`. */
export async function gather(box) {
  if (box.dataset.enhanced) return;
  box.dataset.enhanced = "true";
  box.classList.add("checklist--enhanced");
  addFileButtons(box);
  const status = box.querySelector(".assessment-record__status");
  const pre = box.querySelector(".assessment-record__text");
  const buttons = buttonsOf(box);
  const fileInput = box.querySelector(".checklist__file");
  const message = box.querySelector(".checklist__message");
  const say = (text, kind = "info") => {
    message.textContent = text;
    message.dataset.kind = kind;
  };

  const refresh = async () => {
    for (const li of box.querySelectorAll("li[data-checklist]")) {
      li.dataset.answered = String(isAnswered(li.dataset.checklist));
    }
    const answered = payloads();
    for (const name of ["copy", "print", "save"]) buttons[name].disabled = true;
    pre.hidden = true;
    pre.textContent = "";
    if (!answered.length) {
      status.textContent = NONE;
      return;
    }
    let response;
    try {
      response = await ask({ op: "assessment_record", payloads: answered, shared: sharedAnswers(), ...heading() });
      if (!response.ok) throw new Error(response.error.message);
    } catch (error) {
      status.textContent = `Could not make the assessment record: ${error.message}. Each checklist's own record is still on its page.`;
      return;
    }
    pre.textContent = response.record;
    pre.hidden = false;
    status.textContent = `${checklists(response.checklists.length)} from this tab, in the guidance's order.`;
    for (const name of ["copy", "print", "save"]) buttons[name].disabled = false;
    box.dataset.gathered = String(Number(box.dataset.gathered || 0) + 1); // tests wait for it
  };

  buttons.copy.addEventListener("click", async () => {
    try {
      await copyText(pre.textContent);
      markClean();
      say("Assessment record copied. Paste it into your case record.");
    } catch {
      say("Could not copy: this browser does not allow it here. Use Print instead.", "error");
    }
  });
  buttons.print.addEventListener("click", () => window.print());
  buttons.save.addEventListener("click", async () => {
    const request = { op: "save_assessment", payloads: payloads(), shared: sharedAnswers(), ...heading() };
    if (!(await saveFile(request, `assessment-${fileStamp()}.json`, say))) return;
    markClean();
    say("The whole assessment is saved to a file on this device. Open it here later to carry on.");
  });
  buttons.open.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (file) await open(file);
  });

  const open = async (file) => {
    const keep = "The answers in this tab have not been changed.";
    const name = shownName(file.name);
    const request = (text, changes) => ({ op: "open_assessment", text, changes, ...edition() });
    const response = await openFile(file, request, keep, say);
    if (!response) return;
    const lost = unsaved();
    if (lost.length && !window.confirm(`Opening “${name}” replaces every checklist of this tab. You would lose your answers, not saved or copied, to: ${lost.join("; ")}. Open it?`)) {
      say(`“${name}” was not opened. ${keep}`);
      return;
    }
    const named = titles(box);
    const entries = response.payloads.map((payload) => ({ payload, title: named.get(payload.checklist) || payload.checklist }));
    replaceTab(entries, response.shared, `the saved assessment “${name}”`);
    say(`Opened “${name}”: ${checklists(entries.length)}. ${response.notice}`.trim());
    await refresh();
  };

  await refresh();
}
