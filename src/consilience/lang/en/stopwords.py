"""Stop lists: function words (and the commonest reporting words) that say nothing about what
a text is about, left out when texts are compared by their content words."""

from __future__ import annotations

from typing import Final

STOPWORDS: Final = frozenset("""
    a an the and or but nor so yet if then than that this these those there here it its it's
    he him his she her hers they them their theirs we our ours you your yours i me my mine
    who whom whose which what when where why how whether while as at by for from in into of on
    onto off out over under up down to with within without about above after against along
    among around before behind below beneath beside between beyond during except inside near
    since through throughout toward towards until upon via per is are was were be been being
    am do does did doing done have has had having will would shall should can could may might
    must not no nor only own same such too very just also again further once all any both each
    few more most other some every either neither one said says say saying told tell according
    reported reports report s t now
""".split())  # noqa: SIM905
"""Lower-case function words and reporting words, left out of a text's content words."""

DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that"})
"""Determiners that may open a mention and are not part of the name."""
