// Where a host sends no headers (GitHub Pages, a plain file server), nothing stops another site
// from showing these pages in a frame (`frame-ancestors` cannot be set from a meta tag): a
// checklist there would look like ours while that site's page around it asked for the answers.
// So a page inside another site's frame says so and shows no checklist form, with a link that
// opens it in a tab of its own. (With the hosting headers, the browser refuses the frame.)
// Also: this page never keeps a reference to the page that opened it.
import { el, onEveryPage } from "./lib/page.js";

window.opener = null;

function framedByAnotherSite() {
  if (window.top === window.self) return false;
  try {
    return window.top.location.origin !== window.location.origin;
  } catch {
    return true; // the top's address cannot be read: another site
  }
}

if (framedByAnotherSite()) {
  document.documentElement.dataset.framed = "";
  onEveryPage(() => {
    const article = document.querySelector("article");
    if (!article || article.querySelector(".framed-notice")) return;
    for (const form of document.querySelectorAll("form.checklist")) form.remove();
    const link = el("a", { href: window.location.href, target: "_blank", rel: "noopener noreferrer" }, "Open this page in its own tab");
    article.prepend(
      el(
        "p",
        { class: "framed-notice admonition warning", role: "alert" },
        "This page is shown inside another website, which can see what is typed into it. Checklists are not shown here. ",
        link,
        ".",
      ),
    );
  });
}
