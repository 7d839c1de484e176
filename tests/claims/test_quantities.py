"""Tests for the regex-based quantity extractor."""

from __future__ import annotations

from itertools import pairwise

import pytest

from consilience.claims.quantities import find_quantities, format_quantity, quantity_key
from consilience.models import Quantity, Span


def _found(text: str) -> list[tuple[str, float, str, str]]:
    """(span text, value, unit, kind) of every quantity in `text`."""
    return [(q.span.text, q.value, q.unit, q.kind) for q in find_quantities(text)]


def _only(text: str) -> Quantity:
    """The single quantity in `text`."""
    quantities = find_quantities(text)
    assert len(quantities) == 1, [q.span.text for q in quantities]
    return quantities[0]


def _roles(text: str) -> list[tuple[str, str]]:
    return [(q.span.text, q.role) for q in find_quantities(text)]


def _quantity(value: float, unit: str, kind: str) -> Quantity:
    return Quantity(Span("a", 0, 1, "x"), value, unit, kind)  # type: ignore[arg-type]


# --- Percentages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("rose 3.5% in May", "3.5%", 3.5),
        ("rose 3.5 % in May", "3.5 %", 3.5),
        ("rose 3.5 per cent in May", "3.5 per cent", 3.5),
        ("rose 3.5 percent in May", "3.5 percent", 3.5),
        ("rose 3.5pc in May", "3.5pc", 3.5),
        ("rose 3.5 pct in May", "3.5 pct", 3.5),
        ("rose 3.5 per-cent in May", "3.5 per-cent", 3.5),
        ("rose three per cent in May", "three per cent", 3.0),
        ("spend 5 percent of GDP", "5 percent", 5.0),
        ("Seventy-five per cent agreed", "Seventy-five per cent", 75.0),
        ("a 3,5 % rise", "3,5 %", 3.5),
        ("a rise of 12％", "12％", 12.0),
    ],
)
def test_percent_forms(text: str, span: str, value: float) -> None:
    q = _only(text)
    assert (q.span.text, q.value, q.unit, q.kind) == (span, value, "%", "percent")


def test_percentage_points() -> None:
    q = _only("rates rose 2.5 percentage points")
    assert (q.span.text, q.value, q.unit, q.kind) == ("2.5 percentage points", 2.5, "pp", "percent")
    assert _only("a 1 percentage-point rise").unit == "pp"
    assert _only("up 0.5pp").unit == "pp"


def test_basis_points_keep_their_unit() -> None:
    q = _only("a cut of 25 basis points")
    assert (q.value, q.unit, q.kind) == (25.0, "bp", "percent")
    assert _only("a 50bps hike").unit == "bp"


def test_negative_percentages() -> None:
    assert _found("growth of -3% last year") == [("-3%", -3.0, "%", "percent")]
    assert _found("growth of minus 3% last year") == [("minus 3%", -3.0, "%", "percent")]
    assert _found("growth of −1.5 per cent") == [("−1.5 per cent", -1.5, "%", "percent")]


