"""A long fuzzing campaign: the property tests' strategies and checks, many more inputs.

    python benchmarks/fuzz.py [--inputs 2000] [--annotate-inputs 500] [--analyze-inputs 200]
                              [--seed 0] [--stages NAME ...] [--out DIR] [--shrink]

Each stage draws inputs from `tests/fuzz/strategies.py` and runs them through the check of
`tests/fuzz/stages.py` that the tests use: ingest (1-3 files of every supported extension
through `read_inputs`; `--inputs`), clean (`clean_all` on RawArticles built directly, lone
surrogates and all; `--inputs`), annotate (the spaCy pipeline; `--annotate-inputs`, a tenth as
many through the on-disk cache as annotate-cache) and analyze (`analyze_raw` on a mutated real
or news-like article and up to two hostile ones, schema and span contract checked;
`--analyze-inputs`, a quarter as many of pure noise as analyze-noise, where refusing with
NothingToAnalyseError is allowed). The seed fixes the inputs drawn, for a given version of the
strategies. Unlike a property test it does not stop at
the first failure: failures are grouped by signature (exception type and the innermost
consilience frame, or the assertion), and the smallest input of each group is saved as a
pickle (and its repr) under `--out`; `--shrink` asks hypothesis to minimise each one first.

Prints a Markdown table (stage, inputs, failures, distinct signatures, seconds) to stdout, and
the signatures below it.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, find, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The tests' own strategies and checks; importing budget keeps hypothesis's caches out of the
# repository, as in the tests.
from tests.fuzz import budget, stages, strategies  # noqa: E402, F401

LOGGER = logging.getLogger("fuzz")
SCHEMA = ROOT / "src" / "consilience" / "render" / "story.schema.json"


@dataclass
class Stage:
    name: str
    strategy: st.SearchStrategy[Any]
    run: Callable[[Any], None]
    inputs: int


@dataclass
class Outcome:
    stage: str
    tried: int = 0
    failed: int = 0
    seconds: float = 0.0
    # signature -> (count, smallest failing input, its traceback)
    found: dict[str, tuple[int, Any, str]] = field(default_factory=dict)


def signature(error: BaseException) -> str:
    """Exception type and the innermost frame in consilience (or the failing check)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if "/consilience/" in frame.filename
            or "/tests/fuzz/" in frame.filename]
    where = ours[-1] if ours else (frames[-1] if frames else None)
    place = f"{Path(where.filename).parent.name}/{Path(where.filename).name}:{where.lineno}" \
        if where else "?"
    if isinstance(error, AssertionError):
        # Group "holds '\x04' at 12" with "holds '\x1b' at 3": drop quoted values and numbers.
        message = str(error).splitlines()[0][:80] if str(error) else ""
        message = re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", message))
        return f"AssertionError at {place}: {message}"
    return f"{type(error).__name__} at {place}"


def _size(value: Any) -> int:
    return len(repr(value))


