// One checklist form on the page: its answers evaluated by Python as they change, kept in the
// tab, pre-filled from the tab, with its record controls and leave guard.
import { el } from "../lib/page.js";
import { acknowledgeAnswers } from "./acknowledge.js";
import { firstAnswers } from "./first-answers.js";
import { apply, buttonsOf, collect, heading, untickExcluded } from "./form.js";
import { whenRemoved } from "./leave-guard.js";
import { watchNotes } from "./notes.js";
import { watchOfferedCopies } from "./offered-copy.js";
import { wireRecordActions } from "./record-actions.js";
import { render } from "./render.js";
import { applyShared, givenHere, ownPart, rememberAllShared, rememberShared, sharedIds } from "./shared-answers.js";
import { siteLine } from "./site-words.js";
import { amount, forget, hasContent, keep, kept, markClean, payloads, sharedAnswers } from "./tab-memory.js";
import { ask, onWorkerState, startWorker, workerProblem, workerProgress, workerState } from "./worker-client.js";

const GETTING_READY = "The checklist is getting ready…";
const NOT_YET = "checklist__not-yet";
const NOT_YET_WORDS = "What is shown here does not yet follow from all your answers: they are kept, and what follows from them will appear when the checklist is ready.";
const KEPT = "Answers you give now are kept and will be read as soon as it is ready.";

/** The words while Python loads: how much has arrived, said in quarters (a status message is
 * read aloud each time it changes; the bar beside it moves on every 2%). */
function loadingWords({ message, loaded, total }) {
  const quarter = total ? Math.floor((loaded / total) * 4) * 25 : 0;
  if ((!message || message === GETTING_READY) && quarter > 0) {
    return `The checklist is getting ready: ${quarter}% downloaded… ${KEPT}`;
  }
  return `${message || GETTING_READY} ${KEPT}`;
}

function showState(status, buttons) {
  const state = workerState();
  if (state === "loading") {
    const progress = workerProgress();
    const words = loadingWords(progress);
    status.dataset.kind = "loading"; // a bar at the foot of the screen (guidance.css)
    let bar = status.querySelector("progress");
    if (!bar) {
      bar = el("progress", { "aria-label": "The checklist is getting ready" });
      status.replaceChildren(bar, el("span", {}, words));
    } else if (status.lastChild.textContent !== words) {
      status.lastChild.textContent = words;
    }
    if (progress.total) {
      bar.max = progress.total;
      bar.value = progress.loaded;
    } else {
      bar.removeAttribute("value"); // not yet known: the bar says only that something happens
    }
  } else if (state === "failed") {
    const why = `The checklist cannot show what the guidance says here: ${workerProblem()}. Your answers are kept; you can still fill in and print the form.`;
    status.replaceChildren(el("span", {}, why));
    status.dataset.kind = "error";
  } else {
    status.replaceChildren();
    delete status.dataset.kind;
  }
  for (const name of ["copy", "show", "save", "open"]) buttons[name].disabled = state !== "ready";
}

