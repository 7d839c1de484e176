from datetime import date

import pytest

from consilience.dates import normalise_expression

SATURDAY = date(2025, 6, 21)


@pytest.mark.parametrize(("text", "tense", "value", "precision", "end"), [
    ("June 20", "past", "2025-06-20", "day", None),
    ("July 9", "future", "2025-07-09", "day", None),
    ("on Friday", "past", "2025-06-20", "day", None),
    ("Friday", "future", "2025-06-27", "day", None),
    ("last Friday", None, "2025-06-20", "day", None),
    ("next Friday", None, "2025-06-27", "day", None),
    ("yesterday", None, "2025-06-20", "day", None),
    ("last month", None, "2025-05", "month", None),
    ("next week", "future", "2025-06-23", "day", "2025-06-29"),
    ("this week", None, "2025-06-16", "day", "2025-06-22"),
    ("In March this year", "past", "2025-03", "month", None),
    ("in March", "past", "2025-03", "month", None),
    ("in March", "future", "2026-03", "month", None),
    ("last March", None, "2025-03", "month", None),
    ("several weeks ago", "past", "2025-05-10", "day", "2025-05-31"),
    ("three days ago", "past", "2025-06-18", "day", None),
    ("two years ago", None, "2023", "year", None),
    ("the fiscal year 2027", None, "2027", "year", None),
    ("FY2027", None, "2027", "year", None),
    ("June 24-25", "future", "2025-06-24", "day", "2025-06-25"),
    ("December 5", "past", "2024-12-05", "day", None),
    ("January 10", "future", "2026-01-10", "day", None),
    ("June 21, 2025", None, "2025-06-21", "day", None),
    ("21 June 2025", None, "2025-06-21", "day", None),
    ("March 2024", None, "2024-03", "month", None),
    ("1951", None, "1951", "year", None),
    ("the 1990s", None, "1990", "year", "1999"),
    ("2025-06-21", None, "2025-06-21", "day", None),
    ("21/06/25", None, "2025-06-21", "day", None),
    # seasons as their three months
    ("last summer", None, "2024-06", "month", "2024-08"),
    ("this summer", None, "2025-06", "month", "2025-08"),
    ("next winter", None, "2025-12", "month", "2026-02"),
    ("last winter", None, "2024-12", "month", "2025-02"),
    ("the summer of 2016", None, "2016-06", "month", "2016-08"),
    ("this fall", "past", "2024-09", "month", "2024-11"),
])
def test_expressions_normalise_against_anchor_and_tense(text, tense, value, precision, end):
    result = normalise_expression(text, SATURDAY, tense)
    assert result is not None, text
    assert (result.value, result.precision, result.end) == (value, precision, end)


def test_a_year_less_date_is_never_placed_half_a_year_away_by_a_misread_tense():
    result = normalise_expression("July 20", SATURDAY, "past")
    assert result is not None and result.value == "2025-07-20"


@pytest.mark.parametrize("text", ["February 30, 2025", "2025-13-01", "31/31/2025", "weekly",
                                  "annual", "", "the day", "several days"])
def test_impossible_or_dateless_expressions_give_none(text):
    assert normalise_expression(text, SATURDAY, "past") is None


def test_without_an_anchor_only_absolute_dates_are_placed():
    assert normalise_expression("June 21, 2025", None).value == "2025-06-21"
    assert normalise_expression("yesterday", None) is None
    assert normalise_expression("July 9", None) is None


def test_two_digit_years_and_far_dates():
    assert normalise_expression("6/21/98", SATURDAY).value == "1998-06-21"
    assert normalise_expression("in 2150", SATURDAY).value == "2150"


@pytest.mark.parametrize(("text", "value", "end"), [
    ("the third quarter of this year", "2025-07", "2025-09"),
    ("the first quarter of last year", "2024-01", "2024-03"),
    ("Q2 2024", "2024-04", "2024-06"),
    ("the first half of 2026", "2026-01", "2026-06"),
])
def test_quarters_and_halves_are_month_ranges(text, value, end):
    result = normalise_expression(text, SATURDAY, "past")
    assert (result.value, result.precision, result.end) == (value, "month", end)


def test_a_day_named_beside_a_compared_offset_is_the_day():
    anchor = date(2018, 12, 23)
    # "leaving on January 1, weeks earlier than planned": the offset compares with the plan
    found = normalise_expression("January 1, weeks earlier", anchor, "future")
    assert (found.value, found.precision, found.end) == ("2019-01-01", "day", None)
    # an offset alone still locates a time
    assert normalise_expression("weeks earlier", anchor, "past").end is not None


@pytest.mark.parametrize(("text", "value", "end"), [
    ("the next day", "2025-06-17", None),
    ("The following morning", "2025-06-17", None),
    ("that day", "2025-06-16", None),
    ("the day before", "2025-06-15", None),
    ("that week", "2025-06-16", "2025-06-22"),
    ("the following month", "2025-07", None),
    ("the year before", "2024", None),
])
def test_a_time_placed_from_the_day_named_before_uses_that_day(text, value, end):
    named = date(2025, 6, 16)
    result = normalise_expression(text, SATURDAY, "past", reference=named)
    assert result is not None and (result.value, result.end) == (value, end)
    # with no day named before, the article's date is the reference
    assert normalise_expression("the next day", SATURDAY).value == "2025-06-22"
