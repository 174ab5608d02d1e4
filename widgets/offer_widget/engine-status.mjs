// The scoring engine's status line on /score/: a progress bar of the real download, a few polite
// announcements (a quarter, half, three quarters, "starting Python", ready), restarts and
// failures; and the results area's message when a fault of ours, not the reader's, stops a run.

const STEPS = [25, 50, 75];
const TEXT = {
  python: "Starting Python in your browser…",
  ready: "The scoring engine is ready.",
  restarting: "The scoring engine stopped on our side and is restarting. Your answers are kept.",
  recovered: "The scoring engine is ready again.",
  stillWorks: "The rest of the guide still works, and the scoring rules page explains how to score by hand.",
};

/** Keep the status block in step with the engine for the whole visit; `refresh()` reruns the scoring. */
export function bindStatus(root, engine, { refresh }) {
  const status = root.querySelector("[data-og-status]");
  const text = root.querySelector("[data-og-status-text]");
  const bar = root.querySelector("[data-og-progress]");
  let announced = 0;

  const say = (words, kind = "") => {
    status.hidden = false;
    status.classList.toggle("og-status--failed", kind === "failed");
    if (text.textContent !== words) text.textContent = words;
  };
  const showBar = (on) => {
    if (bar) bar.hidden = !on;
  };

  function progress({ received, total }) {
    if (!bar || !(total > 0) || engine.phase === "ready") return;
    bar.max = total;
    bar.value = received;
    const percent = Math.floor((100 * received) / total);
    // Each step is said once; the bar itself moves with every chunk, in silence.
    const step = STEPS.filter((s) => percent >= s).pop();
    if (received >= total && announced < 100) {
      announced = 100;
      say(TEXT.python);
    } else if (step && step > announced) {
      announced = step;
      say(`Downloading the scoring engine: ${step}% done.`);
    }
  }

  function ready(via) {
    root.dataset.ogEngine = via;
    root.dataset.ogReady = "true";
    showBar(false);
  }

  const stop = engine.onEvent((event) => {
    if (!root.isConnected) return stop();
    if (event.type === "progress") progress(event);
    else if (event.type === "restarting") {
      delete root.dataset.ogEngine;
      say(TEXT.restarting);
    } else if (event.type === "recovered") {
      ready(event.via);
      say(TEXT.recovered);
      refresh();
    } else if (event.type === "failed") {
      root.dataset.ogReady = "failed";
      showBar(false);
      say(`${event.message} ${TEXT.stillWorks}`, "failed");
    }
  });

  if (engine.progress) progress(engine.progress); // the bytes that came before the form did
  engine.ready.then(
    () => {
      if (!root.isConnected) return;
      ready(engine.via);
      say(TEXT.ready);
    },
    (error) => {
      if (!root.isConnected) return;
      bar?.remove();
      say(`${error.message} ${TEXT.stillWorks}`, "failed");
      root.querySelector("[data-og-summary]").replaceChildren(
        Object.assign(document.createElement("p"), { textContent: "The suggestion is not available: the scoring engine could not start." }));
      root.dataset.ogReady = "failed";
      delete root.dataset.ogPending;
      stop();
    },
  );
}

/**
 * A fault of ours (the bridge's `internal` answers, or a crashed or stuck worker): said plainly as
 * ours, with the reader's answers untouched. Returns the short line for the sticky verdict.
 */
export function showFault(root, response) {
  const detail = (response.problems || []).map((p) => p.message).join(" ");
  const lines = [
    "No suggestion right now: something went wrong on our side, not in your answers. Your answers are kept.",
    response.fault === "stopped" ? "" : "Change any answer to try again.",
  ].filter(Boolean);
  const summary = root.querySelector("[data-og-summary]");
  summary.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
  if (detail) {
    const more = Object.assign(document.createElement("p"), { className: "og-hint", textContent: `Details for a bug report: ${detail}` });
    summary.append(more);
  }
  root.querySelector("[data-og-offer-results]").replaceChildren();
  root.querySelector("[data-og-plan]").replaceChildren();
  return "No suggestion right now: something went wrong on our side, not in your answers.";
}
