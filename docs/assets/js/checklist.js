// Checklist runtime: enhances the build-time checklist forms and the assessment record page.
// Python (Pyodide, in a worker) evaluates the answers and writes every record; the modules in
// checklist/ collect answers, show results with textContent (never HTML from data) and handle
// the record: copy, print, save, open, clear. Nothing is sent anywhere and nothing is stored
// unless the user saves a file.
import { gather } from "./checklist/assessment-record.js";
import { enhance } from "./checklist/enhance.js";
import { guardTab } from "./checklist/leave-guard.js";
import { startAheadWhereNear } from "./checklist/prestart.js";
import { startWorker } from "./checklist/worker-client.js";
import { onEveryPage } from "./lib/page.js";

guardTab(); // once per tab: answers in memory are asked about before a page load loses them
onEveryPage(() => {
  document.querySelectorAll(".assessment-record").forEach(gather);
  const forms = document.querySelectorAll("form.checklist[data-checklist]");
  if (!forms.length) {
    startAheadWhereNear(); // a page that leads to a checklist: Python at idle, if on the device
    return;
  }
  forms.forEach(enhance);
  startWorker(); // adopts the worker checklist-early.js started, or starts it: never at idle
});
