"""Concurrent writers: real `consilience ingest` processes on one database at the same time.

Shared by tests/test_concurrency.py (a small case per backend) and benchmarks/concurrency.py
(two and four writers on gva-dev local news, both backends, with random SIGKILLs), so both
judge a run alike. A run:

1. empties the database and starts one `consilience -v ingest FILE --db URL --batch-size B
   --quiet [--no-analysis]` per writer, all at once (each in its own process group);
2. optionally SIGKILLs one writer, chosen and timed by the caller;
3. waits for every writer; then runs each killed writer's ingest again, alone, to its end
   (what a user does after a crash);
4. judges the database against the inputs and a baseline (`one_writer`: the same articles
   ingested by one process): every article stored exactly once, `check_integrity` clean, the
   stories exactly those one clusterer makes of the stored articles in their stored order
   (`replay`: what no merge or split by a second writer can pass), the stories the
   baseline's, or as good (B-cubed F1 against gold labels within 0.01 of the baseline's; or,
   without gold, against the baseline's stories at least 0.99), no process failing except by
   the kill, no story analysed twice at one size (from the processes' "analysed story N (S
   articles)" log lines), and no story left stale when analysing.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, select

from consilience.clean import clean_all
from consilience.cluster import TwoLevelClusterer, features_from_json
from consilience.config import ClusteringSettings
from consilience.errors import NoDatabaseError
from consilience.ingest import read_inputs
from consilience.store import Store, check_integrity, schema

from .crash import consilience_command, reset_database

TIMEOUT = 900
_ANALYSED = re.compile(r"analysed story (\d+) \((\d+) articles\)")


@dataclass(frozen=True, slots=True)
class Plan:
    """What the writers ingest: one file each; `kill` = (writer index, seconds after start)."""

    inputs: tuple[Path, ...]
    batch_size: int
    analyse: bool
    kill: tuple[int, float] | None = None
    command: tuple[str, ...] = ()  # the consilience to run (default: this environment's)
    env: tuple[tuple[str, str], ...] = ()  # extra environment (e.g. PYTHONPATH of another one)


@dataclass(slots=True)
class Outcome:
    """What a run left: placement (article -> story), exit codes, and its verdict."""

    seconds: float = 0.0
    codes: list[int] = field(default_factory=list)
    rerun_codes: list[int] = field(default_factory=list)
    killed: int | None = None
    killed_before_exit: bool = False
    placement: dict[str, int] = field(default_factory=dict)
    replay: dict[str, int] = field(default_factory=dict)  # one clusterer, the stored order
    stored: int = 0
    stories: int = 0
    stale: int = 0
    analyses: int = 0
    double_analyses: int = 0
    caught_up: int = 0  # batches that first read articles another writer had stored
    integrity: tuple[str, ...] = ()
    failures: list[str] = field(default_factory=list)  # stderr lines of failed processes

    def problems(self, expected: set[str],
                 baseline: dict[str, int] | Sequence[dict[str, int]] | None,
                 min_f1: float = 0.99, truth: dict[str, str] | None = None) -> list[str]:
        """Every way the run falls short (empty: it passed). The stories pass when they are
        a baseline's (one or more one-writer runs of the same inputs), or (with `truth`, gold
        labels) when their B-cubed F1 against the gold is at most 1 - `min_f1` under the
        lowest baseline's, or (without) when their F1 against a baseline's stories is at least
        `min_f1`."""
        found: list[str] = []
        if set(self.placement) != expected or self.stored != len(expected):
            missing = len(expected - set(self.placement))
            extra = len(set(self.placement) - expected)
            found.append(f"stored {self.stored} articles for {len(expected)} expected "
                         f"({missing} missing, {extra} foreign)")
        if self.integrity:
            found.append(f"check: {'; '.join(self.integrity[:3])}")
        if self.failures:
            found.append(f"process failed: {'; '.join(self.failures[:3])}")
        if self.double_analyses:
            found.append(f"{self.double_analyses} story/size analysed more than once")
        if self.stale:
            found.append(f"{self.stale} stories left stale")
        if self.replay and bcubed_f1(self.placement, self.replay) < 1.0:
            found.append(f"stories differ from one writer's in the stored order (B-cubed F1 "
                         f"{bcubed_f1(self.placement, self.replay):.3f})")
        baselines = [] if baseline is None else (
            [baseline] if isinstance(baseline, dict) else list(baseline))
        if baselines and max(bcubed_f1(self.placement, one) for one in baselines) < 1.0:
            if truth is not None:
                mine = bcubed_f1(self.placement, truth)
                floor = min(bcubed_f1(one, truth) for one in baselines)
                if mine < floor - (1 - min_f1) - 1e-9:
                    found.append(f"B-cubed F1 {mine:.3f} against the gold, one writer's "
                                 f"{floor:.3f}")
            else:
                best = max(bcubed_f1(self.placement, one) for one in baselines)
                if best < min_f1:
                    found.append(f"B-cubed F1 {best:.3f} against the one-writer stories")
        return found


def write_feed(path: Path, records: Sequence[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def article_ids(paths: Sequence[Path]) -> set[str]:
    """The ids ingest gives the articles of these files (read and cleaned as it does)."""
    return set(article_titles(paths))


def article_titles(paths: Sequence[Path]) -> dict[str, str]:
    """Article id -> title, as ingest reads them (synthetic records: the title names the
    event, so it serves as the gold story)."""
    raws, _ = read_inputs(paths)
    articles, _ = clean_all(raws)
    return {article.id: article.title or "" for article in articles}


def split_records(records: Sequence[dict[str, str]], writers: int, overlap: bool
                  ) -> list[list[dict[str, str]]]:
    """Each writer's records: every `writers`-th one (disjoint), or with `overlap` also its
    neighbour's share, so every record goes to two writers (all of them, with two writers)."""
    shares: list[list[dict[str, str]]] = [[] for _ in range(writers)]
    for index, record in enumerate(records):
        owner = index % writers
        shares[owner].append(record)
        if overlap and writers > 1:
            shares[(owner + 1) % writers].append(record)
    return shares


