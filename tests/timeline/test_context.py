"""Values that depend on context: the clause's tense and modality, the date named before,
the quarter a report of results is about."""

from datetime import date

import pytest

from consilience.timeline import find_timexes

THURSDAY = date(1989, 10, 26)


def value_of(nlp, text: str, expression: str, anchor: date = THURSDAY) -> str | None:
    found = {timex.text: timex.value for timex in find_timexes(nlp(text), anchor)}
    assert expression in found, (text, found)
    return found[expression]


@pytest.mark.parametrize(("text", "expression", "value"), [
    # a present passive and a modal look ahead; a past clause with a month just ahead
    ("Closing, which is expected in December, needs approval.", "December", "1989-12"),
    ("The transaction should be completed in January.", "January", "1990-01"),
    ("The split would be paid in January to holders of record.", "January", "1990-01"),
    ("The relatives could arrive as early as Tuesday, officials said.", "as early as Tuesday",
     "1989-10-31"),
    ("The company named a new chairman, effective Feb. 1.", "Feb. 1", "1990-02-01"),
    ("His relatives could not be located Wednesday in their hometown.", "Wednesday",
     "1989-10-25"),
    ("Until Monday, the police had not called him a suspect.", "Monday", "1989-10-23"),
    ("Liberal groups prepared for a march on Saturday in the capital.", "Saturday",
     "1989-10-28"),
    ("Saudi Arabia told oil companies of a cutback in its supply in November.", "November",
     "1989-11"),
    ("The company reported a loss in March.", "March", "1989-03"),
    # the date named before is the reference of "that year", "later that month"
    ("He fled in June 1988 and returned to Cuba later that year.", "later that year", "1988"),
    ("Imports totaled $37 million in 1987, a small share of imports that year.", "that year",
     "1987"),
    ("The plant was sold in April 1985. The following month, the company put itself up "
     "for sale.", "The following month", "1985-05"),
])
def test_context_places_the_date(nlp, text, expression, value):
    assert value_of(nlp, text, expression) == value


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Profit rose in the third quarter. In the 1988 quarter, it earned $3 million.",
     "the 1988 quarter", "1988-Q3"),
    ("Profit rose in the third quarter. For the quarter a year ago, it earned $3 million.",
     "the quarter a year ago", "1988-Q3"),
    ("Third-quarter sales fell. U.K. sales for last year's quarter were $3 million.",
     "last year's quarter", "1988-Q3"),
    ("Profit rose in the second quarter. Revenue surged 54% in the latest period.",
     "the latest period", "1989-Q2"),
])
def test_a_report_of_results_names_its_quarter_once(nlp, text, expression, value):
    assert value_of(nlp, text, expression) == value


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The Sept. 11 attacks were recalled at the ceremony.", "Sept. 11", "2001-09-11"),
    ("He moved to Chicago after 9/11.", "9/11", "2001-09-11"),
    ("The council met on Sept. 11 to vote on the budget.", "Sept. 11", "1989-09-11"),
    ("The family gathered on Thanksgiving Day.", "Thanksgiving Day", "1988-11-24"),
    ("Campaigning goes on until Election Day, aides said.", "Election Day", "1989-11-07"),
    ("Stores will open late on Christmas Eve.", "Christmas Eve", "1989-12-24"),
    ("Protesters prayed as Easter week began.", "Easter week", "1989-W12"),
])
def test_named_days_have_their_own_date(nlp, text, expression, value):
    assert value_of(nlp, text, expression) == value


def test_a_time_of_day_is_on_the_day_its_sentence_names(nlp):
    text = "The blast occurred at about 10:35 a.m. Friday, toppling a building."
    found = {timex.text: timex.value for timex in find_timexes(nlp(text), date(1998, 8, 8))}
    assert any(value == "1998-08-07T10:35" for value in found.values()), found


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The case may be heard the week of Nov. 6, lawyers said.", "the week of Nov. 6",
     "1989-W45"),
    ("The boat capsized six weeks ago off the coast.", "six weeks ago", "1989-W37"),
    ("The boat capsized a week ago off the coast.", "a week ago", "1989-10-19"),
])
def test_weeks_are_written_as_weeks(nlp, text, expression, value):
    assert value_of(nlp, text, expression) == value


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The fabled 11th century temple draws tourists.", "11th century", "10"),
    ("It was a landmark of the 20th century.", "the 20th century", "19"),
    ("Hate group numbers dropped through the nineties.", "the nineties", "199"),
    ("Sales boomed in the '80s.", "the '80s", "198"),
])
def test_centuries_and_spelled_decades(nlp, text, expression, value):
    assert value_of(nlp, text, expression) == value
