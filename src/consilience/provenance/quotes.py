"""Quotes with their speakers: direct quotes (inside quotation marks, also partial ones within
a sentence) and indirect speech ("X said that ...", "according to X, ...").

A direct quote's speaker is the subject of the reporting verb of its sentence (or of the
sentence that introduces it with a colon, or of the one right after it: '"...," he said.');
indirect speech is a reporting verb's clausal complement. A speaker that is a pronoun is the
nearest person named before it; a speaker that is a story entity gets its canonical name;
otherwise the words that describe it ("a US defense official") are the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..models import Article, Quote, Span
from .quotations import find_quotations

EntityMentions = Mapping[str, Sequence[tuple[int, int, str]]]

CUE_VERBS = frozenset({
    "say", "tell", "add", "state", "write", "explain", "argue", "insist", "warn", "note",
    "remark", "claim", "declare", "announce", "report", "confirm", "deny", "reveal", "suggest",
    "ask", "reply", "respond", "answer", "continue", "conclude", "emphasize", "emphasise",
    "stress", "acknowledge", "admit", "comment", "describe", "call", "predict", "estimate",
    "recall", "assert", "maintain", "contend", "allege", "point", "tweet", "post", "quip",
    "joke", "vow", "promise", "urge", "believe", "think", "complain", "observe", "indicate",
    "boast", "demand", "sing", "chant", "shout", "scream", "yell", "exclaim", "muse", "concede",
    "counter", "retort", "scoff", "lament", "plead", "beg", "whisper", "wonder", "testify",
    "inform", "assure", "caution", "charge", "hint", "mention", "brag", "bristle", "snap",
})
_RELATIVES = frozenset({"who", "which", "that"})
_MIN_DIRECT_WORDS = 3
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "we", "it"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NOUN_CUT = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Speaker:
    token: Token
    span: tuple[int, int]  # the words naming the speaker


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _noun_phrase(token: Token) -> tuple[int, int]:
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in _NOUN_CUT or (child.dep_ == "prep" and child.lower_ not in ("of", "at")):
            break
        end = child.right_edge.i + 1
    return start, end


def _subject(verb: Token) -> Token | None:
    """The verb's subject, also after it ('said Smith') and through coordination."""
    current = verb
    for _ in range(4):
        subject = next((child for child in current.children if child.dep_ in _SUBJECTS), None)
        if subject is None:  # inverted: '"...," said Smith' parsed with Smith as an object
            subject = next((child for child in current.rights if child.pos_ == "PROPN"
                            and child.ent_type_ not in ("DATE", "TIME")
                            and child.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos")),
                           None)
        if subject is not None and subject.lower_ in _RELATIVES and \
                current.dep_ == "relcl":
            return current.head  # "an architect who said ...": the architect
        if subject is not None:
            return subject
        if current.dep_ not in ("conj", "xcomp", "advcl") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _cue_in(tokens: Sequence[Token], quoted: Container[int]) -> Token | None:
    """The reporting verb among `tokens` that is outside the quotation."""
    for token in tokens:
        if token.i in quoted or token.pos_ not in ("VERB", "AUX"):
            continue
        if token.lemma_.casefold() in CUE_VERBS:
            return token
    return None


def _according_to(tokens: Sequence[Token], quoted: Container[int]
                  ) -> tuple[Token, Token] | None:
    for token in tokens:
        if token.i in quoted or token.lower_ != "according":
            continue
        to = next((child for child in token.children if child.lower_ == "to"), None)
        target = next((child for child in to.children if child.dep_ == "pobj"), None) \
            if to is not None else None
        if target is not None:
            return token, target
    return None


def _sentences(doc: Doc) -> list[DocSpan]:
    return list(doc.sents)


def _sentence_index(sentences: Sequence[DocSpan], char: int) -> int:
    for number, sentence in enumerate(sentences):
        if sentence.start_char <= char < sentence.end_char:
            return number
    return len(sentences) - 1


def _speaker_of(cue: Token) -> _Speaker | None:
    subject = _subject(cue)
    if subject is None:
        return None
    start, end = _noun_phrase(subject)
    return _Speaker(subject, _char_range(cue.doc, start, end))


class _Resolver:
    """Canonical names for speakers: story entities, and pronouns to the person named last."""

    def __init__(self, article: Article, doc: Doc, mentions: EntityMentions | None,
                 names: Mapping[str, str] | None):
        self.names = names or {}
        self.mentions = sorted((mentions or {}).get(article.id, ()))
        self.people = [(ent.start_char, ent.end_char) for ent in doc.ents
                       if ent.label_ == "PERSON"]

    def entity_at(self, start: int, end: int) -> str | None:
        for first, last, entity in self.mentions:
            if (first <= start and end <= last) or (start <= first and last <= end):
                return entity
            if first >= end:
                break
        return None

    def resolve(self, speaker: _Speaker, text: str) -> tuple[str | None, str]:
        """(entity id, speaker text)."""
        token = speaker.token
        start, end = speaker.span
        if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
            before = [(first, last) for first, last in self.people if last <= token.idx]
            if before:
                first, last = before[-1]
                entity = self.entity_at(first, last)
                return entity, self.names.get(entity, text[first:last]) if entity \
                    else text[first:last]
            return None, token.text
        head_start, head_end = token.idx, token.idx + len(token.text)
        entity = self.entity_at(head_start, head_end)
        if entity is not None and entity in self.names:
            return entity, self.names[entity]
        return entity, " ".join(text[start:end].split())


def _span(article: Article, start: int, end: int) -> Span:
    text = article.text
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(article.id, start, end, text[start:end])


def _quoted_tokens(doc: Doc, quotations: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens inside any quotation: a cue is never one of the quoted words."""
    inside: set[int] = set()
    for start, end in quotations:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _direct_quotes(article: Article, doc: Doc, sentences: list[DocSpan],
                   resolver: _Resolver) -> list[Quote]:
    quotes = []
    quotations = find_quotations(article.text)
    all_quoted = _quoted_tokens(doc, quotations)
    for start, end in quotations:
        if len(_WORD.findall(article.text[start:end])) < _MIN_DIRECT_WORDS:
            continue  # a scare quote or a quoted name, not a statement
        quoted = all_quoted
        first = _sentence_index(sentences, start)
        last = _sentence_index(sentences, max(start, end - 1))
        candidates = [sentences[first]]
        if last != first:
            candidates.append(sentences[last])
        if first > 0 and sentences[first - 1].text.rstrip().endswith(":"):
            candidates.append(sentences[first - 1])
        if last + 1 < len(sentences):
            candidates.append(sentences[last + 1])
        cue = speaker = None
        according = None
        for number, sentence in enumerate(candidates):
            cue = _cue_in(list(sentence), quoted)
            if cue is not None and number > 0 and sentence.start_char >= end and any(
                    child.dep_ == "ccomp" for child in cue.children):
                cue = None  # the next sentence's own statement, not a '"...," she said' tag
            speaker = _speaker_of(cue) if cue is not None else None
            according = _according_to(list(sentence), quoted) if speaker is None else None
            if speaker is not None or according is not None:
                break
        cue_span = source_span = None
        entity = speaker_text = None
        if according is not None:
            cue_token, target = according
            a, b = _noun_phrase(target)
            speaker = _Speaker(target, _char_range(doc, a, b))
            cue_span = _according_span(article, cue_token)
        elif cue is not None:
            cue_span = _span(article, cue.idx, cue.idx + len(cue.text))
        if speaker is not None:
            source_span = _span(article, *speaker.span)
            entity, speaker_text = resolver.resolve(speaker, article.text)
        quotes.append(Quote(id="", span=_span(article, start, end), direct=True,
                            speaker=entity, speaker_text=speaker_text,
                            cue=cue_span.text if cue_span else None,
                            cue_span=cue_span, source_span=source_span))
    return _carry_speakers(quotes, sentences)


def _carry_speakers(quotes: list[Quote], sentences: list[DocSpan]) -> list[Quote]:
    """A quote with no cue of its own that follows right after another one ('"...," he said.
    "..."') continues the same speaker's words."""
    carried: list[Quote] = []
    for quote in quotes:
        previous = carried[-1] if carried else None
        if quote.speaker_text is None and previous is not None and \
                previous.speaker_text is not None and _sentence_index(
                    sentences, quote.span.start) - _sentence_index(
                    sentences, previous.span.end - 1) <= 2:
            quote = Quote(id="", span=quote.span, direct=True, speaker=previous.speaker,
                          speaker_text=previous.speaker_text, cue=previous.cue,
                          cue_span=previous.cue_span, source_span=previous.source_span)
        carried.append(quote)
    return carried


def _according_span(article: Article, according: Token) -> Span:
    """The words "according to"."""
    to = next((child for child in according.children if child.lower_ == "to"), according)
    return _span(article, according.idx, to.idx + len(to.text))


def _indirect_quotes(article: Article, doc: Doc, direct: list[Quote],
                     resolver: _Resolver) -> list[Quote]:
    taken = [(quote.span.start, quote.span.end) for quote in direct]

    def overlaps_direct(start: int, end: int) -> bool:
        return any(a < end and start < b and (min(end, b) - max(start, a)) > 0.5 * (end - start)
                   for a, b in taken)

    quotes = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.casefold() not in CUE_VERBS:
            continue
        content = next((child for child in token.children if child.dep_ == "ccomp"), None)
        if content is None:
            continue
        start, end = _char_range(doc, content.left_edge.i, content.right_edge.i + 1)
        if overlaps_direct(start, end) or len(_WORD.findall(article.text[start:end])) < 3:
            continue
        speaker = _speaker_of(token)
        entity = speaker_text = None
        source_span = None
        if speaker is not None:
            source_span = _span(article, *speaker.span)
            entity, speaker_text = resolver.resolve(speaker, article.text)
        cue_span = _span(article, token.idx, token.idx + len(token.text))
        quotes.append(Quote(id="", span=_span(article, start, end), direct=False,
                            speaker=entity, speaker_text=speaker_text, cue=cue_span.text,
                            cue_span=cue_span, source_span=source_span))
    for token in doc:
        if token.lower_ != "according":
            continue
        found = _according_to([token], range(0))
        if found is None:
            continue
        _, target = found
        sentence = token.sent
        phrase = range(token.i, target.right_edge.i + 1)
        rest = [item for item in sentence if item.i not in phrase and not item.is_punct]
        if len(rest) < 3:
            continue
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if overlaps_direct(start, end):
            continue
        a, b = _noun_phrase(target)
        speaker = _Speaker(target, _char_range(doc, a, b))
        entity, speaker_text = resolver.resolve(speaker, article.text)
        quotes.append(Quote(id="", span=_span(article, start, end), direct=False,
                            speaker=entity, speaker_text=speaker_text, cue="according to",
                            cue_span=_according_span(article, token),
                            source_span=_span(article, *speaker.span)))
    return quotes


def find_quotes(article: Article, doc: Doc, mentions: EntityMentions | None = None,
                names: Mapping[str, str] | None = None) -> list[Quote]:
    """Every direct quote and indirect report of speech in one article, in text order, with
    ids `<article>-q1`, `<article>-q2`, ..."""
    sentences = _sentences(doc)
    resolver = _Resolver(article, doc, mentions, names)
    direct = _direct_quotes(article, doc, sentences, resolver)
    quotes = direct + _indirect_quotes(article, doc, direct, resolver)
    quotes = [quote for quote in quotes if quote.span.text]
    quotes.sort(key=lambda quote: (quote.span.start, quote.span.end))
    return [Quote(id=f"{article.id}-q{number}", span=quote.span, direct=quote.direct,
                  speaker=quote.speaker, speaker_text=quote.speaker_text, cue=quote.cue,
                  cue_span=quote.cue_span, source_span=quote.source_span)
            for number, quote in enumerate(quotes, start=1)]
