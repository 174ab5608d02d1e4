// Which scores are the reader's own, and the "what to do first" the page shows until one is: a
// verdict on scores the reader never gave (the form's defaults) would read as advice about nothing.
//
// A score is the reader's own once they change it (typing, arrow keys, the slider), or when it was
// restored (saved answers, an imported file, a shared link the reader chose to use). The state is
// kept per input element, not as an attribute, because added offers and criteria are clones of
// existing parts and must start untouched; `readOwn` and `writeOwn` move it as plain data shaped
// like the answers (per offer, the criterion ids owned), so the widget can remove and restore
// offers with it exactly as it does with the answers. Changes made by code announce themselves
// with an "og:own" event on the form, so the sliders can redraw.

import { CONTRACT } from "./engine-contract.mjs";

const SCORE_NAME = /^offers\.(\d+)\.scores\.(.+)$/;

/** The form's score inputs (the number boxes: the source of truth). */
export const scoreInputs = (root) => [...root.querySelectorAll('input[type="number"][name*=".scores."]')];

export const isScoreInput = (el) => el instanceof HTMLInputElement && el.type === "number" && SCORE_NAME.test(el.name);

const OWN = new WeakSet();

export const isOwn = (input) => OWN.has(input);

function setOwn(input, own) {
  if (own) OWN.add(input);
  else OWN.delete(input);
}

const announce = (root) => (root.closest?.("form") ?? root).dispatchEvent(new Event("og:own"));

/** True once at least one score of one offer is the reader's own. */
export function hasOwnScore(form) {
  return scoreInputs(form).some(isOwn);
}

/**
 * Mark a score as the reader's own whenever they change it. Runs in the capture phase, so the mark
 * is there before any other input handler on the form (the widget's re-render) sees the change.
 */
export function trackOwnScores(form, onFirstOwn = () => {}) {
  if (form.dataset.ogOwnTracked) return;
  form.dataset.ogOwnTracked = "true";
  form.addEventListener("input", (event) => {
    if (!isScoreInput(event.target) || isOwn(event.target)) return;
    const first = !hasOwnScore(form);
    setOwn(event.target, true);
    if (first) onFirstOwn();
  }, { capture: true });
}

/** The owned scores as data: for each offer (by position), the criterion ids the reader scored. */
export function readOwn(form) {
  const own = [];
  for (const input of scoreInputs(form)) {
    const [, at, id] = input.name.match(SCORE_NAME);
    own[Number(at)] ??= [];
    if (isOwn(input)) own[Number(at)].push(id);
  }
  return Array.from(own, (ids) => ids ?? []);
}

/** Set the owned scores from data (as `readOwn` gives); every other score becomes untouched. */
export function writeOwn(form, own) {
  for (const input of scoreInputs(form)) {
    const [, at, id] = input.name.match(SCORE_NAME);
    setOwn(input, (own[Number(at)] ?? []).includes(id));
  }
  announce(form);
}

/** Restored answers count as the reader's own: every score in the form (or in one offer's part). */
export function markAllOwn(root) {
  scoreInputs(root).forEach((input) => setOwn(input, true));
  announce(root);
}

export const FIRST_STEP = {
  results: `No suggestion yet: score at least one offer first. In part 2, move a slider or type a score from ${CONTRACT.limits.score.min} to ${CONTRACT.limits.score.max} for what you know about the offer. Every score starts at ${CONTRACT.defaults.score}, marked "Not scored yet", until you give your own.`,
  live: "No suggestion yet: score an offer in part 2 first.",
};

/** Put "what to do first" where the verdict would be: the results area and the sticky line. */
export function showFirstStep(root) {
  const summary = root.querySelector("[data-og-summary]");
  const text = document.createElement("p");
  text.textContent = FIRST_STEP.results;
  summary.replaceChildren(text);
  summary.dataset.ogRecommended = "";
  for (const part of root.querySelectorAll("[data-og-offer-results], [data-og-plan], [data-og-compare]")) part.replaceChildren();
  const live = root.querySelector("[data-og-live]");
  if (live) {
    live.hidden = false;
    root.querySelector("[data-og-live-text]").textContent = FIRST_STEP.live;
  }
  root.dataset.ogOutcome = "first-step";
}
