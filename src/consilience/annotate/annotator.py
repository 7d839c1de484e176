"""Run the shared pipeline over all articles at once, reusing cached parses."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Article
from .cache import DocCache

LOGGER = logging.getLogger(__name__)

HEADINGS = "consilience_headings"


@dataclass(frozen=True, slots=True)
class Annotated:
    docs: list[Doc]
    cached: int
    parsed: int


def _mark_headings(doc: Doc, article: Article) -> None:
    spans = [doc.char_span(start, end, alignment_mode="expand")
             for start, end in article.headings]
    doc.spans[HEADINGS] = [span for span in spans if span is not None]


def annotate(
    articles: Sequence[Article],
    nlp: Language,
    cache: DocCache | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> Annotated:
    """One Doc per article, in order: cached ones loaded, the rest parsed with one `nlp.pipe`."""
    if cache is not None:
        keys = DocCache.keys(nlp, (article.text for article in articles))
        found = cache.get_many(nlp, keys)
        docs: list[Doc | None] = [found.get(key) for key in keys]
    else:
        keys, docs = [""] * len(articles), [None] * len(articles)
    missing = [index for index, doc in enumerate(docs) if doc is None]
    if progress is not None and len(missing) < len(docs):
        progress(len(docs) - len(missing))
    parsed: list[tuple[str, Doc]] = []
    texts = (articles[index].text for index in missing)
    for index, doc in zip(missing, nlp.pipe(texts, batch_size=batch_size), strict=True):
        docs[index] = doc
        parsed.append((keys[index], doc))
        if progress is not None:
            progress(1)
    if cache is not None and parsed:
        cache.put_many(parsed)
    complete = [doc for doc in docs if doc is not None]
    for doc, article in zip(complete, articles, strict=True):
        _mark_headings(doc, article)
    LOGGER.info("annotated %d article(s): %d from cache, %d parsed",
                len(complete), len(complete) - len(parsed), len(parsed))
    return Annotated(complete, len(complete) - len(parsed), len(parsed))
