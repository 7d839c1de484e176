"""Crash campaign: real `consilience ingest` processes killed with SIGKILL at random moments.

    .venv/bin/python benchmarks/crash.py [--runs 50] [--seed 1] [--articles 1500]
        [--analysis-articles 150] [--batch-size 50] [--analysis-batch-size 20]
        [--analysis-every 5] [--backends sqlite,postgresql] [--json results.json]

For each backend (SQLite in WAL mode; PostgreSQL on a throwaway server started the way the
tests start one, from the machine's binaries: skipped, with the reason printed, when there are
none), `--runs` trials. Trial i ingests the `--articles` corpus with `--no-analysis`, except
every `--analysis-every`th, which ingests the smaller `--analysis-articles` corpus WITH
analysis, so kills also land while stories are analysed and their analyses saved. Each
configuration is first run to completion three times (the median time T, and the stories an
uninterrupted ingest makes); a trial then kills its ingest after a delay drawn uniformly from
[0, T], so kill points spread over start-up, the batches and the analyses, and some land after
the process ended.

What a trial checks (tests/crash.py, shared with tests/test_crash_consistency.py): after the
kill, `check_integrity` finds nothing and the stored articles are whole batches, a prefix of the
stream in order, no id twice; then the same ingest runs again to completion: exit 0, every
article exactly once, integrity clean, the same stories as an uninterrupted ingest, no story
left stale by an analysing run.

Prints the configuration, a Markdown table per backend (where the kills landed, failures of
each kind, mean seconds per trial) and every failed trial's problems; `--json` saves it all
with each trial. Exits 1 when any trial failed. Articles are synthetic (tests/crash.py): events
told by several outlets, so they cluster into stories and have entities and figures to analyse.
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
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.crash import (  # noqa: E402  (the tests' own trial, so both judge alike)
    AFTER_EXIT,
    AFTER_LAST_BATCH,
    BEFORE_FIRST_COMMIT,
    DURING_BATCHES,
    Reference,
    Setup,
    Trial,
    reference_run,
    run_trial,
    write_corpus,
)
from tests.postgres import PostgresError, PostgresServer  # noqa: E402

LOGGER = logging.getLogger("crash")
BACKENDS = ("sqlite", "postgresql")
CALIBRATION_RUNS = 3


@dataclass(slots=True)
class Campaign:
    backend: str
    skipped: str = ""
    calibration: dict[str, float] = field(default_factory=dict)  # setup -> median seconds
    trials: list[Trial] = field(default_factory=list)
    seconds: float = 0.0


@contextmanager
def database(backend: str, workdir: Path) -> Iterator[str]:
    """The URL of an empty database of this backend, for the whole campaign (each trial
    empties it): an SQLite file, or a database on a throwaway PostgreSQL server."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'crash.db'}"
        return
    with PostgresServer() as server:
        name = f"consilience_crash_{uuid.uuid4().hex[:12]}"
        url = server.create_database(name)
        try:
            yield url
        finally:
            server.drop_database(name)


def campaign(backend: str, setups: dict[str, Setup], runs: int, every: int, seed: int,
             workdir: Path) -> Campaign:
    found = Campaign(backend)
    started = time.perf_counter()
    try:
        with database(backend, workdir) as url:
            references: dict[str, Reference] = {}
            for name, setup in setups.items():
                references[name] = reference_run(setup, url, runs=CALIBRATION_RUNS)
                found.calibration[name] = round(references[name].seconds, 3)
                LOGGER.info("%s: %s completes in %.2f s (median of %d)", backend, name,
                            references[name].seconds, CALIBRATION_RUNS)
            rng = random.Random(f"{seed}:{backend}")
            for number in range(runs):
                name = "analysis" if every and number % every == every - 1 else "no-analysis"
                delay = rng.uniform(0.0, references[name].seconds)
                trial = run_trial(setups[name], url, delay, references[name], backend)
                found.trials.append(trial)
                LOGGER.info("%s %d/%d %s: killed at %.2f s, %s, %d stored, %d analysed%s",
                            backend, number + 1, runs, name, delay, trial.phase,
                            trial.stored_at_kill, trial.analysed_at_kill,
                            "" if trial.ok else f", FAILED: {trial.problems[:2]}")
    except PostgresError as error:  # no binaries, or the server would not start
        found.skipped = str(error).splitlines()[0]
        LOGGER.warning("%s skipped: %s", backend, found.skipped)
    found.seconds = round(time.perf_counter() - started, 1)
    return found


