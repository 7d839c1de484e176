"""Number and date conflicts among the claims of one fact."""

from __future__ import annotations

from dataclasses import replace

from consilience.claims.quantities import find_quantities, format_quantity
from consilience.conflicts.values import (
    near_value_conflicts,
    same_event_groups,
    story_values,
    value_conflicts,
    year_conflicts,
)
from consilience.models import Claim, Span


def claim(article: str, text: str, number: int = 1, dates: tuple[str, ...] = ()) -> Claim:
    """A claim of `text` with the quantities the quantity reader finds in it."""
    quantities = tuple(replace(quantity, normal=format_quantity(quantity))
                       for quantity in find_quantities(text, article))
    return Claim(span=Span(article, 0, len(text), text), id=f"{article}-c{number}",
                 quantities=quantities, dates=dates)


def together(*claims: Claim) -> tuple[Claim, ...]:
    """Claims that state one thing (a fact's, or a group alike enough to compare)."""
    return claims


def test_different_percentages_in_different_articles_conflict():
    first = claim("a", "The bank raised its key rate to 3.5% on Tuesday.")
    second = claim("b", "The bank raised its key rate to 4% on Tuesday.")
    found = value_conflicts(together(first, second), story_values([first, second]))
    assert len(found) == 1
    kind, sides, _ = found[0]
    assert kind == "number"
    assert [(side.value, side.articles) for side in sides] == [("3.5%", ("a",)), ("4%", ("b",))]
    # each side shows the claim that states its value
    assert [span for side in sides for span in side.spans] == [first.span, second.span]


def test_the_same_value_written_differently_is_no_conflict():
    first = claim("a", "The bank raised its key rate to 3.5 per cent.")
    second = claim("b", "The bank raised its key rate to 3.5%.")
    assert value_conflicts(together(first, second), story_values([first, second])) == []


def test_an_earlier_value_is_not_compared():
    texts = ("The bank raised its key rate to 3.5%, up from 3%.",
             "The bank lifted its key rate to 3.5%, up from 3%.",
             "The key rate rose to 3.5%, up from 3%.")
    claims = [claim(article, text) for article, text in zip("abc", texts, strict=True)]
    assert [quantity.role for quantity in claims[0].quantities] == ["current", "previous"]
    assert value_conflicts(together(*claims), story_values(claims)) == []


def test_values_one_article_states_together_are_no_conflict():
    # a: 2% and b: 3% would clash, but c tells of both: two quantities, not a disagreement
    first = claim("a", "Prices rose 2% in May.")
    second = claim("b", "Prices rose 3% in May.")
    both = claim("c", "Prices rose 2% in April and 3% in May.", number=2)
    story = [first, second, both]
    assert value_conflicts(together(first, second), story_values(story)) == []
    assert value_conflicts(together(first, second), story_values([first, second])) != []


def test_a_value_held_with_another_drops_out_but_the_rest_still_clash():
    first = claim("a", "Prices rose 2% in May.")
    second = claim("b", "Prices rose 3% in May.")
    third = claim("c", "Prices rose 5% in May.")
    both = claim("d", "Prices rose 2% in April and 3% in May.", number=2)
    held = story_values([first, second, third, both])
    (kind, sides, _), = value_conflicts(together(first, second, third), held)
    assert kind == "number"
    assert [side.value for side in sides] == ["2%", "3%", "5%"]  # each clashes with 5%
    held = story_values([first, second, third])
    (_, sides, _), = value_conflicts(together(first, second, third), held)
    assert len(sides) == 3


def test_a_range_in_one_claim_is_not_two_values():
    first = claim("a", "Prices rose between 2% and 3%.")
    second = claim("b", "Prices rose 4%.")
    assert len(first.quantities) == 2
    assert value_conflicts(together(first, second), story_values([first, second])) == []


