"""Load: `consilience serve` under 50 concurrent clients, endpoint by endpoint, with a baseline.

Database: the first --articles (5,000) articles of benchmarks/scale.py's seeded corpus (ECB+
and PolNeAR under ../shared/data, replicated with perturbation), ingested with `consilience
ingest --no-analysis`, then the --stories largest stories of at most --max-size articles
analysed (`stream.analyse_stale`, spaCy) so their pages and documents exist. Built once and
kept under --cache (default ./.cache/load, git-ignored) with a manifest; a later run reuses it.

Load: a real `consilience serve --db DB --port P` process (one uvicorn process, no workers
option: FastAPI runs the synchronous handlers in its thread pool), driven from this process on
loopback by --clients keep-alive clients for --duration seconds per endpoint, with `wrk` when
it is on PATH, else asyncio + httpx (benchmarks/loadgen.py). Before each endpoint: an idle
server, each of its paths requested once (the cold "first visit", when nothing is cached yet)
and --warmup seconds of unrecorded load, so the recorded part is the steady state. Each
endpoint cycles over its paths: the story list with and without ?q=, the analysed stories'
pages and documents, the list API, and articles of those stories. BASELINE: the static
/api/openapi.json (made once per app, no database work), measured first and last, so every
endpoint is also given as a ratio to it (the machine is small and noisy; absolute figures are
not comparable across runs). Targets: no errors, p99 under 10x p50.

    .venv/bin/python benchmarks/load.py [--articles 5000] [--stories 30] [--max-size 40]
        [--duration 20] [--clients 50] [--warmup 2] [--tool auto|wrk|python]
        [--cache DIR] [--shared ../shared] [--json results.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import platform
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from corpora import ecb_root
from loadgen import Measurement, percentile, python_load, wrk_available, wrk_load

LOGGER = logging.getLogger("load")
ROOT = Path(__file__).resolve().parents[1]
CONSILIENCE = Path(sys.executable).parent / "consilience"
SEED = 20261122  # scale.py's: the same corpus
BATCH_SIZE = 200
BASELINE = "baseline: /api/openapi.json"
QUERY_WORDS = 4
ARTICLE_PATHS = 200
TARGET_RATIO = 10.0

# Analyses the given stories in this child (spaCy loads here, not in the load driver).
ANALYSE = r"""
import json, sys, time
from consilience.store import Store
from consilience.stream import analyse_stale
db, *ids = sys.argv[1:]
problems = []
began = time.perf_counter()
with Store(db) as store:
    done = analyse_stale(store, stories=[int(story) for story in ids], problems=problems)
print(json.dumps({"done": done, "seconds": time.perf_counter() - began,
                  "problems": [problem.message for problem in problems]}))
"""


# --- the database -----------------------------------------------------------------------------

@dataclass(slots=True)
class Database:
    path: str
    articles: int
    stories: int
    largest: int
    megabytes: float
    analysed: list[int]  # the stories the load requests, largest first
    sizes: list[int]  # their sizes
    built_s: float | None  # None: reused from the cache


def _facts(db: Path) -> tuple[int, int, int, float]:
    size = sum(path.stat().st_size for path in db.parent.glob(db.name + "*")
               if not path.name.endswith(".json"))
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        articles = connection.execute("select count(*) from articles").fetchone()[0]
        stories = connection.execute("select count(*) from stories").fetchone()[0]
        largest = connection.execute("select max(size) from stories").fetchone()[0] or 0
    return articles, stories, largest, size / 2**20


def _targets(db: Path, count: int, max_size: int) -> list[tuple[int, int]]:
    """(story, size) of the `count` largest stories of at most `max_size` articles."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        return [(story, size) for story, size in connection.execute(
            "select id, size from stories where size <= ? order by size desc, id limit ?",
            (max_size, count))]


