"""Timeline: absolute dates for what articles say, and the story's dated events."""

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..models import Article
from .events import EntityMentions, build_timeline
from .expressions import Expression, event_dates, find_expressions, governing_verb, tense_of
from .normalise import Tense, normalise_expression
from .published import infer_published, published_anchor
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
