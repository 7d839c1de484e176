"""consilience: one news story from many outlets, every statement tied to source spans.

    >>> from consilience import analyze
    >>> analysis = analyze(["examples/japan-2plus2"])
    >>> analysis.story.title
"""

from .about import __version__
from .errors import ConsilienceError
from .models import (
    Alias,
    Analysis,
    Article,
    BriefSentence,
    Citation,
    Claim,
    Conflict,
    ConflictSide,
    Copy,
    Entity,
    Fact,
    Mention,
    Problem,
    Quote,
    RawArticle,
    RemovedLine,
    Span,
    Story,
    TimelineEntry,
)
from .pipeline import AnalyzeConfig, analyze, analyze_raw
from .render import render, story_dict

__all__ = [
    "Alias",
    "Analysis",
    "AnalyzeConfig",
    "Article",
    "BriefSentence",
    "Citation",
    "Claim",
    "Conflict",
    "ConflictSide",
    "ConsilienceError",
    "Copy",
    "Entity",
    "Fact",
    "Mention",
    "Problem",
    "Quote",
    "RawArticle",
    "RemovedLine",
    "Span",
    "Story",
    "TimelineEntry",
    "__version__",
    "analyze",
    "analyze_raw",
    "render",
    "story_dict",
]
