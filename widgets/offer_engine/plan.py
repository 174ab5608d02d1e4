"""How and by when to tell each employer, and the exact words: channel, deadline, script, filled in.

**Channel**, first rule that applies:

1. rescinding an offer already accepted → **call** (the article: call as soon as you decide);
2. the recruiter asked for email (``prefers_email``) → **email**;
3. time zones make a call impractical (``time_zones``) → **email**;
4. a long process (``long_process``) or knowing the hiring manager → **call**;
5. otherwise → **call**, the article's default: the most considerate way when feasible.

If the chosen script has no version for that channel, the plan uses the version it has.
A call is always followed by a short email (``follow_up_email``); for a decline or a
rescind that email is the ``confirm_email`` script.

**Deadline**: tell them within the rubric's ``deadline_hours`` of deciding.

**Script**, for a decline, first that applies: rescind (already accepted) → accepted
another offer (lost to an acceptable offer) → timing not right → compensation after a
failed negotiation (negotiation tried and compensation still below its minimum) →
the plain decline for the channel. A negotiate uses the negotiation opener; an
accept has no script.

**Filling**: each ``{placeholder}`` the rubric declares is replaced by the reader's
name for it, or its fallback when that name is empty. Nothing else in the text is
touched, and the names are inserted in one pass, so braces in them stay as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .asks import AskPlan
from .request import Offer, Situation
from .rubric import Rubric
from .scripts import PLACEHOLDER, Placeholder, Script
from .rules import Judgement
from .vocabulary import ACCEPT, CALL, DECLINE, EMAIL, NEGOTIATE, NOT_TRIED, RESCIND, Action, Channel
from .words import action_text, deadline_text, how_text, offer_words, sentence

@dataclass(frozen=True)
class Plan:
    offer: str
    action: Action
    """``accept``, ``negotiate``, ``decline`` or ``rescind`` (declining an offer already accepted)."""
    channel: Channel
    channel_reason: str
    follow_up_email: bool
    deadline_hours: tuple[int | float, int | float]
    script: str | None
    title: str | None
    subject: str | None
    text: str | None
    follow_up_script: str | None
    follow_up_subject: str | None
    follow_up_text: str | None
    talking_points: tuple[str, ...]
    other_channel: str | None = None
    """The same message in the other channel's form (call ↔ email), when content has one."""
    other_script: str | None = None
    other_title: str | None = None
    other_subject: str | None = None
    other_text: str | None = None
    action_text: str = ""
    """The plan in one line: "Withdraw your acceptance of Acme"."""
    how: str = ""
    """"Call them, then send a short email to confirm."."""
    deadline_text: str = ""
    """"Within 24–48 hours of deciding."."""


def choose_channel(situation: Situation, rescinding: bool) -> tuple[Channel, str]:
    """The channel and the reason for it, by the numbered rules above."""
    if rescinding:
        return CALL, "You already accepted, so call: a call gives them clarity at once."
    if situation.prefers_email:
        return EMAIL, "The recruiter asked for email."
    if situation.time_zones:
        return EMAIL, "Time zones make a call impractical."
    if situation.long_process:
        return CALL, "After a long process, a call is the considerate way."
    if situation.knows_hiring_manager:
        return CALL, "You know the hiring manager, so a call is more personal."
    return CALL, "A call is the most considerate way when it is possible."


def script_path(j: Judgement, verdict: str, lost: bool, channel: str, compensation: str | None) -> str | None:
    """The name of the ``Paths`` field whose script this offer's message uses."""
    if verdict == ACCEPT:
        return None
    if verdict == NEGOTIATE:
        return "negotiate"
    if j.offer.accepted:
        return "rescind"
    if lost:
        return "accepted_other"
    if j.reason == "timing":
        return "not_now"
    if j.offer.negotiation != NOT_TRIED and any(p.id == compensation for p in j.unmet):
        return "compensation_failed"
    return "decline_call" if channel == CALL else "decline_email"


