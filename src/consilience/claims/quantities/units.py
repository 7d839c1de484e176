"""Units, scales and currencies written around a figure: "$", "bn", "per cent", "km", "3rd".

Decisions on ambiguous forms:

* An attached "m" is million for money ("€5m") or before a plural noun ("5m people") and
  metres otherwise ("a 5m wall"); "k" and "b" scale only money or plural nouns.
* "pounds" is sterling with a scale ("5 million pounds") or "sterling", otherwise weight; "won"
  is the Korean currency only with a scale or "Korean".
* Basis points keep their own unit "bp"; units are never converted.

The words themselves live in `consilience.lang.en.numbers`; this module only knows where they
may stand. Every pattern is anchored at the position it is tried at, so it reads a bounded slice.
"""

from __future__ import annotations

import re

from ...lang.en.numbers import (
    ATTACHED_UNIT_LETTERS,
    CURRENCY_ADJECTIVES,
    CURRENCY_COUNTRY_ADJECTIVES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    ISO_CURRENCY_CODES,
    MAGNITUDE_LETTERS,
    MAGNITUDE_WORDS,
    MEASURE_ABBREVIATIONS,
    MEASURE_WORDS,
    PERCENT_UNITS,
)
from .candidate import Candidate
from .figures import SPACE

_ISO = "|".join(ISO_CURRENCY_CODES)
_CURRENCY_PREFIX = re.compile(
    r"(?:(?:(?<![A-Za-z])(?:US|U\.S\.|AU|A|CA|C|NZ|HK|S|R|NT|MX))?\$|[€£¥₹₩₽₺₪₦₱]"
    r"|(?<![A-Za-z])(?:Rs\.?|" + _ISO + r"))" + SPACE + r"?\Z"
)
_SCALE_WORD = re.compile(
    r"(?P<quote>[\u201d\"])?(?:" + SPACE + r"{1,2}|-)?(?P<w>(?i:"
    + "|".join(sorted(MAGNITUDE_WORDS, key=len, reverse=True)) + r"))(?![A-Za-z0-9])"
)
_SCALE_LETTER = re.compile(r"(?P<w>[mMkKbB])(?![A-Za-z0-9])")
_PERCENT = re.compile(
    r"(?:" + SPACE + r"{0,2}|-)(?P<u>%|％|(?i:per" + SPACE + r"?cent|per-cent|percent"
    r"|percentage[ \t-]points?|basis[ \t-]points?)|pct|pc|ppts?|pp|bps|bp)(?![A-Za-z0-9])"
)
CURRENCY_WORD = re.compile(
    r"(?:" + SPACE + r"{1,2}|-)(?:(?P<adj>"
    + "|".join(re.escape(adjective) for adjective in CURRENCY_COUNTRY_ADJECTIVES) + r")"
    + SPACE + r")?"
    r"(?P<cur>(?i:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r"))"
    r"(?![A-Za-z0-9])"
    r"|" + SPACE + r"{0,2}(?P<iso>" + _ISO + r")(?![A-Za-z0-9])"
    r"|" + SPACE + r"?(?P<sym>€)"
)
"""A currency after a figure: a word with an optional country adjective, a code, or "€"."""
_MEASURE_WORD = re.compile(
    r"(?:" + SPACE + r"{1,2}|-)(?P<u>(?i:"
    + "|".join(re.escape(word) for word in sorted(MEASURE_WORDS, key=len, reverse=True))
    + r"))(?![A-Za-z0-9])"
)
_MEASURE_ABBREVIATION = re.compile(
    r"(?:" + SPACE + r"?|-)(?P<u>"
    + "|".join(re.escape(abbr) for abbr in sorted(MEASURE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![A-Za-z0-9])"
)
_ATTACHED_UNIT = re.compile(r"(?P<u>[tlgCF])(?![A-Za-z0-9])")
_ORDINAL_SUFFIX = re.compile(r"(?P<u>st|nd|rd|th)(?![A-Za-z0-9])")
NEXT_WORD = re.compile(SPACE + r"+(?P<w>[a-z]+)\b")
"""The lower-case word after a position, one or more spaces on."""


def currency_prefix(text: str, core_start: int) -> tuple[int, str] | None:
    """The start and ISO code of a currency sign or code right before a figure."""
    floor = max(0, core_start - 12)
    match = _CURRENCY_PREFIX.search(text[floor:core_start])
    if not match:
        return None
    symbol = match.group().strip(" \t\u00a0\u202f")
    code = CURRENCY_SYMBOLS.get(symbol)
    if code is None:
        code = "CNY" if symbol == "RMB" else symbol
    return floor + match.start(), code


def read_scale(text: str, position: int, candidate: Candidate, money: bool) -> int:
    """Read a scale word or letter after a figure; return the position after it."""
    match = _SCALE_WORD.match(text, position)
    if match and (money or not match.group("quote")):
        # a quotation that closes inside a sum ("asking for $5.6” billion") keeps its scale
        candidate.scale = MAGNITUDE_WORDS[match.group("w").lower()]
        candidate.scaled = True
        return match.end()
    match = _SCALE_LETTER.match(text, position)
    if not match:
        return position
    letter = match.group("w")
    follows = NEXT_WORD.match(text[match.end():match.end() + 30])
    plural_noun = follows is not None and _plural_noun(follows.group("w"))
    currency_after = bool(CURRENCY_WORD.match(text[match.end():match.end() + 40]))
    if money or currency_after or (letter in "mk" and plural_noun):
        candidate.scale = MAGNITUDE_LETTERS[letter.lower()]
        candidate.scaled = True
        return match.end()
    return position


def _plural_noun(word: str) -> bool:
    """A lower-case word that looks like a plural noun and is not a unit."""
    if word in ("people", "children", "men", "women"):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and (
        word not in MEASURE_WORDS)


def _read_currency(text: str, position: int, candidate: Candidate) -> int:
    """Read a currency word, code or trailing sign; return the position after it."""
    match = CURRENCY_WORD.match(text, position)
    if not match:
        return position
    if match.group("iso"):
        code = match.group("iso")
        candidate.currency = "CNY" if code == "RMB" else code
        return match.end()
    if match.group("sym"):
        candidate.currency = "EUR"
        return match.end()
    word = match.group("cur").lower()
    adjective = (match.group("adj") or "").lower()
    if word.startswith("pound") and "sterling" not in word and not (
            candidate.scaled or candidate.currency or adjective in ("british", "egyptian")):
        return position
    if word == "won" and not (candidate.scaled or "korean" in adjective):
        return position
    stem = word.rstrip("s") if word not in ("reais", "lira", "lire") else word
    candidate.currency = CURRENCY_ADJECTIVES.get((adjective, stem)) or CURRENCY_WORDS[word]
    return match.end()


def read_unit(text: str, position: int, candidate: Candidate, attached: bool) -> int:
    """Read a percent sign, currency, measure unit or ordinal suffix after a figure.

    `attached` allows the forms that only follow figures directly ("40C", "3rd").
    """
    if candidate.currency is None:
        match = _PERCENT.match(text, position)
        if match:
            candidate.unit = _percent_unit(match.group("u"))
            candidate.kind = "percent"
            return match.end()
    after = _read_currency(text, position, candidate)
    if after != position or candidate.currency is not None:
        return after
    match = _MEASURE_WORD.match(text, position)
    if match:
        candidate.unit = MEASURE_WORDS[" ".join(match.group("u").lower().split())]
        candidate.kind = "measure"
        return match.end()
    if attached:
        match = _MEASURE_ABBREVIATION.match(text, position)
        if match:
            candidate.unit = MEASURE_ABBREVIATIONS[match.group("u")]
            candidate.kind = "measure"
            return match.end()
        match = _ATTACHED_UNIT.match(text, position)
        if match:
            candidate.unit = ATTACHED_UNIT_LETTERS[match.group("u")]
            candidate.kind = "measure"
            return match.end()
        if not candidate.scaled:
            match = _ORDINAL_SUFFIX.match(text, position)
            if match:
                candidate.kind = "ordinal"
                return match.end()
    return position


def _percent_unit(text: str) -> str:
    """The normal unit of a percent form as matched."""
    if text in ("%", "％"):
        return "%"
    key = " ".join(text.lower().replace("-", " ").split())
    return PERCENT_UNITS.get(key, PERCENT_UNITS.get(key.replace(" ", ""), "%"))
