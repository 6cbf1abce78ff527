// A note's length beside it, against its limit (the textarea's maxlength, which the build takes
// from Python's MAX_NOTE): the browser cuts text pasted past the limit without a word, so the
// page says how much was cut.
import { el, readableNumber as number } from "../lib/page.js";

/** Count every note of `form` against its limit, and say when pasted text was cut. */
export function watchNotes(form) {
  for (const area of form.querySelectorAll("textarea[maxlength]")) {
    const limit = area.maxLength;
    const count = el("p", { class: "checklist__count", id: `${area.id}-count` });
    area.after(count);
    area.setAttribute("aria-describedby", [area.getAttribute("aria-describedby"), count.id].filter(Boolean).join(" "));
    let cut = 0;
    const show = () => {
      const used = `${number(area.value.length)} of ${number(limit)} characters`;
      if (cut > 0) {
        count.textContent = `${used}. The pasted text was too long: its last ${number(cut)} characters were cut. Shorten it, or keep the rest elsewhere.`;
        count.dataset.kind = "error";
        count.setAttribute("role", "alert");
      } else {
        count.textContent = used;
        delete count.dataset.kind;
        count.removeAttribute("role");
      }
    };
    area.addEventListener("paste", (event) => {
      const pasted = event.clipboardData ? event.clipboardData.getData("text").replace(/\r\n/g, "\n") : "";
      const kept = area.value.length - (area.selectionEnd - area.selectionStart);
      cut = Math.max(0, kept + pasted.length - limit);
    });
    area.addEventListener("input", (event) => {
      if (event.inputType !== "insertFromPaste") cut = 0;
      show();
    });
    show();
    // Filled in by the page (answers from earlier in this tab, a file, a pre-filled list).
    form.addEventListener("checklist:filled", show);
  }
}
