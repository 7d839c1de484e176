"""TIMEX3: `find_timexes` (detection, type and normalised value of temporal expressions)
against gold TIMEX3 annotations, next to a `dateparser.search.search_dates` baseline run on
the same texts in the same run.

    python benchmarks/timex.py [--shared ../shared] [--corpora tbaq,meantime,esl] [--limit N]
                               [--text detokenized|spaced] [--whole-text] [--errors 20]
                               [--json out.json]

Corpora (read in place under <shared>/data, never copied; a missing one is skipped with a
printed line; a document without a usable creation time is skipped and counted):

- tbaq: TempEval-3 training data, TBAQ-cleaned (TimeBank 1.2 + AQUAINT, 256 TimeML files,
  inline TIMEX3). DEVELOPMENT figures: the official TempEval-3 platinum test set is held out.
  Text = the TEXT element as written; gold = every TIMEX3 in it (the DCT is outside TEXT).
- meantime: MEANTIME English CAT XML (120 Wikinews articles; the same documents as SemEval-2015
  Task 4), TIMEX3 markables anchored to tokens.
- esl: EventStoryLine v1.5 CAT XML (258 ECB+ documents), TIME_DATE / TIME_OF_THE_DAY /
  TIME_DURATION / TIME_REPETITION markables read as DATE / TIME / DURATION / SET.
  CAT texts are rebuilt from the tokens (`--text`, default detokenized: "May 03, 2013").
  The creation-time markable of a CAT document is no gold expression: its value is the
  anchor and its span (the date line of the text) is ignored for every system; markables
  without token anchors (corpus-level instances) are left out; two gold markables on the same
  span are kept once. Only the annotated part of a CAT text is scored (`--whole-text`: all of
  it): MEANTIME's first six sentences (title, date line, four more: it has no TIMEX3 beyond),
  EventStoryLine's sentences holding a markable of any kind (it annotates only some sentences
  of each ECB+ document); system mentions elsewhere are counted and left out.

Each document is parsed once with the project's pipeline (`load_pipeline(AnalyzeConfig().model)`,
`nlp.pipe`) and given to `find_timexes(doc, dct)`. The baseline is
`search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct, "PREFER_DATES_FROM":
"current_period", "RETURN_AS_TIMEZONE_AWARE": False})` (languages=["en"] as benchmarks/timeline.py
calls dateparser); each returned substring is located in the text left to right for its span,
its type is "date" and its value the YYYY-MM-DD of the returned datetime.

Scores (sums over the documents of a corpus):

- detection: strict (same character span) and relaxed (any overlap) precision, recall and F1,
  one-to-one (exact spans are paired first, then the largest overlaps, greedily);
- type accuracy and value accuracy (exact string equality of the TIMEX3 value) on the
  relaxed-matched pairs, value accuracy also by gold type;
- value F1 as TempEval-3 defines it: P = relaxed-matched with the right value / system
  expressions, R = the same / gold expressions.
Row "all" matches every mention whatever its type; rows "DATE+TIME" and "DURATION+SET" score
each group as its own task: the gold of those types against the system mentions the system
typed so (the baseline types everything "date", so it finds no DURATION+SET by design).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.timex, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline_corpora as tc
from throughput import machine
from timeline import Failures, table

LOGGER = logging.getLogger("timex")
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("tbaq", "meantime", "esl")
TITLES = {
    "tbaq": "TempEval-3 TBAQ-cleaned training (TimeBank + AQUAINT) — DEVELOPMENT figures",
    "meantime": "MEANTIME English (CAT XML)",
    "esl": "EventStoryLine v1.5 (CAT XML)",
}
TYPES = ("date", "time", "duration", "set")
GROUPS: dict[str, frozenset[str]] = {"all": frozenset(TYPES),
                                     "DATE+TIME": frozenset({"date", "time"}),
                                     "DURATION+SET": frozenset({"duration", "set"})}
SYSTEM = "find_timexes"
BASELINE = "dateparser"
BATCH_SIZE = 16
# MEANTIME has TIMEX3 gold in its first six sentences only (title, date line and four more;
# none beyond in the 120 documents): the rest of the text is not scored.
MEANTIME_SENTENCES = 6
SCORED = {"meantime": f"the first {MEANTIME_SENTENCES} sentences (title, date line, four "
                      "more), where MEANTIME annotates TIMEX3",
          "esl": "the sentences with a markable of any kind (ECB+/EventStoryLine annotate "
                 "only some sentences of a document)"}
REFERENCES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


# --- documents ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Mention:
    """A temporal expression at [start, end) of a document's text: gold, system or baseline."""

    start: int
    end: int
    text: str
    type: str  # date | time | duration | set
    value: str | None


