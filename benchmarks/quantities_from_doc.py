"""Quantities of a parsed text: spaCy's entities decide which numbers are quantities.

Where the Doc is at hand (claim records), `quantities_in_doc` starts from its entities
instead of the raw-text guesses:

* a number is a quantity when it lies in a MONEY, PERCENT, CARDINAL, QUANTITY or ORDINAL
  entity, and not when it lies in a DATE or TIME entity: the entity, not a second date
  detector, tells "2000 troops" from "in 2000" and "June 24" from "24 people";
* a number outside every entity keeps the raw-text decision (the statistical model misses
  some, e.g. numbers in headlines), so the parse only overrides, never loses, a reading;
* value, unit, scale and currency are still read by `figures`/`units`, since entities carry
  no normalised value;
* the role reads change verbs by lemma and tag (VBD/VBN: what it became; base, present, -ing
  or a noun: a goal may follow "to"), so no inflection is listed.

The other skip reasons (part of a word or name, URL, list marker, score) stay with the
raw-text readers: spaCy's tokens split "COVID-19" and "G7" the same way as the text.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from consilience.claims.quantities.candidate import Candidate
from consilience.claims.quantities.extract import Judge, kept_candidates, quantities_of
from consilience.claims.quantities.roles import VerbForm, VerbFormName, listed_verb_form
from consilience.lang.en.quantity_words import CHANGE_BASES
from consilience.models import Quantity

logger = logging.getLogger(__name__)

NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
"""Entity labels of numbers that are quantities."""
TIME_LABELS = frozenset({"DATE", "TIME"})
"""Entity labels of numbers that are dates or times, never quantities."""
_TEXT_ONLY_SKIPS = frozenset({"date", "year", "time"})
"""Raw-text skip reasons that an entity label decides instead when the number lies in one."""
_PAST_TAGS = frozenset({"VBD", "VBN"})
_GOAL_TAGS = frozenset({"VB", "VBP", "VBZ", "VBG", "NN", "NNS"})


def _entity_judge(doc: Doc, start: int, end: int, require_entity: bool) -> Judge:
    """A judge that lets the entities overlapping each candidate's figure decide."""
    entities = [(entity.start_char - start, entity.end_char - start, entity.label_)
                for entity in doc.ents
                if entity.end_char > start and entity.start_char < end
                and entity.label_ in NUMERIC_LABELS | TIME_LABELS]

    def judge(candidates: list[Candidate]) -> None:
        for candidate in candidates:
            labels = {label for first, last, label in entities
                      if first < candidate.core_end and candidate.core_start < last}
            if not labels:
                if require_entity:
                    candidate.skip = candidate.skip or "no entity"
                continue
            if candidate.skip not in _TEXT_ONLY_SKIPS | {""}:
                continue
            if labels & TIME_LABELS and not labels & NUMERIC_LABELS:
                candidate.skip = candidate.skip or "date"
            elif labels & NUMERIC_LABELS and not labels & TIME_LABELS:
                candidate.skip = ""

    return judge


def _lemma_verb_form(doc: Doc, start: int) -> VerbForm:
    """The form of a change verb from the token's lemma and tag; the lists when the word is
    not one token of the Doc."""

    def verb_form(word: str, offset: int) -> VerbFormName:
        span = doc.char_span(start + offset, start + offset + len(word))
        if span is None or len(span) != 1:
            return listed_verb_form(word, offset)
        token = span[0]
        if token.lemma_.lower() not in CHANGE_BASES:
            return ""
        if token.tag_ in _PAST_TAGS:
            return "past"
        return "target" if token.tag_ in _GOAL_TAGS else "change"

    return verb_form


def quantities_in_doc(doc: Doc, article: str = "", start: int = 0, end: int | None = None,
                      require_entity: bool = False) -> list[Quantity]:
    """Every quantity in `doc.text[start:end]`, as `find_quantities` gives them, with spaCy's
    entities deciding which numbers are quantities and lemmas reading the roles.

    `require_entity` also drops the numbers outside every numeric entity (more precise,
    fewer found; see benchmarks/quantities.py)."""
    text = doc.text
    start = max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    sub = text[start:end]
    if not sub.strip():
        return []
    candidates = kept_candidates(sub, _entity_judge(doc, start, end, require_entity))
    quantities = quantities_of(text[:end], article, start, candidates,
                               _lemma_verb_form(doc, start))
    logger.debug("found %d quantities in %d characters of a parse", len(quantities), len(sub))
    return quantities
