"""Cleaning a set of raw articles for one analysis or one ingest: each cleaned once, a repeated
text kept once (W102), one over the size limit skipped (E111), an impossible publication date
dropped (W105) and a dateline that contradicts the metadata reported (W104)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..config import MAX_ARTICLE_CHARS
from ..errors import ConsilienceError, Errors, NothingToAnalyseError, Warnings
from ..ids import article_id
from ..models import Article, Problem, RawArticle
from ..text import displayable
from .cleaner import clean_article
from .datelines import parse_dateline


def oversized(article: Article, limit: int) -> Problem | None:
    """E111 for an article whose clean text is over `limit` characters."""
    if len(article.text) <= limit:
        return None
    return Errors.E111.problem(article.source, size=len(article.text), limit=limit)


def clean_all(raws: Sequence[RawArticle], max_chars: int = MAX_ARTICLE_CHARS
              ) -> tuple[list[Article], list[Problem]]:
    """Clean every raw article; a bad one is reported and skipped, a repeated text kept once,
    one over `max_chars` characters reported (E111) and skipped."""
    articles: list[Article] = []
    problems: list[Problem] = []
    first_source: dict[str, str] = {}
    for raw in raws:
        identifier = article_id(raw.text)
        if identifier in first_source:
            problems.append(Warnings.W102.problem(
                displayable(raw.source), other=displayable(first_source[identifier])))
            continue
        try:
            article = clean_article(raw, identifier)
        except ConsilienceError as error:
            problems.append(Problem(displayable(error.path or raw.source), error.code,
                                    error.message, line=error.line))
            continue
        first_source[identifier] = raw.source
        if (too_large := oversized(article, max_chars)) is not None:
            problems.append(too_large)
            continue
        article, warnings = check_publication_date(article)
        problems.extend(warnings)
        articles.append(article)
    return articles, problems


def check_publication_date(article: Article) -> tuple[Article, list[Problem]]:
    """Drop an impossible publication date (future, before 1900) and report a dateline that
    contradicts the metadata; the metadata wins."""
    problems: list[Problem] = []
    published = article.published
    if published and not ("1900" <= published[:10] <= (date.today() + timedelta(days=1))
                          .isoformat()):
        problems.append(Warnings.W105.problem(article.source, value=published))
        article = replace(article, published=None)
    for line in article.removed:
        stated = parse_dateline(line.text) if line.reason == "dateline" else None
        if stated and stated.value and not stated.updated and article.published and \
                len(stated.value) >= 10 and len(article.published) >= 10 and \
                abs((date.fromisoformat(stated.value[:10])
                     - date.fromisoformat(article.published[:10])).days) > 1:
            problems.append(Warnings.W104.problem(
                article.source, metadata=article.published, text=stated.value))
    return article, problems


def clean_or_refuse(raws: Sequence[RawArticle], max_chars: int, problems: list[Problem]
                    ) -> list[Article]:
    """`clean_all`, its problems appended to `problems`; NothingToAnalyseError (E110), carrying
    every problem, when no article is left to analyse."""
    articles, cleaning_problems = clean_all(raws, max_chars)
    problems.extend(cleaning_problems)
    if not articles:
        failed = sum(1 for problem in problems if problem.severity == "error")
        raise NothingToAnalyseError(Errors.E110.format(count=max(failed, len(raws))),
                                    problems=tuple(problems))
    return articles
