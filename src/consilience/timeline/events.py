"""The story timeline: each dated clause of each article, merged across articles when they
tell of the same dated event, in date order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..dates.values import TimeValue
from ..models import Article, EntityMentions, Span, TimelineEntry
from .expressions import find_expressions
from .published import published_anchor

_MAX_EVENT_TOKENS = 45
_MIN_SHARED = 0.2
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})
_LEADING_JUNK = re.compile(r"^[\s,;:–—-]*(?:and|but|while|as|so|then)?[\s,;:–—-]*", re.I)


@dataclass
class _Event:
    value: TimeValue
    spans: list[Span]
    entities: set[str]
    lemmas: set[str]
    scheduled: bool
    articles: list[str] = field(default_factory=list)


def _clause(doc: Doc, verb: int | None, start: int, end: int) -> DocSpan | None:
    """The clause a date belongs to: its verb's subtree within the sentence, or the
    sentence when that is short."""
    date_span = doc.char_span(start, end, alignment_mode="expand")
    if date_span is None:
        return None
    sentence = date_span.sent
    if verb is None or not (sentence.start <= verb < sentence.end):
        return sentence if len(sentence) <= _MAX_EVENT_TOKENS else None
    head = doc[verb]
    left = max(head.left_edge.i, sentence.start)
    right = min(head.right_edge.i + 1, sentence.end)
    clause = doc[left:right]
    if len(clause) > _MAX_EVENT_TOKENS:
        clause = doc[max(left, date_span.start - 20):min(right, date_span.end + 20)]
    while len(clause) and (clause[-1].is_punct or clause[-1].is_space):
        clause = clause[:-1]
    while len(clause) and (clause[0].is_punct or clause[0].is_space
                           or clause[0].lower_ in ("and", "but", "while")
                           or (clause[0].lower_ == "that" and clause[0].dep_ == "mark")):
        clause = clause[1:]
    return clause if len(clause) else None


def _in_heading(article: Article, start: int) -> bool:
    return any(first <= start < last for first, last in article.headings)


DateMentions = dict[str, list[tuple[int, int, str | None]]]
"""article id -> (start, end, normalised value) of each temporal expression in it."""


def date_mentions(articles: Sequence[Article], docs: Sequence[Doc]) -> DateMentions:
    """Every temporal expression of every article with its ISO value ("2025-07-01", a range
    as "2025-06-24/2025-06-25"), None when it cannot be normalised."""
    found: DateMentions = {}
    for article, doc in zip(articles, docs, strict=True):
        anchor = published_anchor(article.published)
        found[article.id] = [
            (expression.start, expression.end,
             None if expression.value is None else expression.value.value
             + (f"/{expression.value.end}" if expression.value.end else ""))
            for expression in find_expressions(doc, anchor)]
    return found


def dated_events(article: Article, doc: Doc, mentions: EntityMentions) -> list[_Event]:
    """The article's dated clauses (one per clause, the first date of a clause wins)."""
    anchor = published_anchor(article.published)
    events: list[_Event] = []
    seen: set[tuple[int, int]] = set()
    for expression in find_expressions(doc, anchor):
        if expression.value is None or _in_heading(article, expression.start):
            continue
        clause = _clause(doc, expression.verb, expression.start, expression.end)
        if clause is None or (clause.start_char, clause.end_char) in seen:
            continue
        seen.add((clause.start_char, clause.end_char))
        text = article.text[clause.start_char:clause.end_char]
        entities = {entity for start, end, entity in mentions.get(article.id, ())
                    if clause.start_char <= start and end <= clause.end_char}
        lemmas = {token.lemma_.casefold() for token in clause if token.pos_ in _CONTENT_POS
                  and not token.is_stop and token.ent_type_ != "DATE"}
        scheduled = expression.tense == "future" or (
            anchor is not None and expression.value.start_date > anchor)
        events.append(_Event(expression.value, [Span(article.id, clause.start_char,
                                                     clause.end_char, text)],
                             entities, lemmas, scheduled, [article.id]))
    return events


def _same_event(left: _Event, right: _Event) -> bool:
    if (left.value.value, left.value.end) != (right.value.value, right.value.end):
        return False
    if left.entities & right.entities and len(left.entities & right.entities) >= min(
            2, len(left.entities), len(right.entities)):
        return True
    union = left.lemmas | right.lemmas
    return bool(union) and len(left.lemmas & right.lemmas) / len(union) >= _MIN_SHARED


def build_timeline(articles: Sequence[Article], docs: Sequence[Doc],
                   mentions: EntityMentions) -> list[TimelineEntry]:
    """Dated events of all articles, merged across articles, sorted by date."""
    merged: list[_Event] = []
    for article, doc in zip(articles, docs, strict=True):
        for event in dated_events(article, doc, mentions):
            twin = next((other for other in merged if article.id not in other.articles
                         and _same_event(other, event)), None)
            if twin is None:
                merged.append(event)
                continue
            twin.spans.extend(event.spans)
            twin.articles.extend(event.articles)
            twin.entities |= event.entities
            twin.lemmas |= event.lemmas
            twin.scheduled = twin.scheduled and event.scheduled
    merged.sort(key=lambda event: (event.value.value, event.value.end or "",
                                   event.spans[0].article, event.spans[0].start))
    return [TimelineEntry(
        date=event.value.value,
        text=_LEADING_JUNK.sub("", max(event.spans, key=lambda span: len(span.text)).text),
        articles=tuple(dict.fromkeys(event.articles)),
        spans=tuple(event.spans),
        precision=event.value.precision,
        end=event.value.end,
        scheduled=event.scheduled,
    ) for event in merged]
