"""All conflicts of a story: ids, summaries, facts they are about, and disputed facts."""

from __future__ import annotations

import re

import pytest

from consilience.claims import (
    ClaimSpace,
    SentenceSpace,
    article_claims,
    build_facts,
    comparable_groups,
)
from consilience.conflicts import find_conflicts, mark_disputed
from consilience.models import Article, Claim, Conflict, ConflictSide, Fact, Span, Status
from consilience.timeline import date_mentions


def story(nlp, *dated_texts: tuple[str | None, str]
          ) -> tuple[list[Article], list[Claim], list[Fact], ClaimSpace]:
    articles, claims = [], []
    for number, (published, text) in enumerate(dated_texts):
        article = Article(id=f"a{number}", source=f"a{number}.txt", text=text,
                          published=published)
        doc = nlp(text)
        mentions = {article.id: [(entity.start_char, entity.end_char, f"e-{entity.text}")
                                 for entity in doc.ents if entity.label_ in ("GPE", "ORG")]}
        articles.append(article)
        claims.extend(article_claims(article, doc, mentions, {},
                                     date_mentions([article], [doc])))
    space = ClaimSpace(claims)
    return articles, claims, build_facts(articles, claims), space


def name_conflict(conflict_id: str = "n1") -> Conflict:
    side = ConflictSide("Tanaka", ("a0",), (Span("a0", 0, 6, "Tanaka"),))
    other = ConflictSide("Tanaka-san", ("a1",), (Span("a1", 0, 10, "Tanaka-san"),))
    return Conflict(conflict_id, "name", "Different spellings of one name.", (side, other))


RATE = (("2025-06-10", "The central bank raised its key rate to 3.5% on Tuesday."),
        ("2025-06-11", "The central bank raised its key rate to 4% on Tuesday."))
MEETING = (("2025-06-10", "Tokyo cancelled the meeting with Seoul."),
           ("2025-06-12", "Tokyo postponed the meeting with Seoul."))


def test_a_number_conflict_from_real_parses(nlp):
    articles, claims, facts, space = story(nlp, *RATE)
    conflicts = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert [conflict.kind for conflict in conflicts] == ["number"]
    conflict = conflicts[0]
    assert conflict.fact == facts[0].id
    assert [(side.value, side.articles) for side in conflict.sides] == [
        ("3.5%", ("a0",)), ("4%", ("a1",))]
    texts = {article.id: article.text for article in articles}
    for side in conflict.sides:
        for span in side.spans:
            assert texts[span.article][span.start:span.end] == span.text


def test_a_status_conflict_from_real_parses_names_the_thing(nlp):
    articles, claims, facts, space = story(nlp, *MEETING)
    conflicts = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert [conflict.kind for conflict in conflicts] == ["status"]
    conflict = conflicts[0]
    assert "what became of the meeting" in conflict.summary
    assert "'cancelled'" in conflict.summary and "'postponed'" in conflict.summary
    fact = next(fact for fact in facts if fact.id == conflict.fact)
    assert {claim.span for claim in fact.claims} >= {
        span for side in conflict.sides for span in side.spans}


def test_the_summary_says_when_publication_times_may_explain_it(nlp):
    articles, claims, facts, space = story(nlp, *MEETING)
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert ("Earlier reports (2025-06-10) said 'cancelled'; later ones (2025-06-12) said "
            "'postponed'") in conflict.summary
    assert "change over time" in conflict.summary
    assert conflict.change_over_time


def test_a_change_over_time_runs_from_the_earlier_side_to_the_later(nlp):
    later_first = (MEETING[1], MEETING[0])  # the postponement is reported first in the story
    articles, claims, facts, space = story(nlp, *later_first)
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert conflict.change_over_time
    assert [side.value for side in conflict.sides] == ["cancelled", "postponed"]
    assert [side.articles for side in conflict.sides] == [("a1",), ("a0",)]


