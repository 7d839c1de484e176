"""Cluster: which articles make a story, and what the story is called.

Entry points: online, `TwoLevelClusterer` (stories, and stories into topics) fed with
`article_features`, restored from stored features (`features_from_json`) or from a saved
state (`dump_state`, `load_state`); in batch,
`assemble_stories` over candidate pairs (`candidate_pairs`, or the parallel steps
`features_chunk`, `keyed_chunk`, `pairs_in_groups`, `partners_in_groups`), in
`stream_order_key` order; and `story_title`.
"""

from .assemble import (
    FeatureItem,
    assemble_stories,
    features_chunk,
    keyed_chunk,
    pairs_in_groups,
    partners_in_groups,
    stream_order_key,
)
from .candidates import candidate_pairs
from .features import ArticleFeatures, article_features, features_from_json, features_to_json
from .hierarchy import Placement, TwoLevelClusterer
from .identity import article_id, story_id, story_title
from .state import dump_state, load_state

__all__ = [
    "ArticleFeatures",
    "FeatureItem",
    "Placement",
    "TwoLevelClusterer",
    "article_features",
    "article_id",
    "assemble_stories",
    "candidate_pairs",
    "dump_state",
    "features_chunk",
    "features_from_json",
    "features_to_json",
    "keyed_chunk",
    "load_state",
    "pairs_in_groups",
    "partners_in_groups",
    "story_id",
    "story_title",
    "stream_order_key",
]
