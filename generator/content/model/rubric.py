"""rubric.yml: the criteria, weights, thresholds and script paths the scoring engine runs on."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from offer_engine import vocabulary

from generator.content.fields import ID, Flag, IdOf, RefTo, Text, at_least, number
from generator.content.model.common import Model, Page

# The engine's ranges, so the JSON Schema tells editors the same limits; rules that relate
# fields (negotiate not above accept) are the engine's alone, placed by the projection's map.
Weight = Annotated[float, number(*vocabulary.WEIGHT)]
Fit = Annotated[float, number(*vocabulary.FIT)]


class Ask(Model):
    """Something to ask the employer for when this criterion falls short."""

    id: Annotated[str, ID, IdOf("ask")]
    text: Text
    tradeoffs: list[Text] = field(default_factory=list)
    """What to accept instead if the employer cannot move on the ask."""


class Criterion(Model):
    """One thing an offer is scored on, from 0 to 10."""

    id: Annotated[str, ID, IdOf("criterion")]
    label: Text
    help: Text
    """What a 0 and a 10 look like; shown under the score field."""
    weight: Weight
    """Default importance, from 0 to 5; readers can change it."""
    negotiable: Flag
    """Whether employers can usually move on this (pay can; manager fit cannot)."""
    asks: list[Ask] = field(default_factory=list)


class MobilityQuestion(Model):
    id: Annotated[str, ID, IdOf("mobility-question")]
    text: Text


class Mobility(Model):
    """How global mobility is weighed."""

    criterion: Annotated[str, ID, RefTo("criterion")]
    """The criterion that carries mobility."""
    extra_weight: Weight
    """Added to that criterion's weight (up to 5) when mobility matters to the reader."""
    questions: Annotated[list[MobilityQuestion], at_least(1)]


class Thresholds(Model):
    """Fit values (0–100) at which the verdict changes."""

    accept: Fit
    """At or above this fit, with every must-have met, the verdict is accept."""
    negotiate: Fit
    """Below accept but at or above this, negotiating is worth a try."""


class Paths(Model):
    """Which script the engine uses on each path; each value is a script id from scripts.yml."""

    decline_call: Annotated[str, ID, RefTo("script")]
    decline_email: Annotated[str, ID, RefTo("script")]
    confirm_email: Annotated[str, ID, RefTo("script")]
    """The short email that confirms a call."""
    accepted_other: Annotated[str, ID, RefTo("script")]
    compensation_failed: Annotated[str, ID, RefTo("script")]
    rescind: Annotated[str, ID, RefTo("script")]
    not_now: Annotated[str, ID, RefTo("script")]
    negotiate: Annotated[str, ID, RefTo("script")]
    via_recruiter: Annotated[str, ID, RefTo("script")]
    """Declining through a recruiter or an agency: the recruiter hears first."""
    internal: Annotated[str, ID, RefTo("script")]
    """Turning down an internal move or promotion, with your manager."""
    voicemail: Annotated[str, ID, RefTo("script")]
    """The voicemail for an unanswered call (call text) and the email that follows it."""
    more_time: Annotated[str, ID, RefTo("script")]
    """Asking for more time before you accept."""
    ask_to_stay: Annotated[str, ID, RefTo("script")]
    """Asking your current employer to withdraw your resignation, before you withdraw an acceptance."""


class Cost(Model):
    """Something an employer may already have paid for when you withdraw an acceptance."""

    id: Annotated[str, ID, IdOf("cost")]
    label: Text
    """How the scorer's checkbox names it, such as "Relocation"."""
    talking_point: Text
    """Plain text: what to say about it on the call."""


class RescindPoints(Model):
    """Talking points for withdrawing an acceptance, around the cost points. Plain text."""

    before: Annotated[list[Text], at_least(1)]
    after: list[Text] = field(default_factory=list)
    costs: Text | None = None
    """Said before the points for the costs the reader ticked, when there are any: read the agreement first."""


class Rule(Model):
    """One scoring rule in plain words, for the how-scoring-works page."""

    id: Annotated[str, ID, IdOf("rule")]
    title: Text
    text: Text


class Scorer(Model):
    """The /score/ page: the scoring widget's title, opening text, and the words its choices show."""

    title: Text
    intro: Text
    situation: dict[Text, Text]
    """A checkbox label for each situation the engine knows (its keys are the engine's; the engine checks them)."""
    offer: dict[Text, Text]
    """A checkbox label for each yes/no answer about one offer the engine knows; the form follows it
    with the offer's title ("I have already accepted Offer 1")."""
    negotiation: dict[Text, Text]
    """A label for each negotiation state the engine knows: not-tried, failed, done."""


class Rubric(Page):
    """The how-scoring-works page (title, intro) and everything the engine scores with."""

    scorer: Scorer
    criteria: Annotated[list[Criterion], at_least(1)]
    mobility: Mobility
    thresholds: Thresholds
    paths: Paths
    compensation_criterion: Annotated[str, ID, RefTo("criterion")]
    """The pay criterion: a failed negotiation on it selects the compensation script."""
    costs: Annotated[list[Cost], at_least(1)]
    rescind_points: RescindPoints
    after_call: Text
    """Plain text: the reminder, after a call with no script of its own, to confirm it by email."""
    rules: Annotated[list[Rule], at_least(1)]