@dataclass(slots=True)
class TimexDoc:
    corpus: str
    doc_id: str
    dct: date
    text: str
    gold: list[Mention]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # the DCT's span in the text
    scored: list[tuple[int, int]] | None = None  # the annotated sentences; None: all the text


@dataclass(slots=True)
class Loaded:
    corpus: str
    docs: list[TimexDoc]
    notes: list[str] = field(default_factory=list)


def gold_mentions(tagged: Iterable[tc.Tagged]) -> tuple[list[Mention], int]:
    """Gold mentions from TIMEX3 tags (creation times left out), one per span (the first with a
    value wins), and how many duplicates were dropped."""
    chosen: dict[tuple[int, int], Mention] = {}
    duplicates = 0
    for item in tagged:
        if item.attrs.get("functionInDocument") == "CREATION_TIME":
            continue
        mention = Mention(item.start, item.end, item.text,
                          (item.attrs.get("type") or "").strip().lower(),
                          (item.attrs.get("value") or "").strip() or None)
        key = (item.start, item.end)
        if key in chosen:
            duplicates += 1
            if chosen[key].value is None and mention.value is not None:
                chosen[key] = mention
            continue
        chosen[key] = mention
    return sorted(chosen.values(), key=lambda item: (item.start, item.end)), duplicates


def timeml_doc(path: Path, corpus: str = "tbaq") -> TimexDoc | None:
    """A TimeML file as a TimexDoc (None without a creation time)."""
    timeml = tc.read_timeml(path)
    if timeml.dct is None:
        return None
    gold, _ = gold_mentions(timeml.timexes())
    return TimexDoc(corpus, timeml.doc_id, timeml.dct, timeml.text, gold)


def cat_doc(path: Path, corpus: str, detokenize: bool, whole_text: bool = False
            ) -> tuple[TimexDoc | None, int]:
    """A CAT file as a TimexDoc (None without a usable creation time) and the number of
    duplicate gold spans dropped. Unless `whole_text`, only the annotated sentences are
    scored: MEANTIME's first MEANTIME_SENTENCES, EventStoryLine's sentences with a markable."""
    read = tc.read_cat_timexes(path, detokenize)
    if read.doc.dct is None:
        return None, 0
    gold, duplicates = gold_mentions(read.doc.timexes)
    scored = None
    if not whole_text:
        numbers = (range(MEANTIME_SENTENCES) if corpus == "meantime" else sorted(read.marked))
        scored = [(tokens[0].start, tokens[-1].end) for tokens in
                  (read.doc.sentences.get(number, []) for number in numbers) if tokens]
    return TimexDoc(corpus, read.doc.doc_id, read.doc.dct, read.doc.text, gold,
                    list(read.dct_spans), scored), duplicates


def tbaq_folders(shared: Path) -> list[Path]:
    root = shared / "data" / "tempeval3-tbaq" / "Training"
    for base in (root / "TBAQ-cleaned", root):
        found = [base / name for name in ("TimeBank", "AQUAINT") if (base / name).is_dir()]
        if found:
            return found
    return []


