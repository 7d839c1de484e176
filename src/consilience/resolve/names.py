"""What a name says by itself: its bare tokens, titles, acronym form and comparison keys.

Everything here is general knowledge about how news text names people, organisations and
places: honorifics and office titles before a name, determiners, possessives, initialisms and
the common alternative forms of country names. Nothing is specific to one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from anyascii import anyascii

from ..lang.en.given_names import given_name_gender
from ..lang.en.names import (
    COUNTRY_KEYS,
    GENDERED_HONORIFICS,
    GENERATIONAL_SUFFIXES,
    LEADING_PREPOSITIONS,
    MEMBER_GROUP_HEADS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORGANISATION_HEADS,
    PLACE_ABBREVIATIONS,
    US_STATE_ABBREVIATIONS,
)
from ..lang.en.names import NAME_CONNECTORS as CONNECTORS
from ..lang.en.stopwords import DETERMINERS
from ..lang.en.titles import TITLE_ABBREVIATIONS, is_title_word

_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?|&", re.UNICODE)
# Initialisms: dotted (U.S.), short capitals (NATO, AUKUS), mixed (DoD). A longer all-capitals
# word is a name in a shouted headline ("WILLIAMS"), not an initialism.
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?\.?$|^[A-Z][A-Z0-9&]{1,4}$|^[A-Z]{1,3}[a-z][A-Z]+$")


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """ASCII, case-folded: the form names are compared in ("Müller" = "muller")."""
    return anyascii(text).casefold()


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    """A phonetic code of one name token (Metaphone), for spelling variants of one sound."""
    folded = re.sub(r"[^a-z]", "", fold(token))
    return jellyfish.metaphone(folded) if folded else ""


def similarity(left: str, right: str) -> float:
    """How alike two name tokens are, 0..1 (Jaro-Winkler on folded forms)."""
    return jellyfish.jaro_winkler_similarity(fold(left), fold(right))


def edit_distance(left: str, right: str) -> int:
    return jellyfish.damerau_levenshtein_distance(fold(left), fold(right))


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text.strip()))


def acronym_key(text: str) -> str:
    """"U.S." -> "us": the letters of an initialism."""
    return re.sub(r"[^a-z0-9&]", "", fold(text))


def initials(tokens: tuple[str, ...]) -> str:
    """Initials of the significant words: ("South", "China", "Morning", "Post") -> "scmp"."""
    return "".join(fold(token)[0] for token in tokens
                   if fold(token) not in CONNECTORS and fold(token)[:1].isalnum())


@dataclass(frozen=True, slots=True)
class NameForm:
    """A mention's name, taken apart."""

    text: str                    # as written
    tokens: tuple[str, ...]      # the bare name: no determiner, title or possessive
    titles: tuple[str, ...]      # titles found before the name ("General", "Mr.")
    acronym: bool
    key: str = ""                # comparison key of the whole bare name (see name_key)
    first: str = ""              # first and last token, folded
    last: str = ""
    suffix: str = ""             # a generational suffix, folded ("jr", "iii")
    gender: str = ""             # what a gendered honorific says ("male", "female")


def name_word(token: str) -> str:
    """One word of a name as names are compared: folded, "&" read as "and"."""
    return "and" if token == "&" else fold(token)


def name_key(tokens: tuple[str, ...], acronym: bool) -> str:
    """Comparison key of a bare name: folded, "&" read "and", abbreviations spelt out, country
    forms unified."""
    if acronym:
        joined = acronym_key(" ".join(tokens))
    else:
        joined = " ".join(PLACE_ABBREVIATIONS.get(word, word) for word in
                          " ".join(name_word(token) for token in tokens).replace(".", " ").split())
    return COUNTRY_KEYS.get(joined, COUNTRY_KEYS.get(fold(" ".join(tokens)), joined))


def _is_title(token: str, next_token: str | None) -> bool:
    return next_token is not None and is_title_word(token)


_SPACED_JOINER = re.compile(r"(?<=\w)\s+([-/])\s+(?=\w)|(?<=\w)\s+([’']s)\b")
_SPACED_INITIALS = re.compile(r"\b([A-Z])\s+\.(?:\s+(?=[A-Z]\b)|(?=\s|$))")


_GLUED_TITLE = re.compile(r"\b(" + "|".join(sorted(
    abbreviation.capitalize() for abbreviation in TITLE_ABBREVIATIONS)) + r")\.(?=[A-Z])")


def _rejoin(text: str) -> str:
    """Undo tokenised spacing inside names ("T - Mobile", "U . S .", "Sam 's") and split a
    title glued to the name ("Gov.Jane Doe")."""
    text = _GLUED_TITLE.sub(r"\1. ", text)
    text = _SPACED_INITIALS.sub(r"\1.", text)
    return _SPACED_JOINER.sub(lambda match: match.group(1) or match.group(2), text)


# The white space before the word is matched from its start only ("(?<!\s)"), the rest never
# given back: from every space of a long run, "\s+" would otherwise scan the run again.
_TRAILING_PLACE = re.compile(
    r"(?<!\s)\s+(?:between|in|at|on|near|off|from|with|outside|inside|along|across|during|"
    r"after|before|since|until|by)\s++.*+$")


