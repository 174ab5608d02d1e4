// Scores (0–10) and weights (0–5) within a thumb's reach: each number box gets a slider beside it.
// Progressive enhancement: the number box keeps its label, name and value as the source of truth
// (reading, writing and saving answers are unchanged, and an exact number can still be typed); the
// slider is a second way to set it, with its own name so the two are never confused, and it reads
// out "7 out of 10". Scores still at the form's default look untouched and say "not scored yet".

import { h } from "./dom.mjs";
import { isOwn, isScoreInput } from "./own-scores.mjs";

const SCALED = 'input[type="number"][name*=".scores."], input[type="number"][name$=".weight"]';
const UNTOUCHED = "Not scored yet";

const formatted = (value) => String(Number(value));
const labelText = (box) => (box.labels?.[0]?.textContent ?? "").replace(/\s+/g, " ").trim();

/** The words a screen reader hears for the slider: "7 out of 10", and whether it is still a default. */
export function valueText(box) {
  if (box.value === "" || box.validity.badInput) return `No number yet, from ${box.min} to ${box.max}`;
  const words = `${formatted(box.value)} out of ${box.max}`;
  return isScoreInput(box) && !isOwn(box) ? `${words}, not scored yet` : words;
}

/** Give every score and weight box in `form` a slider (again after the form changes shape), once. */
export function upgradeScoreControls(form) {
  form.querySelectorAll(SCALED).forEach(upgrade);
  if (form.dataset.ogSliders) return;
  form.dataset.ogSliders = "true";
  // The slider sets its box and then speaks for it: the form's other listeners see one change,
  // of the box (the capture phase runs before them), exactly as if the number had been typed.
  form.addEventListener("input", (event) => {
    if (!event.target.matches?.("[data-og-slider]")) return;
    event.stopPropagation();
    const box = boxOf(event.target);
    box.value = event.target.value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, { capture: true });
  form.addEventListener("input", (event) => {
    if (event.target.matches?.(SCALED)) sync(event.target);
  });
  // Offers and criteria are added as clones, labels renamed and answers restored by other modules:
  // follow them all from here, so none of them needs to know the sliders exist. Only text and
  // structure are watched, never what `sync` itself writes (attributes), so it settles.
  new MutationObserver(() => refreshScoreControls(form)).observe(form, { subtree: true, childList: true, characterData: true });
  form.addEventListener("og:own", () => refreshScoreControls(form));
}

/** Bring every slider in line with its box: for changes made by code rather than by the reader. */
export function refreshScoreControls(form) {
  form.querySelectorAll(SCALED).forEach(upgrade);
}

function boxOf(slider) {
  return slider.closest(".og-scale").querySelector('input[type="number"]');
}

function upgrade(box) {
  if (!box.closest(".og-scale")) {
    const scale = h("div", { class: "og-scale" });
    box.before(scale);
    const slider = h("input", {
      type: "range", class: "og-scale__slider", "data-og-slider": "",
      min: box.min, max: box.max, step: isScoreInput(box) ? box.step : "1",
    });
    scale.append(slider, box);
    if (isScoreInput(box)) scale.after(h("p", { class: "og-scale__note", "data-og-untouched-note": "" }, UNTOUCHED));
  }
  sync(box);
}

function sync(box) {
  const scale = box.closest(".og-scale");
  const slider = scale.querySelector("[data-og-slider]");
  const name = `${labelText(box)} (slider)`;
  if (slider.getAttribute("aria-label") !== name) slider.setAttribute("aria-label", name);
  if (box.value !== "" && !box.validity.badInput && slider.value !== box.value) slider.value = box.value;
  const text = valueText(box);
  if (slider.getAttribute("aria-valuetext") !== text) slider.setAttribute("aria-valuetext", text);
  if (!isScoreInput(box)) return;
  const untouched = !isOwn(box);
  scale.toggleAttribute("data-og-untouched", untouched);
  const note = scale.parentElement.querySelector("[data-og-untouched-note]");
  if (note) note.hidden = !untouched;
}
