"""A normalised date: an ISO value at year, month or day precision, possibly a range."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["year", "month", "day"]
_ORDER = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class TimeValue:
    """`value` is "2025", "2025-06" or "2025-06-21" by `precision`; `end` closes a range."""

    value: str
    precision: Precision
    end: str | None = None

    @property
    def start_date(self) -> date:
        parts = [int(part) for part in self.value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def at(self, precision: Precision) -> str:
        """The value cut to a coarser precision ("2025-06-21" at month is "2025-06")."""
        if _ORDER[precision] >= _ORDER[self.precision]:
            return self.value
        return self.value[: {"year": 4, "month": 7}[precision]]


def day(value: date) -> TimeValue:
    return TimeValue(value.isoformat(), "day")


def month(year: int, month_number: int) -> TimeValue:
    return TimeValue(f"{year:04d}-{month_number:02d}", "month")


def year(value: int) -> TimeValue:
    return TimeValue(f"{value:04d}", "year")


def day_range(first: date, last: date) -> TimeValue:
    return TimeValue(first.isoformat(), "day", last.isoformat() if last != first else None)


def shift_months(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def valid_day(year_number: int, month_number: int, day_number: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    if not (1 <= month_number <= 12) or not (1 <= year_number <= 9999):
        return None
    if not 1 <= day_number <= calendar.monthrange(year_number, month_number)[1]:
        return None
    return date(year_number, month_number, day_number)


def week_of(anchor: date, weeks: int = 0) -> TimeValue:
    """Monday to Sunday of the week `weeks` away from the anchor's week."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=weeks)
    return day_range(monday, monday + timedelta(days=6))
