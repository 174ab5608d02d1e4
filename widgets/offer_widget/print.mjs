// Printing: wires the print buttons, and gives the printed footer (generator/site/theme/assets/css/print.css) the
// guide's name and the page's address. The footer is an @page margin box, so it never covers the
// content; it reads its text from a custom property on the root, which the page context inherits.

const FOOTER_PROPERTY = "--og-print-footer";

function guideName() {
  // Material's header shows the site name in its first topic; the title is "Page - Site" otherwise.
  const topic = document.querySelector(".md-header__topic:not([data-md-component]) .md-ellipsis");
  return topic?.textContent.trim() || document.title;
}

/** A CSS string literal holding `text`, whatever characters it has. */
function cssString(text) {
  return `"${text.replace(/["\\]/g, "\\$&").replace(/[\n\r\f]/g, " ")}"`;
}

function updateFooter() {
  const text = `${guideName()} · ${location.origin}${location.pathname}`;
  // Set through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
  document.documentElement.style.setProperty(FOOTER_PROPERTY, cssString(text));
}

// Paper is printed in the light scheme whatever the reader uses on screen. Material's own dark
// ("slate") palette is screen-only, but any stylesheet may style the slate scheme for all media;
// switching the scheme for the length of the print covers them all.
let screenScheme = null;

function lightForPrint() {
  const scheme = document.body.getAttribute("data-md-color-scheme");
  if (scheme === null || scheme === "default") return;
  screenScheme = scheme;
  document.body.setAttribute("data-md-color-scheme", "default");
}

function schemeAfterPrint() {
  if (screenScheme === null) return;
  document.body.setAttribute("data-md-color-scheme", screenScheme);
  screenScheme = null;
}

function bindButtons() {
  if (typeof window.print !== "function") return;
  for (const button of document.querySelectorAll("[data-print]")) {
    if (button.dataset.printBound) continue;
    button.dataset.printBound = "true";
    button.addEventListener("click", () => window.print());
  }
  for (const actions of document.querySelectorAll("[data-print-actions]")) actions.removeAttribute("hidden");
}

export function mountPrint() {
  updateFooter();
  bindButtons();
}

// Material's instant navigation swaps pages without rerunning scripts; document$ emits on each one.
if (window.document$) window.document$.subscribe(mountPrint);
else mountPrint();
window.addEventListener("beforeprint", () => {
  updateFooter(); // the address afresh, whatever changed it since the page was shown
  lightForPrint();
});
window.addEventListener("afterprint", schemeAfterPrint);