def test_values_of_different_units_are_different_quantities():
    first = claim("a", "The budget grew 4%.")
    second = claim("b", "The budget grew by $4 million.")
    assert value_conflicts(together(first, second), story_values([first, second])) == []


def test_counts_of_different_things_do_not_conflict_but_of_the_same_thing_do():
    first = claim("a", "Police arrested 12 people.")
    second = claim("b", "Police seized 15 vehicles.")
    assert value_conflicts(together(first, second), story_values([first, second])) == []
    third = claim("c", "Police arrested 15 people.")
    (kind, sides, _), = value_conflicts(together(first, third), story_values([first, third]))
    assert kind == "number" and [side.articles for side in sides] == [("a",), ("c",)]


def test_one_article_stating_two_values_in_two_claims_is_no_conflict():
    first = claim("a", "Prices rose 2% in May.")
    second = claim("a", "Prices rose 3% in May.", number=2)
    assert value_conflicts(together(first, second), story_values([first, second])) == []


def test_different_days_conflict():
    first = claim("a", "The vote took place.", dates=("2025-06-10",))
    second = claim("b", "The vote took place.", dates=("2025-06-11",))
    third = claim("c", "The vote took place.", dates=("2025-06-10",))
    held = story_values([first, second, third])
    (kind, sides, _), = value_conflicts(together(first, second, third), held)
    assert kind == "date"
    assert [(side.value, side.articles) for side in sides] == [
        ("2025-06-10", ("a", "c")), ("2025-06-11", ("b",))]
    assert sides[0].spans == (first.span, third.span)


def test_the_same_day_or_a_coarser_date_is_no_conflict():
    first = claim("a", "The vote took place.", dates=("2025-06-10",))
    second = claim("b", "The vote took place.", dates=("2025-06-10",))
    month = claim("c", "The vote took place.", dates=("2025-06",))
    span = claim("d", "The vote took place.", dates=("2025-06-11/2025-06-12",))
    assert value_conflicts(together(first, second, month, span),
                           story_values([first, second, month, span])) == []


def test_days_one_article_states_together_are_no_conflict():
    first = claim("a", "The vote took place.", dates=("2025-06-10",))
    second = claim("b", "The vote took place.", dates=("2025-06-11",))
    both = claim("c", "The vote was moved.", number=2, dates=("2025-06-10", "2025-06-11"))
    assert value_conflicts(together(first, second), story_values([first, second, both])) == []


def test_a_fact_with_one_value_has_no_conflict():
    only = claim("a", "The bank raised its key rate to 3.5%.")
    assert value_conflicts(together(only), story_values([only])) == []


def test_a_hyphenated_count_counts_its_noun():
    first = claim("a", "Mr. Trump took the 35-word oath at noon.")
    second = claim("b", "The chief justice administered the 38-word oath at noon.")
    (found,) = value_conflicts(together(first, second), story_values([first, second]))
    kind, sides, subject = found
    assert kind == "number" and subject == "'word'"
    assert [side.value for side in sides] == ["35", "38"]


def test_figures_orders_of_magnitude_apart_are_two_quantities():
    # the same unit, but a tax threshold and a shortfall are different things
    first = claim("a", "Benefits are funded with taxes on incomes up to $106,800.")
    second = claim("b", "Another $6.5 trillion will be needed to pay benefits.")
    assert value_conflicts(together(first, second), story_values([first, second])) == []
    near = claim("c", "Trump is insisting that Congress appropriate $5.7 billion.")
    asked = claim("d", "Trump said he is asking for $5.6 billion.")
    assert value_conflicts(together(near, asked), story_values([near, asked])) != []


def with_terms(article: str, text: str, year: str, terms: tuple[str, ...]) -> Claim:
    return replace(claim(article, text, dates=(year,)), terms=terms)


