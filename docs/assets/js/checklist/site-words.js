// The one mark of the site's own words (P13): every line the site writes (a line on the answers,
// a heading, a note, a label) begins with it, in text, not colour alone; the guidance's words are
// quoted instead (“…” in a blockquote, with the paragraph's link).
import { el } from "../lib/page.js";

export const SITE_MARK = "The site's words:";

/** A `tag` element of class `className`: the mark, then `children` (text or elements). */
export function siteLine(tag, className, ...children) {
  return el(tag, { class: `${className} site-words` }, el("span", { class: "site-words__mark" }, SITE_MARK), " ", ...children);
}
