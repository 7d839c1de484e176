"""Dates said in words, placed on the calendar: the shared layer for the stages that read them
(the timeline dates what articles report; story clustering compares the days two articles
say their event happened)."""

from .normalise import Tense, is_anaphoric, normalise_expression
from .values import Precision, TimeValue

__all__ = ["Precision", "Tense", "TimeValue", "is_anaphoric", "normalise_expression"]
