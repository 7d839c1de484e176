"""Timeline: absolute dates for what articles say, and the story's dated events."""

from .events import EntityMentions, build_timeline
from .expressions import Expression, event_dates, find_expressions, governing_verb, tense_of
from .normalise import Tense, normalise_expression
from .published import infer_publication_dates, infer_published, published_anchor
from .values import Precision, TimeValue

__all__ = [
    "EntityMentions",
    "Expression",
    "Precision",
    "Tense",
    "TimeValue",
    "build_timeline",
    "event_dates",
    "find_expressions",
    "governing_verb",
    "infer_publication_dates",
    "infer_published",
    "normalise_expression",
    "published_anchor",
    "tense_of",
]