# A quoted or bracketed nickname. The brackets hold 1-30 characters between optional white
# space ("\(\s*[^()]{1,30}\s*\)" as first written): their trimmed text has 1-30 characters,
# or they hold only white space. Written so, a long run of white space is read once, not
# shared out between the two "\s*" and the 30 characters in every possible way.
_NICKNAME = re.compile(
    r"(?<!\s)\s+(?:[\"“'‘]{1,2}[^\"”'’]{1,30}[\"”'’]{1,2}"
    r"|\((?:\s*+[^()\s](?:[^()]{0,28}[^()\s])?\s*+|\s++)\))(?=\s+[A-Z])")
# A comma or bracket that ends the name, with the white space around it (that before it
# matched from the start of its run only, as above).
_NAME_END = re.compile(r"(?:(?<!\s)\s+)?[,(;]\s*")


def _core(text: str) -> str:
    """The name inside a longer mention: before a comma or bracket that follows it ("Jane Doe,
    61", "Springfield, Ill.") or a lower-case preposition ("X Theatre at Y Center"), without
    the lower-case words before it ("the notorious X", "waters of the X")."""
    text = _NICKNAME.sub("", text)  # Vincent "The Chin" Gigante, Luis (Jerry) Ortiz
    head = _NAME_END.split(text, maxsplit=1)[0]
    if any(token[:1].isupper() for token in head.split()):
        text = head
    words = text.split()
    first_capital = next((index for index, word in enumerate(words)
                          if word[:1].isupper() or word[:1].isdigit()), None)
    if first_capital:
        start = first_capital
        while start > 0 and words[start - 1].casefold() in NAME_PARTICLES:
            start -= 1
        words = words[start:]
    text = " ".join(words)
    shorter = _TRAILING_PLACE.sub("", text)
    return shorter if any(token[:1].isupper() for token in shorter.split()) else text


@lru_cache(maxsize=65536)
def parse_name(text: str) -> NameForm:
    """Split a mention's text into its bare name and the titles written before it."""
    tokens = _TOKEN.findall(_core(_rejoin(" ".join(text.split()))))
    while len(tokens) > 1 and (fold(tokens[0]) in DETERMINERS
                               or fold(tokens[0]) in LEADING_PREPOSITIONS):
        tokens = tokens[1:]
    if tokens:
        tokens[-1] = _POSSESSIVE.sub("", tokens[-1]) or tokens[-1]
    titles: list[str] = []
    # Titles come off the front only while a capitalised name remains after them, and not
    # from a body's name: "Justice Department", "General Motors" are names, not a title and
    # a name.
    body = fold(tokens[-1]).rstrip(".") in ORGANISATION_HEADS if tokens else False
    while len(tokens) > 1 and not body and _is_title(tokens[0], tokens[1]) and any(
            token[:1].isupper() for token in tokens[1:]):
        titles.append(tokens.pop(0))
        while len(tokens) > 1 and fold(tokens[0]) in CONNECTORS:
            titles.append(tokens.pop(0))
    suffix = ""
    while len(tokens) > 1 and fold(tokens[-1]).strip(".,") in NAME_SUFFIXES:
        removed = fold(tokens.pop()).strip(".,")
        if removed in GENERATIONAL_SUFFIXES:
            suffix = removed
    bare = tuple(token.rstrip(".") if not is_acronym(token) else token for token in tokens)
    bare = tuple(token for token in bare if token)
    acronym = len(bare) == 1 and is_acronym(bare[0])
    genders = {GENDERED_HONORIFICS[fold(title).rstrip(".")] for title in titles
               if fold(title).rstrip(".") in GENDERED_HONORIFICS}
    # a US state's abbreviation written alone with its stop ("Tex.", "N.Y.") is the state
    state = US_STATE_ABBREVIATIONS.get(re.sub(r"[^a-z]", "", fold(tokens[0]))) \
        if len(tokens) == 1 and tokens[0].endswith(".") else None
    acronym = acronym and state is None
    key = (state or name_key(bare, acronym)) + (f" {suffix}" if suffix else "")
    if not genders and len(bare) > 1 and not acronym \
            and fold(bare[-1]) not in ORGANISATION_HEADS \
            and fold(bare[-1]) not in MEMBER_GROUP_HEADS:
        # a full name says its bearer's gender by its given name ("Hillary Reyes")
        genders = {given_name_gender(bare[0])} - {""}
    return NameForm(text, bare, tuple(titles), acronym, key,
                    fold(bare[0]) if bare else "", fold(bare[-1]) if bare else "", suffix,
                    genders.pop() if len(genders) == 1 else "")


def middle_initials(form: NameForm) -> str:
    """The initials written between the given name and the surname ("hw" for George H. W.
    Bush, "" for George Bush); "" too when anything else stands there ("Polygamist leader
    Warren Jeffs", "Aoraki Mount Cook National Park")."""
    middle = form.tokens[1:-1]
    if not middle or not all(len(token.rstrip(".")) == 1 for token in middle):
        return ""
    return "".join(fold(token)[:1] for token in middle)


def same_person_parts(left: NameForm, right: NameForm, strict_suffix: bool = True) -> bool:
    """Whether two names with one surname can name one person by what they say besides it:
    the same generational suffix (with `strict_suffix`, as within one article that writes
    both "Donald Doyle" and "Donald Doyle Jr."; without it only two different suffixes
    differ, as across outlets, one of which drops the "Jr."), middle initials that do not
    differ when both give them, and the same gender when both honorifics give one."""
    if left.suffix != right.suffix and (strict_suffix or (left.suffix and right.suffix)):
        return False
    if left.gender and right.gender and left.gender != right.gender:
        return False
    middle_left, middle_right = middle_initials(left), middle_initials(right)
    return not (middle_left and middle_right and middle_left != middle_right)
