"""Load drivers for benchmarks/load.py: C concurrent keep-alive clients, each looping GET
requests over a list of paths for a bounded time, from this process to a server on loopback.

Two drivers give the same `Measurement`:

- `wrk` (when it is on PATH, Debian package `wrk`): C, multi-threaded, a Lua script cycling
  the paths; its latency percentiles are its own (microsecond histogram). It barely competes
  with the server for the CPU.
- `python`: asyncio + httpx: C client tasks, each with its own httpx.AsyncClient limited to
  one connection (C connections in all). It needs about 2 ms of CPU per request, more than
  the server spends on a cheap endpoint, so on a small machine the client is the ceiling for
  those: compare endpoints as ratios to the baseline measured with the same driver in the
  same run.

Latency is per request, from sending to the whole body read, as the client sees it (so it
includes queueing behind the other clients' requests: a closed loop of C clients). Errors are
non-2xx answers plus connection errors and timeouts; each is counted, none is retried.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT_S = 30.0


@dataclass(slots=True)
class Measurement:
    """One endpoint under load."""

    name: str
    tool: str
    clients: int
    duration_s: float  # the measured window (after the warm-up) until the last answer
    requests: int  # completed (answered or failed)
    errors: int  # non-2xx answers + connection errors and timeouts
    statuses: dict[str, int]  # answers by status code; "error" for no answer
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_kb: float  # per answer: the body (python), the body and headers (wrk)
    server_cpu_s: float | None = None  # CPU time the server process used meanwhile
    first_p50_ms: float | None = None  # each path's first request (cold), one at a time
    first_max_ms: float | None = None
    requests_per_s: float = field(init=False)
    p99_over_p50: float = field(init=False)

    def __post_init__(self) -> None:
        self.requests_per_s = self.requests / self.duration_s if self.duration_s else 0.0
        self.p99_over_p50 = self.p99_ms / self.p50_ms if self.p50_ms else math.inf


def percentile(ordered: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of an ascending sequence (0 when empty)."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


# --- python: asyncio + httpx ------------------------------------------------------------------

async def _drive(base: str, paths: Sequence[str], clients: int, duration: float,
                 warmup: float, on_start: Callable[[], None]
                 ) -> tuple[list[float], Counter[str], int, float]:
    # One client of one connection per task (`clients` connections in all), not one pool of
    # `clients` connections: httpcore's pool serialises its bookkeeping, and one shared pool
    # of 50 connections topped out at about 100 requests/s here even against a bare ASGI app.
    # The warm-up runs on the same connections, so no measured request pays for a connect.
    import httpx

    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    size = 0
    measured = time.perf_counter() + warmup
    deadline = measured + duration

    async def loop(worker: int) -> None:
        nonlocal size
        index = worker  # the clients start at different paths and step through all
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=TIMEOUT_S) as client:
            while (started := time.perf_counter()) < deadline:
                path = paths[index % len(paths)]
                index += clients
                try:
                    response = await client.get(path)
                    status, length = str(response.status_code), len(response.content)
                except httpx.HTTPError:
                    status, length = "error", 0
                if started >= measured:
                    statuses[status] += 1
                    size += length
                    latencies.append(1000 * (time.perf_counter() - started))

    async def start() -> None:
        await asyncio.sleep(max(0.0, measured - time.perf_counter()))
        on_start()

    await asyncio.gather(start(), *(loop(worker) for worker in range(clients)))
    return latencies, statuses, size, time.perf_counter() - measured


def _nothing() -> None:
    return None


def python_load(name: str, base: str, paths: Sequence[str], clients: int, duration: float,
                warmup: float = 0.0, on_start: Callable[[], None] = _nothing) -> Measurement:
    """`clients` asyncio tasks, each with its own connection; only the requests sent after
    `warmup` seconds count (`on_start` is called then)."""
    latencies, statuses, size, elapsed = asyncio.run(
        _drive(base, paths, clients, duration, warmup, on_start))
    latencies.sort()
    errors = sum(count for status, count in statuses.items() if not status.startswith("2"))
    answered = sum(count for status, count in statuses.items() if status != "error")
    return Measurement(
        name, "python (asyncio + httpx)", clients, elapsed, len(latencies), errors,
        dict(sorted(statuses.items())), percentile(latencies, 0.5),
        percentile(latencies, 0.9), percentile(latencies, 0.99),
        latencies[-1] if latencies else 0.0, size / max(answered, 1) / 1024)


# --- wrk --------------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = %(offset)s
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect": %%d, ' ..
    '"read": %%d, "write": %%d, "status": %%d, "timeout": %%d, "p50": %%d, "p90": %%d, ' ..
    '"p99": %%d, "max": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read,
    errors.write, errors.status, errors.timeout, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(path: str) -> str:
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_load(name: str, base: str, paths: Sequence[str], clients: int, duration: float,
             warmup: float = 0.0, on_start: Callable[[], None] = _nothing) -> Measurement:
    """wrk with min(CPUs, clients) threads and `clients` connections, after an unrecorded
    warm-up run (`on_start` is called between). wrk counts 3xx as success and lumps every
    non-2xx/3xx answer into one `status` error count."""
    if warmup > 0:
        wrk_load(name, base, paths, clients, warmup)
    on_start()
    threads = max(1, min(os.cpu_count() or 1, clients))
    with tempfile.TemporaryDirectory(prefix="consilience-wrk-") as folder:
        script = Path(folder) / "paths.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(map(_lua_string, paths)),
                                        "offset": 0}, encoding="utf-8")
        done = subprocess.run(
            ["wrk", "--threads", str(threads), "--connections", str(clients),
             "--duration", f"{max(1, round(duration))}s", "--timeout", f"{round(TIMEOUT_S)}s",
             "--latency", "--script", str(script), base],
            capture_output=True, text=True, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("WRKJSON "))
    report = json.loads(line[len("WRKJSON "):])
    connection = report["connect"] + report["read"] + report["write"] + report["timeout"]
    errors = connection + report["status"]
    requests = report["requests"]
    statuses = {"2xx/3xx": requests - report["status"], "other": report["status"],
                "error": connection}
    return Measurement(
        name, f"wrk ({threads} threads)", clients, report["duration_us"] / 1e6, requests,
        errors, statuses, report["p50"] / 1000, report["p90"] / 1000, report["p99"] / 1000,
        report["max"] / 1000, report["bytes"] / max(requests, 1) / 1024)
