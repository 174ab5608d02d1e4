// A picture of one offer's fit: per criterion, a bar as long as its share of the fit (the engine's
// `contributions[].points`) on a track as long as a 10 would make it (`possible`), and a mark at each must-have
// minimum, red where the offer misses it. Drawn as SVG by our own code, coloured through CSS
// classes that use Material's custom properties (light, dark and print alike), with the same facts
// as a list of sentences beside it for screen readers and for anyone who would rather read.

import { h } from "./dom.mjs";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const VALUE_ROOM = 56; // the bar's number sits right of the track
const ROW = 36;
const BAR = 12;

function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** The counted criteria (weight above 0): each is a bar on a track as long as a 10 would make it. */
export const chartRows = (offer) => offer.contributions.filter((c) => c.weight > 0);

/** One sentence per criterion, the engine's own: the chart in words. */
export const chartSentences = (offer) => chartRows(offer).map((c) => c.text);

/** The figure for `offer` (one of the engine's `offers[]`); `key` makes its ids unique on the page. */
export function offerChart(offer, key) {
  const rows = chartRows(offer);
  const widest = Math.max(...rows.map((c) => c.possible), 1);
  const scale = (WIDTH - VALUE_ROOM) / widest;
  const height = rows.length * ROW + 4;
  const caption = `og-chart-${key}-caption`;
  const words = `og-chart-${key}-words`;
  const svg = s("svg", {
    class: "og-chart__svg", viewBox: `0 0 ${WIDTH} ${height}`, role: "img",
    "aria-labelledby": caption, "aria-describedby": words, "data-og-chart-svg": "",
  }, rows.map((c, at) => chartRow(c, at * ROW, scale)));
  return h("figure", { class: "og-chart", "data-og-chart": offer.name },
    svg,
    h("figcaption", { id: caption }, `${offer.title}: how its fit of ${offer.fit_text} is made up. Each bar is one criterion's share; the track shows what a 10 would add${rows.some((c) => c.minimum !== null) ? ", and a mark shows your minimum" : ""}.`),
    h("details", { class: "og-chart__words" },
      h("summary", {}, "The chart in words"),
      h("ul", { id: words }, chartSentences(offer).map((line) => h("li", {}, line)))),
  );
}

function chartRow(c, top, scale) {
  const barY = top + 18;
  const marks = c.minimum !== null && c.possible > 0 && s("line", {
    class: `og-chart__minimum${c.unmet ? " og-chart__minimum--unmet" : ""}`,
    x1: (c.possible * c.minimum * scale) / 10, x2: (c.possible * c.minimum * scale) / 10, y1: barY - 4, y2: barY + BAR + 4,
    "data-og-chart-minimum": c.minimum,
  });
  return s("g", { class: "og-chart__row", "data-og-chart-criterion": c.criterion, "data-og-chart-points": c.points_text, "data-og-chart-unmet": c.unmet ? "true" : "false" },
    s("text", { x: 0, y: top + 13, class: "og-chart__label" }, `${c.label}${c.unmet ? " (below your minimum)" : ""}`),
    s("rect", { class: "og-chart__track", x: 0, y: barY, width: c.possible * scale, height: BAR, rx: 2 }),
    s("rect", { class: `og-chart__bar${c.unmet ? " og-chart__bar--unmet" : ""}`, x: 0, y: barY, width: c.points * scale, height: BAR, rx: 2 }),
    marks,
    s("text", { x: WIDTH, y: barY + BAR - 1, "text-anchor": "end", class: "og-chart__value" }, `+${c.points_text}`),
  );
}
