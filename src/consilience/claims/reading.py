"""Read each claim's slots off the parse: who it is credited to, its predicate and class,
negation, hedges and modality, and the content words alignment compares.

The attribution of a claim is found through the tree: the reporting verb it hangs from
("X said that ...", "... , X reported"), "according to X", "as reported by X". Words of the
attribution are not content: two outlets stating the same thing on different authority
still state the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..lang.en.modality import (
    DEMAND_CUES,
    EXPECTED_CUES,
    FALSE_WORDS,
    HEDGE_WORDS,
    PLANNED_CUES,
    POSSIBLE_MODALS,
)
from ..lang.en.predicates import PREDICATE_CLASSES, predicate_class
from ..lang.en.sources import REPORTED_SPEECH_NOUNS, SOURCE_NOUNS
from ..lang.en.verbs import (
    DENYING_VERBS,
    LIGHT_VERBS,
    NEGATING_VERBS,
    QUOTATION_FRAME_CLASSES,
    REQUEST_CLASSES,
    reporting_class,
)
from ..models import Modality
from ..syntax import (
    SUBJECT_DEPS,
    VERB_POS,
    according_object,
    char_range,
    is_reporting_verb,
    name_range,
    noun_phrase,
    reported_by,
    subject,
)

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_GENERIC_CLASSES = frozenset({None, "announce", "confirm", "decide", "meet", "demand"})


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about one claim (token indexes are the document's)."""

    attribution: tuple[int, int] | None  # char range of who it is credited to
    speaker: tuple[int, int] | None  # char range of the speaker's noun phrase
    speaker_head: tuple[int, int] | None  # char range of the words naming the speaker
    excluded: frozenset[int]  # token indexes of the attribution, not content
    predicate: Token
    particle: str | None
    predicate_class: str | None
    negated: bool
    modality: Modality
    hedges: tuple[str, ...]
    terms: tuple[str, ...]


def _named_source(token: Token) -> Token:
    """The outlet or person behind a source noun: "a report by the Financial Times" is the
    Financial Times."""
    if token.lemma_.casefold() not in SOURCE_NOUNS:
        return token
    for child in token.subtree:
        if child.pos_ == "PROPN" and child.dep_ == "pobj":
            return child
    return token


def _credits_claim(verb: Token, quoted: bool) -> bool:
    """Whether the reporting verb `verb` credits what it reports to its subject: a verb that
    states its content ("said", "tweeted", "disclosed", "told"); one that frames a quotation
    only with one ('"...," he continued'); never one that asks for or promises it ("urged",
    "vowed"), whose claim is the outlet's own report of the request."""
    if not is_reporting_verb(verb):
        return False
    verb_class = reporting_class(verb.lemma_)
    if verb_class in REQUEST_CLASSES:
        return False
    return quoted or verb_class not in QUOTATION_FRAME_CLASSES


def _reporting_verb(head: Token, low: int, high: int) -> tuple[Token, Token | None] | None:
    """The reporting verb the claim hangs from, with the head of what it reports (None
    when the reported content is a quotation or lies outside the claim)."""
    quoted = any(token.is_quote for token in head.doc[low:high])
    if _credits_claim(head, quoted):
        content = next((child for child in head.children
                        if child.dep_ in ("ccomp", "xcomp") and low <= child.i < high), None)
        if content is not None or quoted:
            return head, content
    current = head
    for _ in range(4):
        if current.dep_ not in ("ccomp", "conj", "xcomp") or current.head.i == current.i:
            return None
        parent = current.head
        if _credits_claim(parent, quoted=False) and current.dep_ in ("ccomp", "xcomp"):
            return parent, current
        current = parent
    return None


def _source_phrase(doc: Doc, low: int, high: int) -> tuple[Token, Token] | None:
    """("according", its object) or ("reported"/"cited", its agent) inside the claim."""
    for token in doc[low:high]:
        source = according_object(token) or reported_by(token)
        if source is not None:
            return token, source
    return None


def _content_predicate(head: Token) -> tuple[Token, bool]:
    """Through light verbs to the verb that says what happens ("decided to pull out" is
    "pull out"); True when a verb on the way negates it ("declined to comment")."""
    negated = False
    current = head
    for _ in range(4):
        complement = next((child for child in current.children if child.dep_ == "xcomp"
                           and child.pos_ in VERB_POS), None)
        if complement is None or current.lemma_ not in LIGHT_VERBS | NEGATING_VERBS | \
                PLANNED_CUES | EXPECTED_CUES:
            break
        negated = negated or current.lemma_ in NEGATING_VERBS
        current = complement
    return current, negated


def _particle(verb: Token) -> str | None:
    particle = next((child.lower_ for child in verb.children if child.dep_ == "prt"), None)
    if particle is None:
        preposition = next((child.lower_ for child in verb.children if child.dep_ == "prep"
                            and child.i == verb.i + 1), None)
        if preposition is not None and f"{verb.lemma_.casefold()} {preposition}" in \
                PREDICATE_CLASSES:
            return preposition
    return particle


def _class_of(verb: Token, particle: str | None) -> str | None:
    found = predicate_class(verb.lemma_, particle)
    if found in _GENERIC_CLASSES:
        for child in verb.children:  # "announced his absence", "made the decision to cancel"
            if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and child.pos_ == "NOUN":
                nominal = predicate_class(child.lemma_)
                if nominal is None:
                    nominal = next((predicate_class(grand.lemma_) for grand in child.children
                                    if grand.dep_ == "acl" and predicate_class(grand.lemma_)),
                                   None)
                if nominal is not None and nominal not in _GENERIC_CLASSES:
                    return nominal
    return found


