// Every answer given before the checklist is ready is acknowledged at once, by its question: a
// line inside the question's fieldset, right after its answers, saying that it is kept and what
// follows will appear when Python is ready, with how much has downloaded. Screen readers hear it
// once for each question, through the form's one polite live region (never on a progress tick).
// The lines go when the first result is drawn.
import { el } from "../lib/page.js";
import { onWorkerState, workerProgress, workerState } from "./worker-client.js";

const LINE = "checklist-q__kept";

/** The line's words: how much of the runtime has arrived, in whole percent, when known. */
function words() {
  const { loaded, total } = workerProgress();
  const done = total ? ` (${Math.floor((loaded / total) * 100)}% downloaded)` : "";
  return `Kept. What follows from it will appear when the checklist is ready${done}.`;
}

/** How the question is named when announced: its number, or its title or text. */
function questionName(box) {
  const number = box.querySelector(":scope > legend .checklist-q__number");
  if (number) return `question ${number.textContent.replace(/\.$/, "")}`;
  const title = box.querySelector(":scope > legend .checklist-q__title, :scope > legend .checklist-q__text");
  return title ? `“${title.textContent.trim()}”` : "this question";
}

/** Acknowledge the answers of `form` while Python loads. Returns `drawn()`, to call when a
 * result is drawn (the lines go), and `stop()`, when the page goes. */
export function acknowledgeAnswers(form) {
  const said = el("div", { class: "checklist__kept-said visually-hidden", "aria-live": "polite" });
  form.prepend(said);
  const lines = () => form.querySelectorAll(`.${LINE}`);

  const drawn = () => {
    for (const line of lines()) line.remove();
    said.textContent = "";
  };

  form.addEventListener("input", (event) => {
    if (workerState() !== "loading" || event.target.type === "file") return;
    const box = event.target.closest("fieldset.checklist-q");
    if (!box || box.querySelector(`:scope > .${LINE}`)) return; // already acknowledged
    const after = box.querySelector(":scope > .checklist-q__answers") || event.target;
    after.after(el("p", { class: LINE }, words()));
    said.textContent = `Your answer to ${questionName(box)} is kept. What follows from it will appear when the checklist is ready.`;
  });

  const stop = onWorkerState(() => {
    if (workerState() === "failed") drawn(); // the status says why, and that answers are kept
    const now = words();
    for (const line of lines()) if (line.textContent !== now) line.textContent = now;
  });
  return { drawn, stop };
}
