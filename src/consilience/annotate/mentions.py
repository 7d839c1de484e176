"""Entity mentions of a parsed article as records with character spans."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..lang.en.titles import is_honorific
from ..models import Article, Mention, Span

# Labels that name things; dates, times, numbers and amounts are values, handled elsewhere.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
     "LANGUAGE"}
)

def _with_honorific(doc: Doc, ent: DocSpan) -> int:
    """Start of the person mention including an adjacent honorific or rank before it ("Mr.
    Smith", "General Lee"): the tagger often starts the name after it."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent.start_char
    before = doc[ent.start - 1]
    if is_honorific(before.text) and before.text[:1].isupper() and before.whitespace_ == " " \
            and not before.ent_type_:
        return before.idx
    return ent.start_char


_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "INTJ", "PRON",
                           "ADV"})
"""Tags of a sentence's opening word that is no part of a name ("The" is: "The Justice
Department")."""


def _without_opening_word(doc: Doc, ent: DocSpan, start: int) -> int:
    """Start of a mention less a sentence's opening word the tagger took into the name
    ("Like Governor Romney has refused ...", "Meet ..."): the first word of a sentence (after
    any quotation mark) tagged as a preposition, verb or the like, before a capitalised
    rest."""
    if len(ent) < 2 or start != ent.start_char:
        return start
    first, rest = ent[0], ent[1]
    opens = all(token.is_punct for token in doc[first.sent.start:first.i])
    if opens and first.pos_ in _NOT_NAME_POS and rest.text[:1].isupper() and \
            not is_honorific(first.text):
        return rest.idx
    return start


# Quotation marks and brackets the tagger sometimes takes into a name.
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}*_ \n\t"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without edge quotes and brackets, and without a possessive ending (Japan's -> Japan)."""
    if end - start > 2 and text[end - 2:end] in ("'s", "’s"):
        end -= 2
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
        start, end = _trim(article.text,
                           _without_opening_word(doc, ent, _with_honorific(doc, ent)),
                           ent.end_char)
        if start >= end:
            continue
        text = article.text[start:end]
        if not any(char.isupper() or char.isdigit() for char in text):
            continue  # English names are capitalised: a lower-case "name" is a tagger error
        sentence = sentence_index.get(ent.sent.start, 0)
        mentions.append(Mention(Span(article.id, start, end, text),
                                ent.label_, sentence))
    return mentions

