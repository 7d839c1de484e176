"""Concurrent writers (issue 22): real `consilience ingest` processes on one database at once.

    .venv/bin/python benchmarks/concurrency.py [--articles 300] [--analysis-articles 60]
        [--batch-size 10] [--writers 2,4] [--backends sqlite,postgresql] [--seed 1]
        [--shared ../shared] [--before-src DIR] [--json results.json]

Real local news: the first `--articles` documents (publication order) of gva-dev's evaluation
stream (benchmarks/gva.py: shootings, each told by several local outlets; read in place,
written to a temporary folder as JSON lines, never into this repository; skipped when absent).
For each backend (SQLite in WAL mode; PostgreSQL on a throwaway server started from the
machine's binaries, as the tests start one):

- the named baseline, "one writer": every article ingested by one process (measured in the
  same run, on the same database, before the concurrent runs), and "in turn": the writers'
  files ingested one after another, one process each (the issue's "ingest A, then B");
- 2 and 4 writers started at once, each with one JSON-lines file: disjoint (every k-th article)
  or overlapping (every article given to two writers; with two writers, both get all of
  them), without and with analysis (the first `--analysis-articles`), without and with a
  SIGKILL of one writer at a random moment (then that writer's ingest is run again, alone).

Each run is judged by tests/concurrency.py (as the CI test judges its small case): every
article stored exactly once, `check` clean, the stories exactly those one clusterer makes of
the stored articles in their stored order ("replay", F1 1.000), the stories one writer's, or
their B-cubed F1 against the GVA incidents at most 0.01 under the lower of the two one-writer
runs (online clustering depends on arrival order: concurrent writers, or a killed writer's
rerun, store the articles in an order between "all at once" and "in turn"; "F1 vs one
writer" shows how far the stories moved from the all-at-once run), no process failing but
the killed one, no story analysed twice at one size, no story left stale. "caught up" counts
batches that first read what another writer had stored: that the writers did interleave.

`--before-src DIR` (a `src` folder of an earlier consilience, e.g. from
`git archive 68ac869 src | tar -x -C /tmp/before`) also runs the 2-writer cases without kills
with that code (PYTHONPATH=DIR), and times its one-writer ingest against today's: the
single-writer cost of the writer lock is the ratio of the two (median of 3, alternated).

Prints Markdown tables to stdout and progress to stderr; exits 1 when any run failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from tests.concurrency import (  # noqa: E402  (the CI test's own judge)
    Outcome,
    Plan,
    article_ids,
    bcubed_f1,
    one_after_another,
    one_writer,
    run_writers,
    split_records,
    write_feed,
)
from tests.postgres import PostgresError, PostgresServer  # noqa: E402

from gva import read_gva  # noqa: E402

LOGGER = logging.getLogger("concurrency")
BACKENDS = ("sqlite", "postgresql")
MIN_F1 = 0.99
SPEED_RUNS = 3


@dataclass(slots=True)
class Row:
    backend: str
    code: str  # "today" or "before"
    writers: int
    inputs: str  # disjoint / overlapping
    analysis: bool
    kill: str
    outcome: Outcome
    baseline: Outcome
    incidents: float
    baseline_incidents: float
    in_turn_incidents: float  # one writer per input, one after another
    problems: list[str]


@contextmanager
def database(backend: str, workdir: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'concurrency.db'}"
        return
    with PostgresServer() as server:
        name = f"consilience_concurrency_{uuid.uuid4().hex[:12]}"
        url = server.create_database(name)
        try:
            yield url
        finally:
            server.drop_database(name)


def gva_records(shared: Path, count: int) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The first `count` evaluation documents as ingest records, and doc url -> incident."""
    data = read_gva(shared)
    docs = data.gva_eval[:count]
    records, incident = [], {}
    for doc in docs:
        url = doc.url or f"https://gva.example/{doc.name}"
        record = {"title": doc.title, "text": doc.text, "url": url}
        if doc.dct:
            record["published"] = doc.dct
        records.append(record)
        incident[url] = doc.incident
    return records, incident


def incident_placement(url: str, gold: dict[str, str]) -> dict[str, str]:
    """article id -> GVA incident, through the stored article's url."""
    from sqlalchemy import create_engine, select

    from consilience.store import schema

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(schema.articles.c.id, schema.articles.c.url)).all()
    finally:
        engine.dispose()
    return {article: gold[link] for article, link in rows if link in gold}


IN_TURN: dict[tuple[str, int, int, bool], dict[str, int]] = {}


