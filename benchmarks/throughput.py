"""Throughput of `consilience.analyze` against plain `nlp.pipe` with the same spaCy pipeline.

Both sides see the same raw file texts with the model already loaded. The analyze side is the
whole product path: read files, clean, annotate, group entities, render JSON (contract checked).
The baseline is `spacy.load(choose_model())`, the bare model without consilience's components.
Runs alternate baseline/analyze and the median of `--repeat` runs is reported, because absolute
timings on a small shared machine are noisy; the ratio is what to compare between runs.

With `--jobs 1,2` each corpus is measured once per number of parsing processes: analyze with
`AnalyzeConfig(jobs=N)` against `nlp.pipe(n_process=P)`, P the processes analyze itself uses
for that corpus (`annotate.parse_processes`: one for a few short articles) and the same batch
size, so the ratio is what the analysis adds to the parse on the same cores.

    python benchmarks/throughput.py [--repeat 3] [--limit 200] [--jobs 1,2] [--json results.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import spacy
from spacy.language import Language

import consilience
from consilience import AnalyzeConfig
from consilience.annotate import choose_model, load_pipeline, model_label
from consilience.annotate.annotator import parse_processes, process_batch_size

LOGGER = logging.getLogger("throughput")
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "japan-2plus2"
BATCH_SIZE = AnalyzeConfig().batch_size
TARGET_RATIO = 1.3


@dataclass(frozen=True, slots=True)
class Result:
    corpus: str
    jobs: int
    processes: int
    articles: int
    words: int
    nlp_pipe_s: float
    analyze_s: float
    ratio: float
    articles_per_s: float
    words_per_s: float
    cached_s: float
    cache_speedup: float


def timed(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def run_analyze(directory: Path, config: AnalyzeConfig) -> consilience.Analysis:
    analysis = consilience.analyze([directory], config)
    consilience.render(analysis.story, "json", analysis.model)
    return analysis


def measure(name: str, directory: Path, baseline: Language, repeat: int, jobs: int) -> Result:
    """Median seconds of plain nlp.pipe, cold analyze and cache-warm analyze over `directory`,
    both parsing in the processes analyze chooses for `jobs`."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.txt"))]
    words = sum(len(text.split()) for text in texts)
    processes = parse_processes(jobs, texts)
    batch_size = process_batch_size(len(texts), BATCH_SIZE, processes)
    LOGGER.info("%s: %d articles, %d words; jobs %d: %d process(es)", name, len(texts), words,
                jobs, processes)
    cold = AnalyzeConfig(use_cache=False, jobs=jobs)
    pipe_times: list[float] = []
    analyze_times: list[float] = []
    cached_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="consilience-bench-cache-") as cache_dir:
        warm = AnalyzeConfig(use_cache=True, cache_dir=Path(cache_dir), jobs=jobs)
        analysis = run_analyze(directory, warm)  # fills the cache; untimed
        if analysis.problems:
            LOGGER.warning("%s: %d input problem(s), e.g. %s", name, len(analysis.problems),
                           analysis.problems[0])

        def pipe() -> None:
            for _doc in baseline.pipe(texts, batch_size=batch_size, n_process=processes):
                pass

        def full() -> None:
            run_analyze(directory, cold)

        for index in range(repeat):
            # Alternate which side goes first so drift on a noisy machine hits both alike.
            if index % 2 == 0:
                pipe_times.append(timed(pipe))
                analyze_times.append(timed(full))
            else:
                analyze_times.append(timed(full))
                pipe_times.append(timed(pipe))
            cached_times.append(timed(lambda: run_analyze(directory, warm)))
            LOGGER.info("%s jobs %d run %d/%d: nlp.pipe %.2fs, analyze %.2fs, cached %.2fs",
                        name, jobs, index + 1, repeat, pipe_times[-1], analyze_times[-1],
                        cached_times[-1])
    pipe_s = statistics.median(pipe_times)
    analyze_s = statistics.median(analyze_times)
    cached_s = statistics.median(cached_times)
    return Result(name, jobs, processes, len(texts), words, pipe_s, analyze_s, analyze_s / pipe_s,
                  len(texts) / analyze_s, words / analyze_s, cached_s, analyze_s / cached_s)


def polnear_texts(shared: Path, limit: int) -> list[Path]:
    """The first `limit` PolNeAR train texts in sorted filename order, or [] when absent."""
    folder = shared / "data" / "polnear" / "data" / "train" / "text"
    return sorted(folder.glob("*.txt"))[:limit] if folder.is_dir() else []


def table(results: list[Result]) -> str:
    lines = [
        "| corpus | jobs (processes) | articles | words | nlp.pipe s | analyze s "
        "| ratio (analyze/nlp.pipe) | analyze articles/s | analyze words/s | cached rerun s "
        "| cache speedup |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        lines.append(
            f"| {r.corpus} | {r.jobs} ({r.processes}) | {r.articles} | {r.words} "
            f"| {r.nlp_pipe_s:.2f} | {r.analyze_s:.2f} "
            f"| {r.ratio:.2f}x | {r.articles_per_s:.1f} | {r.words_per_s:,.0f} "
            f"| {r.cached_s:.2f} | {r.cache_speedup:.1f}x |")
    return "\n".join(lines)


def machine(label: str) -> dict[str, object]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "spacy": spacy.__version__, "model": label}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--limit", type=int, default=200, help="articles from the corpus")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/polnear (default: ../shared)")
    parser.add_argument("--jobs", default="1,2",
                        help="comma-separated numbers of parsing processes (default: 1,2)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.limit < 1:
        parser.error("--repeat and --limit must be at least 1")
    try:
        jobs = [int(value) for value in args.jobs.split(",")]
    except ValueError:
        parser.error("--jobs takes numbers such as 1,2")
    if any(value < 1 for value in jobs):
        parser.error("--jobs takes numbers of at least 1")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    for noisy in ("consilience", "trafilatura"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    # Model loading is outside every timing: warm analyze's lru_cache with the very call it makes
    # and load the bare baseline once.
    load_pipeline(AnalyzeConfig().model)("Warm up the pipeline.")
    baseline = spacy.load(choose_model())
    baseline("Warm up the pipeline.")
    facts = machine(model_label(baseline))
    LOGGER.info("baseline pipeline: %s", ", ".join(baseline.pipe_names))

    results = [measure("japan-2plus2 (seed)", SEED, baseline, args.repeat, count)
               for count in jobs]
    sources = polnear_texts(args.shared, args.limit)
    if sources:
        with tempfile.TemporaryDirectory(prefix="consilience-bench-polnear-") as tmp:
            for source in sources:
                shutil.copyfile(source, Path(tmp) / source.name)
            results.extend(measure(f"PolNeAR train (first {len(sources)})", Path(tmp),
                                   baseline, args.repeat, count) for count in jobs)
    else:
        print(f"PolNeAR corpus skipped: no texts under {args.shared}/data/polnear/data/train/text")

    print(f"Machine: {facts['cpus']} CPUs, Python {facts['python']}, spaCy {facts['spacy']}, "
          f"model {facts['model']} ({facts['platform']})")
    print(f"Median of {args.repeat} run(s); target ratio <= {TARGET_RATIO}x\n")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(
            {"machine": facts, "repeat": args.repeat, "target_ratio": TARGET_RATIO,
             "results": [asdict(result) for result in results]}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
