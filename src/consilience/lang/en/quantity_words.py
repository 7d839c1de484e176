"""English words the quantity reader uses: verbs and nouns of change (by lemma, and by form
for text read without a parse), words of a goal or of an earlier value, words allowed between a
cue and its figure, and words after which a figure names something ("Article 5") rather than
counts. Number words themselves are in `numbers.py`."""

from __future__ import annotations

# --- the role of a figure (current, previous, target) ---

CHANGE_BASES = frozenset({
    "rise", "raise", "increase", "fall", "drop", "decline", "climb", "grow", "jump", "surge",
    "slip", "cut", "reduce", "lower", "lift", "boost", "hike", "slash", "trim", "bring",
    "push", "ramp", "expand", "revise", "double", "triple", "shrink", "go", "move", "edge",
    "soar", "plunge", "tumble", "narrow", "widen", "set", "slide", "tick",
})
"""Lemmas of the verbs (and nouns) of change: "rose to 5%", "an increase to 5%"."""
# Without a parse: base, present and -ing forms, after which "to" introduces a goal.
TARGET_VERBS = frozenset(
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
# Without a parse: past forms, after which "to" gives what it became (unless after "be").
PAST_CHANGE_VERBS = frozenset(
    {"rose", "risen", "raised", "increased", "fell", "fallen", "dropped", "declined",
     "climbed", "grew", "grown", "jumped", "surged", "slipped", "slid", "reduced", "lowered",
     "lifted", "boosted", "hiked", "slashed", "trimmed", "brought", "pushed", "ramped",
     "expanded", "revised", "doubled", "tripled", "shrank", "shrunk", "went", "gone",
     "moved", "edged", "soared", "plunged", "tumbled", "narrowed", "widened", "ticked"}
)
# Without a parse: base forms that are change verbs but are not read as goals.
LISTED_CHANGE_WORDS = frozenset({
    "jump", "surge", "slip", "go", "move", "edge", "soar", "plunge", "tumble", "narrow",
    "widen"})
# Forms that are both base and past: a goal only after a modal, "to" or a determiner.
AMBIGUOUS_VERBS = frozenset({"cut", "set"})
GOAL_OPENERS = frozenset({
    "to", "will", "would", "should", "must", "could", "can", "may", "might", "shall", "a",
    "an", "the", "further", "deep", "proposed", "planned", "plans", "plan", "wants", "want",
})
TARGET_NOUNS = frozenset({
    "target", "goal", "aim", "objective", "ambition", "pledge", "promise", "commitment",
})
PREVIOUS_WORDS = frozenset({
    "previous", "previously", "earlier", "former", "prior", "original", "originally", "old",
    "versus", "vs",
})
PREVIOUS_PAIRS = frozenset({
    ("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"),
    ("last", "year's"), ("had", "been"), ("a", "year-earlier"), ("year-earlier", "figure"),
})
NOT_PREVIOUS_AFTER = frozenset({
    "this", "that", "in", "on", "today", "than", "to", "last", "these", "those",
})
# Words allowed between a cue ("to", "from", "of") and the figure it introduces.
MODIFIERS = frozenset({
    "about", "around", "roughly", "nearly", "almost", "approximately", "some", "just", "only",
    "over", "under", "at", "least", "most", "more", "less", "fewer", "than", "as", "much",
    "high", "low", "many", "an", "a", "the", "estimated", "expected", "projected", "reported",
    "record", "new", "its", "their", "his", "her", "our", "total", "another", "additional",
    "extra", "further", "mere", "whopping", "full", "circa", "well", "below", "above",
    "beyond", "within", "$", "€", "£", "¥", "minus", "plus", "us", "earlier", "previous",
    "original", "initial", "revised", "lower", "higher",
})


# --- numbers written in words ---

QUANTIFIERS = frozenset({
    "only", "just", "least", "most", "than", "exactly", "about", "nearly", "around", "almost",
    "approximately", "roughly", "merely", "precisely",
})
"""Words before a bare "one" that make it a number ("only one", "at least one")."""
ONE_NOUNS = frozenset({
    "person", "man", "woman", "child", "soldier", "civilian", "officer", "death", "seat",
    "vote", "victim", "member", "player",
})
"""Nouns after a bare "one" that make it a count ("one soldier")."""


# --- figures that name rather than count ---

NAME_PREFIXES = frozenset({
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
"""Words after which a figure names something ("Article 5") rather than counting."""
