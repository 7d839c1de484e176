"""The span grammar: a tagged span that holds a list or a range gives one expression per
part, and one date written in several pieces stays one."""

from datetime import date

import pytest

from consilience.timeline import find_timexes

FRIDAY = date(1999, 4, 30)


def values(nlp, text: str) -> dict[str, str | None]:
    found = find_timexes(nlp(text), FRIDAY)
    for timex in found:
        assert text[timex.start:timex.end] == timex.text
    return {timex.text: timex.value for timex in found}


@pytest.mark.parametrize(("text", "expected"), [
    ("The summit was held on April 24 and 25 in Washington.",
     {"April 24": "1999-04-24", "25": "1999-04-25"}),
    ("Prices rose between 1985 and 1987, the study found.", {"1985": "1985", "1987": "1987"}),
    ("Sales grew from 1991 to 1997 in every region.", {"1991": "1991", "1997": "1997"}),
    ("The offer runs from Aug. 26 to Oct. 20, the bank said.",
     {"Aug. 26": "1999-08-26", "Oct. 20": "1999-10-20"}),
    ("Doctors were shot at in 1994, 1995 and 1997 near the border.",
     {"1994": "1994", "1995": "1995", "1997": "1997"}),
    ("Profit fell in the first nine months of 1997.",
     {"the first nine months": "P9M", "1997": "1997"}),
])
def test_lists_and_ranges_are_split_into_their_parts(nlp, text, expected):
    found = values(nlp, text)
    for expression, value in expected.items():
        assert found.get(expression) == value, (text, found)


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The rally was held on Saturday, April 24, in the capital.", "Saturday, April 24",
     "1999-04-24"),
    ("The plant opened on April 25, 1990, with 300 workers.", "April 25, 1990", "1990-04-25"),
])
def test_one_date_in_pieces_stays_one_expression(nlp, text, expression, value):
    assert values(nlp, text).get(expression) == value
