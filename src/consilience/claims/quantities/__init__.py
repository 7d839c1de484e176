"""Quantities in English news text: percentages, money, counts, measures and ordinals.

`find_quantities` reads them in figures ("3.5%", "$1.2bn", "1,000", "25 km", "21st") or in
words ("three per cent", "two hundred and forty", "a dozen", "third") from raw text and
returns `Quantity` records whose spans index the whole text; `format_quantity` gives their
normal form and `quantity_key` what alignment and conflicts compare.

One idea per module:

- `figures`: the value of a figure's text and its separators ("1,000", "3,5", "1 000");
- `units`: scale, currency, percent and measure units around a figure;
- `context`: what says a number is not a quantity (date, year, time, name, list, URL);
- `digits` and `spelled`: the candidates written with digits and in words;
- `ranges`: overlaps and ranges ("3-4%", "between 2 and 3 per cent");
- `roles`: current, previous or target value;
- `extract`: `find_quantities` over raw text;
- `keys`: comparison key and normal form.

The words (numbers, magnitudes, currencies, units) are in `consilience.lang.en.numbers`.
Every pattern is linear and every context check reads a bounded slice around its match, so
adversarial input costs time proportional to its length.
"""

from .extract import find_quantities
from .keys import format_quantity, quantity_key

__all__ = ["find_quantities", "format_quantity", "quantity_key"]