def test_no_timing_explanation_when_published_the_same_day_or_undated(nlp):
    same_day = [("2025-06-10", text) for _, text in MEETING]
    articles, claims, facts, space = story(nlp, *same_day)
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert "Earlier" not in conflict.summary and "change over time" not in conflict.summary
    assert not conflict.change_over_time
    undated = [(None, MEETING[0][1]), MEETING[1]]
    articles, claims, facts, space = story(nlp, *undated)
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert "Earlier" not in conflict.summary


def test_no_timing_explanation_when_the_sides_interleave(nlp):
    articles, claims, facts, space = story(
        nlp, ("2025-06-10", "Tokyo cancelled the meeting with Seoul."),
        ("2025-06-11", "Tokyo postponed the meeting with Seoul."),
        ("2025-06-12", "Tokyo called off the meeting with Seoul."))
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert conflict.sides[0].articles == ("a0", "a2")
    assert "Earlier" not in conflict.summary


def test_name_conflicts_come_first_renumbered_and_ids_are_unique(nlp):
    articles, claims, facts, space = story(nlp, *RATE, *MEETING)
    conflicts = find_conflicts(articles, facts, claims, space.claim_similarity,
                               [name_conflict("x9"), name_conflict("x3")])
    assert [conflict.id for conflict in conflicts] == [
        f"k{number}" for number in range(1, len(conflicts) + 1)]
    assert all(re.fullmatch(r"k\d+", conflict.id) for conflict in conflicts)
    assert [conflict.kind for conflict in conflicts[:2]] == ["name", "name"]
    assert conflicts[0].summary == "Different spellings of one name."
    assert conflicts[0].sides == name_conflict().sides
    assert {conflict.kind for conflict in conflicts[2:]} == {"number", "status"}


def test_attribution_conflicts_need_people_of_the_story(nlp):
    articles, claims, facts, space = story(
        nlp, ("2025-06-10", "Kenji Tanaka said the Osaka plant will close in July."),
        ("2025-06-10", "Yuki Sato said the Osaka plant will close in July."))
    assert find_conflicts(articles, facts, claims, space.claim_similarity) == []
    conflicts = find_conflicts(articles, facts, claims, space.claim_similarity,
                               people={"Kenji Tanaka", "Yuki Sato"})
    assert [conflict.kind for conflict in conflicts] == ["attribution"]
    assert conflicts[0].summary.startswith(
        "Different speakers credited with the same words: 'Kenji Tanaka'")


def test_one_article_telling_two_versions_is_no_conflict():
    text = "Tokyo cancelled, or by other accounts postponed, the meeting."
    cancelled, postponed = (
        Status(state, "meeting", Span("a", text.index(word), text.index(word) + len(word), word))
        for state, word in (("cancel", "cancelled"), ("postpone", "postponed")))
    claim = Claim(span=Span("a", 0, len(text), text), id="a-c1",
                  statuses=(cancelled, postponed))
    fact = Fact("f1", text, "single-source", ("a",), (claim,))
    article = Article(id="a", source="a.txt", text=text, published="2025-06-10")
    assert find_conflicts([article], [fact], [claim], lambda left, right: 1.0) == []


def test_a_story_without_disagreement_has_no_conflicts(nlp):
    articles, claims, facts, space = story(
        nlp, ("2025-06-10", "Tokyo cancelled the meeting with Seoul."),
        ("2025-06-11", "Tokyo called off the meeting with Seoul."))
    assert find_conflicts(articles, facts, claims, space.claim_similarity) == []


