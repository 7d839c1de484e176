"""Entity mentions of a parsed article as records with character spans."""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Article, Mention, Span

# Labels that name things; dates, times, numbers and amounts are values, handled elsewhere.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
     "LANGUAGE"}
)

# Quotation marks and brackets the tagger sometimes takes into a name.
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}*_ \n\t"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        if text[end - 1] in "’'" and end - 1 > start and text[end - 2] in "sS":
            break  # keep a plural possessive (Allies') as the tagger gave it
        end -= 1
    return start, end


def extract_mentions(article: Article, doc: Doc) -> list[Mention]:
    """Named-entity mentions in reading order, each with its sentence index."""
    sentence_index = {sent.start: number for number, sent in enumerate(doc.sents)}
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = _trim(article.text, ent.start_char, ent.end_char)
        if start >= end:
            continue
        text = article.text[start:end]
        sentence = sentence_index.get(ent.sent.start, 0)
        mentions.append(Mention(Span(article.id, start, end, text),
                                ent.label_, sentence))
    return mentions