def test_one_event_in_consecutive_years_is_a_date_conflict():
    first = with_terms("a", "LePage's final term as governor officially ends in 2019.", "2019",
                       ("lepage", "final", "term", "governor", "end", "2019"))
    second = with_terms("b", "He may resign before his term ends in 2018.", "2018",
                        ("resign", "term", "end", "2018"))
    ((kind, sides, _),) = year_conflicts([first, second])
    assert kind == "date" and [side.value for side in sides] == ["2019", "2018"]


def test_years_of_different_events_or_named_together_do_not_conflict():
    term = with_terms("a", "His term ends in 2019.", "2019", ("term", "end", "2019"))
    # one shared word is not one event ("the election in 2018")
    election = with_terms("b", "He won the election in 2018.", "2018", ("win", "election", "2018"))
    assert year_conflicts([term, election]) == []
    # years two apart, or an article that names both years, are not one event told two ways
    later = with_terms("b", "Before his term ends in 2021.", "2021", ("term", "end", "2021"))
    assert year_conflicts([term, later]) == []
    both = with_terms("b", "His term ends in 2018.", "2018", ("term", "end", "2018"))
    also = with_terms("b", "A review is due in 2019.", "2019", ("review", "due", "2019"))
    assert year_conflicts([term, both, also]) == []
    # the shared words must be the text's own, not a name's ("Term Limits Inc.")
    named = with_terms("b", "Term Limits Endorsement Group backed him in 2018.", "2018",
                       ("term", "limits", "end", "2018"))
    assert year_conflicts([term, named]) == []


def test_near_figures_anywhere_in_the_story_conflict_unless_one_article_states_both():
    asked = claim("a", "\u201cNo, not $2.5 billion \u2014 we\u2019re asking for $5.6\u201d "
                       "billion, he said.")
    insisted = claim("b", "He now insists that Congress appropriate $5.7 billion for the project.")
    other = claim("c", "The agency spent $4.1 billion on roads last year.")
    story = [asked, insisted, other]
    (found,) = near_value_conflicts(story, story_values(story))
    kind, sides, _ = found
    assert kind == "number"
    # the figure the speaker rejects ("not $2.5 billion") is no side; the near ones are
    assert sorted(side.value for side in sides) == ["USD 5.6 billion", "USD 5.7 billion"]
    both = claim("d", "The first bid was $5.6 billion and the second $5.7 billion.")
    assert near_value_conflicts(story + [both], story_values(story + [both])) == []


def test_a_count_counts_its_noun_past_hyphenated_modifiers():
    first = claim("a", "The Senate should take up some 16 House-passed bills, they said.")
    second = claim("b", "They say they have brought up 15 bills that will create jobs.")
    (found,) = value_conflicts(together(first, second), story_values([first, second]))
    assert found[2] == "'bill'"


def test_a_rejected_figure_is_not_a_value():
    first = claim("a", "No, not $2.5 billion, the president said.")
    second = claim("b", "The president wants $2.8 billion.")
    assert value_conflicts(together(first, second), story_values([first, second])) == []


def test_days_of_loosely_alike_claims_are_compared_only_for_one_kind_of_event():
    firm = replace(claim("a", "He stood firm on Friday after the meeting.", dates=("2019-01-04",)),
                   predicate="stand", predicate_class=None)
    since = replace(claim("b", "It was their first visit since their Dec. 11 meeting.",
                          dates=("2018-12-11",)), predicate="visit", predicate_class=None)
    met = replace(claim("c", "The leaders met on Thursday at the White House.",
                        dates=("2019-01-03",)), predicate="meet", predicate_class="meet")
    met_again = replace(claim("d", "The leaders met on Friday at the White House.",
                              dates=("2019-01-04",)), predicate="meet", predicate_class="meet")
    loose = [firm, since, met, met_again]
    assert same_event_groups(loose) == [[met, met_again]]
    (found,) = value_conflicts(same_event_groups(loose)[0], story_values(loose), ("date",))
    assert [side.value for side in found[1]] == ["2019-01-03", "2019-01-04"]
