// The share section: "Copy a link" says first, in plain words, what the link will hold (names and
// scores), and copies only when the reader confirms; opening a shared link shows its answers as a
// preview and replaces nothing until the reader chooses "Use these answers" (with an Undo).
//
// `app` is the widget: { current(): answers, replace(answers) (shows and saves them, and counts
// them as the reader's own), builtIn, costIds, labels(): {criterion id: label} }.

import { copyText } from "./actions.mjs";
import { h } from "./dom.mjs";
import { offerName } from "./request.mjs";
import { ShareError, isShareFragment, readShareFragment, shareFragment } from "./share.mjs";

/** What a set of answers holds, one plain line per part: what a link made from it would show. */
export function describeAnswers(answers, labels = {}) {
  const own = answers.custom_criteria ?? []; // optional in a link, as in an offer file
  const label = (id) => labels[id] ?? own.find((c) => c.id === id)?.label ?? id;
  const lines = [];
  if ((answers.your_name ?? "").trim()) lines.push(`Your name: ${answers.your_name.trim()}.`);
  answers.offers.forEach((offer, at) => {
    const contact = Object.values(offer.contact ?? {}).map((v) => (v ?? "").trim()).filter(Boolean);
    const scores = Object.entries(offer.scores ?? {}).filter(([, v]) => v !== null).map(([id, v]) => `${label(id)} ${v}`);
    lines.push(`${offerName(at, offer.name)}${contact.length ? ` (contact: ${contact.join(", ")})` : ""}: scores ${scores.join(", ") || "none"}.`);
  });
  lines.push("How much each point matters to you (weights) and your minimums.");
  if (own.length) lines.push(`Your own criteria: ${own.map((c, at) => c.label?.trim() || `Your criterion ${at + 1}`).join(", ")}.`);
  const ticked = Object.entries(answers.situation ?? {}).filter(([, v]) => v === true).length;
  if (ticked) lines.push(`Your situation: ${ticked} ${ticked === 1 ? "box" : "boxes"} ticked.`);
  return lines;
}

/** The section with "Copy a link"; put it beside the saved-answers controls. */
export function shareSection(app) {
  const message = h("p", { class: "og-message", role: "status", "data-og-share-message": "" });
  const consent = h("div", { class: "og-share__consent", "data-og-share-consent": "", hidden: true });
  const start = h("button", { type: "button", class: "md-button", "data-og-share-start": "", "aria-expanded": "false" }, "Copy a link for a mentor");
  const section = h("section", { class: "og-share", "aria-labelledby": "og-share-title", "data-og-share": "" },
    h("h2", { id: "og-share-title" }, "Show your answers to a mentor"),
    h("p", { class: "og-hint" }, "A link that opens this page with your answers, to send to someone you trust. The answers ride in the link itself: nothing is stored or sent by us."),
    h("p", { class: "og-actions" }, start),
    consent,
    message);

  const close = () => {
    consent.hidden = true;
    start.setAttribute("aria-expanded", "false");
  };
  start.addEventListener("click", () => {
    const answers = app.current();
    consent.replaceChildren(
      h("p", {}, h("strong", {}, "The link will hold these answers, and anyone who has the link can read them:")),
      h("ul", { "data-og-share-contents": "" }, describeAnswers(answers, app.labels()).map((line) => h("li", {}, line))),
      h("p", {}, "They are in the part of the link after #, which browsers keep to themselves: it never reaches this site's server or any other."),
      h("p", { class: "og-actions" },
        h("button", { type: "button", class: "md-button", onclick: () => copy(answers) }, "Copy the link"),
        h("button", { type: "button", class: "md-button", onclick: () => { close(); start.focus(); } }, "Cancel")),
    );
    consent.hidden = false;
    start.setAttribute("aria-expanded", "true");
    consent.querySelector("button").focus();
  });

  async function copy(answers) {
    const link = `${location.origin}${location.pathname}${await shareFragment(answers)}`;
    close();
    if (await copyText(link)) {
      say(message, "The link is copied. Paste it into a message to your mentor.");
    } else {
      say(message, "Copying did not work in this browser. Select the link below and copy it yourself.",
        h("input", { type: "text", readonly: true, value: link, "aria-label": "The link to your answers", class: "og-share__link" }));
    }
    start.focus();
  }
  return section;
}

/**
 * If the page was opened from a shared link, show its answers as a preview in `section` and let the
 * reader choose; a link that cannot be used is refused with its reason. Either way nothing of the
 * reader's own changes unless they press "Use these answers".
 */
export async function offerSharedAnswers(section, app) {
  if (!isShareFragment(location.hash)) return;
  section.querySelector("[data-og-share-preview]")?.remove(); // a second link replaces the first's preview
  const message = section.querySelector("[data-og-share-message]");
  let shared;
  try {
    shared = await readShareFragment(location.hash, app.builtIn, app.costIds);
  } catch (error) {
    if (!(error instanceof ShareError)) throw error;
    say(message, `The shared answers were not opened. ${error.message}`, null, true);
    return;
  }
  const preview = h("div", { class: "og-share__preview", "data-og-share-preview": "", role: "region", "aria-labelledby": "og-share-preview-title" },
    h("h3", { id: "og-share-preview-title" }, "Answers someone shared with you"),
    h("ul", {}, describeAnswers(shared, app.labels()).map((line) => h("li", {}, line))),
    h("p", {}, "Using them replaces the answers in the form and the ones saved in this browser. Until you choose, your own answers stay as they are."),
    h("p", { class: "og-actions" },
      h("button", { type: "button", class: "md-button", "data-og-share-use": "", onclick: use }, "Use these answers"),
      h("button", { type: "button", class: "md-button", "data-og-share-keep": "", onclick: keep }, "Keep my answers")));
  message.before(preview);

  function done() {
    preview.remove();
    // The answers leave the address bar too, so a reload or a bookmark does not offer them again.
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
  }
  function use() {
    const before = app.current();
    app.replace(shared);
    done();
    say(message, "The shared answers are in the form now.", h("button", { type: "button", class: "md-button", onclick: () => {
      app.replace(before);
      say(message, "Your own answers are back.");
    } }, "Undo"));
  }
  function keep() {
    done();
    say(message, "The shared answers were not used. Your own answers are unchanged.");
  }
}

function say(box, text, extra = null, error = false) {
  box.classList.toggle("og-message--error", error);
  box.replaceChildren(text, ...(extra ? [" ", extra] : []));
}
