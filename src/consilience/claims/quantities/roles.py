"""The role of a quantity in its clause: the current value, an earlier one, or a goal.

* "previous" after a clear earlier-value cue in the same clause, within six words ("up
  from", "down from", "compared with", "previous", "earlier", "former", "prior", "last
  year's", "had been", "from" after a change verb or before "to"); a bare "was" is not a cue.
* "target" after "to" when the nearest change verb before it is a base, present or -ing form
  ("raise spending to 3.5%", "an increase to 5 percent", "should be raised to 5%"), after
  "target of" / "goal of", or before "target" / "goal" ("the 2% target"); a past form ("rose to
  5%") leaves it current.

Which form a change verb has is asked of a `VerbForm` function. The product has no parse
here, so `listed_verb_form` looks the word up in lists of inflections; the spaCy reader
measured in `benchmarks/quantities_from_doc.py` answers from the token's lemma and tag.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from ...lang.en.quantity_words import (
    AMBIGUOUS_VERBS,
    GOAL_OPENERS,
    LISTED_CHANGE_WORDS,
    MODIFIERS,
    NOT_PREVIOUS_AFTER,
    PAST_CHANGE_VERBS,
    PREVIOUS_PAIRS,
    PREVIOUS_WORDS,
    TARGET_NOUNS,
    TARGET_VERBS,
)
from ...models import QuantityRole
from .candidate import Candidate

VerbFormName = Literal["target", "past", "ambiguous", "change", ""]
VerbForm = Callable[[str, int], VerbFormName]
"""(lower-cased word, its offset in the text) -> the form of a change verb there: "target"
(base, present, -ing or a noun: a goal may follow "to"), "past" (what it became), "ambiguous"
(base and past alike: decided by the word before), "change" (a verb of change whose form
says nothing about a goal: "jump to 5%"), or "" for any other word."""

_CUE_WORDS = 6
_WINDOW = 120


_CLAUSE_BREAK = re.compile(r"[;:!?\n,()–—]|\.(?=\s)")
_CUE_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[0-9][0-9.,]*|[$€£¥%]")
_THEN_TO = re.compile(r"[ \t]*(?:[A-Za-z%]{1,20}[ \t]+){0,2}to[ \t]")
_GOAL_AFTER = re.compile(r"(?:[ \t]+[A-Za-z-]{1,30}){0,2}?[ \t]+(?:target|goal)s?\b", re.I)

CueToken = tuple[str, int]
"""A lower-cased word of the clause with its offset in the text."""


def listed_verb_form(word: str, offset: int) -> VerbFormName:
    """The form of a change verb from the lists of inflections: the reader without a parse."""
    del offset  # a word alone decides here
    if word in AMBIGUOUS_VERBS:
        return "ambiguous"
    if word in TARGET_VERBS:
        return "target"
    if word in PAST_CHANGE_VERBS:
        return "past"
    return "change" if word in LISTED_CHANGE_WORDS else ""


def _cue_tokens(text: str, floor: int, position: int) -> list[CueToken]:
    """The lower-cased words in the clause before `position`, after `floor`."""
    first = max(floor, position - _WINDOW)
    window = text[first:position]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        first += breaks[-1].end()
        window = text[first:position]
    return [(token.group().lower().replace("’", "'"), first + token.start())
            for token in _CUE_TOKEN.finditer(window)]


def _strip_modifiers(tokens: list[CueToken]) -> list[CueToken]:
    """The tokens with trailing modifiers ("about", "an estimated", "$") removed."""
    end = len(tokens)
    while end and tokens[end - 1][0] in MODIFIERS:
        end -= 1
    return tokens[:end]


def _is_previous(text: str, tokens: list[CueToken], near: list[CueToken], end: int,
                 verb_form: VerbForm) -> bool:
    """Whether the words before a figure present it as an earlier value."""
    recent = [word for word, _ in near[-_CUE_WORDS:]]
    for index, word in enumerate(recent):
        following = recent[index + 1] if index + 1 < len(recent) else ""
        if word in PREVIOUS_WORDS and following not in NOT_PREVIOUS_AFTER:
            return True
        if (word, following) in PREVIOUS_PAIRS:
            return True
    head = _strip_modifiers(tokens)
    if not head or head[-1][0] != "from":
        return False
    before = head[-1 - _CUE_WORDS:-1]
    if any(word in ("up", "down") or verb_form(word, offset) for word, offset in before):
        return True
    return bool(_THEN_TO.match(text[end:end + 50]))


def _is_target(text: str, tokens: list[CueToken], end: int, verb_form: VerbForm) -> bool:
    """Whether the words around a figure present it as a goal."""
    head = _strip_modifiers(tokens)
    if head and head[-1][0] == "to" and (len(head) < 2 or head[-2][0] != "up"):
        for index in range(len(head) - 2, max(-1, len(head) - 2 - _CUE_WORDS), -1):
            word, offset = head[index]
            previous = head[index - 1][0] if index else ""
            if word in TARGET_NOUNS:
                return True
            form = verb_form(word, offset)
            if form == "ambiguous":
                return previous in GOAL_OPENERS
            if form == "target":
                return True
            if form == "past":
                return previous in ("be", "being")
    if len(head) >= 2 and head[-1][0] in ("of", "for") and head[-2][0] in TARGET_NOUNS | {
            "aiming", "aims", "aim"}:
        return True
    if tokens and tokens[-1][0] in ("targeting", "targets", "targeted"):
        return True
    return bool(_GOAL_AFTER.match(text[end:end + 60]))


def role(text: str, candidate: Candidate, previous_end: int,
         verb_form: VerbForm = listed_verb_form) -> QuantityRole:
    """Whether the text gives a figure as an earlier value, a goal or the current one.

    `previous_end` is where the quantity before it ends: earlier-value cues are only read
    after it, so "up from" before one figure does not mark the next.
    """
    tokens = _cue_tokens(text, 0, candidate.start)
    near = _cue_tokens(text, previous_end, candidate.start)
    if _is_previous(text, tokens, near, candidate.end, verb_form):
        return "previous"
    if _is_target(text, tokens, candidate.end, verb_form):
        return "target"
    return "current"
