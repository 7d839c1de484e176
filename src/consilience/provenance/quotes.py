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
from bisect import bisect_right
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..lang.en.given_names import given_name_gender
from ..lang.en.names import GENDERED_HONORIFICS
from ..lang.en.pronouns import (
    FEMININE,
    MASCULINE,
    PERSON_NOUNS,
    SPEAKER_PRONOUNS,
    noun_gender,
)
from ..lang.en.sources import BODY_NOUNS, ISSUED_NOUNS
from ..lang.en.titles import (
    OFFICE_TITLES,
    ROLE_QUALIFIERS,
    TITLE_ABBREVIATIONS,
    is_title_word,
)
from ..models import Article, EntityMentions, Quote, Span
from ..syntax import (
    according_object,
    according_to,
    char_range,
    is_reporting_verb,
    noun_phrase,
    subject,
)
from .quotations import find_quotations

_MIN_DIRECT_WORDS = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Speaker:
    token: Token
    span: tuple[int, int]  # the words naming the speaker


def _cue_in(tokens: Sequence[Token], quoted: Container[int],
            quotation: tuple[int, int] = (0, 0)) -> Token | None:
    """The reporting verb among `tokens` that is outside the quotations: the one the
    quotation (`quotation`, its characters) depends on when there is one ('Calling him a
    "coward," Mr. Vance told his rival to "leave..."': told, not calling), else the first."""
    verbs = [token for token in tokens if token.i not in quoted and is_reporting_verb(token)]
    start, end = quotation
    inside = [token for token in tokens if start <= token.idx < end]
    for verb in verbs:
        if any(verb.i in {ancestor.i for ancestor in token.ancestors} for token in inside):
            return verb
    return verbs[0] if verbs else None


def _sentences(doc: Doc) -> list[DocSpan]:
    return list(doc.sents)


def _sentence_index(sentences: Sequence[DocSpan], char: int) -> int:
    for number, sentence in enumerate(sentences):
        if sentence.start_char <= char < sentence.end_char:
            return number
    return len(sentences) - 1


def _speaker_of(cue: Token) -> _Speaker | None:
    found = subject(cue)
    if found is None:
        return None
    return _Speaker(found, char_range(cue.doc, *noun_phrase(found)))


_HONORIFIC_BEFORE = re.compile(r"\b(" + "|".join(GENDERED_HONORIFICS) + r")\.?\s+$",
                               re.IGNORECASE)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_SENTENCES_BACK = 2
_CHAIN_SENTENCES = 4
"""A pronoun speaker is the speaker credited up to this many sentences before, when no other
person has been made the subject of a sentence since."""
_ISSUED_SENTENCES_BACK = 8
"""How far back "the statement said" looks for "X said in a statement" (past a long quote)."""


@dataclass(frozen=True, slots=True)
class _Person:
    """A person named in the article's own words (not inside a quotation)."""

    start: int
    end: int
    sentence: int
    subject: bool  # the subject of its clause
    leads: bool = False  # the subject of its sentence's main clause