def load_corpus(corpus: str, shared: Path, limit: int | None, detokenize: bool,
                whole_text: bool = False) -> Loaded | None:
    data = shared / "data"
    if corpus == "tbaq":
        folders = tbaq_folders(shared)
        paths = [path for path in tc.timeml_files(folders) if path.suffix == ".tml"]
        where = data / "tempeval3-tbaq" / "Training"
    elif corpus == "meantime":
        where = data / "meantime-cat" / "intra_cross-doc_annotation"
        paths = sorted(where.glob("*/*.xml"))
    else:
        where = data / "eventstoryline" / "v1.5"
        paths = sorted(where.glob("*/*.xml"))
    if not paths:
        print(f"{TITLES[corpus]} skipped: no files under {where}\n")
        return None
    paths = paths[:limit] if limit is not None else paths
    loaded = Loaded(corpus, [])
    no_dct: list[str] = []
    duplicates = 0
    for path in paths:
        if corpus == "tbaq":
            doc = timeml_doc(path)
        else:
            doc, dropped = cat_doc(path, corpus, detokenize, whole_text)
            duplicates += dropped
        if doc is None:
            no_dct.append(path.name)
        else:
            loaded.docs.append(doc)
    if no_dct:
        loaded.notes.append(f"{len(no_dct)} document(s) skipped, no usable creation time: "
                            + ", ".join(no_dct[:10]) + (" ..." if len(no_dct) > 10 else ""))
    if duplicates:
        loaded.notes.append(f"{duplicates} duplicate gold markable(s) on an already annotated "
                            "span dropped")
    LOGGER.info("%s: %d documents, %d gold expressions", corpus, len(loaded.docs),
                sum(len(doc.gold) for doc in loaded.docs))
    return loaded


# --- systems -----------------------------------------------------------------------------------

def locate(text: str, found: Sequence[tuple[str, datetime]]) -> tuple[list[Mention], int]:
    """dateparser's (substring, datetime) pairs as mentions: each substring is looked for in
    the text from the end of the previous one (left to right); one found only earlier takes
    that earlier place, one not in the text at all is dropped and counted."""
    mentions: list[Mention] = []
    unlocated = 0
    cursor = 0
    for substring, when in found:
        if not substring:
            unlocated += 1
            continue
        at = text.find(substring, cursor)
        if at < 0:
            at = text.find(substring)
            if at < 0:
                unlocated += 1
                continue
        else:
            cursor = at + len(substring)
        mentions.append(Mention(at, at + len(substring), substring, "date",
                                when.date().isoformat()))
    return mentions, unlocated


def dateparser_mentions(text: str, anchor: date) -> tuple[list[Mention], int]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"], settings={
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False})
    return locate(text, found or [])


