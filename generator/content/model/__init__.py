"""The content model: one typed dataclass per content file, and the registry that ties them together."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model.advice import (
    CasesPage,
    Communication,
    Framework,
    MobilityPage,
    Negotiation,
    Reasons,
    Relationships,
    Situations,
)
from generator.content.model.common import Model
from generator.content.model.guide import Guide
from generator.content.model.lists import Checklists, Faq, Roadmap
from generator.content.model.rubric import Rubric
from generator.content.model.scripts import Scripts

# content file stem → model. The order is the order files are reported in.
FILES: dict[str, type[Model]] = {
    "guide": Guide,
    "reasons": Reasons,
    "framework": Framework,
    "rubric": Rubric,
    "negotiation": Negotiation,
    "deadlines": CasesPage,
    "communication": Communication,
    "scripts": Scripts,
    "conversations": CasesPage,
    "situations": Situations,
    "relationships": Relationships,
    "mobility": MobilityPage,
    "checklists": Checklists,
    "roadmap": Roadmap,
    "faq": Faq,
}


@dataclass(frozen=True)
class Content:
    """A whole, validated content set."""

    guide: Guide
    reasons: Reasons
    framework: Framework
    rubric: Rubric
    negotiation: Negotiation
    deadlines: CasesPage
    """More time, exploding offers, several offers."""
    communication: Communication
    scripts: Scripts
    conversations: CasesPage
    """Difficult conversations: a bad reaction, pushback, an internal offer."""
    situations: Situations
    relationships: Relationships
    mobility: MobilityPage
    checklists: Checklists
    roadmap: Roadmap
    faq: Faq