# --- Money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "currency"),
    [
        ("a $1.2 billion deal", "$1.2 billion", 1.2e9, "USD"),
        ("paid US$300 for it", "US$300", 300.0, "USD"),
        ("a €5m fine", "€5m", 5e6, "EUR"),
        ("a £2bn package", "£2bn", 2e9, "GBP"),
        ("raised ¥100 million", "¥100 million", 1e8, "JPY"),
        ("cost 5 million euros", "5 million euros", 5e6, "EUR"),
        ("cost 10 billion yen", "10 billion yen", 1e10, "JPY"),
        ("cost 300 dollars", "300 dollars", 300.0, "USD"),
        ("cost Rs 500 crore", "Rs 500 crore", 5e9, "INR"),
        ("cost 2 trillion yuan", "2 trillion yuan", 2e12, "CNY"),
        ("cost 3 billion renminbi", "3 billion renminbi", 3e9, "CNY"),
        ("cost 40 million rupees", "40 million rupees", 4e7, "INR"),
        ("cost 3 billion won", "3 billion won", 3e9, "KRW"),
        ("cost 5 million pounds", "5 million pounds", 5e6, "GBP"),
        ("cost 10 Australian dollars", "10 Australian dollars", 10.0, "AUD"),
        ("cost A$10m", "A$10m", 1e7, "AUD"),
        ("cost HK$5bn", "HK$5bn", 5e9, "HKD"),
        ("cost $500k", "$500k", 5e5, "USD"),
        ("cost $5M", "$5M", 5e6, "USD"),
        ("cost $1.5tn", "$1.5tn", 1.5e12, "USD"),
        ("cost $1.5 trn", "$1.5 trn", 1.5e12, "USD"),
        ("cost $3 mn", "$3 mn", 3e6, "USD"),
        ("cost USD 5 million", "USD 5 million", 5e6, "USD"),
        ("cost 5 million USD", "5 million USD", 5e6, "USD"),
        ("cost 30 €", "30 €", 30.0, "EUR"),
        ("a $1.2-billion plan", "$1.2-billion", 1.2e9, "USD"),
        ("cost 5 million roubles", "5 million roubles", 5e6, "RUB"),
    ],
)
def test_money(text: str, span: str, value: float, currency: str) -> None:
    q = _only(text)
    assert (q.span.text, q.unit, q.kind) == (span, currency, "money")
    assert q.value == pytest.approx(value)


def test_pounds_without_scale_are_weight() -> None:
    q = _only("200 pounds of rice")
    assert (q.value, q.unit, q.kind) == (200.0, "lb", "measure")
    assert _only("200 pounds sterling").unit == "GBP"


def test_won_needs_a_scale_or_korean() -> None:
    assert _only("5 million South Korean won").unit == "KRW"
    assert _only("they have 3 won so far").kind == "count"


def test_money_written_in_words() -> None:
    q = _only("a million dollars")
    assert (q.span.text, q.value, q.unit, q.kind) == ("a million dollars", 1e6, "USD", "money")
    assert _only("five billion euros").value == 5e9


# --- Counts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("200 people were hurt", "200", 200.0),
        ("a total of 1,000.5 units", "1,000.5", 1000.5),
        ("three were hurt", "three", 3.0),
        ("twenty-five were hurt", "twenty-five", 25.0),
        ("two hundred and forty were hurt", "two hundred and forty", 240.0),
        ("a dozen were hurt", "a dozen", 12.0),
        ("two dozen were hurt", "two dozen", 24.0),
        ("two officials said", "two", 2.0),
        ("1.2 million people", "1.2 million", 1.2e6),
        ("three million people", "three million", 3e6),
        ("a hundred people", "a hundred", 100.0),
        ("one thousand two hundred and five people", "one thousand two hundred and five", 1205.0),
        ("5m people fled", "5m", 5e6),
        ("50k people fled", "50k", 5e4),
        ("half a million people", "half a million", 5e5),
        ("two and a half weeks", "two and a half weeks", 2.5),
        ("ninety-nine problems", "ninety-nine", 99.0),
        ("Fifty people died", "Fifty", 50.0),
    ],
)
def test_counts(text: str, span: str, value: float) -> None:
    q = _only(text)
    assert (q.span.text, q.value) == (span, pytest.approx(value))
    assert q.kind in ("count", "measure")


def test_counts_have_no_unit() -> None:
    q = _only("two officials said")
    assert (q.unit, q.kind, q.role) == ("", "count", "current")


