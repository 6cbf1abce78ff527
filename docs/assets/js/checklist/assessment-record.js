// The assessment record page: every checklist answered in this tab, as one record. Python makes
// the whole text (heading, order, separators); this module only shows it.
import { copyText } from "../lib/page.js";
import { buttonsOf, heading } from "./form.js";
import { isAnswered, markClean, payloads } from "./tab-memory.js";
import { ask } from "./worker-client.js";

/** Gather this tab's checklists into the record box `box`. */
export async function gather(box) {
  box.classList.add("checklist--enhanced");
  const status = box.querySelector(".assessment-record__status");
  const pre = box.querySelector(".assessment-record__text");
  const buttons = buttonsOf(box);
  const message = box.querySelector(".checklist__message");
  for (const li of box.querySelectorAll("li[data-checklist]")) {
    li.dataset.answered = String(isAnswered(li.dataset.checklist));
  }
  const answered = payloads();
  if (!answered.length) {
    status.textContent = "No checklist has been answered in this tab yet. Answer one or more of the checklists above; their records gather here while this tab stays open.";
    return;
  }
  let response;
  try {
    response = await ask({ op: "assessment_record", payloads: answered, ...heading() });
    if (!response.ok) throw new Error(response.error.message);
  } catch (error) {
    status.textContent = `Could not make the assessment record: ${error.message}. Each checklist's own record is still on its page.`;
    return;
  }
  pre.textContent = response.record;
  pre.hidden = false;
  status.textContent = `${response.checklists.length} checklist record(s) from this tab, in the guidance's order.`;
  buttons.copy.disabled = false;
  buttons.print.disabled = false;
  buttons.copy.addEventListener("click", async () => {
    try {
      await copyText(pre.textContent);
      markClean();
      message.textContent = "Assessment record copied. Paste it into your case record.";
    } catch {
      message.textContent = "Could not copy: this browser does not allow it here. Use Print instead.";
    }
  });
  buttons.print.addEventListener("click", () => window.print());
}
