"""Clean: article text without boilerplate, with title, byline, date and outlet recovered."""

from .boilerplate import ANYWHERE, EDGE, Verdict, judge
from .cleaner import clean_article, is_body_paragraph, is_heading_like
from .datelines import Dateline, normalise_date, parse_dateline
from .units import Unit, split_units

__all__ = [
    "ANYWHERE",
    "EDGE",
    "Dateline",
    "Unit",
    "Verdict",
    "clean_article",
    "is_body_paragraph",
    "is_heading_like",
    "judge",
    "normalise_date",
    "parse_dateline",
    "split_units",
]