def _ingest(db: Path, shared: Path, articles: int, seed: int) -> None:
    import scale  # the corpus (reads ../shared/data); only needed to build

    docs, polnear = scale.base_documents(shared)
    started = time.perf_counter()
    records = scale.make_records(docs, articles, seed)
    LOGGER.info("corpus: %d articles from %d base documents (PolNeAR %d) in %.1f s",
                len(records), len(docs), polnear, time.perf_counter() - started)
    with tempfile.TemporaryDirectory(prefix="consilience-load-") as folder:
        corpus = scale.write_shards(records, Path(folder) / "corpus")
        command = [str(CONSILIENCE), "ingest", str(corpus), "--db", str(db), "--no-analysis",
                   "--quiet", "--batch-size", str(BATCH_SIZE)]
        LOGGER.info("consilience %s", " ".join(command[1:]))
        subprocess.run(command, check=True)


def _analyse(db: Path, stories: Sequence[int]) -> None:
    LOGGER.info("analysing %d stories (spaCy) ...", len(stories))
    done = subprocess.run([sys.executable, "-c", ANALYSE, str(db), *map(str, stories)],
                          check=True, capture_output=True, text=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    LOGGER.info("analysed %d stories in %.0f s", report["done"], report["seconds"])
    if report["problems"]:
        raise RuntimeError(f"analysis failed: {report['problems']}")


def _stale(db: Path, stories: Sequence[int]) -> list[int]:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        return [story for story in stories if connection.execute(
            "select analysis is null or stale from stories where id = ?",
            (story,)).fetchone()[0]]


def ensure_database(cache: Path, shared: Path, articles: int, seed: int, stories: int,
                    max_size: int) -> Database:
    """The cached database for these settings, built (ingested, analysed) when missing; a
    manifest written last marks a complete build, so an interrupted one starts again."""
    cache.mkdir(parents=True, exist_ok=True)
    db = cache / f"load-{articles}-{seed}.db"
    manifest = cache / f"{db.name}.json"
    started = time.perf_counter()
    built = False
    if not (manifest.is_file() and db.is_file()
            and json.loads(manifest.read_text()).get("requested") == articles):
        for old in [*cache.glob(db.name + "*")]:
            old.unlink()
        _ingest(db, shared, articles, seed)
        built = True
    targets = _targets(db, stories, max_size)
    ids = [story for story, _ in targets]
    missing = _stale(db, ids)
    if missing:
        _analyse(db, missing)
        built = True
    count, total_stories, largest, megabytes = _facts(db)
    manifest.write_text(json.dumps({"requested": articles, "articles": count, "seed": seed,
                                    "analysed": ids}) + "\n")
    return Database(str(db), count, total_stories, largest, megabytes, ids,
                    [size for _, size in targets],
                    time.perf_counter() - started if built else None)


def query_words(db: str, count: int) -> list[str]:
    """The `count` commonest words (5+ letters) of the story titles: searches that find
    stories."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        titles = [title or "" for (title,) in connection.execute("select title from stories")]
    words = Counter(word for title in titles for word in re.findall(r"[a-z]{5,}", title.lower()))
    return [word for word, _ in words.most_common(count)]


def article_ids(db: str, stories: Sequence[int], limit: int) -> list[str]:
    """Up to `limit` articles of the analysed stories, in story order."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        found: list[str] = []
        for story in stories:
            found += [article for (article,) in connection.execute(
                "select article from memberships where story = ? order by article", (story,))]
    return found[:limit]


# --- the server -------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(db: str, log: Path) -> Iterator[tuple[str, int]]:
    """(base URL, pid) of a real `consilience serve` over `db`; stopped with Ctrl+C after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("w", encoding="utf-8") as errors:
        process = subprocess.Popen([str(CONSILIENCE), "serve", "--db", db, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"serve exited: {log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{base}/api/openapi.json", timeout=5):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            yield base, process.pid
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- measuring --------------------------------------------------------------------------------

def endpoints(database: Database) -> list[tuple[str, list[str]]]:
    """(name, paths cycled over) of every endpoint, the baseline first."""
    stories = database.analysed
    words = query_words(database.path, QUERY_WORDS)
    articles = article_ids(database.path, stories, ARTICLE_PATHS)
    return [
        (BASELINE, ["/api/openapi.json"]),
        ("/ (story list)", ["/"]),
        (f"/?q= ({len(words)} words)", [f"/?q={word}" for word in words]),
        (f"/stories/{{id}} ({len(stories)} stories)", [f"/stories/{story}" for story in stories]),
        ("/api/stories", ["/api/stories"]),
        (f"/api/stories/{{id}} ({len(stories)} stories)",
         [f"/api/stories/{story}" for story in stories]),
        (f"/api/articles/{{id}} ({len(articles)} articles)",
         [f"/api/articles/{article}" for article in articles]),
    ]


def first_visits(base: str, paths: Sequence[str]) -> list[float]:
    """Milliseconds of each distinct path's first request, one at a time: what a cold server
    (nothing cached yet) costs, before the load, so the load measures the steady state."""
    times = []
    for path in dict.fromkeys(paths):
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=60) as response:
                response.read()
        except urllib.error.HTTPError as error:
            error.read()
        times.append(1000 * (time.perf_counter() - started))
    return sorted(times)


def settle(pid: int, limit: float = 60.0) -> None:
    """Wait until the server is idle (under 10% of a CPU over half a second): a load tool that
    stops with requests in flight (wrk) leaves the server working on them for a while, which
    the next endpoint must not pay for."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(0.5)
        after = cpu_seconds(pid)
        if before is None or after is None or after - before < 0.05:
            return


def measure(tool: str, name: str, base: str, paths: Sequence[str], clients: int,
            duration: float, warmup: float, pid: int) -> Measurement:
    """Every path once, then `warmup` seconds of unrecorded load, then `duration` recorded;
    an idle server before each."""
    settle(pid)
    first = first_visits(base, paths)
    settle(pid)
    drive = wrk_load if tool == "wrk" else python_load
    before: list[float | None] = [None]

    def on_start() -> None:
        before[0] = cpu_seconds(pid)

    result = drive(name, base, paths, clients, duration, warmup, on_start)
    after = cpu_seconds(pid)
    if before[0] is not None and after is not None:
        result.server_cpu_s = after - before[0]
    result.first_p50_ms, result.first_max_ms = percentile(first, 0.5), first[-1]
    LOGGER.info("%s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors", name,
                result.requests_per_s, result.p50_ms, result.p99_ms, result.errors)
    return result


def table(results: Sequence[Measurement]) -> str:
    baselines = [result for result in results if result.name.startswith(BASELINE)]
    rate = sum(result.requests_per_s for result in baselines) / len(baselines)
    p50 = sum(result.p50_ms for result in baselines) / len(baselines)
    lines = ["| endpoint | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | p99/p50 "
             "| errors | KB/answer | server CPU % | req/s vs baseline | p50 vs baseline "
             "| first visit ms (median / max) |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for result in results:
        cpu = (f"{100 * result.server_cpu_s / result.duration_s:.0f}"
               if result.server_cpu_s is not None else "")
        flag = "" if result.p99_over_p50 < TARGET_RATIO else " (over 10x)"
        lines.append(
            f"| {result.name} | {result.requests:,} | {result.requests_per_s:,.0f} "
            f"| {result.p50_ms:.1f} | {result.p90_ms:.1f} | {result.p99_ms:.1f} "
            f"| {result.max_ms:.0f} | {result.p99_over_p50:.1f}{flag} | {result.errors} "
            f"| {result.mean_kb:.1f} | {cpu} | {result.requests_per_s / rate:.3f} "
            f"| {result.p50_ms / p50:.1f}x | {result.first_p50_ms or 0:.0f} / "
            f"{result.first_max_ms or 0:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--stories", type=int, default=30,
                        help="analyse and request this many stories (the largest ones)")
    parser.add_argument("--max-size", type=int, default=40,
                        help="largest story (articles) to analyse and request")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per endpoint")
    parser.add_argument("--warmup", type=float, default=2.0,
                        help="seconds of unrecorded load before each endpoint")
    parser.add_argument("--clients", type=int, default=50, help="concurrent connections")
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto",
                        help="load driver (auto: wrk when on PATH, else python)")
    parser.add_argument("--only", help="measure only endpoints whose name contains this "
                        "(the baseline is always measured)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "load",
                        help="where the database is built and kept")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/ecb-plus and data/polnear")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.stories < 1 or args.clients < 1 or args.duration <= 0:
        parser.error("--articles, --stories, --clients and --duration must be positive")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    for noisy in ("httpx", "httpcore"):  # a line per request would cost the client its CPU
        logging.getLogger(noisy).setLevel(logging.WARNING)
    tool = ("wrk" if wrk_available() else "python") if args.tool == "auto" else args.tool
    if tool == "wrk" and not wrk_available():
        parser.error("--tool wrk: wrk is not on PATH")

    manifest = args.cache / f"load-{args.articles}-{args.seed}.db.json"
    if not manifest.is_file() and not ecb_root(args.shared).is_dir():
        print(f"skipped: no cached database and no ECB+ corpus under {ecb_root(args.shared)}")
        return 0
    database = ensure_database(args.cache, args.shared, args.articles, args.seed,
                               args.stories, args.max_size)
    LOGGER.info("database %s: %d articles, %d stories, %.1f MB", database.path,
                database.articles, database.stories, database.megabytes)

    chosen = endpoints(database)
    if args.only:
        chosen = [item for item in chosen
                  if item[0] == BASELINE or args.only in item[0]]
    results: list[Measurement] = []
    log = args.cache / "serve.log"
    with serving(database.path, log) as (base, pid):
        for name, paths in chosen:
            results.append(measure(tool, name, base, paths, args.clients, args.duration,
                                   args.warmup, pid))
        first = results[0]
        first.name = f"{BASELINE} (first)"
        last = measure(tool, f"{BASELINE} (last)", base, chosen[0][1], args.clients,
                       args.duration, args.warmup, pid)
        results.append(last)
    server_log = [line for line in log.read_text().splitlines() if line.strip()]
    tracebacks = sum("Traceback" in line for line in server_log)

    print(f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()} "
          f"({platform.platform()})")
    print(f"Database: {database.path}: {database.articles:,} articles, {database.stories:,} "
          f"stories (largest {database.largest:,} articles), {database.megabytes:.1f} MB "
          f"SQLite; {len(database.analysed)} analysed stories of "
          f"{min(database.sizes)}-{max(database.sizes)} articles requested "
          + ("(reused from the cache)" if database.built_s is None
             else f"(built in {database.built_s:.0f} s)"))
    print("Server: `consilience serve --db DB --port P`: 1 uvicorn process (1 worker; no "
          "multi-process option), synchronous handlers in FastAPI's thread pool, on loopback.")
    print(f"Load: {tool}, {args.clients} concurrent keep-alive clients, {args.duration:g} s "
          f"per endpoint after {args.warmup:g} s of warm-up, from a second process; the "
          f"client shares the {os.cpu_count()} CPUs with the server. Latency: send to body "
          "read, per request. Errors: non-2xx answers and connection errors.\n")
    print(table(results))
    missed = [result.name for result in results
              if result.errors or result.p99_over_p50 >= TARGET_RATIO]
    print(f"\ntargets (0 errors, p99 < {TARGET_RATIO:g}x p50): "
          + ("all met" if not missed else "missed by " + ", ".join(missed)))
    print(f"server log: {len(server_log)} lines, {tracebacks} tracebacks")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform()},
            "database": asdict(database), "tool": tool, "clients": args.clients,
            "duration_s": args.duration, "warmup_s": args.warmup, "server_processes": 1,
            "results": [asdict(result) for result in results],
            "server_log_lines": len(server_log), "tracebacks": tracebacks,
        }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
