// The saved-answers format: versioned, migrated, strictly checked. Used for localStorage and for
// export/import files alike, so a bad or foreign file is refused before it can touch the form.
//
// Version 1:  {"format": "offer-guide.answers", "version": 1, "answers": OFFER_FILE}
// where OFFER_FILE is the shape `offer-guide score` reads. Version 0 is such an offer file on its own
// (JSON), so a file written for the command line can be imported too.
// The keys, choices and limits are the engine's, from the contract the build writes.

import { CONTRACT } from "./engine-contract.mjs";

export const FORMAT = "offer-guide.answers";
export const VERSION = 1;
export const MAX_BYTES = 100_000;

const { keys: KEYS, limits: LIMITS } = CONTRACT;
const SITUATION = CONTRACT.situation.map((s) => s.key);
const NEGOTIATION = CONTRACT.negotiation.map((n) => n.value);
export const ID = new RegExp(CONTRACT.id_pattern);

/** Each migration turns version N into N+1. */
const MIGRATIONS = {
  0: (doc) => ({ format: FORMAT, version: 1, answers: doc.answers }),
};

export class AnswersError extends Error {}

/** Wrap answers for saving or export. */
export function wrap(answers) {
  return { format: FORMAT, version: VERSION, answers };
}

/** Parse file text into checked answers, or throw AnswersError with a reader-facing reason. */
export function parseAnswersText(text, criterionIds, costIds) {
  if (new TextEncoder().encode(text).length > MAX_BYTES) {
    throw new AnswersError(`The file is too large (over ${MAX_BYTES / 1000} KB), so it cannot be saved answers.`);
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AnswersError("The file is not valid JSON, so it cannot be read.");
  }
  return checkDocument(data, criterionIds, costIds);
}

/** Migrate and check a parsed document (from a file or from storage); returns the answers. */
export function checkDocument(data, criterionIds, costIds) {
  let doc = data;
  if (isObject(doc) && !("format" in doc) && Array.isArray(doc.offers)) doc = { format: FORMAT, version: 0, answers: doc };
  if (!isObject(doc) || doc.format !== FORMAT) {
    throw new AnswersError("This file is not a set of answers from this guide.");
  }
  if (!Number.isInteger(doc.version) || doc.version < 0) throw new AnswersError("This file has no valid format version.");
  if (doc.version > VERSION) {
    throw new AnswersError("This file was saved by a newer version of this guide. Reload the page and try again.");
  }
  while (doc.version < VERSION) doc = MIGRATIONS[doc.version](doc);
  const problems = [];
  checkAnswers(doc.answers, criterionIds, costIds, problems);
  if (problems.length) {
    throw new AnswersError(`This file does not match the answers this guide expects: ${problems.slice(0, 3).join("; ")}.`);
  }
  return doc.answers;
}

function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function keys(value, allowed, where, problems) {
  if (!isObject(value)) {
    problems.push(`${where} should be a group of answers`);
    return false;
  }
  for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push(`${where} has an unknown entry "${key}"`);
  return true;
}

function text(value, where, problems, max = LIMITS.text) {
  if (value !== undefined && value !== null && (typeof value !== "string" || value.length > max)) {
    problems.push(`${where} should be text (up to ${max} characters)`);
  }
}

function flag(value, where, problems) {
  if (value !== undefined && value !== null && typeof value !== "boolean") problems.push(`${where} should be true or false`);
}

function number(value, where, problems, { min, max }) {
  const ok = value === undefined || value === null || (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max);
  if (!ok) problems.push(`${where} should be a number from ${min} to ${max}`);
}

// The cost kinds come from the rubric (content), read off the form's checkboxes by the caller.
function checkAnswers(answers, builtIn, costIds, problems) {
  if (!keys(answers, KEYS.top, "the answers", problems)) return;
  text(answers.your_name, "your name", problems);
  const custom = answers.custom_criteria ?? [];
  if (!Array.isArray(custom) || custom.length > LIMITS.custom) {
    problems.push(`your own criteria should be a list of at most ${LIMITS.custom}`);
    return;
  }
  const ids = [...builtIn];
  custom.forEach((row, at) => {
    const where = `your criterion ${at + 1}`;
    if (!keys(row, KEYS.custom, where, problems)) return;
    if (typeof row.id !== "string" || !ID.test(row.id) || ids.includes(row.id)) problems.push(`${where} needs its own id`);
    else ids.push(row.id);
    text(row.label, where, problems);
    number(row.weight, `the weight of ${where}`, problems, LIMITS.weight);
    flag(row.negotiable, where, problems);
  });
  const priorities = answers.priorities ?? {};
  if (keys(priorities, ids, "the priorities", problems)) {
    for (const [id, row] of Object.entries(priorities)) {
      if (!keys(row, KEYS.priority, `the priority "${id}"`, problems)) continue;
      number(row.weight, `the weight of "${id}"`, problems, LIMITS.weight);
      number(row.minimum, `the minimum of "${id}"`, problems, LIMITS.score);
    }
  }
  const offers = answers.offers;
  if (!Array.isArray(offers) || offers.length < 1 || offers.length > LIMITS.offers) {
    problems.push(`there should be 1 to ${LIMITS.offers} offers`);
    return;
  }
  offers.forEach((offer, at) => checkOffer(offer, `offer ${at + 1}`, ids, costIds, problems));
  const situation = answers.situation ?? {};
  if (keys(situation, SITUATION, "the situation", problems)) {
    for (const key of SITUATION) flag(situation[key], `the situation "${key}"`, problems);
  }
}

function checkOffer(offer, where, ids, costIds, problems) {
  if (!keys(offer, KEYS.offer, where, problems)) return;
  text(offer.name, `the name of ${where}`, problems);
  const contact = offer.contact ?? {};
  if (keys(contact, KEYS.contact, `the contact for ${where}`, problems)) {
    for (const key of KEYS.contact) text(contact[key], `the contact for ${where}`, problems);
  }
  const scores = offer.scores ?? {};
  if (keys(scores, ids, `the scores of ${where}`, problems)) {
    for (const [id, value] of Object.entries(scores)) number(value, `the "${id}" score of ${where}`, problems, LIMITS.score);
  }
  if (offer.negotiation != null && !NEGOTIATION.includes(offer.negotiation)) problems.push(`the negotiation of ${where} is unknown`);
  flag(offer.accepted, where, problems);
  flag(offer.timing_not_right, where, problems);
  const costs = offer.costs_incurred ?? [];
  if (!Array.isArray(costs) || costs.some((c) => !costIds.includes(c))) problems.push(`the costs of ${where} are unknown`);
}
