"""Building blocks shared by every content file's model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, dataclass_transform

from generator.content.fields import ID, IdOf, Text, at_least

Paragraphs = Annotated[list[Text], at_least(1)]


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
class Model:
    """Base of every content class: each subclass becomes a frozen, keyword-only dataclass.

    Attribute docstrings become descriptions in the JSON Schema (see generator/schema.py).
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True, kw_only=True)(cls)


class Section(Model):
    """A titled block of prose, with optional bullet points."""

    id: Annotated[str, ID, IdOf("section")] | None = None
    """The heading's anchor (``page/#id``), for sections that other pages link to."""
    title: Text
    """Heading shown above the block."""
    paragraphs: Paragraphs
    """One or more paragraphs; inline Markdown allowed."""
    points: list[Text] = field(default_factory=list)
    """Optional bullet points shown after the paragraphs."""


class Page(Model):
    """Fields every page-sized content file starts with."""

    title: Text
    """The page title (its H1 and its name in the navigation)."""
    intro: Text
    """The opening paragraph; inline Markdown allowed."""
