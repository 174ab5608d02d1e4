"""The engine's input data (``rubric.json``), derived from validated content, with where each part came from.

This is the only bridge from content to the engine: the CLI passes it to the engine
in CPython, and the site ships it as an asset for the engine in the browser. The same
code that builds each part records its source (content file stem, key path), so a
problem the engine finds in the data is placed in the file an editor writes.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from offer_engine import contract_data, parse_rubric

from generator.content.model import Content
from generator.content.source import Loc

_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|([^.\[\]"]+)|\[(\d+)\]')


@dataclass
class Projection:
    """Engine data, and a map from engine field paths (as the engine names them) to (file stem, content key path)."""

    data: dict[str, Any] = field(default_factory=dict)
    origins: dict[tuple[str | int, ...], tuple[str, Loc]] = field(default_factory=dict)

    def put(self, key: str, value: Any, stem: str, loc: Loc) -> None:
        self.data[key] = value
        self.origins[(key,)] = (stem, loc)

    def also(self, path: tuple[str | int, ...], stem: str, loc: Loc) -> None:
        """A deeper engine path whose content path is not just the parent's, extended."""
        self.origins[path] = (stem, loc)

    def source_of(self, field_path: str) -> tuple[str, Loc]:
        """The content file and key path of an engine field: its nearest mapped ancestor, plus the rest of the path."""
        parts = engine_parts(field_path)
        for cut in range(len(parts), 0, -1):
            if parts[:cut] in self.origins:
                stem, loc = self.origins[parts[:cut]]
                return stem, (*loc, *parts[cut:])
        return "rubric", ()


def engine_parts(field_path: str) -> tuple[str | int, ...]:
    """``scripts.decline-call.email.subject`` → ``('scripts', 'decline-call', 'email', 'subject')``; indexes are ints."""
    out: list[str | int] = []
    for quoted, name, index in _PART.findall(field_path):
        out.append(int(index) if index else (name or quoted))
    return tuple(out)


def project(content: Content) -> Projection:
    rubric, scripts, timing = content.rubric, content.scripts, content.communication.timing
    out = Projection()
    out.put("criteria", [
        {
            "id": c.id,
            "label": c.label,
            "help": c.help,
            "weight": c.weight,
            "negotiable": c.negotiable,
            "asks": [{"id": a.id, "text": a.text, "tradeoffs": list(a.tradeoffs)} for a in c.asks],
        }
        for c in rubric.criteria
    ], "rubric", ("criteria",))
    out.put("mobility", {"criterion": rubric.mobility.criterion, "extra_weight": rubric.mobility.extra_weight},
            "rubric", ("mobility",))
    out.put("thresholds", {"accept": rubric.thresholds.accept, "negotiate": rubric.thresholds.negotiate},
            "rubric", ("thresholds",))
    out.put("deadline_hours", {"min": timing.min_hours, "max": timing.max_hours}, "communication", ("timing",))
    out.also(("deadline_hours", "min"), "communication", ("timing", "min_hours"))
    out.also(("deadline_hours", "max"), "communication", ("timing", "max_hours"))
    out.put("paths", dataclasses.asdict(rubric.paths), "rubric", ("paths",))
    out.put("scripts", {
        s.id: {
            "title": s.title,
            "call": s.call,
            "email": None if s.email is None else {"subject": s.email.subject, "body": s.email.body},
        }
        for s in scripts.scripts
    }, "scripts", ("scripts",))
    for at, s in enumerate(scripts.scripts):
        out.also(("scripts", s.id), "scripts", ("scripts", at))
    out.put("placeholders", {k: {"label": p.label, "fallback": p.fallback} for k, p in scripts.placeholders.items()},
            "scripts", ("placeholders",))
    out.put("compensation_criterion", rubric.compensation_criterion, "rubric", ("compensation_criterion",))
    out.put("costs", [{"id": c.id, "label": c.label, "talking_point": c.talking_point} for c in rubric.costs],
            "rubric", ("costs",))
    out.put("rescind_points", {"before": list(rubric.rescind_points.before), "after": list(rubric.rescind_points.after)},
            "rubric", ("rescind_points",))
    out.put("after_call", rubric.after_call, "rubric", ("after_call",))
    out.put("form", {"situation": dict(rubric.scorer.situation), "negotiation": dict(rubric.scorer.negotiation)},
            "rubric", ("scorer",))
    return out


def engine_data_from(content: Content) -> dict[str, Any]:
    return project(content).data


def browser_contract(content: Content) -> dict[str, Any]:
    """The engine's contract for this content (its vocabularies with the content's labels, limits, defaults)."""
    return contract_data(parse_rubric(engine_data_from(content)))
