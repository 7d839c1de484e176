"""The story back from its schema v1 document: the inverse of `render.json.story_dict`.

The web app keeps no Story objects: it reads the stored analysis (the JSON document) and
rebuilds the dataclasses from it, so a page is rendered without running any NLP. Fields the
document does not carry (a claim's sentence and terms, a quote's cue and source spans, a
quantity's normal form, the story's loose claims) come back as their defaults; every field the
document carries comes back, so `story_dict(story_from_document(document)) == document`.
Keys a document of an older consilience lacks get their defaults too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..models import (
    Alias,
    Article,
    BriefSentence,
    Citation,
    Claim,
    Conflict,
    ConflictSide,
    Copy,
    Entity,
    Fact,
    Quantity,
    Quote,
    RemovedLine,
    Span,
    Status,
    Story,
    TemporalExpression,
    TimelineEntry,
)

Document = Mapping[str, Any]


def span_from_dict(item: Document) -> Span:
    return Span(item["article"], int(item["start"]), int(item["end"]), item["text"])


def _span_or_none(item: Document | None) -> Span | None:
    return span_from_dict(item) if item else None


def _spans(items: Iterable[Document] | None) -> tuple[Span, ...]:
    return tuple(span_from_dict(item) for item in items or ())


def _strings(items: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(items or ())


def _removed(item: Document) -> RemovedLine:
    return RemovedLine(item["text"], item["reason"], item.get("line"), item.get("credit"))


def article_from_dict(item: Document) -> Article:
    """An article from its document dict (`render.json.article_dict`)."""
    return Article(
        id=item["id"], source=item["source"], text=item["text"], title=item.get("title"),
        url=item.get("url"), outlet=item.get("outlet"), byline=item.get("byline"),
        published=item.get("published"), updated=item.get("updated"),
        published_inferred=bool(item.get("published_inferred", False)),
        language=item.get("language"),
        removed=tuple(_removed(line) for line in item.get("removed") or ()),
        headings=tuple((int(span["start"]), int(span["end"]))
                       for span in item.get("headings") or ()),
        outlet_hints=_strings(item.get("outlet_hints")),
    )


def _alias(item: Document) -> Alias:
    return Alias(item["text"], int(item["count"]), _strings(item.get("articles")),
                 item.get("kind", "name"))


def entity_from_dict(item: Document) -> Entity:
    return Entity(id=item["id"], name=item["name"], type=item["type"],
                  aliases=tuple(_alias(alias) for alias in item.get("aliases") or ()),
                  articles=_strings(item.get("articles")),
                  mentions=_spans(item.get("mentions")), roles=_strings(item.get("roles")))


def quantity_from_dict(item: Document) -> Quantity:
    return Quantity(span=span_from_dict(item["span"]), value=item["value"], unit=item["unit"],
                    kind=item["kind"], role=item.get("role", "current"))


def claim_from_dict(item: Document) -> Claim:
    """A claim: its own span fields, then its slots (`render.json.claim_dict`)."""
    return Claim(
        span=span_from_dict(item), attributed_to=item.get("attributed_to"),
        id=item.get("id", ""), attribution=_span_or_none(item.get("attribution")),
        predicate=item.get("predicate"), predicate_class=item.get("predicate_class"),
        negated=bool(item.get("negated", False)), modality=item.get("modality", "asserted"),
        hedges=_strings(item.get("hedges")), entities=_strings(item.get("entities")),
        quantities=tuple(quantity_from_dict(q) for q in item.get("quantities") or ()),
        dates=_strings(item.get("dates")),
        statuses=tuple(Status(status["state"], status["thing"], span_from_dict(status["span"]))
                       for status in item.get("statuses") or ()),
    )


def fact_from_dict(item: Document) -> Fact:
    return Fact(id=item["id"], text=item["text"], status=item["status"],
                articles=_strings(item.get("articles")),
                claims=tuple(claim_from_dict(claim) for claim in item.get("claims") or ()),
                independent_sources=item.get("independent_sources"),
                span=_span_or_none(item.get("span")), origins=_strings(item.get("origins")))


def conflict_from_dict(item: Document) -> Conflict:
    sides = tuple(ConflictSide(value=side["value"], articles=_strings(side.get("articles")),
                               spans=_spans(side.get("spans")),
                               attributed_to=_strings(side.get("attributed_to")))
                  for side in item.get("sides") or ())
    return Conflict(id=item["id"], kind=item["kind"], summary=item["summary"], sides=sides,
                    fact=item.get("fact"),
                    change_over_time=bool(item.get("change_over_time", False)))


def quote_from_dict(item: Document) -> Quote:
    return Quote(id=item["id"], span=span_from_dict(item), direct=bool(item["direct"]),
                 speaker=item.get("speaker"), speaker_text=item.get("speaker_text"),
                 cue=item.get("cue"), same_as=_strings(item.get("same_as")))


def timeline_from_dict(item: Document) -> TimelineEntry:
    return TimelineEntry(date=item.get("date"), text=item["text"],
                         articles=_strings(item.get("articles")),
                         spans=_spans(item.get("spans")), precision=item.get("precision"),
                         end=item.get("end"), scheduled=bool(item.get("scheduled", False)))


def date_from_dict(item: Document) -> TemporalExpression:
    return TemporalExpression(span=span_from_dict(item["span"]), type=item["type"],
                              value=item.get("value"), precision=item.get("precision"),
                              anchor=item.get("anchor"))


def citation_from_dict(item: Document) -> Citation:
    return Citation(article=item["article"], source=item["source"], kind=item["kind"],
                    span=_span_or_none(item.get("span")), entity=item.get("entity"))


def copy_from_dict(item: Document) -> Copy:
    return Copy(article=item["article"], of_article=item["of_article"],
                overlap=item["overlap"], spans=_spans(item.get("spans")),
                of_spans=_spans(item.get("of_spans")))


def brief_from_dict(item: Document) -> BriefSentence:
    return BriefSentence(text=item["text"], articles=_strings(item.get("articles")),
                         facts=_strings(item.get("facts")), span=_span_or_none(item.get("span")),
                         section=item.get("section", "corroborated"))


def story_from_document(document: Document) -> Story:
    """The Story a schema v1 document describes (the model that made it is
    `document["generator"].get("model")`)."""
    head = document["story"]
    articles = tuple(article_from_dict(item) for item in document.get("articles") or ())
    return Story(
        id=str(head["id"]), title=head["title"], articles=articles,
        entities=tuple(entity_from_dict(item) for item in document.get("entities") or ()),
        facts=tuple(fact_from_dict(item) for item in document.get("facts") or ()),
        conflicts=tuple(conflict_from_dict(item) for item in document.get("conflicts") or ()),
        quotes=tuple(quote_from_dict(item) for item in document.get("quotes") or ()),
        timeline=tuple(timeline_from_dict(item) for item in document.get("timeline") or ()),
        dates=tuple(date_from_dict(item) for item in document.get("dates") or ()),
        citations=tuple(citation_from_dict(item) for item in document.get("citations") or ()),
        copies=tuple(copy_from_dict(item) for item in document.get("copies") or ()),
        brief=tuple(brief_from_dict(item) for item in document.get("brief") or ()),
        first=head.get("first"), last=head.get("last"),
    )


def document_model(document: Document) -> str | None:
    """The spaCy pipeline named in a document's generator, if any."""
    generator = document.get("generator") or {}
    model = generator.get("model") if isinstance(generator, Mapping) else None
    return str(model) if model else None
