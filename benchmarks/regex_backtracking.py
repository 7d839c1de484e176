"""Catastrophic backtracking: every regular expression of consilience on adversarial inputs.

    python benchmarks/regex_backtracking.py [--sizes 1000 10000 100000] [--budget 2]
                                            [--only PART] [--json out.json]

For each pattern (found by `regex_attacks.find_patterns`: module-level compiled patterns and
literal patterns passed to `re.*` inside functions), every adversarial input of
`regex_attacks.attacks` is timed at the first two sizes, the way the code calls the pattern
(`finditer` over the whole text for search / findall / sub / split, `match` or `fullmatch`
otherwise). The inputs with the steepest growth and the slowest times then run at the larger
sizes, unless the time predicted from the growth so far exceeds `--budget` seconds.

Growth = time(10N) / time(N): about 10 for linear work, 100 for quadratic. A pattern is
flagged when its worst growth exceeds 20. A time is the best of three runs of enough calls to
last a millisecond, so tiny times do not make noisy ratios.

Prints a Markdown table (every flagged pattern, then the totals) to stdout; progress goes to
stderr.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import math
import re
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from regex_attacks import ANCHORED, Attack, Found, attacks, find_patterns

LOGGER = logging.getLogger("regex_backtracking")
FLAG_GROWTH = 20.0
TOP_INPUTS = 3


@dataclass
class Result:
    location: str
    name: str
    methods: str
    inputs: int
    worst: str  # the attack with the steepest growth
    times: dict[int, float | None]  # size -> seconds for the worst attack (None: over budget)
    growth: float

    @property
    def flagged(self) -> bool:
        return self.growth > FLAG_GROWTH


def _runner(pattern: re.Pattern[Any], methods: frozenset[str]) -> Callable[[Any], None]:
    """Call the pattern as the code does; a scanning call runs over every match."""
    anchored = sorted(methods & set(ANCHORED))
    scanning = bool(methods - set(ANCHORED))

    def run(text: Any) -> None:
        if scanning:
            for _match in pattern.finditer(text):
                pass
        for method in anchored:
            getattr(pattern, method)(text)

    return run


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout  # the regex engine checks for signals every few thousand steps


def _seconds(run: Callable[[Any], None], text: Any, limit: float) -> float:
    """Best of three timings of enough calls to last a millisecond; inf when one call takes
    more than `limit` seconds (it is interrupted)."""
    calls, best = 1, float("inf")
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(3):
            while True:
                signal.setitimer(signal.ITIMER_REAL, limit * calls)
                started = time.perf_counter()
                try:
                    for _ in range(calls):
                        run(text)
                except _Timeout:
                    return float("inf")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                elapsed = time.perf_counter() - started
                if elapsed >= 1e-3:
                    break
                calls *= 10
            best = min(best, elapsed / calls)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return best


def _as_input(pattern: re.Pattern[Any], attack: Attack, size: int) -> Any:
    text = attack.text(size)
    return text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text


def _text_pattern(pattern: re.Pattern[Any]) -> re.Pattern[str]:
    """Bytes patterns are parsed as Latin-1 text to build their inputs."""
    if isinstance(pattern.pattern, bytes):
        return re.compile(pattern.pattern.decode("latin-1"), pattern.flags & ~re.ASCII)
    return pattern


def _growth(times: dict[int, float | None]) -> float:
    """The steepest growth per 10x size among the sizes measured (None: not run; inf: a call
    ran past the budget)."""
    known = sorted((size, seconds) for size, seconds in times.items() if seconds is not None)
    ratios = []
    for (low, fast), (high, slow) in itertools.pairwise(known):
        if math.isinf(fast) or math.isinf(slow):
            ratios.append(math.inf)
        else:
            ratios.append((slow / max(fast, 1e-9)) ** (math.log(10) / math.log(high / low)))
    if known and math.isinf(known[0][1]):
        ratios.append(math.inf)
    return max(ratios, default=1.0)


def _extend(times: dict[int, float | None], sizes: list[int], budget: float,
            timed: Callable[[int], float]) -> None:
    """Time the larger sizes while the time predicted from the growth so far fits the budget."""
    for previous, size in itertools.pairwise(sizes[1:]):
        last = times.get(previous)
        growth = max(_growth(times), size / previous)
        if last is None or math.isinf(last) or last * growth > budget:
            times[size] = None
            return
        times[size] = timed(size)


def measure(found: Found, sizes: list[int], budget: float) -> Result:
    """The worst growth of one pattern over its adversarial inputs."""
    assert found.pattern is not None
    pattern = found.pattern
    run = _runner(pattern, found.methods)
    inputs = attacks(_text_pattern(pattern))
    first, second = sizes[0], sizes[1]
    table: list[tuple[Attack, dict[int, float | None]]] = []
    for attack in inputs:
        small = _seconds(run, _as_input(pattern, attack, first), budget)
        large = None if math.isinf(small) else _seconds(
            run, _as_input(pattern, attack, second), budget)
        table.append((attack, {first: small, second: large}))

    ranked = sorted(table, key=lambda row: _growth(row[1]), reverse=True)[:TOP_INPUTS]
    slowest = sorted(table, key=lambda row: row[1].get(second) or float("inf"),
                     reverse=True)[:TOP_INPUTS]
    for _attack, times in {id(row[0]): row for row in ranked + slowest}.values():
        _extend(times, sizes, budget, lambda size, attack=_attack: _seconds(
            run, _as_input(pattern, attack, size), budget))
    worst_attack, worst_times = max(table, key=lambda row: _growth(row[1]))
    return Result(found.location, found.name, ",".join(sorted(found.methods)), len(inputs),
                  worst_attack.label, worst_times, _growth(worst_times))


def _format_time(seconds: float | None) -> str:
    if seconds is None:
        return "not run"
    if math.isinf(seconds):
        return "> budget"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.2f} s"


def report(results: list[Result], skipped: list[Found], sizes: list[int], elapsed: float) -> str:
    lines = ["| pattern | called as | inputs | worst input | "
             + " | ".join(f"N={size:,}" for size in sizes) + " | growth (10x) |",
             "|---|---|--:|---|" + "--:|" * len(sizes) + "--:|"]
    shown = [result for result in results if result.flagged] or sorted(
        results, key=lambda result: result.growth, reverse=True)[:5]
    for result in sorted(shown, key=lambda result: result.growth, reverse=True):
        cells = " | ".join(_format_time(result.times.get(size)) for size in sizes)
        growth = "inf" if result.growth == float("inf") else f"{result.growth:.1f}"
        lines.append(f"| `{result.location}` {result.name} | {result.methods} | "
                     f"{result.inputs} | {result.worst} | {cells} | {growth} |")
    flagged = sum(result.flagged for result in results)
    lines += ["", f"{len(results)} patterns measured ({sum(r.inputs for r in results):,} "
              f"adversarial inputs), {flagged} flagged (growth > {FLAG_GROWTH:g} for 10x); "
              f"{len(skipped)} built at run time, not measured; {elapsed:.0f} s."]
    lines += [f"- not measured: `{found.location}` {found.name} ({found.note})"
              for found in skipped]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--budget", type=float, default=2.0,
                        help="seconds one call may take before larger sizes are skipped")
    parser.add_argument("--only", default="", help="measure patterns whose location has this")
    parser.add_argument("--json", type=Path, help="write every result here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    started = time.perf_counter()
    found = [item for item in find_patterns() if args.only in item.location]
    skipped = [item for item in found if item.pattern is None]
    results = []
    for number, item in enumerate(item for item in found if item.pattern is not None):
        result = measure(item, args.sizes, args.budget)
        LOGGER.info("%3d %s %s: growth %.1f (%s)", number, item.location, item.name,
                    result.growth, result.worst)
        results.append(result)
    print(report(results, skipped, args.sizes, time.perf_counter() - started))
    if args.json:
        args.json.write_text(json.dumps([asdict(result) for result in results], indent=1,
                                        default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
