"""The sentences claims belong to: the parse's sentences, with clause fragments joined to the
sentence they continue.

A parser cuts a sentence after a quoted question or exclamation ('"Is it over?" he asked.')
and inside a quotation that runs on ('... cut the budget. Why? To pay for the tax cut."'). The
pieces "he asked." and 'To pay for the tax cut."' are not sentences a reader can take alone:
each is joined to the sentence before it in its paragraph, so a fact never reads as a
fragment and every claim of the whole sentence shares one sentence span. A piece is a
fragment when it has a verb but does not stand as a sentence of its own:

- it starts in lower case ('he said, drawing laughter.', 'when he was in office.');
- it has no subject and is not a command ('To pay for it.', '"Has no furniture."');
- it is a bare reporting frame after a quotation, a speaker and a reporting verb with
  nothing reported ('"Is it over?" The senator asked.'); without a quotation before it,
  "The ministry did not comment." states something of its own.

A piece without any verb ("Why?", "A circus?") joins the fragment that follows it, on its way
to the sentence before both.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..lang.sentences import SentenceBounds, parsed_sentence_bounds
from ..syntax import VERB_POS, doc_text, is_reporting_verb

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "acomp", "oprd", "parataxis",
                            "conj", "dative"})
_COMMAND_TAGS = frozenset({"VB", "VBP"})
_CLOSING_QUOTES = frozenset("\"'”’»")


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    has_verb: bool  # whether the piece it starts with has a verb


def _words(span: DocSpan) -> list[Token]:
    return [token for token in span if not (token.is_punct or token.is_space)]


def _roots(span: DocSpan) -> list[Token]:
    """The tokens of `span` whose head is outside it or themselves."""
    return [token for token in span
            if token.head.i == token.i or not span.start <= token.head.i < span.end]


def _is_command(root: Token, first_word: Token) -> bool:
    """An imperative: "Stay in touch.", "Thank you.", not an infinitive "To pay for it."."""
    if root.tag_ not in _COMMAND_TAGS or (root.tag_ == "VBP" and root.i != first_word.i):
        return False
    return not any(child.tag_ == "TO" for child in root.children)


def _is_bare_frame(root: Token) -> bool:
    """A reporting verb with its speaker and nothing reported: "The senator said."."""
    return is_reporting_verb(root) and not any(child.dep_ in _REPORTED_DEPS
                                               for child in root.children)


def is_fragment(span: DocSpan, after_quotation: bool = False) -> bool:
    """Whether a sentence the parser found is a clause fragment of the one before it (see the
    module's docstring); `after_quotation`: the sentence before it ends with a quotation."""
    words = _words(span)
    if not any(token.pos_ in VERB_POS for token in words):
        return False
    first = words[0]
    if first.is_alpha and first.is_lower and first.pos_ != "PROPN" and not first.ent_type_:
        return True
    roots = _roots(span)
    has_subject = any(token.dep_ in _SUBJECT_DEPS and span.start <= token.head.i < span.end
                      for token in words)
    if not has_subject:
        return not any(_is_command(root, first) for root in roots)
    return after_quotation and len(roots) == 1 and _is_bare_frame(roots[0])


def _has_verb(span: DocSpan) -> bool:
    return any(token.pos_ in VERB_POS for token in span)


def claim_sentence_bounds(doc: Doc) -> SentenceBounds:
    """(start, end) of each sentence of `doc` (as `parsed_sentence_bounds` gives them), with
    every clause fragment joined to the sentence before it in the same paragraph."""
    text = doc_text(doc)
    pieces: list[_Piece] = []
    for start, end in parsed_sentence_bounds(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not pieces or "\n" in text[pieces[-1].end:start] \
                or not is_fragment(span, text[pieces[-1].end - 1] in _CLOSING_QUOTES):
            pieces.append(_Piece(start, end, span is not None and _has_verb(span)))
            continue
        first = len(pieces) - 1
        while first > 0 and not pieces[first].has_verb \
                and "\n" not in text[pieces[first - 1].end:pieces[first].start]:
            first -= 1
        joined = _Piece(pieces[first].start, end, pieces[first].has_verb)
        pieces[first:] = [joined]
    return tuple((piece.start, piece.end) for piece in pieces)
