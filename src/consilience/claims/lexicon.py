"""Word lists the claim reader uses: predicate classes, reporting verbs, hedges and modal cues
(which classes exclude each other is the conflicts stage's `opposites`).

A predicate class groups verbs (with their particles) that news uses for the same kind of
event, so that "called off the meeting", "cancelled the talks" and "pulled out of" align.
The lists are general English news usage, not tuned to any one story.
"""

from __future__ import annotations

PREDICATE_CLASSES: dict[str, str] = {
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
    "step down": "resign", "elect": "elect", "win": "win", "lose": "lose", "defeat": "win",
    "sign": "sign", "agree": "agree", "approve": "approve", "pass": "approve",
    "veto": "reject", "block": "reject", "decide": "decide", "determine": "decide",
    "review": "review", "investigate": "review", "probe": "review",
}
"""lemma or "lemma particle" -> class."""

STATUS_WORDS: dict[str, str] = {
    "on hold": "on-hold", "suspended": "on-hold", "paused": "on-hold",
    "proposed": "propose", "planned": "propose", "threatened": "propose",
    "imposed": "impose", "in place": "impose", "in force": "impose", "in effect": "impose",
    "current": "impose", "cancelled": "cancel", "canceled": "cancel",
    "postponed": "postpone", "delayed": "postpone", "absent": "absent",
    "absence": "absent", "scheduled to participate": "attend", "scheduled to attend": "attend",
}
"""Phrases that state an event's status without a verb of their own."""

REPORTING_VERBS: frozenset[str] = frozenset({
    "say", "tell", "report", "state", "confirm", "reveal", "add", "note", "claim", "announce",
    "write", "cite", "quote", "explain", "argue", "insist", "warn", "suggest", "remark",
    "emphasize", "emphasise", "stress", "point", "highlight", "acknowledge", "deny", "admit",
    "disclose", "indicate", "assert", "contend", "maintain", "allege", "describe", "comment",
    "respond", "reply", "forward", "mention", "hear", "learn", "believe", "think", "predict",
    "estimate", "recall", "agree", "observe", "conclude",
})

SOURCE_NOUNS: frozenset[str] = frozenset({
    "report", "reports", "statement", "source", "sources", "official", "officials",
    "spokesperson", "spokesman", "spokeswoman", "document", "documents", "memo",
})

HEDGE_WORDS: frozenset[str] = frozenset({
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "seemingly",
    "possibly", "probably", "likely", "unlikely", "perhaps", "maybe", "rumored", "rumoured",
    "unconfirmed", "unverified", "alleged", "claimed", "suspected", "believed", "thought",
    "appear", "appears", "appeared", "seem", "seems", "seemed", "if",
})

POSSIBLE_MODALS: frozenset[str] = frozenset({"may", "might", "could", "can"})
EXPECTED_CUES: frozenset[str] = frozenset({
    "will", "shall", "expect", "due", "poised", "likely", "would",
})
PLANNED_CUES: frozenset[str] = frozenset({
    "schedule", "set", "plan", "intend", "aim", "slate", "upcoming", "scheduled",
})
DEMAND_CUES: frozenset[str] = frozenset({"should", "must", "ought"})

LIGHT_VERBS: frozenset[str] = frozenset({
    "decide", "plan", "want", "try", "seek", "move", "agree", "vote", "choose", "opt", "begin",
    "start", "continue", "threaten", "attempt", "aim", "intend", "expect", "schedule", "set",
    "hope", "prepare", "refuse", "fail", "go", "be", "have", "get", "make", "take", "look",
    "appear", "seem", "help", "need", "wish", "mean",
})
"""Verbs whose infinitive complement says what actually happens ("decided to pull out")."""

NEGATING_VERBS: frozenset[str] = frozenset({"refuse", "fail", "decline", "deny"})
"""Verbs that negate their complement: "declined to comment" did not comment."""

DENYING_VERBS: frozenset[str] = frozenset({
    "deny", "dismiss", "reject", "refute", "rebut", "debunk", "dispute", "contradict",
})
"""Reporting verbs whose speaker says what they report is not so."""

FALSE_WORDS: frozenset[str] = frozenset({
    "false", "untrue", "fake", "baseless", "groundless", "inaccurate", "incorrect", "wrong",
    "fabricated", "unfounded", "bogus", "misleading",
})
"""Words that call a report false: "the report that ... is false"."""

REPORT_NOUNS: frozenset[str] = frozenset({
    "report", "claim", "rumour", "rumor", "allegation", "speculation", "suggestion", "story",
})
"""Nouns whose clause is what someone said, not what happened."""


def predicate_class(lemma: str, particle: str | None = None) -> str | None:
    """The class of a verb with its particle, or of the verb alone."""
    lemma = lemma.casefold()
    if particle:
        phrasal = PREDICATE_CLASSES.get(f"{lemma} {particle.casefold()}")
        if phrasal is not None:
            return phrasal
    return PREDICATE_CLASSES.get(lemma)
