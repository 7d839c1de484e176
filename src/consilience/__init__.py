"""consilience: one news story from many outlets, every statement tied to source spans.

    >>> from consilience import analyze
    >>> analysis = analyze(["examples/japan-2plus2"])
    >>> analysis.story.title
"""

import importlib
from typing import TYPE_CHECKING, Any

from .about import __version__
from .config import AnalyzeConfig
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
from .render import render, story_dict

if TYPE_CHECKING:
    from .pipeline import analyze, analyze_raw

_LAZY = {"analyze": "pipeline", "analyze_raw": "pipeline"}
"""Names whose module loads on first use: the pipeline imports spaCy (about a second and a
few hundred MB), which `consilience serve`, `stories` and `check` never need. (`render` is
imported at once: its name is also the subpackage's, which a lazy import would rebind.)"""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
