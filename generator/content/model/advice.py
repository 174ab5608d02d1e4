"""The prose pages: reasons, framework, negotiation, how to decline, after accepting, relationships, mobility,
and the pages of hard cases (difficult conversations, deadlines)."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from offer_engine import vocabulary

from generator.content.fields import ID, IdOf, RefTo, Text, at_least, number
from generator.content.model.common import Model, Page, Paragraphs, Section


class Point(Model):
    """A titled point with an id, so other files and readers can refer to it."""

    id: Annotated[str, ID, IdOf("point")]
    title: Text
    text: Text


class Reason(Model):
    """A common reason to decline, and how to weigh it."""

    id: Annotated[str, ID, IdOf("reason")]
    title: Text
    text: Text
    """What the reason looks like in practice."""
    weigh: Text
    """How to weigh it against your goals."""
    criterion: Annotated[str, ID, RefTo("criterion")] | None = None
    """The rubric criterion this reason shows up in, if any."""


class Case(Model):
    """A hard case with its own anchored section: advice, and the scripts that give the words."""

    id: Annotated[str, ID, IdOf("section")]
    """The section's anchor (``page/#id``)."""
    title: Text
    paragraphs: Paragraphs
    parts: list[Point] = field(default_factory=list)
    """Titled sub-points, each with its own anchor."""
    points: list[Text] = field(default_factory=list)
    """Optional bullet points shown after the paragraphs and parts."""
    scripts: list[Annotated[str, ID, RefTo("script")]] = field(default_factory=list)
    """Ids of scripts (or notes) from scripts.yml, shown in full in this section."""


class CasesPage(Page):
    """A page made of hard cases only."""

    cases: Annotated[list[Case], at_least(1)]


class Reasons(Page):
    reasons: Annotated[list[Reason], at_least(1)]
    right_move: Section
    """When declining is the right move for long-term growth."""
    closing: Text


class Step(Model):
    """One step of the decision framework."""

    id: Annotated[str, ID, IdOf("step")]
    title: Text
    text: Text
    tips: list[Text] = field(default_factory=list)


class Framework(Page):
    steps: Annotated[list[Step], at_least(1)]
    scoring: Section
    """How to score an offer well."""
    support: Section
    """When to ask someone for help before deciding."""


class Negotiation(Page):
    makes_sense: Section
    """When negotiating is worth it; the points are the terms employers can usually move on."""
    structural: Section
    """When the gap is a structural mismatch; the points are its signs."""
    priorities: Section
    """Choosing the top asks; the points are example sets of asks."""
    tactics: Annotated[list[Point], at_least(1)]
    if_no: Text
    """What to do when the employer cannot move."""


class Timing(Model):
    min_hours: Annotated[int, number(*vocabulary.DEADLINE_HOURS, integer=True)]
    """The earliest deadline to give the employer your answer after deciding, in hours (not above max_hours)."""
    max_hours: Annotated[int, number(*vocabulary.DEADLINE_HOURS, integer=True)]
    """The latest deadline, in hours."""
    text: Text
    already_accepted: Text


class ChannelCase(Model):
    id: Annotated[str, ID, IdOf("channel-case")]
    text: Text
    when: vocabulary.EmailCase | None = None
    """For an email case: the engine's situation flag that means this case (``prefers_email``,
    ``time_zones``, ``call_unanswered``); the engine writes instead of calling exactly when one
    of these is set, so the rule on the page and the plan cannot drift apart."""


class Channel(Model):
    summary: Text
    cases: Annotated[list[ChannelCase], at_least(1)]
    """Situations where this channel is the right one."""


class Phrase(Model):
    id: Annotated[str, ID, IdOf("phrase")]
    text: Text


class Tone(Model):
    principles: Annotated[list[Point], at_least(1)]
    phrases: Annotated[list[Phrase], at_least(1)]
    avoid: Text


class Communication(Page):
    timing: Timing
    rule: Text
    """The one rule for call or email, in plain words. The email cases below are its only
    exceptions; every other page links here rather than restating it."""
    call: Channel
    """Why a call is the default; its cases are examples, not conditions."""
    email: Channel
    """Its cases are the rule's exceptions: the only times to write instead of calling."""
    follow_up: Text
    """Why a call is always followed by a short email."""
    cases: list[Case] = field(default_factory=list)
    """Hard cases of delivering the answer, shown after call or email."""
    tone: Tone


class Situations(Page):
    special_care: Annotated[list[Point], at_least(1)]
    accepted: Section
    """Why declining after accepting raises the stakes."""
    check_first: Case | None = None
    """What to check before withdrawing an acceptance; shown before the steps."""
    changed_mind_title: Text
    """The heading above the steps."""
    changed_mind: Annotated[list[Point], at_least(1)]
    """Steps to take when you accepted and changed your mind."""
    closing: Text
    cases: list[Case] = field(default_factory=list)
    """Other delicate cases, shown after the steps."""


class Relationships(Page):
    door_open: Section
    feedback: Section
    feedback_example: Text
    referrals: Section
    cases: list[Case] = field(default_factory=list)
    """Hard cases of keeping in touch, shown last."""


class MobilityPage(Page):
    why: Section
    questions_intro: Text
    """Shown above the rubric's global-mobility questions."""
    integrating: Section
    decline_if: Text
