// The /score/ page's widget: binds the form to saved answers and to the engine, and re-renders the
// result whenever an input changes. At most one run is in flight; changes made meanwhile are
// coalesced into one more run, so results keep up with typing without queueing stale work.
// The first run is sent while the engine still boots, and answered as soon as it is up.
// Until one score is the reader's own (own-scores.mjs) the page shows what to do first, not a verdict.

import { renderComparison } from "./compare.mjs";
import { CONTRACT } from "./engine-contract.mjs";
import { engineIds, toRequest } from "./request.mjs";
import { getEngine } from "./engine-client.mjs";
import { bindStatus, showFault } from "./engine-status.mjs";
import { relabel, shapeForm } from "./form-structure.mjs";
import { clearMessages, readAnswers, showMessage, unreadable, writeAnswers } from "./form-values.mjs";
import { hasOwnScore, markAllOwn, readOwn, showFirstStep, trackOwnScores, writeOwn } from "./own-scores.mjs";
import { renderProblems, renderResult } from "./results.mjs";
import { bindSavedControls, loadSaved, saveAnswers } from "./saved-controls.mjs";
import { upgradeScoreControls } from "./score-control.mjs";
import { offerSharedAnswers, shareSection } from "./share-panel.mjs";

const LIMITS = CONTRACT.limits;
const ALL = "all";

