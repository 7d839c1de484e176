"""Start-up: how long `consilience serve` takes to answer its first request, and its memory.

Database: the example story (examples/japan-2plus2) ingested with analysis into a temporary
SQLite file, so the server has a story page and a stored document to serve.

Measured: a real `consilience serve --db DB --port P` process, from spawn to the first 200
answer of /api/stories (polled every 10 ms), then one story page and its document requested,
then the resident memory of the process (VmRSS) and its peak (VmHWM) from /proc, then SIGINT.
BASELINE, in the same run: the same server with the language pipeline imported first
(`import consilience.pipeline` before the command runs), which is what `serve` did while
`import consilience` loaded spaCy. Each variant runs --repeat times, alternating; the table
gives min / median / max.

    .venv/bin/python benchmarks/serve_start.py [--repeat 7] [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "japan-2plus2"

LAUNCHERS = {
    "serve": "from consilience.cli import main; main()",
    "baseline: serve with spaCy imported": (
        "import consilience.pipeline; from consilience.cli import main; main()"),
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answered(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            response.read()
            return bool(response.status == 200)
    except (OSError, urllib.error.HTTPError):
        return False


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB."""
    fields = dict(line.split(":", 1) for line in
                  Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def one_start(launcher: str, db: Path) -> dict[str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    began = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", launcher, "serve", "--db", str(db),
                                "--port", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        while not answered(f"{base}/api/stories"):
            if process.poll() is not None:
                raise SystemExit(f"serve exited: {process.communicate()[1]}")
            time.sleep(0.01)
        first = time.perf_counter() - began
        for path in ("/stories/1", "/api/stories/1"):
            if not answered(base + path):
                raise SystemExit(f"{path} did not answer 200")
        rss, peak = memory_mb(process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    return {"first_answer_s": first, "rss_mb": rss, "peak_mb": peak}


def build_database(folder: Path) -> Path:
    from consilience import AnalyzeConfig
    from consilience.store import Store
    from consilience.stream import ingest

    db = folder / "stories.db"
    with Store(db) as store:
        ingest([EXAMPLE], store, config=AnalyzeConfig())
    return db


def spread(values: list[float], digits: int) -> str:
    return " / ".join(f"{value:.{digits}f}" for value in
                      (min(values), statistics.median(values), max(values)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = build_database(Path(folder))
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in LAUNCHERS}
        for _ in range(args.repeat):
            for name, launcher in LAUNCHERS.items():
                runs[name].append(one_start(launcher, db))
    print("| server | first answer s (min / median / max) | RSS MB | peak RSS MB |")
    print("|---|---|---|---|")
    for name, measured in runs.items():
        print(f"| {name} | {spread([m['first_answer_s'] for m in measured], 2)} | "
              f"{spread([m['rss_mb'] for m in measured], 0)} | "
              f"{spread([m['peak_mb'] for m in measured], 0)} |")
    serve, baseline = (statistics.median(m["first_answer_s"] for m in runs[name])
                       for name in LAUNCHERS)
    print(f"\nserve answers first in {serve / baseline:.2f}x the baseline's time")
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
