"""Temporal expressions in a parsed article, with the tense of the clause they date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..dates.normalise import Tense, historic_day, normalise_expression
from ..dates.values import TimeValue
from ..lang.en.modality import (
    FUTURE_AUXILIARIES,
    FUTURE_FRAMES,
    FUTURE_MODIFIERS,
    SCHEDULING_WORDS,
)
from ..syntax import doc_text

_PAST_TAGS = frozenset({"VBD", "VBN"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_FORWARD_MODALS = frozenset({"would", "might", "may", "should"})
"""Modal auxiliaries of what has not happened yet ("the deal should be completed in
October", "he might come Tuesday"); with "have" they look back instead. Not "could", news's
past of "can" ("could not be reached Wednesday")."""
_FORWARD_ADJECTIVES = frozenset({"effective"})
"""Words that date a change from the day they govern on ("effective Feb. 1")."""
_FORWARD_PHRASES = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|until|till)\s*$", re.IGNORECASE)
"""A phrase before a date that names the earliest it may come ("as soon as Tuesday")."""
_FORWARD_START = re.compile(r"^as\s+(?:soon|early)\s+as\b", re.IGNORECASE)
# Dates the tagger does not always label: fiscal years, ISO dates.
_EXTRA = re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s*'?\d{2,4}\b|(?<![=\"'/])\b\d{4}-\d{2}-\d{2}\b",
                    re.IGNORECASE)
_DATE_LABELS = ("DATE",)


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression at [start, end) of the text and what it normalises to."""

    start: int
    end: int
    text: str
    value: TimeValue | None
    tense: Tense | None
    verb: int | None  # index of the verb whose clause it dates


def governing_verb(token: Token) -> Token | None:
    """The verb of the clause a token belongs to (itself when it is one)."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux":
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def tense_of(verb: Token | None) -> Tense | None:
    """Past, present or future of a clause, from its verb, auxiliaries and framing verbs
    ("is scheduled to", "will", "expected to")."""
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(child.lower_ in FUTURE_AUXILIARIES for child in auxiliaries):
        return "future"
    if any(child.lower_ == "had" for child in auxiliaries):
        return "past"  # "had been scheduled to expire Friday": a plan already past
    if any(child.lower_ in _FORWARD_MODALS for child in auxiliaries) and not any(
            child.lower_ == "have" for child in auxiliaries):
        return "future"  # "should be completed in October"; not "would have been"
    if verb.lemma_ in SCHEDULING_WORDS or (verb.lemma_ == "set" and any(
            child.dep_ == "prep" and child.lower_ == "for" for child in verb.children)):
        # "was scheduled for July 1", "a rally set for Wednesday": the date is ahead of
        # what is reported
        return "future"
    frame = verb
    while frame.dep_ in ("xcomp", "ccomp") and frame.head.i != frame.i:
        frame = frame.head
        if frame.lemma_ in FUTURE_FRAMES:
            return "future" if not _is_past(frame) or frame.lemma_ != "go" else "past"
    if verb.lemma_ in FUTURE_FRAMES and any(child.dep_ == "xcomp" for child in verb.children):
        return "future"
    if verb.lemma_ in FUTURE_FRAMES and verb.lemma_ != "go" and verb.tag_ == "VBN" and \
            not _is_past(verb):
        return "future"  # "closing, which is expected in December"
    if any(child.lower_ == "to" and child.dep_ == "aux" for child in auxiliaries):
        # "talks to be held on ...", "a meeting to decide on ...": a thing to come; "was
        # the first to report it on Tuesday": the tense of the clause it completes
        if verb.head.i == verb.i or verb.head.pos_ in ("NOUN", "PROPN") or any(
                child.dep_ == "auxpass" for child in verb.children):
            return "future"
        return "past" if tense_of(governing_verb(verb.head)) == "past" else "future"
    if verb.dep_ == "ccomp" and any(child.lower_ == "would" for child in auxiliaries):
        return "future"  # "said he would speak on Monday": ahead of the saying
    if _is_past(verb):
        return "past"
    return "present"


def _is_past(verb: Token) -> bool:
    """A past tense: a past form ("said", "was held") or a participle without a present-tense
    auxiliary ("is expected in December", "are supposed to" are present)."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(child.tag_ in _PAST_TAGS for child in auxiliaries):
        return True
    if verb.tag_ == "VBN" and any(child.dep_ == "auxpass" and child.tag_ in _PRESENT_TAGS
                                  for child in auxiliaries):
        return False
    return verb.tag_ in _PAST_TAGS


def candidate_spans(doc: Doc, labels: tuple[str, ...] = _DATE_LABELS) -> list[Span]:
    """The entities of `labels` (dates; "TIME" too for times of day) and the dates the
    tagger does not always label (fiscal years, ISO dates), in text order. Found once per
    Doc and labels (kept as token offsets on the Doc: every anchor tried asks again)."""
    key = "consilience_candidates"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = [(span.start, span.end, span.label_)
                                      for span in _candidate_spans(doc, _ALL_LABELS)]
    return [Span(doc, start, end, label=label) for start, end, label in found
            if label in labels or label not in _ALL_LABELS]


_ALL_LABELS = ("DATE", "TIME")
"""The labels any caller asks for: found together once, each caller keeping its own."""


def _candidate_spans(doc: Doc, labels: tuple[str, ...]) -> list[Span]:
    spans = [ent for ent in doc.ents if ent.label_ in labels]
    taken = [(span.start_char, span.end_char) for span in spans]
    for match in _EXTRA.finditer(doc_text(doc)):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return sorted(spans, key=lambda span: span.start_char)


def points_forward(span: Span) -> bool:
    """The words around a date make it the start of something to come: "as soon as
    Tuesday", "as early as next week", "effective Feb. 1"."""
    doc = span.doc
    before = doc[max(span.sent.start, span.start - 3):span.start].text
    if _FORWARD_PHRASES.search(before) or _FORWARD_START.match(span.text):
        return True
    previous = doc[span.start - 1] if span.start > span.sent.start else None
    return (previous is not None and previous.lower_ in _FORWARD_ADJECTIVES) or \
        span.root.head.lower_ in _FORWARD_ADJECTIVES


_AWAITING = frozenset({"prepare", "brace", "gear", "ready", "await", "wait", "plan", "set",
                       "schedule", "head"})
"""Verbs whose "for" object lies ahead of them ("prepared for a march on Saturday", "braced
for the storm on Friday")."""


def _awaited(span: Span, verb: Token | None) -> bool:
    """The date belongs to what the verb's "for" object names: a thing awaited."""
    if verb is None or verb.lemma_ not in _AWAITING:
        return False
    current = span.root
    for _ in range(8):
        if current.head.i == current.i or current.head.i == verb.i:
            return current.dep_ == "prep" and current.lower_ == "for" and current.i != \
                span.root.i
        current = current.head
    return False


def _perfect_past(verb: Token | None) -> bool:
    """A past perfect clause ("until Thursday, they had not called him"): over already."""
    return verb is not None and any(child.dep_ == "aux" and child.lower_ == "had"
                                    for child in verb.children)


def clause_tense(span: Span) -> tuple[Token | None, Tense | None]:
    """The verb whose clause a date belongs to, and the tense that places the date: the
    future for a scheduled thing or a date that starts what is to come, else the clause's."""
    known = span.doc.user_data.setdefault("consilience_tenses", {})
    key = (span.start, span.end)
    if key not in known:  # the timeline and the TIMEX3 pass ask for the same spans
        verb = governing_verb(span.root)
        if scheduled_thing(span.root, verb) or _awaited(span, verb) or \
                (points_forward(span) and not _perfect_past(verb)):
            tense: Tense | None = "future"
        else:
            tense = tense_of(verb)
        known[key] = (verb.i if verb is not None else None, tense)
    index, tense = known[key]
    return (span.doc[index] if index is not None else None), tense


def scheduled_thing(token: Token, verb: Token | None) -> bool:
    """The date belongs to a thing described as scheduled ("the planned talks on July 1",
    "the upcoming vote on July 20")."""
    current = token
    for _ in range(8):
        if (verb is not None and current.i == verb.i) or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ in ("NOUN", "PROPN") and any(
                child.lower_ in FUTURE_MODIFIERS for child in current.children):
            return True
    return False


def following(span: Span) -> str:
    """The two words after a span ("attacks" after "the Sept. 11"), read from its tokens:
    `doc.text` is rebuilt on every access."""
    return span.doc[span.end:span.end + 2].text


def find_expressions(doc: Doc, anchor: date | None) -> list[Expression]:
    """Every temporal expression of the article, normalised against `anchor` (kept on the
    Doc, so the stages that ask again for the same anchor do not search again)."""
    key = ("consilience_expressions", anchor)
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = _find_expressions(doc, anchor)
    return list(cached)


def last_day(value: TimeValue | None, previous: date | None) -> date | None:
    """The day the text named last, after an expression valued `value`: the reference for
    a later "the next day"."""
    if value is not None and value.precision == "day" and value.end is None:
        return value.start_date
    return previous


def _find_expressions(doc: Doc, anchor: date | None) -> list[Expression]:
    found = []
    reference: date | None = None
    for span in candidate_spans(doc):
        verb, tense = clause_tense(span)
        value = historic_day(span.text, following(span)) or \
            normalise_expression(span.text, anchor, tense, reference)
        reference = last_day(value, reference)
        found.append(Expression(span.start_char, span.end_char, span.text, value, tense,
                                verb.i if verb is not None else None))
    return found


def event_dates(doc: Doc, anchor: date | None, lede: bool = True) -> dict[int, TimeValue]:
    """The date of each token whose clause is dated: token index -> value. A token's clause
    is that of its governing verb; the first dated expression of a clause dates it.

    With `lede`, a past-tense clause without a date of its own takes the article's first
    past-tense day: news reports its main event first and keeps telling it undated.
    """
    expressions = find_expressions(doc, anchor)
    by_verb: dict[int, TimeValue] = {}
    for expression in expressions:
        if expression.value is not None and expression.verb is not None:
            by_verb.setdefault(expression.verb, expression.value)
    main_day = next((expression.value for expression in expressions
                     if expression.value is not None and expression.value.precision == "day"
                     and expression.value.end is None and expression.tense == "past"), None)
    dates: dict[int, TimeValue] = {}
    tenses: dict[int, Tense | None] = {}
    for token in doc:
        verb = governing_verb(token)
        if verb is None:
            continue
        if verb.i in by_verb:
            dates[token.i] = by_verb[verb.i]
        elif lede and main_day is not None:
            if verb.i not in tenses:
                tenses[verb.i] = tense_of(verb)
            if tenses[verb.i] == "past":
                dates[token.i] = main_day
    return dates
