// What every page script needs: run on every page, build elements, copy to the clipboard, dates.
// Text is only ever set as text (textContent and Text nodes), never parsed as HTML.

/** Run `setUp` on this page and, with the theme's instant navigation, on every page it swaps in. */
export function onEveryPage(setUp) {
  const start = () => {
    const pages = window.document$; // Material's observable of each page; absent without the theme
    if (pages && typeof pages.subscribe === "function") pages.subscribe(() => setUp());
    else setUp();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}

/** The content of `<meta name="…">`, or "". */
export function meta(name) {
  const tag = document.querySelector(`meta[name="${name}"]`);
  return tag ? tag.getAttribute("content") : "";
}

/**
 * An element: `el("p", { class: "note", dataset: { id: "2.9" } }, "text", child)`.
 * `class` sets the class, `dataset` data attributes, any other key an attribute (false or null
 * leaves it out); strings among the children become text.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  if (children.length === 1 && typeof children[0] === "string") node.textContent = children[0];
  else node.append(...children.filter((child) => child !== "" && child !== null && child !== undefined));
  return node;
}

// A browser that neither copies nor refuses (waiting for a permission that never comes) is taken
// as refusing after this long, so that the reader is told and offered another way.
const COPY_WAIT_MS = 5000;

/** Copy text to the clipboard: the Clipboard API, or a hidden textarea and the copy command. */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    const noAnswer = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error("the clipboard did not answer")), COPY_WAIT_MS);
    });
    return Promise.race([navigator.clipboard.writeText(text), noAnswer]);
  }
  // Older browsers and plain-http hosts.
  return new Promise((resolve, reject) => {
    const area = el("textarea", { readonly: true, spellcheck: "false", autocomplete: "off" });
    area.value = text;
    area.style.position = "fixed"; // the style object, not an attribute: the policy allows it
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let ok;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    if (ok) resolve();
    else reject(new Error("copy not allowed"));
  });
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A date and time as people read it: "28 November 2026 at 10:00" (what `toLocaleString("en-GB",
 * { dateStyle: "long", timeStyle: "short" })` gives in Chromium; put together here because that
 * call's first use loads the locale's data, about 50 ms of a phone's CPU in every page's set-up). */
export function readableDate(date = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} at ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A whole number as people read it: "12,000" (what `toLocaleString("en-GB")` gives; put together
 * here for the same reason: that first call cost a checklist page's set-up about 100 ms of a
 * phone's CPU, for the notes' character counts). */
export function readableNumber(n) {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A date and time for a file name: "202611281000" (UTC). */
export function fileStamp(date = new Date()) {
  return date.toISOString().slice(0, 16).replace(/[-:T]/g, "");
}

/** The address's fragment (or ``hash``) as text ("" when it is not valid percent-encoding, such
 * as "#%E0%A4%A"). */
export function hashText(hash = location.hash) {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return "";
  }
}

// Characters that reorder the text around them (a file called "cod\u202Etxt.exe" would show as
// "codexe.txt"): never shown in a message.
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A name chosen outside the site (a file's), fit to show in a message: no reordering, short. */
export function shownName(name) {
  const plain = String(name).replace(BIDI_CONTROLS, "");
  return plain.length > 80 ? `${plain.slice(0, 77)}…` : plain;
}
