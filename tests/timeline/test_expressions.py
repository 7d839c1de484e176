from datetime import date

import pytest

from consilience.timeline import event_dates, find_expressions

SATURDAY = date(2025, 6, 21)


@pytest.mark.parametrize(("text", "tense", "value"), [
    ("The minister resigned on Friday.", "past", "2025-06-20"),
    ("The minister will resign on Friday.", "future", "2025-06-27"),
    ("The talks are scheduled for July 1.", "future", "2025-07-01"),
    ("The talks were scheduled for July 1, but were called off.", "future", "2025-07-01"),
    ("Japan withdrew from the planned meeting on July 1.", None, "2025-07-01"),
    ("The vote on July 20 is expected to go badly.", None, "2025-07-20"),
    ("Tariffs are on hold until July 9.", None, "2025-07-09"),
    # an infinitive takes the tense of the clause it completes; to come otherwise
    ("The club was the first to report the change on Tuesday.", "past", "2025-06-17"),
    ("The mayor wants to vote on Tuesday.", "future", "2025-06-24"),
    ("The talks to be held on Tuesday were cancelled.", "future", "2025-06-24"),
    # "said he would": ahead of the saying
    ("The campaign said he would be delivering a speech on Monday.", "future", "2025-06-23"),
    ("The mayor appeared likely to leave Friday for a trip abroad.", "future", "2025-06-27"),
    ("It organised a rally set for Wednesday in the park.", "future", "2025-06-25"),
])
def test_clause_tense_places_year_less_dates(nlp, text, tense, value):
    found = [expression for expression in find_expressions(nlp(text), SATURDAY)
             if expression.value is not None]
    assert found, text
    assert found[0].value.value == value
    if tense is not None:
        assert found[0].tense == tense


def test_fiscal_years_are_found_even_when_the_tagger_misses_them(nlp):
    found = find_expressions(nlp("The plan runs until FY2027 under the new rules."), SATURDAY)
    assert [expression.value.value for expression in found if expression.value] == ["2027"]


def test_event_dates_cover_the_clause_of_the_date(nlp):
    doc = nlp("The council approved the budget on Friday, and the mayor resigned.")
    dates = event_dates(doc, SATURDAY)
    approved = next(token.i for token in doc if token.text == "approved")
    budget = next(token.i for token in doc if token.text == "budget")
    assert dates[approved].value == dates[budget].value == "2025-06-20"


def test_undated_past_clauses_take_the_lede_date_only_when_asked(nlp):
    doc = nlp("The plant closed on Friday, the company said. Workers protested outside. "
              "A new plant will open next year.")
    protested = next(token.i for token in doc if token.text == "protested")
    will_open = next(token.i for token in doc if token.text == "open")
    assert event_dates(doc, SATURDAY)[protested].value == "2025-06-20"
    assert protested not in event_dates(doc, SATURDAY, lede=False)
    assert event_dates(doc, SATURDAY)[will_open].value == "2026"
