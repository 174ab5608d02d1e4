// Ticks on the checklists: each checkbox's state is kept under its checklist's key, by the item's
// stable id, so a reload or a content edit that keeps the id keeps the tick. Markup comes from the
// `ticks` macro (generator/templates/_macros.md.j2); the UI words live there too.

import { forget, load, persistent, save } from "./storage.mjs";

const PREFIX = "offer-guide:ticks:";

/** The storage key of one checklist; its value is the sorted list of ticked item ids. */
export function ticksKey(checklistId) {
  return PREFIX + checklistId;
}

function ticked(checklistId) {
  const ids = load(ticksKey(checklistId), []);
  return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []);
}

function boxes(widget) {
  return widget.querySelectorAll("input[type=checkbox][data-tick]");
}

/** Show the stored state; ids not on the page (items removed for now) stay stored untouched. */
function paint(widget) {
  const ids = ticked(widget.dataset.ticks);
  for (const box of boxes(widget)) box.checked = ids.has(box.dataset.tick);
}

function announce(widget, message) {
  const status = widget.querySelector("[data-ticks-status]");
  if (!status) return;
  // Emptying first makes a screen reader announce the same words again after a second clear.
  status.textContent = "";
  if (message) requestAnimationFrame(() => (status.textContent = message));
}

/** Say where ticks are kept: once a page, under the first checklist (/checklists/ has several). */
function showKept(kept) {
  document.querySelectorAll("[data-ticks-kept], [data-ticks-memory-only]").forEach((note) => (note.hidden = true));
  const first = widgets()[0];
  first?.querySelector(kept ? "[data-ticks-kept]" : "[data-ticks-memory-only]")?.removeAttribute("hidden");
}

function record(widget, box) {
  const checklistId = widget.dataset.ticks;
  const ids = ticked(checklistId); // re-read: another tab may have ticked something meanwhile
  if (box.checked) ids.add(box.dataset.tick);
  else ids.delete(box.dataset.tick);
  showKept(save(ticksKey(checklistId), [...ids].sort()));
  announce(widget, "");
}

function clear(widget) {
  forget(ticksKey(widget.dataset.ticks));
  paint(widget);
  announce(widget, widget.querySelector("[data-ticks-status]")?.dataset.cleared ?? "");
}

function bind(widget) {
  if (widget.dataset.ticksBound) return;
  widget.dataset.ticksBound = "true";
  for (const box of boxes(widget)) box.addEventListener("change", () => record(widget, box));
  widget.querySelector("[data-ticks-clear]")?.addEventListener("click", () => clear(widget));
  widget.querySelector("[data-ticks-actions]")?.removeAttribute("hidden");
}

function widgets() {
  return document.querySelectorAll("[data-ticks]");
}

/** Bind and paint every checklist on the current page. */
export function mountTicks() {
  for (const widget of widgets()) {
    bind(widget);
    paint(widget);
  }
  if (widgets().length) showKept(persistent());
}

// Another tab ticked or cleared: follow it.
window.addEventListener("storage", (event) => {
  if (event.key !== null && !event.key.startsWith(PREFIX)) return;
  for (const widget of widgets()) paint(widget);
});

// Material's instant navigation swaps pages without rerunning scripts; document$ emits on each one.
if (window.document$) window.document$.subscribe(mountTicks);
else mountTicks();
