"""English number words, magnitudes, currencies and units: the one copy every stage reads.

Each table maps the lower-case written form to its value (a number, an ISO 4217 code or a
unit symbol). Stages that read numbers (`claims.quantities`, `timeline`) import these instead
of listing words of their own, so a word added here is understood everywhere at once.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

UNIT_AND_TEEN_WORDS: Final = MappingProxyType({
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
})
"""Cardinal words below twenty: the words that end a spelled number ("twenty-*one*")."""

TENS_WORDS: Final = MappingProxyType({
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
})
"""Multiples of ten from twenty to ninety."""

HUNDRED: Final = "hundred"
"""Multiplies what comes before it by 100 inside a spelled number ("two hundred and forty")."""

DOZEN: Final = "dozen"
"""Twelve, or twelve times what comes before it ("a dozen", "three dozen")."""

MAGNITUDE_WORDS: Final = MappingProxyType({
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "crore": 1e7, "lakh": 1e5, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12,
})
"""Scale words and their abbreviations after a figure ("5 million", "$2bn", "3 crore")."""

SPELLED_MAGNITUDES: Final = ("thousand", "million", "billion", "trillion")
"""Magnitude words that also join spelled numbers ("two hundred thousand")."""

MAGNITUDE_LETTERS: Final = MappingProxyType({"k": 1e3, "m": 1e6, "b": 1e9})
"""Single letters attached to a figure that scale it ("€5m", "10k"), case-insensitive; only
for money or before a plural noun, since "5m" alone is more often metres."""

ORDINAL_UNIT_WORDS: Final = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
})
"""Ordinal words below ten: they also end compound ordinals ("twenty-first")."""

ORDINAL_OTHER_WORDS: Final = MappingProxyType({
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
})
"""Ordinal words that stand alone (never after a tens word)."""

FRACTION_WORDS: Final = (
    "halves", "half", "quarters", "quarter", "thirds", "third", "fourths", "fifths", "fifth",
    "sixths", "sixth", "sevenths", "seventh", "eighths", "eighth", "ninths", "ninth", "tenths",
    "tenth",
)
"""Fraction nouns: a figure before one is a numerator ("two thirds"), not a count."""

CURRENCY_SYMBOLS: Final = MappingProxyType({
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "NT$": "TWD",
    "MX$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP", "Rs": "INR", "Rs.": "INR",
})
"""Currency signs (with their country prefixes) written before a figure, case-sensitive."""

ISO_CURRENCY_CODES: Final = (
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "AUD", "CAD", "HKD", "NZD", "SGD",
    "KRW", "RUB", "TRY", "ILS", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "UAH", "AED",
    "SAR", "NGN", "TWD", "PKR", "IDR", "THB", "MYR", "PHP", "EGP",
)
"""ISO 4217 codes written before or after a figure ("USD 5", "5bn EUR"); RMB reads as CNY."""

CURRENCY_WORDS: Final = MappingProxyType({
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
})
"""Currency names after a figure, with the currency they mean alone ("dollars" is USD)."""

CURRENCY_ADJECTIVES: Final = MappingProxyType({
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("taiwanese", "dollar"): "TWD", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("argentine", "peso"): "ARS",
    ("argentinian", "peso"): "ARS", ("philippine", "peso"): "PHP",
    ("chilean", "peso"): "CLP", ("colombian", "peso"): "COP", ("egyptian", "pound"): "EGP",
    ("danish", "krone"): "DKK", ("swiss", "franc"): "CHF",
})
"""(adjective, singular currency word) pairs that name another currency than the word alone."""

CURRENCY_COUNTRY_ADJECTIVES: Final = (
    "US", "U.S.", "American", "Australian", "Canadian", "Hong Kong", "New Zealand", "Singapore",
    "Taiwan", "Taiwanese", "Swiss", "Pakistani", "Sri Lankan", "Indian", "Argentine",
    "Argentinian", "Mexican", "Philippine", "Chilean", "Colombian", "South Korean", "Korean",
    "Japanese", "Chinese", "British", "Russian", "Turkish", "Brazilian", "Israeli",
    "South African", "Nigerian", "Egyptian", "Danish", "Swedish", "Norwegian",
)
"""Country adjectives that may stand between a figure and a currency word ("5 Swiss francs")."""

MEASURE_WORDS: Final = MappingProxyType({
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
})
"""Unit names (lower case, British and American spellings) and the symbol each is kept as."""

DURATION_UNITS: Final = frozenset({"yr", "mo", "wk", "d", "h", "min", "s"})
"""Unit symbols that measure time: "three years" is a duration, not a count of years."""

MEASURE_ABBREVIATIONS: Final = MappingProxyType({
    "km/h": "km/h", "km²": "km²", "km2": "km²", "sq km": "km²", "sq mi": "mi²", "kph": "km/h",
    "mph": "mph", "km": "km", "cm": "cm", "mm": "mm", "mi": "mi", "ft": "ft", "kg": "kg",
    "lbs": "lb", "lb": "lb", "bbl": "bbl", "bpd": "bbl/d", "MWh": "MWh", "GWh": "GWh",
    "kWh": "kWh", "TWh": "TWh", "MW": "MW", "GW": "GW", "kW": "kW", "TW": "TW", "ha": "ha",
    "yrs": "yr", "hrs": "h", "hr": "h", "mins": "min", "min": "min", "m": "m",
    "°C": "°C", "°F": "°F", "ºC": "°C", "ºF": "°F", "°": "°", "º": "°",
})
"""Unit abbreviations, case-sensitive, that may follow a figure after at most one space."""

ATTACHED_UNIT_LETTERS: Final = MappingProxyType({
    "t": "t", "l": "l", "g": "g", "C": "°C", "F": "°F",
})
"""Single letters read as a unit only when written against the figure ("40C", "3t")."""

PERCENT_UNITS: Final = MappingProxyType({
    "%": "%", "％": "%", "per cent": "%", "percent": "%", "per-cent": "%", "pc": "%",
    "pct": "%", "percentage point": "pp", "percentage points": "pp", "pp": "pp", "ppt": "pp",
    "ppts": "pp", "basis point": "bp", "basis points": "bp", "bp": "bp", "bps": "bp",
})
"""Percent signs and words, percentage points ("pp") and basis points ("bp"), kept apart."""


def cardinal_word_value(word: str) -> int | None:
    """The value of one cardinal word below a hundred ("seven", "forty"), or None."""
    lowered = word.lower()
    return UNIT_AND_TEEN_WORDS.get(lowered) or TENS_WORDS.get(lowered)
