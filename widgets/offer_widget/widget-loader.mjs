// Loaded on every page. Material's instant navigation swaps page content without a new document,
// so the scoring widget is mounted from `document$` whenever the current page has one. The widget's
// modules (and the one engine worker) are imported once and live for the whole visit. On the scoring
// page itself, score-page.mjs has usually mounted the widget already, while the page was parsed:
// mount() then does nothing, so this stays the fallback if that module failed to load.

const SELECTOR = "[data-og-score]";

function mountIfPresent() {
  const root = document.querySelector(SELECTOR);
  if (!root) return;
  // Start booting Pyodide at once, in parallel with loading the form's modules: the boot is the
  // long pole, and getEngine() is a singleton, so mount() picks up the same engine later.
  import("./engine-client.mjs").then(({ getEngine }) => getEngine(), () => {});
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