/** Enhance one build-time checklist form (once). */
export function enhance(form) {
  if (form.dataset.enhanced) return;
  form.dataset.enhanced = "true";
  form.classList.add("checklist--enhanced");
  const id = form.dataset.checklist;
  const status = form.querySelector(".checklist__status");
  const message = form.querySelector(".checklist__message");
  const buttons = buttonsOf(form);
  let latest = null;
  let sequence = 0;
  let dirty = false;
  const pageHeading = document.querySelector("article h1");
  const title = pageHeading ? pageHeading.textContent.trim() : id;

  // Into the tab's memory at once, whether or not Python has read them yet (or ever will): the
  // checklist's own answers here, the shared ones once for the tab (P14).
  const remember = () => {
    const payload = givenHere(form, collect(form), title);
    if (hasContent(payload)) keep(id, ownPart(form, payload), dirty, title, amount(payload));
    else forget(id);
  };
  const shared = new Set(sharedIds(form));
  const acknowledged = acknowledgeAnswers(form); // each answer given before Python is ready

  const say = (text, kind = "info") => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  const clean = () => {
    dirty = false;
    markClean(id);
  };

  const request = () => ({ op: "evaluate", payload: ownPart(form, collect(form)), tab: payloads(id), shared: sharedAnswers(), ...heading() });
  // Before Python is ready: what follows from a first answer, as the build computed it. For any
  // other form (a second answer, words) the panel says, above what it shows, that it does not
  // yet follow from every answer; the next result drawn replaces the line.
  const early = workerState() === "loading" ? firstAnswers(id, [...shared]) : null;
  const panel = form.querySelector(".checklist__prompts");
  const drawEarly = () => {
    if (!early || workerState() !== "loading") return;
    const result = early.resultFor(request());
    if (!result) {
      if (!panel.querySelector(`.${NOT_YET}`)) panel.prepend(siteLine("p", NOT_YET, NOT_YET_WORDS));
      return;
    }
    render(form, result);
    acknowledged.drawn();
    form.dataset.drawnEarly = "true"; // the build's result has been shown (tests and bench read it)
  };
  if (early) {
    early.arrived.then(() => {
      form.dataset.firstAnswers = "read"; // tests wait for it
      if (Object.keys(collect(form).answers).length) drawEarly();
    });
  }

  /** Evaluate the form as it is now and draw the result; false if a later evaluation took over. */
  const evaluate = async () => {
    if (workerState() !== "ready") {
      drawEarly();
      return true;
    }
    const mine = ++sequence;
    form.dataset.asked = String(mine); // settled when data-evaluated says the same (tests read it)
    try {
      const response = await ask(request());
      if (mine !== sequence) return false;
      if (!response.ok) {
        say(`Could not read these answers: ${response.error.field} ${response.error.message}.`, "error");
        return true;
      }
      latest = response;
      remember();
      render(form, response);
      acknowledged.drawn();
      form.querySelector(".checklist__record").textContent = response.record;
      if (!form.dataset.evaluated) performance.mark("checklist-first-result"); // read by make bench
      form.dataset.evaluated = String(mine);
    } catch (error) {
      say(`Could not read these answers: ${error.message}.`, "error");
    }
    return true;
  };

  // Back on this page in the same tab: carry on where the practitioner was.
  const before = kept(id);
  if (before) {
    apply(form, before.payload.answers, before.payload.notes);
    dirty = before.dirty;
    say("Your answers from earlier in this tab are back. They are kept while you move between pages of this site in this tab, until you close or reload it.");
  }
  applyShared(form); // the tab's one answer to each shared question, and where it was given

  const stopListening = onWorkerState(() => {
    if (workerState() === "failed") panel.querySelector(`.${NOT_YET}`)?.remove(); // the status says why
    showState(status, buttons);
    if (workerState() === "ready") evaluate();
  });
  showState(status, buttons);
  if (workerState() === "ready") evaluate();

  // Touching the form starts Python at once, if the browser has not been idle yet.
  for (const type of ["pointerdown", "focusin", "keydown"]) form.addEventListener(type, startWorker);

  let typing = null;
  // Before a record is copied, saved or printed: the result of every answer and word given so
  // far, not one an evaluation still due (words typed just before) would replace (a copy once
  // held the record from before the last words).
  const evaluateAll = async () => {
    clearTimeout(typing);
    for (let tries = 0; tries < 10 && !(await evaluate()); tries++);
  };
  form.addEventListener("input", (event) => {
    if (event.target.type === "file") return; // choosing a file to open is not an answer
    dirty = true;
    untickExcluded(event.target);
    if (shared.has(event.target.name)) rememberShared(form, event.target.name, title);
    remember();
    if (event.target.tagName === "TEXTAREA") {
      clearTimeout(typing);
      typing = setTimeout(evaluate, 250);
    } else {
      evaluate();
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  wireRecordActions({
    form,
    buttons,
    say,
    evaluate: evaluateAll,
    record: () => (latest ? latest.record : null),
    markClean: clean,
    isDirty: () => dirty,
    given: () => amount(collect(form)),
    cleared: () => {
      clean();
      rememberAllShared(form, title); // cleared for the tab too: one answer, one place
      forget(id);
    },
    opened: () => {
      rememberAllShared(form, title);
      remember();
    },
  });

  watchNotes(form);
  watchOfferedCopies(form);
  // When the theme swaps this page out, stop listening for it.
  whenRemoved(form, () => {
    stopListening();
    acknowledged.stop();
  });
}
