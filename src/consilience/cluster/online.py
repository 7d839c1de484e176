"""Online story clustering: each new article joins the story it matches best, or starts one.

An article is scored against each candidate story (a story holding one of its candidate
articles) on four signals:
  - the cosine of its term vector with the story's centroid (what it is about);
  - the share of its names the story also names (who and where);
  - the numbers both give (a death toll, a magnitude, a score);
  - publication time: a story far in time from the article is unlikely to be the same one.
Names and numbers are what separate "the same story" from "the same kind of story": two
earthquakes share vocabulary, not places, magnitudes and victims. Decisions depend only on the
articles seen so far and their order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..config import STORY_PARAMS, ClusterParams
from .candidates import CandidateIndex
from .features import ArticleFeatures, rarity

_DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class Assignment:
    article: str
    story: int
    score: float  # the best story's score; 0.0 for a new story
    new: bool


@dataclass(slots=True)
class StoryProfile:
    """A story's running centroid, names, numbers and time span."""

    key: int
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)
    years: Counter[int] = field(default_factory=Counter)
    days: Counter[str] = field(default_factory=Counter)
    ages: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    sites: Counter[str] = field(default_factory=Counter)
    first: float | None = None
    last: float | None = None
    squared_norm: float = 0.0  # of the centroid, kept as articles are added
    name_mass: float = 0.0  # sum of name weight x count over the story's names

    def add(self, features: ArticleFeatures) -> None:
        """Add an article; costs the size of the article, never of the story."""
        self.members.append(features.article)
        for term, weight in features.terms.items():
            old = self.centroid.get(term, 0.0)
            self.centroid[term] = old + weight
            self.squared_norm += weight * (2 * old + weight)
        self.entities.update(features.entities)
        self.name_mass += sum(_name_weight(name) for name in features.entities)
        self.numbers.update(features.numbers)
        self.years.update(features.years)
        # sorted: ties in `event_days` go by the order days were first told, and a set's order
        # changes with each process's hash seed (two processes, or a reload, decided apart)
        self.days.update(sorted(features.days))
        self.ages.update(features.ages)
        self.places.update(features.places)
        self.sites.update(features.sites)
        if features.published is not None:
            self.first = min(self.first or features.published, features.published)
            self.last = max(self.last or features.published, features.published)

    def event_days(self) -> list[str]:
        """The days the story's articles most often say it happened: the two most told,
        each told by at least half as many articles as the first (a story's other days are
        its follow-ups' news, which another event may share)."""
        told = self.days.most_common(2)
        return [day for day, count in told if count * 2 >= told[0][1]]

    @property
    def norm(self) -> float:
        return math.sqrt(self.squared_norm) or 1.0


@lru_cache(maxsize=200_000)
def _name_weight(name: str) -> float:
    return sum(rarity(word) for word in name.split())


def named_overlap(features: ArticleFeatures, story: StoryProfile) -> float:
    """Weighted Jaccard of the article's names and the story's, a story name counting by the
    share of its articles that give it, each name by its rarity."""
    if not features.entities:
        return 0.0
    size = len(story.members) or 1
    shared = missing = 0.0
    mass_of_these = 0.0  # the story's name mass that falls on the article's names
    for name in features.entities:
        weight = _name_weight(name)
        count = story.entities.get(name, 0)
        share = min(count / size, 1.0)
        shared += weight * share
        missing += weight * (1.0 - share)
        mass_of_these += weight * count
    extra = max(story.name_mass - mass_of_these, 0.0) / size  # the story's other names
    total = shared + missing + extra
    return shared / total if total else 0.0


PAIR_FEATURES = ("hand", "recent_cosine", "recent_names", "cosine", "names", "lead_names",
                 "place", "other_place", "site", "other_site", "day", "other_day", "age",
                 "other_age", "numbers", "other_years", "gap", "gap_no_day", "span")
