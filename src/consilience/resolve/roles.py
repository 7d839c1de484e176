"""Roles and titles said of a mention in its sentence: "Defense Secretary X", "X, the
Pentagon's third-ranking official"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lang.en.stopwords import STOPWORDS
from ..lang.en.titles import (
    FORMS_OF_ADDRESS,
    MILITARY_RANKS,
    RANK_ABBREVIATIONS,
    ROLE_QUALIFIERS,
)
from .names import CONNECTORS, fold, is_title_word, similarity

_NATIONALITY_LABELS = frozenset({"NORP", "GPE"})
_ROLE_PREPOSITIONS = frozenset({"of", "for"})
_MAX_ROLE_TOKENS = 8
# Forms of address and ranks say how a person is addressed, not which post they hold: "General
# X" and "X, the army chief" do not disagree. They are left out when roles are compared.
_ADDRESS = FORMS_OF_ADDRESS | MILITARY_RANKS | RANK_ABBREVIATIONS | ROLE_QUALIFIERS


_ROLE_CONNECTORS = frozenset({"of", "for", "the"})
_ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


def _title_before(doc: Doc, span: Span) -> str | None:
    """The title run right before the name ("US Secretary of State X" -> "Secretary of
    State"): title words, organisation names inside them and 'of'/'for'; it stops at a
    name, a lower-case word or punctuation."""
    index = span.start - 1
    run: list[Token] = []
    while index >= 0 and not (doc[index].is_sent_end and index != span.start - 1):
        token = doc[index]
        if token.is_punct or token.ent_type_ == "PERSON":
            break
        if not (is_title_word(token.text) or token.lower_ in _ROLE_CONNECTORS
                or (token.text[:1].isupper() and token.ent_type_ in _ORGANISATION_LABELS)):
            break
        run.insert(0, token)
        index -= 1
    while run and (run[0].lower_ in CONNECTORS or (run[0].ent_type_ in _NATIONALITY_LABELS
                                                    and not is_title_word(run[0].text))):
        run.pop(0)
    while run and run[-1].lower_ in CONNECTORS:
        run.pop()
    if not run or not any(is_title_word(token.text) for token in run):
        return None
    return doc[run[0].i:run[-1].i + 1].text


def _apposition(span: Span) -> str | None:
    """The noun phrase in apposition to the name: "X, the city's mayor" -> "city's mayor"."""
    for token in span.root.children:
        if token.dep_ != "appos" or token.i < span.end:
            continue
        start = token.left_edge.i
        end = token.i + 1
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _ROLE_PREPOSITIONS:
                end = child.right_edge.i + 1
        tokens = [t for t in span.doc[start:end] if not t.is_punct or t.text in "-'’"]
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens.pop(0)
        if tokens and len(tokens) <= _MAX_ROLE_TOKENS:
            return span.doc[tokens[0].i:tokens[-1].i + 1].text
    return None


def roles_of(doc: Doc, start: int, end: int, titles: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Roles said of the mention at [start, end): its own titles, a title run before it and
    an apposition after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    found: list[str] = []
    if titles:
        found.append(" ".join(title for title in titles if fold(title) not in CONNECTORS))
    if span is not None and len(span):
        for role in (_title_before(doc, span), _apposition(span)):
            if role:
                found.append(role)
    return tuple(dict.fromkeys(role for role in found if role))


def role_words(roles: tuple[str, ...] | list[str] | set[str]) -> set[str]:
    """The content words of roles, folded: what two roles are compared on."""
    words: set[str] = set()
    for role in roles:
        for word in fold(role).replace("'s", " ").replace("’s", " ").split():
            word = word.strip(".,;:'’\"")
            if word and word not in STOPWORDS and word not in _ADDRESS \
                    and not any(char.isdigit() for char in word):  # "Smith, 40": an age
                words.add(word)
    return words


def roles_agree(left: set[str], right: set[str]) -> bool | None:
    """True when two role-word sets share a word (allowing spelling variants: defence =
    defense), False when both are known and share none, None when either is unknown."""
    if not left or not right:
        return None
    return any(a == b or (len(a) > 4 and similarity(a, b) >= 0.9) for a in left for b in right)
