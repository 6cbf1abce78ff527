// Keeps the reader where they are while a checklist changes above them (opening a saved file
// redraws the questions' states and the whole result). Browsers with scroll anchoring mostly do
// this themselves; Safari has none, and a page that is shorter for a moment is scrolled to its
// foot by every browser: the view then stayed at the bottom with the "Opened …" confirmation far
// above it. `holdPlace(element)` notes where `element` (what the reader used) is on the screen;
// `restore(shown)` scrolls it back there and brings `shown` (the confirmation) into view.

export function holdPlace(element) {
  const before = element.getBoundingClientRect().top;
  return {
    restore(shown) {
      const moved = element.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: "instant" });
      if (!shown) return;
      const header = document.querySelector(".md-header");
      const top = header ? header.getBoundingClientRect().bottom : 0;
      const box = shown.getBoundingClientRect();
      if (box.top < top || box.bottom > window.innerHeight) shown.scrollIntoView({ block: "nearest", behavior: "instant" });
    },
  };
}