"""The pair evidence the story model reads, in the order of `pair_features`; each one's weight
is a field of `PairWeights`, evidence for the story (+1) or against it (-1), in `_SIGNED`."""
_SIGNED = (("hand_weight", 1.0), ("recent_cosine_weight", 1.0), ("recent_names_weight", 1.0),
           ("cosine_weight", 1.0), ("names_weight", 1.0), ("lead_names_weight", 1.0),
           ("place_weight", 1.0), ("place_penalty", -1.0), ("site_weight", 1.0),
           ("site_penalty", -1.0), ("day_weight", 1.0), ("day_penalty", -1.0),
           ("age_weight", 1.0), ("age_penalty", -1.0), ("numbers_weight", 1.0),
           ("years_penalty", -1.0), ("gap_penalty", -1.0), ("gap_no_day_penalty", -1.0),
           ("span_penalty", -1.0))


def cosine(features: ArticleFeatures, story: StoryProfile) -> float:
    told = story.centroid.get
    value = sum(weight * told(term, 0.0) for term, weight in features.terms.items())
    return value / story.norm


def _lead_names(features: ArticleFeatures, story: StoryProfile) -> float:
    """The rarity-weighted share of the names in the article's title and opening that the
    story names anywhere."""
    total = shared = 0.0
    for name in features.lead_entities:
        weight = _name_weight(name)
        total += weight
        if name in story.entities:
            shared += weight
    return shared / total if total else 0.0


def _meet(own: frozenset[str], told: Counter[str], own_names: frozenset[str],
          story_names: Counter[str]) -> tuple[float, float]:
    """(1, 0) when a place of one side is a place or a name of the other; (0, 1) when both
    say where and nothing meets; (0, 0) when one side does not say."""
    if not own or not told:
        return 0.0, 0.0
    if any(place in told or place in story_names for place in own) or any(
            place in own_names for place in told):
        return 1.0, 0.0
    return 0.0, 1.0


def pair_features(features: ArticleFeatures, story: StoryProfile,
                  params: ClusterParams = STORY_PARAMS) -> tuple[float, ...]:
    """The evidence that the article reports the story's event, in `PAIR_FEATURES` order:
    what it is about and who, as they are and decayed with the time since the story's latest
    article (`params.time_scale_days`, that many times `same_day_time_scale` when it names
    the story's day), where (town and finer), when (event days, years, time since the story's
    latest and first articles), ages and numbers."""
    place, other_place = _meet(features.places, story.places, features.entities,
                               story.entities)
    site, other_site = _meet(features.sites, story.sites, features.entities, story.entities)
    day = other_day = 0.0
    if features.days and story.days:
        day = float(_days_meet(features.days, story.event_days()))
        other_day = 1.0 - day
    age = other_age = 0.0
    if features.ages and story.ages:
        age = float(bool(features.ages & story.ages.keys()))
        other_age = 1.0 - age
    numbers = min(len(features.numbers & story.numbers.keys()), 5) / 5
    other_years = float(bool(features.years and story.years
                             and not features.years & story.years.keys()))
    gap = span = 0.0
    decay = 1.0
    if features.published is not None and story.last is not None and story.first is not None:
        days = abs(features.published - story.last) / _DAY
        gap = math.log1p(days)
        span = math.log1p(max(features.published - story.first, 0.0) / _DAY)
        scale = params.time_scale_days * (params.same_day_time_scale if day else 1.0)
        decay = math.exp(-days / scale) if scale > 0 else float(days == 0)
    no_day = 1.0 - day
    about, who = cosine(features, story), named_overlap(features, story)
    hand = hand_score(features, story, params, about, who,
                      bool(day) if features.days and story.days else None)
    return (hand, about * decay, who * decay, about, who,
            _lead_names(features, story), place, other_place, site, other_site, day,
            other_day, age, other_age, numbers, other_years, gap, gap * no_day,
            span * no_day)


def model_score(features: ArticleFeatures, story: StoryProfile, params: ClusterParams
                ) -> float:
    """The story model's score (a logit, less its bias): the sum of the pair evidence by its
    weights, penalties taken off."""
    weights = params.model
    return sum(sign * getattr(weights, name) * value for (name, sign), value in
               zip(_SIGNED, pair_features(features, story, params), strict=True))


def score(features: ArticleFeatures, story: StoryProfile, params: ClusterParams) -> float:
    """How well the article fits the story: about 0 (unrelated) to 1.5 (the same text); with a
    learned level, the pair model's score."""
    if params.learned:
        return model_score(features, story, params)
    return hand_score(features, story, params)