def one_case(backend: str, url: str, workdir: Path, records: list[dict[str, str]],
             gold: dict[str, str], *, writers: int, overlap: bool, analyse: bool,
             kill: bool, baseline: Outcome, batch: int, rng: random.Random,
             code: str = "today", before: Path | None = None) -> Row:
    folder = workdir / f"{backend}-{code}-{writers}-{overlap}-{analyse}-{kill}"
    folder.mkdir(parents=True, exist_ok=True)
    inputs = tuple(write_feed(folder / f"writer-{index}.jsonl", share)
                   for index, share in enumerate(split_records(records, writers, overlap)))
    extra = {}
    command: tuple[str, ...] = ()
    if before is not None:
        command = (sys.executable, "-m", "consilience")
        extra = {"PYTHONPATH": str(before)}
    plan = Plan(inputs, batch, analyse, command=command, env=tuple(extra.items()))
    if kill:  # a moment within the run: a share of the one-writer time, which is about it
        moment = rng.uniform(0.2, 0.9) * baseline.seconds
        plan = Plan(inputs, batch, analyse, kill=(rng.randrange(writers), moment),
                    command=command, env=tuple(extra.items()))
    key = (backend, len(records), writers, overlap)
    if key not in IN_TURN:  # the same inputs, one writer each, in turn (clustering only)
        IN_TURN[key] = one_after_another(url, inputs, Plan(inputs, batch, False),
                                         folder).placement
    outcome = run_writers(url, plan, folder)
    expected = article_ids(list(inputs))
    truth = incident_placement(url, gold)
    problems = outcome.problems(expected, [baseline.placement, IN_TURN[key]], MIN_F1, truth)
    row = Row(backend, code, writers, "overlapping" if overlap else "disjoint", analyse,
              f"writer {plan.kill[0]} at {plan.kill[1]:.1f} s" if plan.kill else "none",
              outcome, baseline, bcubed_f1(outcome.placement, truth),
              bcubed_f1(baseline.placement, truth), bcubed_f1(IN_TURN[key], truth), problems)
    LOGGER.info("%s %s: %d writers %s analysis=%s kill=%s: %.1f s, %d stories (one writer "
                "%d), F1 %.3f, caught up %d%s", backend, code, writers, row.inputs, analyse,
                row.kill, outcome.seconds, outcome.stories, baseline.stories,
                bcubed_f1(outcome.placement, baseline.placement), outcome.caught_up,
                f", PROBLEMS: {problems}" if problems else "")
    return row


def speed(url: str, workdir: Path, records: list[dict[str, str]], batch: int,
          before: Path, runs: int = SPEED_RUNS) -> tuple[float, float]:
    """Median one-writer seconds (no analysis) of today's code and of `before`, alternated."""
    path = write_feed(workdir / "speed" / "all.jsonl", records)
    today_plan = Plan((path,), batch, False)
    before_plan = Plan((path,), batch, False, command=(sys.executable, "-m", "consilience"),
                       env=(("PYTHONPATH", str(before)),))
    today, earlier = [], []
    for _ in range(runs):
        today.append(one_writer(url, [path], today_plan, path.parent).seconds)
        earlier.append(one_writer(url, [path], before_plan, path.parent).seconds)
    return statistics.median(today), statistics.median(earlier)


def campaign(backend: str, args: argparse.Namespace, records: list[dict[str, str]],
             gold: dict[str, str], workdir: Path) -> tuple[list[Row], dict[str, object]]:
    rows: list[Row] = []
    extra: dict[str, object] = {"backend": backend}
    rng = random.Random(f"{args.seed}:{backend}")
    try:
        with database(backend, workdir) as url:
            for analyse in (() if args.speed_only else (False, True)):
                chosen = records[:args.analysis_articles] if analyse else records
                whole = write_feed(workdir / f"{backend}-{analyse}-all.jsonl", chosen)
                baseline = one_writer(url, [whole], Plan((whole,), args.batch_size, analyse),
                                      workdir)
                truth = incident_placement(url, gold)
                extra[f"one_writer_analysis_{analyse}"] = {
                    "seconds": round(baseline.seconds, 2), "stories": baseline.stories,
                    "articles": baseline.stored, "analyses": baseline.analyses,
                    "f1_incidents": round(bcubed_f1(baseline.placement, truth), 3),
                    "problems": baseline.problems(set(baseline.placement), None)}
                LOGGER.info("%s one writer, analysis=%s: %.1f s, %d articles, %d stories, "
                            "F1 vs incidents %.3f", backend, analyse, baseline.seconds,
                            baseline.stored, baseline.stories,
                            bcubed_f1(baseline.placement, truth))
                for writers in args.writers:
                    for overlap in (False, True):
                        for kill in (False, True):
                            rows.append(one_case(
                                backend, url, workdir, chosen, gold, writers=writers,
                                overlap=overlap, analyse=analyse, kill=kill, baseline=baseline,
                                batch=args.batch_size, rng=rng))
                        if args.before_src and writers == 2:
                            rows.append(one_case(
                                backend, url, workdir, chosen, gold, writers=writers,
                                overlap=overlap, analyse=analyse, kill=False,
                                baseline=baseline, batch=args.batch_size, rng=rng,
                                code="before", before=args.before_src))
            if args.before_src:
                today, earlier = speed(url, workdir, records, args.batch_size, args.before_src,
                                       args.speed_runs)
                extra["one_writer_seconds_today"] = round(today, 2)
                extra["one_writer_seconds_before"] = round(earlier, 2)
                extra["speed_runs"] = args.speed_runs
                LOGGER.info("%s one writer: %.2f s today, %.2f s before (%.2fx)", backend,
                            today, earlier, today / earlier)
    except PostgresError as error:
        extra["skipped"] = str(error).splitlines()[0]
        LOGGER.warning("%s skipped: %s", backend, extra["skipped"])
    return rows, extra


