"""Cross-document entity resolution: `consilience.resolve.resolve_entities` against gold chains.

Four parts, each printed as Markdown to stdout (progress goes to stderr):

a. seed gold: `analyze` on examples/japan-2plus2, checked against ../shared/gold/japan-2plus2.json
   (an entity is found when all its aliases are in one output entity; a wrong merge is an output
   entity holding aliases of two gold entities);
b. ECB+ test topics 36-45 and dev topics (Cybulska & Vossen 2015 split), gold mentions given to
   the resolver per topic (all documents of a topic in one call), scored with MUC, B-cubed,
   CEAF-e and CoNLL F1 against the cross-document chains, next to two string baselines;
c. NewsWCL50, the same per topic (five outlets' articles in one call);
d. speed: `resolve_entities` alone against the whole `analyze` on the seed story.

    python benchmarks/entities.py [--shared ../shared] [--json out.json] [--topics 36,37]
                                  [--parts seed,ecb,newswcl,speed]

Corpora are read in place and never copied; a missing corpus is skipped with a printed line.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import platform
import re
import statistics
import sys
import time
import traceback
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import spacy
from spacy.tokens import Doc

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.entities, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import consilience
import coref_metrics
import corpora
from consilience import AnalyzeConfig, Article, Entity, Mention, Span
from consilience.annotate import annotate, extract_mentions, load_pipeline, model_label
from consilience.resolve import resolve_entities
from corpora import GoldDoc, GoldMention

LOGGER = logging.getLogger("entities")
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "japan-2plus2"
PARTS = ("seed", "ecb", "newswcl", "speed")
MENTION_SETS = ("capitalised", "all")
SYSTEMS = ("resolver", "A: exact lowercase", "B: stripped + head")
BATCH_SIZE = AnalyzeConfig().batch_size

Key = tuple[str, int, int]  # (article, start, end): how output spans map back to gold mentions


# --- the systems ---------------------------------------------------------------------------

@dataclass(slots=True)
class Mapping:
    """How an output partition was mapped back onto the gold mentions."""

    dropped: int = 0  # gold mentions in no output entity: scored as singletons
    repeated: int = 0  # a gold mention in a second output entity: the first one kept
    unknown: int = 0  # output spans that are no gold mention: ignored
    failed: int = 0  # calls that raised: scored as all singletons

    def add(self, other: Mapping) -> None:
        self.dropped += other.dropped
        self.repeated += other.repeated
        self.unknown += other.unknown
        self.failed += other.failed


def partition_from_entities(entities: Iterable[Entity], gold: Sequence[Key]
                            ) -> tuple[list[set[Key]], Mapping]:
    """Output entities as clusters of gold mention keys; unseen gold mentions are singletons."""
    known = set(gold)
    owner: dict[Key, int] = {}
    mapping = Mapping()
    clusters: list[set[Key]] = []
    for entity in entities:
        cluster: set[Key] = set()
        for span in entity.mentions:
            key = (span.article, span.start, span.end)
            if key not in known:
                mapping.unknown += 1
            elif key in owner:
                if owner[key] != len(clusters):
                    mapping.repeated += 1
            else:
                owner[key] = len(clusters)
                cluster.add(key)
        clusters.append(cluster)
    for key in gold:
        if key not in owner:
            mapping.dropped += 1
            clusters.append({key})
    return [cluster for cluster in clusters if cluster], mapping


class UnionFind:
    def __init__(self, items: Iterable[Hashable]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: Hashable) -> Hashable:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb

    def groups(self) -> list[set[Hashable]]:
        found: dict[Hashable, set[Hashable]] = defaultdict(set)
        for item in self.parent:
            found[self.find(item)].add(item)
        return list(found.values())


def link_by(mentions: Sequence[GoldMention], keys: Callable[[GoldMention], Iterable[str]]
            ) -> list[set[Key]]:
    """Clusters of mentions that share any key (transitively)."""
    groups = UnionFind(mention.key for mention in mentions)
    first: dict[str, Key] = {}
    for mention in mentions:
        for key in keys(mention):
            if key in first:
                groups.union(mention.key, first[key])
            else:
                first[key] = mention.key
    return [set(group) for group in groups.groups()]  # type: ignore[arg-type]


def _words(text: str) -> list[str]:
    return text.split()


def baseline_exact(mentions: Sequence[GoldMention]) -> list[set[Key]]:
    """Baseline A: mentions with the same lowercased text are one entity."""
    return link_by(mentions, lambda mention: [" ".join(_words(mention.text)).casefold()])


# Leading words baseline B strips (lowercased, final '.' removed): determiners and titles.
STRIPPED = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "mr", "mrs", "ms", "miss", "mx", "dr",
    "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend", "fr", "father",
    "sister", "president", "vice", "prime", "minister", "secretary", "chancellor", "premier",
    "governor", "gov", "senator", "sen", "representative", "rep", "congressman", "congresswoman",
    "mayor", "judge", "justice", "attorney", "general", "gen", "lt", "col", "maj", "capt", "sgt",
    "cpl", "pvt", "adm", "admiral", "commander", "officer", "detective", "det", "inspector",
    "chief", "sheriff", "deputy", "ambassador", "king", "queen", "prince", "princess", "pope",
    "saint", "st", "former", "late", "ceo", "chairman", "chairwoman", "director", "coach",
})


def strip_titles(text: str) -> list[str]:
    words = _words(text)
    while len(words) > 1 and words[0].casefold().rstrip(".") in STRIPPED:
        words = words[1:]
    return words


_POSSESSIVE_WORDS = frozenset({"'s", "’s", "'", "’"})


def capitalised_head(words: Sequence[str]) -> str | None:
    """The head word (the last word, past punctuation and a possessive 's), casefolded, when it
    is capitalised; else None. ("Warren Jeffs" and "Jeffs" share the head "jeffs"; "Obama
    administration" has no capitalised head.)"""
    for word in reversed(words):
        if word in _POSSESSIVE_WORDS or not any(char.isalnum() for char in word):
            continue
        return word.casefold() if word[:1].isupper() else None
    return None


def baseline_head(mentions: Sequence[GoldMention]) -> list[set[Key]]:
    """Baseline B: same text once leading determiners and titles are stripped, or the same
    capitalised head word (the last word, when capitalised), transitively."""
    def keys(mention: GoldMention) -> list[str]:
        words = strip_titles(mention.text)
        found = ["text:" + " ".join(words).casefold()]
        head = capitalised_head(words)
        if head is not None:
            found.append("head:" + head)
        return found
    return link_by(mentions, keys)


# --- gold mentions as resolver input -------------------------------------------------------

def _label(doc: Doc, start: int, end: int) -> str:
    """The NER label of the entity that overlaps [start, end) most, else ''."""
    best, label = 0, ""
    for ent in doc.ents:
        if ent.start_char >= end:
            break
        overlap = min(end, ent.end_char) - max(start, ent.start_char)
        if overlap > best:
            best, label = overlap, ent.label_
    return label


def resolver_inputs(documents: Sequence[GoldDoc], docs: Sequence[Doc],
                    selected: Sequence[GoldMention]) -> tuple[list[Article], list[Mention]]:
    articles = [Article(id=document.name, source=document.name, text=document.text)
                for document in documents]
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for mention in selected:
        by_doc[mention.doc].append(mention)
    mentions: list[Mention] = []
    for document, doc in zip(documents, docs, strict=True):
        starts = [sent.start_char for sent in doc.sents]
        for gold in sorted(by_doc[document.name], key=lambda m: (m.start, m.end)):
            sentence = max(bisect_right(starts, gold.start) - 1, 0)
            mentions.append(Mention(Span(document.name, gold.start, gold.end, gold.text),
                                    _label(doc, gold.start, gold.end), sentence))
    return articles, mentions


# --- scoring over topics -------------------------------------------------------------------

@dataclass(slots=True)
class Pool:
    """Key and responses pooled over topics (chains never cross topics, so pooling is the
    usual micro-averaged score)."""

    key: list[set[Key]] = field(default_factory=list)
    responses: dict[str, list[set[Key]]] = field(default_factory=lambda: defaultdict(list))
    mapping: Mapping = field(default_factory=Mapping)
    mentions: int = 0
    topics: int = 0
    documents: int = 0
    resolver_s: float = 0.0


def chains(mentions: Iterable[GoldMention]) -> list[set[Key]]:
    found: dict[str, set[Key]] = defaultdict(set)
    for mention in mentions:
        found[mention.chain].add(mention.key)
    return list(found.values())


def run_resolver(documents: Sequence[GoldDoc], docs: Sequence[Doc],
                 selected: Sequence[GoldMention]) -> tuple[list[set[Key]], Mapping, float]:
    articles, mentions = resolver_inputs(documents, docs, selected)
    gold = [mention.key for mention in selected]
    start = time.perf_counter()
    try:
        entities = resolve_entities(articles, docs, mentions)
    except Exception:  # the resolver is under development: report, score as singletons
        LOGGER.error("resolve_entities failed:\n%s", traceback.format_exc())
        return [{key} for key in gold], Mapping(failed=1, dropped=len(gold)), 0.0
    seconds = time.perf_counter() - start
    partition, mapping = partition_from_entities(entities, gold)
    return partition, mapping, seconds


def evaluate_topic(pools: dict[str, Pool], documents: Sequence[GoldDoc], docs: Sequence[Doc],
                   selectors: dict[str, Callable[[GoldMention], bool]]) -> None:
    every = [mention for document in documents for mention in document.mentions]
    for name, keep in selectors.items():
        selected = [mention for mention in every if keep(mention)]
        pool = pools[name]
        pool.topics += 1
        pool.documents += len(documents)
        if not selected:
            continue
        pool.mentions += len(selected)
        pool.key.extend(chains(selected))
        partition, mapping, seconds = run_resolver(documents, docs, selected)
        pool.responses[SYSTEMS[0]].extend(partition)
        pool.mapping.add(mapping)
        pool.resolver_s += seconds
        pool.responses[SYSTEMS[1]].extend(baseline_exact(selected))
        pool.responses[SYSTEMS[2]].extend(baseline_head(selected))


def score_pools(corpus: str, split: str, pools: dict[str, Pool]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, pool in pools.items():
        for system in SYSTEMS:
            scores = coref_metrics.score(pool.key, pool.responses[system])
            row: dict[str, object] = {
                "corpus": corpus, "split": split, "mentions_set": name, "system": system,
                "topics": pool.topics, "documents": pool.documents, "mentions": pool.mentions,
                "chains": len(pool.key),
                "response_entities": len(pool.responses[system]),
                "conll_f1": scores.conll,
            }
            for metric in ("muc", "b3", "ceafe"):
                value: coref_metrics.Score = getattr(scores, metric)
                row[f"{metric}_recall"] = value.recall
                row[f"{metric}_precision"] = value.precision
                row[f"{metric}_f1"] = value.f1
            if system == SYSTEMS[0]:
                row.update(dropped=pool.mapping.dropped, repeated=pool.mapping.repeated,
                           unknown=pool.mapping.unknown, failed=pool.mapping.failed,
                           resolver_s=pool.resolver_s)
            rows.append(row)
    return rows


def coref_table(rows: Sequence[dict[str, object]]) -> str:
    lines = [
        "| mentions | system | mentions / chains / response entities | MUC F1 | B3 F1 "
        "| CEAF-e F1 | CoNLL F1 | B3 R / P |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['mentions_set']} | {row['system']} "
            f"| {row['mentions']} / {row['chains']} / {row['response_entities']} "
            f"| {row['muc_f1']:.3f} | {row['b3_f1']:.3f} | {row['ceafe_f1']:.3f} "
            f"| **{row['conll_f1']:.3f}** "
            f"| {row['b3_recall']:.2f} / {row['b3_precision']:.2f} |")
    return "\n".join(lines)


def resolver_notes(rows: Sequence[dict[str, object]]) -> str:
    notes = []
    for row in rows:
        if row["system"] != SYSTEMS[0]:
            continue
        notes.append(
            f"resolver on {row['mentions_set']}: {row['dropped']} gold mention(s) in no output "
            f"entity (scored as singletons), {row['repeated']} in a second entity, "
            f"{row['unknown']} output span(s) not gold, {row['failed']} failed call(s), "
            f"{row['resolver_s']:.2f} s in resolve_entities")
    return "\n".join(f"- {note}" for note in notes)


def parse(nlp: spacy.language.Language, documents: Sequence[GoldDoc]) -> list[Doc]:
    return list(nlp.pipe([document.text for document in documents], batch_size=BATCH_SIZE))


SELECTORS: dict[str, Callable[[GoldMention], bool]] = {
    "capitalised": lambda mention: mention.named,
    "all": lambda mention: True,
}


def run_ecb(shared: Path, nlp: spacy.language.Language, splits: dict[str, Sequence[int]],
            annotated_only: bool = False) -> list[dict[str, object]]:
    root = corpora.ecb_root(shared)
    if not root.is_dir():
        print(f"ECB+ skipped: no corpus at {root}\n")
        return []
    annotated = corpora.ecb_annotated_sentences(shared)
    if annotated_only and annotated is None:
        print("ECB+ skipped: --ecb-sentences annotated needs ECBplus_coreference_sentences.csv\n")
        return []
    results: list[dict[str, object]] = []
    for split, topics in splits.items():
        pools = {name: Pool() for name in SELECTORS}
        stats = corpora.ReadStats()
        outside = 0  # chain mentions outside the sentences the corpus lists as annotated
        start = time.perf_counter()
        for topic in topics:
            documents = corpora.read_ecb_topic(shared, topic, stats)
            if not documents:
                LOGGER.warning("ECB+ topic %s: no documents", topic)
                continue
            if annotated is not None:
                inside = [[m for m in d.mentions if (d.name, m.sentence) in annotated]
                          for d in documents]
                outside += sum(len(d.mentions) - len(kept)
                               for d, kept in zip(documents, inside, strict=True))
                if annotated_only:
                    documents = [replace(d, mentions=tuple(kept))
                                 for d, kept in zip(documents, inside, strict=True)]
            docs = parse(nlp, documents)
            evaluate_topic(pools, documents, docs, SELECTORS)
            LOGGER.info("ECB+ %s topic %s: %d documents, %d mentions (%.0f s so far)", split,
                        topic, len(documents), sum(len(d.mentions) for d in documents),
                        time.perf_counter() - start)
        rows = score_pools("ECB+", split, pools)
        results.extend(rows)
        print(f"### ECB+ {split} topics {','.join(map(str, topics))}\n")
        where = (f"only the {stats.mentions - outside} in the sentences listed in "
                 f"ECBplus_coreference_sentences.csv kept" if annotated_only else
                 f"{outside} of them outside the sentences listed in "
                 f"ECBplus_coreference_sentences.csv, kept")
        print(f"{pools['all'].documents} documents; {stats.mentions} entity mentions in "
              f"cross-document chains ({where}; {stats.duplicate_spans} duplicate spans "
              f"dropped, {stats.discontinuous} discontinuous); "
              f"{pools['capitalised'].mentions} capitalised.\n")
        print(coref_table(rows))
        print()
        print(resolver_notes(rows))
        print()
    return results


def run_newswcl(shared: Path, nlp: spacy.language.Language) -> list[dict[str, object]]:
    path = corpora.newswcl_path(shared)
    if not path.is_file():
        print(f"NewsWCL50 skipped: no corpus at {path}\n")
        return []
    stats = corpora.ReadStats()
    documents = corpora.read_newswcl(path, stats=stats)
    topics = corpora.newswcl_topics(documents)
    selectors = {"named": SELECTORS["capitalised"], "all": SELECTORS["all"]}
    pools = {name: Pool() for name in selectors}
    start = time.perf_counter()
    for topic, members in topics.items():
        docs = parse(nlp, members)
        evaluate_topic(pools, members, docs, selectors)
        LOGGER.info("NewsWCL50 topic %s: %d documents (%.0f s so far)", topic, len(members),
                    time.perf_counter() - start)
    rows = score_pools("NewsWCL50", "all topics", pools)
    print(f"### NewsWCL50, {len(topics)} topics\n")
    print(f"{len(documents)} documents; {stats.mentions} mentions of entity chains "
          f"({', '.join(corpora.NEWSWCL_ENTITY_TYPES)}); {stats.duplicate_spans} mention(s) "
          f"annotated in two chains kept in the first only; "
          f"{pools['named'].mentions} named.\n")
    print(coref_table(rows))
    print()
    print(resolver_notes(rows))
    print()
    return rows


# --- a. the seed gold ----------------------------------------------------------------------

_LEADING_THE = re.compile(r"^the\s+")


def alias_key(text: str) -> str:
    return _LEADING_THE.sub("", " ".join(text.split()).casefold())


def entity_names(entity: Entity) -> set[str]:
    return {alias_key(alias.text) for alias in entity.aliases} | \
           {alias_key(span.text) for span in entity.mentions}


def check_seed_gold(entities: Sequence[Entity], gold: Sequence[dict]) -> dict[str, object]:
    names = [entity_names(entity) for entity in entities]
    found: list[str] = []
    missed: list[dict[str, object]] = []
    for item in gold:
        aliases = {alias_key(alias) for alias in item["aliases"]}
        if any(aliases <= have for have in names):
            found.append(item["name"])
            continue
        where = {alias: [entities[index].name for index, have in enumerate(names)
                         if alias in have] for alias in sorted(aliases)}
        # Where a missing alias only occurs inside a longer name ("President Donald Trump").
        inside = {alias: sorted({text for have in names for text in have
                                 if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text)})
                  for alias, found_in in where.items() if not found_in}
        missed.append({"name": item["name"], "aliases": where, "inside": inside})
    merges: list[dict[str, object]] = []
    for entity, have in zip(entities, names, strict=True):
        hit = [item["name"] for item in gold
               if any(alias_key(alias) in have for alias in item["aliases"])]
        if len(hit) > 1:
            merges.append({"entity": entity.name, "gold": hit})
    return {"gold": len(gold), "found": found, "missed": missed, "wrong_merges": merges,
            "output_entities": len(entities)}


def run_seed(shared: Path) -> dict[str, object] | None:
    path = shared / "gold" / "japan-2plus2.json"
    if not path.is_file() or not SEED.is_dir():
        print(f"Seed gold skipped: no {path} or {SEED}\n")
        return None
    gold = json.loads(path.read_text(encoding="utf-8"))["entities"]
    analysis = consilience.analyze([SEED], AnalyzeConfig(use_cache=False))
    result = check_seed_gold(analysis.story.entities, gold)
    print("### Seed story (japan-2plus2) against shared/gold\n")
    print("| gold entities | found | wrong merges | output entities |")
    print("|--:|--:|--:|--:|")
    print(f"| {result['gold']} | {len(result['found'])}/{result['gold']} "
          f"| {len(result['wrong_merges'])} | {result['output_entities']} |\n")
    for item in result["missed"]:
        parts = "; ".join(
            f"{alias!r} in {', '.join(map(repr, where))}" if where else
            f"{alias!r} in no entity" + (f" (only inside {', '.join(map(repr, inside))})"
                                         if (inside := item["inside"].get(alias)) else "")
            for alias, where in item["aliases"].items())
        print(f"- missed {item['name']}: {parts}")
    for item in result["wrong_merges"]:
        print(f"- wrong merge: output entity {item['entity']!r} holds {', '.join(item['gold'])}")
    print()
    return result


# --- d. speed ------------------------------------------------------------------------------

def timed(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def run_speed(repeat: int) -> dict[str, object]:
    config = AnalyzeConfig(use_cache=False)
    nlp = load_pipeline(config.model)
    analysis = consilience.analyze([SEED], config)  # warm-up, and the inputs for resolution
    articles = list(analysis.story.articles)
    docs = annotate(articles, nlp, None, config.batch_size).docs
    mentions = [mention for article, doc in zip(articles, docs, strict=True)
                for mention in extract_mentions(article, doc)]
    resolve_times: list[float] = []
    analyze_times: list[float] = []
    for _ in range(repeat):
        analyze_times.append(timed(lambda: consilience.analyze([SEED], config)))
        resolve_times.append(timed(lambda: resolve_entities(articles, docs, mentions)))
    resolve_s = statistics.median(resolve_times)
    analyze_s = statistics.median(analyze_times)
    result = {"articles": len(articles), "mentions": len(mentions), "repeat": repeat,
              "resolve_s": resolve_s, "analyze_s": analyze_s, "ratio": resolve_s / analyze_s}
    print(f"### Speed on the seed story (median of {repeat}, cache off, model loaded)\n")
    print("| articles | mentions | resolve_entities s | analyze s | resolution / analyze |")
    print("|--:|--:|--:|--:|--:|")
    print(f"| {len(articles)} | {len(mentions)} | {resolve_s:.4f} | {analyze_s:.3f} "
          f"| {100 * result['ratio']:.1f}% |\n")
    return result


# --- main ----------------------------------------------------------------------------------

def topic_list(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of topics: {text}") \
            from None


def part_list(text: str) -> list[str]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in parts if part not in PARTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part(s) {unknown}; choose from {PARTS}")
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding gold/ and data/ (default: ../shared)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--topics", type=topic_list,
                        help="ECB+ topics to evaluate instead of the dev and test splits "
                             "(comma-separated, e.g. 36,37)")
    parser.add_argument("--parts", type=part_list, default=list(PARTS),
                        help=f"which parts to run (default: {','.join(PARTS)})")
    parser.add_argument("--ecb-sentences", choices=("all", "annotated"), default="all",
                        help="ECB+ mentions from all sentences (default) or only from those "
                             "listed in ECBplus_coreference_sentences.csv")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (median)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    for noisy in ("consilience", "trafilatura"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    began = time.perf_counter()
    nlp = load_pipeline(AnalyzeConfig().model)
    nlp("Warm up the pipeline.")
    facts = {"cpus": os.cpu_count(), "python": platform.python_version(),
             "platform": platform.platform(), "spacy": spacy.__version__,
             "model": model_label(nlp)}
    print(f"Machine: {facts['cpus']} CPUs, Python {facts['python']}, spaCy {facts['spacy']}, "
          f"model {facts['model']} ({facts['platform']})\n")
    results: dict[str, object] = {"machine": facts}
    if "seed" in args.parts:
        results["seed"] = run_seed(args.shared)
    if "ecb" in args.parts:
        splits = ({"selected": args.topics} if args.topics else
                  {"test": corpora.ECB_TEST_TOPICS, "dev": corpora.ECB_DEV_TOPICS})
        results["ecb"] = run_ecb(args.shared, nlp, splits, args.ecb_sentences == "annotated")
    if "newswcl" in args.parts:
        results["newswcl"] = run_newswcl(args.shared, nlp)
    if "speed" in args.parts:
        results["speed"] = run_speed(args.repeat)
    results["seconds"] = time.perf_counter() - began
    LOGGER.info("done in %.0f s", results["seconds"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
