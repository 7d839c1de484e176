"""Split sentences into claims at clause boundaries: the `consilience_claims` spaCy component.

A sentence that states several things ("Tokyo cancelled the meeting after Washington raised
its demand") gives one claim per clause. A clause is split off only where its subtree sits at
the edge of the claim it is cut from, so every claim is one contiguous span of the sentence.
Questions are not claims, and neither are fragments without a verb.

The component runs in the pipeline that `load_pipeline` builds (see `components`), after the
parser and the attribute ruler; its spans are saved with the Doc in the annotation cache. The
claims stage reads them from `doc.spans["consilience_claims"]`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

CLAIMS = "consilience_claims"
SPANS_KEY = "consilience_claims"

_SUBORDINATORS = frozenset({
    "after", "as", "while", "because", "since", "although", "though", "when", "before",
    "whereas", "until", "once", "following",
})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_MIN_TOKENS = 4
_EDGE_WORDS = frozenset({"and", "but", "so", "yet", "then", "or", "plus", ","})


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for child in token.children)


def _splits_here(token: Token) -> bool:
    """Whether `token` heads a clause that states something on its own."""
    if token.pos_ not in _CLAUSE_POS and token.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    if token.dep_ == "conj":
        return token.head.pos_ in _CLAUSE_POS or _has_subject(token)
    if token.dep_ == "advcl":
        marks = {child.lower_ for child in token.children if child.dep_ in ("mark", "advmod")}
        return _has_subject(token) and bool(marks & _SUBORDINATORS)
    if token.dep_ == "relcl":
        # a non-restrictive relative clause (", where ...", ", which ...") adds a statement
        left = token.left_edge
        return left.i > 0 and token.doc[left.i - 1].text == "," and _has_subject(token)
    return False


def _content_tokens(doc: Doc, start: int, end: int) -> int:
    return sum(1 for token in doc[start:end] if not (token.is_punct or token.is_space))


def _has_own_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether the range holds a subject together with the verb it is the subject of: a
    clause that stands on its own, not a fragment left by a misparse."""
    return any(token.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
               and start <= token.head.i < end for token in doc[start:end])


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    return any(token.pos_ in _CLAUSE_POS for token in doc[start:end])


_OPENING = frozenset({"“", "«", "„"})
_CLOSING = frozenset({"”", "»"})
_STRAIGHT = '"'


def _inside_quotation(sentence: DocSpan) -> set[int]:
    """Indexes of the tokens between double quotation marks: a quotation is never split.
    (Single quotes are left out: they are too often apostrophes.)"""
    inside: set[int] = set()
    open_quote = False
    for token in sentence:
        text = token.text
        if text in _OPENING or text in _CLOSING or text == _STRAIGHT:
            open_quote = True if text in _OPENING else False if text in _CLOSING \
                else not open_quote
            continue
        if open_quote:
            inside.add(token.i)
    return inside


def clause_ranges(sentence: DocSpan) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the claims of one sentence, in order."""
    doc = sentence.doc
    segments = [(sentence.start, sentence.end)]
    quoted = _inside_quotation(sentence)
    heads = sorted((token for token in sentence if _splits_here(token) and token.i not in quoted
                    and token.left_edge.i not in quoted),
                   key=lambda token: token.left_edge.i)
    for head in heads:
        low = max(head.left_edge.i, sentence.start)
        high = min(head.right_edge.i + 1, sentence.end)
        if head.dep_ == "conj":  # the conjunction and comma before it go with it
            while low > sentence.start and doc[low - 1].dep_ in ("cc", "punct") \
                    and doc[low - 1].head.i in (head.head.i, head.i):
                low -= 1
        for index, (start, end) in enumerate(segments):
            if not start <= low < end:
                continue
            tail = end
            while tail > high and (doc[tail - 1].is_punct or doc[tail - 1].is_space):
                tail -= 1
            if high >= tail and low > start:  # at the right edge
                parts = [(start, low), (low, end)]
                need_subject = [parts[0]]
            elif low == start and high < end:  # at the left edge
                parts = [(start, high), (high, end)]
                need_subject = parts
            else:
                break
            if all(_content_tokens(doc, a, b) >= _MIN_TOKENS and _has_verb(doc, a, b)
                   for a, b in parts) and all(_has_own_subject(doc, a, b)
                                              for a, b in need_subject):
                segments[index:index + 1] = parts
            break
    return [_trim(doc, start, end) for start, end in segments]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Without the conjunctions and punctuation at either end (a final full stop or closing
    quotation mark stays)."""
    while start < end - 1 and (doc[start].is_space or doc[start].lower_ in _EDGE_WORDS
                               or (doc[start].is_punct and not doc[start].is_quote)):
        start += 1
    while end > start + 1 and (doc[end - 1].is_space or (
            doc[end - 1].is_punct and doc[end - 1].text in (",", ";", ":", "-", "–", "—"))):
        end -= 1
    return start, end


def is_question(sentence: DocSpan) -> bool:
    text = sentence.text.rstrip(" \"'”’)»\n")
    return text.endswith("?")


# It also reads token.pos, which the attribute ruler sets without declaring it: requiring it
# would make `nlp.analyze_pipes` report a problem that is not one.
@Language.component(CLAIMS, assigns=["doc.spans"],
                    requires=["doc.sents", "token.dep", "token.tag"])
def mark_claims(doc: Doc) -> Doc:
    """Put each claim of the document in `doc.spans["consilience_claims"]`."""
    claims = []
    for sentence in doc.sents:
        if is_question(sentence) or not _has_verb(doc, sentence.start, sentence.end):
            continue
        for start, end in clause_ranges(sentence):
            if _content_tokens(doc, start, end) >= 2:
                claims.append(doc[start:end])
    doc.spans[SPANS_KEY] = claims
    return doc
