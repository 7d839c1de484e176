"""Citations: every place an article credits another news organisation for its information,
typed by how ("X reported", "according to X", "told X", "X cited", "forwarded X's report", a
wire or photo credit kept from cleaning), with the cited outlet canonicalised through the
story's entities (acronyms included, as the entity stage links them). "The report" with no
author named is the outlet cited last before it. An official, a government or anyone else
speaking is a quote's speaker (`quotes`), not a citation: citations say who cites whom.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from ..lang.en.sources import DOCUMENT_NOUNS, NEWS_WORDS
from ..lang.en.verbs import reporting_class
from ..models import Article, Citation, CitationKind, EntityMentions, Quote, Span
from ..syntax import reported_by

_KIND_OF_CLASS: dict[str, CitationKind] = {
    "publish": "reported", "reveal": "reported", "cite": "cited", "forward": "forwarded",
    "tell": "told",
}
"""How a source is credited, by the class of the reporting verb that cites it (see
`lang.en.verbs`); other classes credit it as "other"."""
_CITING_TYPES = frozenset({"ORG"})
_PUBLISHING_KINDS = frozenset({"reported", "forwarded", "cited"})
"""Kinds whose verb says the cited body published ("X reported that", "X forwarded")."""
_CREDIT_REASONS = frozenset({"caption", "wire", "credit", "photo"})
"""Removed lines whose credit names where material came from (a byline names the author)."""


class _Entities:
    def __init__(self, article: Article, mentions: EntityMentions | None,
                 names: Mapping[str, str] | None, types: Mapping[str, str] | None):
        self.mentions = sorted((mentions or {}).get(article.id, ()))
        self.names = names or {}
        self.types = types or {}

    def covering(self, start: int, end: int) -> str | None:
        """The entity whose mention covers [start, end)."""
        return next((entity for first, last, entity in self.mentions
                     if first <= start and end <= last), None)

    def naming(self, doc: Doc, start: int, end: int) -> str | None:
        """The entity the phrase at [start, end) names: the one covering its head word ("Kyodo
        News of Japan" is Kyodo News, "a US official" is no entity), or, for a report noun,
        its author ("a report by the Financial Times")."""
        phrase = doc.char_span(start, end, alignment_mode="expand")
        if phrase is None or not len(phrase):
            return None
        head = phrase.root
        if head.lemma_.casefold() in DOCUMENT_NOUNS:
            author = next((grand for child in head.children if child.lower_ in ("by", "from")
                           for grand in child.children if grand.dep_ == "pobj"), None) or next(
                (child for child in head.children if child.dep_ in ("compound", "poss")
                 and child.pos_ == "PROPN"), None)
            if author is not None:
                head = author
        entity = self.covering(head.idx, head.idx + len(head.text))
        first = min((start for start, end, name in self.mentions if name == entity
                     and start <= head.idx < end), default=head.idx)
        if any(child.dep_ == "compound" and child.pos_ == "PROPN" and child.idx < first
               for child in head.children):
            return None  # "Nikkei Asia" is not the place "Asia" its last word names
        return entity


def _span(article: Article, start: int, end: int) -> Span:
    return Span(article.id, start, end, article.text[start:end])


def _is_news(text: str, name: str) -> bool:
    """Whether the words name a news organisation or a person who reports ("the Financial
    Times", "a Reuters reporter")."""
    return any(word.casefold().strip(".,'’()").removesuffix("'s").removesuffix("’s")
               in NEWS_WORDS for word in f"{text} {name}".split())


def _is_citation(kind: CitationKind, text: str, entity: str | None,
                 entities: _Entities, proper: bool) -> bool:
    """Whether crediting `text` cites a news organisation: one named so ("The Times",
    "Reuters"), or a body that the verb says published ("X reported", "as reported by X":
    an organisation, or a name no entity holds, `proper`). An official, a government or a
    person speaking is a quote's speaker, not a citation of another outlet."""
    if _is_news(text, entities.names.get(entity, "") if entity else ""):
        return True
    if kind not in _PUBLISHING_KINDS:
        return False
    return entities.types.get(entity) in _CITING_TYPES if entity is not None else proper


def _is_proper(doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase is a name ("Nikkei Asia"), not a description ("two officials")."""
    phrase = doc.char_span(start, end, alignment_mode="expand")
    return phrase is not None and len(phrase) > 0 and phrase.root.pos_ == "PROPN"


def _names_a_report(doc: Doc, start: int, end: int) -> bool:
    """A definite report with no author named: "the report", "this report"."""
    phrase = doc.char_span(start, end, alignment_mode="expand")
    if phrase is None or not len(phrase):
        return False
    head = phrase.root
    return head.lemma_.casefold() in DOCUMENT_NOUNS and head.tag_ != "NNS" and any(
        child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in head.children)


def _told_outlet(doc: Doc, cue: Span) -> Token | None:
    """The outlet in "told Reuters" or "confirmed to Reuters": the one a cue verb says was
    told, when it names a news organisation or a reporter ("told the Financial Times", "told
    CNN's Jane Roe"), not whoever else was told ("told the Senate", "told reporters")."""
    token = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if token is None or not len(token):
        return None
    if token[0].lemma_ == "tell":
        told = next((child for child in token[0].children if child.dep_ in ("dobj", "dative")
                     and child.pos_ in ("PROPN", "NOUN")), None)
    elif token[0].pos_ == "VERB" and token[0].lemma_ != "accord":  # "confirmed to Reuters"
        told = next((grand for child in token[0].children
                     if child.dep_ in ("prep", "dative") and child.lower_ == "to"
                     for grand in child.children
                     if grand.dep_ == "pobj" and grand.pos_ in ("PROPN", "NOUN")), None)
    else:  # "according to X" is not telling X
        return None
    if told is None:
        return None
    phrase = list(told.subtree)
    named = any(word.pos_ == "PROPN" for word in phrase)
    news = any(word.lower_.strip(".") in NEWS_WORDS or word.lemma_.casefold() in NEWS_WORDS
               for word in phrase)
    return told if named and news else None


def find_citations(article: Article, doc: Doc, quotes: Sequence[Quote],
                   mentions: EntityMentions | None = None,
                   names: Mapping[str, str] | None = None,
                   types: Mapping[str, str] | None = None) -> list[Citation]:
    """The article's citations, in text order, from its quotes (their cues and sources) and
    the credits its cleaning kept."""
    entities = _Entities(article, mentions, names, types)
    citations: list[Citation] = []
    seen: set[tuple[str, int]] = set()

    def add(kind: CitationKind, start: int, end: int) -> None:
        entity = entities.naming(doc, start, end)
        text = " ".join(article.text[start:end].split())
        if (text, start) in seen:
            return
        if entity is None and _names_a_report(doc, start, end):
            # "according to the report", "The report stated": the outlet cited before it
            earlier = max((item for item in citations if item.span and item.span.start < start),
                          key=lambda item: item.span.start if item.span else -1, default=None)
            if earlier is None:
                return
            source, entity = earlier.source, earlier.entity
        elif _is_citation(kind, text, entity, entities, _is_proper(doc, start, end)):
            source = entities.names.get(entity, text) if entity else text
        else:
            return
        seen.add((text, start))
        citations.append(Citation(article=article.id, source=source, kind=kind,
                                  span=_span(article, start, end), entity=entity))

    _reported_by(article, doc, add)
    for quote in quotes:
        if quote.cue_span is None:
            continue
        cue = quote.cue_span.text.casefold()
        outlet = _told_outlet(doc, quote.cue_span)
        if outlet is not None:
            left = outlet.left_edge
            add("told", left.idx, outlet.idx + len(outlet.text))
        if quote.source_span is None:
            continue
        if cue.startswith("according"):
            add("according-to", quote.source_span.start, quote.source_span.end)
            continue
        token = doc.char_span(quote.cue_span.start, quote.cue_span.end, alignment_mode="expand")
        lemma = token[0].lemma_ if token is not None and len(token) else cue
        kind = _KIND_OF_CLASS.get(reporting_class(lemma) or "")
        if kind == "told":
            kind = None  # the speaker told someone: the outlet is cited above
        add(kind or "other", quote.source_span.start, quote.source_span.end)
    for start, end in _wire_credits(article.text):
        add_credit = Citation(article=article.id, source=article.text[start:end], kind="other",
                              span=_span(article, start, end),
                              entity=_entity_named(article.text[start:end], entities))
        if (add_credit.source, start) not in seen:
            seen.add((add_credit.source, start))
            citations.append(add_credit)
    for line in article.removed:
        if line.credit and line.reason in _CREDIT_REASONS:
            citations.append(Citation(article=article.id, source=line.credit, kind="other",
                                      span=None, entity=_entity_named(line.credit, entities)))
    citations.sort(key=lambda citation: citation.span.start if citation.span else -1)
    return citations


_WIRES = r"AP|Associated Press|Reuters|AFP|Agence France-Presse|UPI|Bloomberg|Xinhua|Kyodo|DPA"
_WIRE_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Za-z .,'-]{1,60}\((" + _WIRES + r")\)\s*[-–—]")
_CONTRIBUTED = re.compile(r"\b(" + _WIRES + r")\b[^.\n]{0,40}\bcontributed to this report")
_REPORTING_BY = re.compile(r"\((?:Additional )?[Rr]eporting by [^)\n]{2,120}\)")
_HAT_TIP = re.compile(r"\b(?:h/t|H/T|hat tip)[:\s]+([A-Z][\w.&' -]{1,40})")


def _wire_credits(text: str) -> list[tuple[int, int]]:
    """Where the text credits a wire service or another outlet: a wire dateline ("CITY (AP)
    —"), "AP contributed to this report", "(Reporting by ...)", "h/t Outlet"."""
    found = []
    dateline = _WIRE_DATELINE.search(text[:800])
    if dateline:
        found.append(dateline.span(1))
    for pattern in (_CONTRIBUTED, _HAT_TIP):
        found.extend(match.span(1) for match in pattern.finditer(text))
    found.extend(match.span() for match in _REPORTING_BY.finditer(text))
    return found


def _reported_by(article: Article, doc: Doc, add) -> None:  # type: ignore[no-untyped-def]
    """"as reported by X", "X's report", "X first reported" outside quotes."""
    for token in doc:
        target = reported_by(token)
        if target is not None:
            add("reported", target.left_edge.idx, target.idx + len(target.text))
        if token.lemma_ == "forward" and token.pos_ == "VERB":
            # "X forwarded the report": X passes on another outlet's report
            forwarder = next((child for child in token.children if child.dep_ == "nsubj"), None)
            if forwarder is not None:
                end = max(item.idx + len(item.text) for item in forwarder.subtree)
                add("forwarded", forwarder.left_edge.idx, end)


def _entity_named(text: str, entities: _Entities) -> str | None:
    folded = text.casefold()
    return next((entity for entity, name in entities.names.items()
                 if name.casefold() == folded), None)
