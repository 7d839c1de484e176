"""analyze() end to end on the failures seen on real unseen stories (issue 17), each written as
a general rule on small real-style articles: figures two outlets state differently, a plan
and its denial kept apart, a departure date moved earlier by a later report."""

from __future__ import annotations

from consilience import AnalyzeConfig, analyze_raw
from consilience.models import RawArticle, Story

CONFIG = AnalyzeConfig(use_cache=False)


def story(*texts: str, published: tuple[str, ...] = ()) -> Story:
    raws = [RawArticle(f"outlet-{number}.txt", text, "text",
                       published=published[number] if published else None)
            for number, text in enumerate(texts)]
    return analyze_raw(raws, CONFIG).story


def values(story: Story, kind: str) -> list[list[str]]:
    return [[side.value for side in conflict.sides] for conflict in story.conflicts
            if conflict.kind == kind]


def test_one_figure_told_two_ways_is_a_number_conflict_and_the_fact_is_disputed():
    found = story("The Supreme Court appears ready to block a rule that would cut birth "
                  "control coverage for up to 1.6 million women.",
                  "The Supreme Court appeared closely divided on Wednesday over a rule that "
                  "could cut birth control coverage for 1.5 million women.")
    assert values(found, "number") == [["1.6 million", "1.5 million"]]
    (conflict,) = found.conflicts
    disputed = [fact for fact in found.facts if fact.status == "disputed"]
    assert [fact.id for fact in disputed] == [conflict.fact]
    assert not any(fact.status == "corroborated" for fact in found.facts)


def test_amounts_a_hundred_dollars_apart_are_a_number_conflict():
    found = story("The senator billed taxpayers $5,687.75 for the trip.",
                  "The senator charged taxpayers $5,587.75 for the trip, records show.")
    assert values(found, "number") == [["USD 5,687.75", "USD 5,587.75"]]


def test_a_plan_and_its_denial_are_not_one_corroborated_fact():
    found = story("The vote could take place on Tuesday as had been previously scheduled, "
                  "a spokesman said.",
                  "Ms. Pelosi said the vote would not be held this Tuesday.")
    assert not any(fact.status == "corroborated" for fact in found.facts)


def test_a_departure_moved_earlier_by_a_later_report_is_a_change_over_time():
    found = story("The governor will be leaving office at the end of February, his office said.",
                  "The governor will step down on February 28, aides said.",
                  "The governor will be leaving office on January 1, weeks earlier than "
                  "planned.",
                  published=("2018-12-20", "2018-12-20", "2018-12-23"))
    (conflict,) = [conflict for conflict in found.conflicts if conflict.kind == "date"]
    assert conflict.change_over_time
    early, late = conflict.sides
    assert early.value.startswith("2019-02") and late.value == "2019-01-01"
    assert set(early.articles) == {found.articles[0].id, found.articles[1].id}
    assert late.articles == (found.articles[2].id,)
    assert "later ones (2018-12-23) said '2019-01-01'" in conflict.summary
