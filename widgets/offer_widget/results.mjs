// Shows the engine's result: the live one-line summary, a card per offer (verdict, fit, deal-breakers,
// a chart of its fit, asks with trade-offs, what would change it) and the plan (channel, deadline, script with its tools).
// Every sentence is the engine's (offer_engine/words.py), so the command line says the same; this
// module only lays them out. Everything goes in through dom.h, as text.

import { copyText, download, fileName, mailtoHref, reminderIcs } from "./actions.mjs";
import { offerChart } from "./chart.mjs";
import { h } from "./dom.mjs";

export function renderResult(root, result, labels) {
  const summary = root.querySelector("[data-og-summary]");
  summary.replaceChildren(h("p", {}, result.summary));
  summary.dataset.ogRecommended = result.recommended ?? "";
  root.querySelector("[data-og-offer-results]").replaceChildren(...result.offers.map((offer) => offerCard(offer, labels, result)));
  root.querySelector("[data-og-plan]").replaceChildren(
    h("h3", {}, "Your next step"),
    planView(result.plan),
  );
}

function offerCard(offer, labels, result) {
  const label = (id) => labels[id] ?? id;
  const t = result.thresholds;
  return h("article", { class: `og-result og-result--${offer.verdict}`, "data-og-result": offer.name },
    h("h3", { class: "og-result__title" },
      h("span", { class: "og-result__name" }, offer.title), " ",
      h("span", { class: `og-verdict og-verdict--${offer.verdict}`, "data-og-verdict": offer.verdict }, offer.verdict_text)),
    h("p", { class: "og-fit" },
      h("meter", { min: 0, max: 100, low: t.negotiate, high: t.accept, optimum: 100, value: offer.fit, "aria-label": `Fit for ${offer.title}` }),
      ` ${offer.explanation[0]}`),
    offerChart(offer, offer.rank),
    offer.deal_breakers.length > 0 &&
      h("p", { class: "og-dealbreakers" }, h("strong", {}, "Deal-breakers: "), offer.deal_breakers.map(label).join(", ")),
    h("ul", { class: "og-why" }, offer.explanation.slice(1).map((line) => h("li", {}, line))),
    offer.ask_details.length > 0 && asksView(offer),
    flipView(offer),
    h("details", { class: "og-message-details" },
      h("summary", {}, `What to say: ${offer.plan.action_text}`),
      planView(offer.plan)),
  );
}

function asksView(offer) {
  return h("div", { class: "og-asks" },
    h("h4", {}, "Your top asks"),
    h("ol", { "data-og-asks": "" }, offer.ask_details.map((ask) =>
      h("li", { "data-og-ask": ask.criterion },
        h("strong", {}, ask.label), ` (${ask.standing})`,
        h("ul", {}, ask.points.map((point) => h("li", {}, point)))))));
}

/** The engine's flip: the smallest single score change that changes the verdict, up or down. */
function flipView(offer) {
  const f = offer.flip_text;
  return h("p", { class: "og-flip", "data-og-flip": "" }, h("strong", {}, `${f.heading}: `), f.text);
}

/** The message plan: who, how, by when, and the words with Copy, email and reminder tools. */
export function planView(plan) {
  const reminder = h("button", { type: "button", class: "md-button", onclick: () =>
    download(fileName(`tell-${plan.offer}`, "ics"), reminderIcs({
      offer: plan.offer,
      summary: plan.action_text,
      description: `${plan.deadline_text} ${plan.how}`,
      hours: plan.deadline_hours.min,
    }), "text/calendar") }, "Remind me (.ics)");
  return h("div", { class: "og-plan", "data-og-plan-for": plan.offer, "data-og-channel": plan.channel },
    h("p", { class: "og-plan__action" }, h("strong", {}, plan.action_text)),
    h("dl", { class: "og-plan__facts" },
      h("dt", {}, "How"), h("dd", { "data-og-how": "" }, plan.how),
      h("dt", {}, "By when"), h("dd", {}, `${plan.deadline_text} `, reminder)),
    plan.talking_points.length > 0 && h("div", { class: "og-points" },
      h("h4", {}, "Points to cover"), h("ul", {}, plan.talking_points.map((p) => h("li", {}, p)))),
    plan.text !== null && scriptView(plan.channel, plan.title, plan.subject, plan.text, "main"),
    plan.other_text !== null && scriptView(plan.other_channel, plan.other_title, plan.other_subject, plan.other_text, "other"),
    plan.follow_up_text !== null && scriptView("email", "The confirming email", plan.follow_up_subject, plan.follow_up_text, "follow-up"),
    ...plan.extra_messages.map((m) => scriptView(m.channel, m.title, m.subject, m.text, m.kind, m.heading)),
  );
}

const HEADINGS = {
  main: { call: "On the call", email: "By email" },
  other: { call: "If you call instead", email: "If you write instead" },
  "follow-up": { call: "On the call", email: "By email" },
};

// `lead`: the engine's own heading for a message that goes with the plan (the voicemail, asking to stay).
function scriptView(channel, title, subject, text, role, lead = HEADINGS[role][channel]) {
  const heading = `${lead}: ${title}`;
  const whole = subject ? `Subject: ${subject}\n\n${text}` : text;
  const copy = h("button", { type: "button", class: "md-button" }, "Copy");
  copy.addEventListener("click", async () => {
    const ok = await copyText(whole);
    copy.textContent = ok ? "Copied" : "Copy failed: select the text";
    setTimeout(() => (copy.textContent = "Copy"), 2500);
  });
  return h("div", { class: "og-script-box", "data-og-script": role, "data-og-script-channel": channel },
    h("h4", {}, heading),
    subject && h("p", { class: "og-subject" }, h("strong", {}, "Subject: "), h("span", { "data-og-subject": "" }, subject)),
    h("div", { class: "og-script__text", "data-og-script-text": "" }, text),
    h("p", { class: "og-tools" }, copy, " ",
      channel === "email" && h("a", { class: "md-button", href: mailtoHref(subject, text) }, "Open in email app")),
  );
}

/** Engine problems that match no input, shown above the results. */
export function renderProblems(root, problems, message) {
  const box = root.querySelector("[data-og-problems]");
  box.hidden = problems.length === 0 && !message;
  box.replaceChildren(
    message ? h("p", {}, message) : "",
    problems.length ? h("ul", {}, problems.map((p) => h("li", {}, p.field ? `${p.field}: ${p.message}` : p.message))) : "",
  );
}
