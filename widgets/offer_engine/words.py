"""Every sentence the reader sees about a result, written once here; the CLI and the widget only show them.

Numbers read as people write them: a fit of 50 is "50", not "50.0"; 64.2 stays "64.2".
An offer goes by the name the reader gave it. With one offer and no name, it is "this
offer", and the employer is "the employer"; with several, an unnamed one is "Offer 2".
"""

from __future__ import annotations

from fractions import Fraction

from .request import Offer
from .vocabulary import ACCEPT, CALL, DECLINE, EXTEND, NEGOTIATE, ORDER, RESCIND, SCORE, Action, Verdict

VERDICT_WORD: dict[str, str] = {ACCEPT: "Accept", NEGOTIATE: "Negotiate", DECLINE: "Decline"}


def number(value: int | float | Fraction) -> str:
    """A number as a reader writes it: ``70``, ``72.5``."""
    return f"{float(value):g}"


def fit_text(tenths: int) -> str:
    """A fit in tenths as a reader writes it: ``50``, ``64.2``."""
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


def score_text(score: int | None) -> str:
    """A criterion's score as a table cell says it: "7 of 10", or "not scored"."""
    return "not scored" if score is None else f"{score} of {SCORE[1]}"


def minimum_text(minimum: int | None, unmet: bool, deal_breaker: bool) -> str | None:
    """What a missed must-have means, or None when it is met (or there is none)."""
    if not unmet:
        return None
    return f"below your minimum of {minimum}" + (", a deal-breaker" if deal_breaker else "")


def contribution_text(label: str, score: int | None, weight: int | float | Fraction, points: int, possible: int, missed: str | None) -> str:
    """One criterion's share of a fit in a sentence: the chart in words.

    ``points`` and ``possible`` (what a 10 would add) are in tenths of a fit point."""
    said = "not scored" if score is None else f"scored {score_text(score)}"
    tail = f"; {missed}" if missed else ""
    return f"{label}: {said}, weight {number(weight)}, adds {fit_text(points)} of a possible {fit_text(possible)}{tail}."


def fit_phrase(tenths: int) -> str:
    return f"fit {fit_text(tenths)} out of {number(10 * SCORE[1])}"


def offer_words(offer: Offer, alone: bool) -> str:
    """How a sentence names an offer: its name, or "this offer" when it is the only one and has none."""
    return "this offer" if alone and not offer.named else offer.name


def employer_words(offer: Offer, alone: bool) -> str:
    """Whom to call or email: the recruiter (an agency offer), the reader's manager (an internal offer),
    the offer's name, or "the employer" when the offer has none and is alone."""
    if offer.internal_offer:
        return "your manager"
    if offer.through_agency:
        return "the recruiter" if alone and not offer.named else f"the recruiter for {offer.name}"
    return "the employer" if alone and not offer.named else offer.name


CHANNEL_REASON: dict[str, str] = {
    RESCIND: "You already accepted, so call: a call gives them clarity at once.",
    "prefers_email": "The recruiter asked for email.",
    "time_zones": "Time zones make a call impractical.",
    "call_unanswered": "You called and nobody answered: leave a short voicemail and send the email the same day.",
    "long_process": "After a long process, a call is the considerate way.",
    "knows_hiring_manager": "You know the hiring manager, so a call is more personal.",
    "": "A call is the most considerate way when it is possible.",
}
"""Why the plan calls or writes, by the rule that chose it (``plan.choose_channel``); every
``vocabulary.EMAIL_CASES`` flag has its sentence."""


def only_channel_reason(channel: str) -> str:
    return f"The script for this is written for {channel} only."


def hours_text(hours: tuple[int | float, int | float]) -> str:
    low, high = (number(h) for h in hours)
    return f"{low} hours" if low == high else f"{low}–{high} hours"


def action_text(action: Action, offer: str) -> str:
    return {
        ACCEPT: f"Accept {offer}",
        NEGOTIATE: f"Negotiate with {offer} before you decide",
        DECLINE: f"Decline {offer}",
        RESCIND: f"Withdraw your acceptance of {offer}",
        EXTEND: f"Ask {offer} for more time to decide",
    }[action]


