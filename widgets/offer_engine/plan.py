"""How and by when to tell each employer, and the exact words: channel, deadline, script, filled in.

**Action**: the verdict, except that declining an offer already accepted is a **rescind**,
and an offer the reader would accept while they need more time (``needs_more_time``) gets
a request for more time (**extend**) instead of the acceptance. A negotiation already
defers the answer, and a decline should not be kept waiting, so those stay as they are.

**Channel**, the content's rule for call or email (``communication.yml``), first that applies:

1. rescinding an offer already accepted → **call**, always first;
2. a situation flag the rule lists as a reason to write (``Rubric.email_cases``, in the
   content's order: the recruiter asked for email, time zones, a call that went
   unanswered) → **email**;
3. otherwise → **call** (the reason names a long process or knowing the hiring manager
   when the reader said so).

If the chosen script has no version for that channel, the plan uses the version it has.
A call is always followed by a short email (``follow_up_email``); for a decline or a
rescind that email is the ``confirm_email`` script.

**Deadline**: tell them within the rubric's ``deadline_hours`` of deciding; ask for more
time as soon as possible.

**Script**, for a decline, first that applies: rescind (already accepted) → an internal
move (``internal``) → through a recruiter or agency (``via_recruiter``: the recruiter
hears first, and the plan suggests a thank-you to the hiring manager after) → accepted
another offer (lost to an acceptable offer) → timing not right → compensation after a
failed negotiation → the plain decline for the channel, or, after an unanswered call,
the email that follows the voicemail (``voicemail``). A negotiate uses the negotiation
opener; an extend the request for more time; an accept has no script.

**More messages** (``extra_messages``, in the order to send them): a reader who resigned
(``already_resigned``) and withdraws an acceptance first asks their current manager to
stay (``ask_to_stay``); every decline or rescind that starts with a call carries the
voicemail to leave if nobody answers (``voicemail``), and after an unanswered call the
voicemail comes before the email (and the plan offers no call instead). A talk with the
reader's own manager (an internal offer) is arranged, so it has no voicemail.

**Filling**: each ``{placeholder}`` the rubric declares is replaced by the reader's
name for it, or its fallback when that name is empty. In a call with no contact name,
the greeting is neutral ("Hi, it's Sam"), never the fallback. A paragraph that uses a
placeholder with an empty fallback (``{costs}``) is left out when the reader gave nothing
for it. Nothing else in the text is touched, and the names are inserted in one pass, so
braces in them stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .asks import AskPlan
from .checks import known
from .record import record
from .request import Offer, Situation
from .rubric import Rubric
from .rules import Judgement
from .scripts import PLACEHOLDER, Placeholder, Script
from .vocabulary import ACCEPT, CALL, DECLINE, EMAIL, EXTEND, NEGOTIATE, NOT_TRIED, RESCIND, Action, Channel
from .words import (
    CHANNEL_REASON,
    STAY_HEADING,
    VOICEMAIL_HEADING,
    action_text,
    costs_text,
    deadline_text,
    how_text,
    offer_words,
    only_channel_reason,
    sentence,
)  # fmt: skip

GREETING = re.compile(r"^(Hi|Hello|Hey) \{name\},", re.MULTILINE)
"""A spoken greeting to the contact: with no name it becomes "Hi," rather than "Hi Hiring Manager,"."""


@record
class Message:
    """A message that goes with a plan's main one: the voicemail, or asking to stay."""

    kind: str
    """The path it comes from: ``voicemail`` or ``ask_to_stay``."""
    heading: str
    channel: Channel
    script: str
    title: str
    subject: str | None
    text: str


@record
class Plan:
    offer: str
    action: Action
    """``accept``, ``negotiate``, ``decline`` or ``rescind`` (declining an offer already accepted)."""
    channel: Channel
    channel_reason: str
    follow_up_email: bool
    deadline_hours: tuple[int | float, int | float]
    script: str | None
    title: str | None
    subject: str | None
    text: str | None
    follow_up_script: str | None
    follow_up_subject: str | None
    follow_up_text: str | None
    talking_points: tuple[str, ...]
    other_channel: str | None = None
    """The same message in the other channel's form (call ↔ email), when content has one."""
    other_script: str | None = None
    other_title: str | None = None
    other_subject: str | None = None
    other_text: str | None = None
    action_text: str = ""
    """The plan in one line: "Withdraw your acceptance of Acme"."""
    how: str = ""
    """"Call them, then send a short email to confirm."."""
    deadline_text: str = ""
    """"Within 24–48 hours of deciding."."""
    extra_messages: tuple[Message, ...] = ()
    """Messages that go with this one, in the order to send them (see the module docstring)."""