@pytest.mark.parametrize(
    "text",
    [
        "one of the officials said",
        "no one was hurt",
        "someone was hurt",
        "one day he will return",
        "anyone can see it",
        "one-off payment",
        "one-third of voters",
        "two-thirds of voters",
        "three quarters of voters",
        "tens of thousands of people",
        "hundreds of people",
        "thousands of people",
        "millions of dollars",
        "dozens of people",
    ],
)
def test_not_counts(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("only one person was hurt", "one"),
        ("at least one was hurt", "one"),
        ("One person died", "One"),
        ("one hundred people", "one hundred"),
        ("one percent of voters", "one percent"),
        ("a one-year delay", "one-year"),
        ("twenty-one people", "twenty-one"),
    ],
)
def test_one_in_a_clear_number_context(text: str, span: str) -> None:
    assert _only(text).span.text == span


def test_one_or_two() -> None:
    assert [q.span.text for q in find_quantities("one or two people")] == ["one", "two"]


# --- Measures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("a 25 km march", "25 km", 25.0, "km"),
        ("walked 5 kilometres", "5 kilometres", 5.0, "km"),
        ("carried 3 tonnes", "3 tonnes", 3.0, "t"),
        ("heat of 40 degrees", "40 degrees", 40.0, "°"),
        ("weighs 10 kg", "10 kg", 10.0, "kg"),
        ("drove 100 miles", "100 miles", 100.0, "mi"),
        ("a 25-km stretch", "25-km", 25.0, "km"),
        ("a 5m wall", "5m", 5.0, "m"),
        ("a 100 m sprint", "100 m", 100.0, "m"),
        ("40C heat", "40C", 40.0, "°C"),
        ("reached 40°C", "40°C", 40.0, "°C"),
        ("reached 40 degrees Celsius", "40 degrees Celsius", 40.0, "°C"),
        ("3 million barrels per day", "3 million barrels per day", 3e6, "bbl/d"),
        ("a 10-year bond", "10-year", 10.0, "yr"),
        ("a 34-year-old man", "34-year", 34.0, "yr"),
        ("1.2 million tonnes", "1.2 million tonnes", 1.2e6, "t"),
        ("a 500 MW plant", "500 MW", 500.0, "MW"),
        ("200 square kilometres", "200 square kilometres", 200.0, "km²"),
        ("flying at 900 km/h", "900 km/h", 900.0, "km/h"),
    ],
)
def test_measures(text: str, span: str, value: float, unit: str) -> None:
    q = _only(text)
    assert (q.span.text, q.unit, q.kind) == (span, unit, "measure")
    assert q.value == pytest.approx(value)


# --- Ordinals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("the third attempt", "third", 3.0),
        ("the 3rd attempt", "3rd", 3.0),
        ("the 21st attempt", "21st", 21.0),
        ("the 22nd attempt", "22nd", 22.0),
        ("the third-highest total", "third", 3.0),
        ("a third-ranking official", "third", 3.0),
        ("the 3rd-largest economy", "3rd", 3.0),
        ("the twenty-first century", "twenty-first", 21.0),
        ("the 100th anniversary", "100th", 100.0),
        ("a third term", "third", 3.0),
        ("he came second", "second", 2.0),
    ],
)
def test_ordinals(text: str, span: str, value: float) -> None:
    q = _only(text)
    assert (q.span.text, q.value, q.unit, q.kind) == (span, value, "", "ordinal")


@pytest.mark.parametrize(
    "text",
    [
        "a third of the budget",
        "one third of the budget",
        "at first, he refused",
        "first of all, he refused",
        "in a split second",
        "the Second World War",
        "the 4th of July",
        "on June 1st",
        "on the 20th of June",
        "on June third",
    ],
)
def test_not_ordinals(text: str) -> None:
    assert find_quantities(text) == []


# --- Number formats ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000.5 units", 1000.5),
        ("1.000,5 units", 1000.5),
        ("1,000 units", 1000.0),
        ("1,000,000 units", 1e6),
        ("1.000.000 units", 1e6),
        ("1.000 units", 1.0),
        ("3,5 units", 3.5),
        ("1\u202f000 units", 1000.0),
        ("1\u00a0000 units", 1000.0),
        ("1\u202f000,5 units", 1000.5),
        ("0.5 units", 0.5),
        ("12 units", 12.0),
    ],
)
def test_number_formats(text: str, value: float) -> None:
    assert _only(text).value == pytest.approx(value)


