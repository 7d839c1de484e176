"""A number found in the text, before ranges are joined and the ones that are not quantities
are dropped: the record the readers of figures, words and context share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    """A number found in the text, with what its context says about it.

    `start`/`end` cover the number with its sign, currency and unit; `core_start`/`core_end`
    only the figure or words. `skip` names why it is not a quantity ("" keeps it).
    """

    start: int
    end: int
    core_start: int
    core_end: int
    base: float
    scale: float = 1.0
    scaled: bool = False
    currency: str | None = None
    unit: str = ""
    kind: str = "count"
    skip: str = ""
    digits: bool = True
    plain: str = ""
    range_of: int | None = None

    @property
    def value(self) -> float:
        """The number with its scale applied ("1.2bn" is 1.2e9)."""
        return self.base * self.scale
