"""Words that say how firmly a statement is made, and when what it states happens: hedges,
modal verbs, planning and expectation cues, words that call a report false.

The claim reader reads a claim's modality from them ("may" is possible, "is scheduled to" is
planned); the timeline reads whether a dated clause lies ahead.
"""

from __future__ import annotations

from typing import Final

HEDGE_WORDS: Final = frozenset({
    "reportedly", "allegedly", "apparently", "purportedly", "supposedly", "seemingly",
    "possibly", "probably", "likely", "unlikely", "perhaps", "maybe", "rumored", "rumoured",
    "unconfirmed", "unverified", "alleged", "claimed", "suspected", "believed", "thought",
    "appear", "appears", "appeared", "seem", "seems", "seemed", "if",
})
"""Words that make a statement less than asserted ("reportedly", "appears")."""

POSSIBLE_MODALS: Final = frozenset({"may", "might", "could", "can"})
"""Modal auxiliaries of possibility."""

EXPECTED_CUES: Final = frozenset({"will", "shall", "expect", "due", "poised", "likely", "would"})
"""Auxiliaries and lemmas that put what a claim states in the expected future."""

PLANNED_CUES: Final = frozenset({
    "schedule", "set", "plan", "intend", "aim", "slate", "upcoming", "scheduled",
})
"""Lemmas that make what a claim states a plan ("is scheduled to meet")."""

DEMAND_CUES: Final = frozenset({"should", "must", "ought"})
"""Modal auxiliaries of obligation: what someone says should happen."""

FALSE_WORDS: Final = frozenset({
    "false", "untrue", "fake", "baseless", "groundless", "inaccurate", "incorrect", "wrong",
    "fabricated", "unfounded", "bogus", "misleading",
})
"""Words that call a report false: "the report that ... is false"."""

FUTURE_AUXILIARIES: Final = frozenset({"will", "shall", "'ll", "wo", "’ll"})
"""Auxiliaries (as tokenised: "won't" is "wo" + "n't") that put a clause in the future."""

FUTURE_FRAMES: Final = frozenset({
    "schedule", "set", "expect", "due", "plan", "slate", "prepare", "aim", "intend", "hope",
    "upcoming", "go", "likely", "unlikely", "poised", "ready", "bound",
})
"""Lemmas whose complement lies ahead ("is due to meet", "is going to visit")."""

SCHEDULING_WORDS: Final = frozenset({"schedule", "slate", "due", "plan"})
"""Lemmas that fix a date for what they govern ("scheduled for July 1")."""

FUTURE_MODIFIERS: Final = frozenset({
    "planned", "scheduled", "upcoming", "coming", "proposed", "forthcoming", "expected", "next",
})
"""Modifiers that make the thing a date belongs to a scheduled one ("the planned meeting")."""