export function mount(root) {
  if (root.dataset.ogMounted) return;
  root.dataset.ogMounted = "true";
  const form = root.querySelector("[data-og-form]");
  const builtIn = [...form.querySelectorAll("[data-og-criterion]")].map((card) => card.dataset.ogCriterion);
  const costIds = CONTRACT.costs;
  const defaults = readAnswers(form);
  const compare = root.querySelector("[data-og-compare]");
  const engine = getEngine();
  trackOwnScores(form);
  upgradeScoreControls(form);
  const saved = loadSaved(root, builtIn, costIds);
  let answers = saved ?? structuredClone(defaults);
  let running = false;
  let again = false;
  let changedAt = 0;

  /** Criterion labels by the ids the engine answers with. */
  const labels = () => {
    const ids = engineIds(answers, builtIn);
    const out = {};
    for (const card of form.querySelectorAll("[data-og-criterion]")) {
      const id = card.dataset.ogCriterion;
      out[ids.get(id) ?? id] = card.querySelector("legend").textContent;
    }
    return out;
  };

  /**
   * Put answers into the form, then read them back: the form fills in any defaults they lack.
   * `own` says which scores are the reader's own afterwards: ALL (restored answers), per offer the
   * criterion ids (as own-scores.readOwn gives them), or null to leave the marks as they are.
   */
  function show(next, own = null) {
    shapeForm(form, next.offers.length, (next.custom_criteria ?? []).map((c) => c.id));
    writeAnswers(form, next);
    if (own === ALL) markAllOwn(form);
    else if (own) writeOwn(form, own);
    answers = readAnswers(form);
    relabel(form, answers, LIMITS);
    changed();
  }

  function changed() {
    changedAt = performance.now();
    root.dataset.ogPending = "true";
    compute();
  }

  async function compute() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    // Sent before the engine is up: the worker answers it as soon as it is (engine-client.mjs).
    let pending = engine.run(toRequest(answers, builtIn));
    try {
      await engine.ready;
    } catch {
      running = false;
      return; // the status line already says why
    }
    for (;;) {
      const response = await pending;
      if (!root.isConnected) break;
      render(response);
      if (!again) break;
      again = false;
      pending = engine.run(toRequest(answers, builtIn));
    }
    running = false;
    if (!root.isConnected) return;
    delete root.dataset.ogPending;
    // A standard performance mark, so benchmarks (and the reader's devtools) see when it was ready.
    if (performance.getEntriesByName("og:first-verdict").length === 0) performance.mark("og:first-verdict");
    root.dataset.ogRenders = String(Number(root.dataset.ogRenders || 0) + 1);
    root.dispatchEvent(new CustomEvent("og:rendered", { detail: { latency: performance.now() - changedAt } }));
  }

  /** The sticky line under the form: the verdict stays in sight while the reader changes scores. */
  function live(text) {
    root.querySelector("[data-og-live]").hidden = false;
    root.querySelector("[data-og-live-text]").textContent = text;
  }

  function render(response) {
    clearMessages(form);
    const marked = new Set();
    for (const input of unreadable(form)) {
      showMessage(form, input.name, `This is not a number. Enter a number from ${input.min} to ${input.max}.`);
      marked.add(input.name);
    }
    if (response.internal) {
      renderProblems(root, [], null);
      live(showFault(root, response)); // a fault of ours, never shown as the reader's mistake
      renderComparison(compare, { offers: [] });
      root.dataset.ogOutcome = "fault";
      return;
    }
    if (response.ok && !hasOwnScore(form)) {
      renderProblems(root, [], null);
      showFirstStep(root);
      renderComparison(compare, { offers: [] });
      return;
    }
    if (response.ok) {
      renderProblems(root, [], null);
      renderResult(root, response.result, labels());
      renderComparison(compare, response.result);
      live(root.querySelector("[data-og-summary]").textContent);
      root.dataset.ogOutcome = "ok";
      return;
    }
    const rest = response.problems.filter((p) => !placeProblem(p, marked));
    renderProblems(root, rest, "Some answers need a look before there is a suggestion: see the messages by the fields.");
    root.querySelector("[data-og-summary]").replaceChildren(
      Object.assign(document.createElement("p"), { textContent: "No suggestion yet: fix the answers marked below." }));
    root.querySelector("[data-og-offer-results]").replaceChildren();
    root.querySelector("[data-og-plan]").replaceChildren();
    renderComparison(compare, { offers: [] });
    live("No suggestion yet: fix the answers marked in the form.");
    root.dataset.ogOutcome = "problems";
  }

  /** Show a problem by its input: the engine's field path, or the nearest enclosing one. */
  function placeProblem(problem, marked) {
    const back = new Map([...engineIds(answers, builtIn)].map(([ours, theirs]) => [theirs, ours]));
    const parts = problem.field.replace(/\[(\d+)\]/g, ".$1").split(".");
    parts.forEach((part, at) => {
      if (at > 0 && ["scores", "priorities"].includes(parts[at - 1]) && back.has(part)) parts[at] = back.get(part);
    });
    while (parts.length) {
      const name = parts.join(".");
      if (marked.has(name)) return true;
      if (showMessage(form, name, sentence(problem.message))) return true;
      parts.pop();
    }
    return false;
  }

  form.addEventListener("input", () => {
    answers = readAnswers(form);
    relabel(form, answers, LIMITS);
    saveAnswers(root, answers);
    changed();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const next = structuredClone(answers);
    if (button.matches("[data-og-add-offer]") && next.offers.length < LIMITS.offers) {
      next.offers.push({ ...structuredClone(defaults.offers[0]) });
      update(next, () => form.querySelectorAll("[data-og-offer]")[next.offers.length - 1].querySelector("input").focus());
    } else if (button.matches("[data-og-remove-offer]")) {
      const at = Number(button.closest("[data-og-offer]").dataset.offerIndex);
      next.offers.splice(at, 1);
      // The offers after it move up one place, and their own scores with them.
      const own = readOwn(form);
      own.splice(at, 1);
      update(next, () => form.querySelectorAll("[data-og-offer]")[Math.max(0, at - 1)].querySelector("input").focus(), own);
    } else if (button.matches("[data-og-add-criterion]") && next.custom_criteria.length < LIMITS.custom) {
      const used = new Set(next.custom_criteria.map((c) => c.id));
      let n = 1;
      while (used.has(`own-${n}`) || builtIn.includes(`own-${n}`)) n++;
      next.custom_criteria.push({ id: `own-${n}`, label: "", weight: CONTRACT.defaults.custom_weight, negotiable: false });
      update(next, () => form.querySelector(`[name="custom_criteria.${next.custom_criteria.length - 1}.label"]`).focus());
    } else if (button.matches("[data-og-remove-criterion]")) {
      const id = button.dataset.ogRemoveCriterion;
      next.custom_criteria = next.custom_criteria.filter((c) => c.id !== id);
      delete next.priorities[id];
      next.offers.forEach((offer) => delete offer.scores[id]);
      update(next, () => form.querySelector("[data-og-add-criterion]").focus());
    }
  });

  function update(next, focus, own = null) {
    show(next, own);
    saveAnswers(root, answers);
    focus();
  }

  const app = {
    builtIn,
    costIds,
    current: () => answers,
    defaults: () => structuredClone(defaults),
    labels,
    own: () => readOwn(form),
    /** Show `next` (imported, or back after an Undo); its scores count as the reader's own unless `own` says which do. */
    replace: (next, own = ALL) => show(next, own),
  };
  bindSavedControls(root, app);
  // Shared answers the reader chose to use are theirs from then on: shown, saved and counted as own.
  const shareApp = { ...app, replace: (next) => { show(next, ALL); saveAnswers(root, answers); } };
  const share = shareSection(shareApp);
  root.querySelector("[data-og-share-slot]").replaceWith(share);
  // A shared link opened in a tab that already shows the page changes only the fragment.
  // Material's instant navigation may replace this page's content: a listener left behind stops.
  const onHash = () => (root.isConnected ? offerSharedAnswers(share, shareApp) : window.removeEventListener("hashchange", onHash));
  window.addEventListener("hashchange", onHash);

  bindStatus(root, engine, { refresh: () => changed() });
  show(answers, saved ? ALL : null);
  offerSharedAnswers(share, shareApp);
}

function sentence(message) {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
