// Saved answers on this device: restore on arrival, save on each change, and the Forget, Export,
// Import and Print buttons. A refused import says why and leaves the current answers as they were.

import { download } from "./actions.mjs";
import { AnswersError, MAX_BYTES, checkDocument, parseAnswersText, wrap } from "./answers.mjs";
import { h } from "./dom.mjs";
import { fillPrintSummary } from "./print-summary.mjs";
import { forget, load, persistent, save } from "./storage.mjs";

export const KEY = "offer-guide:answers";

function say(root, text, { error = false, undo = null } = {}) {
  const box = root.querySelector("[data-og-message]");
  box.classList.toggle("og-message--error", error);
  box.replaceChildren(text, undo ? " " : "", undo ? h("button", { type: "button", class: "md-button", onclick: undo }, "Undo") : "");
}

function noteStorage(root, kept) {
  const text = kept
    ? "Your answers are saved in this browser only, on this device. Nobody else can see them."
    : "This browser is not keeping your answers (its storage is blocked or full), so they last only until you close the page. Export them to keep a copy.";
  root.querySelector("[data-og-storage-state]").textContent = text;
  const note = root.querySelector("[data-og-storage-note]");
  if (note && !kept) note.textContent = "Your answers are not stored: this browser keeps them only while the page is open.";
}

/** The saved answers, checked and migrated; null when there are none (or they cannot be read). */
export function loadSaved(root, builtIn, costIds) {
  noteStorage(root, persistent());
  const saved = load(KEY, null);
  if (saved === null) return null;
  try {
    return checkDocument(saved, builtIn, costIds);
  } catch (error) {
    if (!(error instanceof AnswersError)) throw error;
    say(root, "Your saved answers could not be read, so the form starts afresh. They stay saved until you change something.", { error: true });
    return null;
  }
}

export function saveAnswers(root, answers) {
  noteStorage(root, save(KEY, wrap(answers)));
}

/**
 * Wire the buttons. `app` gives the current answers, fresh defaults, which scores are the reader's
 * own (`own()`), and `replace(answers, own)`: an import's scores all count as the reader's own.
 */
export function bindSavedControls(root, app) {
  root.querySelector("[data-og-forget]").addEventListener("click", () => {
    const before = app.current();
    const own = app.own();
    forget(KEY);
    app.replace(app.defaults(), []); // a fresh start: no score is the reader's own any more
    say(root, "Your answers are forgotten: nothing is stored in this browser any more.", {
      undo: () => {
        app.replace(before, own);
        saveAnswers(root, before);
        say(root, "Your answers are back.");
      },
    });
  });

  root.querySelector("[data-og-export]").addEventListener("click", () => {
    download("offer-guide-answers.json", `${JSON.stringify(wrap(app.current()), null, 2)}\n`, "application/json");
    say(root, "Your answers were saved to offer-guide-answers.json in your downloads. Import that file to get them back.");
  });

  const picker = root.querySelector("[data-og-import]");
  picker.addEventListener("change", async () => {
    const file = picker.files[0];
    picker.value = ""; // the same file can be picked again
    if (!file) return;
    try {
      if (file.size > MAX_BYTES) throw new AnswersError(`The file is too large (over ${MAX_BYTES / 1000} KB), so it cannot be saved answers.`);
      const answers = parseAnswersText(await file.text(), app.builtIn, app.costIds);
      app.replace(answers);
      saveAnswers(root, answers);
      const count = answers.offers.length;
      say(root, `Imported ${count} ${count === 1 ? "offer" : "offers"} from ${file.name}.`);
    } catch (error) {
      if (!(error instanceof AnswersError)) throw error;
      say(root, `Nothing was imported: ${error.message} Your current answers are unchanged.`, { error: true });
    }
  });

  root.querySelector("[data-og-print]").addEventListener("click", () => {
    fillPrintSummary(root, app.current());
    const closed = [...root.querySelectorAll("details:not([open])")];
    closed.forEach((d) => (d.open = true));
    window.addEventListener("afterprint", () => closed.forEach((d) => (d.open = false)), { once: true });
    window.print();
  });
}
