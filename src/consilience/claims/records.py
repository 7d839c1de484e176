"""Claim records of an article: each claim span with its entities, quantities, dates and the
slots read off its parse. Headings are not claims (captions never reach the text)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc

from ..models import Article, Claim, EntityMentions, Quantity, Span
from .clauses import SPANS_KEY, mark_claims
from .quantities import find_quantities, format_quantity
from .reading import read_claim
from .sentences import claim_sentence_bounds
from .statuses import statuses_of

"""article id -> (start, end, entity id) of each entity mention in it."""
DateMentions = Mapping[str, Sequence[tuple[int, int, str | None]]]
"""article id -> (start, end, ISO value or None) of each temporal expression in it, as the
timeline stage normalised it ("2025-07-01", "2025-06-24/2025-06-25")."""


Item = TypeVar("Item")


def _within(items: Sequence[Item], starts: Sequence[int], start: int, end: int
            ) -> Sequence[Item]:
    """The items (sorted by their start, `starts`) that start in [start, end)."""
    return items[bisect_left(starts, start):bisect_left(starts, end)]


def _in_heading(article: Article, start: int, end: int) -> bool:
    return any(first <= start < last or first < end <= last for first, last in article.headings)


def _span(article: Article, start: int, end: int) -> Span:
    """The span of article.text[start:end] without white space at either end."""
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(article.id, start, end, text[start:end])


def article_claims(article: Article, doc: Doc, mentions: EntityMentions,
                   names: Mapping[str, str], dates: DateMentions | None = None) -> list[Claim]:
    """Every claim of one article. `names` maps entity ids to canonical names, which an
    attribution is given when its speaker is a known entity."""
    if SPANS_KEY not in doc.spans:
        mark_claims(doc)
    expressions = sorted((dates or {}).get(article.id, ()), key=lambda item: item[:2])
    article_mentions = sorted(mentions.get(article.id, ()))
    mention_starts = [first for first, _, _ in article_mentions]
    sentences = claim_sentence_bounds(doc)
    sentence_starts = [first for first, _ in sentences]
    expression_starts = [first for first, _, _ in expressions]
    claims: list[Claim] = []
    for number, claim in enumerate(doc.spans[SPANS_KEY]):
        start, end = claim.start_char, claim.end_char
        if _in_heading(article, start, end) or not article.text[start:end].strip():
            continue
        reading = read_claim(claim)
        excluded_chars = [(doc[index].idx, doc[index].idx + len(doc[index]))
                          for index in reading.excluded]

        def in_content(first: int, last: int, excluded: list[tuple[int, int]] = excluded_chars,
                       low: int = start, high: int = end) -> bool:
            return low <= first and last <= high and not any(
                a <= first < b for a, b in excluded)

        inside = [mention for mention in _within(article_mentions, mention_starts, start, end)
                  if in_content(mention[0], mention[1])]
        entities = tuple(dict.fromkeys(entity for _, _, entity in inside))
        entity_words = {word.casefold() for first, last, _ in inside
                        for word in article.text[first:last].split()}
        claim_dates = tuple(dict.fromkeys(
            value for first, last, value in _within(expressions, expression_starts, start, end)
            if value is not None and in_content(first, last)))
        date_ranges = [(first, last) for first, last, _ in expressions]
        quantities: tuple[Quantity, ...] = tuple(
            replace(quantity, normal=format_quantity(quantity))
            for quantity in find_quantities(article.text, article.id, start, end)
            if in_content(quantity.span.start, quantity.span.end)
            and not any(a < quantity.span.end and quantity.span.start < b
                        for a, b in date_ranges))
        attributed_to = None
        attribution = None
        if reading.attribution is not None:
            attribution = _span(article, *reading.attribution)
        if reading.speaker is not None:
            first, last = reading.speaker_head or reading.speaker
            named = next((names[entity] for a, b, entity in article_mentions
                          if a <= first and last <= b and entity in names), None)
            attributed_to = named or " ".join(article.text[slice(*reading.speaker)].split())
        predicate = reading.predicate.lemma_.casefold() + (
            f" {reading.particle}" if reading.particle else "")
        claims.append(Claim(
            span=_span(article, start, end),
            attributed_to=attributed_to,
            id=f"{article.id}-c{number + 1}",
            sentence=_span(article, *sentences[bisect_right(sentence_starts, start) - 1]),
            entities=entities,
            quantities=quantities,
            dates=claim_dates,
            predicate=predicate,
            predicate_class=reading.predicate_class,
            negated=reading.negated,
            modality=reading.modality,
            hedges=reading.hedges,
            attribution=attribution,
            terms=tuple(f"~{term}" if term in entity_words else term
                        for term in reading.terms),
            statuses=statuses_of(claim, reading.excluded,
                                 lambda first, last: _span(article, first, last)),
        ))
    return claims


def story_claims(articles: Sequence[Article], docs: Sequence[Doc], mentions: EntityMentions,
                 names: Mapping[str, str], dates: DateMentions | None = None) -> list[Claim]:
    """The claims of every article of a story, in article order."""
    return [claim for article, doc in zip(articles, docs, strict=True)
            for claim in article_claims(article, doc, mentions, names, dates)]
