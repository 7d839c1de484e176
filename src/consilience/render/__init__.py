"""Render: the story as JSON (schema v1), Markdown or HTML, and the contract every output
keeps."""

from collections.abc import Sequence

from ..models import Problem, Story
from .contract import check_contract, contract_violations, iter_spans
from .html import render_html
from .json import SCHEMA_VERSION, render_json, story_dict
from .markdown import escape, render_markdown

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "check_contract",
    "contract_violations",
    "escape",
    "iter_spans",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "story_dict",
]

FORMATS = ("json", "md", "html")


def render(story: Story, fmt: str, model: str | None = None,
           problems: Sequence[Problem] = ()) -> str:
    """The story in `fmt` (json, md or html), after checking it keeps the output contract."""
    document = story_dict(story, model)
    check_contract(document)
    if fmt == "md":
        return render_markdown(story, model, problems)
    if fmt == "html":
        return render_html(story, model, problems)
    return render_json(story, model)
