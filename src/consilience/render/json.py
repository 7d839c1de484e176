"""The story as schema v1 JSON (`shared/schema/story.schema.json`)."""

from __future__ import annotations

import json
from typing import Any

from ..about import __title__, __version__
from ..models import (
    Alias,
    Article,
    BriefSentence,
    Citation,
    Claim,
    Conflict,
    Copy,
    Entity,
    Fact,
    Quantity,
    Quote,
    RemovedLine,
    Span,
    Story,
    TemporalExpression,
    TimelineEntry,
)

SCHEMA_VERSION = "1"


def span_dict(span: Span) -> dict[str, Any]:
    return {"article": span.article, "start": span.start, "end": span.end, "text": span.text}


def _removed(line: RemovedLine) -> dict[str, Any]:
    item: dict[str, Any] = {"text": line.text, "reason": line.reason, "line": line.line}
    if line.credit:
        item["credit"] = line.credit
    return item


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "outlet_hints": list(article.outlet_hints),
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "updated": article.updated,
        "language": article.language,
        "text": article.text,
        "headings": [span_dict(Span(article.id, start, end, article.text[start:end]))
                     for start, end in article.headings],
        "removed": [_removed(line) for line in article.removed],
    }


def _alias(alias: Alias) -> dict[str, Any]:
    return {"text": alias.text, "count": alias.count, "articles": list(alias.articles),
            "kind": alias.kind}


def entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "roles": list(entity.roles),
        "aliases": [_alias(alias) for alias in entity.aliases],
        "articles": list(entity.articles),
        "mentions": [span_dict(span) for span in entity.mentions],
    }


def quantity_dict(quantity: Quantity) -> dict[str, Any]:
    return {"value": quantity.value, "unit": quantity.unit, "kind": quantity.kind,
            "role": quantity.role, "span": span_dict(quantity.span)}


def claim_dict(claim: Claim) -> dict[str, Any]:
    """A claim: its span (the schema's claim fields) and the slots read off it."""
    return {
        **span_dict(claim.span),
        "attributed_to": claim.attributed_to,
        "id": claim.id,
        "attribution": span_dict(claim.attribution) if claim.attribution else None,
        "predicate": claim.predicate,
        "predicate_class": claim.predicate_class,
        "negated": claim.negated,
        "modality": claim.modality,
        "hedges": list(claim.hedges),
        "entities": list(claim.entities),
        "quantities": [quantity_dict(quantity) for quantity in claim.quantities],
        "dates": list(claim.dates),
        "statuses": [{"state": status.state, "thing": status.thing,
                      "span": span_dict(status.span)} for status in claim.statuses],
    }


def fact_dict(fact: Fact) -> dict[str, Any]:
    item: dict[str, Any] = {"id": fact.id, "text": fact.text, "status": fact.status,
                            "articles": list(fact.articles),
                            "span": span_dict(fact.span) if fact.span else None,
                            "claims": [claim_dict(claim) for claim in fact.claims]}
    if fact.independent_sources is not None:
        item["independent_sources"] = fact.independent_sources
        item["origins"] = list(fact.origins)
    return item


def conflict_dict(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id, "kind": conflict.kind, "summary": conflict.summary,
        "fact": conflict.fact, "change_over_time": conflict.change_over_time,
        "sides": [{"value": side.value, "articles": list(side.articles),
                   "attributed_to": list(side.attributed_to),
                   "spans": [span_dict(span) for span in side.spans]}
                  for side in conflict.sides],
    }


def quote_dict(quote: Quote) -> dict[str, Any]:
    return {**span_dict(quote.span), "id": quote.id, "direct": quote.direct,
            "speaker": quote.speaker, "speaker_text": quote.speaker_text, "cue": quote.cue,
            "same_as": list(quote.same_as)}


def timeline_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {"date": entry.date, "precision": entry.precision, "end": entry.end,
            "scheduled": entry.scheduled, "text": entry.text, "articles": list(entry.articles),
            "spans": [span_dict(span) for span in entry.spans]}


def date_dict(expression: TemporalExpression) -> dict[str, Any]:
    return {"span": span_dict(expression.span), "type": expression.type,
            "value": expression.value, "precision": expression.precision,
            "anchor": expression.anchor}


def citation_dict(citation: Citation) -> dict[str, Any]:
    return {"article": citation.article, "source": citation.source, "kind": citation.kind,
            "entity": citation.entity,
            "span": span_dict(citation.span) if citation.span is not None else None}


def copy_dict(copy: Copy) -> dict[str, Any]:
    return {"article": copy.article, "of_article": copy.of_article, "overlap": copy.overlap,
            "spans": [span_dict(span) for span in copy.spans],
            "of_spans": [span_dict(span) for span in copy.of_spans]}


def brief_dict(sentence: BriefSentence) -> dict[str, Any]:
    return {"text": sentence.text, "articles": list(sentence.articles),
            "facts": list(sentence.facts), "section": sentence.section,
            "span": span_dict(sentence.span) if sentence.span else None}


def story_dict(story: Story, model: str | None = None) -> dict[str, Any]:
    """The whole story as the schema v1 document."""
    generator: dict[str, Any] = {"name": __title__, "version": __version__}
    if model:
        generator["model"] = model
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": generator,
        "story": {"id": story.id, "title": story.title,
                  "articles": [article.id for article in story.articles],
                  "first": story.first, "last": story.last},
        "articles": [article_dict(article) for article in story.articles],
        "entities": [entity_dict(entity) for entity in story.entities],
        "facts": [fact_dict(fact) for fact in story.facts],
        "conflicts": [conflict_dict(conflict) for conflict in story.conflicts],
        "quotes": [quote_dict(quote) for quote in story.quotes],
        "timeline": [timeline_dict(entry) for entry in story.timeline],
        "dates": [date_dict(expression) for expression in story.dates],
        "citations": [citation_dict(citation) for citation in story.citations],
        "copies": [copy_dict(copy) for copy in story.copies],
        "brief": [brief_dict(sentence) for sentence in story.brief],
    }


def render_json(story: Story, model: str | None = None) -> str:
    return json.dumps(story_dict(story, model), ensure_ascii=False, indent=1) + "\n"
