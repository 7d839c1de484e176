"""Copied passages: detection of passages injected into real articles, against two baselines.

    python benchmarks/copies.py [--shared ../shared] [--pairs 200] [--seed 7] [--json out.json]

Pairs of real, unrelated articles (ECB+ documents of different topics; PolNeAR dev texts of
different publishers; half each when both corpora are present, a corpus is skipped when
absent). Into the target of each pair goes one passage of the source: 1-3 consecutive
sentences, 25-150 words, as a paragraph of its own at a paragraph boundary (ECB+ texts have
one sentence a line, so a line break counts as one there). A third of the injections are
verbatim, a third have one word replaced about every 15 words, a third have one of their
sentences dropped.

Each system gets the two articles and returns passages of the target. Scores, pooled over the
pairs of a condition, at the character level against the injected range (from its first to
its last letter or digit): recall = injected characters inside a detected passage / injected
characters, precision = detected characters inside the injected range / detected characters;
"found" = injections with any detected character. False copies: the same pairs before the
injection, where any copy found is counted (the articles are unrelated, but may share a
standard line or a quote; the report lists what was found).

Systems: `find_copies` (MinHash LSH candidates, aligned with gap tolerance), the same with
8-word shingles instead of the default 4, and two baselines run on the same pairs: (A) exact
matching blocks of at least 20 words from difflib (no editing tolerance); (B) a plain 8-gram
detector: target words inside an 8-word sequence that also occurs in the source, a copy when
they make at least 20 words.

Scaling: articles of ECB+ (in topic order) and all PolNeAR dev texts taken as one story:
passages, LSH candidate passage pairs against all cross-article passage pairs, article pairs
aligned, seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from consilience.models import Article
from consilience.provenance.copies import (
    SHINGLE,
    article_passages,
    candidate_pairs,
    find_copies,
    read_words,
)
from corpora import ecb_root, ecb_topic_files, read_ecb_document

LOGGER = logging.getLogger("copies")
ROOT = Path(__file__).resolve().parents[1]
MIN_WORDS = 20
CONDITIONS = ("verbatim", "edited: words", "edited: sentence dropped")
_WORD = re.compile(r"[^\W_]+")
_ALNUM = re.compile(r"[^\W_]")
_SENTENCE_BREAK = re.compile(r"\n+|(?:(?<=[.!?])|(?<=[.!?][\"”’']))[ \t]+(?=[\"“‘']?[A-Z0-9])")

Spans = list[tuple[int, int]]
Detector = Callable[[Article, Article], Spans]


@dataclass(frozen=True, slots=True)
class Document:
    corpus: str
    group: str  # ECB+ topic or PolNeAR publisher: pairs take two different groups
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Case:
    """One pair: the target with the passage injected at [start, end) of `injected`."""

    corpus: str
    condition: str
    source: Article
    target: Article
    injected: Article
    start: int
    end: int


# ---- corpora ----------------------------------------------------------------------------------

def ecb_documents(shared: Path, limit: int | None = None) -> list[Document]:
    """ECB+ documents in topic order (the first `limit`)."""
    root = ecb_root(shared)
    if not root.is_dir():
        return []
    paths = [path for topic in sorted(int(p.name) for p in root.iterdir() if p.name.isdigit())
             for path in ecb_topic_files(shared, topic)]
    return [Document("ECB+", path.parent.name, path.name, read_ecb_document(path).text)
            for path in paths[:limit]]


def ecb_sample(shared: Path, count: int, rng: random.Random) -> list[Document]:
    """`count` ECB+ documents drawn at random (only those are parsed)."""
    root = ecb_root(shared)
    if not root.is_dir():
        return []
    paths = [path for topic in sorted(int(p.name) for p in root.iterdir() if p.name.isdigit())
             for path in ecb_topic_files(shared, topic)]
    chosen = sorted(rng.sample(paths, min(count, len(paths))))
    return [Document("ECB+", path.parent.name, path.name, read_ecb_document(path).text)
            for path in chosen]


def polnear_documents(shared: Path) -> list[Document]:
    folder = shared / "data" / "polnear" / "data" / "dev" / "text"
    if not folder.is_dir():
        return []
    return [Document("PolNeAR dev", path.name.split("_")[0], path.stem,
                     path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))]


# ---- injection --------------------------------------------------------------------------------

def sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of `text` (a line break or a full stop before a
    capital ends one)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if text[start:match.start()].strip():
            ranges.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        ranges.append((start, len(text.rstrip())))
    return ranges


def words(text: str) -> int:
    return len(_WORD.findall(text))


def choose_passage(text: str, condition: str, rng: random.Random) -> list[str] | None:
    """1-3 consecutive sentences of 25-150 words (2-3, still 25 words after dropping the
    shortest one would leave fewer, for the sentence-dropped condition)."""
    found = sentences(text)
    options = []
    low = 2 if condition == CONDITIONS[2] else 1
    for size in range(low, 4):
        for index in range(len(found) - size + 1):
            parts = [text[a:b] for a, b in found[index:index + size]]
            total = sum(words(part) for part in parts)
            if 25 <= total <= 150 and (
                    condition != CONDITIONS[2]
                    or total - max(words(part) for part in parts) >= 25):
                options.append(parts)
    return rng.choice(options) if options else None


def edit_words(passage: str, replacements: Sequence[str], rng: random.Random) -> str:
    """One word replaced about every 15 words (the letters of the token, punctuation kept)."""
    tokens = passage.split(" ")
    index = rng.randrange(4, 12)
    while index < len(tokens):
        match = re.search(r"[A-Za-z]+", tokens[index])
        if match:
            new = rng.choice([word for word in replacements
                              if word.casefold() != match.group().casefold()])
            tokens[index] = tokens[index][:match.start()] + new + tokens[index][match.end():]
        index += rng.randrange(12, 19)
    return " ".join(tokens)


def make_passage(parts: list[str], condition: str, replacements: Sequence[str],
                 rng: random.Random) -> str:
    if condition == CONDITIONS[2]:
        keep = list(parts)
        droppable = [index for index, part in enumerate(parts)
                     if sum(words(other) for other in parts) - words(part) >= 25]
        del keep[rng.choice(droppable)]
        parts = keep
    passage = " ".join(" ".join(part.split()) for part in parts)
    if condition == CONDITIONS[1]:
        passage = edit_words(passage, replacements, rng)
    return passage


def inject(text: str, passage: str, rng: random.Random) -> tuple[str, int, int]:
    """`text` with `passage` as a paragraph of its own at a random paragraph boundary, and
    the passage's character range."""
    separator = "\n\n" if "\n\n" in text else "\n"
    paragraphs = text.split(separator)
    at = rng.randrange(len(paragraphs) + 1)
    before = separator.join(paragraphs[:at])
    start = len(before) + (len(separator) if at else 0)
    joined = separator.join([*paragraphs[:at], passage, *paragraphs[at:]])
    assert joined[start:start + len(passage)] == passage
    return joined, start, start + len(passage)


