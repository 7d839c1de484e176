"""The online clusterer saved and restored whole, so a restart does not replay every article.

The state is what `TwoLevelClusterer` holds: each story's and topic's profile (members, running
centroid, names, numbers, years, days, ages, places, times), which topic each story is in, and
the candidate index's posting lists. It is plain data (msgpack, compressed), never pickled code,
and carries its format version and the index depth: a state of another format or depth is not
used (the caller replays the stored articles instead).
"""

from __future__ import annotations

import logging
import zlib
from collections import Counter, deque
from typing import Any

import srsly

from ..config import STORY_PARAMS, TOPIC_PARAMS, ClusterParams
from .hierarchy import TwoLevelClusterer
from .online import StoryProfile

LOGGER = logging.getLogger(__name__)

FORMAT = 1
_COUNTERS = ("entities", "numbers", "years", "days", "ages", "places", "sites")


def _profile(profile: StoryProfile) -> list[Any]:
    return [profile.key, profile.members, profile.centroid,
            *(list(getattr(profile, name).items()) for name in _COUNTERS),
            profile.first, profile.last, profile.squared_norm, profile.name_mass]


def _restored(data: list[Any]) -> StoryProfile:
    key, members, centroid, *rest = data
    counters, (first, last, squared_norm, name_mass) = rest[:len(_COUNTERS)], \
        rest[len(_COUNTERS):]
    profile = StoryProfile(key, list(members), dict(centroid))
    for name, items in zip(_COUNTERS, counters, strict=True):
        setattr(profile, name, Counter({item[0]: item[1] for item in items}))
    profile.first, profile.last = first, last
    profile.squared_norm, profile.name_mass = squared_norm, name_mass
    return profile


def dump_state(clusterer: TwoLevelClusterer) -> bytes:
    """The clusterer's state as bytes."""
    stories = clusterer.stories
    data = {
        "format": FORMAT,
        "depth": stories.index.depth,
        "stories": [_profile(profile) for profile in stories.stories.values()],
        "topics": [_profile(profile) for profile in clusterer.topics.values()],
        "topic_of_story": list(clusterer.topic_of_story.items()),
        "postings": [(key, list(articles)) for key, articles in stories.index.postings()],
    }
    return zlib.compress(srsly.msgpack_dumps(data), 1)


def load_state(blob: bytes, story_params: ClusterParams = STORY_PARAMS,
               topic_params: ClusterParams = TOPIC_PARAMS) -> TwoLevelClusterer | None:
    """The clusterer saved in `blob` with these parameters, or None when the blob is of
    another format or index depth, or unreadable."""
    try:
        data = srsly.msgpack_loads(zlib.decompress(blob), use_list=True)
    except (zlib.error, ValueError, TypeError) as error:
        LOGGER.warning("the saved clusterer state is unreadable (%s); replaying", error)
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or \
            data.get("depth") != story_params.depth:
        return None
    clusterer = TwoLevelClusterer(story_params, topic_params)
    stories = clusterer.stories
    for item in data["stories"]:
        profile = _restored(item)
        stories.stories[profile.key] = profile
        for member in profile.members:
            stories.story_of[member] = profile.key
    for item in data["topics"]:
        profile = _restored(item)
        clusterer.topics[profile.key] = profile
    clusterer.topic_of_story.update((int(story), int(topic))
                                    for story, topic in data["topic_of_story"])
    index = stories.index
    for key, articles in data["postings"]:
        index.restore_postings(key, deque(articles, maxlen=index.depth))
    return clusterer