def test_plain_space_does_not_join_figures() -> None:
    assert [q.value for q in find_quantities("between 1 and 999 units, 5 000")] == [1.0, 999.0,
                                                                                    5.0]


# --- Ranges --------------------------------------------------------------------------------


def test_percent_range_gives_two_percentages() -> None:
    assert _found("growth of 3-4% is expected") == [
        ("3", 3.0, "%", "percent"), ("4%", 4.0, "%", "percent")]


def test_range_with_en_dash_and_words() -> None:
    assert [(q.value, q.unit) for q in find_quantities("growth of 3–4 per cent")] == [
        (3.0, "%"), (4.0, "%")]
    assert [(q.value, q.unit) for q in find_quantities("between 2 and 3 per cent")] == [
        (2.0, "%"), (3.0, "%")]
    assert [(q.value, q.unit) for q in find_quantities("two to three per cent")] == [
        (2.0, "%"), (3.0, "%")]


def test_money_range_shares_currency_and_scale() -> None:
    assert [(q.value, q.unit, q.kind) for q in find_quantities("paid $3-4 billion")] == [
        (3e9, "USD", "money"), (4e9, "USD", "money")]


def test_count_range_shares_scale() -> None:
    assert [q.value for q in find_quantities("3 to 4 million shares")] == [3e6, 4e6]
    assert [q.value for q in find_quantities("10-15 people")] == [10.0, 15.0]


def test_scores_are_not_ranges() -> None:
    assert find_quantities("a 2-1 win") == []
    assert find_quantities("a 5-4 ruling") == []


# --- Things that are not quantities -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in 1951 they left",
        "2022 was hard",
        "in fiscal year 2027",
        "the 1990s",
        "the '90s",
        "the 2022-23 season",
        "from 2020 to 2022",
        "on July 1 they met",
        "on June 24-25 they met",
        "on 1 July they met",
        "on 24-25 June they met",
        "on the 20th of June",
        "on May 5",
        "on Sept. 3",
        "at 10:30 they met",
        "at 3 pm they met",
        "at 10.30am they met",
        "at 1500 GMT they met",
        "the G7 summit",
        "COVID-19 cases",
        "F-35 jets",
        "the 2+2 talks",
        "Su-57 fighters",
        "an A320 jet",
        "4G networks",
        "on 2024-06-05",
        "on 2024/06/05",
        "call +44 20 7946 0958",
        "call 555-123-4567",
        "call (555) 123-4567",
        "version 3.5.1 shipped",
        "host 192.168.1.1",
        "see https://example.com/news/2024/123",
        "see www.example.org/page/5",
        "mail info2@example.com",
        "follow #Vote2024",
        "Article 5 applies",
        "a Boeing 737 jet",
        "COP 28 talks",
        "No. 10 said",
        "at 10 Downing Street",
        "a 24/7 service",
        "on 9/11",
        "Formula One",
        "Channel Four",
        "[1] a footnote",
        "in 300 BC",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == [], [q.span.text for q in find_quantities(text)]


def test_list_numbers_are_skipped() -> None:
    assert find_quantities("Points:\n1. Cost\n2) Delay") == []


def test_year_with_a_unit_is_a_quantity() -> None:
    assert _only("worth $2000").value == 2000.0
    assert _only("a 2000 km trek").unit == "km"
    assert _only("2000 per cent").kind == "percent"
    assert _only("2,000 troops").value == 2000.0


def test_day_numbers_only_next_to_a_month() -> None:
    assert _found("on July 1, 20 people came") == [("20", 20.0, "", "count")]