def _command(url: str, paths: Sequence[Path], plan: Plan) -> list[str]:
    program = list(plan.command) or consilience_command()
    command = [*program, "-v", "ingest", *map(str, paths), "--db", url,
               "--batch-size", str(plan.batch_size), "--quiet"]
    return command if plan.analyse else [*command, "--no-analysis"]


def _start(command: list[str], log: Path, plan: Plan) -> subprocess.Popen[bytes]:
    env = dict(os.environ, COLUMNS="400", **dict(plan.env))  # one log record per line
    with log.open("wb") as handle:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=handle, env=env,
                                start_new_session=True)


def _failure_lines(log: Path) -> str:
    lines = [line.strip() for line in log.read_text(errors="replace").splitlines()
             if "error" in line.lower()]
    return " | ".join(lines[-3:]) or "(no message)"


def run_writers(url: str, plan: Plan, workdir: Path) -> Outcome:
    """Steps 1-3 of the module docstring, then `examine`."""
    reset_database(url)
    outcome = Outcome()
    logs = [workdir / f"writer-{index}.log" for index in range(len(plan.inputs))]
    started = time.perf_counter()
    processes = [_start(_command(url, [path], plan), log, plan)
                 for path, log in zip(plan.inputs, logs, strict=True)]
    if plan.kill is not None:
        index, delay = plan.kill
        _wait_until(processes[index], started + delay)
        outcome.killed = index
        if processes[index].poll() is None:
            os.killpg(processes[index].pid, signal.SIGKILL)
            outcome.killed_before_exit = True
    for process in processes:
        process.wait(timeout=TIMEOUT)
    outcome.seconds = time.perf_counter() - started
    outcome.codes = [process.returncode for process in processes]
    for index, (code, log) in enumerate(zip(outcome.codes, logs, strict=True)):
        if code != 0 and not (index == outcome.killed and code == -signal.SIGKILL):
            outcome.failures.append(f"writer {index} exit {code}: {_failure_lines(log)}")
    if outcome.killed is not None and outcome.codes[outcome.killed] != 0:
        log = workdir / f"writer-{outcome.killed}-rerun.log"
        rerun = _start(_command(url, [plan.inputs[outcome.killed]], plan), log, plan)
        code = rerun.wait(timeout=TIMEOUT)
        outcome.rerun_codes.append(code)
        logs.append(log)
        if code != 0:
            outcome.failures.append(f"rerun exit {code}: {_failure_lines(log)}")
    analysed: Counter[tuple[int, int]] = Counter()
    for log in logs:
        said = log.read_text(errors="replace")
        outcome.caught_up += said.count("stored by another writer")
        for story, size in _ANALYSED.findall(said):
            analysed[(int(story), int(size))] += 1
    outcome.analyses = sum(analysed.values())
    outcome.double_analyses = sum(1 for count in analysed.values() if count > 1)
    examine(url, outcome, plan.analyse)
    return outcome


