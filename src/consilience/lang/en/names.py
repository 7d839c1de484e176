"""How English news text builds names: the last words of organisations' names, the small
words inside names, surname particles, generational suffixes, abbreviated place words, and
the common alternative forms of country names (general world knowledge).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

OWNED_BODY_HEADS: Final = frozenset({
    "campaign", "administration", "government", "regime", "team",
})
"""Singular nouns that, after a person's or a body's name, make a body of its own: "the Marsh
campaign", "the Doyle administration", "the Assad regime" (an organisation, not the person)."""

INFORMAL_BODY_HEADS: Final = frozenset({"team"})
"""Owned-body heads that news uses for whichever body of that owner it has named: "the Hale
team" is the Hale campaign of the story."""

MEMBER_GROUP_HEADS: Final = frozenset({
    "lawmakers", "legislators", "senators", "congressmen", "congresswomen", "officials",
    "leaders", "aides", "staffers", "strategists", "operatives", "activists", "lobbyists",
    "donors", "voters", "delegates", "governors", "candidates", "members", "authorities",
    "investigators", "prosecutors", "diplomats", "negotiators", "executives", "companies",
    "firms",
})
"""Plural nouns that, after a party's, a body's or a kind's proper name, name a group that acts
and speaks as one: "Democratic lawmakers", "White House officials", "Internet companies" (a
group of people or bodies, like a party's members: not one organisation)."""

GROUP_HEADS: Final = OWNED_BODY_HEADS | MEMBER_GROUP_HEADS
"""Head nouns of the groups that news names by a common noun after a proper modifier."""

ORGANISATION_HEADS: Final = OWNED_BODY_HEADS | frozenset({
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
"""Last words that make a name an organisation's ("... Morning Post", "... Democratic Party")."""

NAME_CONNECTORS: Final = frozenset({
    "of", "for", "and", "the", "de", "la", "du", "von", "van", "der", "del", "on", "in", "at", "&",
})
"""Small words inside a multi-word name ("Bank of England"), left out of its initials."""

NAME_PARTICLES: Final = frozenset({
    "de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le", "al", "el",
    "bin", "ibn", "ben", "dos", "das", "ter",
})
"""Particles that begin some surnames in lower case ("de Gaulle", "van Gogh", "al-Assad")."""

NAME_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
"""Generational suffixes and degrees written after a name ("Jr.", "III", "PhD")."""

GENERATIONAL_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Suffixes that tell a father from his son: "Donald Doyle Jr." is not "Donald Doyle"."""

GENDERED_HONORIFICS: Final = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female",
                              "sir": "male", "lord": "male", "dame": "female", "lady": "female"}
"""Honorifics that say a person's gender: "Mrs. Reyes" is not "Mr. Reyes"."""

LEADING_PREPOSITIONS: Final = frozenset({
    "in", "on", "at", "from", "to", "near", "into", "across", "around", "outside", "inside",
    "throughout", "within",
})
"""Prepositions that some mention boundaries take in ("in the Gulf of Aden")."""

PLACE_ABBREVIATIONS: Final[Mapping[str, str]] = MappingProxyType({
    "mt": "mount", "ft": "fort", "mtn": "mountain",
})
"""Abbreviated words of place names -> the word spelt out."""

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

COUNTRY_KEYS: Final[Mapping[str, str]] = MappingProxyType({
    form: key for key, forms in _COUNTRY_FORMS.items() for form in (key, *forms)})
"""Every common form of a country or union name (folded) -> one key, so that "U.S.", "US",
"USA" and "the United States" compare equal."""

US_STATE_ABBREVIATIONS: Final[Mapping[str, str]] = MappingProxyType({
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "cal": "california", "colo": "colorado", "conn": "connecticut", "del": "delaware",
    "fla": "florida", "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas",
    "kans": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland",
    "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi",
    "mo": "missouri", "mont": "montana", "neb": "nebraska", "nebr": "nebraska", "nev": "nevada",
    "nh": "new hampshire", "nj": "new jersey", "nm": "new mexico", "ny": "new york",
    "nc": "north carolina", "nd": "north dakota", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "penn": "pennsylvania", "ri": "rhode island", "sc": "south carolina",
    "sd": "south dakota", "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia",
    "wash": "washington", "wva": "west virginia", "wis": "wisconsin", "wisc": "wisconsin",
    "wyo": "wyoming",
})
"""The abbreviations of US state names written with a full stop in news text (AP style and
the older forms: "Tex.", "Calif.", "N.Y."), letters only, folded -> the state's name. Only a
name that is nothing but the abbreviation, stop written, is read so ("Del Rio" is no state)."""

NEWS_HEADS: Final = frozenset({
    "times", "post", "journal", "tribune", "herald", "gazette", "telegraph", "globe",
    "chronicle", "guardian", "observer", "examiner", "inquirer", "enquirer", "courier",
    "dispatch", "bulletin", "register", "star", "sun", "mirror", "express", "independent",
    "standard", "record", "review", "economist", "sentinel", "daily",
})
"""Last words of newspapers' names, which news text uses alone for the paper it has named in
full ("The Wall Street Journal reported ... the Journal said")."""

BODY_NAME_SUFFIXES: Final = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
    "llp", "lp", "plc", "ag", "sa", "nv", "gmbh", "international", "intl",
})
"""Words after an organisation's name that give its legal form or reach, not another body:
"Safari Club International" is the "Safari Club", "Acme Inc." is "Acme"."""
