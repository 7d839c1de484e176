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

DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
# Prepositions that some mention boundaries take in ("in the Gulf of Aden").
LEADING_PREPOSITIONS = frozenset({"in", "on", "at", "from", "to", "near", "into", "across",
                                  "around", "outside", "inside", "throughout", "within"})
# Honorifics and office titles that stand before a name ("Mr. Smith", "General Lee").
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord",
    "lady",
    "rev", "reverend", "father", "sister", "brother", "rabbi", "imam", "sheikh", "pope",
    "president", "vice", "premier", "chancellor", "king", "queen", "prince", "princess",
    "emperor", "empress", "sultan", "emir", "general", "lieutenant", "colonel", "major",
    "captain", "admiral", "commander", "sergeant", "corporal", "private", "marshal",
    "brigadier", "senator", "representative", "congressman", "congresswoman", "governor",
    "mayor", "judge", "justice",
    "minister", "secretary", "undersecretary", "ambassador", "envoy", "chairman", "chairwoman",
    "chair", "chief", "director", "spokesman", "spokeswoman", "spokesperson", "officer",
    "commissioner", "deputy", "acting", "former", "ex", "prime", "foreign", "defense", "defence",
    "interior", "finance", "state", "attorney", "speaker", "leader", "ceo", "cfo", "coach",
    "detective", "inspector", "superintendent", "constable", "pastor", "bishop",
    "cardinal", "archbishop", "saint", "dean", "provost", "principal", "presidential",
    "candidate", "nominee", "analyst", "expert", "economist", "under",
})
# Abbreviated titles only count with their full stop ("Gen." is a title, "Gen" a given name).
_ABBREVIATED_TITLES = frozenset({"gen", "lt", "col", "maj", "capt", "adm", "cmdr", "sgt", "sen",
                                 "rep", "gov", "st", "prof", "rev", "dr", "mr", "mrs", "ms"})
_ALWAYS_TITLES = frozenset({"mr", "mrs", "ms", "dr", "mx"})
# Last words that make a name an organisation's ("... Morning Post", "... Democratic Party").
ORGANISATION_HEADS = frozenset({
    "post", "times", "news", "party", "institute", "university", "college", "school", "agency",
    "ministry", "department", "company", "co", "corp", "corporation", "inc", "ltd", "llc", "plc",
    "group", "bank", "council", "committee", "association", "centre", "center", "press",
    "journal", "herald", "tribune", "daily", "network", "foundation", "fund", "union",
    "commission", "court", "army", "navy", "forces", "force", "office", "service", "services",
    "organisation", "organization", "club", "board", "authority", "federation", "alliance",
    "coalition", "front", "movement", "police", "guard", "reuters", "telegraph", "gazette",
    "magazine", "radio", "television", "tv", "broadcasting", "airlines", "airways", "motors",
    "systems", "technologies", "labs", "laboratories", "hospital", "church", "parliament",
    "assembly", "congress", "senate", "cabinet", "embassy", "consulate", "secretariat",
})
CONNECTORS = frozenset({"of", "for", "and", "the", "de", "la", "du", "von", "van", "der", "del",
                        "on", "in", "at", "&"})
_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?|&", re.UNICODE)
# Initialisms: dotted (U.S.), short capitals (NATO, AUKUS), mixed (DoD). A longer all-capitals
# word is a name in a shouted headline ("WILLIAMS"), not an initialism.
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]?\.?$|^[A-Z][A-Z0-9&]{1,4}$|^[A-Z]{1,3}[a-z][A-Z]+$")
# Particles that begin some surnames in lower case ("de Gaulle", "van Gogh", "al-Assad").
NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den",
                            "la", "le", "al", "el", "bin", "ibn", "ben", "dos", "das", "ter"})
_ABBREVIATED_WORDS = {"mt": "mount", "ft": "fort", "mtn": "mountain"}

# Common alternative forms of country and union names (general world knowledge): each form maps
# to one key so that "U.S.", "US", "USA" and "the United States" compare equal.
_COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    "united states": ("us", "u.s.", "u.s", "usa", "u.s.a.", "u.s.a", "united states of america",
                      "america", "the states"),
    "united kingdom": ("uk", "u.k.", "u.k", "britain", "great britain"),
    "european union": ("eu", "e.u.", "e.u"),
    "united nations": ("un", "u.n.", "u.n"),
    "united arab emirates": ("uae", "u.a.e.", "emirates"),
    "soviet union": ("ussr", "u.s.s.r."),
    "north korea": ("dprk", "democratic people's republic of korea"),
    "south korea": ("rok", "republic of korea"),
    "china": ("prc", "people's republic of china", "mainland china"),
    "russia": ("russian federation",),
    "czech republic": ("czechia",),
    "netherlands": ("holland", "the netherlands"),
}
COUNTRY_KEYS: dict[str, str] = {form: key for key, forms in _COUNTRY_FORMS.items()
                                for form in (key, *forms)}


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


def name_key(tokens: tuple[str, ...], acronym: bool) -> str:
    """Comparison key of a bare name: folded, abbreviations spelt out, country forms unified."""
    if acronym:
        joined = acronym_key(" ".join(tokens))
    else:
        joined = " ".join(_ABBREVIATED_WORDS.get(word, word)
                          for word in fold(" ".join(tokens)).replace(".", " ").split())
    return COUNTRY_KEYS.get(joined, COUNTRY_KEYS.get(fold(" ".join(tokens)), joined))


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})


def is_title_word(token: str) -> bool:
    """A word of an honorific or office title; abbreviations only with their full stop."""
    bare = fold(token).rstrip(".")
    if bare in _ABBREVIATED_TITLES:
        return token.endswith(".") or bare in _ALWAYS_TITLES
    return bare in TITLE_WORDS


def _is_title(token: str, next_token: str | None) -> bool:
    return next_token is not None and is_title_word(token)


_SPACED_JOINER = re.compile(r"(?<=\w)\s+([-/])\s+(?=\w)|(?<=\w)\s+([’']s)\b")
_SPACED_INITIALS = re.compile(r"\b([A-Z])\s+\.(?:\s+(?=[A-Z]\b)|(?=\s|$))")


_GLUED_TITLE = re.compile(
    r"\b(Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Capt|Prof|Rev|Sgt|Adm)\.(?=[A-Z])")


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
    # Titles come off the front only while a capitalised name remains after them.
    while len(tokens) > 1 and _is_title(tokens[0], tokens[1]) and any(
            token[:1].isupper() for token in tokens[1:]):
        titles.append(tokens.pop(0))
        while len(tokens) > 1 and fold(tokens[0]) in CONNECTORS:
            titles.append(tokens.pop(0))
    while len(tokens) > 1 and fold(tokens[-1]).strip(".,") in _NAME_SUFFIXES:
        tokens.pop()
    bare = tuple(token.rstrip(".") if not is_acronym(token) else token for token in tokens)
    bare = tuple(token for token in bare if token)
    acronym = len(bare) == 1 and is_acronym(bare[0])
    return NameForm(text, bare, tuple(titles), acronym, name_key(bare, acronym),
                    fold(bare[0]) if bare else "", fold(bare[-1]) if bare else "")
