"""The engine's closed vocabularies, limits and defaults, each written once; every other module reads them here.

The generator and the browser never copy these: the generator imports them through
``offer_engine.contract``, and the build writes ``contract_data`` for the browser.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

Verdict = Literal["accept", "negotiate", "decline"]
ACCEPT: Final = "accept"
NEGOTIATE: Final = "negotiate"
DECLINE: Final = "decline"
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
ORDER: dict[str, int] = {v: at for at, v in enumerate(VERDICTS)}
"""Verdicts from best to worst: ranking sorts by it, and the flip words a change as better or worse."""

Action = Literal["accept", "negotiate", "decline", "rescind"]
"""What the reader does: a verdict, or ``rescind`` (declining an offer already accepted)."""
RESCIND: Final = "rescind"

Channel = Literal["call", "email"]
CALL: Final = "call"
EMAIL: Final = "email"
CHANNELS: tuple[Channel, ...] = get_args(Channel)

Negotiation = Literal["not-tried", "failed", "done"]
NEGOTIATIONS: tuple[Negotiation, ...] = get_args(Negotiation)
NOT_TRIED: Final = "not-tried"

Reason = Literal[
    "deal-breaker", "must-have-negotiable", "must-have-after-negotiation", "fit-accept", "fit-too-low",
    "fit-after-negotiation", "out-of-reach", "fit-negotiable", "timing",
]
REASONS: tuple[Reason, ...] = get_args(Reason)

SITUATION_KEYS = ("mobility_matters", "knows_hiring_manager", "long_process", "prefers_email", "time_zones")
"""The reader's situation flags, in the form's order; ``request.Situation`` has exactly these fields."""
CONTACT_KEYS = ("name", "role", "company")
TOP_KEYS = ("your_name", "priorities", "custom_criteria", "offers", "situation")
OFFER_KEYS = ("name", "contact", "scores", "negotiation", "accepted", "costs_incurred", "timing_not_right")
CUSTOM_KEYS = ("id", "label", "weight", "negotiable")
PRIORITY_KEYS = ("weight", "minimum")

FILLED = (*CONTACT_KEYS, "your_name", "asks")
"""The script placeholders the engine can fill: the contact's fields, the reader's name and the top asks.
A rubric may declare only these, so every declared placeholder has a field in the reader's form."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Criterion, ask and cost ids, and the ids of a reader's own criteria: lowercase words joined by hyphens."""

MAX_OFFERS = 4
MAX_CUSTOM = 6
MAX_ASKS = 3
WEIGHT = (0, 5)
SCORE = (0, 10)
FIT = (0, 100)
DEADLINE_HOURS = (1, 24 * 14)
"""Whole hours: the deadline to tell an employer, at least an hour and at most two weeks."""
MAX_TEXT = 200
"""Longest name or label a reader may type (the form's fields allow less)."""

DEFAULT_CUSTOM_WEIGHT = 3
"""A reader's own criterion weighs this when they give it no weight: the middle of ``WEIGHT``."""
DEFAULT_SCORE = 5
"""The score the form starts from: the middle of ``SCORE``."""
