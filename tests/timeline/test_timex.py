"""Temporal expressions typed and valued as TIMEX3 reads them."""

from datetime import date

import pytest

from consilience.models import Article
from consilience.timeline import find_timexes, story_dates

FRIDAY = date(2013, 5, 3)


def timexes(nlp, text: str, anchor: date | None = FRIDAY) -> dict[str, tuple[str, str | None]]:
    return {timex.text: (timex.type, timex.value) for timex in find_timexes(nlp(text), anchor)}


@pytest.mark.parametrize(("text", "expression", "kind", "value"), [
    ("The strike lasted three weeks.", "three weeks", "duration", "P3W"),
    ("Over the past two years sales rose.", "the past two years", "duration", "P2Y"),
    ("The strike lasted several months.", "several months", "duration", "PXM"),
    ("Two years ago the plant closed.", "Two years ago", "date", "2011"),
    ("The meeting is held every Sunday.", "every Sunday", "set", "XXXX-WXX-7"),
    ("The board meets monthly.", "monthly", "set", "P1M"),
    ("Last week the company said sales fell.", "Last week", "date", "2013-W17"),
    # a quarter without its year: the latest begun, or the next for what is to come
    ("Sales fell in the third quarter.", "the third quarter", "date", "2012-Q3"),
    ("Sales will rise in the third quarter.", "the third quarter", "date", "2013-Q3"),
    ("Third-quarter profit fell.", "Third-quarter", "date", "2012-Q3"),
    ("Profit rose in the quarter.", "the quarter", "date", "2013-Q1"),
    ("Sales fell in the 1988 second quarter.", "the 1988 second quarter", "date", "1988-Q2"),
    ("Prices were lower in the 1990s.", "the 1990s", "date", "199"),
    ("The order took effect at 5 p.m.", "5 p.m.", "time", "2013-05-03T17:00"),
    ("The House voted on Wednesday afternoon.", "Wednesday afternoon", "time",
     "2013-05-01TAF"),
    ("Sentencing has been set for June 28.", "June 28", "date", "2013-06-28"),
    ("Prices are now higher.", "now", "date", "PRESENT_REF"),
    ("Prices rose several weeks ago.", "several weeks ago", "date", "PAST_REF"),
    ("He spoke at the convention last summer.", "last summer", "date", "2012-SU"),
])
def test_expressions_get_their_timex_type_and_value(nlp, text, expression, kind, value):
    assert timexes(nlp, text)[expression] == (kind, value)


def test_ages_and_bare_numbers_are_no_time_and_a_period_ended_on_a_day_is_two(nlp):
    found = timexes(nlp, "The 6-year-old boy, 44, was found. Net income rose in the year "
                         "ended Sept. 30.", date(1989, 11, 2))
    assert found == {"the year": ("date", "1989"), "Sept. 30": ("date", "1989-09-30")}


def test_a_year_ago_in_a_quarterly_report_is_that_quarter_a_year_before(nlp):
    found = timexes(nlp, "Third-quarter profit rose 5% from $1 million a year earlier.",
                    date(1989, 11, 2))
    assert found["a year earlier"] == ("date", "1988-Q3")


def test_without_an_anchor_relative_dates_stay_unresolved_and_absolute_ones_do_not(nlp):
    found = timexes(nlp, "On Tuesday the court ruled, as it said on June 28, 2012.", None)
    assert found["Tuesday"] == ("date", None)
    assert found["June 28, 2012"] == ("date", "2012-06-28")


def test_story_dates_point_into_each_article_with_its_own_anchor(nlp):
    articles = [Article("a1", "a.txt", "The vote was held on Tuesday.", published="2013-05-03"),
                Article("a2", "b.txt", "The vote was held on Tuesday.", published="2013-05-10")]
    dates = story_dates(articles, [nlp(article.text) for article in articles])
    texts = {article.id: article.text for article in articles}
    assert [(date.span.article, date.value, date.anchor) for date in dates] == [
        ("a1", "2013-04-30", "2013-05-03"), ("a2", "2013-05-07", "2013-05-10")]
    assert all(texts[d.span.article][d.span.start:d.span.end] == d.span.text for d in dates)


def test_the_next_day_counts_from_the_day_the_text_named(nlp):
    found = find_timexes(nlp("The fire broke out on June 3. The next day, officials closed "
                             "the road."), date(2013, 6, 20))
    assert [(timex.value, timex.anchor) for timex in found] == [
        ("2013-06-03", "2013-06-20"), ("2013-06-04", "2013-06-03")]


def test_two_days_named_are_the_first_day_not_a_weekend(nlp):
    # 21-22 June 2025 is a Saturday and a Sunday: only "the weekend" makes it one
    found = timexes(nlp, "The summit will be held on June 21-22, and talks resume this "
                         "weekend.", date(2025, 6, 18))
    assert found["June 21-22"] == ("date", "2025-06-21")
    assert found["this weekend"] == ("date", "2025-W25-WE")
