"""Predicate classes: verbs (with their particles) and status phrases that news uses for the
same kind of event, so that "called off the meeting", "cancelled the talks" and "pulled out
of" align; which classes are states a thing can be in; which exclude each other (what was
cancelled was not postponed, who was absent did not attend).

The lists are general English news usage, not tuned to any one story.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

_PREDICATE_CLASSES: dict[str, str] = {
    # calling an event off
    "cancel": "cancel", "call off": "cancel", "scrap": "cancel", "pull out": "cancel",
    "withdraw": "cancel", "abandon": "cancel", "axe": "cancel", "ditch": "cancel",
    "drop": "cancel", "scrub": "cancel", "back out": "cancel", "cancellation": "cancel",
    "nix": "cancel", "terminate": "cancel", "halt": "cancel",
    # moving it later
    "postpone": "postpone", "delay": "postpone", "defer": "postpone", "push back": "postpone",
    "reschedule": "postpone", "put off": "postpone", "suspend": "postpone",
    "postponement": "postpone", "shelve": "postpone",
    # asking for something
    "demand": "demand", "request": "demand", "ask": "demand", "urge": "demand",
    "press": "demand", "push": "demand", "call for": "demand", "pressure": "demand",
    "insist": "demand", "require": "demand", "seek": "demand", "want": "demand",
    # raising and cutting amounts
    "increase": "increase", "raise": "increase", "boost": "increase", "hike": "increase",
    "lift": "increase", "up": "increase", "double": "increase", "expand": "increase",
    "grow": "increase", "rise": "increase", "climb": "increase", "jump": "increase",
    "surge": "increase", "soar": "increase",
    "cut": "decrease", "reduce": "decrease", "lower": "decrease", "slash": "decrease",
    "decrease": "decrease", "fall": "decrease", "drop off": "decrease", "decline": "decrease",
    "shrink": "decrease", "plunge": "decrease", "trim": "decrease",
    # meeting and attending
    "meet": "meet", "hold": "meet", "host": "meet", "convene": "meet", "gather": "meet",
    "attend": "attend", "participate": "attend", "join": "attend", "take part": "attend",
    "skip": "absent", "miss": "absent", "boycott": "absent", "snub": "absent",
    "absence": "absent", "stay away": "absent",
    # decisions on measures
    "impose": "impose", "levy": "impose", "introduce": "impose", "enact": "impose",
    "implement": "impose", "slap": "impose",
    "propose": "propose", "threaten": "propose", "plan": "propose", "consider": "propose",
    "announce": "announce", "unveil": "announce", "launch": "announce",
    "lift off": "remove", "remove": "remove", "repeal": "remove", "waive": "remove",
    "pause": "on-hold", "freeze": "on-hold",
    # confirming and denying
    "confirm": "confirm", "acknowledge": "confirm", "verify": "confirm", "admit": "confirm",
    "deny": "deny", "reject": "deny", "dismiss": "deny", "refute": "deny", "rebut": "deny",
    "dispute": "deny", "debunk": "deny", "contradict": "deny",
    # violence and law
    "kill": "kill", "die": "die", "injure": "injure", "wound": "injure", "hurt": "injure",
    "arrest": "arrest", "detain": "arrest", "charge": "charge", "indict": "charge",
    "convict": "convict", "sentence": "sentence", "acquit": "acquit", "release": "release",
    "free": "release", "attack": "attack", "strike": "attack", "bomb": "attack",
    "fire": "fire", "sack": "fire", "dismissal": "fire", "resign": "resign", "quit": "resign",
    "step down": "resign", "step aside": "resign", "retire": "resign", "depart": "resign",
    "elect": "elect", "win": "win", "lose": "lose", "defeat": "win",
    "sign": "sign", "agree": "agree", "approve": "approve", "pass": "approve",
    "veto": "reject", "block": "reject", "decide": "decide", "determine": "decide",
    "review": "review", "investigate": "review", "probe": "review",
}
PREDICATE_CLASSES: Final[Mapping[str, str]] = MappingProxyType(_PREDICATE_CLASSES)
"""Lemma or "lemma particle" -> class."""

_DEPARTURE_VERBS: dict[str, str] = {"leave": "resign", "exit": "resign", "vacate": "resign"}
"""Verbs that tell of a departure only in some contexts ("leaving office" / "left for Paris"):
kept out of the alignment's classes, but two loosely alike sentences of them and of a
resignation tell of one kind of event when their days are compared."""


def event_kind(predicate: str | None, predicate_class: str | None) -> str | None:
    """The kind of event a claim tells of, for comparing the days outlets give it: its
    predicate class, a departure verb's class, else the predicate itself."""
    if predicate_class:
        return predicate_class
    if predicate is None:
        return None
    return _DEPARTURE_VERBS.get(predicate.casefold(), predicate)


_STATUS_WORDS: dict[str, str] = {
    "on hold": "on-hold", "suspended": "on-hold", "paused": "on-hold",
    "proposed": "propose", "planned": "propose", "threatened": "propose",
    "imposed": "impose", "in place": "impose", "in force": "impose", "in effect": "impose",
    "current": "impose", "cancelled": "cancel", "canceled": "cancel",
    "postponed": "postpone", "delayed": "postpone", "absent": "absent",
    "absence": "absent", "scheduled to participate": "attend", "scheduled to attend": "attend",
}
STATUS_WORDS: Final[Mapping[str, str]] = MappingProxyType(_STATUS_WORDS)
"""Phrases that state an event's status without a verb of their own -> class."""

STATE_CLASSES: Final = frozenset({
    "cancel", "postpone", "attend", "absent", "meet", "impose", "propose", "on-hold", "remove",
    "confirm", "deny",
})
"""Classes that say what became of a thing (cancelled, on hold, attended), compared across
outlets as its status."""

INCOMPATIBLE_CLASSES: Final[frozenset[frozenset[str]]] = frozenset({
    frozenset({"cancel", "postpone"}),
    frozenset({"attend", "absent"}),
    frozenset({"impose", "propose"}),
    frozenset({"impose", "on-hold"}),
    frozenset({"impose", "remove"}),
    frozenset({"confirm", "deny"}),
    frozenset({"increase", "decrease"}),
    frozenset({"win", "lose"}),
    frozenset({"convict", "acquit"}),
    frozenset({"kill", "injure"}),
})
"""Pairs of predicate classes that cannot both be true of the same event."""


def incompatible(left: str | None, right: str | None) -> bool:
    """Whether two predicate classes state outcomes that exclude each other."""
    return left is not None and right is not None and \
        frozenset({left, right}) in INCOMPATIBLE_CLASSES


def predicate_class(lemma: str, particle: str | None = None) -> str | None:
    """The class of a verb with its particle, or of the verb (or event noun) alone."""
    lemma = lemma.casefold()
    if particle:
        phrasal = PREDICATE_CLASSES.get(f"{lemma} {particle.casefold()}")
        if phrasal is not None:
            return phrasal
    return PREDICATE_CLASSES.get(lemma)