def make_cases(documents: list[Document], count: int, rng: random.Random) -> list[Case]:
    """`count` pairs of documents of different groups, each with one injection."""
    cases: list[Case] = []
    tries = 0
    while len(cases) < count and tries < count * 20:
        tries += 1
        source, target = rng.sample(documents, 2)
        if source.group == target.group:
            continue
        condition = CONDITIONS[len(cases) % len(CONDITIONS)]
        parts = choose_passage(source.text, condition, rng)
        if parts is None:
            continue
        replacements = re.findall(r"[A-Za-z]{4,}", target.text) or ["word"]
        passage = make_passage(parts, condition, replacements, rng)
        text, start, end = inject(target.text, passage, rng)
        number = len(cases)
        cases.append(Case(
            source.corpus, condition,
            Article(id=f"s{number}", source=source.name, text=source.text),
            Article(id=f"t{number}", source=target.name, text=target.text),
            Article(id=f"t{number}", source=target.name, text=text),
            *trim(text, start, end)))
    return cases


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) narrowed to its first and last letter or digit."""
    inside = [match.start() for match in _ALNUM.finditer(text, start, end)]
    return (inside[0], inside[-1] + 1) if inside else (start, end)


# ---- systems ----------------------------------------------------------------------------------

def consilience_spans(source: Article, target: Article, shingle: int = SHINGLE) -> Spans:
    found: Spans = []
    for copy in find_copies([source, target], shingle=shingle, min_words=MIN_WORDS):
        spans = copy.spans if copy.article == target.id else copy.of_spans
        found.extend((span.start, span.end) for span in spans)
    return found


def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    matches = list(_WORD.finditer(text))
    return ([match.group().casefold() for match in matches],
            [(match.start(), match.end()) for match in matches])


def difflib_spans(source: Article, target: Article) -> Spans:
    """Baseline A: exact matching blocks of at least MIN_WORDS words."""
    left, _ = _tokens(source.text)
    right, offsets = _tokens(target.text)
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    return [(offsets[block.b][0], offsets[block.b + block.size - 1][1])
            for block in matcher.get_matching_blocks() if block.size >= MIN_WORDS]


def ngram_spans(source: Article, target: Article, size: int = 8) -> Spans:
    """Baseline B: runs of target words covered by 8-grams that occur in the source, when
    they add up to MIN_WORDS words."""
    left, _ = _tokens(source.text)
    right, offsets = _tokens(target.text)
    grams = {tuple(left[index:index + size]) for index in range(len(left) - size + 1)}
    covered = [False] * len(right)
    for index in range(len(right) - size + 1):
        if tuple(right[index:index + size]) in grams:
            covered[index:index + size] = [True] * size
    if sum(covered) < MIN_WORDS:
        return []
    runs: Spans = []
    for index, flag in enumerate(covered):
        if not flag:
            continue
        if runs and covered[index - 1]:
            runs[-1] = (runs[-1][0], offsets[index][1])
        else:
            runs.append(offsets[index])
    return runs


SYSTEMS: dict[str, Detector] = {
    f"consilience find_copies (shingle {SHINGLE})": consilience_spans,
    "find_copies with 8-word shingles": lambda source, target: consilience_spans(source, target,
                                                                                 8),
    "A: difflib exact blocks >= 20 words": difflib_spans,
    "B: shared 8-grams >= 20 words": ngram_spans,
}


# ---- scoring ----------------------------------------------------------------------------------

def covered_chars(spans: Spans) -> set[int]:
    return {index for start, end in spans for index in range(start, end)}


def evaluate(cases: list[Case], name: str, detect: Detector) -> dict[str, Any]:
    """Pooled character scores per condition and the false copies on the clean pairs."""
    totals = {condition: {"cases": 0, "found": 0, "gold": 0, "detected": 0, "hit": 0}
              for condition in CONDITIONS}
    false_copies: list[dict[str, str]] = []
    start = time.perf_counter()
    for case in cases:
        detected = covered_chars(detect(case.source, case.injected))
        gold = set(range(case.start, case.end))
        row = totals[case.condition]
        hit = len(detected & gold)
        row["cases"] += 1
        row["found"] += hit > 0
        row["gold"] += len(gold)
        row["detected"] += len(detected)
        row["hit"] += hit
        clean = detect(case.source, case.target)
        if clean:
            first = min(clean)
            false_copies.append({"corpus": case.corpus, "source": case.source.source,
                                 "target": case.target.source,
                                 "text": case.target.text[first[0]:first[1]][:160]})
    seconds = time.perf_counter() - start
    scores = {}
    for condition, row in totals.items():
        recall = row["hit"] / row["gold"] if row["gold"] else 0.0
        precision = row["hit"] / row["detected"] if row["detected"] else 0.0
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        scores[condition] = {"cases": row["cases"], "found": row["found"],
                             "recall": round(recall, 3), "precision": round(precision, 3),
                             "f1": round(f1, 3)}
    return {"system": name, "conditions": scores, "clean_pairs": len(cases),
            "false_copies": len(false_copies),
            "false_copy_rate": round(len(false_copies) / len(cases), 3) if cases else 0.0,
            "false_copy_examples": false_copies, "seconds": round(seconds, 2)}


def direction(cases: list[Case]) -> dict[str, int]:
    """How find_copies orients the injected pairs (undated: the smaller share copied)."""
    counts = {"target as copier": 0, "source as copier": 0, "no copy": 0}
    for case in cases:
        copies = find_copies([case.source, case.injected], min_words=MIN_WORDS)
        if not copies:
            counts["no copy"] += 1
        elif copies[0].article == case.injected.id:
            counts["target as copier"] += 1
        else:
            counts["source as copier"] += 1
    return counts


# ---- scaling ----------------------------------------------------------------------------------

def scaling(documents: list[Document], label: str) -> dict[str, Any]:
    """Candidate passage pairs against all pairs for `documents` taken as one story."""
    articles = [Article(id=f"d{index}", source=doc.name, text=doc.text)
                for index, doc in enumerate(documents)]
    sizes = [len(article_passages(read_words(article.text), index, SHINGLE))
             for index, article in enumerate(articles)]
    all_pairs = (sum(sizes) ** 2 - sum(size * size for size in sizes)) // 2
    candidates = candidate_pairs(articles)
    article_pairs = {(left.article, right.article) for left, right in candidates}
    start = time.perf_counter()
    copies = find_copies(articles)
    seconds = time.perf_counter() - start
    count = len(articles)
    return {"corpus": label, "articles": count, "words": sum(words(a.text) for a in articles),
            "passages": sum(sizes), "candidate_passage_pairs": len(candidates),
            "all_passage_pairs": all_pairs,
            "compared_share": round(len(candidates) / all_pairs, 5) if all_pairs else 0.0,
            "article_pairs_aligned": len(article_pairs),
            "all_article_pairs": count * (count - 1) // 2, "copies": len(copies),
            "seconds": round(seconds, 2)}


# ---- main -------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", default="200,500",
                        help="ECB+ story sizes for the scaling table")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rng = random.Random(args.seed)
    polnear = polnear_documents(args.shared)
    ecb = ecb_sample(args.shared, 2 * args.pairs, rng)
    half = args.pairs // 2 if ecb and polnear else args.pairs
    corpora = [(docs, count) for docs, count in ((ecb, half), (polnear, args.pairs - half
                                                               if ecb else args.pairs))
               if docs and count]
    if not corpora:
        LOGGER.error("no corpus under %s", args.shared)
        return 1
    cases = [case for docs, count in corpora for case in make_cases(docs, count, rng)]
    LOGGER.info("%d pairs: %s", len(cases),
                {corpus: sum(case.corpus == corpus for case in cases)
                 for corpus in dict.fromkeys(case.corpus for case in cases)})
    results: dict[str, Any] = {"pairs": len(cases), "seed": args.seed,
                               "corpora": sorted({case.corpus for case in cases}),
                               "systems": [evaluate(cases, name, detect)
                                           for name, detect in SYSTEMS.items()],
                               "direction": direction(cases)}
    scale = []
    for size in (int(value) for value in args.scale.split(",") if value):
        documents = ecb_documents(args.shared, size)
        if documents:
            scale.append(scaling(documents, f"ECB+ first {len(documents)}"))
    if polnear:
        scale.append(scaling(polnear, f"PolNeAR dev ({len(polnear)})"))
    results["scaling"] = scale
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def render(results: dict[str, Any]) -> str:
    lines = [f"## Injected copies ({results['pairs']} pairs: {', '.join(results['corpora'])}; "
             f"seed {results['seed']})", "",
             "| system | condition | found | recall | precision | F1 |",
             "|---|---|--:|--:|--:|--:|"]
    for system in results["systems"]:
        for condition, row in system["conditions"].items():
            lines.append(f"| {system['system']} | {condition} | {row['found']}/{row['cases']} "
                         f"| {row['recall']:.3f} | {row['precision']:.3f} | {row['f1']:.3f} |")
    lines += ["", "| system | false copies on clean pairs | rate | seconds |",
              "|---|--:|--:|--:|"]
    for system in results["systems"]:
        lines.append(f"| {system['system']} | {system['false_copies']}/{system['clean_pairs']} "
                     f"| {system['false_copy_rate']:.1%} | {system['seconds']} |")
    for system in results["systems"]:
        for example in system["false_copy_examples"]:
            lines.append(f"- {system['system']}: {example['source']} / {example['target']}: "
                         f"\"{example['text']}\"")
    lines += ["", "Direction (undated pairs): " + ", ".join(
        f"{key} {value}" for key, value in results["direction"].items())]
    if results["scaling"]:
        lines += ["", "## Scaling (one story)", "",
                  "| corpus | articles | words | passages | candidate passage pairs | "
                  "all passage pairs | compared | article pairs aligned | all article pairs | "
                  "copies | seconds |", "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
        for row in results["scaling"]:
            lines.append(f"| {row['corpus']} | {row['articles']} | {row['words']} | "
                         f"{row['passages']} | {row['candidate_passage_pairs']} | "
                         f"{row['all_passage_pairs']} | {row['compared_share']:.3%} | "
                         f"{row['article_pairs_aligned']} | {row['all_article_pairs']} | "
                         f"{row['copies']} | {row['seconds']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
