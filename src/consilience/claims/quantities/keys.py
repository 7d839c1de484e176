"""How quantities are compared and shown: the key alignment and conflicts match on, and the
normal form ("3.5%", "USD 1.2 billion", "25 km", "3rd") the reports print."""

from __future__ import annotations

from ...models import Quantity


def quantity_key(q: Quantity) -> tuple[str, float]:
    """A comparison key: kind and unit, and the value rounded to six significant figures."""
    return f"{q.kind}:{q.unit}", _rounded(q.value)


def format_quantity(q: Quantity) -> str:
    """A readable normal form: "3.5%", "2.5pp", "USD 1.2 billion", "2", "25 km", "3rd"."""
    if q.kind == "percent":
        return f"{_plain_number(q.value)}{q.unit}"
    if q.kind == "money":
        return f"{q.unit} {_scaled_number(q.value)}"
    if q.kind == "ordinal":
        return _ordinal_text(q.value)
    if q.kind == "measure":
        number = _scaled_number(q.value)
        return f"{number}{q.unit}" if q.unit.startswith("°") else f"{number} {q.unit}"
    return _scaled_number(q.value)


def _rounded(value: float) -> float:
    """The value rounded to six significant figures, so that 0.1 + 0.2 equals 0.3."""
    return float(f"{value:.6g}")


def _plain_number(value: float) -> str:
    """A number with thousands commas and no trailing zeros: 1,000.5, 3.5, 2."""
    value = _rounded(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _scaled_number(value: float) -> str:
    """A number with a scale word from a million up: "1.2 billion", "300"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_plain_number(value / size)} {word}"
    return _plain_number(value)


def _ordinal_text(value: float) -> str:
    """1st, 2nd, 3rd, 11th, 21st."""
    number = int(value)
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