def _wait_until(process: subprocess.Popen[bytes], moment: float) -> None:
    while time.perf_counter() < moment and process.poll() is None:
        time.sleep(0.02)


def one_writer(url: str, inputs: Sequence[Path], plan: Plan, workdir: Path) -> Outcome:
    """The baseline: every input ingested by one process."""
    reset_database(url)
    outcome = Outcome()
    log = workdir / "one-writer.log"
    command = _command(url, inputs, plan)
    started = time.perf_counter()
    code = _start(command, log, plan).wait(timeout=TIMEOUT)
    outcome.seconds = time.perf_counter() - started
    outcome.codes = [code]
    if code != 0:
        outcome.failures.append(f"one writer exit {code}: {_failure_lines(log)}")
    outcome.analyses = len(_ANALYSED.findall(log.read_text(errors="replace")))
    examine(url, outcome, plan.analyse)
    return outcome


def one_after_another(url: str, inputs: Sequence[Path], plan: Plan, workdir: Path
                      ) -> Outcome:
    """The other one-writer baseline: the inputs ingested by one process each, one after
    another (as cron would, feed by feed)."""
    reset_database(url)
    outcome = Outcome()
    started = time.perf_counter()
    for index, path in enumerate(inputs):
        log = workdir / f"in-turn-{index}.log"
        code = _start(_command(url, [path], plan), log, plan).wait(timeout=TIMEOUT)
        outcome.codes.append(code)
        if code != 0:
            outcome.failures.append(f"writer {index} exit {code}: {_failure_lines(log)}")
        outcome.analyses += len(_ANALYSED.findall(log.read_text(errors="replace")))
    outcome.seconds = time.perf_counter() - started
    examine(url, outcome, plan.analyse)
    return outcome


def examine(url: str, outcome: Outcome, analyse: bool) -> None:
    """Placement, counts and the integrity check of the database as the run left it, and the
    stories one clusterer makes of the stored articles in their stored order (`replay`)."""
    try:
        store = Store(url, read_only=True)
    except NoDatabaseError as error:  # every writer failed before making the database
        outcome.integrity = (error.one_line(),)
        return
    with store:
        outcome.integrity = check_integrity(store).problems
        settings = ClusteringSettings()
        clusterer = TwoLevelClusterer(settings.stories, settings.topics)
        for stored in store.stored_articles():
            placed = clusterer.add(features_from_json(stored.article.id, stored.features))
            outcome.replay[stored.article.id] = placed.story.story
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            outcome.placement = dict(connection.execute(select(
                schema.memberships.c.article, schema.memberships.c.story)).all())
            outcome.stored = len(connection.execute(select(schema.articles.c.id)).all())
            stale = connection.execute(select(schema.stories.c.id).where(
                schema.stories.c.stale.is_(True))).all()
            outcome.stories = len(connection.execute(select(schema.stories.c.id)).all())
    finally:
        engine.dispose()
    outcome.stale = len(stale) if analyse else 0


def bcubed_f1(found: dict[str, int], gold: dict[str, int]) -> float:
    """B-cubed F1 of a clustering (item -> cluster) against a gold one, over shared items."""
    items = [item for item in found if item in gold]
    if not items:
        return 0.0
    found_members: dict[int, set[str]] = {}
    gold_members: dict[int, set[str]] = {}
    for item in items:
        found_members.setdefault(found[item], set()).add(item)
        gold_members.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        mine, theirs = found_members[found[item]], gold_members[gold[item]]
        both = len(mine & theirs)
        precision += both / len(mine)
        recall += both / len(theirs)
    precision, recall = precision / len(items), recall / len(items)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
