"""The engine's input data (``rubric.json``), derived from validated content.

This is the only bridge from content to the engine: the CLI passes it to the engine
in CPython, and the site ships it as an asset for the engine in the browser.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.content.model import Content


def engine_data_from(content: Content) -> dict[str, Any]:
    rubric, scripts = content.rubric, content.scripts
    return {
        "criteria": [
            {
                "id": c.id,
                "label": c.label,
                "help": c.help,
                "weight": c.weight,
                "negotiable": c.negotiable,
                "asks": [{"id": a.id, "text": a.text, "tradeoffs": list(a.tradeoffs)} for a in c.asks],
            }
            for c in rubric.criteria
        ],
        "mobility": {"criterion": rubric.mobility.criterion, "extra_weight": rubric.mobility.extra_weight},
        "thresholds": {"accept": rubric.thresholds.accept, "negotiate": rubric.thresholds.negotiate},
        "deadline_hours": {"min": content.communication.timing.min_hours, "max": content.communication.timing.max_hours},
        "paths": dataclasses.asdict(rubric.paths),
        "scripts": {
            s.id: {
                "title": s.title,
                "call": s.call,
                "email": None if s.email is None else {"subject": s.email.subject, "body": s.email.body},
            }
            for s in scripts.scripts
        },
        "placeholders": {k: {"label": p.label, "fallback": p.fallback} for k, p in scripts.placeholders.items()},
        "compensation_criterion": rubric.compensation_criterion,
        "costs": [{"id": c.id, "label": c.label, "talking_point": c.talking_point} for c in rubric.costs],
        "rescind_points": {"before": list(rubric.rescind_points.before), "after": list(rubric.rescind_points.after)},
        "after_call": rubric.after_call,
    }