# --- Spans and offsets ---------------------------------------------------------------------


SAMPLE = (
    "Japan will raise defence spending to 3.5% of GDP, up from an earlier 2%, officials said "
    "on June 24. The plan costs ¥43 trillion ($290bn) over five years; 1,200 troops and two "
    "destroyers will deploy 1\u202f000 km south. It is the third such plan since 2022."
)


def test_spans_index_the_whole_text() -> None:
    quantities = find_quantities(SAMPLE, article="a1")
    assert quantities
    for q in quantities:
        assert SAMPLE[q.span.start:q.span.end] == q.span.text
        assert q.span.article == "a1"


def test_results_are_sorted_and_disjoint() -> None:
    quantities = find_quantities(SAMPLE)
    for first, second in pairwise(quantities):
        assert first.span.end <= second.span.start


def test_sample_article() -> None:
    assert [(q.span.text, q.role) for q in find_quantities(SAMPLE)] == [
        ("3.5%", "target"),
        ("2%", "previous"),
        ("¥43 trillion", "current"),
        ("$290bn", "current"),
        ("five years", "current"),
        ("1,200", "current"),
        ("two", "current"),
        ("1\u202f000 km", "current"),
        ("third", "current"),
    ]


def test_start_and_end_limit_the_search_but_offsets_stay_global() -> None:
    text = "Costs rose 5%. Then 200 people came. Later 7 km."
    start = text.index("Then")
    end = text.index("Later")
    quantities = find_quantities(text, "doc", start, end)
    assert [q.span.text for q in quantities] == ["200"]
    q = quantities[0]
    assert (q.span.start, q.span.end) == (text.index("200"), text.index("200") + 3)
    assert text[q.span.start:q.span.end] == q.span.text


def test_end_cuts_a_unit_off() -> None:
    text = "they spent 5 percent"
    q = _only_in(text, 0, text.index(" percent"))
    assert (q.span.text, q.kind) == ("5", "count")


def _only_in(text: str, start: int, end: int) -> Quantity:
    quantities = find_quantities(text, "", start, end)
    assert len(quantities) == 1
    return quantities[0]


def test_empty_and_out_of_range_inputs() -> None:
    assert find_quantities("") == []
    assert find_quantities("   ") == []
    assert find_quantities("5%", start=10) == []
    assert [q.span.text for q in find_quantities("5%", end=100)] == ["5%"]


# --- Roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("up from an earlier request of 3%", [("3%", "previous")]),
        ("a previous demand of 3 percent", [("3 percent", "previous")]),
        ("down from 4.1% in May", [("4.1%", "previous")]),
        ("compared with 3% a year earlier", [("3%", "previous")]),
        ("last year's 3% rise", [("3%", "previous")]),
        ("unemployment had been 5%", [("5%", "previous")]),
        ("Tokyo previously pledged 2 per cent", [("2 per cent", "previous")]),
        ("the former 3% target was dropped", [("3%", "previous")]),
        ("raise spending to 3.5%", [("3.5%", "target")]),
        ("increase the budget to 5 percent", [("5 percent", "target")]),
        ("they demanded an increase to 5 percent", [("5 percent", "target")]),
        ("it should be raised to 5%", [("5%", "target")]),
        ("plans to cut rates to 3%", [("3%", "target")]),
        ("a target of 2% was set", [("2%", "target")]),
        ("it aims for 2%", [("2%", "target")]),
        ("NATO's 2% target", [("2%", "target")]),
        ("the government targets 2% growth", [("2%", "target")]),
        ("the closest to this target at 4.1 percent", [("4.1 percent", "current")]),
        ("inflation rose to 5%", [("5%", "current")]),
        ("it was raised to 5%", [("5%", "current")]),
        ("the bank cut rates to 3%", [("3%", "current")]),
        ("prices could rise by up to 5%", [("5%", "current")]),
        ("inflation was 3% in May", [("3%", "current")]),
        ("200 people from 3 countries", [("200", "current"), ("3", "current")]),
        ("Earlier this month, 5 people died", [("5", "current")]),
        ("inflation rose to 5% from 3%", [("5%", "current"), ("3%", "previous")]),
        ("raise spending from 2% to 3%", [("2%", "previous"), ("3%", "target")]),
        ("raised the offer from $5 million to $7 million",
         [("$5 million", "previous"), ("$7 million", "current")]),
        ("lift spending to 5% of GDP by 2035, up from a previous 2% target",
         [("5%", "target"), ("2%", "previous")]),
    ],
)
def test_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


