"""What a claim says became of a thing: "cancelled the meeting", "the postponed talks",
"tariffs imposed on cars", "these tariffs are on hold", "announced his absence from the
summit". The conflicts stage compares these across outlets."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from ..lang.en.modality import FALSE_WORDS
from ..lang.en.predicates import STATE_CLASSES, predicate_class
from ..lang.en.sources import REPORTED_SPEECH_NOUNS
from ..lang.en.verbs import DENYING_VERBS, NEGATING_VERBS
from ..models import Span, Status

_OBJECTS = ("dobj", "nsubjpass", "attr")
_PREPOSITIONS = ("in", "at", "from", "of", "to", "for", "on")
_THING_POS = frozenset({"NOUN", "PROPN"})
_TIME_TYPES = frozenset({"DATE", "TIME"})

def _is_thing(token: Token | None) -> bool:
    return token is not None and token.pos_ in _THING_POS and token.ent_type_ not in _TIME_TYPES


def _thing_of_verb(verb: Token) -> str:
    for child in verb.children:
        if child.dep_ in _OBJECTS and _is_thing(child):
            return child.lemma_.casefold()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _PREPOSITIONS:
            target = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
            if _is_thing(target):
                return target.lemma_.casefold()  # type: ignore[union-attr]
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == verb.i + 1):
            for grand in child.children:
                if grand.dep_ == "prep":
                    target = next((item for item in grand.children if item.dep_ == "pobj"), None)
                    if _is_thing(target):
                        return target.lemma_.casefold()  # type: ignore[union-attr]
    return ""


def _thing_of_noun(noun: Token) -> str:
    """What an event noun is said of: "absence from the summit", also when the parser hangs
    the preposition on the verb ("announced his absence | from the summit")."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _PREPOSITIONS:
                target = next((grand for grand in child.children if grand.dep_ == "pobj"),
                              None)
                if target is not None and target.pos_ in _THING_POS and \
                        target.ent_type_ not in _TIME_TYPES:
                    return target.lemma_.casefold()
    return ""


def _denied(token: Token) -> bool:
    """Inside what someone denies or calls false: "denied reports that the meeting was
    cancelled", "the claim that it was postponed is false"."""
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_ in DENYING_VERBS or any(
                child.dep_ == "acomp" and child.lower_ in FALSE_WORDS
                for child in current.children):
            return True
    return False


def _negated(token: Token) -> bool:
    """Negated itself ("did not cancel"), the complement of a negated or negating verb
    ("refused to call off", "did not want to cancel"), or denied."""
    if any(child.dep_ == "neg" for child in token.children) or _denied(token):
        return True
    current = token
    while current.dep_ == "xcomp" and current.head.i != current.i:
        current = current.head
        if current.lemma_ in NEGATING_VERBS or any(child.dep_ == "neg"
                                                   for child in current.children):
            return True
    return False


def _particle(verb: Token) -> Token | None:
    """The verb's particle, also when the parser takes it for a preposition ("pulled out
    of the talks")."""
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == verb.i + 1
                                   and predicate_class(verb.lemma_, child.lower_)
                                   not in (None, predicate_class(verb.lemma_))):
            return child
    return None


def _copula_subject(token: Token) -> str:
    """The subject of "X is on hold" / "X remains suspended"."""
    verb = token
    while verb.dep_ in ("pobj", "prep", "acomp", "advmod") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")),
                   None)
    return subject.lemma_.casefold() if subject is not None and subject.pos_ in _THING_POS \
        else ""


def read_statuses(claim: DocSpan, excluded: Iterable[int]) -> list[tuple[str, str, int, int]]:
    """(state, thing, start char, end char) for each status the claim states."""
    skip = set(excluded)
    found: list[tuple[str, str, int, int]] = []
    for token in claim:
        if token.i in skip:
            continue
        if token.lower_ == "hold" and token.i > 0 and token.doc[token.i - 1].lower_ == "on":
            start = token.doc[token.i - 1].idx
            found.append(("on-hold", _copula_subject(token.doc[token.i - 1]), start,
                          token.idx + len(token)))
            continue
        particle_token = _particle(token)
        particle = particle_token.lower_ if particle_token is not None else None
        state = predicate_class(token.lemma_, particle)
        if state not in STATE_CLASSES or _negated(token):
            continue
        if token.pos_ in ("VERB", "AUX"):
            if token.dep_ in ("amod", "acl") and token.head.pos_ in _THING_POS and \
                    token.head.lemma_ not in REPORTED_SPEECH_NOUNS:
                thing = token.head.lemma_.casefold()
            else:
                thing = _thing_of_verb(token)
        elif token.pos_ == "NOUN":
            thing = _thing_of_noun(token)
        elif token.pos_ == "ADJ" and token.head.pos_ in _THING_POS:
            thing = token.head.lemma_.casefold()
        else:
            continue
        end = token.idx + len(token)
        if particle_token is not None and predicate_class(token.lemma_, particle) != \
                predicate_class(token.lemma_):
            end = max(end, particle_token.idx + len(particle_token))
        found.append((state, thing, token.idx, end))
    return found


def statuses_of(claim: DocSpan, excluded: Iterable[int], make_span: Callable[[int, int], Span]
                ) -> tuple[Status, ...]:
    """The claim's statuses as records; `make_span(start, end)` gives the Span."""
    return tuple(Status(state, thing, make_span(start, end))
                 for state, thing, start, end in read_statuses(claim, excluded))
