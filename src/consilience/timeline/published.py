"""When an article was published, if it does not say: inferred from what it says and from
the other articles of its story. Without evidence the answer is None."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc

from ..dates.normalise import normalise_expression
from ..dates.values import TimeValue, day
from ..isodates import parse_iso
from ..models import Article
from ..syntax import doc_text
from .expressions import find_expressions

# A wire dateline opening the text: "WASHINGTON, June 21 (Reuters) -", "TOKYO (AP) — ".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40},?\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2})\b")
_NOW = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight|currently|now under "
                  r"way|under way|unfolding|ongoing)\b", re.IGNORECASE)
_MAX_GAP = timedelta(days=10)


def infer_published(doc: Doc, story_dates: Sequence[str | None] = ()) -> TimeValue | None:
    """The most likely publication day of an undated article, or None.

    Evidence, strongest first: a wire dateline with a day; the story's dated articles (the
    latest one not contradicted by the dates this article places in the past, or the one its
    "today"/"currently" events fall on); the latest day this article dates an event it
    reports in the past tense.
    """
    known = sorted(found for found in (parse_iso(value) for value in story_dates) if found)
    # Year-less dates are placed against the story's latest date while there is one.
    undated = find_expressions(doc, known[-1] if known else None)
    years = [int(expression.value.value[:4]) for expression in undated
             if expression.value is not None]
    text = doc_text(doc)
    dateline = _DATELINE.match(text)
    if dateline:
        anchor = known[-1] if known else (date(max(years), 12, 31) if years else None)
        if anchor is not None:
            # The dateline's day falls on or before the latest date the article can have.
            placed = normalise_expression(dateline.group("date"), anchor, "past")
            if placed is not None and placed.precision == "day":
                return placed
    horizon = known[-1] + _MAX_GAP if known and known[-1] < date.max - _MAX_GAP else date.max
    past_days = [expression.value.start_date for expression in undated
                 if expression.value is not None and expression.value.precision == "day"
                 and expression.value.end is None and expression.tense == "past"
                 and expression.value.start_date <= horizon]
    said_now = _NOW.search(text) is not None
    now_days = [expression.value.start_date for expression in undated
                if expression.value is not None and expression.value.precision == "day"
                and expression.tense == "present" and said_now]
    if known and any(expression.value is not None for expression in undated):
        # It dates something: the story's dates are then the evidence to place it with.
        floor = max(past_days, default=None)
        fitting = [candidate for candidate in known if floor is None or candidate >= floor]
        if now_days:
            near = [candidate for candidate in fitting
                    if any(abs((candidate - now).days) <= 1 for now in now_days)]
            if near:
                return day(near[0])
        if fitting:
            return day(fitting[0] if floor is not None else known[-1])
        if floor is not None:
            return day(floor)
    # Alone, a past date is no evidence of when the article appeared ("Sept. 11, 2001"); a
    # full date whose weekday the text also gives ("on Tuesday, June 5, 2016") is.
    recent = [found for found in past_days if _weekday_named(text, found)]
    return day(max(recent)) if recent else None


def _weekday_named(text: str, found: date) -> bool:
    weekday = found.strftime("%A")
    return bool(re.search(rf"\b{weekday}\b,?\s+\w+\.?\s+{found.day}\b", text)
                or re.search(rf"\b{weekday}\s*\(", text))


def published_anchor(published: str | None) -> date | None:
    """The date part of an ISO publication date, for normalising against."""
    return parse_iso(published)


def infer_publication_dates(articles: Sequence[Article], docs: Sequence[Doc]) -> list[Article]:
    """The articles, each undated one given the date the evidence points to (marked
    `published_inferred`), or left undated when there is none."""
    known = [article.published for article in articles if article.published]
    dated = []
    for article, doc in zip(articles, docs, strict=True):
        if article.published is None:
            inferred = infer_published(doc, known)
            if inferred is not None:
                article = replace(article, published=inferred.value, published_inferred=True)
        dated.append(article)
    return dated
