"""Pronouns, by what they can refer to, and the common nouns that stand for a person."""

from __future__ import annotations

from typing import Final

MASCULINE: Final = frozenset({"he", "him", "his", "himself"})
"""Pronouns of a man."""

FEMININE: Final = frozenset({"she", "her", "hers", "herself"})
"""Pronouns of a woman."""

PLURAL: Final = frozenset({"they", "them", "their", "theirs", "themselves"})
"""Pronouns of several (or of one person of unstated gender)."""

NEUTER: Final = frozenset({"it", "its", "itself"})
"""Pronouns of a thing or organisation."""

PERSON_RELATIVES: Final = frozenset({"who", "whom", "whose"})
"""Relative pronouns that refer to a person."""

RELATIVE_PRONOUNS: Final = PERSON_RELATIVES | frozenset({"which", "that"})
"""Relative pronouns: the subject of a relative clause stands for the noun it follows."""

REFERRING_PRONOUNS: Final = MASCULINE | FEMININE | PLURAL | NEUTER | PERSON_RELATIVES
"""Personal, possessive, reflexive and relative pronouns that refer to an entity."""

SPEAKER_PRONOUNS: Final = frozenset({"he", "she", "they", "him", "her", "them", "i", "we", "it"})
"""Personal pronouns that can be the subject of a reporting verb ("he said")."""

PERSON_NOUNS: Final = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "person", "people", "child", "victim",
    "suspect", "gunman", "shooter", "host", "driver", "motorist", "climber", "mountaineer",
    "coach", "player", "actor", "actress", "star", "singer", "comedian", "emcee", "officer",
    "official", "spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader",
    "mother", "father", "brother", "sister", "son", "daughter", "wife", "husband", "grandmother",
    "grandfather", "doctor", "surgeon", "nurse", "employee", "worker", "receptionist",
    "accountant", "partner", "boss", "chief", "executive", "ceo", "founder", "owner", "resident",
    "student", "teacher", "professor", "lawyer", "attorney", "judge", "witness", "pilot",
    "captain", "soldier", "friend", "fan", "veteran", "candidate", "nominee", "senator",
})
"""Common nouns that stand for a person in news text (an "-er"/"-or"/"-ist" agent noun also
does)."""

FEMININE_NOUNS: Final = frozenset({
    "woman", "women", "girl", "lady", "mother", "wife", "daughter", "sister", "grandmother",
    "granddaughter", "aunt", "niece", "widow", "actress", "queen", "princess", "mom",
    "stepmother", "bride", "girlfriend",
})
"""Nouns of a woman (and any noun ending in "-woman": "congresswoman", "spokeswoman")."""

MASCULINE_NOUNS: Final = frozenset({
    "man", "men", "boy", "gentleman", "father", "husband", "son", "brother", "grandfather",
    "grandson", "uncle", "nephew", "widower", "king", "prince", "dad", "stepfather", "groom",
    "boyfriend",
})
"""Nouns of a man (and an agent noun ending in "-man": "congressman", "spokesman")."""

_NOT_MEN: Final = frozenset({"human", "german", "roman", "ottoman", "shaman", "caiman", "freshman",
                            "ombudsman"})


def noun_gender(word: str) -> str | None:
    """"female" or "male" for a noun that says a person's gender ("congresswoman", "the
    four-term congressman", "his wife"), else None."""
    word = word.casefold()
    if word in FEMININE_NOUNS or word.endswith(("woman", "women")):
        return "female"
    if word in MASCULINE_NOUNS or (word.endswith(("man", "men")) and word not in _NOT_MEN
                                   and len(word) > 4):
        return "male"
    return None
