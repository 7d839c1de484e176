"""FNC-1 stance detection: consilience's claim alignment and conflict cues as features of a
gradient-boosted classifier, against TF-IDF features and baselines from the same run.

Each headline is one claim; each body is an article whose claims are read by
`consilience.claims.article_claims`. For a (headline, body) pair, one `ClaimSpace` over the
headline claim and the body's claims gives `stance_features.stance_features`:
relatedness from alignment, stance cues from the best-aligned body claims. A two-stage
HistGradientBoostingClassifier (related or not; then agree, disagree or discuss) is tuned on
a held-out fifth of the training bodies (whole topics: bodies linked by a related headline
stay together, so held-out headlines are new as well, as in the test set), refitted on all of
train, and scored once on the competition test set with the official FNC-1 scorer.

Systems (same classifier, same tuning):
  (a) tfidf: TF-IDF cosines of headline and body (fitted on train), the only features;
  (b) consilience: stance_features alone;
  (c) both.
Baselines: TF-IDF threshold (related when the cosine is above a threshold tuned on train,
every related pair "discuss"), computed in the same run; the official baseline (79.53) and
the winner (82.02) quoted from the data set's SOURCE.md.

    python benchmarks/fnc.py [--limit N] [--cache-dir DIR] [--json out.json] [--entities]

Parsed Docs are cached (consilience's DocCache) under --cache-dir, so reruns skip parsing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import spacy
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.language import Language
from spacy.tokens import Doc

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.fnc, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc_data
from consilience.annotate import DocCache, extract_mentions, load_pipeline, model_label
from consilience.claims import SPANS_KEY, ClaimSpace, article_claims
from consilience.models import Article, Claim, Span
from consilience.timeline import date_mentions
from fnc_data import LABELS, Pair
from stance_features import FEATURE_GROUPS, FEATURE_NAMES, stance_features

LOGGER = logging.getLogger("fnc")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "fnc-1"
DEFAULT_CACHE = Path.home() / ".cache" / "consilience-bench"
OFFICIAL_BASELINE = 79.53
WINNER = 82.02
STANCES = LABELS[:3]
TFIDF_NAMES = ("tfidf_cosine", "tfidf_cosine_ngrams")
SEED = 0
HELD_OUT = 0.2
GRID = {"learning_rate": (0.05, 0.1), "max_leaf_nodes": (15, 31)}
WEIGHTS = (0.8, 1.0, 1.25, 1.5, 2.0)  # multipliers of agree and disagree odds, tuned


# ---------------------------------------------------------------------------------------------
# Parsing and claims
# ---------------------------------------------------------------------------------------------


def parsed(nlp: Language, cache: DocCache, texts: Sequence[str], batch_size: int = 32,
           chunk: int = 256) -> Iterator[tuple[int, Doc]]:
    """(index, Doc) of every text, in order: from the cache, or parsed with one nlp.pipe per
    chunk (n_process=1) and stored."""
    done = 0
    for start in range(0, len(texts), chunk):
        part = texts[start:start + chunk]
        keys = DocCache.keys(nlp, part)
        found = cache.get_many(nlp, keys)
        missing = [index for index, key in enumerate(keys) if key not in found]
        fresh = list(zip(missing, nlp.pipe((part[index] for index in missing),
                                           batch_size=batch_size, n_process=1), strict=True))
        if fresh:
            cache.put_many((keys[index], doc) for index, doc in fresh)
        docs = {keys[index]: doc for index, doc in fresh}
        for index, key in enumerate(keys):
            yield start + index, found.get(key) or docs[key]
        done += len(part)
        LOGGER.info("  %d/%d texts (%d parsed in this chunk)", done, len(texts), len(missing))


def entity_id(text: str) -> str:
    """A story entity id for an entity mention: its casefolded text without a leading "the"."""
    key = " ".join(text.casefold().split())
    return key[4:] if key.startswith("the ") else key


def mentions_of(article: Article, doc: Doc, entities: bool
                ) -> dict[str, list[tuple[int, int, str]]]:
    """Entity mentions of one article keyed by casefolded surface text, so that the headline
    and a body share ids; a name of several words is also known by its last word ("Bale").
    No mentions when `entities` is false: every word of a name is then a plain term of its
    claim (the default, as claims leave the words of a mention out of their terms, and the
    tagger's mentions in title-case headlines rarely match the body's)."""
    if not entities:
        return {}
    found: list[tuple[int, int, str]] = []
    for mention in extract_mentions(article, doc):
        key = entity_id(mention.span.text)
        found.append((mention.span.start, mention.span.end, key))
        words = key.split()
        if mention.label == "PERSON" and len(words) > 1:
            found.append((mention.span.start, mention.span.end, words[-1]))
    return {article.id: found}


def headline_claim(text: str, doc: Doc, entities: bool = False) -> Claim:
    """The headline as one claim: its whole span, whatever clause splitting would give."""
    article = Article(id="h", source="headline", text=text)
    if len(doc):
        doc.spans[SPANS_KEY] = [doc[:]]
        claims = article_claims(article, doc, mentions_of(article, doc, entities), {},
                                date_mentions([article], [doc]))
        if claims:
            return claims[0]
    return Claim(span=Span("h", 0, len(text), text), id="h-c1")


def body_claims(text: str, doc: Doc, entities: bool = False) -> list[Claim]:
    article = Article(id="b", source="body", text=text)
    return article_claims(article, doc, mentions_of(article, doc, entities), {},
                          date_mentions([article], [doc]))


def read_claims(nlp: Language, cache: DocCache, texts: Sequence[str],
                reader: Callable[[str, Doc], object], label: str) -> list:
    LOGGER.info("%s: %d texts", label, len(texts))
    out: list = [None] * len(texts)
    for index, doc in parsed(nlp, cache, texts):
        out[index] = reader(texts[index], doc)
    return out


# ---------------------------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------------------------


def consilience_matrix(pairs: Sequence[Pair], headlines: dict[str, Claim],
                       bodies: dict[int, list[Claim]]) -> np.ndarray:
    """stance_features of every pair: one ClaimSpace over the headline claim and the body's
    claims."""
    rows = np.zeros((len(pairs), len(FEATURE_NAMES)), dtype=np.float32)
    for row, pair in enumerate(pairs):
        evidence = bodies[pair.body]
        space = ClaimSpace([headlines[pair.headline], *evidence])
        values = stance_features(space, 0, range(1, len(evidence) + 1))
        rows[row] = [values[name] for name in FEATURE_NAMES]
        if (row + 1) % 10000 == 0:
            LOGGER.info("  features of %d/%d pairs", row + 1, len(pairs))
    return rows


@dataclass
class Tfidf:
    """TF-IDF fitted on the training headlines and bodies: words, and words with bigrams."""

    words: TfidfVectorizer = field(default_factory=lambda: TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=2))
    ngrams: TfidfVectorizer = field(default_factory=lambda: TfidfVectorizer(
        stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=2))

    def fit(self, texts: Iterable[str]) -> Tfidf:
        texts = list(texts)
        self.words.fit(texts)
        self.ngrams.fit(texts)
        return self

    def matrix(self, pairs: Sequence[Pair], bodies: dict[int, str]) -> np.ndarray:
        columns = []
        for vectorizer in (self.words, self.ngrams):
            headlines = sorted({pair.headline for pair in pairs})
            body_ids = sorted({pair.body for pair in pairs})
            head_rows = {text: row for row, text in enumerate(headlines)}
            body_rows = {body: row for row, body in enumerate(body_ids)}
            head = vectorizer.transform(headlines)
            body = vectorizer.transform([bodies[body] for body in body_ids])
            left = head[[head_rows[pair.headline] for pair in pairs]]
            right = body[[body_rows[pair.body] for pair in pairs]]
            columns.append(np.asarray(left.multiply(right).sum(axis=1)).ravel())
        return np.column_stack(columns).astype(np.float32)


# ---------------------------------------------------------------------------------------------
# The two-stage classifier
# ---------------------------------------------------------------------------------------------


@dataclass
class TwoStage:
    """Related or not, then agree / disagree / discuss on the related pairs."""

    learning_rate: float = 0.1
    max_leaf_nodes: int = 31
    threshold: float = 0.5  # least P(related) to call a pair related
    weights: tuple[float, float] = (1.0, 1.0)  # odds multipliers of agree and disagree
    related: HistGradientBoostingClassifier | None = None
    stance: HistGradientBoostingClassifier | None = None

    def _model(self) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(
            learning_rate=self.learning_rate, max_leaf_nodes=self.max_leaf_nodes, max_iter=300,
            l2_regularization=1.0, early_stopping=False, random_state=SEED)

    def fit(self, features: np.ndarray, gold: Sequence[str]) -> TwoStage:
        labels = np.array(gold)
        self.related = self._model().fit(features, labels != "unrelated")
        mask = labels != "unrelated"
        self.stance = self._model().fit(features[mask], labels[mask])
        return self

    def probabilities(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        assert self.related is not None and self.stance is not None
        related = self.related.predict_proba(features)[:, list(self.related.classes_).index(True)]
        order = [list(self.stance.classes_).index(label) for label in STANCES]
        return related, self.stance.predict_proba(features)[:, order]

    def decide(self, related: np.ndarray, stance: np.ndarray) -> list[str]:
        scaled = stance * np.array([self.weights[0], self.weights[1], 1.0])
        choice = scaled.argmax(axis=1)
        return [STANCES[pick] if p >= self.threshold else "unrelated"
                for p, pick in zip(related, choice, strict=True)]

    def predict(self, features: np.ndarray) -> list[str]:
        return self.decide(*self.probabilities(features))


def tune(features: np.ndarray, gold: Sequence[str], fit: Sequence[int], held: Sequence[int]
         ) -> tuple[TwoStage, float]:
    """The classifier settings with the best FNC score on the held-out bodies: the grid of
    boosting settings, then the related threshold and the agree / disagree weights."""
    labels = [gold[index] for index in held]
    best: tuple[float, TwoStage] | None = None
    for rate, leaves in itertools.product(GRID["learning_rate"], GRID["max_leaf_nodes"]):
        model = TwoStage(rate, leaves).fit(features[fit], [gold[index] for index in fit])
        related, stance = model.probabilities(features[held])
        for threshold in np.arange(0.05, 0.81, 0.05):
            for weights in itertools.product(WEIGHTS, WEIGHTS):
                model.threshold, model.weights = float(threshold), weights
                score = fnc_data.relative_score(labels, model.decide(related, stance))
                if best is None or score > best[0] + 1e-9:
                    best = (score, TwoStage(rate, leaves, float(threshold), weights))
    assert best is not None
    return best[1], best[0]


def tune_threshold(cosines: np.ndarray, gold: Sequence[str]) -> float:
    """The cosine threshold with the best FNC score on train when every related pair is
    "discuss"."""
    best, chosen = -1.0, 0.0
    for threshold in np.unique(np.round(cosines, 3)):
        predicted = np.where(cosines >= threshold, "discuss", "unrelated")
        score = fnc_data.relative_score(gold, predicted.tolist())
        if score > best:
            best, chosen = score, float(threshold)
    return chosen


def permutation_drop(model: TwoStage, features: np.ndarray, gold: Sequence[str],
                     groups: dict[str, list[int]], seed: int = SEED) -> dict[str, float]:
    """How much the held-out FNC score falls when each group of columns is shuffled."""
    base = fnc_data.relative_score(gold, model.predict(features))
    random = np.random.default_rng(seed)
    drops = {}
    for name, columns in groups.items():
        shuffled = features.copy()
        order = random.permutation(len(features))
        shuffled[:, columns] = features[order][:, columns]
        drops[name] = base - fnc_data.relative_score(gold, model.predict(shuffled))
    return drops


# ---------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------


@dataclass
class Result:
    system: str
    score: float
    raw: float
    best: float
    f1: dict[str, float]
    matrix: list[list[int]]
    held_out: float | None = None
    settings: str = ""


def evaluate(system: str, gold: Sequence[str], predicted: Sequence[str],
             held_out: float | None = None, settings: str = "") -> Result:
    raw, matrix = fnc_data.score_submission(gold, predicted)
    best = fnc_data.max_score(gold)
    return Result(system, 100.0 * raw / best, raw, best, fnc_data.f1_scores(matrix), matrix,
                  held_out, settings)


def quoted(system: str, score: float) -> Result:
    return Result(system, score, float("nan"), float("nan"), {}, [], None, "quoted")


def table(results: Sequence[Result]) -> str:
    lines = ["| system | FNC score (%) | raw score | agree F1 | disagree F1 | discuss F1 "
             "| unrelated F1 | macro F1 | held-out score (%) |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for result in results:
        if not result.f1:
            lines.append(f"| {result.system} | {result.score:.2f} | | | | | | | |")
            continue
        f1 = result.f1
        held = f"{result.held_out:.2f}" if result.held_out is not None else ""
        lines.append(
            f"| {result.system} | {result.score:.2f} | {result.raw:.2f} / {result.best:.0f} "
            f"| {f1['agree']:.3f} | {f1['disagree']:.3f} | {f1['discuss']:.3f} "
            f"| {f1['unrelated']:.3f} | {f1['macro']:.3f} | {held} |")
    return "\n".join(lines)


def confusion(result: Result) -> str:
    lines = [f"Confusion matrix, {result.system} (rows gold, columns predicted):", "",
             "| gold \\ predicted | " + " | ".join(LABELS) + " |",
             "|---|" + "--:|" * len(LABELS)]
    for label, row in zip(LABELS, result.matrix, strict=True):
        lines.append(f"| {label} | " + " | ".join(str(count) for count in row) + " |")
    return "\n".join(lines)


def importance_table(drops: dict[str, float], count: int) -> str:
    lines = ["| features shuffled | held-out score drop (points) |", "|---|--:|"]
    for name, drop in sorted(drops.items(), key=lambda item: -item[1])[:count]:
        lines.append(f"| {name} | {drop:.2f} |")
    return "\n".join(lines)




# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the FNC-1 folder (default: ../shared/data/fnc-1)")
    parser.add_argument("--limit", type=int, help="bodies per split, drawn at random")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                        help="where parsed Docs are cached (default: ~/.cache/consilience-bench)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--entities", action="store_true",
                        help="give claims the tagger's entity mentions as entities (keyed by "
                             "surface text); by default names stay plain words of the claim")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    logging.getLogger("consilience").setLevel(logging.WARNING)
    if not (args.data / "train_stances.csv").is_file():
        print(f"FNC-1 not found under {args.data}")
        return 1
    if args.limit is not None and args.limit < 2:
        parser.error("--limit must be at least 2")
    timings: dict[str, float] = {}
    started = time.perf_counter()

    train = fnc_data.load_split(args.data, "train")
    test = fnc_data.load_split(args.data, "test")
    if args.limit:
        train = fnc_data.limit_bodies(train, args.limit, SEED)
        test = fnc_data.limit_bodies(test, args.limit, SEED)
    LOGGER.info("train: %d bodies, %d pairs; test: %d bodies, %d pairs", len(train.bodies),
                len(train.pairs), len(test.bodies), len(test.pairs))

    nlp = load_pipeline(None)
    cache = DocCache(args.cache_dir)
    clock = time.perf_counter()
    headline_texts = sorted({pair.headline for split in (train, test) for pair in split.pairs})
    headline_list = read_claims(nlp, cache, headline_texts,
                                partial(headline_claim, entities=args.entities), "headlines")
    headlines = dict(zip(headline_texts, headline_list, strict=True))
    bodies: dict[str, dict[int, list[Claim]]] = {}
    for split in (train, test):
        ids = sorted(split.bodies)
        claims = read_claims(nlp, cache, [split.bodies[body] for body in ids],
                             partial(body_claims, entities=args.entities), f"{split.name} bodies")
        bodies[split.name] = dict(zip(ids, claims, strict=True))
    cache.close()
    timings["parse and read claims (s)"] = time.perf_counter() - clock
    claim_count = sum(len(claims) for split in bodies.values() for claims in split.values())
    LOGGER.info("%d body claims", claim_count)

    clock = time.perf_counter()
    ours = {split.name: consilience_matrix(split.pairs, headlines, bodies[split.name])
            for split in (train, test)}
    pair_count = len(train.pairs) + len(test.pairs)
    timings["stance features (s)"] = time.perf_counter() - clock
    timings["stance features per pair (ms)"] = 1000 * timings["stance features (s)"] / pair_count

    clock = time.perf_counter()
    tfidf = Tfidf().fit([*{pair.headline for pair in train.pairs}, *train.bodies.values()])
    theirs = {split.name: tfidf.matrix(split.pairs, split.bodies) for split in (train, test)}
    timings["tf-idf features (s)"] = time.perf_counter() - clock

    train_gold = [pair.stance for pair in train.pairs]
    test_gold = [pair.stance for pair in test.pairs]
    fit, held = fnc_data.split_by_topic(train.pairs, HELD_OUT, SEED)
    held_gold = [train_gold[index] for index in held]

    results: list[Result] = []
    threshold = tune_threshold(theirs["train"][:, 0], train_gold)
    predicted = np.where(theirs["test"][:, 0] >= threshold, "discuss", "unrelated").tolist()
    results.append(evaluate("TF-IDF threshold (all related = discuss)", test_gold, predicted,
                            settings=f"cosine >= {threshold:.3f}"))

    systems = {
        "(a) TF-IDF features + GBDT": lambda name: theirs[name],
        "(b) consilience features + GBDT": lambda name: ours[name],
        "(c) consilience + TF-IDF + GBDT": lambda name: np.hstack([ours[name], theirs[name]]),
    }
    models: dict[str, tuple[TwoStage, TwoStage]] = {}
    clock = time.perf_counter()
    for system, features_of in systems.items():
        features = features_of("train")
        chosen, held_score = tune(features, train_gold, fit, held)
        LOGGER.info("%s: held-out %.2f with %s", system, held_score, chosen)
        tuned = TwoStage(chosen.learning_rate, chosen.max_leaf_nodes)
        tuned.fit(features[fit], [train_gold[index] for index in fit])
        tuned.threshold, tuned.weights = chosen.threshold, chosen.weights
        final = TwoStage(chosen.learning_rate, chosen.max_leaf_nodes, chosen.threshold,
                         chosen.weights).fit(features, train_gold)
        models[system] = (tuned, final)
        settings = (f"lr {chosen.learning_rate}, leaves {chosen.max_leaf_nodes}, related if "
                    f"P >= {chosen.threshold:.2f}, weights {chosen.weights}")
        results.append(evaluate(system, test_gold, final.predict(features_of("test")),
                                held_score, settings))
    timings["tune, fit and predict (s)"] = time.perf_counter() - clock
    results.append(quoted("official FNC-1 baseline (quoted, SOURCE.md)", OFFICIAL_BASELINE))
    results.append(quoted("winner, SOLAT in the SWEN (quoted)", WINNER))

    # What mattered: shuffle feature groups (and single features) of (b) on held-out bodies.
    tuned = models["(b) consilience features + GBDT"][0]
    held_features = ours["train"][held]
    index = {name: column for column, name in enumerate(FEATURE_NAMES)}
    group_drops = permutation_drop(tuned, held_features, held_gold, {
        name: [index[feature] for feature in names] for name, names in FEATURE_GROUPS.items()})
    single_drops = permutation_drop(tuned, held_features, held_gold,
                                    {name: [column] for name, column in index.items()})
    timings["total (s)"] = time.perf_counter() - started

    print(f"FNC-1 competition test set: {len(test.pairs)} pairs, {len(test.bodies)} bodies; "
          f"trained on {len(train.pairs)} pairs, {len(train.bodies)} bodies "
          f"(held out for tuning: {len(held)} pairs, {round(HELD_OUT * 100)}% of the bodies, "
          f"by topic)")
    print(f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, spaCy "
          f"{spacy.__version__}, model {model_label(nlp)}\n")
    print(table(results))
    print()
    for result in results:
        if result.settings and result.matrix:
            print(f"- {result.system}: {result.settings}")
    print()
    for result in results:
        if result.matrix:
            print(confusion(result))
            print()
    print("Held-out score drop when a group of consilience features is shuffled (system b):\n")
    print(importance_table(group_drops, len(group_drops)))
    print("\nThe ten single features whose shuffling costs the most:\n")
    print(importance_table(single_drops, 10))
    print("\n| timing | value |\n|---|--:|")
    for name, value in timings.items():
        print(f"| {name} | {value:.2f} |")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "spacy": spacy.__version__, "model": model_label(nlp)},
            "limit": args.limit, "entities": args.entities,
            "pairs": {"train": len(train.pairs), "test": len(test.pairs)},
            "results": [result.__dict__ for result in results],
            "importance": {"groups": group_drops, "features": single_drops},
            "timings": timings}, indent=2, default=float) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
