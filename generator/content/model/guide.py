"""guide.yml: the title question, its short answer, the routes on from the home page, the conclusion."""

from __future__ import annotations

from typing import Annotated

from generator.content.fields import ID, IdOf, RefTo, Text, at_least
from generator.content.model.common import Model, Section


class Answer(Model):
    """The answer to the title question, shown in the home page's first screen."""

    verdict: Text
    """One or two words, such as "Yes"."""
    summary: Text
    """One sentence that answers the question."""
    how: Text
    """One sentence on what makes a decline go well."""


class Route(Model):
    """A way on from the home page."""

    id: Annotated[str, ID, IdOf("route")]
    title: Text
    text: Text
    page: Annotated[str, ID, RefTo("page")]
    """The id of the page this route leads to, such as `framework`."""


class Guide(Model):
    """The guide as a whole."""

    site_name: Text
    """The short name in the header, tab titles and printed footers."""
    title: Text
    """The question the guide answers; the home page's title."""
    description: Text
    """One sentence for search engines and link previews."""
    answer: Answer
    routes: Annotated[list[Route], at_least(1)]
    acceptable: Section
    """Why declining is professionally acceptable."""
    not_acceptable: Section
    """When declining becomes a problem."""
    conclusion: Section
