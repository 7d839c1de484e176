"""The story as HTML: a self-contained report (one file, no network) and the served story page,
both from the Jinja2 templates in `templates/` and the same view of the story."""

from __future__ import annotations

from collections.abc import Sequence

from ..about import __title__, __version__
from ..models import Problem, Story
from .templating import render_template
from .view import story_view

GENERATOR = f"{__title__} {__version__}"


def render_html(story: Story, model: str | None = None, problems: Sequence[Problem] = (),
                *, notice: str | None = None, nav: Sequence[tuple[str, str]] = (),
                article_url: str | None = None) -> str:
    """The story page. `notice` is a line shown above it (e.g. that the analysis is older than
    the story); `nav` the header links; `article_url` a pattern with `{id}` for links to each
    article's full text (the web app), else the report links to the article's own address."""
    view = story_view(story, model, problems, article_url)
    return render_template("story.html.j2", view=view, generator=GENERATOR, nav=list(nav),
                           notice=notice)
