"""Timeline: absolute dates for what articles say, and the story's dated events."""

from ..dates.normalise import Tense, normalise_expression
from ..dates.values import Precision, TimeValue
from .events import DateMentions, EntityMentions, build_timeline, date_mentions
from .expressions import Expression, event_dates, find_expressions, governing_verb, tense_of
from .published import infer_publication_dates, infer_published, published_anchor
from .timex import Timex, find_timexes, story_dates

__all__ = [
    "DateMentions",
    "EntityMentions",
    "Expression",
    "Precision",
    "Tense",
    "TimeValue",
    "Timex",
    "build_timeline",
    "date_mentions",
    "event_dates",
    "find_expressions",
    "find_timexes",
    "governing_verb",
    "infer_publication_dates",
    "infer_published",
    "normalise_expression",
    "published_anchor",
    "story_dates",
    "tense_of",
]

