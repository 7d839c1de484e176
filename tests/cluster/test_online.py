"""Online story clustering: features, candidates and assignment."""

from __future__ import annotations

import math

from consilience.cluster.candidates import CandidateIndex, band_keys, candidate_pairs
from consilience.cluster.features import (
    article_features,
    features_from_json,
    features_to_json,
    named_entities,
)
from consilience.cluster.hierarchy import TwoLevelClusterer
from consilience.cluster.online import StoryClusterer

QUAKE_A = [
    ("A magnitude 6.4 earthquake struck near Kastelburg on Monday, killing 12 people, governor "
     "Anna Keller said. Teams from Vellmar searched the rubble of Kastelburg overnight.",
     "Earthquake kills 12 near Kastelburg", "2024-05-06"),
    ("Rescuers in Kastelburg found two survivors on Tuesday after the magnitude 6.4 earthquake. "
     "Governor Anna Keller said the death toll in Kastelburg rose to 15.",
     "Kastelburg quake toll rises to 15", "2024-05-07"),
    ("Anna Keller, governor of the Kastelburg region, asked Vellmar for tents after Monday's "
     "earthquake left 3,000 people homeless in and around Kastelburg.",
     "Kastelburg asks for tents after quake", "2024-05-08"),
]
QUAKE_B = [
    ("A magnitude 5.1 earthquake shook the coastal city of Porto Lindo on Friday. Mayor Rui "
     "Tavares said no one was hurt, but houses on the Porto Lindo waterfront were damaged.",
     "Quake shakes Porto Lindo", "2024-09-13"),
    ("Engineers inspected the Porto Lindo waterfront on Saturday after Friday's earthquake; "
     "mayor Rui Tavares reopened the harbour of Porto Lindo.",
     "Porto Lindo reopens harbour after quake", "2024-09-14"),
]
ELECTION = [
    ("Voters in Mardova elected Petra Ilves as president on Sunday, the electoral commission "
     "said, after a campaign dominated by energy prices and the Danel pipeline.",
     "Ilves wins Mardova election", "2024-05-12"),
    ("Petra Ilves, Mardova's president-elect, promised on Monday to review the Danel pipeline "
     "contract and to cut energy prices before winter.",
     "Ilves promises pipeline review", "2024-05-13"),
]


def features_of(group, prefix):
    return [article_features(f"{prefix}{index}", text, title, published)
            for index, (text, title, published) in enumerate(group)]


def test_names_come_from_capitals_not_from_sentence_starts_or_calendars():
    names = named_entities("Rescuers searched on Monday. Governor Anna Keller said Vellmar "
                           "helped. The city was quiet.")
    assert "governor anna keller" in names and "keller" in names and "vellmar" in names
    assert "monday" not in names and "the" not in names and "rescuer" not in names


def test_features_depend_on_the_article_alone_and_round_trip():
    first = article_features("x", *QUAKE_A[0])
    again = article_features("x", *QUAKE_A[0])
    assert first == again
    assert features_from_json("x", features_to_json(first)).keys == first.keys
    assert abs(sum(weight * weight for weight in first.terms.values()) - 1.0) < 1e-9
    assert 2024 in first.years
    assert any(key.startswith("b") for key in first.keys)  # LSH bands for near-copies


def test_near_copies_share_a_band():
    text = QUAKE_A[0][0] + " " + QUAKE_A[1][0]
    edited = text.replace("Monday", "Monday morning")
    assert set(band_keys(text)) & set(band_keys(edited))
    assert not set(band_keys(text)) & set(band_keys(ELECTION[0][0] + " " + ELECTION[1][0]))


def test_same_story_joins_same_kind_of_story_does_not():
    clusterer = TwoLevelClusterer()
    stream = features_of(QUAKE_A, "a") + features_of(ELECTION, "e") + features_of(QUAKE_B, "b")
    placements = [clusterer.add(features) for features in stream]
    stories = {features.article: placement.story.story
               for features, placement in zip(stream, placements, strict=True)}
    assert stories["a0"] == stories["a1"] == stories["a2"]
    assert stories["b0"] == stories["b1"] != stories["a0"]
    assert stories["e0"] == stories["e1"] != stories["a0"]
    assert len(clusterer.stories.clusters()) == 3


def test_assignment_is_deterministic_and_an_article_is_placed_once():
    stream = features_of(QUAKE_A, "a") + features_of(QUAKE_B, "b")
    first, second = StoryClusterer(), StoryClusterer()
    assert [first.add(f) for f in stream] == [second.add(f) for f in stream]
    repeat = first.add(stream[0])
    assert not repeat.new and len(first.stories[repeat.story].members) == 3


def test_restore_rebuilds_the_same_state():
    stream = features_of(QUAKE_A, "a") + features_of(ELECTION, "e")
    live = TwoLevelClusterer()
    placements = [live.add(features) for features in stream]
    restored = TwoLevelClusterer()
    for features, placement in zip(stream, placements, strict=True):
        restored.restore(placement.story.story, placement.topic, features)
    later = features_of(QUAKE_B, "b")[0]
    assert live.add(later) == restored.add(later)


def test_the_index_keeps_the_latest_articles_per_key_and_pairs_agree():
    index = CandidateIndex(depth=2)
    keyed = [(position, f"x{position}", ("k", f"own{position}")) for position in range(5)]
    online_pairs = set()
    for _, article, keys in keyed:
        online_pairs.update((article, earlier) for earlier in index.candidates(keys))
        index.add(article, keys)
    assert index.candidates(["k"]) == ["x3", "x4"]
    assert set(candidate_pairs(list(reversed(keyed)), depth=2)) == online_pairs


