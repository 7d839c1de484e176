"""Two levels: stories (one real event) inside topics (events of one kind, or one long thread).

A new story is placed in the topic it matches best, by the same scoring as stories but with a
lower threshold and less weight on names and numbers; an article that joins a story also joins
its story's topic. Topics are what a reader browses as "related coverage"; stories are what
consilience analyses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import STORY_PARAMS, TOPIC_PARAMS, ClusterParams
from .features import ArticleFeatures
from .online import Assignment, StoryClusterer, StoryProfile, score


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an article went: its story (and whether that is new) and the story's topic."""

    story: Assignment
    topic: int


class TwoLevelClusterer:
    def __init__(self, story_params: ClusterParams | None = None,
                 topic_params: ClusterParams = TOPIC_PARAMS):
        self.stories = StoryClusterer(story_params or STORY_PARAMS)
        self.topic_params = topic_params
        self.topics: dict[int, StoryProfile] = {}
        self.topic_of_story: dict[int, int] = {}

    def restore(self, story: int, topic: int, features: ArticleFeatures) -> None:
        self.stories.restore(story, features)
        self._join_topic(story, topic, features)

    def _join_topic(self, story: int, topic: int, features: ArticleFeatures) -> None:
        profile = self.topics.get(topic)
        if profile is None:
            profile = self.topics[topic] = StoryProfile(topic)
        profile.add(features)
        self.topic_of_story[story] = topic

    def _best_topic(self, features: ArticleFeatures, candidates: list[str]) -> int:
        story_of = self.stories.story_of
        topic_keys = sorted({self.topic_of_story[story_of[article]] for article in candidates
                             if article in story_of})
        best, best_score = None, self.topic_params.threshold
        for key in topic_keys:
            value = score(features, self.topics[key], self.topic_params)
            if value >= best_score:
                best, best_score = key, value
        if best is not None:
            return best
        best = len(self.topics)
        while best in self.topics:
            best += 1
        return best

    def add(self, features: ArticleFeatures, candidates: list[str] | None = None) -> Placement:
        if candidates is None:
            candidates = self.stories.index.candidates(features.keys)
        assignment = self.stories.add(features, candidates)
        if assignment.new:
            topic = self._best_topic(features, candidates)
        else:
            topic = self.topic_of_story[assignment.story]
        self._join_topic(assignment.story, topic, features)
        return Placement(assignment, topic)

    def topic_clusters(self) -> list[list[str]]:
        return [list(profile.members) for _, profile in sorted(self.topics.items())]
