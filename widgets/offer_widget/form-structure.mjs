// The form's shape: as many offer parts and own-criterion cards as the answers hold. Added parts are
// clones of the server-rendered first offer and first criterion, renamed by the template's id scheme
// (offer parts "og-o0-…"/"offers.0.…", criterion parts "og-c-<id>-…"/"priorities.<id>.…").

import { CONTRACT } from "./engine-contract.mjs";
import { customLabel } from "./request.mjs";

const RENAMED = ["id", "for", "name", "aria-describedby"];

function rename(root, pairs) {
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of RENAMED) {
      let value = el.getAttribute(attr);
      if (value === null) continue;
      for (const [from, to] of pairs) value = value.split(from).join(to);
      el.setAttribute(attr, value);
    }
  }
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

const offerParts = (form) => form.querySelectorAll("[data-og-offer]");
const cards = (form) => form.querySelectorAll("[data-og-criterion]");

/** Make the form hold `offerCount` offers and exactly the given own criteria (ids, in order). */
export function shapeForm(form, offerCount, customIds) {
  const list = form.querySelector("[data-og-custom-list]");
  const existing = [...list.querySelectorAll("[data-og-criterion]")].map((card) => card.dataset.ogCriterion);
  if (existing.join() !== customIds.join()) {
    list.replaceChildren(...customIds.map((id, at) => customCard(form, id, at)));
  }
  const parts = [...offerParts(form)];
  parts.slice(offerCount).forEach((part) => part.remove());
  for (let at = parts.length; at < offerCount; at++) {
    const part = parts[0].cloneNode(true);
    rename(part, [["og-o0-", `og-o${at}-`], ["offers.0.", `offers.${at}.`]]);
    part.dataset.offerIndex = String(at);
    offerParts(form)[at - 1].after(part);
  }
  for (const card of cards(form)) {
    const fields = [...card.querySelectorAll("[data-og-score-field]")];
    fields.slice(offerCount).forEach((field) => field.remove());
    for (let at = fields.length; at < offerCount; at++) {
      const field = fields[0].cloneNode(true);
      rename(field, [["og-o0-", `og-o${at}-`], ["offers.0.", `offers.${at}.`]]);
      field.dataset.offerIndex = String(at);
      card.querySelector("[data-og-scores]").append(field);
    }
  }
}

/** An own criterion: the first rubric card, renamed, with a name field, a negotiable box and Remove. */
function customCard(form, id, at) {
  const model = cards(form)[0];
  const from = model.dataset.ogCriterion;
  const card = model.cloneNode(true);
  card.querySelectorAll("[data-og-score-field]:not([data-offer-index='0'])").forEach((f) => f.remove());
  card.querySelector(".og-help")?.remove();
  rename(card, [
    [`priorities.${from}.weight`, `custom_criteria.${at}.weight`],
    [`priorities.${from}.minimum`, `priorities.${id}.minimum`],
    [`.scores.${from}`, `.scores.${id}`],
    [`og-c-${from}-help`, ""],
    [`og-c-${from}-`, `og-c-${id}-`],
    [`-score-${from}`, `-score-${id}`],
  ]);
  card.dataset.ogCriterion = id;
  card.classList.add("og-criterion--own");
  card.querySelectorAll("[aria-describedby='']").forEach((input) => input.removeAttribute("aria-describedby"));
  const weight = card.querySelector(`[name="custom_criteria.${at}.weight"]`);
  weight.dataset.default = String(CONTRACT.defaults.custom_weight);
  const name = el("div", { class: "og-field" },
    el("label", { for: `og-c-${id}-label` }, `Name of your criterion ${at + 1}`),
    el("input", { id: `og-c-${id}-label`, name: `custom_criteria.${at}.label`, type: "text", maxlength: String(CONTRACT.limits.text), placeholder: "For example, commute" }));
  const negotiable = el("div", { class: "og-check" },
    el("input", { id: `og-c-${id}-negotiable`, name: `custom_criteria.${at}.negotiable`, type: "checkbox" }), " ",
    el("label", { for: `og-c-${id}-negotiable` }, "Employers can usually negotiate ", el("span", { "data-criterion-label": "" })));
  const remove = el("button", { type: "button", class: "md-button og-remove", "data-og-remove-criterion": id },
    "Remove ", el("span", { "data-criterion-label": "" }));
  card.querySelector("legend").after(name, negotiable);
  card.append(remove);
  return card;
}

/** The name an offer goes by in labels and results: "Offer 2 (Beta)", or "Offer 2" before it has a name. */
export function offerTitle(at, name) {
  const given = (name ?? "").trim();
  return given ? `Offer ${at + 1} (${given})` : `Offer ${at + 1}`;
}

/** Put the current names into every label, and show the add/remove buttons that apply. */
export function relabel(form, answers, limits) {
  offerParts(form).forEach((part, at) => {
    const title = offerTitle(at, answers.offers[at]?.name);
    part.querySelectorAll("[data-offer-title]").forEach((span) => (span.textContent = title));
    part.querySelector("[data-offer-number]").textContent = `offer ${at + 1}`;
    part.querySelector("[data-og-remove-offer]").hidden = answers.offers.length < 2;
  });
  for (const field of form.querySelectorAll("[data-og-score-field]")) {
    const at = Number(field.dataset.offerIndex);
    field.querySelector("[data-offer-title]").textContent = offerTitle(at, answers.offers[at]?.name);
  }
  const customs = answers.custom_criteria ?? [];
  form.querySelectorAll("[data-og-custom-list] [data-og-criterion]").forEach((card, at) => {
    const label = customLabel(at, customs[at]?.label);
    card.querySelectorAll("[data-criterion-label]").forEach((span) => (span.textContent = label));
  });
  form.querySelector("[data-og-add-offer]").disabled = answers.offers.length >= limits.offers;
  form.querySelector("[data-og-add-criterion]").disabled = customs.length >= limits.custom;
}
