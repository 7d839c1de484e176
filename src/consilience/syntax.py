"""Parse helpers over spaCy tokens, written once for every stage that reads attribution.

Claims, quotes and citations all ask the same questions of a parse: where a token range lies
in the text, which words make the noun phrase of a speaker, who the subject of a reporting
verb is, and which source an "according to X" or "as reported by X" names. Reading them with
one helper each is what makes the three agree on who said what.

Part of the shared layer: it imports only spaCy types and `consilience.lang`.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

from .lang.en.pronouns import RELATIVE_PRONOUNS
from .lang.en.verbs import REPORTING_VERBS, SOURCE_PASSIVE_VERBS

__all__ = [
    "NOUN_PHRASE_CUT",
    "SUBJECT_DEPS",
    "VERB_POS",
    "according_object",
    "according_to",
    "char_range",
    "doc_text",
    "is_reporting_verb",
    "name_range",
    "noun_phrase",
    "reported_by",
    "subject",
]

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc (spaCy joins every token anew on each access, and five
    readers of one parse want it)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


VERB_POS = frozenset({"VERB", "AUX"})
"""Parts of speech of a verb (a reporting "is" or "has" is tagged AUX)."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""Dependency labels of a clause's subject."""

NOUN_PHRASE_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"})
"""Dependents after a noun that end its phrase: a relative clause, an apposition, a comma."""

_KEPT_PREPOSITIONS = frozenset({"of", "at"})
"""Prepositions that stay in a noun phrase ("the head of the agency", "a source at X"); any
other ends it ("a spokesman for X said" names the spokesman)."""

_INVERTED_SUBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod", "oprd", "appos"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_SUBJECT_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl"})
_MAX_CLIMB = 4


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens [start, end) of `doc`, without trailing white space."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by `token`: its left dependents and
    the right ones up to a relative clause, apposition, comma or a preposition other than
    "of"/"at" ("a senior official of the ministry", not "..., who spoke on condition ...");
    punctuation on its left (an opening quotation mark) is left out."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in NOUN_PHRASE_CUT or (child.dep_ == "prep"
                                             and child.lower_ not in _KEPT_PREPOSITIONS):
            break
        end = child.right_edge.i + 1
    for child in token.lefts:
        if child.dep_ == "punct":
            start = max(start, child.i + 1)
    return start, end


def name_range(token: Token) -> tuple[int, int]:
    """Character range of the words naming `token`: the head with the proper-noun compounds
    and flat name parts before it ("Prime Minister Jane Doe" -> "Jane Doe" for "Doe")."""
    start = min([token.i] + [child.i for child in token.lefts
                             if child.dep_ in ("compound", "flat", "nmod")
                             and child.pos_ == "PROPN"])
    return char_range(token.doc, start, token.i + 1)


def subject(verb: Token) -> Token | None:
    """The subject of `verb`: its nsubj, else a proper noun after it that the parser took for an
    object ('"...," said Smith'), else the subject of the verb it is coordinated with or
    subordinate to ("... and added that", "..., adding that"). The subject of a relative
    clause is the noun the clause belongs to ("an official who said ...": the official)."""
    current = verb
    for _ in range(_MAX_CLIMB):
        found = next((child for child in current.children if child.dep_ in SUBJECT_DEPS), None)
        if found is None:
            found = next((child for child in current.rights if child.pos_ == "PROPN"
                          and child.ent_type_ not in _TIME_ENTITIES
                          and child.dep_ in _INVERTED_SUBJECT_DEPS), None)
        if found is not None and found.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
            return current.head
        if found is not None:
            return found
        if current.dep_ not in _SUBJECT_CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def is_reporting_verb(token: Token) -> bool:
    """Whether `token` is a verb that reports speech or writing ("said", "tweeted", "told")."""
    return token.pos_ in VERB_POS and token.lemma_.casefold() in REPORTING_VERBS


def according_object(token: Token) -> Token | None:
    """The source of "according to X" when `token` is its "according", else None."""
    if token.lower_ != "according":
        return None
    to = next((child for child in token.children if child.lower_ == "to"), None)
    if to is None:
        return None
    return next((child for child in to.children if child.dep_ == "pobj"), None)


def according_to(tokens: Iterable[Token], skip: Container[int] = ()
                 ) -> tuple[Token, Token] | None:
    """The first "according to X" among `tokens` (those whose index is in `skip`, such as
    quoted words, left out), as ("according", X)."""
    for token in tokens:
        if token.i in skip:
            continue
        source = according_object(token)
        if source is not None:
            return token, source
    return None


def reported_by(token: Token) -> Token | None:
    """The source of "as reported by X", "cited by X", "quoted by X", "forwarded by X" when
    `token` is that participle, else None."""
    if token.tag_ != "VBN" or token.lemma_.casefold() not in SOURCE_PASSIVE_VERBS:
        return None
    agent = next((child for child in token.children if child.dep_ == "agent"), None)
    if agent is None:
        return None
    return next((child for child in agent.children if child.dep_ == "pobj"), None)