def choose_channel(situation: Situation, rescinding: bool, email_cases: tuple[str, ...]) -> tuple[Channel, str]:
    """The channel and the reason for it, by the content's rule (numbered in this module's docstring)."""
    if rescinding:
        return CALL, CHANNEL_REASON[RESCIND]
    for key in email_cases:
        if getattr(situation, key):
            return EMAIL, CHANNEL_REASON[key]
    why = next((k for k in ("long_process", "knows_hiring_manager") if getattr(situation, k)), "")
    return CALL, CHANNEL_REASON[why]


def plan_action(verdict: str, offer: Offer, situation: Situation) -> Action:
    if verdict == DECLINE and offer.accepted:
        return RESCIND
    if verdict == ACCEPT and situation.needs_more_time:
        return EXTEND
    return verdict  # type: ignore[return-value]


def script_path(j: Judgement, action: str, lost: bool, channel: str, compensation: str | None, unanswered: bool = False) -> str | None:
    """The name of the ``Paths`` field whose script this offer's message uses."""
    if action == ACCEPT:
        return None
    if action in (NEGOTIATE, RESCIND):
        return action
    if action == EXTEND:
        return "more_time"
    if j.offer.internal_offer:
        return "internal"
    if j.offer.through_agency:
        return "via_recruiter"
    if lost:
        return "accepted_other"
    if j.reason == "timing":
        return "not_now"
    if j.offer.negotiation != NOT_TRIED and any(p.id == compensation for p in j.unmet):
        return "compensation_failed"
    if unanswered:
        return "voicemail"
    return "decline_call" if channel == CALL else "decline_email"


def fill(template: str, names: Mapping[str, str], placeholders: Mapping[str, Placeholder], spoken: bool = False) -> str:
    """The template with the reader's names in (see "Filling" in this module's docstring)."""
    given = {k: names.get(k, "").strip() for k in placeholders}
    if spoken and not given.get("name", "x"):
        template = GREETING.sub(r"\1,", template)
    left_out = {k for k, p in placeholders.items() if p.fallback == "" and not given[k]}
    if left_out:
        kept = [part for part in template.split("\n\n") if not left_out & set(PLACEHOLDER.findall(part))]
        template = "\n\n".join(kept)

    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in placeholders:
            return match.group(0)
        return given[key] or placeholders[key].fallback

    return PLACEHOLDER.sub(one, template)


def _version(script: Script, channel: str, names: Mapping[str, str], rubric: Rubric) -> tuple[str | None, str]:
    """(subject, text) of the script for the channel."""
    if channel == CALL:
        return None, fill(known(script.call), names, rubric.placeholders, spoken=True)
    email = known(script.email)  # the plan picks a channel the script has
    return fill(email.subject, names, rubric.placeholders), fill(email.body, names, rubric.placeholders)


def _script(rubric: Rubric, path: str | None) -> Script | None:
    return rubric.scripts[getattr(rubric.paths, path)] if path else None


def _message(kind: str, heading: str, channel: Channel, rubric: Rubric, names: Mapping[str, str]) -> Message:
    script = rubric.scripts[getattr(rubric.paths, kind)]
    subject, said = _version(script, channel, names, rubric)
    return Message(kind, heading, channel, script.id, script.title, subject, said)


