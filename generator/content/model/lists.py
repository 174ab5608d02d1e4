"""Tickable and listed content: checklists, the follow-up roadmap, the FAQ."""

from __future__ import annotations

from typing import Annotated

from generator.content.fields import ID, IdOf, Text, at_least
from generator.content.model.common import Model, Page, Section


class Tick(Model):
    """An item a reader can tick; its id keeps the tick when the text is edited."""

    id: Annotated[str, ID, IdOf("tick")]
    text: Text
    detail: Text | None = None


class Checklist(Model):
    id: Annotated[str, ID, IdOf("checklist")]
    """Also the page address: /checklists/<id>/."""
    title: Text
    when: Text
    """When to use the checklist."""
    items: Annotated[list[Tick], at_least(1)]


class Checklists(Page):
    checklists: Annotated[list[Checklist], at_least(1)]


class RoadmapStep(Model):
    id: Annotated[str, ID, IdOf("tick")]
    title: Text
    text: Text


class Roadmap(Page):
    """What to do after declining, and how to turn it into momentum."""

    checklist_id: Annotated[str, ID, IdOf("checklist")]
    """The id of the roadmap's printable checklist page: /checklists/<id>/."""
    checklist_title: Text
    """The title of that checklist page, such as "Follow-up checklist"."""
    steps: Annotated[list[RoadmapStep], at_least(1)]
    closing: Section
    """The closing roadmap; its points are the next moves."""


class Question(Model):
    id: Annotated[str, ID, IdOf("faq")]
    question: Text
    answer: Text


class Faq(Page):
    questions: Annotated[list[Question], at_least(1)]
