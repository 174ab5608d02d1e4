// The "print my decision" page: a summary of the answers (the results print as they are shown),
// built only when the reader asks to print. The print rules in widget.css do the rest.

import { h } from "./dom.mjs";
import { offerName } from "./request.mjs";

export function fillPrintSummary(root, answers) {
  const labels = {};
  for (const card of root.querySelectorAll("[data-og-criterion]")) labels[card.dataset.ogCriterion] = card.querySelector("legend").textContent;
  const ids = Object.keys(labels);
  const weight = (id) => answers.priorities[id]?.weight ?? answers.custom_criteria.find((c) => c.id === id)?.weight ?? "";
  const minimum = (id) => answers.priorities[id]?.minimum ?? "–";
  const situation = [...root.querySelectorAll("[name^='situation.']")].filter((i) => i.checked).map((i) => i.labels[0].textContent);
  root.querySelector("[data-og-print-summary]").replaceChildren(
    h("h2", {}, "My decision"),
    h("p", {}, `Printed on ${new Date().toLocaleDateString()}${answers.your_name ? ` by ${answers.your_name}` : ""}. Worked out in the browser; nothing was sent anywhere.`),
    h("table", { class: "og-print__table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Criterion"), h("th", { scope: "col" }, "Weight"), h("th", { scope: "col" }, "Minimum"),
        answers.offers.map((o, at) => h("th", { scope: "col" }, offerName(at, o.name))))),
      h("tbody", {}, ids.map((id) => h("tr", {}, h("th", { scope: "row" }, labels[id]), h("td", {}, String(weight(id))), h("td", {}, String(minimum(id))),
        answers.offers.map((o) => h("td", {}, String(o.scores[id] ?? "–"))))))),
    situation.length ? h("p", {}, h("strong", {}, "My situation: "), situation.join("; "), ".") : "",
  );
}
