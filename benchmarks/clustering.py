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

gva-dev (`--corpus gva`): local US news about shootings, each article labelled with the Gun
Violence Archive incident it reports (see benchmarks/gva.py for the cleaning and the streams).
Every article is about "a shooting": the task is telling the same shooting from another one.
Documents are streamed once, in publication order, with their publication dates (so the
clusterer's time decay works); consilience's story level is scored by B-cubed against incidents
on `gva_eval` (incidents with 2+ documents, GVC train events left out) and on the GVC dev events.
The same TF-IDF streaming-centroid baseline (IDF fitted on the kept documents outside gva_eval,
title + text) has its threshold chosen on the GVC train events and, as an upper bound, on the
reported stream itself. From Python, `gva_scores(shared, params)` scores a variant of the story
parameters, reusing the article features computed once per process.

    .venv/bin/python benchmarks/clustering.py            # ECB+ (test topics, all) and gva-dev
    .venv/bin/python benchmarks/clustering.py --corpus gva
    .venv/bin/python benchmarks/clustering.py --tune     # the ECB+ grid search on train+dev
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

from consilience.cluster.candidates import CandidateIndex
from consilience.cluster.features import ArticleFeatures, article_features
from consilience.cluster.hierarchy import TOPIC_PARAMS, TwoLevelClusterer
from consilience.cluster.online import _SIGNED, PAIR_FEATURES, StoryProfile, pair_features
from consilience.config import STORY_PARAMS, ClusterParams, PairWeights

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.clustering, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ECB_DEV_TOPICS, ECB_TEST_TOPICS, ecb_root, ecb_words, rebuild_text
from gva import GvaData, GvaDoc, gva_root, read_gva, summary

SHARED = Path(__file__).resolve().parents[2] / "shared"
ORDERS = 5
CORPORA = ("ecb", "gva")
GVA_REPORTED = ("gva_eval", "gvc_dev")
THRESHOLDS = np.arange(0.04, 0.62, 0.02)


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

    def vectors(self, docs: Sequence[Doc], text: Callable[[Doc], str] = lambda doc: doc.text
                ) -> dict[str, np.ndarray]:
        matrix = self.vectorizer.transform([text(doc) for doc in docs])
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
    for threshold in THRESHOLDS:
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
    base_story, base_topic = STORY_PARAMS, TOPIC_PARAMS
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


# --- gva-dev --------------------------------------------------------------------------------

_GVA_CACHE: dict[Path, tuple[GvaData, dict[str, ArticleFeatures], float]] = {}


def gva_text(doc: GvaDoc) -> str:
    return f"{doc.title}\n{doc.text}" if doc.title else doc.text


def load_gva(shared: Path = SHARED) -> tuple[GvaData, dict[str, ArticleFeatures], float]:
    """The cleaned corpus and the article features of every document in a stream (computed
    once per process: they depend only on the text, the title and the date), with the seconds
    the features took."""
    key = shared.resolve()
    if key not in _GVA_CACHE:
        data = read_gva(shared)
        docs = {doc.name: doc for stream in data.streams().values() for doc in stream}
        started = time.perf_counter()
        features = {name: article_features(name, doc.text, doc.title or None, doc.dct)
                    for name, doc in docs.items()}
        _GVA_CACHE[key] = (data, features, time.perf_counter() - started)
    return _GVA_CACHE[key]


def incident_gold(stream: Sequence[GvaDoc]) -> dict[str, str]:
    return {doc.name: doc.incident for doc in stream}


def gva_clusters(shared: Path = SHARED, params: ClusterParams | None = None,
                 streams: Sequence[str] = ("gva_eval", "gvc_train", "gvc_dev"),
                 topic: ClusterParams = TOPIC_PARAMS) -> dict[str, list[list[str]]]:
    """consilience's story clusters (lists of doc ids) for each stream, in publication order."""
    data, features, _ = load_gva(shared)
    by_name = data.streams()
    return {name: consilience_clusters(by_name[name], features, params or STORY_PARAMS,
                                       topic)[0] for name in streams}


def gva_scores(shared: Path = SHARED, params: ClusterParams | None = None,
               streams: Sequence[str] = ("gva_eval", "gvc_train", "gvc_dev"),
               topic: ClusterParams = TOPIC_PARAMS) -> dict[str, dict[str, float]]:
    """B-cubed precision, recall and F1 against incidents of consilience's story level with
    `params` (default: the shipped ClusterParams()) on each stream, with the number of
    predicted clusters and the size of the largest. Choose parameters on gvc_train; report
    gva_eval and gvc_dev. gvc_train is small (about 200 documents, few confusers), so it favours
    loose settings that chain many shootings into one story on the 2,000-document gva_eval:
    watch `largest`.

        sys.path.insert(0, "benchmarks"); from clustering import gva_scores
        gva_scores(params=replace(ClusterParams(), threshold=0.3))["gva_eval"]["f1"]
    """
    data, _, _ = load_gva(shared)
    by_name = data.streams()
    result = {}
    for name, clusters in gva_clusters(shared, params, streams, topic).items():
        stream = by_name[name]
        precision, recall, f1 = bcubed(clusters, incident_gold(stream))
        result[name] = {"precision": precision, "recall": recall, "f1": f1,
                        "docs": len(stream), "incidents": len({d.incident for d in stream}),
                        "clusters": len(clusters),
                        "largest": max((len(cluster) for cluster in clusters), default=0)}
    return result


def best_threshold(stream: Sequence[GvaDoc], vectors: dict) -> tuple[float, float]:
    """The baseline's best threshold on `stream` (one pass, publication order) and its F1."""
    gold = incident_gold(stream)
    best = (0.0, -1.0)
    for threshold in THRESHOLDS:
        f1 = bcubed(centroid_clusters(stream, vectors, float(threshold)), gold)[2]
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best


def _describe(doc: GvaDoc, width: int = 90) -> str:
    title = " ".join(doc.title.split()) or " ".join(doc.text.split())[:width]
    return f"{doc.dct or '(no date)'} inc {doc.incident} {doc.name[:6]}: {title[:width]}"


def error_examples(stream: Sequence[GvaDoc], clusters: Sequence[Sequence[str]],
                   count: int) -> list[str]:
    """The biggest predicted clusters that mix incidents and the incidents split the most."""
    by_name = {doc.name: doc for doc in stream}
    lines = []
    mixed = [cluster for cluster in clusters
             if len({by_name[name].incident for name in cluster}) > 1]
    mixed.sort(key=lambda cluster: (-len(cluster), cluster[0]))
    lines.append(f"{len(mixed)} of {len(clusters)} predicted clusters mix incidents; the "
                 f"biggest {min(count, len(mixed))}:")
    for cluster in mixed[:count]:
        incidents = Counter(by_name[name].incident for name in cluster)
        lines.append(f"- cluster of {len(cluster)} documents, {len(incidents)} incidents:")
        for name in sorted(cluster, key=lambda name: (by_name[name].order_date, name)):
            lines.append(f"    {_describe(by_name[name])}")
    cluster_of = {name: index for index, cluster in enumerate(clusters) for name in cluster}
    members: dict[str, list[GvaDoc]] = defaultdict(list)
    for doc in stream:
        members[doc.incident].append(doc)
    split = [(len({cluster_of[doc.name] for doc in docs}), len(docs), incident)
             for incident, docs in members.items()]
    split = [item for item in split if item[0] > 1]
    split.sort(key=lambda item: (-item[0], -item[1], item[2]))
    lines.append(f"{len(split)} of {len(members)} incidents are split; the most split "
                 f"{min(count, len(split))}:")
    for pieces, size, incident in split[:count]:
        lines.append(f"- incident {incident}: {size} documents in {pieces} predicted clusters:")
        for doc in sorted(members[incident], key=lambda doc: (cluster_of[doc.name],
                                                              doc.order_date, doc.name)):
            lines.append(f"    [cluster {cluster_of[doc.name]}] {_describe(doc)}")
    return lines


def run_gva(shared: Path, examples: int) -> None:
    if not (gva_root(shared) / "gva_docs.jsonl").is_file():
        print(f"skipped: {gva_root(shared)} not found")
        return
    data, features, feature_seconds = load_gva(shared)
    print("\n".join(summary(data)))
    print(f"features: {len(features)} documents in {feature_seconds:.1f} s")
    streams = data.streams()
    eval_names = {doc.name for doc in streams["gva_eval"]}
    fit_docs = [doc for doc in data.docs if doc.name not in eval_names]
    started = time.perf_counter()
    space = TfidfSpace([gva_text(doc) for doc in fit_docs])
    stream_docs = {doc.name: doc for stream in streams.values() for doc in stream}
    vectors = space.vectors(list(stream_docs.values()), gva_text)
    train_threshold, train_f1 = best_threshold(streams["gvc_train"], vectors)
    tune_seconds = time.perf_counter() - started
    print(f"baseline: IDF fitted on the {len(fit_docs)} kept documents outside gva_eval; "
          f"threshold chosen on gvc_train {train_threshold:.2f} (F1 there {train_f1:.3f}; "
          f"{tune_seconds:.1f} s)")
    print("consilience: story level STORY_PARAMS as shipped "
          f"({STORY_PARAMS}), topic level TOPIC_PARAMS; gvc_train "
          f"F1 {gva_scores(shared, streams=('gvc_train',))['gvc_train']['f1']:.3f}")

    rows = []
    ours_clusters = {}
    for name in GVA_REPORTED:
        stream = streams[name]
        gold = incident_gold(stream)
        counts = f"{len(stream)} | {len(set(gold.values()))}"
        started = time.perf_counter()
        clusters = consilience_clusters(stream, features, STORY_PARAMS, TOPIC_PARAMS)[0]
        seconds = time.perf_counter() - started
        ours_clusters[name] = clusters
        rows.append((name, counts, "consilience (story level, shipped parameters)", "",
                     bcubed(clusters, gold), len(clusters), seconds))
        started = time.perf_counter()
        clusters = centroid_clusters(stream, vectors, train_threshold)
        rows.append((name, counts, "TF-IDF centroid, threshold chosen on gvc_train",
                     f"{train_threshold:.2f}", bcubed(clusters, gold), len(clusters),
                     time.perf_counter() - started))
        started = time.perf_counter()
        oracle, _ = best_threshold(stream, vectors)
        clusters = centroid_clusters(stream, vectors, oracle)
        rows.append((name, counts, "TF-IDF centroid, threshold chosen on this stream (oracle)",
                     f"{oracle:.2f}", bcubed(clusters, gold), len(clusters),
                     time.perf_counter() - started))
        alone = [[doc.name] for doc in stream]
        rows.append((name, counts, "every article alone (reference)", "", bcubed(alone, gold),
                     len(alone), 0.0))
    print()
    print("| stream | docs | incidents | method | threshold | B-cubed P | B-cubed R "
          "| B-cubed F1 | clusters | seconds |")
    print("|---|--:|--:|---|--:|--:|--:|--:|--:|--:|")
    for name, counts, method, threshold, (precision, recall, f1), size, seconds in rows:
        print(f"| {name} | {counts} | {method} | {threshold} | {precision:.3f} | {recall:.3f} "
              f"| {f1:.3f} | {size} | {seconds:.1f} |")
    print("\n(seconds: clustering the stream; for the oracle row, the threshold search too)")
    if examples:
        print("\nErrors of consilience on gva_eval (dates are publication dates):")
        print("\n".join(error_examples(streams["gva_eval"], ours_clusters["gva_eval"],
                                       examples)))


# --- the story model: pair evidence, fit on training streams only ---------------------------

def oracle_pairs(stream: Sequence[tuple[str, str]], features: dict[str, ArticleFeatures]
                 ) -> tuple[list[tuple[float, ...]], list[int]]:
    """Pair evidence rows and labels from streaming (article id, gold story) in order with
    the gold stories as the stories: each article against every gold story its candidate
    lookup finds (the clusterer's own index), labelled 1 for its own story."""
    index = CandidateIndex(STORY_PARAMS.depth)
    profiles: dict[str, StoryProfile] = {}
    story_of: dict[str, str] = {}
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for name, gold in stream:
        found = features[name]
        for label in sorted({story_of[other] for other in index.candidates(found.keys)}):
            rows.append(pair_features(found, profiles[label], STORY_PARAMS))
            labels.append(int(label == gold))
        profiles.setdefault(gold, StoryProfile(len(profiles))).add(found)
        story_of[name] = gold
        index.add(name, found.keys)
    return rows, labels


def runtime_pairs(stream: Sequence[tuple[str, str]], features: dict[str, ArticleFeatures],
                  params: ClusterParams) -> tuple[list[tuple[float, ...]], list[int]]:
    """Pair evidence rows as the clusterer meets them: streaming with `params`, each article
    against every story its candidates are in, as the story stood; labelled 1 when most of
    that story's articles are of the article's gold story."""
    clusterer = TwoLevelClusterer(params, TOPIC_PARAMS)
    gold = dict(stream)
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for name, label in stream:
        found = features[name]
        stories = clusterer.stories
        keys = sorted({stories.story_of[other] for other in stories.index.candidates(found.keys)
                       if other in stories.story_of})
        for key in keys:
            profile = stories.stories[key]
            told = Counter(gold[member] for member in profile.members)
            rows.append(pair_features(found, profile, params))
            labels.append(int(told[label] * 2 > len(profile.members)))
        clusterer.add(found)
    return rows, labels


def fit_weights(x: np.ndarray, y: np.ndarray, sample: np.ndarray, l2: float = 1e-4
                ) -> tuple[PairWeights, float]:
    """Logistic regression with each weight's sign fixed by its name (evidence for, or
    penalty): weighted log-loss plus `l2` times the squared weights, by L-BFGS-B with
    bounds. Returns the weights and the bias."""
    from scipy.optimize import minimize
    signs = np.array([sign for _, sign in _SIGNED])
    signed = x * signs
    total = sample.sum()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        weights, bias = theta[:-1], theta[-1]
        logits = signed @ weights + bias
        probability = 1 / (1 + np.exp(-logits))
        value = np.sum(sample * (np.logaddexp(0, logits) - y * logits)) / total
        value += l2 * np.sum(weights ** 2)
        residual = sample * (probability - y) / total
        gradient = np.append(signed.T @ residual + 2 * l2 * weights, residual.sum())
        return float(value), gradient

    start = np.zeros(x.shape[1] + 1)
    bounds = [(0.0, None)] * x.shape[1] + [(None, None)]
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    weights = PairWeights(**{name: round(float(value), 3) for (name, _), value in
                             zip(_SIGNED, result.x[:-1], strict=True)})
    return weights, float(result.x[-1])


def fit_story_model(shared: Path) -> None:
    """Fit the story model on the training streams and choose its threshold there."""
    docs = read_docs(shared)
    test_topics = {str(topic) for topic in ECB_TEST_TOPICS}
    tune_docs = [doc for doc in docs if doc.topic not in test_topics]
    ecb_features = {doc.name: article_features(doc.name, doc.text, doc.title)
                    for doc in tune_docs}
    data, gva_features, _ = load_gva(shared)
    gva_stream = [(doc.name, doc.incident) for doc in data.gva_rest]
    parts = []
    for stream in orders(tune_docs, 2):
        parts.append(("ecb", *oracle_pairs([(doc.name, doc.subtopic) for doc in stream],
                                           ecb_features)))
    parts.append(("gva", *oracle_pairs(gva_stream, gva_features)))
    # and as the shipped clusterer meets them (its stories are fragments, not gold stories)
    for stream in orders(tune_docs, 2):
        parts.append(("ecb", *runtime_pairs([(doc.name, doc.subtopic) for doc in stream],
                                            ecb_features, STORY_PARAMS)))
    parts.append(("gva", *runtime_pairs(gva_stream, gva_features, STORY_PARAMS)))
    x = np.array([row for _, rows, _ in parts for row in rows])
    y = np.array([label for _, _, labels in parts for label in labels], dtype=float)
    corpus = np.array([name for name, rows, _ in parts for _ in rows])
    sample = np.ones(len(y))
    for name in ("ecb", "gva"):  # each corpus half the weight
        sample[corpus == name] = 0.5 * len(y) / max((corpus == name).sum(), 1)
    print(f"pairs: {len(y)} ({int(y.sum())} same story); ECB+ {(corpus == 'ecb').sum()}, "
          f"gva {(corpus == 'gva').sum()} ({int(y[corpus == 'gva'].sum())} same)")
    weights, bias = fit_weights(x, y, sample)
    print(f"bias {bias:.3f}")
    for (name, _), feature in zip(_SIGNED, PAIR_FEATURES, strict=True):
        print(f"  {feature:12s} {name:22s} {getattr(weights, name):.3f}")
    results = []
    for threshold in np.arange(-2.5, -0.49, 0.25) - bias:
        params = replace(STORY_PARAMS, learned=True, model=weights, threshold=float(threshold))
        _, subs = mean_f1(tune_docs, lambda stream, params=params: consilience_clusters(
            stream, ecb_features, params, TOPIC_PARAMS), count=2)
        gva = gva_scores(shared, params, streams=("gvc_train", "gva_rest"))
        mean = statistics.mean([statistics.mean(subs), gva["gvc_train"]["f1"],
                                gva["gva_rest"]["f1"]])
        results.append((mean, float(threshold)))
        print(f"threshold {threshold:.3f} (logit {threshold + bias:.2f}): ECB+ train+dev "
              f"sub-topic {statistics.mean(subs):.3f}, gvc_train {gva['gvc_train']['f1']:.3f}, "
              f"gva_rest {gva['gva_rest']['f1']:.3f} (largest {gva['gva_rest']['largest']}); "
              f"mean {mean:.3f}", flush=True)
    print(f"best threshold: {max(results)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--corpus", default=",".join(CORPORA),
                        help="comma-separated: ecb, gva (default both)")
    parser.add_argument("--tune", action="store_true",
                        help="ECB+ only: grid search on train+dev topics")
    parser.add_argument("--fit", action="store_true",
                        help="fit the story model on the training streams and choose its "
                             "threshold there")
    parser.add_argument("--orders", type=int, default=ORDERS, help="ECB+ shuffled orders")
    parser.add_argument("--examples", type=int, default=3,
                        help="gva: mixed clusters and split incidents to print")
    args = parser.parse_args()
    corpora = [name.strip() for name in args.corpus.split(",") if name.strip()]
    unknown = sorted(set(corpora) - set(CORPORA))
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)} (choose from {', '.join(CORPORA)})")
    started = time.perf_counter()
    if args.fit:
        fit_story_model(args.shared)
        return
    if "ecb" in corpora:
        print("## ECB+\n")
        run_ecb(args)
        print(f"\nECB+ part: {time.perf_counter() - started:.0f} s")
    if "gva" in corpora and args.tune:
        print("\ngva-dev skipped: --tune searches ECB+ only (see gva_scores for gva-dev)")
    elif "gva" in corpora:
        gva_started = time.perf_counter()
        print("\n## gva-dev\n")
        run_gva(args.shared, args.examples)
        print(f"\ngva-dev part: {time.perf_counter() - gva_started:.0f} s")


def run_ecb(args: argparse.Namespace) -> None:
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
            stream, features, STORY_PARAMS, TOPIC_PARAMS), args.orders)
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
