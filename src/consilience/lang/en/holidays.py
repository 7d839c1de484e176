"""Named days: holidays that recur every year on a fixed date, on a weekday of a month or
around Easter, and historic events written as their date ("the Sept. 11 attacks", "9/11").
Names are lower case, as a text writes them without "the" and a possessive "'s"."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

FIXED_HOLIDAYS: Final[Mapping[str, tuple[int, int]]] = MappingProxyType({
    "new year's day": (1, 1), "new year's": (1, 1),
    "new year's eve": (12, 31), "valentine's day": (2, 14), "valentines day": (2, 14),
    "st. patrick's day": (3, 17), "saint patrick's day": (3, 17), "april fools' day": (4, 1),
    "may day": (5, 1), "cinco de mayo": (5, 5), "juneteenth": (6, 19), "flag day": (6, 14),
    "canada day": (7, 1), "independence day": (7, 4), "the fourth of july": (7, 4),
    "fourth of july": (7, 4), "july fourth": (7, 4), "bastille day": (7, 14),
    "halloween": (10, 31), "all saints' day": (11, 1), "veterans day": (11, 11),
    "veterans' day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
    "boxing day": (12, 26),
})
"""Holiday -> (month, day), every year (Independence Day is the United States')."""

WEEKDAY_HOLIDAYS: Final[Mapping[str, tuple[int, int, int]]] = MappingProxyType({
    "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3),
    "mlk day": (1, 0, 3), "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3),
    "mother's day": (5, 6, 2), "memorial day": (5, 0, -1), "father's day": (6, 6, 3),
    "labor day": (9, 0, 1), "columbus day": (10, 0, 2), "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4), "election day": (11, 1, 0),
})
"""Holiday -> (month, weekday with Monday 0, which: 1 the first, -1 the last), United
States usage. Election Day is the Tuesday after the first Monday of November: given as
weekday 1 with `which` 0."""

EASTER_HOLIDAYS: Final[Mapping[str, int]] = MappingProxyType({
    "easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "holy saturday": -1,
    "easter monday": 1, "palm sunday": -7, "ash wednesday": -46, "maundy thursday": -3,
    "pentecost": 49, "whit sunday": 49,
})
"""Holiday -> days from Easter Sunday (Western churches)."""

HISTORIC_DAYS: Final[Mapping[str, str]] = MappingProxyType({
    "9/11": "2001-09-11", "9-11": "2001-09-11", "sept. 11": "2001-09-11",
    "sep. 11": "2001-09-11", "september 11": "2001-09-11", "september 11th": "2001-09-11",
    "sept. 11th": "2001-09-11", "d-day": "1944-06-06", "v-e day": "1945-05-08",
    "ve day": "1945-05-08", "v-j day": "1945-08-15", "vj day": "1945-08-15",
    "black monday": "1987-10-19", "black tuesday": "1929-10-29",
})
"""A date that names one event of history when the event's word follows it ("the Sept. 11
attacks", "9/11 hijackers") or, for names no ordinary date shares ("D-Day"), alone."""

HISTORIC_EVENT_WORDS: Final = frozenset({
    "attack", "attacks", "attackers", "hijacker", "hijackers", "hijackings", "commission",
    "terror", "terrorist", "terrorists", "memorial", "victims", "anniversary", "landings",
    "crash",
})
"""Words after a date that make it the historic event of HISTORIC_DAYS ("the Sept. 11
attacks"), not the day of that name this year."""

NAMED_ONLY: Final = frozenset({"9/11", "9-11", "d-day", "v-e day", "ve day", "v-j day",
                               "vj day"})
"""Names of HISTORIC_DAYS that no ordinary date shares: historic even alone."""
