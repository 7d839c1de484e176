"""Clean: article text without boilerplate, with title, byline, date and outlet recovered."""

from .articles import check_publication_date, clean_all, clean_or_refuse, oversized
from .boilerplate import ANYWHERE, EDGE, Verdict, judge
from .cleaner import clean_article, is_body_paragraph, is_heading_like, looks_like_title
from .datelines import Dateline, normalise_date, parse_dateline
from .units import Unit, split_units

__all__ = [
    "ANYWHERE",
    "EDGE",
    "Dateline",
    "Unit",
    "Verdict",
    "check_publication_date",
    "clean_all",
    "clean_article",
    "clean_or_refuse",
    "is_body_paragraph",
    "is_heading_like",
    "judge",
    "looks_like_title",
    "normalise_date",
    "oversized",
    "parse_dateline",
    "split_units",
]
