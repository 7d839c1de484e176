"""Claims, facts, conflicts and the brief: quality on the seed gold, precision on a story with
a repeated article, cost within `analyze`, and how alignment scales.

    python benchmarks/facts.py [--shared ../shared] [--json results.json]

1. Seed gold (`shared/gold/japan-2plus2.json`, facts): gold facts found and the support-set
   Jaccard of the best matching fact (and of a one-to-one assignment). Target 12/12, >= 0.85.
   Baseline, same run: one fact per sentence, sentences grouped across articles when their
   TF-IDF cosine is at least 0.5 (a plain lexical aligner without slots or predicate classes).
2. Precision: the seed story with one article repeated under another name (with a line added so
   it is not dropped as an exact duplicate); conflicts not in the original. Target 0.
3. Speed: seconds of the claims, facts, conflicts and brief stages over the rest of `analyze`
   (annotation uncached), on the seed story and ECB+ stories. Target at most 30%. Likewise the
   provenance stage (quotes, citations, copies) over the rest of `analyze`: target 15%.
4. Scaling: claims, sentences, the sentence pairs scored (those alike at all, or the
   blocked candidates of a story over `AlignConfig.all_pairs` sentences) against all
   cross-article pairs, and the alignment time for stories of 10, 50 and 200 ECB+ articles.

FNC-1 stance detection is in `benchmarks/fnc.py`.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

import consilience
from consilience import AnalyzeConfig
from consilience.claims import AlignConfig, build_facts
from consilience.claims.sentence_space import SentenceSpace
from consilience.models import Analysis, Conflict, RawArticle
from fact_gold import gold_keys, match_facts

LOGGER = logging.getLogger("facts")
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "japan-2plus2"
CLAIM_STAGES = ("claims", "facts", "conflicts", "brief")
_WORD = re.compile(r"[a-z0-9][a-z0-9.%-]*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def analyse(paths: list[Path], use_cache: bool = True) -> Analysis:
    return consilience.analyze(paths, AnalyzeConfig(use_cache=use_cache))


# ---- 1. seed gold -------------------------------------------------------------------------

class _SentenceFact:
    """A baseline fact: sentences of several articles."""

    def __init__(self, identifier: str, text: str, spans: list[tuple[str, str]]):
        self.id = identifier
        self.text = text
        self.articles = tuple(dict.fromkeys(article for article, _ in spans))
        self.claims = [type("Claim", (), {"span": type("S", (), {"text": sentence})})()
                       for _, sentence in spans]


def baseline_facts(analysis: Analysis, threshold: float = 0.5) -> list[_SentenceFact]:
    """One fact per sentence; sentences of different articles joined (single link) when
    their TF-IDF cosine is at least `threshold`."""
    sentences = [(article.id, match.group().strip()) for article in analysis.story.articles
                 for match in _SENTENCE.finditer(article.text) if len(match.group().split()) > 3]
    bags = [Counter(_WORD.findall(text.casefold())) for _, text in sentences]
    frequency = Counter(word for bag in bags for word in bag)
    idf = {word: math.log(len(bags) / count) for word, count in frequency.items()}
    vectors = []
    for bag in bags:
        vector = {word: count * idf[word] for word, count in bag.items()}
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({word: value / norm for word, value in vector.items()})
    parent = list(range(len(sentences)))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for left in range(len(sentences)):
        for right in range(left + 1, len(sentences)):
            if sentences[left][0] == sentences[right][0]:
                continue
            shared = vectors[left].keys() & vectors[right].keys()
            if sum(vectors[left][word] * vectors[right][word] for word in shared) >= threshold:
                parent[find(right)] = find(left)
    groups: dict[int, list[int]] = {}
    for index in range(len(sentences)):
        groups.setdefault(find(index), []).append(index)
    return [_SentenceFact(f"b{number}", sentences[members[0]][1],
                          [sentences[index] for index in members])
            for number, members in enumerate(groups.values(), start=1)]


def seed_gold(shared: Path, analysis: Analysis) -> dict[str, Any]:
    gold_path = shared / "gold" / "japan-2plus2.json"
    if not gold_path.is_file():
        return {"skipped": f"no {gold_path}"}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["facts"]
    keys = gold_keys(analysis.story.articles)
    results: dict[str, Any] = {}
    for name, facts in (("consilience", list(analysis.story.facts)),
                        ("baseline: TF-IDF sentence grouping", baseline_facts(analysis))):
        matched = match_facts(gold, facts, keys)
        results[name] = {
            "facts": len(facts),
            "found": sum(match.found for match in matched),
            "gold": len(matched),
            "mean_jaccard": sum(match.jaccard for match in matched) / len(matched),
            "one_to_one_jaccard": sum(match.one_to_one_jaccard for match in matched)
            / len(matched),
            "per_fact": [asdict(match) for match in matched],
        }
    return results


# ---- 2. precision with a repeated article ---------------------------------------------------

def _conflict_key(conflict: Conflict) -> tuple[str, frozenset[str]]:
    return conflict.kind, frozenset(side.value.casefold() for side in conflict.sides)


def repeated_article(original: Analysis) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="consilience-bench-repeat-") as folder:
        target = Path(folder)
        for path in sorted(SEED.glob("*.txt")):
            shutil.copy(path, target / path.name)
        source = sorted(SEED.glob("*.txt"))[2]
        (target / "zz_repeated_copy.txt").write_text(
            source.read_text(encoding="utf-8") + "\n\nThis story was first published elsewhere.\n",
            encoding="utf-8")
        repeated = analyse([target])
    before = {_conflict_key(conflict) for conflict in original.story.conflicts}
    new = [conflict for conflict in repeated.story.conflicts
           if _conflict_key(conflict) not in before]
    return {"conflicts_before": len(original.story.conflicts),
            "conflicts_after": len(repeated.story.conflicts),
            "new_conflicts": len(new),
            "new": [conflict.summary for conflict in new]}


# ---- 3. speed ---------------------------------------------------------------------------------

def stage_ratio(paths: list[Path], label: str) -> dict[str, Any]:
    start = time.perf_counter()
    analysis = analyse(paths, use_cache=False)
    total = time.perf_counter() - start
    timings = dict(analysis.timings)
    claim_seconds = sum(timings.get(stage, 0.0) for stage in CLAIM_STAGES)
    provenance = timings.get("provenance", 0.0)
    rest = total - claim_seconds - provenance
    return {"corpus": label, "articles": len(analysis.story.articles),
            "claims": len(analysis.story.claims), "facts": len(analysis.story.facts),
            "conflicts": len(analysis.story.conflicts), "analyze_s": round(total, 3),
            "claim_stages_s": round(claim_seconds, 3),
            "stages": {stage: round(seconds, 4) for stage, seconds in timings.items()},
            "added": round(claim_seconds / rest, 3) if rest > 0 else None,
            "provenance_s": round(provenance, 3),
            "provenance_added": round(provenance / (total - provenance), 3)
            if total > provenance else None}


def ecb_documents(shared: Path) -> list[tuple[str, str, str]]:
    """(topic, name, text) of every ECB+ document, rebuilt from its tokens."""
    sys.path.insert(0, str(Path(__file__).parent))
    import corpora

    root = corpora.ecb_root(shared)
    documents = []
    if not root.is_dir():
        return documents
    for topic in sorted(int(path.name) for path in root.iterdir() if path.name.isdigit()):
        for path in corpora.ecb_topic_files(shared, topic):
            document = corpora.read_ecb_document(path)
            documents.append((str(topic), path.name, document.text))
    return documents


def write_articles(folder: Path, documents: list[tuple[str, str, str]]) -> list[Path]:
    paths = []
    for topic, name, text in documents:
        path = folder / f"{topic}_{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# ---- 4. scaling -------------------------------------------------------------------------------

def scaling(documents: list[tuple[str, str, str]], sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    results = []
    for size in sizes:
        chosen = documents[:size]
        raws = [RawArticle(source=f"{topic}/{name}", text=text, format="text")
                for topic, name, text in chosen]
        analysis = consilience.analyze_raw(raws, AnalyzeConfig())
        claims = list(analysis.story.claims)
        start = time.perf_counter()
        space = SentenceSpace(claims, AlignConfig())
        build_facts(analysis.story.articles, claims, space=space)
        seconds = time.perf_counter() - start
        pairs = space.scored_pairs(0.0)
        articles = Counter(space.articles)
        all_pairs = (len(space) ** 2 - sum(count * count for count in articles.values())) // 2
        results.append({"articles": len(analysis.story.articles), "claims": len(claims),
                        "sentences": len(space),
                        "pairs_scored": len(pairs), "all_cross_article_pairs": all_pairs,
                        "compared_share": round(len(pairs) / all_pairs, 4) if all_pairs else 0,
                        "align_s": round(seconds, 3)})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--sizes", default="10,50,200")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    results: dict[str, Any] = {}
    original = analyse([SEED])
    results["seed_gold"] = seed_gold(args.shared, original)
    results["repeated_article"] = repeated_article(original)
    speed = [stage_ratio([SEED], "seed story")]
    documents = ecb_documents(args.shared)
    if documents:
        by_topic = Counter(topic for topic, _, _ in documents)
        topic = max(by_topic, key=lambda name: (by_topic[name], name))
        with tempfile.TemporaryDirectory(prefix="consilience-bench-ecb-") as folder:
            paths = write_articles(Path(folder), [doc for doc in documents if doc[0] == topic])
            speed.append(stage_ratio(paths, f"ECB+ topic {topic} (the largest)"))
        with tempfile.TemporaryDirectory(prefix="consilience-bench-ecb50-") as folder:
            paths = write_articles(Path(folder), documents[:50])
            speed.append(stage_ratio(paths, "ECB+ first 50 documents"))
        sizes = tuple(int(size) for size in args.sizes.split(","))
        results["scaling"] = scaling(documents, sizes)
    results["speed"] = speed
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def render(results: dict[str, Any]) -> str:
    lines = ["## Seed gold facts", "", "| system | facts | found | mean Jaccard (best) | "
             "mean Jaccard (one-to-one) |", "|---|--:|--:|--:|--:|"]
    for name, row in results["seed_gold"].items():
        if isinstance(row, dict):
            lines.append(f"| {name} | {row['facts']} | {row['found']}/{row['gold']} | "
                         f"{row['mean_jaccard']:.3f} | {row['one_to_one_jaccard']:.3f} |")
    consilience_row = results["seed_gold"].get("consilience")
    if isinstance(consilience_row, dict):
        lines += ["", "| gold fact | found | Jaccard | fact | its articles |",
                  "|---|---|--:|---|---|"]
        for match in consilience_row["per_fact"]:
            lines.append(f"| {match['gold']} | {'yes' if match['found'] else 'no'} | "
                         f"{match['jaccard']:.2f} | {match['fact']} | "
                         f"{' '.join(match['articles'])} |")
    repeated = results["repeated_article"]
    lines += ["", "## Repeated article", "",
              f"conflicts before {repeated['conflicts_before']}, after "
              f"{repeated['conflicts_after']}, new {repeated['new_conflicts']}"]
    lines += [f"- {summary}" for summary in repeated["new"]]
    lines += ["", "## Speed", "", "| corpus | articles | claims | facts | conflicts | analyze s | "
              "claim stages s | added | provenance s | added |",
              "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for row in results["speed"]:
        lines.append(f"| {row['corpus']} | {row['articles']} | {row['claims']} | {row['facts']} "
                     f"| {row['conflicts']} | {row['analyze_s']} | {row['claim_stages_s']} | "
                     f"{row['added']:.1%} | {row['provenance_s']} | "
                     f"{row['provenance_added']:.1%} |")
    if results.get("scaling"):
        lines += ["", "## Scaling", "", "| articles | claims | pairs scored | all pairs | "
                  "compared | align s |", "|--:|--:|--:|--:|--:|--:|"]
        for row in results["scaling"]:
            lines.append(f"| {row['articles']} | {row['claims']} | {row['pairs_scored']} | "
                         f"{row['all_cross_article_pairs']} | {row['compared_share']:.1%} | "
                         f"{row['align_s']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