def hand_score(features: ArticleFeatures, story: StoryProfile, params: ClusterParams,
               about: float | None = None, who: float | None = None,
               days_meet: bool | None = None) -> float:
    """The hand-set sum: cosine and names, plus or minus years, ages and days, decayed with
    time since the story's span (the topic level's score, and one of the story model's
    signals); `about`, `who` and `days_meet` when the caller has them already."""
    if about is None:
        about = cosine(features, story)
    if who is None:
        who = named_overlap(features, story)
    numbers = len(features.numbers & story.numbers.keys())
    value = (params.term_weight * about + params.entity_weight * who
             + params.number_weight * min(numbers, 5) / 5)
    if features.years and story.years and not features.years & story.years.keys():
        value -= params.other_years_penalty
    if features.ages and story.ages:
        if features.ages & story.ages.keys():
            value += params.age_weight
        else:
            value -= params.other_ages_penalty
    same_day = False
    if features.days and story.days:
        same_day = _days_meet(features.days, story.event_days()) if days_meet is None \
            else days_meet
        value += params.day_weight if same_day else -params.other_days_penalty
    if features.published is not None and story.first is not None and story.last is not None:
        gap = max(story.first - features.published, features.published - story.last, 0.0)
        scale = params.time_scale_days * (params.same_day_time_scale if same_day else 1.0)
        if scale > 0:
            value *= math.exp(-gap / (scale * _DAY))
        elif gap > 0:  # a scale of 0 (a settings file may say so): only the same moment
            value = 0.0
    return value


def _days_meet(days: Iterable[str], others: Iterable[str]) -> bool:
    """Whether a day of one set is a day of the other or next to one (a shooting late on
    Saturday is reported as Saturday night by one outlet and early Sunday by another)."""
    wanted = _with_neighbours(tuple(others))
    return any(value in wanted for value in days)


@lru_cache(maxsize=65_536)
def _with_neighbours(days: tuple[str, ...]) -> frozenset[str]:
    """The days and the day before and after each."""
    wanted = set()
    for value in days:
        day = date.fromisoformat(value)
        wanted.update({value, (day - timedelta(days=1)).isoformat(),
                       (day + timedelta(days=1)).isoformat()})
    return frozenset(wanted)


class StoryClusterer:
    """Assigns articles to stories as they arrive; story keys are 0, 1, 2... in creation
    order."""

    def __init__(self, params: ClusterParams = STORY_PARAMS):
        self.params = params
        self.index = CandidateIndex(params.depth)
        self.stories: dict[int, StoryProfile] = {}
        self.story_of: dict[str, int] = {}

    def restore(self, story: int, features: ArticleFeatures) -> None:
        """Put an article back in the story it was assigned to earlier (when reloading)."""
        profile = self.stories.get(story)
        if profile is None:
            profile = self.stories[story] = StoryProfile(story)
        profile.add(features)
        self.story_of[features.article] = story
        self.index.add(features.article, features.keys)

    def add(self, features: ArticleFeatures, candidates: Iterable[str] | None = None
            ) -> Assignment:
        """Assign the article; `candidates` (earlier article ids) replaces the index lookup,
        as the Dask path computes them by a shuffle."""
        if features.article in self.story_of:
            return Assignment(features.article, self.story_of[features.article], 1.0, False)
        if candidates is None:
            candidates = self.index.candidates(features.keys)
        story_keys = sorted({self.story_of[article] for article in candidates
                             if article in self.story_of})
        best, best_score = None, self.params.threshold
        cap = self.params.max_articles
        for key in story_keys:
            if cap and len(self.stories[key].members) >= cap:
                continue
            value = score(features, self.stories[key], self.params)
            if value >= best_score:
                best, best_score = key, value
        new = best is None
        if best is None:
            best, best_score = len(self.stories), 0.0
            while best in self.stories:
                best += 1
        self.restore(best, features)
        return Assignment(features.article, best, best_score, new)

    def clusters(self) -> list[list[str]]:
        return [list(profile.members) for _, profile in sorted(self.stories.items())]