class _Resolver:
    """Canonical names for speakers: story entities, and a pronoun ("he said") to the person
    it stands for.

    A pronoun's person is looked for in its sentence and the two before, among the people the
    article names in its own words (a name inside the quoted words is what the speaker talks
    about), of the pronoun's gender where it is known (the given name of the person's
    canonical name, "Mrs. Reyes", or an earlier "she said" of her): the speaker credited
    just before, when there is one, else the latest person who is the subject of a clause,
    else the latest person named."""

    def __init__(self, article: Article, doc: Doc, mentions: EntityMentions | None,
                 names: Mapping[str, str] | None, types: Mapping[str, str] | None = None):
        self.names = names or {}
        self.text = article.text
        self.mentions = sorted((mentions or {}).get(article.id, ()))
        quotations = find_quotations(article.text)
        self.sentence_starts = sentence_starts = [sentence.start for sentence in doc.sents]
        types = types or {}
        # a name the parser tagged PERSON that the story knows as something else ("Twitter")
        # is not a person
        named = [ent for ent in doc.ents if ent.label_ == "PERSON" and types.get(
            self.entity_at(ent.start_char, ent.end_char) or "", "PERSON") == "PERSON"]
        # a story person the parser did not tag in this sentence ("Alder, who ..., intends")
        people = {entity for entity, kind in types.items() if kind == "PERSON"}
        self.bodies = {entity for entity, kind in types.items() if kind == "ORG"}
        named += _untagged_people(doc, self.mentions, people, named)
        self.people = sorted(
            (_Person(name.start_char, name.end_char,
                     bisect_right(sentence_starts, name.start) - 1,
                     name.root.dep_ in _SUBJECT_DEPS,
                     name.root.dep_ in _SUBJECT_DEPS and name.root.head.dep_ == "ROOT")
             for name in named
             if not any(start <= name.start_char and name.end_char <= end
                        for start, end in quotations)),
            key=lambda person: person.start)
        here = {entity for _, _, entity in self.mentions}  # the article's, not the story's
        self.genders: dict[str, str] = {
            entity: gender for entity in here if (name := self.names.get(entity))
            and types.get(entity, "PERSON") == "PERSON" and len(name.split()) > 1
            and (gender := given_name_gender(name.split()[0]))}
        for first, _, entity in self.mentions:
            honorific = _HONORIFIC_BEFORE.search(article.text[max(0, first - 6):first])
            if honorific is not None:
                self.genders[entity] = GENDERED_HONORIFICS[honorific.group(1).casefold()]
        self.last_speaker: tuple[int, str | None, str] | None = None  # (sentence, entity, text)

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
        if token.lower_ in SPEAKER_PRONOUNS and token.pos_ == "PRON":
            found = self._pronoun(token)
        else:
            head_start, head_end = token.idx, token.idx + len(token.text)
            entity = self.entity_at(head_start, head_end)
            named = self._appositive(token) if entity is None else None
            if entity is not None and entity in self.names:
                found = entity, self.names[entity]
            elif named is not None:
                # "the Republican leader, Michael Thibodeau, said": the name beside it
                found = named, self.names[named]
            elif entity is None and _issued(token) and (issuer := self._issuer(token)):
                # "the statement said": whoever the article said issued it ("X said in a
                # statement", "X released an ad")
                found = issuer
            elif entity is None and _describes_a_body(token) and (body := self._body(token)):
                # "the group wrote": the body named lately
                found = body
            elif entity is None and _describes_a_person(token):
                # "the Texas governor said": the person named with that title before ("Gov.
                # Rick Pratt"), else the person the sentence or the one before names
                found = self._titled(token) or self._pronoun(
                    token, nearby_only=True, chain=token.lower_ in OFFICE_TITLES)
                if found[0] is None:
                    found = None, " ".join(text[start:end].split())
            else:
                found = entity, " ".join(text[start:end].split())
        self.last_speaker = (token.sent.start, *found)
        return found

    def _appositive(self, token: Token) -> str | None:
        """The story entity named beside a speaker's description, as its apposition."""
        for child in token.children:
            if child.dep_ == "appos":
                entity = self.entity_at(child.idx, child.idx + len(child.text))
                if entity is not None and entity in self.names:
                    return entity
        return None

    def _issuer(self, token: Token) -> tuple[str, str] | None:
        """The named subject of the latest clause before `token`, in its sentence or the
        `_ISSUED_SENTENCES_BACK` before (a long quote may stand between), that has the same
        noun ("said in a statement")."""
        sentence_index = bisect_right(self.sentence_starts, token.i) - 1
        first = self.sentence_starts[max(0, sentence_index - _ISSUED_SENTENCES_BACK)]
        for other in reversed(token.doc[first:token.i]):
            if other.lemma_.casefold() != token.lemma_.casefold():
                continue
            verb = other.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            found = subject(verb)
            entity = self.entity_at(found.idx, found.idx + len(found.text)) if found else None
            if entity is not None and entity in self.names:
                return entity, self.names[entity]
        return None

    def _body(self, token: Token) -> tuple[str, str] | None:
        """The body (an ORG entity) named last before `token`, in its sentence or the
        `_SENTENCES_BACK` before: one whose name ends in the description's noun first ("the
        agency" -> "the Environmental Protection Agency"), else one that was a subject."""
        sentence_index = bisect_right(self.sentence_starts, token.i) - 1
        first = token.doc[self.sentence_starts[max(0, sentence_index - _SENTENCES_BACK)]].idx
        named = [(start, end, entity) for start, end, entity in self.mentions
                 if first <= start and end <= token.idx and entity in self.bodies
                 and entity in self.names]
        if not named:
            return None
        headed = [item for item in named
                  if self.text[item[0]:item[1]].casefold().endswith(token.lower_)]

        def is_subject(item: tuple[int, int, str]) -> bool:
            span = token.doc.char_span(item[0], item[1], alignment_mode="expand")
            return span is not None and span.root.dep_ in _SUBJECT_DEPS

        subjects = [item for item in named if is_subject(item)]
        entity = (headed or subjects or named)[-1][2]
        return entity, self.names[entity]

    def _titled(self, token: Token) -> tuple[str, str] | None:
        """The latest person before `token` whose name the article writes after the title that
        describes the speaker ("the former vice president" -> "Vice President Dick Crane")."""
        wanted = [word for word in _title_of(token) if word not in ROLE_QUALIFIERS]
        if not wanted:
            return None
        for person in reversed(self.people):
            if person.end > token.idx:
                continue
            entity = self.entity_at(person.start, person.end)
            if entity is None or entity not in self.names:
                continue
            before = _TITLE_BEFORE.search(self.text[max(0, person.start - 60):person.start])
            if before is not None and [word for word in _title_words(before.group(0))
                                       if word not in ROLE_QUALIFIERS] == wanted:
                return entity, self.names[entity]
        return None

    def _pronoun(self, token: Token, nearby_only: bool = False, chain: bool = False
                 ) -> tuple[str | None, str]:
        """The person a pronoun (or, `nearby_only`, a description: one sentence back at
        most, or with `chain`, an office held by the speaker credited lately: "says Pratt.
        ... the Texas governor continues") stands for; when none is near, the latest person
        of its gender before it."""
        wanted = "male" if token.lower_ in MASCULINE else "female" if token.lower_ in \
            FEMININE else noun_gender(token.lower_) if token.pos_ == "NOUN" else None
        back = 1 if nearby_only else _SENTENCES_BACK
        sentence = token.sent.start
        sentence_index = bisect_right(self.sentence_starts, token.i) - 1

        def fits(entity: str | None) -> bool:
            known = self.genders.get(entity) if entity else None
            return wanted is None or known is None or known == wanted

        if self.last_speaker is not None and self.last_speaker[1] is not None:
            said_at, entity, name = self.last_speaker
            said_index = bisect_right(self.sentence_starts, said_at) - 1
            if said_at <= sentence and fits(entity) and not any(
                    # another person made the subject since: "X said. | Y, who ..., plans
                    # ... | '...,' she said" is Y speaking
                    person.leads and said_index < person.sentence
                    and self.entity_at(person.start, person.end) != entity
                    and fits(self.entity_at(person.start, person.end))
                    for person in self.people if person.end <= token.idx) and (
                    # still the one spoken of: named lately, or credited lately ("he said.
                    # ... he asked.") with nobody else made a subject since
                    (sentence_index - said_index <= _CHAIN_SENTENCES
                     and (chain or not nearby_only))
                    or any(self.entity_at(person.start, person.end) == entity
                           for person in self.people if person.end <= token.idx
                           and sentence_index - person.sentence <= back)):
                return self._credited(entity, name, wanted)
        before = [person for person in self.people if person.end <= token.idx
                  and fits(self.entity_at(person.start, person.end))]
        candidates = [person for person in before if sentence_index - person.sentence <= back]
        if not candidates and not nearby_only:
            candidates = before[-1:]
        if not candidates:
            return None, token.text
        chosen = max(candidates, key=lambda person: (
            wanted is not None
            and self.genders.get(self.entity_at(person.start, person.end) or "") == wanted,
            person.leads, person.subject, person.start))
        entity = self.entity_at(chosen.start, chosen.end)
        name = self.names.get(entity, self.text[chosen.start:chosen.end]) if entity \
            else self.text[chosen.start:chosen.end]
        return self._credited(entity, name, wanted)

    def _credited(self, entity: str | None, name: str, gender: str | None
                  ) -> tuple[str | None, str]:
        if entity is not None and gender is not None:
            self.genders.setdefault(entity, gender)
        return entity, name