def run_stage(stage: Stage, chosen_seed: int) -> Outcome:
    """Draw `stage.inputs` inputs (generation only, no shrinking) and record every failure."""
    outcome = Outcome(stage.name)

    @seed(chosen_seed)
    @settings(max_examples=stage.inputs, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(stage.strategy)
    def campaign(value: Any) -> None:
        outcome.tried += 1
        try:
            stage.run(value)
        except Exception as error:
            outcome.failed += 1
            key = signature(error)
            count, smallest, trace = outcome.found.get(key, (0, value, ""))
            if not trace or _size(value) < _size(smallest):
                smallest, trace = value, traceback.format_exc()
            outcome.found[key] = (count + 1, smallest, trace)
        if outcome.tried % 100 == 0:
            LOGGER.info("%s: %d inputs, %d failures", stage.name, outcome.tried, outcome.failed)

    started = time.perf_counter()
    campaign()
    outcome.seconds = time.perf_counter() - started
    return outcome


def shrink(stage: Stage, key: str, max_examples: int) -> Any | None:
    """The minimal input hypothesis finds that fails with signature `key`."""
    def fails_alike(value: Any) -> bool:
        try:
            stage.run(value)
        except Exception as error:
            return signature(error) == key
        return False

    try:
        return find(stage.strategy, fails_alike, settings=settings(
            max_examples=max_examples, deadline=None, database=None,
            suppress_health_check=list(HealthCheck)))
    except NoSuchExample:
        return None


def save(outcome: Outcome, folder: Path) -> list[Path]:
    saved = []
    for number, (key, (_count, value, trace)) in enumerate(sorted(outcome.found.items())):
        path = folder / f"{outcome.stage}-{number}"
        path.with_suffix(".pickle").write_bytes(pickle.dumps(value))
        path.with_suffix(".txt").write_text(
            f"{key}\n\n{trace}\n\ninput:\n{value!r}\n", encoding="utf-8", errors="backslashreplace")
        saved.append(path.with_suffix(".txt"))
    return saved


def build_stages(inputs: int, analyze_inputs: int, annotate_inputs: int) -> dict[str, Stage]:
    from consilience.annotate import load_pipeline

    nlp = load_pipeline()
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    articles = st.lists(strategies.raw_article(), min_size=1, max_size=3)
    return {
        "ingest": Stage("ingest", st.lists(strategies.input_file(), min_size=1, max_size=3),
                        stages.read_files, inputs),
        "clean": Stage("clean", st.one_of(articles, st.lists(strategies.raw_article(
            text=strategies.enormous_line()), min_size=1, max_size=1)), stages.clean, inputs),
        "annotate": Stage("annotate", articles, lambda raws: stages.annotated(raws, nlp),
                          annotate_inputs),
        "annotate-cache": Stage("annotate-cache", articles,
                                lambda raws: stages.annotated_with_cache(raws, nlp),
                                max(1, annotate_inputs // 10)),
        "analyze": Stage("analyze", st.tuples(strategies.prose_article(), st.lists(
            strategies.raw_article(text=strategies.hostile_text()), max_size=2)),
            lambda pair: stages.analysed([pair[0], *pair[1]], schema, usable=True),
            analyze_inputs),
        "analyze-noise": Stage("analyze-noise", articles,
                               lambda raws: stages.analysed(raws, schema, usable=False),
                               max(1, analyze_inputs // 4)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=2000, help="per cheap stage")
    parser.add_argument("--annotate-inputs", type=int, default=500)
    parser.add_argument("--analyze-inputs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", nargs="+", default=None,
                        help="ingest clean annotate annotate-cache analyze analyze-noise "
                             "(default: all)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where failing inputs go (default: a new temporary folder)")
    parser.add_argument("--shrink", action="store_true", help="minimise each failure first")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    logging.getLogger("consilience").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    out = args.out or Path(tempfile.mkdtemp(prefix="consilience-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    available = build_stages(args.inputs, args.analyze_inputs, args.annotate_inputs)
    chosen = args.stages or list(available)
    outcomes = []
    for name in chosen:
        stage = available[name]
        LOGGER.info("stage %s: %d inputs", name, stage.inputs)
        outcome = run_stage(stage, args.seed)
        if args.shrink:
            for key, (count, value, trace) in list(outcome.found.items()):
                smaller = shrink(stage, key, stage.inputs)
                if smaller is not None and _size(smaller) < _size(value):
                    outcome.found[key] = (count, smaller, trace)
        save(outcome, out)
        outcomes.append(outcome)
    print(f"Seed {args.seed}; failing inputs saved under {out}\n")
    print("| stage | inputs | failures | distinct | seconds |")
    print("|---|--:|--:|--:|--:|")
    for outcome in outcomes:
        print(f"| {outcome.stage} | {outcome.tried} | {outcome.failed} | {len(outcome.found)} | "
              f"{outcome.seconds:.0f} |")
    for outcome in outcomes:
        for key, (count, value, _trace) in sorted(outcome.found.items()):
            print(f"- {outcome.stage}: {key} ({count}x; smallest input {_size(value):,} "
                  "characters as repr)")
    return 1 if any(outcome.found for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