def test_mark_disputed_marks_the_facts_conflicts_are_about(nlp):
    articles, claims, facts, space = story(
        nlp, *RATE, ("2025-06-12", "Farmers in Ohio harvested a record corn crop."))
    conflicts = find_conflicts(articles, facts, claims, space.claim_similarity,
                               [name_conflict()])
    marked = mark_disputed(facts, conflicts)
    assert [fact.id for fact in marked] == [fact.id for fact in facts]
    disputed = {conflict.fact for conflict in conflicts if conflict.fact}
    assert disputed and all(fact_id in {fact.id for fact in facts} for fact_id in disputed)
    for before, after in zip(facts, marked, strict=True):
        if before.id in disputed:
            assert after.status == "disputed"
            assert after.claims == before.claims and after.text == before.text
        else:
            assert after == before
    assert any(fact.status != "disputed" for fact in marked)


def test_mark_disputed_without_conflicts_changes_nothing():
    fact = Fact("f1", "text", "corroborated", ("a", "b"), ())
    assert mark_disputed([fact], []) == [fact]
    assert mark_disputed([fact], [name_conflict()]) == [fact]  # a conflict of no fact


def test_figures_of_sentences_too_unlike_for_one_fact_are_compared(nlp):
    articles, claims, facts, space = story(
        nlp, ("2017-01-20", "Wearing a dark suit, the new president took the 35-word oath of "
                            "office before a vast crowd."),
        ("2017-01-20", "The chief justice administered the 45-word oath at noon, capping a "
                       "long journey."))
    assert len(facts) == 2 and all(len(fact.articles) == 1 for fact in facts)
    assert find_conflicts(articles, facts, claims, space.claim_similarity) == []
    groups = comparable_groups(SentenceSpace(claims))
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity,
                                 comparable=groups)
    assert conflict.kind == "number"
    assert [side.value for side in conflict.sides] == ["35", "45"]
    assert conflict.fact in {fact.id for fact in facts}


def test_near_figures_of_one_unit_are_compared_however_unlike_their_sentences(nlp):
    articles, claims, facts, space = story(
        nlp, ("2019-01-02", "\u201cNo, not $2.5 billion, no \u2014 we\u2019re asking for "
                            "$5.6\u201d billion, Mr. Trump said during a cabinet meeting."),
        ("2019-01-02", "Trump is now insisting that Congress appropriate $5.7 billion for "
                       "that project."))
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert conflict.kind == "number"
    assert sorted(side.value for side in conflict.sides) == ["USD 5.6 billion",
                                                             "USD 5.7 billion"]


def test_figures_far_apart_or_held_together_are_not_near(nlp):
    articles, claims, facts, space = story(
        nlp, ("2019-01-02", "The plan costs $5.6 billion, and the wall $5.7 billion."),
        ("2019-01-02", "Congress gave $5.7 billion to the agency on Friday."),
        ("2019-01-02", "The state spent $4.1 billion on roads."))
    assert find_conflicts(articles, facts, claims, space.claim_similarity) == []


def test_a_disagreement_found_in_a_fact_and_again_in_a_wider_group_is_told_once(nlp):
    articles, claims, facts, space = story(nlp, *RATE)
    once = find_conflicts(articles, facts, claims, space.claim_similarity)
    twice = find_conflicts(articles, facts, claims, space.claim_similarity,
                           comparable=[list(claims), list(claims)])
    assert [conflict.sides for conflict in twice] == [conflict.sides for conflict in once]


@pytest.mark.parametrize(("first", "second", "values"), [
    ("The court appears ready to block the rule, which could cost up to 1.6 million women "
     "their coverage.", "The justices appeared closely divided over a rule affecting 1.5 "
     "million women.", {"1.5 million", "1.6 million"}),
    ("The congressman billed taxpayers $5,687.75 for the trip.",
     "Records show a charge of $5,587.75 for travel that week.",
     {"USD 5,587.75", "USD 5,687.75"}),
])
def test_the_same_figure_told_two_ways_in_unlike_sentences_is_a_conflict(nlp, first, second,
                                                                          values):
    articles, claims, facts, space = story(nlp, ("2019-01-02", first), ("2019-01-02", second))
    (conflict,) = find_conflicts(articles, facts, claims, space.claim_similarity)
    assert conflict.kind == "number"
    assert {side.value for side in conflict.sides} == values