def make_plan(
    j: Judgement, verdict: str, lost: bool, asks: tuple[AskPlan, ...], your_name: str, situation: Situation, rubric: Rubric,
    alone: bool = False,
) -> Plan:
    """``alone``: the reader has this one offer only, so an unnamed one is "this offer"."""
    offer: Offer = j.offer
    action = plan_action(verdict, offer, situation)
    rescinding = action == RESCIND
    channel, why = choose_channel(situation, rescinding, rubric.email_cases)
    unanswered = channel == EMAIL and situation.call_unanswered
    path = script_path(j, action, lost, channel, rubric.compensation_criterion, unanswered)
    script = _script(rubric, path)
    if script is not None and getattr(script, channel) is None:
        channel = EMAIL if channel == CALL else CALL
        why = only_channel_reason(channel)
        unanswered = False
    paid = [c for c in rubric.costs if c.id in offer.costs_incurred]
    names = {"name": offer.contact.name, "role": offer.contact.role, "company": offer.contact.company,
             "your_name": your_name, "asks": ask_list(asks), "costs": costs_text([c.label for c in paid])}
    subject, said = _version(script, channel, names, rubric) if script else (None, None)
    other = EMAIL if channel == CALL else CALL
    other_path = script_path(j, action, lost, other, rubric.compensation_criterion, unanswered)
    alt = _script(rubric, other_path)
    # After an unanswered call the other form is the voicemail, not calling again.
    alt = alt if alt is not None and getattr(alt, other) is not None and not unanswered else None
    alt_subject, alt_said = _version(alt, other, names, rubric) if alt else (None, None)
    follow = _script(rubric, "confirm_email") if channel == CALL and action in (DECLINE, RESCIND) else None
    follow_subject, follow_text = _version(follow, EMAIL, names, rubric) if follow else (None, None)
    extra: list[Message] = []
    if rescinding and situation.already_resigned:
        stay_names = {**names, "name": ""}  # the reader's own manager, whose name the form does not ask
        extra.append(_message("ask_to_stay", STAY_HEADING, CALL, rubric, stay_names))
    # A meeting with one's own manager is arranged, not left on voicemail.
    voicemail = action in (DECLINE, RESCIND) and (channel == CALL or unanswered) and not offer.internal_offer
    if voicemail:
        extra.append(_message("voicemail", VOICEMAIL_HEADING[channel], CALL, rubric, names))
    points: list[str] = []
    if rescinding:
        costs = ([rubric.rescind_costs] if paid and rubric.rescind_costs else []) + [c.talking_point for c in paid]
        points += [*rubric.rescind_before, *costs, *rubric.rescind_after]
    points += [point for a in asks for point in ask_points(a)]
    if channel == CALL and follow is None and rubric.after_call:
        points.append(rubric.after_call)
    recipient = "manager" if offer.internal_offer else "recruiter" if offer.through_agency else "employer"
    how = how_text(channel, channel == CALL, recipient, voicemail=voicemail and channel == CALL,
                   stay_first=rescinding and situation.already_resigned,
                   thank_manager=recipient == "recruiter" and action == DECLINE)
    return Plan(
        offer.name, action, channel, why, channel == CALL, rubric.deadline_hours,
        script.id if script else None, script.title if script else None, subject, said,
        follow.id if follow else None, follow_subject, follow_text, tuple(points),
        other if alt else None, alt.id if alt else None, alt.title if alt else None, alt_subject, alt_said,
        action_text(action, offer_words(offer, alone)), how, deadline_text(rubric.deadline_hours, action),
        tuple(extra),
    )  # fmt: skip


def ask_list(asks: tuple[AskPlan, ...]) -> str:
    """The ``{asks}`` placeholder: the top asks as a numbered list, one line each ("" when none)."""
    lines = [sentence(a.asks[0].text if a.asks else a.criterion.label) for a in asks]
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))


def ask_points(a: AskPlan, labelled: bool = True) -> list[str]:
    """One talking point per rubric ask, with its trade-offs; one generic point when the rubric has none.

    ``labelled`` starts each with the criterion's label, for a list that mixes criteria.
    """
    lead = f"{a.criterion.label}: " if labelled else ""
    if not a.asks:
        return [f"{lead}{'a' if labelled else 'A'}sk what they can improve here."]
    points = []
    for ask in a.asks:
        instead = f" If they cannot: {'; '.join(ask.tradeoffs)}." if ask.tradeoffs else ""
        points.append(f"{lead}{sentence(ask.text)}{instead}")
    return points
