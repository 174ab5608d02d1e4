"""The engine's contract as data: the vocabularies, limits and defaults a reader's form must follow, for the browser.

The build writes ``contract_data(rubric)`` into the site, and the form and the browser's
checks made before the engine is ready read it there, so no JavaScript copies a list.
"""

from __future__ import annotations

from typing import Any

from .rubric import Rubric
from .vocabulary import (
    CONTACT_KEYS,
    CUSTOM_KEYS,
    DEADLINE_HOURS,
    DEFAULT_CUSTOM_WEIGHT,
    DEFAULT_SCORE,
    FILLED,
    ID_PATTERN,
    MAX_CUSTOM,
    MAX_OFFERS,
    MAX_TEXT,
    NEGOTIATIONS,
    OFFER_FLAGS,
    OFFER_KEYS,
    PRIORITY_KEYS,
    SCORE,
    SITUATION_KEYS,
    TOP_KEYS,
    WEIGHT,
)  # fmt: skip


def _range(bounds: tuple[int, int]) -> dict[str, int]:
    return {"min": bounds[0], "max": bounds[1]}


def contract_data(rubric: Rubric) -> dict[str, Any]:
    """Plain JSON data: what a request may hold, for this rubric (its criteria and cost kinds)."""
    form = rubric.form or {}
    return {
        "keys": {"top": list(TOP_KEYS), "offer": list(OFFER_KEYS), "contact": list(CONTACT_KEYS),
                 "custom": list(CUSTOM_KEYS), "priority": list(PRIORITY_KEYS)},
        "situation": [{"key": k, "label": form.get("situation", {}).get(k, k)} for k in SITUATION_KEYS],
        "offer_flags": [{"key": k, "label": form.get("offer", {}).get(k, k)} for k in OFFER_FLAGS],
        "negotiation": [{"value": v, "label": form.get("negotiation", {}).get(v, v)} for v in NEGOTIATIONS],
        "criteria": [c.id for c in rubric.criteria],
        "costs": [c.id for c in rubric.costs],
        "placeholders": list(FILLED),
        "id_pattern": ID_PATTERN,
        "limits": {"offers": MAX_OFFERS, "custom": MAX_CUSTOM, "text": MAX_TEXT, "weight": _range(WEIGHT),
                   "score": _range(SCORE), "deadline_hours": _range(DEADLINE_HOURS)},
        "defaults": {"custom_weight": DEFAULT_CUSTOM_WEIGHT, "score": DEFAULT_SCORE, "negotiation": NEGOTIATIONS[0]},
    }
