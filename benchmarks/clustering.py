"""Story clustering on ECB+: streamed in shuffled orders, scored by B-cubed F1 against topics
(43, "same kind of story") and sub-topics (86, "same story").

ECB+ gives each topic two sub-topics: two real events of one kind (two earthquakes, two
arrests). consilience's online clusterer keeps two levels, stories and the topics they belong to;
story-level clusters are scored against sub-topics and topic-level clusters against topics.

Baseline, measured in the same run: a streaming TF-IDF centroid clusterer (IDF fitted on the
train and dev documents, cosine to each cluster's centroid, join the best above one threshold),
its threshold tuned on train+dev topics separately for each level; and, for orientation, offline
average-link agglomerative clustering with the same vectors (threshold tuned the same way).
consilience's own parameters were chosen on train+dev topics only (`--tune` repeats that search).

    .venv/bin/python benchmarks/clustering.py            # test topics 36-45 and all 982 docs
    .venv/bin/python benchmarks/clustering.py --tune     # the grid search on train+dev
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from consilience.cluster.features import ArticleFeatures, article_features
from consilience.cluster.hierarchy import TOPIC_PARAMS, TwoLevelClusterer
from consilience.cluster.online import ClusterParams
from corpora import ECB_DEV_TOPICS, ECB_TEST_TOPICS, ecb_root, ecb_words, rebuild_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
ORDERS = 5


@dataclass(frozen=True, slots=True)
class Doc:
    name: str
    topic: str
    subtopic: str
    title: str
    text: str


def read_docs(shared: Path) -> list[Doc]:
    docs = []
    for path in sorted(ecb_root(shared).glob("*/*.xml")):
        name, sentences = ecb_words(path)
        if sentences and sentences[0][:1] == ["http"]:  # ECB+ tokenises the page's address
            sentences[0] = ["".join(sentences[0]).replace("http:", "http://", 1)
                            .replace("http:////", "http://")]
        text, _ = rebuild_text(sentences, detokenize=True)
        topic = name.split("_")[0]
        sub = "ecbplus" if "ecbplus" in name else "ecb"
        docs.append(Doc(name, topic, f"{topic}_{sub}", text.split("\n", 1)[0], text))
    return docs


def bcubed(predicted: Sequence[Sequence[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    class_size = Counter(gold.values())
    precision = recall = 0.0
    for cluster in predicted:
        labels = Counter(gold[item] for item in cluster)
        for item in cluster:
            same = labels[gold[item]]
            precision += same / len(cluster)
            recall += same / class_size[gold[item]]
    count = sum(len(cluster) for cluster in predicted)
    precision, recall = precision / count, recall / count
    return precision, recall, 2 * precision * recall / (precision + recall)


def orders(docs: Sequence[Doc], count: int = ORDERS) -> list[list[Doc]]:
    result = []
    for seed in range(count):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        result.append(shuffled)
    return result


# --- consilience ----------------------------------------------------------------------------

def consilience_clusters(stream: Sequence[Doc], features: dict[str, ArticleFeatures],
                         story: ClusterParams, topic: ClusterParams
                         ) -> tuple[list[list[str]], list[list[str]]]:
    clusterer = TwoLevelClusterer(story, topic)
    for doc in stream:
        clusterer.add(features[doc.name])
    return clusterer.stories.clusters(), clusterer.topic_clusters()


# --- baselines ------------------------------------------------------------------------------

class TfidfSpace:
    def __init__(self, fit_texts: Sequence[str]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        self.vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1)
        self.vectorizer.fit(fit_texts)

    def vectors(self, docs: Sequence[Doc]) -> dict[str, np.ndarray]:
        matrix = self.vectorizer.transform([doc.text for doc in docs])
        return {doc.name: matrix[index] for index, doc in enumerate(docs)}


def centroid_clusters(stream: Sequence[Doc], vectors: dict, threshold: float) -> list[list[str]]:
    """Each document joins the cluster whose centroid (sum of member vectors) is most similar
    by cosine, if that is at least `threshold`; else it starts a cluster."""
    width = next(iter(vectors.values())).shape[1]
    sums = np.zeros((len(stream), width), dtype=np.float32)
    squared_norms = np.zeros(len(stream), dtype=np.float64)
    clusters: list[list[str]] = []
    for doc in stream:
        vector = vectors[doc.name]
        columns, values = vector.indices, vector.data.astype(np.float32)
        count = len(clusters)
        best = None
        if count:
            dots = sums[:count, columns] @ values
            similarities = dots / np.sqrt(np.maximum(squared_norms[:count], 1e-12))
            index = int(np.argmax(similarities))
            if similarities[index] >= threshold:
                best = index
        if best is None:
            best = count
            clusters.append([])
        row = sums[best, columns]
        squared_norms[best] += 2 * float(row @ values) + float(values @ values)
        sums[best, columns] = row + values
        clusters[best].append(doc.name)
    return clusters


def agglomerative_clusters(docs: Sequence[Doc], vectors: dict, threshold: float
                           ) -> list[list[str]]:
    from scipy.sparse import vstack
    from sklearn.cluster import AgglomerativeClustering
    matrix = vstack([vectors[doc.name] for doc in docs]).toarray()
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=1 - threshold)
    labels = model.fit_predict(matrix)
    clusters: dict[int, list[str]] = defaultdict(list)
    for doc, label in zip(docs, labels, strict=True):
        clusters[int(label)].append(doc.name)
    return list(clusters.values())


# --- evaluation -----------------------------------------------------------------------------

def mean_f1(docs: Sequence[Doc], run: Callable[[Sequence[Doc]], tuple[list, list]],
            count: int = ORDERS) -> tuple[list[float], list[float]]:
    """F1 against topics and against sub-topics, one figure per shuffled order."""
    topic_gold = {doc.name: doc.topic for doc in docs}
    sub_gold = {doc.name: doc.subtopic for doc in docs}
    topic_scores, sub_scores = [], []
    for stream in orders(docs, count):
        stories, topics = run(stream)
        if topics:
            topic_scores.append(bcubed(topics, topic_gold)[2])
        if stories:
            sub_scores.append(bcubed(stories, sub_gold)[2])
    return topic_scores, sub_scores


def spread(values: Sequence[float]) -> str:
    return (f"{statistics.mean(values):.3f} (min {min(values):.3f}, max {max(values):.3f})"
            if len(values) > 1 else f"{values[0]:.3f}")


def tune_baseline(docs: Sequence[Doc], vectors: dict, offline: bool) -> tuple[float, float]:
    """The best threshold for topics and for sub-topics on `docs` (train+dev)."""
    best = {"topic": (0.0, 0.0), "sub": (0.0, 0.0)}
    topic_gold = {doc.name: doc.topic for doc in docs}
    sub_gold = {doc.name: doc.subtopic for doc in docs}
    for threshold in np.arange(0.04, 0.62, 0.02):
        if offline:
            clusters = agglomerative_clusters(docs, vectors, threshold)
            topic = sub = bcubed(clusters, topic_gold)[2], bcubed(clusters, sub_gold)[2]
            topic, sub = topic
        else:
            topic_values, sub_values = [], []
            for stream in orders(docs, 2):
                clusters = centroid_clusters(stream, vectors, threshold)
                topic_values.append(bcubed(clusters, topic_gold)[2])
                sub_values.append(bcubed(clusters, sub_gold)[2])
            topic, sub = statistics.mean(topic_values), statistics.mean(sub_values)
        if topic > best["topic"][1]:
            best["topic"] = (float(threshold), topic)
        if sub > best["sub"][1]:
            best["sub"] = (float(threshold), sub)
    return best["topic"][0], best["sub"][0]


def tune_consilience(docs: Sequence[Doc], features: dict[str, ArticleFeatures]) -> None:
    base_story, base_topic = ClusterParams(), TOPIC_PARAMS
    results = []
    grid = itertools.product((0.22, 0.26, 0.30, 0.34, 0.38), (0.2, 0.35, 0.5),
                             (0.0, 0.15, 0.3))
    for threshold, entity, number in grid:
        story = replace(base_story, threshold=threshold, entity_weight=entity,
                        number_weight=number)
        _, subs = mean_f1(docs, lambda stream, story=story: consilience_clusters(
            stream, features, story, base_topic), count=2)
        results.append((statistics.mean(subs), threshold, entity, number))
        print(f"story threshold {threshold:.2f} entity {entity:.2f} number {number:.2f}: "
              f"sub-topic F1 {statistics.mean(subs):.3f}", file=sys.stderr)
    best = max(results)
    print(f"best story parameters: {best}")
    story = replace(base_story, threshold=best[1], entity_weight=best[2], number_weight=best[3])
    topic_results = []
    for threshold in (0.08, 0.10, 0.12, 0.14, 0.17, 0.20, 0.24):
        topic = replace(base_topic, threshold=threshold)
        topics, _ = mean_f1(docs, lambda stream, topic=topic: consilience_clusters(
            stream, features, story, topic), count=2)
        topic_results.append((statistics.mean(topics), threshold))
        print(f"topic threshold {threshold:.2f}: topic F1 {statistics.mean(topics):.3f}",
              file=sys.stderr)
    print(f"best topic threshold: {max(topic_results)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--tune", action="store_true", help="grid search on train+dev topics")
    parser.add_argument("--orders", type=int, default=ORDERS)
    args = parser.parse_args()
    if not ecb_root(args.shared).is_dir():
        print(f"skipped: {ecb_root(args.shared)} not found")
        return
    docs = read_docs(args.shared)
    started = time.perf_counter()
    features = {doc.name: article_features(doc.name, doc.text, doc.title) for doc in docs}
    feature_seconds = time.perf_counter() - started
    test_topics = {str(topic) for topic in ECB_TEST_TOPICS}
    tune_docs = [doc for doc in docs if doc.topic not in test_topics]
    test_docs = [doc for doc in docs if doc.topic in test_topics]
    dev_topics = {str(topic) for topic in ECB_DEV_TOPICS}
    print(f"ECB+: {len(docs)} documents, {len({d.topic for d in docs})} topics, "
          f"{len({d.subtopic for d in docs})} sub-topics; train+dev {len(tune_docs)} "
          f"(dev topics {len({d.topic for d in tune_docs if d.topic in dev_topics})}), "
          f"test {len(test_docs)}; features {feature_seconds:.1f} s")
    if args.tune:
        tune_consilience(tune_docs, features)
        return

    space = TfidfSpace([doc.text for doc in tune_docs])
    vectors = space.vectors(docs)
    stream_topic, stream_sub = tune_baseline(tune_docs, vectors, offline=False)
    offline_topic, offline_sub = tune_baseline(tune_docs, vectors, offline=True)
    print(f"baseline thresholds (tuned on train+dev): streaming topic {stream_topic:.2f} "
          f"sub-topic {stream_sub:.2f}; offline topic {offline_topic:.2f} "
          f"sub-topic {offline_sub:.2f}")
    rows = []
    for label, subset in (("test topics 36-45", test_docs), ("all 982 documents", docs)):
        ours = mean_f1(subset, lambda stream: consilience_clusters(
            stream, features, ClusterParams(), TOPIC_PARAMS), args.orders)
        baseline_topic, _ = mean_f1(subset, lambda stream: (
            [], centroid_clusters(stream, vectors, stream_topic)), args.orders)
        _, baseline_sub = mean_f1(subset, lambda stream: (
            centroid_clusters(stream, vectors, stream_sub), []), args.orders)
        offline = (
            bcubed(agglomerative_clusters(subset, vectors, offline_topic),
                   {d.name: d.topic for d in subset})[2],
            bcubed(agglomerative_clusters(subset, vectors, offline_sub),
                   {d.name: d.subtopic for d in subset})[2],
        )
        rows.append((label, ours, (baseline_topic, baseline_sub), offline))
    print()
    print("| documents | method | topic B-cubed F1 | sub-topic B-cubed F1 |")
    print("|---|---|---|---|")
    for label, ours, baseline, offline in rows:
        print(f"| {label} | consilience, streaming ({args.orders} orders) | {spread(ours[0])} "
              f"| {spread(ours[1])} |")
        print(f"| {label} | TF-IDF centroid, streaming ({args.orders} orders) "
              f"| {spread(baseline[0])} | {spread(baseline[1])} |")
        print(f"| {label} | TF-IDF average-link, offline | {offline[0]:.3f} | {offline[1]:.3f} |")


if __name__ == "__main__":
    main()
