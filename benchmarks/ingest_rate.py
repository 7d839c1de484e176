"""Ingest rate: articles/s of a full `ingest` (store, cluster, analyse every changed story) of a
realistic stream, against bare `nlp.pipe` over the same texts with the same processes.

The stream: gva-dev local news about shootings in publication order (`benchmarks/gva.py`, every
kept document), then PolNeAR train texts (outlet and date from the file name), `--count`
articles in all (default 600: half the PolNeAR share at most). Each case runs in a fresh
process, with the spaCy pipeline loaded before the clock starts, into a new SQLite database:

- `nlp.pipe, N processes`: the bare model (`spacy.load(choose_model())`) over the raw texts,
  `n_process=N`, batches as `annotate` sizes them: the parse alone, the ceiling.
- `ingest (jobs J)`: `stream.ingest(paths, store, config=AnalyzeConfig(jobs=J))`: store and
  cluster, one parse of every article of the stale stories in J processes into the database's
  annotation cache (`stream.analyse_stale`), then the changed stories analysed in J forked
  processes (each claims a story, reads its parses back and saves its analysis; before,
  one after another in the main process). (Before the parse came first, each story parsed
  its own few new articles, on one core: 5.96 articles/s on 1,000 articles against 9.14
  with the parse first, measured as a separate case then.)

Reported: seconds, articles/s, the projected articles per day (articles/s x 86,400), the
ratio to the one-process parse, and peak resident memory of the main process and of its
largest worker (`getrusage`). One run per case (a full ingest of hundreds of articles is
minutes on this machine); the machine is shared, so compare ratios of one run.

    python benchmarks/ingest_rate.py [--count 600] [--jobs 2] [--shared ../shared] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from gva import read_gva  # noqa: E402

LOGGER = logging.getLogger("ingest_rate")
PER_DAY = 86_400
TARGET_PER_DAY = 1_000_000
_POLNEAR_NAME = re.compile(r"^(?P<outlet>[a-z]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    articles: int
    seconds: float
    parse_processes: int
    peak_rss_mb: float
    worker_peak_rss_mb: float
    stories: int = 0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds


def stream_records(shared: Path, count: int) -> list[dict[str, str]]:
    """gva-dev documents in publication order, then PolNeAR train texts: `count` records."""
    polnear = sorted((shared / "data" / "polnear" / "data" / "train" / "text").glob("*.txt"))
    gva = read_gva(shared).docs
    take_gva = max(count - min(len(polnear), count // 2), count - len(polnear))
    records = []
    for doc in gva[:take_gva]:
        record = {"title": doc.title, "text": doc.text,
                  "url": doc.url or f"https://gva.example/{doc.name}"}
        if doc.dct:
            record["published"] = doc.dct
        records.append(record)
    for path in polnear[:count - len(records)]:
        record = {"text": path.read_text(encoding="utf-8"),
                  "url": f"https://polnear.example/{path.stem}"}
        if found := _POLNEAR_NAME.match(path.name):
            record["published"], record["outlet"] = found["date"], found["outlet"]
        records.append(record)
    return records


def _peaks() -> tuple[float, float]:
    """Peak RSS in MB of this process and of its largest finished child (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run_case(kind: str, feed: Path, jobs: int, workdir: Path) -> dict[str, object]:
    """One case in this process (called in a fresh child by `main`)."""
    from consilience import AnalyzeConfig
    from consilience.annotate import choose_model, load_pipeline
    from consilience.annotate.annotator import parse_processes, process_batch_size
    from consilience.store import Store
    from consilience.stream import ingest

    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    texts = [record["text"] for record in records]
    config = AnalyzeConfig(jobs=jobs)
    stories = 0
    if kind == "pipe":
        import spacy

        nlp = spacy.load(choose_model())
        nlp("Warm up the pipeline.")
        processes = parse_processes(jobs, texts)
        batch_size = process_batch_size(len(texts), config.batch_size, processes)
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            pass
        seconds = time.perf_counter() - start
    else:
        nlp = load_pipeline(config.model)
        nlp("Warm up the pipeline.")
        processes = parse_processes(jobs, texts)  # ingest parses the stale stories at once
        with Store(workdir / f"{kind}-{jobs}.db") as store:
            start = time.perf_counter()
            summary = ingest([feed], store, config=config)
            seconds = time.perf_counter() - start
            stories = summary.analysed
            if summary.added != len(records):
                LOGGER.warning("%s: %d of %d records added", kind, summary.added, len(records))
    own, worker = _peaks()
    return {"articles": len(records), "seconds": seconds, "parse_processes": processes,
            "peak_rss_mb": own, "worker_peak_rss_mb": worker, "stories": stories}


def spawn(kind: str, feed: Path, jobs: int, workdir: Path, label: str) -> Case:
    LOGGER.info("%s ...", label)
    done = subprocess.run([sys.executable, __file__, "--case", kind, "--feed", str(feed),
                           "--jobs", str(jobs), "--workdir", str(workdir)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{label} failed:\n{done.stderr[-3000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    case = Case(label, **found)
    LOGGER.info("%s: %.1f s, %.2f articles/s", label, case.seconds, case.per_second)
    return case


def table(cases: list[Case], base: Case) -> str:
    lines = ["| case | parse processes | articles | seconds | articles/s | projected articles/day "
             "| seconds / one-process nlp.pipe | peak RSS MB (main; largest worker) |",
             "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for case in cases:
        lines.append(
            f"| {case.name} | {case.parse_processes} | {case.articles} | {case.seconds:.1f} "
            f"| {case.per_second:.2f} | {case.per_second * PER_DAY:,.0f} "
            f"| {case.seconds / base.seconds:.2f}x | {case.peak_rss_mb:,.0f}; "
            f"{case.worker_peak_rss_mb:,.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600, help="articles in the stream")
    parser.add_argument("--jobs", type=int, default=2, help="parsing processes (default 2)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/gva-dev and data/polnear")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--case", choices=("pipe", "ingest"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--feed", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    for noisy in ("consilience", "trafilatura"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if args.case:
        print(json.dumps(run_case(args.case, args.feed, args.jobs, args.workdir)))
        return 0
    if args.count < 1 or args.jobs < 1:
        parser.error("--count and --jobs must be at least 1")
    if not (args.shared / "data" / "gva-dev" / "gva_docs.jsonl").is_file():
        print(f"gva-dev not found under {args.shared}/data; nothing measured")
        return 0
    records = stream_records(args.shared, args.count)
    with tempfile.TemporaryDirectory(prefix="consilience-ingest-rate-") as tmp:
        workdir = Path(tmp)
        feed = workdir / "stream.jsonl"
        feed.write_text("".join(json.dumps(record) + "\n" for record in records),
                        encoding="utf-8")
        words = sum(len(record["text"].split()) for record in records)
        LOGGER.info("stream: %d articles, %d words", len(records), words)
        cases = [spawn("pipe", feed, 1, workdir, "nlp.pipe, 1 process")]
        if args.jobs > 1:
            cases.append(spawn("pipe", feed, args.jobs, workdir,
                               f"nlp.pipe, {args.jobs} processes"))
        cases.append(spawn("ingest", feed, args.jobs, workdir, f"ingest (jobs {args.jobs})"))
    cores = os.cpu_count()
    print(f"Stream: {len(records)} articles ({words:,} words): gva-dev in publication order, "
          f"then PolNeAR train; {cores} CPUs; one run per case; target "
          f"{TARGET_PER_DAY:,} articles/day = {TARGET_PER_DAY / PER_DAY:.1f} articles/s\n")
    print(table(cases, cases[0]))
    if args.json:
        args.json.write_text(json.dumps(
            {"articles": len(records), "words": words, "cpus": cores,
             "cases": [{**asdict(case), "per_second": case.per_second} for case in cases]},
            indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
