"""The rubric's numbers in prose: ``{accept}``, ``{min_hours}`` … in any content text, filled at load time.

Prose that quotes a threshold, a deadline or a range writes a placeholder instead of the
number, so a changed rubric changes every page, the engine's texts and the widget alike.
Unknown names are content errors, checked with the script placeholders (``crossref``).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from offer_engine import vocabulary

from generator.content.typed import hints, optional_of, split

PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")

NAMES = ("accept", "negotiate", "max_asks", "min_hours", "max_hours", "max_weight", "max_score", "mobility_extra_weight",
         "call_or_email")
"""The numbers content may quote; CONTRACTS.md lists the same, for everyone writing prose. One is a
sentence, not a number: ``{call_or_email}`` is the rule for call or email (``communication.yml``
``rule``), so a page that states the rule quotes it word for word instead of restating it."""


@dataclasses.dataclass(frozen=True)
class Quotes:
    """Marks prose whose ``{placeholders}`` are the rubric's numbers (``NAMES``), filled in at load time."""


def shown(value: float) -> str:
    return f"{float(value):g}"


def values(models: dict[str, Any]) -> dict[str, str]:
    """Each number as prose shows it, from the validated rubric and communication models."""
    rubric, timing = models["rubric"], models["communication"].timing
    return {
        "accept": shown(rubric.thresholds.accept),
        "negotiate": shown(rubric.thresholds.negotiate),
        "max_asks": shown(vocabulary.MAX_ASKS),
        "min_hours": shown(timing.min_hours),
        "max_hours": shown(timing.max_hours),
        "max_weight": shown(vocabulary.WEIGHT[1]),
        "max_score": shown(vocabulary.SCORE[1]),
        "mobility_extra_weight": shown(rubric.mobility.extra_weight),
        "call_or_email": models["communication"].rule,
    }


def fill(model: Any, numbers: dict[str, str]) -> Any:
    """``model`` with every ``Quotes`` text filled in; other values are kept as they are (and shared)."""
    if not dataclasses.is_dataclass(model) or isinstance(model, type):
        return model
    changes = {}
    for name, annotation in hints(type(model)).items():
        value = getattr(model, name)
        new = _fill_value(annotation, value, numbers)
        if new is not value:
            changes[name] = new
    return dataclasses.replace(model, **changes) if changes else model


def _quotes(annotation: Any) -> bool:
    base, extras = split(annotation)
    inner = optional_of(base)
    return any(isinstance(e, Quotes) for e in extras) or (inner is not None and _quotes(inner))


def _fill_value(annotation: Any, value: Any, numbers: dict[str, str]) -> Any:
    if value is None:
        return value
    if isinstance(value, str):
        if not _quotes(annotation):
            return value
        text = PLACEHOLDER.sub(lambda m: numbers.get(m.group(1), m.group(0)), value)
        return text if text != value else value
    base, _ = split(annotation)
    base = optional_of(base) or base
    args: tuple[Any, ...] = getattr(base, "__args__", ())
    if isinstance(value, list):
        filled = [_fill_value(args[0] if args else Any, v, numbers) for v in value]
        return filled if any(a is not b for a, b in zip(filled, value, strict=True)) else value
    if isinstance(value, dict):
        mapped = {k: _fill_value(args[1] if len(args) == 2 else Any, v, numbers) for k, v in value.items()}
        return mapped if any(mapped[k] is not value[k] for k in value) else value
    return fill(value, numbers)