def _chain(predicate: Token, head: Token) -> list[Token]:
    """The predicate and the verbs above it up to the claim's head."""
    chain = [predicate]
    current = predicate
    while current.i != head.i and current.head.i != current.i and len(chain) < 6:
        current = current.head
        chain.append(current)
    return chain


def _negated(chain: list[Token]) -> bool:
    for verb in chain:
        if any(child.dep_ == "neg" or (child.dep_ == "acomp" and child.lower_ in FALSE_WORDS)
               for child in verb.children):
            return True
        subject = next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)
        if subject is not None and any(child.lower_ in ("no", "none") and child.dep_ == "det"
                                       for child in subject.children):
            return True
    return False


def _modality(chain: list[Token], tokens: DocSpan) -> Modality:
    words = {child.lower_ for verb in chain for child in verb.children
             if child.dep_ in ("aux", "auxpass")}
    lemmas = {verb.lemma_.casefold() for verb in chain}
    if words & POSSIBLE_MODALS:
        return "possible"
    if words & DEMAND_CUES:
        return "demanded"
    if lemmas & PLANNED_CUES:
        return "planned"
    if words & EXPECTED_CUES or lemmas & EXPECTED_CUES:
        return "expected"
    if any(token.lower_ in HEDGE_WORDS for token in tokens):
        return "hedged"
    return "asserted"


def _clause_head(claim: DocSpan) -> Token:
    """The claim's main verb: its root, unless the root is punctuation or a word the parse
    hangs outside the clause, then its first verb whose head lies outside it."""
    root = claim.root
    if root.pos_ in VERB_POS:
        return root
    outside = [token for token in claim if token.pos_ in VERB_POS
               and not claim.start <= token.head.i < claim.end]
    verbs = outside or [token for token in claim if token.pos_ in VERB_POS]
    return verbs[0] if verbs else root


def read_claim(claim: DocSpan) -> Reading:
    """The slots of one claim span of a parsed document."""
    doc = claim.doc
    low, high = claim.start, claim.end
    head = _clause_head(claim)
    excluded: set[int] = set()
    attribution: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_head: tuple[int, int] | None = None
    content_head = head
    denied = False
    reporting = _reporting_verb(head, low, high)
    if reporting is not None:
        verb, content = reporting
        denied = verb.lemma_ in DENYING_VERBS and content is not None
        if low <= verb.i < high:
            excluded.add(verb.i)
            excluded.update(child.i for child in verb.children
                            if child.dep_ in ("aux", "advmod", "punct", "dative", "dobj")
                            and child.i < high and child.i >= low and not (
                                content is not None and child.i >= content.left_edge.i
                                and child.i <= content.right_edge.i)
                            for child in child.subtree)
        speaker_token = subject(verb)
        if speaker_token is not None:
            speaker = char_range(doc, *noun_phrase(speaker_token))
            speaker_head = name_range(speaker_token)
            attribution = speaker
            excluded.update(token.i for token in speaker_token.subtree if low <= token.i < high)
        if content is not None and low <= content.i < high:
            content_head = content
    according = _source_phrase(doc, low, high)
    if according is not None:
        cue, source = according
        phrase = [token.i for token in cue.subtree if low <= token.i < high]
        excluded.update(phrase)
        if speaker is None:
            speaker = char_range(doc, *noun_phrase(source))
            speaker_head = name_range(_named_source(source))
        attribution = char_range(doc, min(phrase), max(phrase) + 1)
        if content_head.i == cue.i or content_head.i in phrase:
            content_head = head
    if reporting is None and head.lemma_ in DENYING_VERBS:
        # "dismissed claims that the plant would close": the denied clause hangs from a
        # report noun
        reported = next((grand for child in head.children if child.dep_ == "dobj"
                         and child.lemma_ in REPORTED_SPEECH_NOUNS for grand in child.children
                         if grand.dep_ in ("acl", "ccomp", "relcl") and low <= grand.i < high),
                        None)
        if reported is not None:
            denied = True
            content_head = reported
    predicate, negated_by_verb = _content_predicate(content_head)
    particle = _particle(predicate)
    chain = _chain(predicate, head)
    hedges = tuple(dict.fromkeys(token.lower_ for token in claim if token.lower_ in HEDGE_WORDS))
    terms = _terms(claim, excluded)
    found_class = _class_of(predicate, particle)
    if found_class is not None:
        terms = (*terms, f"@{found_class}")
    return Reading(
        attribution=attribution, speaker=speaker, speaker_head=speaker_head,
        excluded=frozenset(excluded),
        predicate=predicate, particle=particle, predicate_class=found_class,
        negated=denied or negated_by_verb or _negated(chain), modality=_modality(chain, claim),
        hedges=hedges, terms=terms)


def _terms(claim: DocSpan, excluded: set[int]) -> tuple[str, ...]:
    """Content lemmas of the claim (attribution left out), with the class of every word that
    names an event ("cancellation" gives "@cancel")."""
    terms: list[str] = []
    for token in claim:
        if token.i in excluded or token.is_stop or token.is_punct or token.is_space:
            continue
        if token.pos_ not in _CONTENT_POS and not token.like_num:
            continue
        lemma = token.lemma_.casefold() if token.pos_ != "PROPN" else token.text.casefold()
        terms.append(lemma)
        word_class = predicate_class(token.lemma_) if token.pos_ == "NOUN" else None
        if word_class is not None:
            terms.append(f"@{word_class}")
    return tuple(dict.fromkeys(terms))
