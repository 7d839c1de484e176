"""Numbers and ordinals written in words: "three per cent", "two hundred and forty",
"a dozen", "half a million", "twenty-first".

Decisions:

* A bare "one" is kept only in a clear number context: a compound ("one hundred"), a unit
  ("one per cent", "a one-year delay"), a quantifier before it ("only one", "at least one") or a
  coordinated number ("one or two"). "one of the", "no one" and "one day" are skipped.
* A number word before a fraction ("two thirds") and ordinals that are fractions ("a third
  of"), dates ("June third") or idioms ("at first", "second-hand") are not quantities.
* A capitalised number word inside a sentence is a name ("the Big Three").
"""

from __future__ import annotations

import re

from ...lang.en.numbers import (
    DOZEN,
    DURATION_UNITS,
    FRACTION_WORDS,
    HUNDRED,
    MAGNITUDE_WORDS,
    ORDINAL_OTHER_WORDS,
    ORDINAL_UNIT_WORDS,
    SPELLED_MAGNITUDES,
    TENS_WORDS,
    UNIT_AND_TEEN_WORDS,
)
from ...lang.en.quantity_words import (
    ONE_NOUNS,
    QUANTIFIERS,
)
from .candidate import Candidate
from .context import next_to_month, previous_word, sentence_initial
from .digits import HALF, MINUS_BEFORE
from .figures import SPACE
from .units import NEXT_WORD, read_unit

_NUMBER_WORD = "|".join([*UNIT_AND_TEEN_WORDS, *TENS_WORDS, HUNDRED, *SPELLED_MAGNITUDES,
                         DOZEN])
_SPELLED = re.compile(
    r"\b(?:a" + SPACE + r"+(?=(?:" + "|".join([HUNDRED, *SPELLED_MAGNITUDES, DOZEN])
    + r")\b))?(?:" + _NUMBER_WORD + r")\b(?:(?:" + SPACE + r"+(?:and" + SPACE + r"+)?|-)(?:"
    + _NUMBER_WORD + r")\b)*",
    re.IGNORECASE,
)
_SPELLED_TOKEN = re.compile(r"[A-Za-z]+")
_ORDINAL_WORD = re.compile(
    r"\b(?:(?:" + "|".join(TENS_WORDS) + r")[ -](?:" + "|".join(ORDINAL_UNIT_WORDS) + r")|"
    + "|".join([*ORDINAL_UNIT_WORDS, *ORDINAL_OTHER_WORDS]) + r")\b",
    re.IGNORECASE,
)
_FRACTION_AFTER = re.compile(r"(?:" + SPACE + r"|-)(?i:" + "|".join(FRACTION_WORDS)
                             + r")(?![A-Za-z])")
_HALF_BEFORE = re.compile(r"(?<![A-Za-z])(?i:half)" + SPACE + r"+\Z")
_ONE_AFTER_NUMBER = re.compile(SPACE + r"+(?:or|to|and)" + SPACE + r"+(?:[0-9]|(?i:"
                               + "|".join([*UNIT_AND_TEEN_WORDS, *TENS_WORDS]) + r")\b)")

Token = tuple[str, int, int]
"""A lower-cased word with its start and end."""


def _spelled_groups(tokens: list[Token]) -> list[tuple[float, int, int, bool]]:
    """Split a run of number words into numbers: (value, first, last token, is bare "one")."""
    groups: list[tuple[float, int, int, bool]] = []
    index = 0
    while index < len(tokens):
        value, last = _one_group(tokens, index)
        if last < index:
            index += 1
            continue
        bare_one = last == index and tokens[index][0] == "one"
        groups.append((value, index, last, bare_one))
        index = last + 1
    return groups


def _one_group(tokens: list[Token], first: int) -> tuple[float, int]:
    """Read one number from `first`; return its value and last token (first - 1: none).

    A small state machine: `state` is the kind of the last word read, and each word is only
    allowed after the states that can precede it ("hundred" after a unit or teen, "and" after
    "hundred" or a scale, a scale smaller than the one before).
    """
    total, group, state, last, scale_cap = 0.0, 0.0, "", first - 1, float("inf")
    index = first
    while index < len(tokens):
        word = tokens[index][0]
        if word == "a" and index == first:
            group, state = 1.0, "a"
        elif word == "and":
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if state not in ("hundred", "scale") or (following not in UNIT_AND_TEEN_WORDS
                                                     and following not in TENS_WORDS):
                break
            state = "and"
        elif word in UNIT_AND_TEEN_WORDS and UNIT_AND_TEEN_WORDS[word] < 10:
            if state not in ("", "hundred", "scale", "and", "tens"):
                break
            group, state = group + UNIT_AND_TEEN_WORDS[word], "unit"
        elif word in UNIT_AND_TEEN_WORDS:
            if state not in ("", "hundred", "scale", "and"):
                break
            group, state = group + UNIT_AND_TEEN_WORDS[word], "teen"
        elif word in TENS_WORDS:
            if state not in ("", "hundred", "scale", "and"):
                break
            group, state = group + TENS_WORDS[word], "tens"
        elif word == HUNDRED:
            if state not in ("unit", "teen", "a") or group >= 100:
                break
            group, state = group * 100, "hundred"
        elif word in MAGNITUDE_WORDS:
            scale = MAGNITUDE_WORDS[word]
            if state in ("", "and", "scale") or group <= 0 or scale >= scale_cap:
                break
            total, group, state, scale_cap = total + group * scale, 0.0, "scale", scale
        elif word == DOZEN:
            if state not in ("unit", "a") or total:
                break
            return total + group * 12, index
        else:
            break
        if state not in ("a", "and"):
            last = index
        index += 1
    return total + group, last


