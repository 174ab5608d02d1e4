"""The content model: one typed dataclass per content file, and the registry that ties them together."""

from __future__ import annotations

from dataclasses import dataclass

from .advice import Communication, Framework, MobilityPage, Negotiation, Reasons, Relationships, Situations
from .common import Model
from .guide import Guide
from .lists import Checklists, Faq, Roadmap
from .rubric import Rubric
from .scripts import Scripts

# content file stem → model. The order is the order files are reported in.
FILES: dict[str, type[Model]] = {
    "guide": Guide,
    "reasons": Reasons,
    "framework": Framework,
    "rubric": Rubric,
    "negotiation": Negotiation,
    "communication": Communication,
    "scripts": Scripts,
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
    communication: Communication
    scripts: Scripts
    situations: Situations
    relationships: Relationships
    mobility: MobilityPage
    checklists: Checklists
    roadmap: Roadmap
    faq: Faq
