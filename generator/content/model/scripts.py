"""scripts.yml: the call and email scripts, with their named placeholders."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from offer_engine import vocabulary

from generator.content.fields import ID, IdOf, PlaceholderName, ScriptText, Text, at_least
from generator.content.model.common import Model, Page


class Placeholder(Model):
    """A name that scripts can use as ``{key}``."""

    label: Text
    """How the widget labels the field, such as "Contact's name"."""
    fallback: Text | None = None
    """What the script says when the reader leaves the field empty; without one, a paragraph
    that uses the placeholder is left out when the reader gives nothing for it (``{costs}``)."""
    example: Text
    """What the guide's pages show in its place."""


class Email(Model):
    subject: ScriptText
    body: ScriptText


class Script(Model):
    """Words to use in one situation, by phone, by email, or both."""

    id: Annotated[str, ID, IdOf("script")]
    title: Text
    situation: Text
    """When to use it."""
    channels: Annotated[list[vocabulary.Channel], at_least(1)]
    call: ScriptText | None = None
    """What to say on the phone (plain text)."""
    email: Email | None = None

    def problem(self) -> str | None:
        """Each listed channel needs its text, and each text its channel."""
        for channel in vocabulary.CHANNELS:
            listed, written = channel in self.channels, getattr(self, channel) is not None
            if listed and not written:
                return f"lists the channel '{channel}' but has no '{channel}' text"
            if written and not listed:
                return f"has '{channel}' text but does not list '{channel}' in channels"
        return None


class Note(Model):
    """A short written message that is neither a call nor an email, such as a LinkedIn connection note."""

    id: Annotated[str, ID, IdOf("script")]
    """Shares the scripts' ids: both are anchors on the scripts page."""
    title: Text
    situation: Text
    """When to send it."""
    text: ScriptText
    """The message (plain text)."""


class Scripts(Page):
    placeholders: Annotated[dict[PlaceholderName, Placeholder], at_least(1)]
    """The names scripts may use, as ``{key}``: lowercase letters, digits and underscores."""
    scripts: Annotated[list[Script], at_least(1)]
    notes: list[Note] = field(default_factory=list)
    """Short notes, shown after the scripts."""