_OPENER = {
    (CALL, "employer"): "Call them",
    (CALL, "recruiter"): "Call the recruiter first, so they can pass your answer on",
    (CALL, "manager"): "Talk to your manager in person or on a call",
    ("email", "employer"): "Send an email",
    ("email", "recruiter"): "Email the recruiter first, so they can pass your answer on",
    ("email", "manager"): "Email your manager",
}


def how_text(channel: str, follow_up_email: bool, recipient: str = "employer", voicemail: bool = False,
             stay_first: bool = False, thank_manager: bool = False) -> str:
    """How to deliver the message, in the order to do things.

    ``recipient``: ``employer``, ``recruiter`` (an agency offer) or ``manager`` (an internal offer).
    ``voicemail``: add the fallback for an unanswered call. ``stay_first``: the reader resigned and
    withdraws an acceptance, so they ask to stay first. ``thank_manager``: after the recruiter, a
    note to the hiring manager.
    """
    said = _OPENER[channel, recipient] + (", then send a short email to confirm." if channel == CALL and follow_up_email else ".")
    if stay_first:
        said = ("First, ask your current manager whether you can withdraw your resignation (the words are below). "
                f"Once you know where you stand, do not wait: {said[0].lower()}{said[1:]}")
    if voicemail:
        said += " If nobody answers, leave the voicemail below and send the email the same day."
    if thank_manager:
        said += " Once the recruiter has told them, a short thank-you to the hiring manager is a kind touch."
    return said


def deadline_text(hours: tuple[int | float, int | float], action: str = DECLINE) -> str:
    if action == EXTEND:
        return "As soon as you can, and well before their deadline."
    return f"Within {hours_text(hours)} of deciding."


def costs_text(labels: list[str]) -> str:
    """The ``{costs}`` placeholder: the ticked costs' labels as a phrase ("relocation and equipment")."""
    words = [label[:1].lower() + label[1:] for label in labels]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}" if words else ""


VOICEMAIL_HEADING = {
    CALL: "If nobody answers: the voicemail to leave",
    "email": "The voicemail to leave before you send the email",
}
STAY_HEADING = "First: asking your current manager whether you can stay"


def summary_text(top: Offer, top_fit: int, verdict: Verdict, recommended: bool, several: bool,
                 channel: str, whom: str, hours: tuple[int | float, int | float], first: str = DECLINE) -> str:
    """The one line read out after each change: the suggestion, then the next step."""
    name, fit = offer_words(top, not several), fit_phrase(top_fit)
    if recommended:
        lead = f"{'Accept' if verdict == ACCEPT else 'Negotiate with'} {name} ({fit})."
    elif several:
        lead = f"Decline: none of your offers is the right fit as it stands (best {fit}, {name})."
    else:
        lead = f"Decline {name} ({fit})."
    if first == EXTEND:
        return f"{lead} Next step: {'call' if channel == CALL else 'email'} {whom} to ask for more time, before their deadline."
    return f"{lead} Next step: {'call' if channel == CALL else 'email'} {whom} within {hours_text(hours)}."


def flip_text(label: str | None, score_from: int, score_to: int, after: Verdict | None, now: Verdict) -> tuple[str, str]:
    """(heading, sentence) for the flip: what one score change would do, or that none would."""
    if after is None or label is None:
        return "What would change this", "No change to a single score would change this suggestion."
    if ORDER[after] >= ORDER[now]:
        heading = "How close this is to changing"
    else:
        heading = "What would make this a yes" if after == ACCEPT else "What would improve this"
    return heading, f"{label} going from {score_from} to {score_to} would make it {after}."


def ask_standing(score: int, target: int | None) -> str:
    return f"scores {score}" if target is None else f"scores {score}, your minimum is {target}"


def sentence(said: str) -> str:
    said = said.strip()
    return said if said.endswith((".", "!", "?")) else said + "."
