"""Scale: story-database ingest at 1k, 5k and 20k articles, and the Dask batch against local.

Corpus: the ECB+ (982) and PolNeAR (1,008, train/dev/test) documents under ../shared/data,
replicated with perturbation. Replica r of a document drops and swaps some sentences, replaces
about 5% of its words with words drawn from the corpus (by frequency), changes most numbers
(years kept), and gets a synthetic outlet and a publication date: every (story group, replica)
has its own anchor day spread over 2024 (a group is an ECB+ sub-topic, or the PolNeAR articles
of one day), and the replica's articles fall within two days of it. No two texts are the same
(the store dedupes exact texts; ids are checked). A corpus of N articles is the first N of one
seeded sequence (replica 0 of every document in shuffled order, then replica 1, ...), so the
1k corpus is a prefix of the 5k one, which is a prefix of the 20k one; the incremental set is
the next articles of the same sequence. Shards: JSONL, 500 records each, in a temporary folder.

Ingest: `consilience ingest DIR --db N.db --no-analysis --quiet --batch-size 200`, each size in
a fresh SQLite database and a fresh process. The child runs the real CLI in-process through a
small `python -c` wrapper that times the command after the imports and writes its own peak RSS
(`getrusage(RUSAGE_SELF).ru_maxrss`) at the end; wall time of the whole child is measured too.
Story analysis (spaCy) is excluded (`--no-analysis`): this is reading, cleaning, clustering and
storing. Growth is judged on the per-article time ratio between sizes (1.0 = linear).

Dask: `run_batch` (what `consilience batch` calls) on the first --dask-size articles with
`--engine local`, `dask --workers 1` and `dask --workers 2`, each in a fresh process; this
includes the per-story spaCy analysis. The story memberships must be the same in all three.

    .venv/bin/python benchmarks/scale.py [--sizes 1000,5000,20000] [--increment 1000]
        [--dask-size 300] [--shared ../shared] [--workdir DIR] [--json results.json]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import logging
import os
import platform
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consilience.cluster import article_id
from corpora import ecb_root, ecb_words, rebuild_text

LOGGER = logging.getLogger("scale")
ROOT = Path(__file__).resolve().parents[1]
SEED = 20261122
SIZES = (1000, 5000, 20000)
INCREMENT = 1000
DASK_SIZE = 300
BATCH_SIZE = 200
SHARD = 500
YEAR_START = datetime(2024, 1, 1, tzinfo=UTC)
YEAR_DAYS = 366 - 3  # anchors leave room for the two days of jitter
WORD_SHARE = 0.05
DROP_SHARE = 0.1
NUMBER_SHARE = 0.5

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"(?<![\w'’-])(?:[A-Za-z][a-z]{2,}|[A-Z]{3,})(?![\w'’-])")
_VOCAB_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")

PLACES = ("Ashford", "Brightwater", "Calder", "Dunmore", "Eastleigh", "Fairhaven", "Glenrock",
          "Harrow", "Ironbridge", "Kestrel Bay", "Lakemont", "Millbrook", "Northgate", "Oakdale",
          "Pinecrest", "Queensport", "Redfield", "Stonehaven", "Thornbury", "Westmere")
MASTHEADS = ("Herald", "Courier", "Ledger", "Gazette", "Tribune", "Post", "Chronicle",
             "Observer", "Dispatch", "Sentinel")
OUTLETS = tuple(f"The {place} {name}" for place in PLACES for name in MASTHEADS)


# --- corpus -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BaseDoc:
    key: str
    group: str  # documents of one group share a story anchor date per replica
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences of each paragraph


def read_ecb(shared: Path) -> list[BaseDoc]:
    docs = []
    for path in sorted(ecb_root(shared).glob("*/*.xml")):
        name, words = ecb_words(path)
        words = [row for row in words if row and row[0] != "http"]  # the page's address
        if not words:
            continue
        text, _ = rebuild_text(words, detokenize=True)
        sentences = [line for line in text.split("\n") if line.strip()]
        topic = name.split("_")[0]
        sub = "ecbplus" if "ecbplus" in name else "ecb"
        title = " ".join(sentences[0].split()[:16])
        docs.append(BaseDoc(f"ecb/{name}", f"ecb/{topic}_{sub}", title,
                            tuple((sentence,) for sentence in sentences)))
    return docs


def split_sentences(paragraph: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in _SENTENCE_END.split(paragraph.strip()) if part.strip())


def read_polnear(shared: Path) -> list[BaseDoc]:
    folder = shared / "data" / "polnear" / "data"
    metadata = folder / "metadata.tsv"
    if not metadata.is_file():
        return []
    docs = []
    with metadata.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle, delimiter="\t"), key=lambda row: row["filename"])
    for row in rows:
        path = folder / row["compartment"] / "text" / f"{row['filename']}.txt"
        if row["compartment"] not in ("train", "dev", "test") or not path.is_file():
            continue
        blocks = [block.strip() for block in re.split(r"\n\s*\n", path.read_text("utf-8"))]
        blocks = [block for block in blocks if block]
        title = (row.get("title") or "").strip() or (blocks[0] if blocks else "")
        if blocks and blocks[0].rstrip(".") == title.rstrip("."):
            blocks = blocks[1:]
        paragraphs = tuple(sentences for sentences in map(split_sentences, blocks) if sentences)
        if paragraphs:
            docs.append(BaseDoc(f"polnear/{row['filename']}",
                                f"polnear/{row['publication_date']}", title, paragraphs))
    return docs


def vocabulary(docs: Sequence[BaseDoc]) -> list[str]:
    """Every lowercase word token of 3+ letters in the corpus: a draw is by frequency."""
    return [word for doc in docs for paragraph in doc.paragraphs for sentence in paragraph
            for word in _VOCAB_WORD.findall(sentence)]


def _replace_word(match: re.Match[str], rng: random.Random, vocab: Sequence[str]) -> str:
    word = match.group(0)
    if rng.random() >= WORD_SHARE:
        return word
    other = rng.choice(vocab)
    if word.isupper():
        return other.upper()
    return other.capitalize() if word[:1].isupper() else other


def _change_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(0)
    plain = text.replace(",", "")
    if (len(plain) == 4 and plain.isdigit() and 1900 <= int(plain) <= 2099) or \
            rng.random() >= NUMBER_SHARE:
        return text  # years kept: they date the story
    if "." in plain:
        decimals = len(plain.split(".")[1])
        value = float(plain) * rng.uniform(0.7, 1.3)
        changed = f"{value:.{decimals}f}"
        return changed if changed != plain else f"{float(plain) + 10 ** -decimals:.{decimals}f}"
    value = int(plain)
    changed_int = max(0, round(value * rng.uniform(0.7, 1.3)))
    if changed_int == value:
        changed_int = value + rng.choice((1, 2, 3))
    return f"{changed_int:,}" if "," in text else str(changed_int)


def perturb(doc: BaseDoc, rng: random.Random, vocab: Sequence[str]) -> str:
    """The document's text with sentences dropped and swapped, words replaced, numbers
    changed."""
    flat = [(index, sentence) for index, paragraph in enumerate(doc.paragraphs)
            for sentence in paragraph]
    kept = [flat[0]] + [item for item in flat[1:] if rng.random() >= DROP_SHARE]
    if len(kept) < min(3, len(flat)):
        kept = flat[:]
    for _ in range(max(1, len(kept) // 8)):  # swap neighbours, never the lede
        if len(kept) < 3:
            break
        at = rng.randrange(1, len(kept) - 1)
        kept[at], kept[at + 1] = kept[at + 1], kept[at]
    paragraphs: list[list[str]] = []
    last = None
    for index, sentence in kept:
        sentence = _NUMBER.sub(lambda match: _change_number(match, rng), sentence)
        sentence = _WORD.sub(lambda match: _replace_word(match, rng, vocab), sentence)
        if index == last and paragraphs:
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
        last = index
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs) + "\n"


def _slug(text: str, limit: int = 60) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].rstrip("-") or "story"


def published(doc: BaseDoc, replica: int, rng: random.Random, seed: int) -> datetime:
    anchor = random.Random(f"{seed}:anchor:{doc.group}:{replica}").randrange(YEAR_DAYS)
    return YEAR_START + timedelta(days=anchor, seconds=rng.randrange(2 * 86_400))


def variant(doc: BaseDoc, replica: int, vocab: Sequence[str], seed: int, attempt: int = 0
            ) -> dict[str, str]:
    rng = random.Random(f"{seed}:variant:{doc.key}:{replica}:{attempt}")
    text = perturb(doc, rng, vocab)
    title = _WORD.sub(lambda match: _replace_word(match, rng, vocab), doc.title)
    start = random.Random(f"{seed}:outlet:{doc.key}").randrange(len(OUTLETS))
    outlet = OUTLETS[(start + replica * 37 + attempt) % len(OUTLETS)]  # each copy another one
    moment = published(doc, replica, rng, seed)
    url = (f"https://{_slug(outlet)}.example/{moment:%Y/%m/%d}/{_slug(title)}"
           f"-{replica}{attempt or ''}")
    return {"title": title, "text": text, "published": moment.isoformat(timespec="seconds"),
            "outlet": outlet, "url": url}


def stream(docs: Sequence[BaseDoc], vocab: Sequence[str], seed: int) -> Iterator[dict[str, str]]:
    """Replica 0 of every document in a shuffled order, then replica 1, ...; never the same
    text twice."""
    seen: set[str] = set()
    replica = 0
    while True:
        order = list(docs)
        random.Random(f"{seed}:order:{replica}").shuffle(order)
        for doc in order:
            attempt = 0
            record = variant(doc, replica, vocab, seed)
            while article_id(record["text"]) in seen:
                attempt += 1
                record = variant(doc, replica, vocab, seed, attempt)
            seen.add(article_id(record["text"]))
            yield record
        replica += 1


def base_documents(shared: Path) -> tuple[list[BaseDoc], int]:
    """The ECB+ then the PolNeAR base documents under `shared`, and how many are PolNeAR."""
    polnear = read_polnear(shared)
    return read_ecb(shared) + polnear, len(polnear)


def make_records(docs: Sequence[BaseDoc], count: int, seed: int = SEED) -> list[dict[str, str]]:
    """The first `count` articles of the seeded sequence over `docs`: the corpus this script
    ingests, for other benchmarks that need the same articles (benchmarks/load.py)."""
    source = stream(docs, vocabulary(docs), seed)
    return [next(source) for _ in range(count)]


def write_shards(records: Sequence[dict[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, start in enumerate(range(0, len(records), SHARD)):
        with (folder / f"shard-{number:04d}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records[start:start + SHARD]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


# --- measuring a child process ----------------------------------------------------------------

# Runs the real CLI in this child after timing the imports; writes its own peak RSS at the end.
INGEST_WRAPPER = r"""
import json, os, resource, sys, time
began = time.perf_counter()
from consilience.cli import main
imported = time.perf_counter()
sys.argv = ["consilience", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
ended = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
with open(os.environ["SCALE_REPORT"], "w") as handle:
    json.dump({"import_s": imported - began, "run_s": ended - imported, "rss": rss, "code": code},
              handle)
sys.exit(code)
"""

# `stream.load_clusterer` alone: the fixed start of every ingest into an existing database.
RELOAD_WRAPPER = r"""
import json, os, sys, time
from consilience.store import Store
from consilience.stream import load_clusterer
with Store(sys.argv[1]) as store:
    began = time.perf_counter()
    load_clusterer(store)
    ended = time.perf_counter()
with open(os.environ["SCALE_REPORT"], "w") as handle:
    json.dump({"run_s": ended - began}, handle)
"""

# `run_batch` (what `consilience batch` calls), reporting its per-phase timings.
BATCH_WRAPPER = r"""
import json, os, resource, sys, time
began = time.perf_counter()
from consilience.batch import run_batch
from consilience.cli.batch import quiet_distributed
engine, workers, out, *paths = sys.argv[1:]
if engine == "dask":
    quiet_distributed()
imported = time.perf_counter()
result = run_batch(paths, engine, out, workers=int(workers))
ended = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
with open(os.environ["SCALE_REPORT"], "w") as handle:
    json.dump({"import_s": imported - began, "run_s": ended - imported, "rss": rss,
               "timings": [list(lap) for lap in result.timings], "articles": result.articles,
               "stories": result.stories, "failed": result.failed_stories,
               "files": [str(path) for path in result.files]}, handle)
"""


def run_child(wrapper: str, args: Sequence[str], report: Path) -> tuple[float, dict, str]:
    """Wall seconds of the child, its own report, and its stderr."""
    env = dict(os.environ, SCALE_REPORT=str(report))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *args], env=env, capture_output=True,
                          text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0 or not report.is_file():
        raise RuntimeError(f"child failed ({done.returncode}): {' '.join(args)}\n"
                           f"{done.stderr[-3000:]}")
    return wall, json.loads(report.read_text()), done.stderr


# --- ingest growth ----------------------------------------------------------------------------

@dataclass(slots=True)
class IngestRun:
    label: str
    articles: int  # given to this ingest
    stored: int  # in the database after it
    stories: int
    topics: int
    largest: int  # articles in the largest story
    wall_s: float  # the whole child: interpreter start, imports, command
    ingest_s: float  # the command only (after the imports)
    peak_mb: float
    db_mb: float
    warnings: int
    per_article_ms: float = field(init=False)

    def __post_init__(self) -> None:
        self.per_article_ms = 1000 * self.ingest_s / self.articles


def database_facts(db: Path) -> tuple[int, int, int, int, float]:
    size = sum(path.stat().st_size for path in db.parent.glob(db.name + "*"))
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        stored = connection.execute("select count(*) from articles").fetchone()[0]
        stories = connection.execute("select count(*) from stories").fetchone()[0]
        topics = connection.execute("select count(distinct topic) from stories").fetchone()[0]
        largest = connection.execute("select max(size) from (select count(*) as size from "
                                     "memberships group by story)").fetchone()[0]
    return stored, stories, topics, largest or 0, size / 2**20


def ingest_run(label: str, corpus: Path, articles: int, db: Path, work: Path) -> IngestRun:
    args = ["ingest", str(corpus), "--db", str(db), "--no-analysis", "--quiet",
            "--batch-size", str(BATCH_SIZE)]
    LOGGER.info("%s: consilience %s", label, " ".join(args))
    wall, report, stderr = run_child(INGEST_WRAPPER, args, work / f"report-{label}.json")
    stored, stories, topics, largest, db_mb = database_facts(db)
    warnings = sum(1 for line in stderr.splitlines() if line.startswith("warning"))
    run = IngestRun(label, articles, stored, stories, topics, largest, wall, report["run_s"],
                    report["rss"] / 2**20, db_mb, warnings)
    LOGGER.info("%s: %.1f s (%.1f s with start-up), %.0f articles/s, peak %.0f MB, %d stories "
                "(largest %d), %d warnings", label, run.ingest_s, run.wall_s,
                articles / run.ingest_s, run.peak_mb, stories, largest, warnings)
    return run


def reload_seconds(db: Path, work: Path) -> float:
    """Seconds `stream.load_clusterer` takes on this database: what every ingest into it pays
    before its first new article."""
    _, report, _ = run_child(RELOAD_WRAPPER, [str(db)], work / "report-reload.json")
    LOGGER.info("reloading the clusterer from %s: %.1f s", db.name, report["run_s"])
    return float(report["run_s"])


# --- Dask against local -----------------------------------------------------------------------

@dataclass(slots=True)
class BatchRun:
    engine: str
    workers: int
    articles: int
    stories: int
    failed: int
    wall_s: float
    run_s: float
    phases: dict[str, float]
    memberships: frozenset[frozenset[str]] = field(repr=False)


def read_memberships(out: Path) -> frozenset[frozenset[str]]:
    import pyarrow.parquet as pq

    table = pq.read_table(out / "stories.parquet", columns=["article_ids"])
    return frozenset(frozenset(ids) for ids in table.column("article_ids").to_pylist())


def batch_run(engine: str, workers: int, corpus: Path, work: Path) -> BatchRun:
    label = f"{engine}-{workers}"
    out = work / f"batch-{label}"
    LOGGER.info("batch %s: run_batch(%s, engine=%s, workers=%d)", label, corpus, engine, workers)
    wall, report, _ = run_child(BATCH_WRAPPER, [engine, str(workers), str(out), str(corpus)],
                                work / f"report-batch-{label}.json")
    phases = {stage: seconds for stage, seconds in report["timings"]}
    run = BatchRun(engine, workers, report["articles"], report["stories"], report["failed"],
                   wall, report["run_s"], phases, read_memberships(out))
    LOGGER.info("batch %s: %.1f s (%s)", label, run.wall_s,
                ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in phases.items()))
    return run


# --- report -----------------------------------------------------------------------------------

def growth_lines(runs: Sequence[IngestRun], increment: IngestRun | None) -> list[str]:
    lines = []
    for before, after in itertools.pairwise(runs):
        size_ratio = after.articles / before.articles
        time_ratio = after.ingest_s / before.ingest_s
        lines.append(f"per-article time ratio {after.label}/{before.label}: "
                     f"{after.per_article_ms / before.per_article_ms:.2f} (time x{time_ratio:.2f} "
                     f"for x{size_ratio:g} the articles; 1.00 = linear)")
    if increment is not None and runs:
        lines.append(f"per-article time ratio {increment.label} vs {runs[0].label} from empty: "
                     f"{increment.per_article_ms / runs[0].per_article_ms:.2f}")
    return lines


def ingest_table(runs: Sequence[IngestRun], increment: IngestRun | None) -> str:
    lines = ["| ingest | articles | in database | stories | largest story | topics | ingest s "
             "| with start-up s | articles/s | ms/article | per-article ratio | peak RSS MB "
             "| DB MB |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    previous = None
    for run in [*runs, *([increment] if increment else [])]:
        base = runs[0] if run is increment else previous
        ratio = f"{run.per_article_ms / base.per_article_ms:.2f} (vs {base.label})" \
            if base is not None else "1.00 (baseline)"
        lines.append(
            f"| {run.label} | {run.articles:,} | {run.stored:,} | {run.stories:,} "
            f"| {run.largest:,} | {run.topics:,} | {run.ingest_s:.1f} | {run.wall_s:.1f} "
            f"| {run.articles / run.ingest_s:.0f} | {run.per_article_ms:.2f} | {ratio} "
            f"| {run.peak_mb:.0f} | {run.db_mb:.1f} |")
        if run is not increment:
            previous = run
    return "\n".join(lines)


def batch_table(runs: Sequence[BatchRun]) -> str:
    stages = ("start", "features", "candidates", "cluster", "analyse")
    lines = ["| engine | workers | articles | stories | wall s | run_batch s | "
             + " | ".join(f"{stage} s" for stage in stages) + " | speed-up vs 1 worker |",
             "|---|--:|--:|--:|--:|--:|" + "--:|" * len(stages) + "--:|"]
    one = next((run for run in runs if run.engine == "dask" and run.workers == 1), None)
    for run in runs:
        speed = f"{one.wall_s / run.wall_s:.2f}x" if one is not None else ""
        lines.append(f"| {run.engine} | {run.workers if run.engine == 'dask' else '-'} "
                     f"| {run.articles:,} | {run.stories:,} | {run.wall_s:.1f} | {run.run_s:.1f} | "
                     + " | ".join(f"{run.phases.get(stage, 0.0):.1f}" for stage in stages)
                     + f" | {speed} |")
    return "\n".join(lines)


def _label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="corpus sizes for the ingest growth, comma-separated")
    parser.add_argument("--increment", type=int, default=INCREMENT,
                        help="articles added to the largest database afterwards (0: none)")
    parser.add_argument("--dask-size", type=int, default=DASK_SIZE,
                        help="articles for the Dask/local batch comparison (0: skip it)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/ecb-plus and data/polnear")
    parser.add_argument("--workdir", type=Path,
                        help="keep corpora and databases here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(size) for size in args.sizes.split(",") if size.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if not sizes or sizes[0] < 1 or args.increment < 0 or args.dask_size < 0:
        parser.error("sizes must be at least 1; --increment and --dask-size at least 0")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")

    if not ecb_root(args.shared).is_dir():
        print(f"skipped: no ECB+ corpus under {ecb_root(args.shared)}")
        return 0
    docs, polnear = base_documents(args.shared)
    if not polnear:
        print(f"PolNeAR skipped: no corpus under {args.shared}/data/polnear")
    total = max(sizes[-1], args.dask_size) + args.increment
    started = time.perf_counter()
    records = make_records(docs, total, args.seed)
    LOGGER.info("corpus: %d base documents (ECB+ %d, PolNeAR %d), %d articles made in %.1f s "
                "(%s words)", len(docs), len(docs) - polnear, polnear, total,
                time.perf_counter() - started,
                f"{sum(len(record['text'].split()) for record in records):,}")

    with tempfile.TemporaryDirectory(prefix="consilience-scale-") as temporary:
        work = args.workdir or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        runs: list[IngestRun] = []
        for size in sizes:
            corpus = write_shards(records[:size], work / f"corpus-{size}")
            db = work / f"{size}.db"
            for stale in db.parent.glob(db.name + "*"):
                stale.unlink()
            runs.append(ingest_run(_label(size), corpus, size, db, work))
        increment = None
        reload_s = None
        if args.increment:
            largest = sizes[-1]
            reload_s = reload_seconds(work / f"{largest}.db", work)
            corpus = write_shards(records[largest:largest + args.increment],
                                  work / f"increment-{args.increment}")
            increment = ingest_run(f"+{_label(args.increment)} into {_label(largest)}", corpus,
                                   args.increment, work / f"{largest}.db", work)
        batches: list[BatchRun] = []
        if args.dask_size:
            corpus = write_shards(records[:args.dask_size], work / f"dask-{args.dask_size}")
            for engine, workers in (("local", 1), ("dask", 1), ("dask", 2)):
                batches.append(batch_run(engine, workers, corpus, work))

    print(f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()} "
          f"({platform.platform()})")
    print(f"Corpus: {len(docs)} base documents (ECB+ {len(docs) - polnear}, PolNeAR "
          f"{polnear}) replicated with perturbation, seed {args.seed}")
    print("Ingest: `consilience ingest DIR --db N.db --no-analysis --quiet --batch-size "
          f"{BATCH_SIZE}` on SQLite, a fresh process and database per size. Story analysis "
          "(spaCy) is excluded (--no-analysis). 'ingest s' is the command after the imports; "
          "peak RSS is the child's own ru_maxrss.\n")
    print(ingest_table(runs, increment))
    print()
    for line in growth_lines(runs, increment):
        print(line)
    if increment is not None and reload_s is not None:
        print(f"of the {increment.label} ingest, reloading the clusterer from the "
              f"{runs[-1].stored:,} stored articles (stream.load_clusterer) takes {reload_s:.1f} s;"
              f" the rest is {1000 * (increment.ingest_s - reload_s) / increment.articles:.2f} "
              "ms/article")
    if batches:
        same = len({run.memberships for run in batches}) == 1
        print(f"\nBatch: run_batch on the first {args.dask_size} articles (includes the "
              "per-story spaCy analysis), a fresh process each\n")
        print(batch_table(batches))
        two = next(run for run in batches if run.engine == "dask" and run.workers == 2)
        one = next(run for run in batches if run.engine == "dask" and run.workers == 1)
        print(f"\ndask 2 workers vs 1: speed-up {one.wall_s / two.wall_s:.2f}x wall, "
              f"{one.phases.get('analyse', 0) / max(two.phases.get('analyse', 0), 1e-9):.2f}x "
              "on the analyse phase")
        print(f"same stories: {'yes' if same else 'no'}")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "seed": args.seed, "base_documents": len(docs), "polnear": polnear,
            "ingest": [asdict(run) for run in runs],
            "increment": asdict(increment) if increment else None, "reload_s": reload_s,
            "batch": [{key: value for key, value in asdict(run).items() if key != "memberships"}
                      for run in batches],
            "same_stories": len({run.memberships for run in batches}) == 1 if batches else None,
        }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
