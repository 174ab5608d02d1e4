// Answers in and out of the form's inputs, by each input's dotted `name` (offers.0.scores.compensation),
// and the inline messages for values the engine (or the browser) refuses.

import { CONTRACT } from "./engine-contract.mjs";

const CONTAINERS = ".og-field, .og-check";

function segments(path) {
  return path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function getPath(data, path) {
  return segments(path).reduce((value, key) => (value == null ? undefined : value[key]), data);
}

function setPath(data, path, value) {
  const keys = segments(path);
  let node = data;
  keys.slice(0, -1).forEach((key, at) => {
    node[key] ??= typeof keys[at + 1] === "number" ? [] : {};
    node = node[key];
  });
  node[keys.at(-1)] = value;
}

const isListBox = (input) => input.type === "checkbox" && input.hasAttribute("value");

/** Read every named input into an offer file (the engine's request shape, before defaults). */
export function readAnswers(form) {
  const answers = { your_name: "", priorities: {}, custom_criteria: [], offers: [], situation: {} };
  form.querySelectorAll("[data-og-custom-list] [data-og-criterion]").forEach((card, at) => {
    answers.custom_criteria[at] = { id: card.dataset.ogCriterion, label: "", weight: null, negotiable: false };
  });
  form.querySelectorAll("[data-og-offer]").forEach((_, at) => {
    answers.offers[at] = { name: "", contact: {}, scores: {}, negotiation: CONTRACT.defaults.negotiation, accepted: false, costs_incurred: [], timing_not_right: false };
  });
  for (const input of form.querySelectorAll("input[name], select[name]")) {
    const path = input.name;
    if (isListBox(input)) {
      if (input.checked) getPath(answers, path).push(input.value);
    } else if (input.type === "checkbox") {
      setPath(answers, path, input.checked);
    } else if (input.type === "number") {
      setPath(answers, path, input.value === "" ? null : Number(input.value));
    } else {
      setPath(answers, path, input.value);
    }
  }
  return answers;
}

/** Put answers into the inputs (the form must already have their shape). */
export function writeAnswers(form, answers) {
  for (const input of form.querySelectorAll("input[name], select[name]")) {
    const value = getPath(answers, input.name);
    if (isListBox(input)) input.checked = Array.isArray(value) && value.includes(input.value);
    else if (input.type === "checkbox") input.checked = value === true;
    else if (input.tagName === "SELECT") input.value = value ?? input.options[0].value;
    else if (input.type === "number") input.value = value ?? input.dataset.default ?? "";
    else input.value = value ?? "";
  }
}

/** Inputs whose text is not a number at all (the browser keeps such text to itself). */
export function unreadable(form) {
  return [...form.querySelectorAll("input[type=number]")].filter((input) => input.validity.badInput);
}

export function clearMessages(form) {
  for (const message of form.querySelectorAll(".og-error")) message.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-error"));
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }
}

/** Show `message` under the input named `name`; false when the form has no such input. */
export function showMessage(form, name, message) {
  const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
  if (!input) return false;
  const id = `${input.id}-error`;
  let note = form.querySelector(`#${CSS.escape(id)}`);
  if (!note) {
    note = document.createElement("p");
    note.className = "og-error";
    note.id = id;
    input.closest(CONTAINERS).append(note);
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    input.setAttribute("aria-describedby", [...ids, id].join(" "));
  }
  note.textContent = note.textContent ? `${note.textContent} ${message}` : message;
  input.setAttribute("aria-invalid", "true");
  return true;
}