def summary(found: Campaign) -> dict[str, object]:
    trials = found.trials
    phases = Counter(trial.phase for trial in trials)
    analysing = [trial for trial in trials if trial.analyse]
    return {
        "backend": found.backend,
        "trials": len(trials),
        "with_analysis": len(analysing),
        "before_first_commit": phases[BEFORE_FIRST_COMMIT],
        "during_batches": phases[DURING_BATCHES],
        "after_last_batch": phases[AFTER_LAST_BATCH],
        "during_analysis": sum(1 for trial in analysing if trial.phase == AFTER_LAST_BATCH),
        "after_some_analyses": sum(1 for trial in analysing if trial.phase == AFTER_LAST_BATCH
                                   and trial.analysed_at_kill > 0),
        "after_exit": phases[AFTER_EXIT],
        "integrity_failures": sum(trial.integrity_failures for trial in trials),
        "lost": sum(trial.lost for trial in trials),
        "duplicated": sum(trial.duplicated for trial in trials),
        "rerun_failures": sum(1 for trial in trials if trial.rerun_code != 0),
        "other_stories": sum(1 for trial in trials if not trial.same_stories),
        "failed_trials": sum(1 for trial in trials if not trial.ok),
        "mean_trial_s": round(statistics.fmean(trial.seconds for trial in trials), 2)
        if trials else 0.0,
        "seconds": found.seconds,
    }


COLUMNS = (
    ("backend", "backend"), ("trials", "trials"), ("with_analysis", "with analysis"),
    ("before_first_commit", "killed before first commit"),
    ("during_batches", "killed during batches"),
    ("after_last_batch", "killed after last batch (analysing)"),
    ("after_exit", "ended before the kill"),
    ("integrity_failures", "integrity failures"), ("lost", "lost articles"),
    ("duplicated", "duplicated articles"), ("rerun_failures", "re-run failures"),
    ("other_stories", "resumed to other stories"), ("mean_trial_s", "mean s / trial"),
)


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " |",
             "|" + "|".join("---" if key == "backend" else "---:" for key, _ in COLUMNS) + "|"]
    for row in rows:
        cells = []
        for key, _ in COLUMNS:
            value = row[key]
            if key == "after_last_batch":
                value = f"{value} ({row['during_analysis']})"
            cells.append(str(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50, help="trials per backend")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=1500,
                        help="corpus of the --no-analysis trials")
    parser.add_argument("--analysis-articles", type=int, default=150,
                        help="corpus of the trials with analysis")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--analysis-batch-size", type=int, default=20)
    parser.add_argument("--analysis-every", type=int, default=5,
                        help="every Nth trial analyses (0: none)")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="save everything here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("consilience").setLevel(logging.WARNING)  # one line per trial is enough
    backends = [name.strip() for name in args.backends.split(",") if name.strip()]
    unknown = set(backends) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory(prefix="consilience-crash-", dir=args.workdir) as folder:
        workdir = Path(folder)
        setups = {
            "no-analysis": Setup(write_corpus(workdir, args.articles, args.seed),
                                 args.batch_size, analyse=False),
            "analysis": Setup(write_corpus(workdir, args.analysis_articles, args.seed + 1,
                                           name="analysed"),
                              args.analysis_batch_size, analyse=True),
        }
        campaigns = [campaign(backend, setups, args.runs, args.analysis_every, args.seed,
                              workdir) for backend in backends]
    rows = [summary(found) for found in campaigns if not found.skipped]
    print(f"Crash campaign: seed {args.seed}, {args.runs} trials per backend; no-analysis "
          f"trials ingest {args.articles} articles in batches of {args.batch_size}, every "
          f"{args.analysis_every}th trial ingests {args.analysis_articles} articles in batches "
          f"of {args.analysis_batch_size} and analyses its stories; kill after U(0, T).")
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}.\n")
    for found in campaigns:
        if found.skipped:
            print(f"{found.backend}: skipped ({found.skipped})")
        else:
            times = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in
                              found.calibration.items())
            print(f"{found.backend}: uninterrupted ingest T = {times}; campaign "
                  f"{found.seconds:.0f} s")
    print()
    print(table(rows))
    print("\n'killed after last batch' counts kills once every batch was stored while the "
          "process still ran; in brackets, those of trials with analysis (kills during the "
          "analyses).")
    failed = [trial for found in campaigns for trial in found.trials if not trial.ok]
    for trial in failed:
        print(f"\nFAILED {trial.backend} trial (analysis={trial.analyse}, killed at "
              f"{trial.delay_s} s, {trial.phase}):")
        for line in trial.problems:
            print(f"  {line}")
    if args.json:
        args.json.write_text(json.dumps({
            "config": {key: str(value) if isinstance(value, Path) else value
                       for key, value in vars(args).items()},
            "machine": platform.platform(),
            "calibration": {found.backend: found.calibration for found in campaigns},
            "skipped": {found.backend: found.skipped for found in campaigns if found.skipped},
            "summary": rows,
            "trials": [trial.as_dict() for found in campaigns for trial in found.trials],
        }, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