def touches(mention: Mention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(mention.start < end and start < mention.end for start, end in spans)


def screen(mentions: Sequence[Mention], doc: TimexDoc) -> tuple[list[Mention], int, int]:
    """The mentions to score: those overlapping an ignored span (the DCT line of a CAT text)
    and those outside the scored sentences are left out; with the two counts."""
    kept, on_dct, outside = [], 0, 0
    for mention in mentions:
        if touches(mention, doc.ignore):
            on_dct += 1
        elif doc.scored is not None and not touches(mention, doc.scored):
            outside += 1
        else:
            kept.append(mention)
    return kept, on_dct, outside


# --- scoring -----------------------------------------------------------------------------------

def overlap(left: Mention, right: Mention) -> int:
    return min(left.end, right.end) - max(left.start, right.start)


def match(gold: Sequence[Mention], found: Sequence[Mention], relaxed: bool
          ) -> list[tuple[int, int]]:
    """One-to-one (gold index, found index) pairs: equal spans first; when `relaxed`, then any
    overlapping pair, largest overlap first (ties: earlier gold, earlier found)."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    exact: dict[tuple[int, int], list[int]] = {}
    for index, mention in enumerate(found):
        exact.setdefault((mention.start, mention.end), []).append(index)
    for gold_index, mention in enumerate(gold):
        for found_index in exact.get((mention.start, mention.end), []):
            if found_index not in used_found:
                pairs.append((gold_index, found_index))
                used_gold.add(gold_index)
                used_found.add(found_index)
                break
    if relaxed:
        candidates = sorted(
            (-overlap(mention, other), gold_index, found_index)
            for gold_index, mention in enumerate(gold) if gold_index not in used_gold
            for found_index, other in enumerate(found)
            if found_index not in used_found and overlap(mention, other) > 0)
        for _, gold_index, found_index in candidates:
            if gold_index in used_gold or found_index in used_found:
                continue
            pairs.append((gold_index, found_index))
            used_gold.add(gold_index)
            used_found.add(found_index)
    return sorted(pairs)


def value_right(gold: Mention, found: Mention) -> bool:
    return gold.value is not None and found.value == gold.value


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Tally:
    """Counts for one system over some documents."""

    gold: int = 0
    found: int = 0
    strict: int = 0  # strictly matched pairs
    relaxed: int = 0  # relaxed-matched pairs
    typed: int = 0  # ... of which the type is right
    valued: int = 0  # ... of which the value is right
    by_type: dict[str, list[int]] = field(default_factory=dict)  # gold type -> [matched, right]

    def add(self, gold: Sequence[Mention], found: Sequence[Mention]) -> list[tuple[int, int]]:
        """Score one document; the relaxed pairs are returned."""
        self.gold += len(gold)
        self.found += len(found)
        self.strict += len(match(gold, found, relaxed=False))
        pairs = match(gold, found, relaxed=True)
        self.relaxed += len(pairs)
        for gold_index, found_index in pairs:
            expected, got = gold[gold_index], found[found_index]
            self.typed += expected.type == got.type
            right = value_right(expected, got)
            self.valued += right
            tally = self.by_type.setdefault(expected.type, [0, 0])
            tally[0] += 1
            tally[1] += right
        return pairs

    def scores(self) -> dict[str, float | None]:
        strict_p, strict_r = ratio(self.strict, self.found), ratio(self.strict, self.gold)
        relaxed_p, relaxed_r = ratio(self.relaxed, self.found), ratio(self.relaxed, self.gold)
        value_p, value_r = ratio(self.valued, self.found), ratio(self.valued, self.gold)
        return {"strict_p": strict_p, "strict_r": strict_r, "strict_f1": f1(strict_p, strict_r),
                "relaxed_p": relaxed_p, "relaxed_r": relaxed_r,
                "relaxed_f1": f1(relaxed_p, relaxed_r),
                "type_acc": ratio(self.typed, self.relaxed),
                "value_acc": ratio(self.valued, self.relaxed),
                "value_p": value_p, "value_r": value_r, "value_f1": f1(value_p, value_r)}

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "strict": self.strict,
                "relaxed": self.relaxed, "typed": self.typed, "valued": self.valued,
                "by_type": {key: {"matched": value[0], "right": value[1]}
                            for key, value in sorted(self.by_type.items())},
                **self.scores()}


def in_group(mentions: Iterable[Mention], types: frozenset[str]) -> list[Mention]:
    return [mention for mention in mentions if mention.type in types]


# --- error analysis ----------------------------------------------------------------------------

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GRAINS = ((re.compile(r"-Q[1-4X]$"), "quarter (YYYY-Qn)"),
           (re.compile(r"-WE$"), "weekend (YYYY-Wnn-WE)"),
           (re.compile(r"-W(?:\d{1,2}|XX)$"), "week (YYYY-Wnn)"),
           (re.compile(r"-(?:SP|SU|FA|WI)$"), "season (YYYY-SU)"),
           (re.compile(r"-H[12X]$"), "half year (YYYY-Hn)"),
           (re.compile(r"^\d{2,3}X*$"), "decade/century (199, 19, 199X)"))


def error_kind(gold: str | None, system: str | None) -> str:
    """A rough cause of a wrong value, for the error summary."""
    if not gold:
        return "gold has no value"
    if system is None:
        return "no system value"
    if gold in REFERENCES or system in REFERENCES:
        return "PAST/PRESENT/FUTURE_REF on one side"
    gold_period, system_period = gold.startswith("P"), system.startswith("P")
    if gold_period != system_period:
        return "duration vs point in time"
    if gold_period:
        if "X" in gold or "X" in system:
            return "duration: vague (X) vs count"
        if gold[-1:] != system[-1:] or ("T" in gold) != ("T" in system):
            return "duration: other unit"
        return "duration: other count"
    if gold.startswith("XXXX") or system.startswith("XXXX"):
        return "underspecified (XXXX...) on one side"
    if "T" in gold or "T" in system:
        if gold.split("T")[0] == system.split("T")[0]:
            return "same day, time of day differs or missing"
        return "time: other day"
    for pattern, name in _GRAINS:
        if pattern.search(gold) or pattern.search(system):
            return f"{name} on one side"
    if gold.startswith(system):
        return "system coarser (right prefix)"
    if system.startswith(gold):
        return "system finer (gold is a prefix)"
    if _FULL_DAY.match(gold) and _FULL_DAY.match(system):
        days = (date.fromisoformat(system) - date.fromisoformat(gold)).days
        side = "later" if days > 0 else "earlier"
        size = abs(days)
        if size <= 6:
            return f"day: 1-6 days {side}"
        if size == 7:
            return f"day: exactly 7 days {side}"
        if size <= 31:
            return f"day: 8-31 days {side}"
    if gold[:4] != system[:4]:
        return "other year"
    return "same year, other month/day"


@dataclass(frozen=True, slots=True)
class ValueMistake:
    text: str
    found_text: str
    gold_type: str
    found_type: str
    gold: str | None
    system: str | None
    dct: str
    doc: str

    @property
    def kind(self) -> str:
        return error_kind(self.gold, self.system)


@dataclass(slots=True)
class Errors:
    """What a system got wrong in a corpus."""

    values: list[ValueMistake] = field(default_factory=list)
    missed: list[Mention] = field(default_factory=list)
    spurious: list[Mention] = field(default_factory=list)
    # ... those of them that overlap a mention of the other side (paired with another one):
    # two gold expressions in one system span, or one gold expression split in two
    missed_overlapping: list[Mention] = field(default_factory=list)
    spurious_overlapping: list[Mention] = field(default_factory=list)
    mistyped: Counter[str] = field(default_factory=Counter)  # "gold -> system"

    def add(self, doc: TimexDoc, found: Sequence[Mention], pairs: Sequence[tuple[int, int]]
            ) -> None:
        matched_gold = {gold_index for gold_index, _ in pairs}
        matched_found = {found_index for _, found_index in pairs}
        missed = [mention for index, mention in enumerate(doc.gold) if index not in matched_gold]
        spurious = [mention for index, mention in enumerate(found) if index not in matched_found]
        self.missed += missed
        self.spurious += spurious
        self.missed_overlapping += [mention for mention in missed
                                    if any(overlap(mention, other) > 0 for other in found)]
        self.spurious_overlapping += [mention for mention in spurious
                                      if any(overlap(mention, other) > 0 for other in doc.gold)]
        for gold_index, found_index in pairs:
            expected, got = doc.gold[gold_index], found[found_index]
            if expected.type != got.type:
                self.mistyped[f"{expected.type} -> {got.type}"] += 1
            if not value_right(expected, got):
                self.values.append(ValueMistake(expected.text, got.text, expected.type, got.type,
                                               expected.value, got.value, doc.dct.isoformat(),
                                               doc.doc_id))

    def kinds(self) -> Counter[str]:
        return Counter(error.kind for error in self.values)

    def as_dict(self) -> dict[str, Any]:
        inside = {id(mention) for mention in self.missed_overlapping + self.spurious_overlapping}
        return {"value_error_kinds": dict(self.kinds().most_common()),
                "mistyped": dict(self.mistyped.most_common()),
                "values": [[error.text, error.found_text, error.gold_type, error.found_type,
                            error.gold, error.system, error.dct, error.doc, error.kind]
                           for error in self.values],
                "missed": [[mention.text, mention.type, mention.value, id(mention) in inside]
                           for mention in self.missed],
                "spurious": [[mention.text, mention.type, mention.value, id(mention) in inside]
                             for mention in self.spurious]}


def squash(text: str) -> str:
    return " ".join(text.lower().split())


# --- running -----------------------------------------------------------------------------------

@dataclass(slots=True)
class CorpusResult:
    corpus: str
    docs: int
    gold_types: Counter[str]
    tallies: dict[str, dict[str, Tally]]  # system -> group -> tally
    errors: dict[str, Errors]  # system -> errors
    ignored: Counter[str]  # system -> mentions dropped on the DCT span
    outside: Counter[str]  # system -> mentions dropped outside the annotated sentences
    unlocated: int
    seconds: dict[str, float]
    notes: list[str]


def score_corpus(loaded: Loaded, outputs: dict[str, list[list[Mention]]],
                 seconds: dict[str, float], unlocated: int = 0) -> CorpusResult:
    """Score every system's mentions (one list per document, in `loaded.docs` order)."""
    gold_types = Counter(mention.type for doc in loaded.docs for mention in doc.gold)
    result = CorpusResult(loaded.corpus, len(loaded.docs), gold_types, {}, {}, Counter(),
                          Counter(), unlocated, seconds, list(loaded.notes))
    for name, per_doc in outputs.items():
        tallies = {group: Tally() for group in GROUPS}
        errors = Errors()
        for doc, raw in zip(loaded.docs, per_doc, strict=True):
            found, on_dct, outside = screen(raw, doc)
            result.ignored[name] += on_dct
            result.outside[name] += outside
            pairs = tallies["all"].add(doc.gold, found)
            errors.add(doc, found, pairs)
            for group, types in GROUPS.items():
                if group != "all":
                    tallies[group].add(in_group(doc.gold, types), in_group(found, types))
        result.tallies[name] = tallies
        result.errors[name] = errors
    return result


def run_systems(loaded: Loaded, nlp: Any, failures: Failures, baseline: bool
                ) -> CorpusResult:
    from consilience.timeline.timex import find_timexes

    began = time.perf_counter()
    parsed = list(nlp.pipe([doc.text for doc in loaded.docs], batch_size=BATCH_SIZE))
    seconds = {"parse": time.perf_counter() - began}
    LOGGER.info("%s: parsed %d documents in %.0f s", loaded.corpus, len(parsed), seconds["parse"])
    began = time.perf_counter()
    system: list[list[Mention]] = []
    for doc, spacy_doc in zip(loaded.docs, parsed, strict=True):
        timexes = failures.call(SYSTEM, doc.doc_id, find_timexes, spacy_doc, doc.dct) or []
        system.append([Mention(item.start, item.end, item.text, item.type, item.value)
                       for item in timexes])
    seconds[SYSTEM] = time.perf_counter() - began
    outputs = {SYSTEM: system}
    unlocated = 0
    if baseline:
        began = time.perf_counter()
        other: list[list[Mention]] = []
        for doc in loaded.docs:
            got = failures.call(BASELINE, doc.doc_id, dateparser_mentions, doc.text, doc.dct)
            mentions, missing = got if got is not None else ([], 0)
            unlocated += missing
            other.append(mentions)
        seconds[BASELINE] = time.perf_counter() - began
        outputs[BASELINE] = other
    LOGGER.info("%s: systems run in %s", loaded.corpus,
                ", ".join(f"{name} {value:.1f} s" for name, value in seconds.items()))
    return score_corpus(loaded, outputs, seconds, unlocated)


# --- reporting ---------------------------------------------------------------------------------

def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def clip(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


def report_corpus(result: CorpusResult, errors_shown: int) -> dict[str, Any]:
    print(f"### {TITLES[result.corpus]}\n")
    types = ", ".join(f"{kind.upper()} {result.gold_types[kind]}" for kind in TYPES
                      if result.gold_types[kind])
    print(f"{result.docs} documents, {sum(result.gold_types.values())} gold expressions "
          f"({types}).")
    for note in result.notes:
        print(f"{note}.")
    if any(result.ignored.values()):
        print("Mentions on the creation-time span of the text (ignored, not scored): "
              + ", ".join(f"{name} {count}" for name, count in result.ignored.items()) + ".")
    if any(result.outside.values()):
        print(f"Scored: {SCORED[result.corpus]} only; mentions outside them (not scored): "
              + ", ".join(f"{name} {count}" for name, count in result.outside.items()) + ".")
    if result.unlocated:
        print(f"dateparser substrings not found in the text (dropped): {result.unlocated}.")
    print()
    rows = []
    for group in GROUPS:
        for name, tallies in result.tallies.items():
            tally = tallies[group]
            scores = tally.scores()
            rows.append([group if name == SYSTEM else "", name, tally.gold, tally.found,
                         *(percent(scores[key]) for key in (
                             "strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r",
                             "relaxed_f1", "type_acc", "value_acc", "value_p", "value_r",
                             "value_f1"))])
    table(["group", "system", "gold", "found", "strict P", "strict R", "strict F1", "relaxed P",
           "relaxed R", "relaxed F1", "type acc", "value acc", "value P", "value R",
           "**value F1**"], rows, "ll" + "r" * 13)
    print("Value accuracy on relaxed-matched pairs, by gold type (matched: right %):\n")
    names = list(result.tallies)
    by_type_rows = []
    for kind in TYPES:
        if not result.gold_types[kind]:
            continue
        row: list[object] = [kind.upper(), result.gold_types[kind]]
        for name in names:
            matched, right = result.tallies[name]["all"].by_type.get(kind, [0, 0])
            row.append(f"{matched}: {percent(ratio(right, matched))}")
        by_type_rows.append(row)
    table(["gold type", "gold", *names], by_type_rows)
    kinds = {name: errors.kinds() for name, errors in result.errors.items()}
    ordered = sorted(set().union(*kinds.values()), key=lambda key: -kinds[SYSTEM][key])
    if ordered:
        print("Wrong values on relaxed-matched pairs, by rough cause:\n")
        table(["cause", *names], [[kind, *(kinds[name][kind] for name in names)]
                                  for kind in ordered])
    mistyped = result.errors[SYSTEM].mistyped
    if mistyped:
        print(f"{SYSTEM} types on relaxed-matched pairs, wrong ones (gold -> system): "
              + ", ".join(f"{key} {count}" for key, count in mistyped.most_common()) + ".\n")
    if errors_shown and result.corpus == "tbaq":
        error_tables(result.errors[SYSTEM], errors_shown)
    return {"docs": result.docs, "gold_types": dict(result.gold_types), "notes": result.notes,
            "ignored": dict(result.ignored), "outside": dict(result.outside),
            "dateparser_unlocated": result.unlocated,
            "seconds": result.seconds,
            "scores": {name: {group: tally.as_dict() for group, tally in tallies.items()}
                       for name, tallies in result.tallies.items()},
            "errors": {name: errors.as_dict() for name, errors in result.errors.items()}}


def error_tables(errors: Errors, limit: int) -> None:
    grouped: Counter[str] = Counter()
    example: dict[str, ValueMistake] = {}
    for error in errors.values:
        key = squash(error.text)
        grouped[key] += 1
        example.setdefault(key, error)
    print(f"Most common {SYSTEM} value errors ({len(errors.values)} wrong values on matched "
          f"pairs, {len(grouped)} distinct gold texts; gold/system/DCT of the first):\n")
    table(["gold text", "n", "system text", "gold", "system", "DCT", "cause"],
          [[f"`{clip(example[key].text)}`", count, f"`{clip(example[key].found_text)}`",
            f"{example[key].gold} ({example[key].gold_type})",
            f"{example[key].system} ({example[key].found_type})", example[key].dct,
            example[key].kind] for key, count in grouped.most_common(limit)], "lrlllll")
    for title, mentions, overlapping, other in (
            ("missed gold expressions (unmatched)", errors.missed, errors.missed_overlapping,
             "in a system mention matched to another gold"),
            ("spurious system mentions (unmatched)", errors.spurious,
             errors.spurious_overlapping, "on a gold expression matched to another")):
        counted = Counter(squash(mention.text) for mention in mentions)
        inside = Counter(squash(mention.text) for mention in overlapping)
        first: dict[str, Mention] = {}
        for mention in mentions:
            first.setdefault(squash(mention.text), mention)
        print(f"Most common {title}: {len(mentions)} in all, {len(counted)} distinct texts; "
              f"{len(overlapping)} of them {other}:\n")
        table(["text", "n", "of which overlapping", "type", "value (first)"],
              [[f"`{clip(first[key].text)}`", count, inside[key], first[key].type,
                first[key].value] for key, count in counted.most_common(limit)], "lrrll")


def summary(results: Sequence[CorpusResult]) -> None:
    print("### Summary (all types)\n")
    rows = []
    for result in results:
        for name, tallies in result.tallies.items():
            scores = tallies["all"].scores()
            rows.append([result.corpus if name == SYSTEM else "", name, tallies["all"].gold,
                         *(percent(scores[key]) for key in (
                             "strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1"))])
    table(["corpus", "system", "gold", "strict F1", "relaxed F1", "type acc", "value acc",
           "value F1"], rows, "ll" + "r" * 6)


def corpus_list(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [name for name in names if name not in CORPORA]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown corpus {unknown}; choose from {CORPORA}")
    return names


def dateparser_available() -> bool:
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/ (default: ../shared)")
    parser.add_argument("--corpora", type=corpus_list, default=CORPORA,
                        help=f"comma-separated corpora (default: {','.join(CORPORA)})")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N documents of each corpus (default: all)")
    parser.add_argument("--text", choices=("detokenized", "spaced"), default="detokenized",
                        help="CAT texts rebuilt from their tokens spaced as written text "
                             "(default) or with single spaces between all tokens")
    parser.add_argument("--whole-text", action="store_true",
                        help="score CAT documents on all their text, not only the annotated "
                             "sentences")
    parser.add_argument("--errors", type=int, default=20,
                        help="rows of each TBAQ error table (default: 20; 0: none)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("consilience").setLevel(logging.WARNING)
    began = time.perf_counter()

    from consilience.annotate import load_pipeline, model_label
    from consilience.config import AnalyzeConfig

    nlp = load_pipeline(AnalyzeConfig().model)
    about = machine(model_label(nlp))
    print("## TIMEX3 detection and normalisation: find_timexes against dateparser\n")
    print(f"Machine: {about['cpus']} CPUs, {about['platform']}, Python {about['python']}, "
          f"spaCy {about['spacy']}, model {about['model']}. CAT texts {args.text}"
          + (f"; first {args.limit} documents per corpus" if args.limit else "") + ".\n")
    baseline = dateparser_available()
    if not baseline:
        print("dateparser is not installed: no baseline rows (`.venv/bin/pip install "
              "dateparser`).\n")
    print("Detection: strict = same span, relaxed = any overlap (one-to-one). Type and value "
          "accuracy over relaxed-matched pairs; value P/R/F1 as TempEval-3 (matched with the "
          "exact gold value / system, / gold expressions). Figures in %. TBAQ is the "
          "TempEval-3 TRAINING data: development figures, not the held-out platinum test.\n")
    failures = Failures()
    results: list[CorpusResult] = []
    output: dict[str, Any] = {"date": date.today().isoformat(), "machine": about,
                              "text": args.text, "limit": args.limit,
                              "whole_text": args.whole_text, "corpora": {}}
    for corpus in args.corpora:
        loaded = load_corpus(corpus, args.shared, args.limit, args.text == "detokenized",
                             args.whole_text)
        if loaded is None or not loaded.docs:
            continue
        result = run_systems(loaded, nlp, failures, baseline)
        results.append(result)
        output["corpora"][corpus] = report_corpus(result, args.errors)
    if results:
        summary(results)
    if failures.counts:
        print("Exceptions (the document then counts as one where that system found nothing): "
              + ", ".join(f"{name} x{count}" for name, count in failures.counts.most_common()))
        for sample in failures.samples:
            print(f"- `{sample}`")
        print()
    output["failures"] = failures.as_dict()
    output["seconds"] = time.perf_counter() - began
    parts = "; ".join(f"{result.corpus}: " + ", ".join(
        f"{name} {value:.1f} s" for name, value in result.seconds.items()) for result in results)
    print(f"Total time: {output['seconds']:.0f} s" + (f" ({parts})." if parts else "."))
    LOGGER.info("done in %.0f s", output["seconds"])
    if args.json:
        args.json.write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
