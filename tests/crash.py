"""Crash trials: a real `consilience ingest` process killed with SIGKILL, the database checked,
then the ingest run again to completion and the database checked again.

Shared by tests/test_crash_consistency.py (a few fixed kill points per backend) and
benchmarks/crash.py (the campaign: many trials at random kill points), so both judge a trial
the same way. A trial:

1. starts `consilience ingest FEED --db URL --batch-size B [--no-analysis] --quiet` (the
   installed entry point next to this interpreter, as a user runs it) on an empty database;
2. waits `delay` seconds (from the start of the process), then sends SIGKILL to its process
   group; a process that ended first is noted as such;
3. checks the database as the kill left it: `check_integrity` finds nothing; the stored
   articles are the first n of the stream in stream order, n a multiple of B (only whole
   batches committed) or the whole corpus, no id twice and none foreign;
4. runs the same ingest again, without a kill: it must exit 0 and leave every article stored
   exactly once, integrity clean, every story as an uninterrupted ingest makes it (the
   clusterer reloaded from the database must place articles exactly as it would have), and,
   when analysing, as many stale stories as the uninterrupted run left (none).

Ingest stores articles in stream order (`stream_order_key`: by date, then id), `B` per
transaction, positions 1..n; that is what makes "whole batches" checkable from the database
alone: the stored ids, by position, must be a prefix of the corpus in stream order.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from consilience.clean import clean_all
from consilience.cluster.assemble import stream_order_key
from consilience.errors import ConsilienceError, NoDatabaseError
from consilience.ingest import read_inputs
from consilience.store import Store, check_integrity, schema

RERUN_TIMEOUT = 600

BEFORE_FIRST_COMMIT = "before first commit"
DURING_BATCHES = "during batches"
AFTER_LAST_BATCH = "after last batch"  # with analysis: while stories are analysed
AFTER_EXIT = "after exit"
PHASES = (BEFORE_FIRST_COMMIT, DURING_BATCHES, AFTER_LAST_BATCH, AFTER_EXIT)


def consilience_command() -> list[str]:
    """The installed `consilience` entry point of this environment (.venv/bin/consilience)."""
    script = Path(sys.executable).with_name("consilience")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("consilience")
    return [found] if found else [sys.executable, "-m", "consilience"]


# --- corpus -----------------------------------------------------------------------------------

PLACES = ("Ashford", "Brightwater", "Calder", "Dunmore", "Eastleigh", "Fairhaven", "Glenrock",
          "Harrow", "Ironbridge", "Kestrel Bay", "Lakemont", "Millbrook", "Northgate", "Oakdale",
          "Pinecrest", "Queensport", "Redfield", "Stonehaven", "Thornbury", "Westmere")
PEOPLE = ("Maria Lindqvist", "Tomas Okafor", "Helen Park", "Rafael Duarte", "Aiko Tanabe",
          "Samuel Brandt", "Nadia Haddad", "Victor Petrov", "Grace Mbeki", "Oliver Quinn",
          "Lucia Romano", "Daniel Novak")
ORGS = ("the regional council", "the fire service", "the port authority", "the health board",
        "the transport ministry", "the water company", "the police", "the university")
EVENTS = (  # (name, what happened with {n}, unit counted)
    ("flood", "the river burst its banks and flooded {n} streets", "homes evacuated"),
    ("fire", "a fire destroyed {n} warehouses near the docks", "firefighters deployed"),
    ("strike", "{n} bus drivers walked out over pay", "routes cancelled"),
    ("storm", "a storm brought down {n} power lines", "households without power"),
    ("election", "voters chose a new mayor with {n} percent turnout", "ballots counted"),
    ("derailment", "a freight train derailed {n} kilometres north of the station",
     "passengers delayed"),
    ("outbreak", "{n} pupils fell ill after a school lunch", "patients treated"),
    ("festival", "the harbour festival drew {n} visitors", "stalls opened"),
)
OUTLETS = ("Herald", "Courier", "Ledger", "Gazette", "Tribune", "Post", "Chronicle", "Observer")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def synthetic_records(count: int, seed: int = 7, per_story: int = 8) -> list[dict[str, str]]:
    """`count` short news articles about `count // per_story` events (a place, a person, an
    organisation, a kind of event, a date), each told by several outlets with their own
    numbers, quotes and sentence order: stories to cluster, entities and figures to analyse.
    No two texts are the same."""
    rng = random.Random(seed)
    events = []
    for number in range(max(1, count // per_story)):
        name, happened, unit = EVENTS[number % len(EVENTS)]
        events.append({
            "name": name, "happened": happened, "unit": unit,
            "place": PLACES[(number * 7 + number // len(PLACES)) % len(PLACES)],
            "person": PEOPLE[number % len(PEOPLE)], "org": ORGS[(number * 3) % len(ORGS)],
            "day": date(2024, 1, 1) + timedelta(days=(number * 5) % 360),
            "n": rng.randrange(12, 900)})
    records: list[dict[str, str]] = []
    for index in range(count):
        event = rng.choice(events)
        n = event["n"] + rng.randrange(-5, 6)
        day = event["day"] + timedelta(days=rng.randrange(0, 3))
        weekday = WEEKDAYS[day.weekday()]
        outlet = f"The {event['place']} {OUTLETS[index % len(OUTLETS)]}"
        lede = (f"{event['place']}: {event['happened'].format(n=n)} on {weekday}, "
                f"{event['person']} of {event['org']} said.")
        body = [
            f"\"We have never seen a {event['name']} like this one,\" said {event['person']}.",
            f"Officials in {event['place']} counted {n + rng.randrange(1, 40)} "
            f"{event['unit']} by {weekday} evening.",
            f"{event['org'].capitalize()} said it would publish a report on the "
            f"{event['name']} within {rng.randrange(2, 30)} days.",
            f"Residents of {event['place']} called it the worst {event['name']} since "
            f"{rng.randrange(1950, 2020)}.",
            f"{outlet} could not confirm every figure independently (report {index}).",
        ]
        rng.shuffle(body)
        text = " ".join([lede, *body[:rng.randrange(3, len(body) + 1)]])
        records.append({
            "title": f"{event['name'].capitalize()} in {event['place']}: {event['person']} "
                     f"speaks",
            "text": text, "published": day.isoformat(), "outlet": outlet,
            "url": f"https://news.example/{day:%Y/%m/%d}/{event['name']}-{index}"})
    return records


@dataclass(frozen=True, slots=True)
class Corpus:
    """A feed file and its article ids in stream order (the order ingest stores them)."""

    path: Path
    ids: tuple[str, ...]


def write_corpus(folder: Path, count: int, seed: int = 7, name: str = "feed") -> Corpus:
    """Write `count` synthetic articles as one JSONL feed; read them back the way ingest does
    (read, clean, stream order) for the ids in the order they will be stored."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{count}-{seed}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in synthetic_records(count, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    raws, problems = read_inputs([path])
    articles, cleaning = clean_all(raws)
    if problems or cleaning or len(articles) != count:
        raise RuntimeError(f"the corpus does not read back whole: {[*problems, *cleaning][:3]}")
    return Corpus(path, tuple(article.id for article in sorted(articles, key=stream_order_key)))


