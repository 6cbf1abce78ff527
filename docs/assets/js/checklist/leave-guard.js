// Leaving with answers not saved or copied asks first: closing the tab or following a link,
// including the theme's instant navigation (which would otherwise swap the page silently).

const QUESTION = "Your answers are not saved or copied. Leave this page? They stay in this tab only until you close or reload it.";

/**
 * Guard `form` while `isDirty()`; `onLeave()` runs when the practitioner chooses to leave.
 * Returns how to stop guarding.
 */
export function guardLeaving(form, isDirty, onLeave) {
  const beforeUnload = (event) => {
    if (isDirty() && document.contains(form)) event.preventDefault();
  };
  const beforeLink = (event) => {
    if (!isDirty() || !document.contains(form) || event.defaultPrevented) return;
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const target = new URL(link.href, location.href);
    if (target.pathname === location.pathname && target.search === location.search) return;
    if (link.target === "_blank" || link.hasAttribute("download")) return;
    if (window.confirm(QUESTION)) {
      onLeave();
    } else {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  window.addEventListener("beforeunload", beforeUnload);
  window.addEventListener("click", beforeLink, true);
  return () => {
    window.removeEventListener("beforeunload", beforeUnload);
    window.removeEventListener("click", beforeLink, true);
  };
}

/** Call `then()` once `node` has left the document (the theme swapped the page out). */
export function whenRemoved(node, then) {
  const observer = new MutationObserver(() => {
    if (!document.contains(node)) {
      observer.disconnect();
      then();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
