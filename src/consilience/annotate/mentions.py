"""Entity mentions of a parsed article as records with character spans."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..lang.en.names import GROUP_HEADS, MEMBER_GROUP_HEADS, OWNED_BODY_HEADS
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
    ("Like Governor Hale has refused ...", "Meet ..."): the first word of a sentence (after
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


_GROUP_MODIFIER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
"""Tags of the names that make a group noun after them a group of their own: a person's ("the
Marsh campaign"), a body's ("White House officials"), a party's ("Democratic lawmakers").
A place's are not ("Texas lawmakers" stay the place and a common noun)."""

_GROUP_MODIFIER_POS = frozenset({"PROPN", "NOUN", "ADJ"})


def _group_modifier(token: Token) -> bool:
    """A word of the proper modifier before a group noun: a capitalised word of a person's, a
    body's or a party's name, or an untagged capitalised word inside a sentence ("Internet
    companies"; a sentence's first word is capitalised whatever it is: "Federal authorities")."""
    if not token.text[:1].isupper() or token.is_punct:
        return False
    if token.ent_type_:
        return token.ent_type_ in _GROUP_MODIFIER_LABELS
    if token.pos_ not in _GROUP_MODIFIER_POS or token.i == token.sent.start:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_punct or before.is_quote) and not is_honorific(token.text)


def _owned_body(doc: Doc, start: int, head: int) -> bool:
    """A body that belongs to the person or people named before it: "the Marsh campaign", "the
    Chinese government"; not a thing done on or about a name ("a Facebook campaign", "the
    Medicare campaign"): "the" before a person's or a people's name."""
    return start > 0 and doc[start - 1].lower_ == "the" and any(
        doc[index].ent_type_ in ("PERSON", "NORP") for index in range(start, head))


def group_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of groups news names by a common noun after a proper modifier: "the Marsh
    campaign", "the Doyle administration" (a person's organisation, not the person),
    "Democratic lawmakers", "Internet companies" (`GROUP_HEADS`); a person's organisation only
    as "the" <person> <body> (`_owned_body`). The head is a lower-case
    noun outside any tagged name; a possessive ("Hale's campaign") or a word between them
    ("Republican presidential candidates") makes no group."""
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.pos_ != "NOUN" or token.ent_type_ or not token.text.islower() \
                or token.text not in GROUP_HEADS:
            continue
        start = token.i
        while start > token.sent.start and _group_modifier(doc[start - 1]):
            start -= 1
        if start == token.i or doc[start].ent_iob_ == "I":
            continue  # no modifier, or a name that begins before it
        if token.text in OWNED_BODY_HEADS and not _owned_body(doc, start, token.i):
            continue
        found.append((start, token.i + 1))
    return found


def extract_mentions(article: Article, doc: Doc) -> list[Mention]:
    """Named-entity mentions in reading order, each with its sentence index. A group named by a
    common noun after a proper modifier (`group_spans`) is one mention in place of the names
    inside it: an organisation (ORG) when its head is a body, a group of people (NORP, as
    spaCy tags "Republicans") when its head names members."""
    sentence_index = {sent.start: number for number, sent in enumerate(doc.sents)}
    mentions: list[Mention] = []
    groups = group_spans(doc)
    for first, last in groups:
        span = doc[first:last]
        start, end = _trim(article.text, span.start_char, span.end_char)
        # members ("Democratic lawmakers") are a group of people, as a party's members
        # ("Republicans") are; a person's campaign or administration is an organisation
        label = "NORP" if span[-1].text in MEMBER_GROUP_HEADS else "ORG"
        mentions.append(Mention(Span(article.id, start, end, article.text[start:end]), label,
                                sentence_index.get(span.sent.start, 0)))
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or any(first <= ent.start and ent.end <= last
                                                for first, last in groups):
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
    if groups:
        mentions.sort(key=lambda mention: mention.span.start)
    return mentions

