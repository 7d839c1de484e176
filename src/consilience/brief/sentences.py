"""The story's sentences as the brief sees them: where a span's sentence is, and whether that
sentence may stand in the brief on its own.

Sentences are spaCy's (the ones claims are read from) when the articles' parses are given, so
a fact's claim span always falls inside one brief sentence; without parses, the shared text
splitter (`consilience.lang.sentences`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..config import BriefSettings
from ..lang.sentences import CLOSING_MARKS, SentenceBounds, sentence_bounds
from ..models import Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

SentenceKey = tuple[str, int, int]
"""(article id, start, end) of one sentence."""

# A sentence whose subject or speaker is a pronoun needs the sentence before it.
_DANGLING = re.compile(
    r"^[\"“‘']?(?:(?:but|and|however|still|yet|meanwhile|instead),?\s+)?"
    r"(?:he|she|they|it|this|these|those|his|her|their|its)\b"
    r"|[,”\"]\s+(?:he|she|they)\s+(?:said|says|added|told|noted|argued|stated|wrote)\b",
    re.IGNORECASE)


def dangling(text: str) -> bool:
    """Starts with a pronoun ('He said ...', 'This move ...') or quotes 'he said'."""
    return _DANGLING.search(text) is not None


def _only_a_quotation(text: str) -> bool:
    """A quotation without who said it, or a piece of a quotation that runs across sentences."""
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return True
    opening = text[0]
    if opening not in "\"“":
        return False
    close = text.find('"' if opening == '"' else "”", 1)
    return close < 0 or not any(char.isalnum() for char in text[close + 1:])


def eligible(article: Article, start: int, end: int,
             settings: BriefSettings = BriefSettings()) -> bool:
    """Whether the sentence article.text[start:end] may stand in the brief on its own."""
    if any(start < heading_end and heading_start < end
           for heading_start, heading_end in article.headings):
        return False
    text = article.text[start:end]
    if text.rstrip(CLOSING_MARKS).endswith("?"):
        return False
    if not settings.min_words <= len(text.split()) <= settings.max_words:
        return False
    first = text.lstrip(CLOSING_MARKS + "“‘«(")[:1]
    return not first.islower() and not _only_a_quotation(text)


class StorySentences:
    """Sentence lookup over the story's articles, each article split once (by its parse when
    `docs`, one per article in order, are given)."""

    def __init__(self, articles: Sequence[Article], docs: Sequence[Doc] | None = None,
                 settings: BriefSettings = BriefSettings()) -> None:
        self.settings = settings
        self.articles = {article.id: article for article in articles}
        self._docs = {article.id: doc for article, doc in zip(articles, docs, strict=True)} \
            if docs is not None else {}
        self._bounds: dict[str, SentenceBounds] = {}
        self._starts: dict[str, list[int]] = {}

    def bounds(self, article_id: str) -> SentenceBounds:
        if article_id not in self._bounds:
            article = self.articles.get(article_id)
            self._bounds[article_id] = sentence_bounds(
                article.text, self._docs.get(article_id)) if article else ()
            self._starts[article_id] = [start for start, _ in self._bounds[article_id]]
        return self._bounds[article_id]

    def index(self, span: Span) -> int | None:
        """The ordinal of the sentence holding the first non-blank character of `span`."""
        bounds = self.bounds(span.article)
        offset = span.start + len(span.text) - len(span.text.lstrip())
        position = bisect_right(self._starts[span.article], offset) - 1
        if position >= 0 and offset < bounds[position][1]:
            return position
        return position + 1 if position + 1 < len(bounds) else None

    def key(self, span: Span) -> SentenceKey | None:
        position = self.index(span)
        if position is None:
            return None
        start, end = self.bounds(span.article)[position]
        return span.article, start, end

    def text(self, key: SentenceKey) -> str:
        return self.articles[key[0]].text[key[1]:key[2]]

    def eligible(self, key: SentenceKey) -> bool:
        return eligible(self.articles[key[0]], key[1], key[2], self.settings)
