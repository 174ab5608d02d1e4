// From the form's answers to the engine's request (the offer-file shape): own criteria get their
// display names, form-made ids become readable ones, and blank scores and blank offer names are left
// out (the engine names an unnamed offer: "this offer" when it is the only one, else "Offer 2").

import { ID } from "./answers.mjs";

/** An own criterion's label, or "Your criterion 2" while it has none. */
export function customLabel(at, label) {
  return (label ?? "").trim() || `Your criterion ${at + 1}`;
}

const FORM_MADE = /^own-\d+$/;

function slug(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * The engine id of each own criterion. One the form made ("own-2") goes by its label's slug
 * ("commute") when that is free, so the result, tie-breaks included, is the one the command line
 * gives for an offer file that names it that way. Ids from an imported file are kept.
 */
export function engineIds(answers, builtIn) {
  const ids = new Map();
  const taken = new Set([...builtIn, ...answers.custom_criteria.map((c) => c.id)]);
  answers.custom_criteria.forEach((c, at) => {
    const wanted = slug(customLabel(at, c.label));
    const free = FORM_MADE.test(c.id) && ID.test(wanted) && !taken.has(wanted);
    if (free) taken.add(wanted);
    ids.set(c.id, free ? wanted : c.id);
  });
  return ids;
}

/** Turn the form's answers into the engine's request: labels and ids filled in, blank scores and names left out. */
export function toRequest(answers, builtIn) {
  const ids = engineIds(answers, builtIn);
  const rename = (entries) => Object.fromEntries(entries.map(([id, value]) => [ids.get(id) ?? id, value]));
  return {
    ...answers,
    priorities: rename(Object.entries(answers.priorities)),
    custom_criteria: answers.custom_criteria.map((c, at) => ({ ...c, id: ids.get(c.id), label: customLabel(at, c.label), weight: c.weight })),
    offers: answers.offers.map((offer) => ({
      ...offer,
      name: (offer.name ?? "").trim() || null,
      scores: rename(Object.entries(offer.scores).filter(([, v]) => v !== null)),
    })),
  };
}

/** An offer's column heading in the printed answers: the reader's name for it, or "Offer 2" while it has none. */
export function offerName(at, name) {
  return (name ?? "").trim() || `Offer ${at + 1}`;
}