def spelled_candidates(text: str) -> list[Candidate]:
    """Every number written in words, with its context read and its skip reason, if any."""
    candidates: list[Candidate] = []
    for match in _SPELLED.finditer(text):
        tokens = [(token.group().lower(), match.start() + token.start(),
                   match.start() + token.end())
                  for token in _SPELLED_TOKEN.finditer(match.group())]
        for value, first, last, bare_one in _spelled_groups(tokens):
            start, end = tokens[first][1], tokens[last][2]
            candidate = Candidate(start, end, start, end, value, digits=False,
                                  plain=text[start:end])
            _spelled_context(text, candidate, bare_one)
            candidates.append(candidate)
    return candidates


def _spelled_context(text: str, candidate: Candidate, bare_one: bool) -> None:
    """Read the unit after a number in words and mark the ones that are not quantities."""
    start, end = candidate.start, candidate.end
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        candidate.skip = "word"
        return
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isdigit():
        candidate.skip = "word"
        return
    if _FRACTION_AFTER.match(text, end):
        candidate.skip = "fraction"
        return
    if text[start].isupper() and not text[start:end].isupper() and not sentence_initial(
            text, start):
        candidate.skip = "name"
        return
    minus = MINUS_BEFORE.search(text[max(0, start - 10):start])
    if minus:
        candidate.base = -candidate.base
        candidate.start = max(0, start - 10) + minus.start()
    elif candidate.plain[:1].lower() == "a" and not candidate.plain[1:2].isalpha():
        half_a = _HALF_BEFORE.search(text[max(0, start - 8):start])
        if half_a:
            candidate.base /= 2
            candidate.start = max(0, start - 8) + half_a.start()
    half = HALF.match(text, end)
    if half:
        candidate.base += 0.5 if candidate.base >= 0 else -0.5
        end = half.end()
    candidate.end = read_unit(text, end, candidate, attached=False)
    if bare_one and not _clear_one(text, candidate):
        candidate.skip = "one"


def _clear_one(text: str, candidate: Candidate) -> bool:
    """Whether a bare "one" is clearly a number here."""
    if candidate.kind in ("percent", "money") or candidate.currency:
        return True
    hyphenated = text[candidate.core_end:candidate.core_end + 1] == "-"
    if candidate.kind == "measure" and (candidate.unit not in DURATION_UNITS or hyphenated):
        return True
    if previous_word(text, candidate.start).lower() in QUANTIFIERS:
        return True
    if _ONE_AFTER_NUMBER.match(text, candidate.end):
        return True
    follows = NEXT_WORD.match(text, candidate.end)
    return follows is not None and follows.group("w") in ONE_NOUNS


def ordinal_candidates(text: str) -> list[Candidate]:
    """Every ordinal written in words ("third", "twenty-first"), skipping fractions and dates."""
    candidates: list[Candidate] = []
    for match in _ORDINAL_WORD.finditer(text):
        start, end = match.span()
        words = re.split(r"[ -]", match.group().lower())
        value = float(sum(TENS_WORDS.get(word, 0) + ORDINAL_UNIT_WORDS.get(word, 0)
                          + ORDINAL_OTHER_WORDS.get(word, 0) for word in words))
        candidate = Candidate(start, end, start, end, value, kind="ordinal", digits=False,
                              plain=match.group())
        candidate.skip = _ordinal_skip(text, start, end, words[-1])
        candidates.append(candidate)
    return candidates


def _ordinal_skip(text: str, start: int, end: int, last_word: str) -> str:
    """Why an ordinal word is not a quantity ("a third of", "at first", "June third"), or ""."""
    before = text[max(0, start - 24):start].lower()
    after = text[end:end + 24].lower()
    if start > 0 and text[start - 1] == "-" and (start < 2 or text[start - 2].isalpha()):
        return "word"
    if re.search(r"(?:^|[^a-z])one[ -]\Z", before):
        return "fraction"
    if re.search(r"(?:^|[^a-z])a \Z", before) and after.startswith(" of "):
        return "fraction"
    if next_to_month(text, start, end):
        return "date"
    if last_word == "first" and (before.endswith("at ") or after.startswith((
            " of all", " and foremost", "-hand"))):
        return "idiom"
    if last_word == "second" and (before.endswith(("per ", "split ", "a split "))
                                  or after.startswith("-hand")):
        return "idiom"
    if text[start].isupper() and not sentence_initial(text, start):
        return "name"
    return ""
