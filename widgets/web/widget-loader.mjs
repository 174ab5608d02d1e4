// Loaded on every page. Material's instant navigation swaps page content without rerunning scripts,
// so the scoring widget is mounted from `document$` whenever the current page has one. The widget's
// modules (and the one engine worker) are imported once and live for the whole visit.

const SELECTOR = "[data-og-score]";

function mountIfPresent() {
  const root = document.querySelector(SELECTOR);
  if (!root) return;
  import("./score-widget.mjs").then(
    ({ mount }) => mount(root),
    (error) => {
      const status = root.querySelector("[data-og-status-text]");
      if (status) status.textContent = `The scoring widget could not load (${error.message}). Reload the page to try again.`;
    },
  );
}

if (typeof window.document$?.subscribe === "function") window.document$.subscribe(mountIfPresent);
else mountIfPresent();
