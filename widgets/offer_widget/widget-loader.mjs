// Loaded on every page. The scoring widget runs from one classic script placed after its markup
// (assets/widgets/score-page.js, see score-page.mjs), on a full load and, run again by Material's
// instant navigation, when the scoring page is swapped in. This module only tells the reader when
// that script could not load or failed before the widget was up, which would otherwise leave "the
// engine is loading" on show for good.

const SELECTOR = "[data-og-score]";
const SCRIPT = "script[data-og-widget]";
const MESSAGE = "The scoring widget could not load. Reload the page to try again.";

function sayFailed() {
  const status = document.querySelector(SELECTOR)?.querySelector("[data-og-status-text]");
  if (status) status.textContent = MESSAGE;
}

// Instant navigation: a script that fails to load fires "error" at its element, which does not
// bubble, so it is heard while it is captured.
document.addEventListener("error", (event) => {
  if (event.target instanceof HTMLScriptElement && event.target.matches(SCRIPT)) sayFailed();
}, true);

// One that loads but throws before the widget is up reports it at the window, under its own address.
window.addEventListener("error", (event) => {
  if (!self.offerGuideWidget && /\/assets\/widgets\/score-page\.js(\?|$)/.test(event.filename || "")) sayFailed();
});

// A full load: the parser ran the widget's script before this module, unless it could not.
if (document.querySelector(SELECTOR) && !self.offerGuideWidget) sayFailed();