# --- databases --------------------------------------------------------------------------------

def reset_database(url: str) -> None:
    """Empty the database at `url`: remove an SQLite file (and its WAL), drop PostgreSQL's
    tables (waiting, if need be, for the server to end a killed client's transaction)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{parsed.database}{suffix}").unlink(missing_ok=True)
        return
    engine = create_engine(parsed.set(drivername="postgresql+psycopg"))
    try:
        with engine.begin() as connection:
            for table in reversed(schema.metadata.sorted_tables):
                connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{table.name}" CASCADE')
    finally:
        engine.dispose()


# --- one look at the database -----------------------------------------------------------------

@dataclass(slots=True)
class Snapshot:
    """The database as one look found it, and every rule it breaks."""

    ids: list[str] = field(default_factory=list)  # stored article ids, by position
    placement: dict[str, int] = field(default_factory=dict)  # article id -> story id
    analysed: int = 0  # stories with an analysis
    stale: int = 0  # stories marked stale
    lost: int = 0  # articles of committed batches that are not there
    duplicated: int = 0  # article ids stored more than once
    problems: list[str] = field(default_factory=list)


def examine(url: str, corpus: Corpus, batch_size: int, *, complete: bool) -> Snapshot:
    """Check the database against the corpus. `complete`: an ingest ran to its end, so every
    article must be there; otherwise only whole batches, as a prefix of the stream."""
    found = Snapshot()
    try:
        store = Store(url, read_only=True)
    except NoDatabaseError:
        if complete:
            found.problems.append("no database after a complete ingest")
            found.lost = len(corpus.ids)
        return found  # killed before the schema was committed: nothing stored, nothing broken
    except ConsilienceError as error:
        found.problems.append(f"cannot open the database: {error.one_line()}")
        return found
    with store:
        report = check_integrity(store)
        found.problems += [f"integrity: {line}" for line in report.problems]
        with store.engine.connect() as connection:
            rows = connection.execute(select(
                schema.articles.c.id, schema.memberships.c.story).select_from(
                schema.articles.outerjoin(schema.memberships,
                                          schema.memberships.c.article == schema.articles.c.id)
            ).order_by(schema.articles.c.position)).all()
            stories = connection.execute(select(schema.stories.c.stale,
                                                schema.stories.c.analysis.is_not(None))).all()
    found.ids = [article for article, _ in rows]
    found.placement = {article: story for article, story in rows}
    found.stale = sum(1 for stale, _ in stories if stale)
    found.analysed = sum(1 for _, analysed in stories if analysed)
    _judge_articles(found, corpus, batch_size, complete)
    return found


def _judge_articles(found: Snapshot, corpus: Corpus, batch_size: int, complete: bool) -> None:
    stored = len(found.ids)
    counts = Counter(found.ids)
    found.duplicated = sum(times - 1 for times in counts.values())
    if found.duplicated:
        found.problems.append(f"{found.duplicated} article(s) stored more than once")
    known = set(corpus.ids)
    foreign = [article for article in counts if article not in known]
    if foreign:
        found.problems.append(f"{len(foreign)} stored article(s) not in the corpus, e.g. "
                              f"{foreign[0]}")
    expected = corpus.ids if complete else corpus.ids[:stored]
    found.lost = sum(1 for article in expected if article not in counts)
    if complete and stored != len(corpus.ids):
        found.problems.append(f"{stored} of {len(corpus.ids)} articles stored after a "
                              "complete ingest")
    if not complete and stored % batch_size and stored != len(corpus.ids):
        found.problems.append(f"{stored} articles stored: not whole batches of {batch_size}")
    if found.lost or tuple(found.ids) != expected[:stored]:
        found.problems.append(f"the stored articles are not the first {stored} of the stream "
                              f"in order ({found.lost} of them missing)")


# --- a trial ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Setup:
    """One ingest configuration: a corpus, a batch size, with or without analysis."""

    corpus: Corpus
    batch_size: int
    analyse: bool

    def command(self, url: str) -> list[str]:
        return [*consilience_command(), "ingest", str(self.corpus.path), "--db", url,
                "--batch-size", str(self.batch_size), "--quiet",
                *([] if self.analyse else ["--no-analysis"])]


@dataclass(frozen=True, slots=True)
class Reference:
    """An uninterrupted ingest of a setup: how long it takes, and what it leaves."""

    seconds: float
    placement: dict[str, int]
    stale: int


def reference_run(setup: Setup, url: str, runs: int = 1) -> Reference:
    """Ingest to completion into an emptied database, `runs` times: the median time is what a
    kill point is a fraction of (the first run of a session pays for cold caches), and the
    stories, the same every time, are what every resumed ingest must end with."""
    times: list[float] = []
    references: list[Snapshot] = []
    for _ in range(max(1, runs)):
        reset_database(url)
        started = time.perf_counter()
        done = subprocess.run(setup.command(url), capture_output=True, text=True,
                              timeout=RERUN_TIMEOUT, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"the uninterrupted ingest failed ({done.returncode}): "
                               f"{done.stderr[-2000:]}")
        found = examine(url, setup.corpus, setup.batch_size, complete=True)
        if found.problems:
            raise RuntimeError(f"the uninterrupted ingest left problems: {found.problems[:5]}")
        if references and found.placement != references[0].placement:
            raise RuntimeError("two uninterrupted ingests made different stories")
        references.append(found)
    return Reference(statistics.median(times), references[0].placement, references[0].stale)


@dataclass(slots=True)
class Trial:
    backend: str
    analyse: bool
    articles: int
    batch_size: int
    delay_s: float
    phase: str = ""
    stored_at_kill: int = 0
    analysed_at_kill: int = 0
    stories_at_kill: int = 0
    lost: int = 0
    duplicated: int = 0
    integrity_failures: int = 0  # looks (after the kill, after the re-run) with a violation
    rerun_code: int | None = None
    same_stories: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def run_trial(setup: Setup, url: str, delay: float, reference: Reference,
              backend: str) -> Trial:
    """Kill an ingest `delay` seconds after it starts, check, resume, check (module doc)."""
    reset_database(url)
    trial = Trial(backend, setup.analyse, len(setup.corpus.ids), setup.batch_size,
                  round(delay, 3))
    started = time.perf_counter()
    command = setup.command(url)
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=log, start_new_session=True)
        try:
            code = process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            code = None
        if code not in (None, 0):
            log.seek(0)
            trial.problems.append(f"the ingest failed before the kill ({code}): "
                                  f"{log.read().decode(errors='replace')[-500:]}")
    after_kill = examine(url, setup.corpus, setup.batch_size, complete=False)
    trial.stored_at_kill = len(after_kill.ids)
    trial.analysed_at_kill = after_kill.analysed
    trial.stories_at_kill = len(set(after_kill.placement.values()))
    trial.phase = (AFTER_EXIT if code is not None else BEFORE_FIRST_COMMIT
                   if not after_kill.ids else DURING_BATCHES
                   if len(after_kill.ids) < len(setup.corpus.ids) else AFTER_LAST_BATCH)
    trial.problems += [f"after the kill: {line}" for line in after_kill.problems]
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=RERUN_TIMEOUT,
                           check=False)
    trial.rerun_code = rerun.returncode
    if rerun.returncode != 0:
        trial.problems.append(f"the re-run failed ({rerun.returncode}): {rerun.stderr[-500:]}")
    final = examine(url, setup.corpus, setup.batch_size, complete=True)
    trial.problems += [f"after the re-run: {line}" for line in final.problems]
    trial.lost = max(after_kill.lost, final.lost)
    trial.duplicated = max(after_kill.duplicated, final.duplicated)
    trial.integrity_failures = sum(
        1 for look in (after_kill, final)
        if any(line.startswith(("integrity:", "cannot open")) for line in look.problems))
    trial.same_stories = final.placement == reference.placement
    if not trial.same_stories:
        moved = sum(1 for article, story in final.placement.items()
                    if reference.placement.get(article) != story)
        trial.problems.append(f"after the re-run: {moved} article(s) in another story than "
                              "an uninterrupted ingest puts them")
    if final.stale != reference.stale:
        trial.problems.append(f"after the re-run: {final.stale} stale stories, an "
                              f"uninterrupted ingest leaves {reference.stale}")
    trial.seconds = round(time.perf_counter() - started, 3)
    return trial