def fill(template: str, names: Mapping[str, str], placeholders: Mapping[str, Placeholder]) -> str:
    def one(match):  # noqa: ANN001, ANN202 - re callback
        key = match.group(1)
        if key not in placeholders:
            return match.group(0)
        return names.get(key, "").strip() or placeholders[key].fallback

    return PLACEHOLDER.sub(one, template)


def _version(script: Script, channel: str, names: Mapping[str, str], rubric: Rubric) -> tuple[str | None, str]:
    """(subject, text) of the script for the channel."""
    if channel == CALL:
        return None, fill(script.call, names, rubric.placeholders)
    return fill(script.email.subject, names, rubric.placeholders), fill(script.email.body, names, rubric.placeholders)


def make_plan(
    j: Judgement, verdict: str, lost: bool, asks: tuple[AskPlan, ...], your_name: str, situation: Situation, rubric: Rubric,
    alone: bool = False,
) -> Plan:
    """``alone``: the reader has this one offer only, so an unnamed one is "this offer"."""
    offer: Offer = j.offer
    rescinding = offer.accepted and verdict == DECLINE
    action: Action = RESCIND if rescinding else verdict  # type: ignore[assignment]
    channel, why = choose_channel(situation, rescinding)
    path = script_path(j, verdict, lost, channel, rubric.compensation_criterion)
    script = rubric.scripts[getattr(rubric.paths, path)] if path else None
    if script is not None and getattr(script, channel) is None:
        channel = EMAIL if channel == CALL else CALL
        why = f"The script for this is written for {channel} only."
    names = {"name": offer.contact.name, "role": offer.contact.role, "company": offer.contact.company,
             "your_name": your_name, "asks": ask_list(asks)}
    subject, said = _version(script, channel, names, rubric) if script else (None, None)
    other = EMAIL if channel == CALL else CALL
    other_path = script_path(j, verdict, lost, other, rubric.compensation_criterion)
    alt = rubric.scripts[getattr(rubric.paths, other_path)] if other_path else None
    alt = alt if alt is not None and getattr(alt, other) is not None else None
    alt_subject, alt_said = _version(alt, other, names, rubric) if alt else (None, None)
    follow = rubric.scripts[rubric.paths.confirm_email] if channel == CALL and action in (DECLINE, RESCIND) else None
    follow_subject, follow_text = _version(follow, EMAIL, names, rubric) if follow else (None, None)
    points: list[str] = []
    if rescinding:
        paid = [c.talking_point for c in rubric.costs if c.id in offer.costs_incurred]
        points += [*rubric.rescind_before, *paid, *rubric.rescind_after]
    points += [point for a in asks for point in ask_points(a)]
    if channel == CALL and follow is None and rubric.after_call:
        points.append(rubric.after_call)
    return Plan(
        offer.name, action, channel, why, channel == CALL, rubric.deadline_hours,
        script.id if script else None, script.title if script else None, subject, said,
        follow.id if follow else None, follow_subject, follow_text, tuple(points),
        other if alt else None, alt.id if alt else None, alt.title if alt else None, alt_subject, alt_said,
        action_text(action, offer_words(offer, alone)), how_text(channel, channel == CALL), deadline_text(rubric.deadline_hours),
    )  # fmt: skip


def ask_list(asks: tuple[AskPlan, ...]) -> str:
    """The ``{asks}`` placeholder: the top asks as a numbered list, one line each ("" when none)."""
    lines = [sentence(a.asks[0].text if a.asks else a.criterion.label) for a in asks]
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))


def ask_points(a: AskPlan, labelled: bool = True) -> list[str]:
    """One talking point per rubric ask, with its trade-offs; one generic point when the rubric has none.

    ``labelled`` starts each with the criterion's label, for a list that mixes criteria.
    """
    lead = f"{a.criterion.label}: " if labelled else ""
    if not a.asks:
        return [f"{lead}{'a' if labelled else 'A'}sk what they can improve here."]
    points = []
    for ask in a.asks:
        instead = f" If they cannot: {'; '.join(ask.tradeoffs)}." if ask.tradeoffs else ""
        points.append(f"{lead}{sentence(ask.text)}{instead}")
    return points
