"""Building blocks shared by every content file's model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from typing import Annotated

from ..fields import Text

Paragraphs = Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    """Strict, frozen, documented: unknown keys are errors, attribute docstrings feed the JSON Schema."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Section(Model):
    """A titled block of prose, with optional bullet points."""

    title: Text
    """Heading shown above the block."""
    paragraphs: Paragraphs
    """One or more paragraphs; inline Markdown allowed."""
    points: list[Text] = []
    """Optional bullet points shown after the paragraphs."""


class Page(Model):
    """Fields every page-sized content file starts with."""

    title: Text
    """The page title (its H1 and its name in the navigation)."""
    intro: Text
    """The opening paragraph; inline Markdown allowed."""
