"""scripts.yml: the call and email scripts, with their named placeholders."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..fields import PlaceholderName, ScriptText, Text, id_of
from .common import Model, Page


class Placeholder(Model):
    """A name that scripts can use as ``{key}``."""

    label: Text
    """How the widget labels the field, such as "Contact's name"."""
    fallback: Text
    """What the script says when the reader leaves the field empty."""
    example: Text
    """What the guide's pages show in its place."""


class Email(Model):
    subject: ScriptText
    body: ScriptText


class Script(Model):
    """Words to use in one situation, by phone, by email, or both."""

    id: id_of("script")
    title: Text
    situation: Text
    """When to use it."""
    channels: Annotated[list[Literal["call", "email"]], Field(min_length=1)]
    call: ScriptText | None = None
    """What to say on the phone (plain text)."""
    email: Email | None = None

    @model_validator(mode="after")
    def _versions_match_channels(self) -> Script:
        for channel in ("call", "email"):
            listed, written = channel in self.channels, getattr(self, channel) is not None
            if listed and not written:
                raise PydanticCustomError("content", "lists the channel '{c}' but has no '{c}' text", {"c": channel})
            if written and not listed:
                raise PydanticCustomError("content", "has '{c}' text but does not list '{c}' in channels", {"c": channel})
        return self


class Scripts(Page):
    placeholders: Annotated[dict[PlaceholderName, Placeholder], Field(min_length=1)]
    """The names scripts may use, as ``{key}``: lowercase letters, digits and underscores."""
    scripts: Annotated[list[Script], Field(min_length=1)]