def test_previous_cue_does_not_cross_a_sentence_or_semicolon() -> None:
    assert _roles("The previous plan failed. Now 5% is needed") == [("5%", "current")]
    assert _roles("the earlier plan failed; 5% is needed") == [("5%", "current")]


def test_previous_cue_window_is_short() -> None:
    text = "the previous government, which had long argued about it in parliament, spent 3%"
    assert _roles(text) == [("3%", "current")]
    text = "the previous government which had long argued about it in parliament spent 3%"
    assert _roles(text) == [("3%", "current")]


def test_range_ends_share_a_role() -> None:
    assert _roles("up from 3-4% last year") == [("3", "previous"), ("4%", "previous")]


# --- Keys and formatting -------------------------------------------------------------------


def test_quantity_key_compares_across_forms() -> None:
    forms = ["3.5%", "3.5 per cent", "3.5 percent", "3.5pc", "3,5 %"]
    keys = {quantity_key(_only(form)) for form in forms}
    assert keys == {("percent:%", 3.5)}
    assert quantity_key(_only("$1.2 billion")) == quantity_key(_only("US$1,200 million"))
    assert quantity_key(_only("$1.2 billion")) != quantity_key(_only("€1.2 billion"))


def test_quantity_key_rounds() -> None:
    assert quantity_key(_quantity(0.1 + 0.2, "%", "percent")) == ("percent:%", 0.3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.5 per cent", "3.5%"),
        ("2.5 percentage points", "2.5pp"),
        ("$1.2 billion", "USD 1.2 billion"),
        ("€5m", "EUR 5 million"),
        ("US$300", "USD 300"),
        ("two officials", "2"),
        ("1,000.5 units", "1,000.5"),
        ("1.2 million people", "1.2 million"),
        ("third place", "3rd"),
        ("the 21st time", "21st"),
        ("the 12th time", "12th"),
        ("the 22nd time", "22nd"),
        ("25 kilometres", "25 km"),
        ("40 degrees", "40°"),
        ("-3%", "-3%"),
    ],
)
def test_format_quantity(text: str, expected: str) -> None:
    assert format_quantity(_only(text)) == expected


# --- Linear time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1," * 50000,
        "1." * 50000,
        "9" * 100000,
        "one " * 20000,
        "1-" * 20000,
        "1\u202f" * 20000,
        "+1 " * 10000,
        "a@" * 50000,
        "twenty-" * 20000,
        "one hundred and " * 5000,
        "1" + " " * 100000 + "%",
        "x1" * 50000,
        "$" * 100000,
        "from " * 20000 + "3%",
    ],
    ids=lambda text: repr(text[:12]),
)
def test_adversarial_inputs_return(text: str) -> None:
    quantities = find_quantities(text)
    for q in quantities:
        assert text[q.span.start:q.span.end] == q.span.text


def test_a_quotation_closing_inside_a_sum_keeps_its_scale() -> None:
    text = "\u201cNo, we\u2019re asking for $5.6\u201d billion, he said."
    assert _found(text) == [("$5.6\u201d billion", 5.6e9, "USD", "money")]
    # a figure that is not money does not reach past a closing quotation mark
    assert [q.value for q in find_quantities('He said "5" million times.')] == [5.0]