def table(rows: list[Row]) -> str:
    lines = ["| backend | code | writers | inputs | analysis | SIGKILL | exit codes (rerun) | "
             "stored once | check | stories (one writer) | F1 vs replay | F1 vs one writer | F1 "
             "vs incidents (one writer: all at once, in turn) | analyses (twice at one size) | "
             "stale left | caught up | s | verdict |",
             "|---|---|--:|---|---|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|"]
    for row in rows:
        found, base = row.outcome, row.baseline
        codes = ",".join(map(str, found.codes))
        if found.rerun_codes:
            codes += f" ({','.join(map(str, found.rerun_codes))})"
        once = "yes" if not any(p.startswith("stored") for p in row.problems) else "no"
        check = "ok" if not found.integrity else f"{len(found.integrity)} problem(s)"
        verdict = "ok" if not row.problems else "; ".join(row.problems)[:160]
        lines.append(
            f"| {row.backend} | {row.code} | {row.writers} | {row.inputs} | "
            f"{'yes' if row.analysis else 'no'} | {row.kill} | {codes} | {once} | {check} | "
            f"{found.stories} ({base.stories}) | {bcubed_f1(found.placement, found.replay):.3f} | "
            f"{bcubed_f1(found.placement, base.placement):.3f} | {row.incidents:.3f} "
            f"({row.baseline_incidents:.3f}, {row.in_turn_incidents:.3f}) | "
            f"{found.analyses} ({found.double_analyses}) | {found.stale} | {found.caught_up} | "
            f"{found.seconds:.1f} | {verdict.replace('|', '/')} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--analysis-articles", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--writers", default="2,4")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--before-src", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--speed-only", action="store_true",
                        help="only the one-writer timing against --before-src")
    parser.add_argument("--speed-runs", type=int, default=SPEED_RUNS)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the inputs, databases and writers' logs here")
    args = parser.parse_args()
    args.writers = [int(value) for value in args.writers.split(",")]
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    if not (args.shared / "data" / "gva-dev" / "gva_docs.jsonl").is_file():
        print("gva-dev is absent (../shared/data/gva-dev); skipped")
        return 0
    records, gold = gva_records(args.shared, args.articles)
    started = time.perf_counter()
    rows: list[Row] = []
    extras = []
    with tempfile.TemporaryDirectory(prefix="consilience-concurrency-") as temporary:
        folder = args.workdir or temporary
        for backend in args.backends.split(","):
            found, extra = campaign(backend, args, records, gold, Path(folder))
            rows += found
            extras.append(extra)
    print(f"Configuration: {len(records)} gva-dev articles ({args.analysis_articles} with "
          f"analysis), batch size {args.batch_size}, seed {args.seed}; "
          f"{platform.system()} {platform.machine()}, Python {platform.python_version()}; "
          f"{time.perf_counter() - started:.0f} s in all\n")
    print(table(rows))
    print()
    for extra in extras:
        print(f"- {json.dumps(extra)}")
    if args.json:
        args.json.write_text(json.dumps({"extras": extras, "rows": [{
            "backend": row.backend, "code": row.code, "writers": row.writers,
            "inputs": row.inputs, "analysis": row.analysis, "kill": row.kill,
            "codes": row.outcome.codes, "rerun_codes": row.outcome.rerun_codes,
            "stories": row.outcome.stories, "baseline_stories": row.baseline.stories,
            "f1_one_writer": bcubed_f1(row.outcome.placement, row.baseline.placement),
            "f1_replay": bcubed_f1(row.outcome.placement, row.outcome.replay),
            "f1_incidents": row.incidents, "f1_incidents_one_writer": row.baseline_incidents,
            "f1_incidents_in_turn": row.in_turn_incidents, "analyses": row.outcome.analyses,
            "double_analyses": row.outcome.double_analyses, "stale": row.outcome.stale,
            "caught_up": row.outcome.caught_up, "seconds": row.outcome.seconds,
            "problems": row.problems} for row in rows]}, indent=1), encoding="utf-8")
    return 1 if any(row.problems for row in rows if row.code == "today") else 0


if __name__ == "__main__":
    sys.exit(main())
