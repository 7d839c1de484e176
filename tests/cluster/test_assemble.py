"""Stories assembled from precomputed candidate pairs are the clusterer's own stories."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter

import pytest

from consilience.cluster import article_id
from consilience.cluster.assemble import (
    assemble_stories,
    earlier_partners,
    features_chunk,
    keyed_chunk,
    pairs_in_groups,
    partners_in_groups,
    stream_order_key,
)
from consilience.cluster.candidates import candidate_pairs
from consilience.cluster.features import ArticleFeatures
from consilience.cluster.hierarchy import TwoLevelClusterer
from consilience.cluster.online import ClusterParams

from ..conftest import EXAMPLE, SHARED

# Five events, two of them of one kind (two warehouse fires), a few reports each.
SYNTHETIC = [
    ("2024-05-01T08:00", "Fire destroys warehouse in Rotterdam port",
     "A fire destroyed a storage warehouse in the port of Rotterdam on Wednesday, the fire "
     "brigade said. Around 120 firefighters fought the blaze at the Waalhaven site for six "
     "hours. Port spokesman Hendrik Molenaar said shipping was not affected."),
    ("2024-05-01T10:30", "Rotterdam warehouse blaze brought under control",
     "Firefighters brought a large blaze at a Waalhaven warehouse in Rotterdam under control "
     "after six hours, the Rotterdam fire brigade said. Hendrik Molenaar, a spokesman for the "
     "port, said container traffic continued and no one was injured."),
    ("2024-05-02T09:00", "Investigators search for cause of Rotterdam port fire",
     "Investigators began searching the burnt-out Waalhaven warehouse in Rotterdam on Thursday "
     "for the cause of the fire. About 120 firefighters had fought the flames. Molenaar said "
     "the building held furniture and textiles."),
    ("2024-05-03T14:00", "Fire guts warehouse in Marseille",
     "A fire gutted a logistics warehouse near the port of Marseille on Friday, the regional "
     "fire service said. Some 80 firefighters tackled the blaze in the Arenc district. Prefect "
     "Christophe Mirmand said residents should keep their windows closed."),
    ("2024-05-03T18:00", "Marseille warehouse fire sends smoke over city",
     "Thick smoke drifted over Marseille after a warehouse in Arenc caught fire on Friday. "
     "Prefect Christophe Mirmand asked residents to keep windows shut while 80 firefighters "
     "worked through the evening."),
    ("2024-05-02T07:00", "Central bank of Norway holds rates at 4.5 percent",
     "Norges Bank kept its policy rate at 4.5 percent on Thursday, as expected by economists. "
     "Governor Ida Wolden Bache said the rate would likely stay there for some time as "
     "inflation in Norway remained above target."),
    ("2024-05-02T08:15", "Norges Bank leaves key rate unchanged",
     "Norway's central bank left its key interest rate at 4.5 percent. Governor Ida Wolden "
     "Bache told reporters in Oslo that a cut was unlikely before autumn because the krone "
     "was weak and inflation too high."),
    ("2024-05-02T11:00", "Krone slips after Norges Bank decision",
     "The Norwegian krone slipped against the euro after Norges Bank held its rate at 4.5 "
     "percent and Governor Wolden Bache signalled no cut before autumn, traders in Oslo said."),
    ("2024-05-04T12:00", "Kenya's Kipchoge wins Berlin half marathon",
     "Eliud Kipchoge won the Berlin half marathon on Saturday in 59 minutes 30 seconds, "
     "beating Ethiopia's Tamirat Tola by eight seconds. The Kenyan said the race was "
     "preparation for the Olympic marathon in Paris."),
    ("2024-05-04T13:30", "Kipchoge beats Tola in Berlin",
     "Olympic champion Eliud Kipchoge outsprinted Tamirat Tola to win the Berlin half "
     "marathon, finishing in 59:30. Kipchoge said Paris was his main goal this summer."),
    (None, "Tola second behind Kipchoge",
     "Tamirat Tola of Ethiopia finished eight seconds behind Eliud Kipchoge at the Berlin half "
     "marathon and said he was pleased with his form ahead of the Paris Olympics."),
    (None, "Lake Geneva steamer restored",
     "The paddle steamer Montreux returned to service on Lake Geneva after a three-year "
     "restoration costing 14 million Swiss francs, the shipping company CGN said in Lausanne."),
]


@dataclass(frozen=True)
class Item:
    id: str
    published: str | None
    title: str | None
    text: str


def ordered(items: list[Item]) -> list[Item]:
    return sorted(items, key=stream_order_key)


def featured(items: list[Item]) -> list[ArticleFeatures]:
    chunk = features_chunk([(position, item.id, item.text, item.title, item.published)
                            for position, item in enumerate(items)])
    assert [position for position, _ in chunk] == list(range(len(items)))
    return [features for _, features in chunk]


def by_index(features: list[ArticleFeatures], params: ClusterParams):
    clusterer = TwoLevelClusterer(params)
    return [clusterer.add(item) for item in features]


def index_pairs(features: list[ArticleFeatures], depth: int) -> list[tuple[str, str]]:
    return list(candidate_pairs([(position, item.article, item.keys)
                                 for position, item in enumerate(features)], depth))


def shuffled_pairs(features: list[ArticleFeatures], depth: int) -> list[tuple[str, str]]:
    """The Dask path's shuffle, in plain Python: group keyed items by key in a random order,
    pairs per key, then group the pairs by their later article."""
    keyed = keyed_chunk(list(enumerate(features)))
    random.Random(3).shuffle(keyed)
    by_key: dict[str, list] = defaultdict(list)
    for entry in keyed:
        by_key[entry[0]].append(entry)
    pairs = pairs_in_groups(list(by_key.items()), depth)
    by_later: dict[str, list] = defaultdict(list)
    for pair in pairs:
        by_later[itemgetter(0)(pair)].append(pair)
    return [(later, earlier) for later, earliers in partners_in_groups(by_later.items())
            for earlier in earliers]


def synthetic_items() -> list[Item]:
    return [Item(article_id(text), published, title, text)
            for published, title, text in SYNTHETIC]


def realistic_items() -> list[Item]:
    items = [Item(article_id(text), None, None, text) for text in
             (path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.glob("*.txt")))]
    corpora = pytest.importorskip("benchmarks.corpora")
    if not corpora.ecb_root(SHARED).is_dir():
        pytest.skip("../shared/data/ecb-plus is not present")
    for topic in (1, 3, 4):
        documents = corpora.read_ecb_topic(SHARED, topic)
        for document in documents[:8] + documents[-8:]:  # both sub-topics: two similar events
            title = document.text.split("\n", 1)[0]
            items.append(Item(article_id(document.text), None, title, document.text))
    return items


def assert_same_placements(items: list[Item], params: ClusterParams) -> list:
    features = featured(ordered(items))
    expected = by_index(features, params)
    for pairs in (index_pairs(features, params.depth), shuffled_pairs(features, params.depth)):
        assert assemble_stories(features, pairs, params) == expected
        reversed_pairs = list(reversed(pairs)) + pairs  # any order, repeated: the same
        assert assemble_stories(features, reversed_pairs, params) == expected
    return expected


@pytest.mark.parametrize("depth", [40, 2, 1])
def test_synthetic_stories_are_the_clusterers_own(depth):
    placements = assert_same_placements(synthetic_items(), ClusterParams(depth=depth))
    stories = defaultdict(list)
    for placement in placements:
        stories[placement.story.story].append(placement.story.article)
    if depth == 40:  # the texts make real stories, so the equality above is not vacuous
        assert max(len(members) for members in stories.values()) >= 3
        assert len(stories) < len(placements)


@pytest.mark.corpus
@pytest.mark.parametrize("depth", [40, 3])
def test_realistic_stories_are_the_clusterers_own(depth):
    items = realistic_items()
    assert 30 <= len(items) <= 60
    placements = assert_same_placements(items, ClusterParams(depth=depth))
    assert len({placement.story.story for placement in placements}) < len(placements)


def test_stream_order_dated_first_by_date_then_id():
    items = [Item("b", None, None, ""), Item("c", "2024-01-02", None, ""),
             Item("a", None, None, ""), Item("d", "2024-01-01", None, ""),
             Item("e", "2024-01-02", None, "")]
    assert [item.id for item in ordered(items)] == ["d", "c", "e", "a", "b"]


def test_earlier_partners_in_stream_order_each_once():
    features = featured(ordered(synthetic_items()))[:4]
    ids = [item.article for item in features]
    pairs = [(ids[3], ids[2]), (ids[3], ids[0]), (ids[3], ids[2]), (ids[1], ids[0])]
    assert earlier_partners(features, pairs) == [[], [ids[0]], [], [ids[0], ids[2]]]
    with pytest.raises(ValueError, match="stream order"):
        earlier_partners(features, [(ids[0], ids[1])])
    with pytest.raises(ValueError, match="unknown"):
        earlier_partners(features, [(ids[1], "a-missing")])
