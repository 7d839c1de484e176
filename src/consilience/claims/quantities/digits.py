"""Numbers written with digits ("3.5%", "$1.2bn", "-4", "25 km", "21st"), with their context.

Each figure becomes a `Candidate`: its currency sign or minus before it, its scale and unit
after it, and, when it is not a quantity, why (`skip`): part of a word or name ("G7",
"COVID-19", "F-35", "2+2", "Article 5"), a time, a date or year, a list marker, an address.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .context import (
    ADDRESS_AFTER,
    TIME_SUFFIX,
    date_or_year,
    is_list_number,
    name_before,
)
from .figures import SPACE, digit_runs
from .units import currency_prefix, read_scale, read_unit

HALF = re.compile(SPACE + r"+and" + SPACE + r"+a" + SPACE + r"+half(?![A-Za-z0-9])")
"""" and a half" after a number: adds 0.5."""
MINUS_BEFORE = re.compile(r"(?<![A-Za-z])(?i:minus|negative)" + SPACE + r"\Z")
""""minus" or "negative" right before a number: negates it."""


def _left_context(text: str, candidate: Candidate) -> None:
    """Mark what the characters before a figure say: currency, sign, a word it belongs to."""
    core = candidate.core_start
    prefix = currency_prefix(text, core)
    if prefix:
        candidate.start, candidate.currency = prefix
    elif core > 0:
        before = text[core - 1]
        two_back = text[core - 2] if core > 1 else " "
        in_word = (before.isalpha() or before == "_"
                   or (before in "-‐" and two_back.isalpha())
                   or (before in ".," and two_back.isalnum())
                   or before in "#@§"
                   or (before in "'’" and candidate.core_end - core == 2))
        if in_word:
            candidate.skip = "word"
        elif before == "+" and two_back.isdigit():
            candidate.skip = "arithmetic"
        elif before == "[" and text[candidate.core_end:candidate.core_end + 1] == "]":
            candidate.skip = "reference"
    lead = candidate.start
    if lead > 0 and text[lead - 1] in "-−" and (lead < 2 or not text[lead - 2].isalnum()):
        candidate.base = -candidate.base
        candidate.start = lead - 1
    else:
        minus = MINUS_BEFORE.search(text[max(0, lead - 10):lead])
        if minus:
            candidate.base = -candidate.base
            candidate.start = max(0, lead - 10) + minus.start()
    if candidate.currency is None and not candidate.skip and name_before(text, candidate.start):
        candidate.skip = "name"


def _right_context(text: str, candidate: Candidate) -> None:
    """Read scale and unit after a figure and mark figures that are parts of words or times."""
    end = candidate.core_end
    if TIME_SUFFIX.match(text, end):
        candidate.skip = candidate.skip or "time"
        return
    position = read_scale(text, end, candidate, money=candidate.currency is not None)
    position = read_unit(text, position, candidate, attached=True)
    candidate.end = position
    following = text[position:position + 2]
    if following[:1].isalnum() or following[:1] == "_":
        candidate.skip = candidate.skip or "word"
    elif following[:1] == "+" and following[1:2].isdigit():
        candidate.skip = candidate.skip or "arithmetic"


def digit_candidates(text: str) -> list[Candidate]:
    """Every figure in the text, with its context read and its skip reason, if any."""
    candidates: list[Candidate] = []
    for start, end, value in digit_runs(text):
        if value is None:
            candidates.append(Candidate(start, end, start, end, 0.0, skip="format"))
            continue
        candidate = Candidate(start, end, start, end, value, plain=text[start:end])
        _left_context(text, candidate)
        if candidate.skip == "word":
            candidates.append(candidate)
            continue
        _right_context(text, candidate)
        if not candidate.skip:
            candidate.skip = date_or_year(text, candidate)
        if not candidate.skip and candidate.kind == "count":
            if is_list_number(text, start, end):
                candidate.skip = "list"
            elif not candidate.scaled and ADDRESS_AFTER.match(text[end:end + 40]):
                candidate.skip = "address"
        if not candidate.skip and candidate.kind in ("count", "measure"):
            half = HALF.match(text, candidate.core_end)
            if half and not candidate.scaled and candidate.end == candidate.core_end:
                candidate.base += 0.5 if candidate.base >= 0 else -0.5
                candidate.end = half.end()
                candidate.end = read_unit(text, candidate.end, candidate, attached=False)
        candidates.append(candidate)
    return candidates
