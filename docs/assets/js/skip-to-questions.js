// "Skip to the questions": on a checklist page the theme's skip link, the page's first Tab stop,
// becomes a link to the first question and puts focus on its first answer, so that a keyboard
// user answers after one Tab and Enter instead of Tabbing past the header, the menu and every
// paragraph link. On other pages the theme's "Skip to content" is left as it is. The theme's
// instant navigation replaces the skip link on every page change: it is set again each time.
import { el, onEveryPage } from "./lib/page.js";

const LABEL = "Skip to the questions";
const ANSWER = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";

function skipToQuestions() {
  const question = document.querySelector("form.checklist .checklist__questions fieldset[id]");
  const holder = document.querySelector('[data-md-component="skip"]');
  if (!question || !holder) return;
  let link = holder.querySelector("a.md-skip");
  if (!link) {
    link = el("a", { class: "md-skip" });
    holder.append(link);
  }
  link.textContent = LABEL;
  link.setAttribute("href", `#${question.id}`);
  link.addEventListener("click", (event) => {
    const target = document.getElementById(question.id);
    const answer = target && target.querySelector(ANSWER);
    if (!answer) return; // the plain link: to the question
    event.preventDefault();
    event.stopPropagation(); // not the theme's instant navigation, which would move focus away
    target.scrollIntoView({ block: "start" });
    answer.focus({ preventScroll: true });
  });
}

onEveryPage(skipToQuestions);
