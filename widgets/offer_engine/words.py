"""Every sentence the reader sees about a result, written once here; the CLI and the widget only show them.

Numbers read as people write them: a fit of 50 is "50", not "50.0"; 64.2 stays "64.2".
An offer goes by the name the reader gave it. With one offer and no name, it is "this
offer", and the employer is "the employer"; with several, an unnamed one is "Offer 2".
"""

from __future__ import annotations

from fractions import Fraction

from .request import Offer
from .vocabulary import ACCEPT, CALL, DECLINE, NEGOTIATE, ORDER, RESCIND, SCORE, Action, Verdict

VERDICT_WORD: dict[str, str] = {ACCEPT: "Accept", NEGOTIATE: "Negotiate", DECLINE: "Decline"}


def number(value: int | float | Fraction) -> str:
    """A number as a reader writes it: ``70``, ``72.5``."""
    return f"{float(value):g}"


def fit_text(tenths: int) -> str:
    """A fit in tenths as a reader writes it: ``50``, ``64.2``."""
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


def fit_phrase(tenths: int) -> str:
    return f"fit {fit_text(tenths)} out of {number(10 * SCORE[1])}"


def offer_words(offer: Offer, alone: bool) -> str:
    """How a sentence names an offer: its name, or "this offer" when it is the only one and has none."""
    return "this offer" if alone and not offer.named else offer.name


def employer_words(offer: Offer, alone: bool) -> str:
    """Whom to call or email: the offer's name, or "the employer" when the offer has none and is alone."""
    return "the employer" if alone and not offer.named else offer.name


def hours_text(hours: tuple[int | float, int | float]) -> str:
    low, high = (number(h) for h in hours)
    return f"{low} hours" if low == high else f"{low}–{high} hours"


def action_text(action: Action, offer: str) -> str:
    return {
        ACCEPT: f"Accept {offer}",
        NEGOTIATE: f"Negotiate with {offer} before you decide",
        DECLINE: f"Decline {offer}",
        RESCIND: f"Withdraw your acceptance of {offer}",
    }[action]


def how_text(channel: str, follow_up_email: bool) -> str:
    if channel == CALL:
        return "Call them, then send a short email to confirm." if follow_up_email else "Call them."
    return "Send an email."


def deadline_text(hours: tuple[int | float, int | float]) -> str:
    return f"Within {hours_text(hours)} of deciding."


def summary_text(top: Offer, top_fit: int, verdict: Verdict, recommended: bool, several: bool,
                 channel: str, whom: str, hours: tuple[int | float, int | float]) -> str:
    """The one line read out after each change: the suggestion, then the next step."""
    name, fit = offer_words(top, not several), fit_phrase(top_fit)
    if recommended:
        lead = f"{'Accept' if verdict == ACCEPT else 'Negotiate with'} {name} ({fit})."
    elif several:
        lead = f"Decline: none of your offers is the right fit as it stands (best {fit}, {name})."
    else:
        lead = f"Decline {name} ({fit})."
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
