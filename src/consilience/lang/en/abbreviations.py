"""Abbreviations written with a full stop that does not end a sentence ("Mr.", "Corp.",
"Sept."), for the sentence splitters that work on raw text."""

from __future__ import annotations

from typing import Final

ABBREVIATIONS: Final = frozenset("""
    mr mrs ms mx dr prof gen sen rep gov lt col sgt capt cmdr adm maj cpl pvt det insp supt
    st mt ft jr sr rev hon pres atty messrs mme mlle inc corp co ltd plc bros dept est approx
    vs etc al jan feb mar apr jun jul aug sep sept oct nov dec
""".split())  # noqa: SIM905
"""Lower-case abbreviations (titles, name suffixes, company forms, months, "approx", "vs")
whose full stop does not end a sentence."""

NUMBER_ABBREVIATIONS: Final = frozenset({"no", "nos", "vol", "fig", "art", "pp"})
"""Abbreviations that do not end a sentence when a number follows ("No. 10", "Art. 9")."""
