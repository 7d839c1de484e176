"""Stories from precomputed features and candidate pairs: the sequential step of a batch run.

A batch computes every article's features and the candidate pairs in parallel (the pairs by a
shuffle on index keys, see `candidates.pairs_under_key`); only the placing of articles into
stories is sequential, because each decision depends on the stories made before it.
`assemble_stories` replays that step in stream order with the candidates given, which makes the
same placements as `TwoLevelClusterer.add` looking its candidates up in its own index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

from ..config import STORY_PARAMS, TOPIC_PARAMS, ClusterParams
from .candidates import pairs_under_key
from .features import ArticleFeatures, article_features
from .hierarchy import Placement, TwoLevelClusterer

__all__ = [
    "STORY_PARAMS",
    "Dated",
    "FeatureItem",
    "assemble_stories",
    "earlier_partners",
    "features_chunk",
    "keyed_chunk",
    "pairs_in_groups",
    "partners_in_groups",
    "stream_order_key",
]

FeatureItem = tuple[int, str, str, str | None, str | None]  # position, id, text, title, published


class Dated(Protocol):
    """Anything with a publication date (ISO text or None) and an id: Article, RawArticle rows."""

    @property
    def published(self) -> str | None: ...

    @property
    def id(self) -> str: ...


def stream_order_key(article: Dated) -> tuple[bool, str, str]:
    """The order articles are clustered in: dated ones first, by date, then by id; undated
    ones last, by id. Every path (ingest, local batch, Dask batch) sorts by this key."""
    return (article.published is None, article.published or "", article.id)


def earlier_partners(features_in_order: Sequence[ArticleFeatures],
                     pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """For each article (by stream position), its earlier partners in `pairs` (later, earlier),
    ordered by their stream position, each once. Raises ValueError for a pair naming an
    unknown article or an 'earlier' article that does not come first."""
    position = {features.article: index for index, features in enumerate(features_in_order)}
    partners: dict[int, set[int]] = defaultdict(set)
    for later, earlier in pairs:
        later_at, earlier_at = position.get(later), position.get(earlier)
        if later_at is None or earlier_at is None:
            raise ValueError(f"candidate pair ({later}, {earlier}) names an unknown article")
        if earlier_at >= later_at:
            raise ValueError(f"candidate pair ({later}, {earlier}) is not (later, earlier) in "
                             "stream order")
        partners[later_at].add(earlier_at)
    return [[features_in_order[at].article for at in sorted(partners.get(index, ()))]
            for index in range(len(features_in_order))]


def assemble_stories(
    features_in_order: Sequence[ArticleFeatures],
    pairs: Iterable[tuple[str, str]],
    story_params: ClusterParams = STORY_PARAMS,
    topic_params: ClusterParams = TOPIC_PARAMS,
) -> list[Placement]:
    """Place each article, in the order given, into a story and a topic, comparing it only with
    its earlier partners in `pairs`; the placements, one per article, in that order.

    The pairs must have been found with `story_params.depth` for the result to equal the
    clusterer's own index lookups."""
    clusterer = TwoLevelClusterer(story_params, topic_params)
    candidates = earlier_partners(features_in_order, pairs)
    return [clusterer.add(features, candidates=partners)
            for features, partners in zip(features_in_order, candidates, strict=True)]


# --- the parallel steps, as plain functions over chunks (a Dask worker runs them) -------------

def features_chunk(items: Sequence[FeatureItem]) -> list[tuple[int, ArticleFeatures]]:
    """Each article's features, with its stream position."""
    return [(position, article_features(identifier, text, title, published))
            for position, identifier, text, title, published in items]


def keyed_chunk(chunk: Sequence[tuple[int, ArticleFeatures]]
                ) -> list[tuple[str, tuple[int, str]]]:
    """(key, (position, article id)) for every index key of every article: what a shuffle
    groups by key."""
    return [(key, (position, features.article)) for position, features in chunk
            for key in features.keys]


def pairs_in_groups(groups: Iterable[tuple[str, list[tuple[str, tuple[int, str]]]]],
                    depth: int) -> list[tuple[str, str]]:
    """The (later, earlier) pairs of each key's group of `keyed_chunk` items, as the
    clusterer's `CandidateIndex` gives them."""
    return [pair for _, members in groups
            for pair in pairs_under_key([member for _, member in members], depth)]


def partners_in_groups(groups: Iterable[tuple[str, list[tuple[str, str]]]]
                       ) -> list[tuple[str, list[str]]]:
    """Each later article with its distinct earlier partners, from its pairs grouped by the
    later article (a pair found under many keys comes back once)."""
    return [(later, sorted({earlier for _, earlier in pairs})) for later, pairs in groups]