def _untagged_people(doc: Doc, mentions: Sequence[tuple[int, int, str]],
                     people: Container[str], tagged: Sequence[DocSpan]) -> list[DocSpan]:
    """The mentions of story people (`people`: their entity ids) that no PERSON name of the
    parser covers, as spans of `doc`."""
    found: list[DocSpan] = []
    for first, last, entity in mentions:
        if entity not in people or any(name.start_char < last and first < name.end_char
                                       for name in tagged):
            continue
        span = doc.char_span(first, last, alignment_mode="expand")
        if span is not None and len(span):
            found.append(span)
    return found


_TITLE_BEFORE = re.compile(r"(?:\b[A-Za-z][\w-]*\.?\s+){1,4}$")


def _title_words(text: str) -> list[str]:
    """The title words ending `text` ("Texas Gov." -> ["governor"]), abbreviations written
    out; a word that is no title word ends the title."""
    words: list[str] = []
    for word in reversed(text.split()):
        if not is_title_word(word):
            break
        bare = word.casefold().rstrip(".")
        words.append(TITLE_ABBREVIATIONS.get(bare, bare))
    return words[::-1]


def _title_of(token: Token) -> list[str]:
    """The title words of a description, in order: "the former vice president" -> ["former",
    "vice", "president"]; "the Texas governor" -> ["governor"]."""
    before = [child for child in token.lefts if child.dep_ in ("compound", "amod")
              and is_title_word(child.text)]
    return [child.lower_ for child in before] + [token.lower_]