SHOOTING = [
    ("A 17-year-old was shot and killed Saturday night outside a store on Elm Street in "
     "Brookfield, police said. No arrests have been made.", "Teen killed in Brookfield shooting",
     "2024-03-10"),
    ("Police in Brookfield on Thursday arrested Dale Moreno, 22, in the March 9 killing of a "
     "17-year-old outside an Elm Street store. Moreno faces a murder charge.",
     "Arrest made in Brookfield teen's killing", "2024-03-28"),
]
OTHER_SHOOTING = ("A man was shot and wounded Monday afternoon on Elm Street in Brookfield, "
                  "police said. No arrests have been made.", "Man wounded in Brookfield shooting",
                  "2024-03-26")


def test_the_days_a_report_says_things_happened_are_read_from_its_opening():
    first, follow_up = features_of(SHOOTING, "s")
    assert first.days == {"2024-03-09"}  # Saturday night, seen from Sunday the 10th
    assert "2024-03-09" in follow_up.days  # "the March 9 killing", weeks later
    assert features_from_json("s1", features_to_json(follow_up)).days == follow_up.days
    assert article_features("x", "Shot on Saturday.", None, None).days == frozenset()


def test_a_follow_up_naming_the_story_s_day_joins_it_weeks_later_another_day_does_not():
    """The hand-set sum's day rule (the story model reads the same day evidence, weighed by
    its fit)."""
    from consilience.config import ClusterParams as HandParams
    first, follow_up = features_of(SHOOTING, "s")
    other = article_features("o", *OTHER_SHOOTING)
    clusterer = StoryClusterer(HandParams())
    story = clusterer.add(first).story
    assert clusterer.add(other).story != story  # same street, another day
    assert clusterer.add(follow_up).story == story  # 18 days on, the same day named
    # without reading days the follow-up is too late to join
    from dataclasses import replace

    from consilience.config import ClusterParams
    plain = StoryClusterer(replace(ClusterParams(), same_day_time_scale=1.0,
                                   other_days_penalty=0.0, day_weight=0.0))
    story = plain.add(first).story
    plain.add(other)
    assert plain.add(follow_up).story != story


def test_ages_are_read_and_a_shared_age_counts_for_the_story():
    from consilience.cluster.features import ages

    assert ages("A 17-year-old and a 15-month-old were shot; the suspect, aged 56, fled.",
                "Teen, 2-year-old hurt") == {"17", "15m", "56", "2"}
    first = article_features("a", "A 17-year-old was shot on Oak Street in Brookfield.",
                             "Teen shot in Brookfield", "2024-03-10")
    later = "Police named the {}-year-old shot on Oak Street in Brookfield on Saturday."
    same = article_features("b", later.format(17), "Victim named", "2024-03-11")
    other = article_features("c", later.format(45), "Victim named", "2024-03-11")
    from consilience.config import ClusterParams as HandParams
    clusterer = StoryClusterer(HandParams())  # the hand-set sum; the model below
    profile = clusterer.stories[clusterer.add(first).story]
    from consilience.cluster.online import score

    def gap(params):
        return score(same, profile, params) - score(other, profile, params)

    from dataclasses import replace

    params = clusterer.params
    blind = replace(params, age_weight=0.0, other_ages_penalty=0.0)
    assert params.age_weight + params.other_ages_penalty > 0
    assert abs(gap(params) - gap(blind) - (params.age_weight + params.other_ages_penalty)
               * math.exp(-1 / params.time_scale_days)) < 1e-9
    assert features_from_json("a", features_to_json(first)).ages == {"17"}
    from consilience.config import STORY_PARAMS
    weights = STORY_PARAMS.model
    assert score(same, profile, STORY_PARAMS) - score(other, profile, STORY_PARAMS) >= \
        weights.age_weight + weights.age_penalty - 1e-9


def test_places_and_sites_are_read_from_the_opening_and_stored():
    from consilience.cluster.features import places

    towns, sites = places("LANSING, Mich. -- A boy was hurt on the 900 block of North Walnut "
                          "Street in northeast Lansing, police said.", "Boy hurt in Lansing")
    assert towns == {"lansing"} and sites == {"north walnut street"}
    found = article_features("p", "A man was shot at the Cascade Mall in Burlington.", None,
                             "2024-03-10")
    assert found.places == {"burlington"} and found.sites == {"cascade mall"}
    again = features_from_json("p", features_to_json(found))
    assert (again.places, again.sites) == (found.places, found.sites)


def test_the_story_model_keeps_the_same_kind_of_event_in_another_town_apart():
    from consilience.cluster.online import PAIR_FEATURES, pair_features

    first = article_features("a", "A 17-year-old was shot and killed Saturday night outside a "
                             "store in Brookfield, police said.", "Teen killed in Brookfield "
                             "shooting", "2024-03-10")
    other = article_features("b", "Gunfire left one person dead late Saturday in Lakeside, "
                             "officers said. The victim was 17.", "Deadly shooting in "
                             "Lakeside", "2024-03-10")
    same = article_features("c", "Police in Brookfield named the 17-year-old killed outside a "
                            "store on Saturday night.", "Brookfield teen named", "2024-03-11")
    clusterer = StoryClusterer()
    story = clusterer.add(first).story
    evidence = dict(zip(PAIR_FEATURES, pair_features(other, clusterer.stories[story]),
                        strict=True))
    assert evidence["other_place"] == 1.0 and evidence["place"] == 0.0
    assert clusterer.add(other).story != story
    assert clusterer.add(same).story == story
