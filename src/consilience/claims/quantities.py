"""Quantities in English news text: a fast, regex-based extractor and normaliser.

`find_quantities` reads percentages, money, counts, measures and ordinals, in figures
("3.5%", "$1.2bn", "1,000", "25 km", "21st") or in words ("three per cent", "two hundred and
forty", "a dozen", "third"), and returns `Quantity` records whose spans index the whole text.

Decisions on ambiguous forms:

* "1,000" is a thousand (English grouping); "3,5" and "1,0005" (a single comma not followed
  by exactly three digits) are comma decimals. "1.000.000" and "1.000,5" are European grouping.
  A lone "1.000" is the decimal 1.0: a dot means thousands only with a second ".ddd" group or
  a ",d" decimal after it. Any other mix of separators ("3.5.1", "1,2,3") is not a number.
* Grouping with a narrow, thin or no-break space ("1 000") is read as thousands; a plain space
  never joins figures.
* Years are skipped: a bare four-digit 1800-2100 figure without a unit, scale or currency
  ("in 1951", "fiscal year 2027", and also "2000 troops"). So are day numbers next to a month
  ("July 1", "1st of July", "June 24-25"), times ("10:30", "3 pm"), fractions and dates with a
  slash, hyphen chains of three or more figures (ISO dates, phone numbers), version numbers,
  numbers inside words or names ("G7", "COVID-19", "F-35", "2+2", "Article 5"), URLs, e-mail
  addresses and list numbering ("1. ").
* A bare "one" is kept only in a clear number context: a compound ("one hundred"), a unit
  ("one per cent", "a one-year delay"), a quantifier before it ("only one", "at least one") or a
  coordinated number ("one or two"). "one of the", "no one" and "one day" are skipped.
* An attached "m" is million for money ("€5m") or before a plural noun ("5m people") and
  metres otherwise ("a 5m wall"); "k" and "b" scale only money or plural nouns.
* "pounds" is sterling with a scale ("5 million pounds") or "sterling", otherwise weight; "won"
  is the Korean currency only with a scale or "Korean".
* Ranges ("3-4%", "3 to 4 million", "$3-4bn", "between 2 and 3 per cent") give two quantities
  and share the unit, scale and currency; a hyphen range needs the first figure smaller, so a
  score ("won 3-1") is skipped.
* Basis points keep their own unit "bp"; units are never converted.
* Role: "previous" after a clear earlier-value cue in the same clause, within six words ("up
  from", "down from", "compared with", "previous", "earlier", "former", "prior", "last
  year's", "had been", "from" after a change verb or before "to"); a bare "was" is not a cue.
  "target" after "to" when the nearest change verb before it is a base, present or -ing form
  ("raise spending to 3.5%", "an increase to 5 percent", "should be raised to 5%"), after
  "target of" / "goal of", or before "target" / "goal" ("the 2% target"); a past form ("rose to
  5%") leaves it current.

Every pattern is linear: no nested unbounded quantifiers, and every context check reads a
bounded slice around the match, so adversarial inputs cost time proportional to their length.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import cast

from ..models import Quantity, QuantityKind, QuantityRole, Span

logger = logging.getLogger(__name__)

__all__ = ["find_quantities", "format_quantity", "quantity_key"]

_MAX_TOKEN = 40
_MAX_INT_DIGITS = 15
_CUE_WORDS = 6
_WINDOW = 120

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALE_WORDS = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "crore": 1e7, "lakh": 1e5, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12,
}
_SCALE_LETTERS = {"k": 1e3, "m": 1e6, "b": 1e9}
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}
_ORDINAL_OTHER = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
}

_SYMBOL_CURRENCY = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "NT$": "TWD",
    "MX$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP", "Rs": "INR", "Rs.": "INR",
}
_ISO_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "AUD", "CAD", "HKD", "NZD", "SGD",
    "KRW", "RUB", "TRY", "ILS", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "UAH", "AED",
    "SAR", "NGN", "TWD", "PKR", "IDR", "THB", "MYR", "PHP", "EGP",
)
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "sterling": "GBP",
    "pound sterling": "GBP", "pounds sterling": "GBP", "pound": "GBP", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "won": "KRW",
    "franc": "CHF", "francs": "CHF", "lira": "TRY", "liras": "TRY", "lire": "TRY",
    "shekel": "ILS", "shekels": "ILS", "peso": "MXN", "pesos": "MXN", "reais": "BRL",
    "rand": "ZAR", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
    "naira": "NGN", "hryvnia": "UAH", "hryvnias": "UAH", "zloty": "PLN", "zlotys": "PLN",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "ringgit": "MYR",
    "baht": "THB", "rupiah": "IDR",
}
# An adjective before a currency word that changes which currency it is.
_CURRENCY_ADJECTIVES = {
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("taiwanese", "dollar"): "TWD", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("argentine", "peso"): "ARS",
    ("argentinian", "peso"): "ARS", ("philippine", "peso"): "PHP",
    ("chilean", "peso"): "CLP", ("colombian", "peso"): "COP", ("egyptian", "pound"): "EGP",
    ("danish", "krone"): "DKK", ("swiss", "franc"): "CHF",
}

_MEASURE_WORDS = {
    "kilometres": "km", "kilometre": "km", "kilometers": "km", "kilometer": "km",
    "square kilometres": "km²", "square kilometers": "km²", "square kilometre": "km²",
    "square kilometer": "km²", "square miles": "mi²", "square mile": "mi²",
    "square metres": "m²", "square meters": "m²", "metres": "m", "metre": "m", "meters": "m",
    "meter": "m", "centimetres": "cm", "centimeters": "cm", "millimetres": "mm",
    "millimeters": "mm", "nautical miles": "nmi", "miles": "mi", "mile": "mi", "feet": "ft",
    "foot": "ft", "inches": "in", "inch": "in", "kilograms": "kg", "kilogram": "kg",
    "kilogrammes": "kg", "kilos": "kg", "kilo": "kg", "grams": "g", "gram": "g",
    "grammes": "g", "metric tons": "t", "metric tonnes": "t", "tonnes": "t", "tonne": "t",
    "tons": "t", "ton": "t", "pounds": "lb", "pound": "lb", "litres": "l", "litre": "l",
    "liters": "l", "liter": "l", "gallons": "gal", "gallon": "gal",
    "barrels per day": "bbl/d", "barrels a day": "bbl/d", "barrels": "bbl", "barrel": "bbl",
    "degrees celsius": "°C", "degrees centigrade": "°C", "degrees fahrenheit": "°F",
    "degrees": "°", "degree": "°", "hectares": "ha", "hectare": "ha", "acres": "acre",
    "acre": "acre", "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW", "gigawatt": "GW",
    "kilowatts": "kW", "kilowatt": "kW", "knots": "kn", "years": "yr", "year": "yr",
    "months": "mo", "month": "mo", "weeks": "wk", "week": "wk", "days": "d", "day": "d",
    "hours": "h", "hour": "h", "minutes": "min", "minute": "min", "seconds": "s",
    "second": "s",
}
_DURATIONS = frozenset({"yr", "mo", "wk", "d", "h", "min", "s"})
# Abbreviations, case-sensitive, that may follow a figure after at most one space.
_MEASURE_ABBREVIATIONS = {
    "km/h": "km/h", "km²": "km²", "km2": "km²", "sq km": "km²", "sq mi": "mi²", "kph": "km/h",
    "mph": "mph", "km": "km", "cm": "cm", "mm": "mm", "mi": "mi", "ft": "ft", "kg": "kg",
    "lbs": "lb", "lb": "lb", "bbl": "bbl", "bpd": "bbl/d", "MWh": "MWh", "GWh": "GWh",
    "kWh": "kWh", "TWh": "TWh", "MW": "MW", "GW": "GW", "kW": "kW", "TW": "TW", "ha": "ha",
    "yrs": "yr", "hrs": "h", "hr": "h", "mins": "min", "min": "min", "m": "m",
    "°C": "°C", "°F": "°F", "ºC": "°C", "ºF": "°F", "°": "°", "º": "°",
}
# Single letters read as a unit only when attached to the figure ("40C", "3t").
_ATTACHED_UNITS = {"t": "t", "l": "l", "g": "g", "C": "°C", "F": "°F"}

_PERCENT_UNITS = {
    "%": "%", "％": "%", "per cent": "%", "percent": "%", "per-cent": "%", "pc": "%",
    "pct": "%", "percentage point": "pp", "percentage points": "pp", "pp": "pp", "ppt": "pp",
    "ppts": "pp", "basis point": "bp", "basis points": "bp", "bp": "bp", "bps": "bp",
}

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_NAME_PREFIXES = frozenset({
    "no", "nos", "number", "article", "articles", "section", "chapter", "title", "resolution",
    "route", "highway", "interstate", "flight", "room", "phase", "stage", "gate", "terminal",
    "platform", "line", "channel", "boeing", "airbus", "apollo", "windows", "iphone", "formula",
    "group", "vision", "agenda", "amendment", "proposition", "prop", "rule", "order", "unit",
    "block", "sector", "zone", "district", "ward", "camp", "vol", "volume", "episode", "season",
    "part", "page", "fig", "figure", "table", "exhibit", "category", "class", "grade", "tier",
    "level", "step", "game", "round", "week", "day", "match", "act", "type", "model", "series",
    "covid", "cop", "fortune", "ftse", "s&p", "nasdaq", "stoxx", "dax", "cac", "nikkei",
    "russell", "dow", "euro", "mark", "mk", "pier", "building", "apartment", "suite", "psalm",
    "paragraph", "clause", "bill", "pillar", "su", "mig", "falcon", "top",
})
_NOT_ACRONYMS = frozenset(_ISO_CODES) | frozenset({
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
    "I", "A", "RS",
})
_QUANTIFIERS = frozenset({
    "only", "just", "least", "most", "than", "exactly", "about", "nearly", "around", "almost",
    "approximately", "roughly", "merely", "precisely",
})
_ONE_NOUNS = frozenset({
    "person", "man", "woman", "child", "soldier", "civilian", "officer", "death", "seat",
    "vote", "victim", "member", "player",
})
_FRACTIONS = (
    "halves|half|quarters|quarter|thirds|third|fourths|fifths|fifth|sixths|sixth|sevenths|"
    "seventh|eighths|eighth|ninths|ninth|tenths|tenth"
)

# Words allowed between a cue ("to", "from", "of") and the figure it introduces.
_MODIFIERS = frozenset({
    "about", "around", "roughly", "nearly", "almost", "approximately", "some", "just", "only",
    "over", "under", "at", "least", "most", "more", "less", "fewer", "than", "as", "much",
    "high", "low", "many", "an", "a", "the", "estimated", "expected", "projected", "reported",
    "record", "new", "its", "their", "his", "her", "our", "total", "another", "additional",
    "extra", "further", "mere", "whopping", "full", "circa", "well", "below", "above",
    "beyond", "within", "$", "€", "£", "¥", "minus", "plus", "us", "earlier", "previous",
    "original", "initial", "revised", "lower", "higher",
})
_CHANGE_BASES = (
    "rise", "raise", "increase", "fall", "drop", "decline", "climb", "grow", "jump", "surge",
    "slip", "cut", "reduce", "lower", "lift", "boost", "hike", "slash", "trim", "bring",
    "push", "ramp", "expand", "revise", "double", "triple", "shrink", "go", "move", "edge",
    "soar", "plunge", "tumble", "narrow", "widen", "set",
)
# Base, present and -ing forms: a figure after "to" is the goal ("raise spending to 3.5%").
_TARGET_VERBS = frozenset(
    {"rise", "rises", "rising", "raise", "raises", "raising", "increase", "increases",
     "increasing", "fall", "falls", "falling", "drop", "drops", "dropping", "decline",
     "declines", "declining", "climb", "climbs", "climbing", "grow", "grows", "growing",
     "cut", "cuts", "cutting", "reduce", "reduces", "reducing", "lower", "lowers", "lowering",
     "lift", "lifts", "lifting", "boost", "boosts", "boosting", "hike", "hikes", "hiking",
     "slash", "slashes", "slashing", "trim", "trims", "trimming", "bring", "brings",
     "bringing", "push", "pushes", "pushing", "ramp", "ramping", "expand", "expands",
     "expanding", "revise", "revises", "revising", "double", "doubling", "triple",
     "tripling", "shrink", "shrinking", "set", "setting"}
)
# Past forms: the figure after "to" is what it became, unless after "be" ("be raised to").
_PAST_CHANGE_VERBS = frozenset(
    {"rose", "risen", "raised", "increased", "fell", "fallen", "dropped", "declined",
     "climbed", "grew", "grown", "jumped", "surged", "slipped", "slid", "reduced", "lowered",
     "lifted", "boosted", "hiked", "slashed", "trimmed", "brought", "pushed", "ramped",
     "expanded", "revised", "doubled", "tripled", "shrank", "shrunk", "went", "gone",
     "moved", "edged", "soared", "plunged", "tumbled", "narrowed", "widened", "ticked"}
)
_CHANGE_VERBS = _TARGET_VERBS | _PAST_CHANGE_VERBS | frozenset(_CHANGE_BASES) | {"up", "down"}
# Forms that are both base and past: a goal only after a modal, "to" or a determiner.
_AMBIGUOUS_VERBS = frozenset({"cut", "set"})
_GOAL_OPENERS = frozenset({
    "to", "will", "would", "should", "must", "could", "can", "may", "might", "shall", "a",
    "an", "the", "further", "deep", "proposed", "planned", "plans", "plan", "wants", "want",
})
_TARGET_NOUNS = frozenset({
    "target", "goal", "aim", "objective", "ambition", "pledge", "promise", "commitment",
})
_PREVIOUS_WORDS = frozenset({
    "previous", "previously", "earlier", "former", "prior", "original", "originally", "old",
    "versus", "vs",
})
_PREVIOUS_PAIRS = frozenset({
    ("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"),
    ("last", "year's"), ("had", "been"), ("a", "year-earlier"), ("year-earlier", "figure"),
})
_NOT_PREVIOUS_AFTER = frozenset({
    "this", "that", "in", "on", "today", "than", "to", "last", "these", "those",
})

# ---------------------------------------------------------------------------------------------
# Patterns (each bounded or anchored: linear over the text)
# ---------------------------------------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f]"
_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9]+(?:[.,:/\u00a0\u202f\u2009][0-9]+)*")
_GROUP_SPACE = re.compile(r"[\u00a0\u202f\u2009]")
_US_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_EU_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_SPACE_GROUPED = re.compile(r"[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?:[.,][0-9]+)?")
_PLAIN = re.compile(r"[0-9]+(?:[.,][0-9]+)?")

_CURRENCY_PREFIX = re.compile(
    r"(?:(?:(?<![A-Za-z])(?:US|U\.S\.|AU|A|CA|C|NZ|HK|S|R|NT|MX))?\$|[€£¥₹₩₽₺₪₦₱]"
    r"|(?<![A-Za-z])(?:Rs\.?|" + "|".join(_ISO_CODES) + r"))" + _SP + r"?\Z"
)
_SCALE_WORD = re.compile(
    r"(?:" + _SP + r"{1,2}|-)?(?P<w>(?i:thousand|million|billion|trillion|crore|lakh|mln|bln"
    r"|mn|bn|trn|tn))(?![A-Za-z0-9])"
)
_SCALE_LETTER = re.compile(r"(?P<w>[mMkKbB])(?![A-Za-z0-9])")
_PERCENT = re.compile(
    r"(?:" + _SP + r"{0,2}|-)(?P<u>%|％|(?i:per" + _SP + r"?cent|per-cent|percent"
    r"|percentage[ \t-]points?|basis[ \t-]points?)|pct|pc|ppts?|pp|bps|bp)(?![A-Za-z0-9])"
)
_ADJECTIVES = (
    r"US|U\.S\.|American|Australian|Canadian|Hong Kong|New Zealand|Singapore|Taiwan|Taiwanese"
    r"|Swiss|Pakistani|Sri Lankan|Indian|Argentine|Argentinian|Mexican|Philippine|Chilean"
    r"|Colombian|South Korean|Korean|Japanese|Chinese|British|Russian|Turkish|Brazilian"
    r"|Israeli|South African|Nigerian|Egyptian|Danish|Swedish|Norwegian"
)
_CURRENCY_WORD = re.compile(
    r"(?:" + _SP + r"{1,2}|-)(?:(?P<adj>" + _ADJECTIVES + r")" + _SP + r")?"
    r"(?P<cur>(?i:" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + r"))"
    r"(?![A-Za-z0-9])"
    r"|" + _SP + r"{0,2}(?P<iso>" + "|".join(_ISO_CODES) + r")(?![A-Za-z0-9])"
    r"|" + _SP + r"?(?P<sym>€)"
)
_MEASURE_WORD = re.compile(
    r"(?:" + _SP + r"{1,2}|-)(?P<u>(?i:"
    + "|".join(re.escape(word) for word in sorted(_MEASURE_WORDS, key=len, reverse=True))
    + r"))(?![A-Za-z0-9])"
)
_MEASURE_ABBREVIATION = re.compile(
    r"(?:" + _SP + r"?|-)(?P<u>"
    + "|".join(re.escape(abbr) for abbr in sorted(_MEASURE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![A-Za-z0-9])"
)
_ATTACHED_UNIT = re.compile(r"(?P<u>[tlgCF])(?![A-Za-z0-9])")
_ORDINAL_SUFFIX = re.compile(r"(?P<u>st|nd|rd|th)(?![A-Za-z0-9])")
_TIME_SUFFIX = re.compile(
    _SP + r"?(?:[ap]\.m\.|(?:am|pm|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|JST|IST"
    r"|AD|BC|BCE|CE)(?![A-Za-z0-9])|o'clock|(?i:local" + _SP + r"time))"
)
_HALF = re.compile(_SP + r"+and" + _SP + r"+a" + _SP + r"+half(?![A-Za-z0-9])")
_HALF_BEFORE = re.compile(r"(?<![A-Za-z])(?i:half)" + _SP + r"+\Z")
_FRACTION_AFTER = re.compile(r"(?:" + _SP + r"|-)(?i:" + _FRACTIONS + r")(?![A-Za-z])")
_MONTH_BEFORE = re.compile(r"(?<![A-Za-z])(?:" + _MONTHS + r")\.?,?" + _SP + r"+(?:the" + _SP
                           + r"+)?\Z")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?" + _SP + r"*(?:of" + _SP + r"+)?(?:" + _MONTHS
                          + r")(?![a-z])")
_ADDRESS_AFTER = re.compile(
    _SP + r"+(?:[A-Z][a-z]+" + _SP + r"+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard"
    r"|Lane|Drive|Place|Square)\b"
)
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][A-Za-z&.]*)" + _SP + r"\Z")
_MINUS_BEFORE = re.compile(r"(?<![A-Za-z])(?i:minus|negative)" + _SP + r"\Z")

_NUMBER_WORD = "|".join([*_SMALL, *_TENS, "hundred", "thousand", "million", "billion",
                         "trillion", "dozen"])
_SPELLED = re.compile(
    r"\b(?:a" + _SP + r"+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    r"(?:" + _NUMBER_WORD + r")\b(?:(?:" + _SP + r"+(?:and" + _SP + r"+)?|-)(?:"
    + _NUMBER_WORD + r")\b)*",
    re.IGNORECASE,
)
_SPELLED_TOKEN = re.compile(r"[A-Za-z]+")
_ORDINAL_WORD = re.compile(
    r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](?:"
    + "|".join(_ORDINAL_UNITS) + r")|" + "|".join([*_ORDINAL_UNITS, *_ORDINAL_OTHER]) + r")\b",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"\+[0-9]{1,3}(?:[ .-]?\(?[0-9]{1,4}\)?){2,6}|\([0-9]{3}\)" + _SP + r"?[0-9]{3}[-. ][0-9]{4}"
)
_NON_SPACE = re.compile(r"\S+")
_CLAUSE_BREAK = re.compile(r"[;:!?\n,()–—]|\.(?=\s)")
_CUE_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[0-9][0-9.,]*|[$€£¥%]")
_THEN_TO = re.compile(r"[ \t]*(?:[A-Za-z%]{1,20}[ \t]+){0,2}to[ \t]")
_GOAL_AFTER = re.compile(r"(?:[ \t]+[A-Za-z-]{1,30}){0,2}?[ \t]+(?:target|goal)s?\b", re.I)
_ONE_AFTER_NUMBER = re.compile(_SP + r"+(?:or|to|and)" + _SP + r"+(?:[0-9]|(?i:"
                               + "|".join([*_SMALL, *_TENS]) + r")\b)")
_NEXT_WORD = re.compile(_SP + r"+(?P<w>[a-z]+)\b")


# ---------------------------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    """A number found in the text, before ranges are joined and skipped ones dropped."""

    start: int
    end: int
    core_start: int
    core_end: int
    base: float
    scale: float = 1.0
    scaled: bool = False
    currency: str | None = None
    unit: str = ""
    kind: str = "count"
    skip: str = ""
    digits: bool = True
    plain: str = ""
    range_of: int | None = None

    @property
    def value(self) -> float:
        return self.base * self.scale


def _parse_figure(token: str) -> float | None:
    """The value of a figure with its separators, or None when it is not one number."""
    if len(token) > _MAX_TOKEN or ":" in token or "/" in token:
        return None
    if _PLAIN.fullmatch(token):
        whole, _, fraction = token.replace(",", ".").partition(".")
        if len(whole) > 1 and whole.startswith("0"):
            return None
        if len(whole) > _MAX_INT_DIGITS:
            return None
        if "," in token and len(fraction) == 3 and len(whole) <= 3:
            return float(whole + fraction)
        return float(f"{whole}.{fraction}") if fraction else float(whole)
    if _US_GROUPED.fullmatch(token):
        return float(token.replace(",", ""))
    if _EU_GROUPED.fullmatch(token):
        return float(token.replace(".", "").replace(",", "."))
    if _SPACE_GROUPED.fullmatch(token):
        return float(_GROUP_SPACE.sub("", token).replace(",", "."))
    return None


def _digit_runs(sub: str) -> list[tuple[int, int, float | None]]:
    """Each run of figures and separators with its value (None for a run that is not a number).

    A run joined by special spaces that is not thousands grouping is split at the spaces.
    """
    runs: list[tuple[int, int, float | None]] = []
    for match in _DIGIT_RUN.finditer(sub):
        token = match.group()
        if _GROUP_SPACE.search(token) and not _SPACE_GROUPED.fullmatch(token):
            for piece in re.finditer(r"[^\u00a0\u202f\u2009]+", token):
                runs.append((match.start() + piece.start(), match.start() + piece.end(),
                             _parse_figure(piece.group())))
            continue
        runs.append((match.start(), match.end(), _parse_figure(token)))
    return runs


def _previous_word(sub: str, position: int) -> str:
    """The word right before `position` (one space between), or ""."""
    match = _WORD_BEFORE.search(sub[max(0, position - 16):position])
    return match.group("w") if match else ""


def _sentence_initial(sub: str, position: int) -> bool:
    """Whether only quotes, brackets or spaces lie between `position` and a sentence start."""
    index = position - 1
    floor = max(0, position - 10)
    while index >= floor and sub[index] in " \t\u00a0\"'“‘([":
        index -= 1
    return index < 0 or sub[index] in ".!?:\n" or index < floor


def _is_list_number(sub: str, start: int, end: int) -> bool:
    """A list marker: a figure alone at the start of a line followed by "." or ")"."""
    index = start - 1
    while index >= 0 and index >= start - 8 and sub[index] in " \t(":
        index -= 1
    at_line_start = index < 0 or sub[index] == "\n"
    return at_line_start and sub[end:end + 2] in (". ", ") ", ".\t", ")\t")


def _name_before(sub: str, position: int) -> bool:
    """A figure that names something: "Article 5", "Boeing 737", "COP 28"."""
    word = _previous_word(sub, position)
    if not word:
        return False
    bare = word.rstrip(".")
    if bare.lower() in _NAME_PREFIXES and (bare[0].isupper() or bare.lower() in ("no", "nos")):
        return True
    return bare.isupper() and 1 <= len(bare) <= 5 and bare.isalpha() and (
        bare not in _NOT_ACRONYMS)


def _currency_prefix(sub: str, core_start: int) -> tuple[int, str] | None:
    """The start and ISO code of a currency sign or code right before a figure."""
    floor = max(0, core_start - 12)
    match = _CURRENCY_PREFIX.search(sub[floor:core_start])
    if not match:
        return None
    symbol = match.group().strip(" \t\u00a0\u202f")
    code = _SYMBOL_CURRENCY.get(symbol)
    if code is None:
        code = "CNY" if symbol == "RMB" else symbol
    return floor + match.start(), code


def _read_scale(sub: str, position: int, candidate: _Candidate, money: bool) -> int:
    """Read a scale word or letter after a figure; return the position after it."""
    match = _SCALE_WORD.match(sub, position)
    if match:
        candidate.scale = _SCALE_WORDS[match.group("w").lower()]
        candidate.scaled = True
        return match.end()
    match = _SCALE_LETTER.match(sub, position)
    if not match:
        return position
    letter = match.group("w")
    follows = _NEXT_WORD.match(sub[match.end():match.end() + 30])
    plural_noun = follows is not None and _plural_noun(follows.group("w"))
    currency_after = bool(_CURRENCY_WORD.match(sub[match.end():match.end() + 40]))
    if money or currency_after or (letter in "mk" and plural_noun):
        candidate.scale = _SCALE_LETTERS[letter.lower()]
        candidate.scaled = True
        return match.end()
    return position


def _plural_noun(word: str) -> bool:
    """A lower-case word that looks like a plural noun and is not a unit."""
    if word in ("people", "children", "men", "women"):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and (
        word not in _MEASURE_WORDS)


def _read_currency(sub: str, position: int, candidate: _Candidate) -> int:
    """Read a currency word, code or trailing sign; return the position after it."""
    match = _CURRENCY_WORD.match(sub, position)
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
    code = _CURRENCY_ADJECTIVES.get((adjective, stem)) or _CURRENCY_WORDS[word]
    candidate.currency = code
    return match.end()


def _read_unit(sub: str, position: int, candidate: _Candidate, attached: bool) -> int:
    """Read a percent sign, currency, measure unit or ordinal suffix after a figure.

    `attached` allows the forms that only follow figures directly ("40C", "3rd").
    """
    if candidate.currency is None:
        match = _PERCENT.match(sub, position)
        if match:
            candidate.unit = _percent_unit(match.group("u"))
            candidate.kind = "percent"
            return match.end()
    after = _read_currency(sub, position, candidate)
    if after != position or candidate.currency is not None:
        return after
    match = _MEASURE_WORD.match(sub, position)
    if match:
        candidate.unit = _MEASURE_WORDS[" ".join(match.group("u").lower().split())]
        candidate.kind = "measure"
        return match.end()
    if attached:
        match = _MEASURE_ABBREVIATION.match(sub, position)
        if match:
            candidate.unit = _MEASURE_ABBREVIATIONS[match.group("u")]
            candidate.kind = "measure"
            return match.end()
        match = _ATTACHED_UNIT.match(sub, position)
        if match:
            candidate.unit = _ATTACHED_UNITS[match.group("u")]
            candidate.kind = "measure"
            return match.end()
        if not candidate.scaled:
            match = _ORDINAL_SUFFIX.match(sub, position)
            if match:
                candidate.kind = "ordinal"
                return match.end()
    return position


def _percent_unit(text: str) -> str:
    """The normal unit of a percent form as matched."""
    if text in ("%", "％"):
        return "%"
    key = " ".join(text.lower().replace("-", " ").split())
    return _PERCENT_UNITS.get(key, _PERCENT_UNITS.get(key.replace(" ", ""), "%"))


def _left_context(sub: str, candidate: _Candidate) -> None:
    """Mark what the characters before a figure say: currency, sign, a word it belongs to."""
    core = candidate.core_start
    prefix = _currency_prefix(sub, core)
    if prefix:
        candidate.start, candidate.currency = prefix
    elif core > 0:
        before = sub[core - 1]
        two_back = sub[core - 2] if core > 1 else " "
        in_word = (before.isalpha() or before == "_"
                   or (before in "-‐" and two_back.isalpha())
                   or (before in ".," and two_back.isalnum())
                   or before in "#@§"
                   or (before in "'’" and candidate.core_end - core == 2))
        if in_word:
            candidate.skip = "word"
        elif before == "+" and two_back.isdigit():
            candidate.skip = "arithmetic"
        elif before == "[" and sub[candidate.core_end:candidate.core_end + 1] == "]":
            candidate.skip = "reference"
    lead = candidate.start
    if lead > 0 and sub[lead - 1] in "-−" and (lead < 2 or not sub[lead - 2].isalnum()):
        candidate.base = -candidate.base
        candidate.start = lead - 1
    else:
        minus = _MINUS_BEFORE.search(sub[max(0, lead - 10):lead])
        if minus:
            candidate.base = -candidate.base
            candidate.start = max(0, lead - 10) + minus.start()
    if candidate.currency is None and not candidate.skip and _name_before(sub, candidate.start):
        candidate.skip = "name"


def _right_context(sub: str, candidate: _Candidate) -> None:
    """Read scale and unit after a figure and mark figures that are parts of words or times."""
    end = candidate.core_end
    if _TIME_SUFFIX.match(sub, end):
        candidate.skip = candidate.skip or "time"
        return
    position = _read_scale(sub, end, candidate, money=candidate.currency is not None)
    position = _read_unit(sub, position, candidate, attached=True)
    candidate.end = position
    following = sub[position:position + 2]
    if following[:1].isalnum() or following[:1] == "_":
        candidate.skip = candidate.skip or "word"
    elif following[:1] == "+" and following[1:2].isdigit():
        candidate.skip = candidate.skip or "arithmetic"


def _date_or_year(sub: str, candidate: _Candidate) -> str:
    """"date" for a day number next to a month, "year" for a bare year, else ""."""
    value = candidate.base
    plain = candidate.kind in ("count", "ordinal") and candidate.currency is None
    if not plain or candidate.scaled or value != int(value):
        return ""
    if 1 <= value <= 31 and "." not in candidate.plain and "," not in candidate.plain:
        before = sub[max(0, candidate.start - 16):candidate.start]
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(
                sub[candidate.core_end:candidate.core_end + 24]):
            return "date"
    if (candidate.kind == "count" and len(candidate.plain) == 4 and candidate.plain.isdigit()
            and 1800 <= value <= 2100):
        return "year"
    return ""


def _digit_candidates(sub: str) -> list[_Candidate]:
    """Every figure in the text, with its context read and its skip reason, if any."""
    candidates: list[_Candidate] = []
    for start, end, value in _digit_runs(sub):
        if value is None:
            candidates.append(_Candidate(start, end, start, end, 0.0, skip="format"))
            continue
        candidate = _Candidate(start, end, start, end, value, plain=sub[start:end])
        _left_context(sub, candidate)
        if candidate.skip == "word":
            candidates.append(candidate)
            continue
        _right_context(sub, candidate)
        if not candidate.skip:
            candidate.skip = _date_or_year(sub, candidate)
        if not candidate.skip and candidate.kind == "count":
            if _is_list_number(sub, start, end):
                candidate.skip = "list"
            elif not candidate.scaled and _ADDRESS_AFTER.match(sub[end:end + 40]):
                candidate.skip = "address"
        if not candidate.skip and candidate.kind in ("count", "measure"):
            half = _HALF.match(sub, candidate.core_end)
            if half and not candidate.scaled and candidate.end == candidate.core_end:
                candidate.base += 0.5 if candidate.base >= 0 else -0.5
                candidate.end = half.end()
                candidate.end = _read_unit(sub, candidate.end, candidate, attached=False)
        candidates.append(candidate)
    return candidates


# ---------------------------------------------------------------------------------------------
# Numbers in words
# ---------------------------------------------------------------------------------------------


def _spelled_groups(tokens: list[tuple[str, int, int]]) -> list[tuple[float, int, int, bool]]:
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


def _one_group(tokens: list[tuple[str, int, int]], first: int) -> tuple[float, int]:
    """Read one number from `first`; return its value and last token (first - 1: none)."""
    total, group, state, last, scale_cap = 0.0, 0.0, "", first - 1, float("inf")
    index = first
    while index < len(tokens):
        word = tokens[index][0]
        if word == "a" and index == first:
            group, state = 1.0, "a"
        elif word == "and":
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if state not in ("hundred", "scale") or (following not in _SMALL
                                                     and following not in _TENS):
                break
            state = "and"
        elif word in _SMALL and _SMALL[word] < 10:
            if state not in ("", "hundred", "scale", "and", "tens"):
                break
            group, state = group + _SMALL[word], "unit"
        elif word in _SMALL:
            if state not in ("", "hundred", "scale", "and"):
                break
            group, state = group + _SMALL[word], "teen"
        elif word in _TENS:
            if state not in ("", "hundred", "scale", "and"):
                break
            group, state = group + _TENS[word], "tens"
        elif word == "hundred":
            if state not in ("unit", "teen", "a") or group >= 100:
                break
            group, state = group * 100, "hundred"
        elif word in _SCALE_WORDS:
            scale = _SCALE_WORDS[word]
            if state in ("", "and", "scale") or group <= 0 or scale >= scale_cap:
                break
            total, group, state, scale_cap = total + group * scale, 0.0, "scale", scale
        elif word == "dozen":
            if state not in ("unit", "a") or total:
                break
            group, state, last = group * 12, "dozen", index
            return total + group, last
        else:
            break
        if state not in ("a", "and"):
            last = index
        index += 1
    return total + group, last


def _spelled_candidates(sub: str) -> list[_Candidate]:
    """Every number written in words, with its context read and its skip reason, if any."""
    candidates: list[_Candidate] = []
    for match in _SPELLED.finditer(sub):
        tokens = [(token.group().lower(), match.start() + token.start(),
                   match.start() + token.end())
                  for token in _SPELLED_TOKEN.finditer(match.group())]
        for value, first, last, bare_one in _spelled_groups(tokens):
            start, end = tokens[first][1], tokens[last][2]
            candidate = _Candidate(start, end, start, end, value, digits=False,
                                   plain=sub[start:end])
            _spelled_context(sub, candidate, bare_one)
            candidates.append(candidate)
    return candidates


def _spelled_context(sub: str, candidate: _Candidate, bare_one: bool) -> None:
    """Read the unit after a number in words and mark the ones that are not quantities."""
    start, end = candidate.start, candidate.end
    if start > 1 and sub[start - 1] == "-" and sub[start - 2].isalpha():
        candidate.skip = "word"
        return
    if sub[end:end + 1] == "-" and sub[end + 1:end + 2].isdigit():
        candidate.skip = "word"
        return
    if _FRACTION_AFTER.match(sub, end):
        candidate.skip = "fraction"
        return
    if sub[start].isupper() and not sub[start:end].isupper() and not _sentence_initial(
            sub, start):
        candidate.skip = "name"
        return
    minus = _MINUS_BEFORE.search(sub[max(0, start - 10):start])
    if minus:
        candidate.base = -candidate.base
        candidate.start = max(0, start - 10) + minus.start()
    elif candidate.plain[:1].lower() == "a" and not candidate.plain[1:2].isalpha():
        half_a = _HALF_BEFORE.search(sub[max(0, start - 8):start])
        if half_a:
            candidate.base /= 2
            candidate.start = max(0, start - 8) + half_a.start()
    half = _HALF.match(sub, end)
    if half:
        candidate.base += 0.5 if candidate.base >= 0 else -0.5
        end = half.end()
    candidate.end = _read_unit(sub, end, candidate, attached=False)
    if bare_one and not _clear_one(sub, candidate):
        candidate.skip = "one"


def _clear_one(sub: str, candidate: _Candidate) -> bool:
    """Whether a bare "one" is clearly a number here."""
    if candidate.kind in ("percent", "money") or candidate.currency:
        return True
    hyphenated = sub[candidate.core_end:candidate.core_end + 1] == "-"
    if candidate.kind == "measure" and (candidate.unit not in _DURATIONS or hyphenated):
        return True
    if _previous_word(sub, candidate.start).lower() in _QUANTIFIERS:
        return True
    if _ONE_AFTER_NUMBER.match(sub, candidate.end):
        return True
    follows = _NEXT_WORD.match(sub, candidate.end)
    return follows is not None and follows.group("w") in _ONE_NOUNS


def _ordinal_candidates(sub: str) -> list[_Candidate]:
    """Every ordinal written in words ("third", "twenty-first"), skipping fractions and dates."""
    candidates: list[_Candidate] = []
    for match in _ORDINAL_WORD.finditer(sub):
        start, end = match.span()
        words = re.split(r"[ -]", match.group().lower())
        value = float(sum(_TENS.get(word, 0) + _ORDINAL_UNITS.get(word, 0)
                          + _ORDINAL_OTHER.get(word, 0) for word in words))
        candidate = _Candidate(start, end, start, end, value, kind="ordinal", digits=False,
                               plain=match.group())
        candidate.skip = _ordinal_skip(sub, start, end, words[-1])
        candidates.append(candidate)
    return candidates


def _ordinal_skip(sub: str, start: int, end: int, last_word: str) -> str:
    """Why an ordinal word is not a quantity ("a third of", "at first", "June third"), or ""."""
    before = sub[max(0, start - 24):start].lower()
    after = sub[end:end + 24].lower()
    if start > 0 and sub[start - 1] == "-" and (start < 2 or sub[start - 2].isalpha()):
        return "word"
    if re.search(r"(?:^|[^a-z])one[ -]\Z", before):
        return "fraction"
    if re.search(r"(?:^|[^a-z])a \Z", before) and after.startswith(" of "):
        return "fraction"
    if _MONTH_BEFORE.search(sub[max(0, start - 16):start]) or _MONTH_AFTER.match(
            sub[end:end + 24]):
        return "date"
    if last_word == "first" and (before.endswith("at ") or after.startswith((" of all",
                                                                               " and foremost",
                                                                               "-hand"))):
        return "idiom"
    if last_word == "second" and (before.endswith(("per ", "split ", "a split "))
                                  or after.startswith("-hand")):
        return "idiom"
    if sub[start].isupper() and not _sentence_initial(sub, start):
        return "name"
    return ""


# ---------------------------------------------------------------------------------------------
# Masks, overlaps and ranges
# ---------------------------------------------------------------------------------------------


def _masked(sub: str) -> list[int]:
    """Prefix counts of characters inside URLs, e-mail addresses, handles and phone numbers."""
    spans: list[tuple[int, int]] = []
    for match in _NON_SPACE.finditer(sub):
        token = match.group()
        if "@" in token or "://" in token or token.startswith(("www.", "#")):
            spans.append(match.span())
    spans.extend(match.span() for match in _PHONE.finditer(sub))
    if not spans:
        return []
    marks = bytearray(len(sub) + 1)
    for first, last in spans:
        marks[first:last] = b"\x01" * (last - first)
    counts = [0] * (len(sub) + 1)
    running = 0
    for index, mark in enumerate(marks[:-1]):
        running += mark
        counts[index + 1] = running
    return counts


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the earliest, then longest, of overlapping candidates."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda item: (item.start, -item.end)):
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept


_RANGE_GAP = re.compile(r"-|‐|" + _SP + r"?[–—]" + _SP + r"?|" + _SP + r"+to" + _SP + r"+|"
                        + _SP + r"+and" + _SP + r"+")


def _link(sub: str, first: _Candidate, second: _Candidate) -> str:
    """How two neighbouring candidates are joined: "chain", "dash", "to", "and" or ""."""
    gap = sub[first.end:second.start]
    if len(gap) > 7 or not _RANGE_GAP.fullmatch(gap):
        return ""
    if gap in ("-", "‐"):
        plain_first = first.end == first.core_end and first.digits
        return "chain" if plain_first and second.digits else "dash"
    if "to" in gap:
        return "to"
    if "and" in gap:
        between = sub[max(0, first.start - 24):first.start].lower().rstrip()
        return "and" if re.search(r"(?:^|[^a-z])between(?: [a-z$€£¥]+)?\Z", between) else ""
    return "dash"


def _join_ranges(sub: str, candidates: list[_Candidate]) -> None:
    """Skip hyphen chains that are dates or codes and let range ends share their units."""
    links = [_link(sub, first, second) for first, second in pairwise(candidates)]
    index = 0
    while index < len(candidates):
        last = index
        while last < len(links) and links[last] == "chain":
            last += 1
        if last - index >= 2:
            for member in candidates[index:last + 1]:
                member.skip = member.skip or "chain"
        index = last + 1
    for position, link in enumerate(links):
        if not link:
            continue
        first, second = candidates[position], candidates[position + 1]
        _join_pair(first, second, link)


def _join_pair(first: _Candidate, second: _Candidate, link: str) -> None:
    """Let the two ends of a range share unit, scale and currency, or skip both."""
    hyphen = link in ("chain", "dash")
    if hyphen and ({first.skip, second.skip} & {"date", "year", "chain", "word"}):
        first.skip = first.skip or "date"
        second.skip = second.skip or "date"
        return
    if first.skip or second.skip:
        return
    if link == "chain":
        year_first = len(first.plain) == 4 and 1800 <= first.base <= 2100
        if year_first or first.base >= second.base:
            first.skip = second.skip = "score"
            return
    if first.currency and not second.currency and second.kind == "count" and not second.unit:
        second.currency = first.currency
    if second.currency and not first.currency and first.kind == "count" and not first.unit:
        first.currency = second.currency
    if second.scaled and not first.scaled and abs(first.base) <= abs(second.base):
        first.scale, first.scaled = second.scale, True
    if not first.unit and first.kind == "count" and second.unit and not first.currency:
        first.unit, first.kind = second.unit, second.kind
    if link != "to":
        second.range_of = id(first)


# ---------------------------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------------------------


def _cue_tokens(sub: str, floor: int, position: int) -> list[str]:
    """The lower-cased words in the clause before `position`, after `floor`."""
    window = sub[max(floor, position - _WINDOW):position]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    return [token.lower().replace("’", "'") for token in _CUE_TOKEN.findall(window)]


def _strip_modifiers(tokens: list[str]) -> list[str]:
    """The tokens with trailing modifiers ("about", "an estimated", "$") removed."""
    end = len(tokens)
    while end and tokens[end - 1] in _MODIFIERS:
        end -= 1
    return tokens[:end]


def _is_previous(sub: str, tokens: list[str], near: list[str], end: int) -> bool:
    """Whether the words before a figure present it as an earlier value."""
    recent = near[-_CUE_WORDS:]
    for index, word in enumerate(recent):
        following = recent[index + 1] if index + 1 < len(recent) else ""
        if word in _PREVIOUS_WORDS and following not in _NOT_PREVIOUS_AFTER:
            return True
        if (word, following) in _PREVIOUS_PAIRS:
            return True
    head = _strip_modifiers(tokens)
    if not head or head[-1] != "from":
        return False
    before = head[-1 - _CUE_WORDS:-1]
    if any(word in _CHANGE_VERBS for word in before):
        return True
    return bool(_THEN_TO.match(sub[end:end + 50]))


def _is_target(sub: str, tokens: list[str], end: int) -> bool:
    """Whether the words around a figure present it as a goal."""
    head = _strip_modifiers(tokens)
    if head and head[-1] == "to" and (len(head) < 2 or head[-2] != "up"):
        for index in range(len(head) - 2, max(-1, len(head) - 2 - _CUE_WORDS), -1):
            word = head[index]
            previous = head[index - 1] if index else ""
            if word in _TARGET_NOUNS:
                return True
            if word in _AMBIGUOUS_VERBS:
                return previous in _GOAL_OPENERS
            if word in _TARGET_VERBS:
                return True
            if word in _PAST_CHANGE_VERBS:
                return previous in ("be", "being")
    if len(head) >= 2 and head[-1] in ("of", "for") and head[-2] in _TARGET_NOUNS | {
            "aiming", "aims", "aim"}:
        return True
    if tokens and tokens[-1] in ("targeting", "targets", "targeted"):
        return True
    return bool(_GOAL_AFTER.match(sub[end:end + 60]))


def _role(sub: str, candidate: _Candidate, previous_end: int) -> QuantityRole:
    """Whether the text gives a figure as an earlier value, a goal or the current one."""
    tokens = _cue_tokens(sub, 0, candidate.start)
    near = _cue_tokens(sub, previous_end, candidate.start)
    if _is_previous(sub, tokens, near, candidate.end):
        return "previous"
    if _is_target(sub, tokens, candidate.end):
        return "target"
    return "current"


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def find_quantities(text: str, article: str = "", start: int = 0,
                    end: int | None = None) -> list[Quantity]:
    """Every quantity in `text[start:end]`, sorted by start and non-overlapping.

    Spans index the whole `text`: `text[q.span.start:q.span.end] == q.span.text`.
    """
    start = max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    sub = text[start:end]
    if not sub.strip():
        return []
    masked = _masked(sub)
    candidates = _digit_candidates(sub) + _spelled_candidates(sub) + _ordinal_candidates(sub)
    if masked:
        for candidate in candidates:
            if masked[candidate.core_end] - masked[candidate.core_start]:
                candidate.skip = candidate.skip or "masked"
    kept = _without_overlaps(candidates)
    _join_ranges(sub, kept)
    quantities: list[Quantity] = []
    roles: dict[int, QuantityRole] = {}
    previous_end = 0
    for candidate in kept:
        if candidate.skip:
            continue
        role = roles.get(candidate.range_of) if candidate.range_of is not None else None
        role = role or _role(sub, candidate, previous_end)
        roles[id(candidate)] = role
        previous_end = candidate.end
        quantities.append(_to_quantity(text, article, start, candidate, role))
    logger.debug("found %d quantities in %d characters", len(quantities), len(sub))
    return quantities


def _to_quantity(text: str, article: str, offset: int, candidate: _Candidate,
                 role: QuantityRole) -> Quantity:
    """The public record for a kept candidate."""
    first, last = offset + candidate.start, offset + candidate.end
    span = Span(article, first, last, text[first:last])
    if candidate.currency:
        return Quantity(span, candidate.value, candidate.currency, "money", role)
    if candidate.kind == "percent":
        return Quantity(span, candidate.base, candidate.unit, "percent", role)
    kind = cast(QuantityKind, candidate.kind)
    return Quantity(span, candidate.value, candidate.unit, kind, role)


def quantity_key(q: Quantity) -> tuple[str, float]:
    """A comparison key: kind and unit, and the value rounded to six significant figures."""
    return f"{q.kind}:{q.unit}", _rounded(q.value)


def format_quantity(q: Quantity) -> str:
    """A readable normal form: "3.5%", "2.5pp", "USD 1.2 billion", "2", "25 km", "3rd"."""
    if q.kind == "percent":
        return f"{_plain_number(q.value)}{q.unit}"
    if q.kind == "money":
        return f"{q.unit} {_scaled_number(q.value)}"
    if q.kind == "ordinal":
        return _ordinal_text(q.value)
    if q.kind == "measure":
        number = _scaled_number(q.value)
        return f"{number}{q.unit}" if q.unit.startswith("°") else f"{number} {q.unit}"
    return _scaled_number(q.value)


def _rounded(value: float) -> float:
    return float(f"{value:.6g}")


def _plain_number(value: float) -> str:
    """A number with thousands commas and no trailing zeros: 1,000.5, 3.5, 2."""
    value = _rounded(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _scaled_number(value: float) -> str:
    """A number with a scale word from a million up: "1.2 billion", "300"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_plain_number(value / size)} {word}"
    return _plain_number(value)


def _ordinal_text(value: float) -> str:
    """1st, 2nd, 3rd, 11th, 21st."""
    number = int(value)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
