// Offers side by side: for 2–4 offers, one table with the offers as columns and the criteria as
// rows (each score and its share of the fit), then the weighted fit, the verdict, the deal-breakers
// and which offer is recommended. Drawn from the engine's JSON result only (its names, verdict words
// and numbers as text), as text (dom.h). At
// 360 px the table scrolls sideways inside its own focusable region while the criteria stay put.

import { h } from "./dom.mjs";

/** The comparison for `result`, or null when there are fewer than two offers to compare. */
export function comparisonTable(result) {
  const offers = result.offers;
  if (offers.length < 2) return null;
  const rows = offers[0].contributions.filter((c) => offers.some((o) => weightOf(o, c.criterion) > 0));
  const cell = (offer, id) => offer.contributions.find((c) => c.criterion === id);
  const head = (offer) => h("th", { scope: "col", "data-og-compare-offer": offer.name },
    h("span", { class: "og-compare__name" }, offer.title),
    offer.name === result.recommended && h("span", { class: "og-compare__badge", "data-og-compare-recommended": "" }, "Recommended"));
  const row = (title, cells, attrs = {}) => h("tr", attrs, h("th", { scope: "row" }, title), cells);
  return h("div", { class: "og-compare", role: "region", "aria-labelledby": "og-compare-caption", tabindex: "0", "data-og-compare-table": "" },
    h("table", { class: "og-compare__table" }, // a class of its own: Material restyles class-less tables
      h("caption", { id: "og-compare-caption" }, "Your offers side by side"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Criterion (your weight)"), offers.map(head))),
      h("tbody", {},
        rows.map((c) => row(`${c.label} (${c.weight})`, offers.map((o) => scoreCell(cell(o, c.criterion))), { "data-og-compare-criterion": c.criterion })),
        row("Weighted fit (out of 100)", offers.map((o) => h("td", { "data-og-compare-fit": o.fit_text }, h("strong", {}, o.fit_text)))),
        row("Suggestion", offers.map((o) => h("td", {},
          h("span", { class: `og-verdict og-verdict--${o.verdict}`, "data-og-compare-verdict": o.verdict }, o.verdict_text)))),
        row("Deal-breakers", offers.map((o) => h("td", { "data-og-compare-deal-breakers": o.deal_breakers.join(" ") },
          o.deal_breakers.length ? o.deal_breakers.map((id) => labelOf(o, id)).join(", ") : "None"))),
        row("Recommended", offers.map((o) => h("td", {}, o.name === result.recommended ? "Yes" : "No"))),
      ),
    ),
  );
}

/** Put the comparison (or nothing, for one offer) into `container`. */
export function renderComparison(container, result) {
  const table = comparisonTable(result);
  container.replaceChildren(...(table ? [table] : []));
  container.hidden = table === null;
}

function scoreCell(c) {
  if (!c || c.score === null) return h("td", {}, c ? c.score_text : "not scored");
  return h("td", { "data-og-compare-score": String(c.score), "data-og-compare-points": c.points_text, class: c.unmet ? "og-compare__unmet" : null },
    h("span", { class: "og-compare__score" }, c.score_text),
    h("span", { class: "og-compare__points" }, ` adds ${c.points_text}`),
    c.minimum_text && h("span", { class: "og-compare__flag" }, ` ${c.minimum_text}`));
}

const weightOf = (offer, id) => offer.contributions.find((c) => c.criterion === id)?.weight ?? 0;
const labelOf = (offer, id) => offer.contributions.find((c) => c.criterion === id)?.label ?? id;