def _definite_noun(token: Token) -> bool:
    """A common noun with "the" or "this": one the reader already knows ("the group")."""
    return token.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in ("the", "this") for child in token.children)


def _describes_a_body(token: Token) -> bool:
    """A speaker named as a kind of body and nothing more: "the group", "the federal agency"
    (not "the Marsh campaign", which names whose it is)."""
    return _definite_noun(token) and token.lower_ in BODY_NOUNS and not any(
        child.dep_ in ("compound", "poss", "nmod", "prep") or child.pos_ == "PROPN"
        for child in token.children)


def _issued(token: Token) -> bool:
    """A speaker that is a thing someone issued: "the statement", "the ad"."""
    return _definite_noun(token) and token.lemma_.casefold() in ISSUED_NOUNS


def _describes_a_person(token: Token) -> bool:
    """A speaker named by what they are: "the Texas governor", "the four-term congressman"."""
    return _definite_noun(token) and (is_title_word(token.text) or token.lower_ in PERSON_NOUNS)


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
            if sentence.start_char >= end and "\n" in article.text[end:sentence.start_char]:
                continue  # a tag ('"...," he said') is in the quote's paragraph, not the next
            cue = _cue_in(list(sentence), quoted, (start, end))
            if cue is not None and number > 0 and sentence.start_char >= end and any(
                    child.dep_ == "ccomp" for child in cue.children):
                cue = None  # the next sentence's own statement, not a '"...," she said' tag
            speaker = _speaker_of(cue) if cue is not None else None
            according = according_to(sentence, quoted) if speaker is None else None
            if speaker is not None or according is not None:
                break
        cue_span = source_span = None
        entity = speaker_text = None
        if according is not None:
            cue_token, target = according
            speaker = _Speaker(target, char_range(doc, *noun_phrase(target)))
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
        if not is_reporting_verb(token) or (token.dep_ == "ccomp"
                                             and is_reporting_verb(token.head)):
            continue  # "said he also heard that ...": the inner report is part of the outer
        content = next((child for child in token.children if child.dep_ == "ccomp"), None)
        if content is None:
            continue
        start, end = char_range(doc, content.left_edge.i, content.right_edge.i + 1)
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
        target = according_object(token)
        if target is None:
            continue
        sentence = token.sent
        phrase = range(token.i, target.right_edge.i + 1)
        rest = [item for item in sentence if item.i not in phrase and not item.is_punct]
        if len(rest) < 3:
            continue
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        if overlaps_direct(start, end):
            continue
        speaker = _Speaker(target, char_range(doc, *noun_phrase(target)))
        entity, speaker_text = resolver.resolve(speaker, article.text)
        quotes.append(Quote(id="", span=_span(article, start, end), direct=False,
                            speaker=entity, speaker_text=speaker_text, cue="according to",
                            cue_span=_according_span(article, token),
                            source_span=_span(article, *speaker.span)))
    return quotes


def find_quotes(article: Article, doc: Doc, mentions: EntityMentions | None = None,
                names: Mapping[str, str] | None = None,
                types: Mapping[str, str] | None = None) -> list[Quote]:
    """Every direct quote and indirect report of speech in one article, in text order, with
    ids `<article>-q1`, `<article>-q2`, ...; `types`: the story entities' types (a pronoun
    may stand for a person where the parser missed the name, "the agency" for a body)."""
    sentences = _sentences(doc)
    resolver = _Resolver(article, doc, mentions, names, types)
    direct = _direct_quotes(article, doc, sentences, resolver)
    quotes = direct + _indirect_quotes(article, doc, direct, resolver)
    quotes = [quote for quote in quotes if quote.span.text]
    quotes.sort(key=lambda quote: (quote.span.start, quote.span.end))
    return [Quote(id=f"{article.id}-q{number}", span=quote.span, direct=quote.direct,
                  speaker=quote.speaker, speaker_text=quote.speaker_text, cue=quote.cue,
                  cue_span=quote.cue_span, source_span=quote.source_span)
            for number, quote in enumerate(quotes, start=1)]
