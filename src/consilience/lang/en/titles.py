"""Words that stand before a person's name: forms of address, ranks, religious, royal and
academic titles, offices ("Mr. Smith", "Gen. Lee", "Defense Secretary X"), with their
abbreviations; and the qualifiers of a role ("former", "acting").

Groups are kept apart by meaning so that each reader takes what it needs: a form of address
says nothing about what a person does, an office does.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

FORMS_OF_ADDRESS: Final = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady",
})
"""How a person is addressed, saying nothing of what they do."""

MILITARY_RANKS: Final = frozenset({
    "general", "lieutenant", "colonel", "major", "captain", "admiral", "commander", "sergeant",
    "corporal", "private", "marshal", "brigadier",
})
"""Military ranks used as titles ("General Lee")."""

POLICE_RANKS: Final = frozenset({"detective", "inspector", "superintendent", "constable"})
"""Police ranks used as titles."""

RELIGIOUS_TITLES: Final = frozenset({
    "reverend", "father", "sister", "brother", "rabbi", "imam", "sheikh", "pope", "pastor",
    "bishop", "cardinal", "archbishop", "saint",
})
"""Religious titles."""

ROYAL_TITLES: Final = frozenset({
    "king", "queen", "prince", "princess", "emperor", "empress", "sultan", "emir",
})
"""Titles of monarchs and their families."""

ACADEMIC_TITLES: Final = frozenset({"doctor", "professor", "dean", "provost", "principal"})
"""Academic and school titles."""

OFFICE_TITLES: Final = frozenset({
    "president", "premier", "chancellor", "senator", "representative", "congressman",
    "congresswoman", "governor", "mayor", "judge", "justice",
})
"""Elected and judicial offices used as titles ("Senator X", "Judge Y")."""

HONORIFICS: Final = (FORMS_OF_ADDRESS | MILITARY_RANKS | POLICE_RANKS | RELIGIOUS_TITLES
                     | ROYAL_TITLES | ACADEMIC_TITLES | OFFICE_TITLES)
"""Every word that is part of how a person is named when written before the name."""

ROLE_WORDS: Final = frozenset({
    "vice", "minister", "secretary", "undersecretary", "ambassador", "envoy", "chairman",
    "chairwoman", "chair", "chief", "director", "spokesman", "spokeswoman", "spokesperson",
    "officer", "commissioner", "deputy", "acting", "former", "ex", "prime", "foreign", "defense",
    "defence", "interior", "finance", "state", "attorney", "speaker", "leader", "ceo", "cfo",
    "coach", "presidential", "candidate", "nominee", "analyst", "expert", "economist", "under",
})
"""Words of a post or role written before a name ("Foreign Minister X", "former CEO Y")."""

TITLE_WORDS: Final = HONORIFICS | ROLE_WORDS
"""Every word of an honorific or role title that may stand before a name."""

ROLE_QUALIFIERS: Final = frozenset({"former", "acting", "deputy", "senior", "chief"})
"""Words that qualify a post without naming one: "acting director" holds the director's post."""

TITLE_ABBREVIATIONS: Final[Mapping[str, str]] = MappingProxyType({
    "mr": "mister", "mrs": "missus", "ms": "ms", "dr": "doctor", "prof": "professor",
    "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain",
    "adm": "admiral", "cmdr": "commander", "sgt": "sergeant", "sen": "senator",
    "rep": "representative", "gov": "governor", "st": "saint", "rev": "reverend",
})
"""Abbreviated titles (written with a full stop: "Gen." is a title, "Gen" a given name) -> the
title."""

UNDOTTED_TITLES: Final = frozenset({"mr", "mrs", "ms", "dr", "mx"})
"""Abbreviated titles that are titles also without their full stop ("Mr Smith")."""

RANK_ABBREVIATIONS: Final = frozenset(
    abbreviation for abbreviation, title in TITLE_ABBREVIATIONS.items()
    if title in MILITARY_RANKS)
"""Abbreviations of military ranks ("gen", "col")."""


def is_honorific(word: str) -> bool:
    """Whether `word` (as written, any case, with or without a full stop) is part of how a
    person is named when it stands before the name: "General", "Gen.", "Mr", "Mr.", "Pope"."""
    bare = word.casefold().rstrip(".")
    if bare in TITLE_ABBREVIATIONS or bare in UNDOTTED_TITLES:
        return word.endswith(".") or bare in UNDOTTED_TITLES
    return bare in HONORIFICS


def is_title_word(word: str) -> bool:
    """Whether `word` (as written) is a word of an honorific or role title that may stand
    before a name ("Secretary", "Gen.", "Mr"); abbreviations count only with their full stop,
    but for those always written without one ("Mr")."""
    bare = word.casefold().rstrip(".")
    if bare in TITLE_ABBREVIATIONS or bare in UNDOTTED_TITLES:
        return word.endswith(".") or bare in UNDOTTED_TITLES
    return bare in TITLE_WORDS
