"""Catastrophic backtracking: every regular expression of consilience on adversarial inputs.

    python benchmarks/regex_backtracking.py [--sizes 1000 10000 100000] [--budget 2]
                                            [--only PART] [--json out.json]

For each pattern (found by `regex_attacks.find_patterns`: module-level compiled patterns and
literal patterns passed to `re.*` inside functions), every adversarial input of
`regex_attacks.attacks` is timed at the first two sizes, the way the code calls the pattern
(`finditer` over the whole text for search / findall / sub / split, `match` or `fullmatch`
otherwise; through the calling function for the patterns fixed at their call site, CALLERS).
The inputs that grow steeply there, and the slowest, run again at every size, unless the time
predicted from the growth so far exceeds `--budget` seconds (a call past it is interrupted).

Growth = time(10N) / time(N): about 10 for linear work, 100 for quadratic. A pattern is
flagged when its worst growth (over its inputs) exceeds 20. A time is the best of three
runs of enough calls to last a millisecond; a ratio counts only when the larger time is 10 µs
or more, and the smallest ratio of the pairs of sizes is the growth, since noise shows in one
pair and super-linear work in all (between 10k and 100k, caches alone make linear patterns
measure up to about 25, so a lone such ratio is not trusted). CALLER_BOUNDS names the patterns
whose callers bound their input (a window of a few characters, white space collapsed first).

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
from consilience.clean import cleaner, units
from consilience.ingest import html
from regex_attacks import ANCHORED, Attack, Found, attacks, find_patterns

LOGGER = logging.getLogger("regex_backtracking")
FLAG_GROWTH = 20.0
TOP_INPUTS = 3
NOISE_FLOOR = 1e-5
GIVE_UP_AFTER = 3  # inputs over budget at the first size: the pattern is flagged, stop there
# Patterns fixed at their call site are timed through it.
CALLERS: dict[tuple[str, str], Callable[[str], Any]] = {
    ("ingest/html.py", "_HTML_TAG"): html.looks_like_html,
    ("clean/units.py", "_HTML_COMMENT"): units._without_comments,
    ("clean/cleaner.py", "_ENDS_WITH_INITIALISM"): cleaner._ends_clause,
}
# Patterns whose callers bound their input, so that their growth cannot show in practice.
CALLER_BOUNDS = {
    ("ingest/warc.py", "_META_CHARSET"): "searched in the first 4,096 bytes of a page",
    ("resolve/complete.py", "_SENTENCE_START"): "searched in the 3 characters before a name",
    ("lang/sentences.py", "_WORD_BEFORE"): "searched in the 25 characters before a full stop",
    ("claims/quantities/context.py", "_WORD_BEFORE"): "searched in the 16 characters before "
                                                      "a number",
    ("dates/normalise.py", "_QUARTER"): "normalise_expression first collapses white space "
                                            "to single spaces, and the growth needs long runs",
}


@dataclass
class Result:
    location: str
    name: str
    methods: str
    inputs: int  # adversarial inputs tried
    worst: str  # the attack with the steepest growth
    times: dict[int, float | None]  # size -> seconds for the worst attack (None: over budget)
    growth: float

    @property
    def flagged(self) -> bool:
        return self.growth > FLAG_GROWTH

    @property
    def bound(self) -> str:
        """Why the growth cannot show in practice, when a caller bounds the input."""
        path = self.location.split(":")[0].removeprefix("consilience/")
        return CALLER_BOUNDS.get((path, self.name), "")


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
    """Growth per 10x size: the smallest ratio among the pairs of sizes measured (None: not
    run; inf: a call ran past the budget). Super-linear work shows in every pair, noise in one:
    a pair counts only when its larger time is NOISE_FLOOR or more, and between 10k and 100k
    linear patterns measure 20 to 25 (caches), between 1k and 10k 10 to 12."""
    known = sorted((size, seconds) for size, seconds in times.items() if seconds is not None)
    if known and math.isinf(known[0][1]):
        return math.inf
    ratios = []
    for (low, fast), (high, slow) in itertools.pairwise(known):
        if math.isinf(slow):
            ratios.append(math.inf)
        elif slow >= NOISE_FLOOR:
            ratios.append((slow / max(fast, 1e-9)) ** (math.log(10) / math.log(high / low)))
    return min(ratios, default=1.0)


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


def _caller(found: Found) -> Callable[[str], Any] | None:
    """The function that applies the pattern, where the fix is at the call site."""
    path = found.location.split(":")[0].removeprefix("consilience/")
    return CALLERS.get((path, found.name))


def measure(found: Found, sizes: list[int], budget: float) -> Result:
    """The worst growth of one pattern over its adversarial inputs.

    Every input runs at the first two sizes; those that look super-linear there (or are the
    slowest) run again at every size, the best time of both runs kept, to confirm or clear them
    at sizes where noise matters less."""
    assert found.pattern is not None
    pattern = found.pattern
    caller = _caller(found)
    run: Callable[[Any], Any] = caller or _runner(pattern, found.methods)
    inputs = attacks(_text_pattern(pattern))
    first, second = sizes[0], sizes[1]

    def timed(attack: Attack, size: int) -> float:
        return _seconds(run, _as_input(pattern, attack, size), budget)

    table: list[tuple[Attack, dict[int, float | None]]] = []
    over_budget = 0
    for attack in inputs:
        small = timed(attack, first)
        table.append((attack, {first: small,
                               second: None if math.isinf(small) else timed(attack, second)}))
        over_budget += math.isinf(small)
        if over_budget >= GIVE_UP_AFTER:
            break
    steep = [row for row in table if _growth(row[1]) > FLAG_GROWTH]
    slowest = sorted(table, key=lambda row: row[1].get(second) or math.inf,
                     reverse=True)[:TOP_INPUTS]
    for attack, times in {id(row[0]): row for row in steep + slowest}.values():
        for size in (first, second):
            seconds = times.get(size)
            if seconds is not None and not math.isinf(seconds):
                times[size] = min(seconds, timed(attack, size))
        _extend(times, sizes, budget, lambda size, attack=attack: timed(attack, size))
    worst_attack, worst_times = max(table, key=lambda row: _growth(row[1]))
    methods = "via " + caller.__name__ if caller else ",".join(sorted(found.methods))
    return Result(found.location, found.name, methods, len(table), worst_attack.label,
                  worst_times, _growth(worst_times))


def _format_time(seconds: float | None) -> str:
    if seconds is None:
        return "not run"
    if math.isinf(seconds):
        return "> budget"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.2f} s"


def report(results: list[Result], skipped: list[Found], sizes: list[int], elapsed: float) -> str:
    lines = ["| pattern | called as | inputs | worst input | "
             + " | ".join(f"N={size:,}" for size in sizes) + " | growth (10x) | caller bound |",
             "|---|---|--:|---|" + "--:|" * len(sizes) + "--:|---|"]
    shown = [result for result in results if result.flagged] or sorted(
        results, key=lambda result: result.growth, reverse=True)[:5]
    for result in sorted(shown, key=lambda result: result.growth, reverse=True):
        cells = " | ".join(_format_time(result.times.get(size)) for size in sizes)
        growth = "inf" if result.growth == float("inf") else f"{result.growth:.1f}"
        lines.append(f"| `{result.location}` {result.name} | {result.methods} | "
                     f"{result.inputs} | {result.worst} | {cells} | {growth} | "
                     f"{result.bound} |")
    flagged = [result for result in results if result.flagged]
    bounded = sum(bool(result.bound) for result in flagged)
    lines += ["", f"{len(results)} patterns measured ({sum(r.inputs for r in results):,} "
              f"adversarial inputs), {len(flagged)} flagged (growth > {FLAG_GROWTH:g} for 10x), "
              f"{bounded} of them on input their callers bound; {len(skipped)} built at run "
              f"time, not measured; {elapsed:.0f} s."]
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
