"""Timeline: `consilience.timeline` against public gold, each part next to a baseline.

Three parts, each printed as Markdown to stdout (progress goes to stderr):

1. semeval: SemEval-2015 Task 4 TimeLine gold timelines (test corpora 1-3, and the Apple trial
   corpus apart). Every gold event mention with a known date gets the date of its clause from
   `event_dates(doc, dct)`, or the document creation time (DCT) when its clause is undated;
   scored at the gold precision against the baseline "every event happens on its document's
   date".
2. normalisation: `normalise_expression` on gold TIMEX3 values (DATE, YYYY[-MM[-DD]]) of any
   TimeML found (MEANTIME, SemEval, `--timeml`), with the tense of the clause from
   `find_expressions`, against `dateparser`. The shared corpora carry no TIMEX3 value besides
   the DCT, so two labelled substitutes run as well: the date line under each SemEval title
   (gold = the DCT), and a silver set of the expressions that are alone in a sentence whose
   dated gold timeline events all share one date (gold = that date).
3. published: `infer_published(doc, ())` on PolNeAR articles with their known publication date
   hidden, against "the latest full date with a year in the text"; the target is no invented
   date on articles with no date-like expression.

    python benchmarks/timeline.py [--shared ../shared] [--json out.json]
                                  [--parts semeval,normalisation,published]
                                  [--polnear-limit N] [--timeml DIR ...]

Corpora are read in place and never copied; a missing corpus is skipped with a printed line.
An exception raised by `consilience.timeline` is counted per item and reported with a sample.
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import re
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import spacy
from spacy.tokens import Doc

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.timeline, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timeline_corpora as tc
from consilience.annotate import load_pipeline, model_label
from consilience.timeline import (
    Expression,
    TimeValue,
    event_dates,
    find_expressions,
    governing_verb,
    infer_published,
    normalise_expression,
    tense_of,
)

LOGGER = logging.getLogger("timeline")
ROOT = Path(__file__).resolve().parents[1]
PARTS = ("semeval", "normalisation", "published")
PRECISIONS = ("year", "month", "day")
_ORDER = {"year": 0, "month": 1, "day": 2}
_CUT = {"year": 4, "month": 7, "day": 10}
BATCH_SIZE = 16
T = TypeVar("T")


# --- scoring helpers ---------------------------------------------------------------------------

def cut(value: str, precision: str) -> str:
    """An ISO value cut to a precision ("2008-03-01" at month is "2008-03")."""
    return value[:_CUT[precision]]


def matches(system: TimeValue | None, gold_value: str, gold_precision: str) -> bool:
    """Whether a system value states the gold date at the gold's precision: the system value
    cut to that precision equals it; a value coarser than the gold is wrong."""
    if system is None:
        return False
    if _ORDER[system.precision] < _ORDER[gold_precision]:
        return False
    return system.at(gold_precision) == gold_value  # type: ignore[arg-type]


def day_value(found: date | None) -> TimeValue | None:
    return TimeValue(found.isoformat(), "day") if found is not None else None


@dataclass(slots=True)
class Score:
    """Correct / total, overall and by a key."""

    total: int = 0
    correct: int = 0
    by: dict[str, list[int]] = field(default_factory=dict)

    def add(self, right: bool, key: str | None = None) -> None:
        self.total += 1
        self.correct += int(right)
        if key is not None:
            tally = self.by.setdefault(key, [0, 0])
            tally[0] += int(right)
            tally[1] += 1

    @property
    def rate(self) -> float | None:
        return self.correct / self.total if self.total else None

    def rate_of(self, key: str) -> float | None:
        correct, total = self.by.get(key, [0, 0])
        return correct / total if total else None

    def count_of(self, key: str) -> int:
        return self.by.get(key, [0, 0])[1]

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "correct": self.correct, "rate": self.rate,
                "by": {key: {"correct": value[0], "total": value[1]}
                       for key, value in sorted(self.by.items())}}


@dataclass(slots=True)
class Failures:
    """Exceptions raised by the code under test: counted per function, first samples kept."""

    counts: Counter[str] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)

    def call(self, name: str, item: str, function: Callable[..., T], *args: Any) -> T | None:
        try:
            return function(*args)
        except Exception as error:  # the code under test must not crash the benchmark
            self.counts[name] += 1
            if len(self.samples) < 5:
                last = traceback.extract_tb(error.__traceback__)[-1]
                self.samples.append(f"{name}({item}): {type(error).__name__}: {error} "
                                    f"[{Path(last.filename).name}:{last.lineno}]")
            return None

    def report(self) -> None:
        if not self.counts:
            print("No exception raised by consilience.timeline.\n")
            return
        print("Exceptions raised by consilience.timeline (counted, item skipped or scored as "
              "no answer): " + ", ".join(f"{name} x{count}"
                                         for name, count in self.counts.most_common()))
        for sample in self.samples:
            print(f"- `{sample}`")
        print()

    def as_dict(self) -> dict[str, Any]:
        return {"counts": dict(self.counts), "samples": self.samples}


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def table(header: Sequence[str], rows: Iterable[Sequence[object]], align: str = "") -> None:
    """A Markdown table; `align` gives "l" or "r" per column (default: first left, rest right);
    a "|" inside a cell is escaped."""
    aligns = align or "l" + "r" * (len(header) - 1)
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if kind == "l" else "--:" for kind in aligns) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |")
    print()


def parse_all(nlp: spacy.language.Language, texts: Sequence[str], what: str) -> list[Doc]:
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    LOGGER.info("parsed %d %s in %.0f s", len(docs), what, time.perf_counter() - began)
    return docs


# --- baselines ---------------------------------------------------------------------------------

def dateparser_baseline(text: str, anchor: date) -> TimeValue | None:
    """dateparser's reading of a temporal expression seen from the anchor (day precision)."""
    import dateparser

    found = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "past"})
    return day_value(found.date()) if found is not None else None


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_FULL_DATES = (
    re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               r"(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+"
               r"(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)


def full_dates(text: str) -> list[date]:
    """Every complete date (day, month and year) the text writes out."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            month_text = match.group("month")
            month_number = (int(month_text) if month_text.isdigit()
                            else _MONTH_NUMBERS[month_text[:3].casefold()])
            try:
                found.append(date(int(match.group("year")), month_number,
                                  int(match.group("day"))))
            except ValueError:
                continue
    return found


def latest_full_date(text: str) -> date | None:
    """The baseline for publication dates: the latest full date with a year in the text."""
    return max(full_dates(text), default=None)


_EVIDENCE = {
    "full date": None,  # full_dates()
    "month-day": re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|,\d))"),
    "weekday": re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"),
    "today/yesterday": re.compile(r"\b(?:today|yesterday|tomorrow|tonight|last night|this "
                                  r"(?:morning|afternoon|evening))\b", re.IGNORECASE),
}
_DATE_LIKE = (
    re.compile(r"\b(?:19|20)\d\d\b"),
    re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|"
               r"November|December)\b|\bMay\s+\d"),
    re.compile(r"\b(?:last|next|this|past|coming|previous)\s+(?:week|month|year|weekend|"
               r"spring|summer|fall|autumn|winter)\b", re.IGNORECASE),
    re.compile(r"\b(?:days|weeks|months|years)\s+(?:ago|earlier|later)\b", re.IGNORECASE),
)


def evidence_kinds(text: str) -> list[str]:
    """What the text states that could date it: a full date with a year, a month and day, a
    weekday, "today"/"yesterday"; strongest first."""
    kinds = []
    for kind, pattern in _EVIDENCE.items():
        if (full_dates(text) if pattern is None else pattern.search(text)):
            kinds.append(kind)
    return kinds


def date_like(text: str) -> bool:
    """Whether the text has any date-like expression at all (evidence, a year, a month name,
    "last week", "weeks ago")."""
    return bool(evidence_kinds(text)) or any(pattern.search(text) for pattern in _DATE_LIKE)


def gap_bucket(system: date, gold: date) -> str:
    days = (system - gold).days
    size = abs(days)
    if size == 0:
        return "same day"
    side = "later" if days > 0 else "earlier"
    if size == 1:
        return f"1 day {side}"
    for limit, name in ((7, "2-7 days"), (31, "8-31 days"), (366, "32-366 days")):
        if size <= limit:
            return f"{name} {side}"
    return f"over a year {side}"


# --- part 1: SemEval-2015 Task 4 TimeLine ------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoldEvent:
    collection: str
    doc_id: str
    sentence: int
    word: str
    start: int  # character offsets of the event's token(s) in the rebuilt text
    end: int
    value: str
    precision: str
    timeline: str


@dataclass(slots=True)
class GoldStats:
    mentions: int = 0
    unknown_date: int = 0  # XXXX-XX-XX: not scored
    missing_doc: int = 0  # the timeline names a document id the corpus lacks
    missing_word: int = 0  # the word is not in the named sentence
    ambiguous: int = 0  # the word occurs more than once in its sentence
    duplicates: int = 0  # the same mention on another timeline (or line), same date: kept once
    conflicts: int = 0  # ... with another date: the first kept
    no_dct: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def collect_gold(collection: tc.SemevalCollection, detokenize: bool = False
                 ) -> tuple[dict[str, tc.CatDoc], list[GoldEvent], GoldStats]:
    """The collection's documents and its dated gold event mentions, one per token span."""
    docs = {}
    for path in sorted(collection.cat.glob("*.xml")):
        doc = tc.read_cat(path, detokenize)
        docs[doc.doc_id] = doc
    events_at: dict[str, dict[int, set[int]]] = {}
    if collection.timeml_events is not None and collection.timeml_events.is_dir():
        for path in sorted(collection.timeml_events.glob("*.tml")):
            timeml = tc.read_timeml(path)
            events_at[timeml.doc_id] = timeml.event_positions()
    stats = GoldStats()
    chosen: dict[tuple[str, int, int], GoldEvent] = {}
    for path in sorted(collection.timelines.glob("*.txt")):
        for entry in tc.read_timeline(path):
            gold = tc.gold_date(entry.date)
            for ref in entry.events:
                stats.mentions += 1
                if gold is None:
                    stats.unknown_date += 1
                    continue
                doc = docs.get(ref.doc_id)
                if doc is None:
                    stats.missing_doc += 1
                    continue
                if doc.dct is None:
                    stats.no_dct += 1
                    continue
                tokens, places = tc.locate_word(doc.sentences.get(ref.sentence, []), ref.word,
                                                events_at.get(ref.doc_id, {}).get(ref.sentence))
                if not tokens:
                    stats.missing_word += 1
                    continue
                stats.ambiguous += places > 1
                key = (ref.doc_id, tokens[0].start, tokens[-1].end)
                if key in chosen:
                    if (chosen[key].value, chosen[key].precision) == gold:
                        stats.duplicates += 1
                    else:
                        stats.conflicts += 1
                    continue
                chosen[key] = GoldEvent(collection.name, ref.doc_id, ref.sentence, ref.word,
                                        tokens[0].start, tokens[-1].end, gold[0], gold[1],
                                        entry.timeline)
    return docs, list(chosen.values()), stats


@dataclass(slots=True)
class SemevalParsed:
    """A collection read and parsed once, shared by parts 1 and 2."""

    collection: tc.SemevalCollection
    docs: dict[str, tc.CatDoc]
    events: list[GoldEvent]
    stats: GoldStats
    parsed: dict[str, Doc]


def load_semeval(shared: Path, nlp: spacy.language.Language, detokenize: bool = False
                 ) -> list[SemevalParsed]:
    loaded = []
    for collection in tc.semeval_collections(shared):
        docs, events, stats = collect_gold(collection, detokenize)
        ids = sorted(docs)
        parsed = parse_all(nlp, [docs[doc_id].text for doc_id in ids],
                           f"SemEval {collection.name} documents")
        loaded.append(SemevalParsed(collection, docs, events, stats,
                                    dict(zip(ids, parsed, strict=True))))
    return loaded


@dataclass(slots=True)
class EventOutcome:
    event: GoldEvent
    dct: date
    system: TimeValue
    dated: bool  # event_dates gave its clause a date (else the system answered the DCT)
    expression: Expression | None  # the expression that dated it
    sentence_has_expression: bool  # a dated expression lies in the event's sentence
    carried: TimeValue | None = None  # diagnostic: the last dated expression of this or the
    # previous sentence (the date line left out), for an event event_dates left undated
    sentence: str = ""
    lead: TimeValue | None = None  # diagnostic: for an undated event in a past-tense clause,
    # the article's first past-tense day expression after the date line

    @property
    def right(self) -> bool:
        return matches(self.system, self.event.value, self.event.precision)

    @property
    def baseline_right(self) -> bool:
        return matches(day_value(self.dct), self.event.value, self.event.precision)

    @property
    def carried_right(self) -> bool:
        """Right when an undated event takes the carried-over date (else the DCT)."""
        if self.dated or self.carried is None:
            return self.right
        return matches(self.carried, self.event.value, self.event.precision)

    @property
    def lead_right(self) -> bool:
        """Right when an undated past-tense event takes the article's lead date."""
        if self.dated or self.lead is None:
            return self.right
        return matches(self.lead, self.event.value, self.event.precision)

    @property
    def off_dct(self) -> bool:
        """The gold date is not the DCT's at the gold precision."""
        return not self.baseline_right


def score_doc_events(doc: Doc, dct: date, events: Sequence[GoldEvent], failures: Failures,
                     doc_id: str = "", sentences: dict[int, list[Any]] | None = None
                     ) -> list[EventOutcome]:
    """The system's date for each gold event of one parsed document; `sentences` (the corpus's
    sentence number -> tokens with character offsets) enables the carry-over diagnostic."""
    dates = failures.call("event_dates", doc_id, event_dates, doc, dct) or {}
    expressions = failures.call("find_expressions", doc_id, find_expressions, doc, dct) or []
    by_verb: dict[int, Expression] = {}
    for expression in expressions:
        if expression.value is not None and expression.verb is not None:
            by_verb.setdefault(expression.verb, expression)
    outcomes = []
    for event in events:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        tokens = list(span) if span is not None else [
            token for token in doc if token.idx < event.end
            and event.start < token.idx + len(token.text)]
        value = next((dates[token.i] for token in tokens if token.i in dates), None)
        expression = None
        if value is not None:
            for token in tokens:
                verb = governing_verb(token) if token.i in dates else None
                if verb is not None and verb.i in by_verb:
                    expression = by_verb[verb.i]
                    break
        sentence = tokens[0].sent if tokens and doc.has_annotation("SENT_START") else None
        in_sentence = sentence is not None and any(
            sentence.start_char <= item.start < sentence.end_char and item.value is not None
            for item in expressions)
        carried = lead = None
        if value is None and sentences:
            carried = _carried(event, expressions, sentences)
            verb = governing_verb(tokens[0]) if tokens else None
            if verb is not None and failures.call("tense_of", doc_id, tense_of, verb) == "past":
                lead = _lead(expressions, sentences)
        text = ""
        if sentences and sentences.get(event.sentence):
            row = sentences[event.sentence]
            text = doc.text[row[0].start:row[-1].end]
        outcomes.append(EventOutcome(event, dct, value or day_value(dct),  # type: ignore[arg-type]
                                     value is not None, expression, in_sentence, carried, text,
                                     lead))
    return outcomes


def _lead(expressions: Sequence[Expression], sentences: dict[int, list[Any]]
          ) -> TimeValue | None:
    """The first single day an article dates in the past tense after its date line."""
    after = sentences[1][-1].end if sentences.get(1) else 0
    for expression in expressions:
        value = expression.value
        if (value is not None and value.precision == "day" and value.end is None
                and expression.tense == "past" and expression.start >= after):
            return value
    return None


def _carried(event: GoldEvent, expressions: Sequence[Expression],
             sentences: dict[int, list[Any]]) -> TimeValue | None:
    """The value of the last dated expression before the event in its own or the previous
    sentence (not the date line, sentence 1)."""
    spans = [sentences[number] for number in (event.sentence - 1, event.sentence)
             if number > 1 and sentences.get(number)]
    if not spans:
        return None
    low = spans[0][0].start
    before = [expression for expression in expressions
              if expression.value is not None and low <= expression.start < event.start]
    return before[-1].value if before else None


def semeval_outcomes(loaded: SemevalParsed, failures: Failures) -> list[EventOutcome]:
    by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for event in loaded.events:
        by_doc[event.doc_id].append(event)
    outcomes = []
    for doc_id, events in sorted(by_doc.items()):
        dct = loaded.docs[doc_id].dct
        assert dct is not None  # collect_gold keeps only documents with a DCT
        outcomes.extend(score_doc_events(loaded.parsed[doc_id], dct, events, failures, doc_id,
                                         loaded.docs[doc_id].sentences))
    return outcomes


def summarise_outcomes(outcomes: Sequence[EventOutcome]) -> dict[str, Any]:
    system, baseline, off_system, carried, lead = Score(), Score(), Score(), Score(), Score()
    dated_system, dated_baseline = Score(), Score()
    for outcome in outcomes:
        precision = outcome.event.precision
        system.add(outcome.right, precision)
        baseline.add(outcome.baseline_right, precision)
        carried.add(outcome.carried_right, precision)
        lead.add(outcome.lead_right, precision)
        if outcome.off_dct:
            off_system.add(outcome.right, precision)
        if outcome.dated:
            dated_system.add(outcome.right, precision)
            dated_baseline.add(outcome.baseline_right, precision)
    return {"events": len(outcomes), "system": system.as_dict(), "baseline": baseline.as_dict(),
            "off_dct_system": off_system.as_dict(), "dated_system": dated_system.as_dict(),
            "dated_baseline": dated_baseline.as_dict(), "carried_system": carried.as_dict(),
            "lead_system": lead.as_dict(),
            "coverage": dated_system.total / len(outcomes) if outcomes else None}


def _rate(summary: dict[str, Any], name: str, key: str | None = None) -> float | None:
    part = summary[name]
    if key is None:
        return part["rate"]
    tally = part["by"].get(key)
    return tally["correct"] / tally["total"] if tally and tally["total"] else None


def _count(summary: dict[str, Any], name: str, key: str | None = None) -> int:
    part = summary[name]
    if key is None:
        return part["total"]
    tally = part["by"].get(key)
    return tally["total"] if tally else 0


def semeval_error_patterns(outcomes: Sequence[EventOutcome], limit: int = 15
                           ) -> dict[str, Any]:
    """What the wrong answers have in common."""
    kinds: Counter[str] = Counter()
    kind_examples: dict[str, str] = {}
    gaps: Counter[str] = Counter()
    expressions: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.right:
            continue
        gold = f"{outcome.event.value} ({outcome.event.precision})"
        sample = (f"{outcome.event.doc_id}-{outcome.event.sentence}-{outcome.event.word} "
                  f"(gold {outcome.event.value}, DCT {outcome.dct.isoformat()}"
                  + (f", system {outcome.system.value}" if outcome.dated else "")
                  + f"): {_clip(outcome.sentence)}")
        if outcome.dated:
            kind = ("dated by an expression, DCT was right" if outcome.baseline_right
                    else "dated by an expression, both wrong")
            kinds[kind] += 1
            kind_examples.setdefault(kind, sample)
            if outcome.expression is not None:
                text = " ".join(outcome.expression.text.lower().split())
                text = re.sub(r"\d", "9", text)
                expressions[text] += 1
                examples.setdefault(text, (
                    f"{outcome.event.doc_id}-{outcome.event.sentence}-{outcome.event.word}: "
                    f"'{outcome.expression.text}' tense={outcome.expression.tense} -> "
                    f"{outcome.system.value} ({outcome.system.precision}); gold {gold}; "
                    f"DCT {outcome.dct.isoformat()}"))
        else:
            where = ("a dated expression in its sentence" if outcome.sentence_has_expression
                     else "no dated expression in its sentence")
            side = "gold before DCT" if outcome.event.value < cut(outcome.dct.isoformat(),
                                                                  outcome.event.precision) \
                else "gold after DCT"
            kind = f"undated (answered DCT), {side}, {where}"
            kinds[kind] += 1
            kind_examples.setdefault(kind, sample)
            gold_day = tc.parse_iso_date(outcome.event.value)
            if gold_day is not None:
                gaps[gap_bucket(gold_day, outcome.dct).replace("later", "after DCT")
                     .replace("earlier", "before DCT")] += 1
    return {"kinds": [(kind, count, kind_examples[kind]) for kind, count in kinds.most_common()],
            "undated_day_gaps": sorted(gaps.items(), key=lambda item: -item[1]),
            "expressions": [(text, count, examples[text])
                            for text, count in expressions.most_common(limit)]}


def _clip(text: str, size: int = 170) -> str:
    text = " ".join(text.split()).replace("|", "/")
    return text if len(text) <= size else text[:size - 1] + "…"


def run_semeval(loaded: list[SemevalParsed], failures: Failures) -> dict[str, Any] | None:
    if not loaded:
        print("SemEval-2015 Task 4 skipped: no corpus under data/semeval2015-task4-timeline\n")
        return None
    print("### SemEval-2015 Task 4 TimeLine: event dates\n")
    print("System: `event_dates(doc, dct)[token]`, else the DCT. Baseline: the DCT. Scored at "
          "the gold precision (the system value cut to it; a coarser value is wrong). Mentions "
          "with an unknown gold date (XXXX-XX-XX) are left out.\n")
    by_collection = {}
    test_outcomes: list[EventOutcome] = []
    for item in loaded:
        outcomes = semeval_outcomes(item, failures)
        by_collection[item.collection.name] = (outcomes, item.stats)
        if item.collection.name.startswith("test"):
            test_outcomes.extend(outcomes)
    rows = list(by_collection.items())
    if test_outcomes:
        pooled = GoldStats()
        for name, (_, stats) in rows:
            if name.startswith("test"):
                for attribute in pooled.__slots__:  # type: ignore[attr-defined]
                    setattr(pooled, attribute, getattr(pooled, attribute) +
                            getattr(stats, attribute))
        rows.insert(sum(name.startswith("test") for name, _ in rows),
                    ("**test 1-3 pooled**", (test_outcomes, pooled)))
    summaries = {name: summarise_outcomes(outcomes) for name, (outcomes, _) in rows}
    table(["corpus", "events", "system acc", "baseline (DCT) acc", "gold ≠ DCT", "system acc "
           "there", "event_dates coverage", "system acc (dated)", "DCT acc (dated)"],
          [(name, summary["events"], f"**{percent(_rate(summary, 'system'))}**",
            percent(_rate(summary, "baseline")), _count(summary, "off_dct_system"),
            percent(_rate(summary, "off_dct_system")), percent(summary["coverage"]),
            percent(_rate(summary, "dated_system")), percent(_rate(summary, "dated_baseline")))
           for name, summary in summaries.items()])
    focus = "**test 1-3 pooled**" if test_outcomes else rows[0][0]
    summary = summaries[focus]
    print(f"By gold precision ({focus.strip('*')}):\n")
    table(["gold precision", "events", "system acc", "baseline acc", "dated", "system acc "
           "(dated)", "DCT acc (dated)"],
          [(precision, _count(summary, "system", precision),
            percent(_rate(summary, "system", precision)),
            percent(_rate(summary, "baseline", precision)),
            _count(summary, "dated_system", precision),
            percent(_rate(summary, "dated_system", precision)),
            percent(_rate(summary, "dated_baseline", precision)))
           for precision in PRECISIONS])
    stats_rows = [(name, *stats.as_dict().values()) for name, (_, stats) in rows]
    print("Gold mentions read (a mention counts once per timeline line it is on):\n")
    table(["corpus", *GoldStats.__slots__], stats_rows)  # type: ignore[attr-defined]
    patterns = semeval_error_patterns(test_outcomes or rows[0][1][0])
    print("Diagnostics (what-ifs, not systems), accuracy when the events event_dates leaves "
          "undated take instead:\n")
    table(["corpus", "system", "C: last dated expression of own/previous sentence",
           "L: past-tense clause → article's first past-tense day after the date line"],
          [(name, percent(_rate(summary, "system")), percent(_rate(summary, "carried_system")),
            percent(_rate(summary, "lead_system"))) for name, summary in summaries.items()])
    print(f"Wrong answers by kind ({focus.strip('*')}; example: doc-sentence-word):\n")
    table(["kind", "events", "example"], patterns["kinds"], "lrl")
    if patterns["undated_day_gaps"]:
        print("Wrong undated events with a day-precision gold: the gold date against the DCT:\n")
        table(["gold vs DCT", "events"], patterns["undated_day_gaps"])
    if patterns["expressions"]:
        print("Expressions behind the most wrong dated events (digits as 9):\n")
        table(["expression", "wrong events", "example"],
              [(f"`{text}`", count, example) for text, count, example
               in patterns["expressions"]], "lrl")
    return {"summaries": summaries, "gold": {name: stats.as_dict() for name, (_, stats) in rows},
            "errors": patterns}


# --- part 2: normalisation ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NormItem:
    """One expression to normalise: its text, anchor, clause tense and gold value."""

    source: str
    doc_id: str
    text: str
    dct: date
    tense: str | None
    value: str
    precision: str


def tense_for(start: int, end: int, expressions: Sequence[Expression]) -> str | None:
    """The tense of the first found expression overlapping [start, end), else None."""
    for expression in expressions:
        if expression.start < end and start < expression.end:
            return expression.tense
    return None


def gold_timex_items(paths: Sequence[Path], nlp: spacy.language.Language, failures: Failures
                     ) -> tuple[list[NormItem], Counter[str]]:
    """DATE TIMEX3s with a plain value from TimeML files, with their clause's tense."""
    skipped: Counter[str] = Counter()
    documents = []
    for path in paths:
        try:
            doc_id, dct, text, timexes = tc.read_timex_doc(path)
        except Exception as error:  # a broken file
            skipped[f"unreadable file ({type(error).__name__})"] += 1
            continue
        if dct is None:
            skipped["document without a DCT"] += 1
            continue
        documents.append((path, doc_id, dct, text, timexes))
    parsed = parse_all(nlp, [document[3] for document in documents], "TimeML documents")
    items = []
    for (path, doc_id, dct, _, timexes), doc in zip(documents, parsed, strict=True):
        expressions = failures.call("find_expressions", doc_id, find_expressions, doc,
                                    dct) or []
        for timex in timexes:
            if timex.attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            if timex.attrs.get("type") != "DATE":
                skipped[f"type {timex.attrs.get('type')}"] += 1
                continue
            gold = tc.plain_value(timex.attrs.get("value", ""))
            if gold is None:
                skipped["value not YYYY[-MM[-DD]]"] += 1
                continue
            items.append(NormItem(path.parent.name, doc_id, timex.text, dct,
                                  tense_for(timex.start, timex.end, expressions), *gold))
    return items, skipped


def date_line_items(loaded: Sequence[SemevalParsed], failures: Failures) -> list[NormItem]:
    """The date line under each SemEval title ("November 24 , 2004"): gold = the DCT."""
    items = []
    for item in loaded:
        for doc_id, cat in sorted(item.docs.items()):
            tokens = cat.sentences.get(1)
            if cat.dct is None or not tokens or not re.search(r"\b(?:19|20)\d\d\b",
                                                              cat.text[tokens[0].start:
                                                                       tokens[-1].end]):
                continue
            start, end = tokens[0].start, tokens[-1].end
            expressions = failures.call("find_expressions", doc_id, find_expressions,
                                        item.parsed[doc_id], cat.dct) or []
            items.append(NormItem("date line", doc_id, cat.text[start:end], cat.dct,
                                  tense_for(start, end, expressions), cat.dct.isoformat(), "day"))
    return items


def silver_items(loaded: Sequence[SemevalParsed], failures: Failures) -> list[NormItem]:
    """Silver gold from the timelines: a found expression alone (among found expressions) in
    a sentence whose dated gold events all share one date gets that date. Sentence 1, the date
    line, is left to date_line_items."""
    items = []
    for item in loaded:
        by_sentence: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
        for event in item.events:
            by_sentence[(event.doc_id, event.sentence)].add((event.value, event.precision))
        for doc_id, cat in sorted(item.docs.items()):
            if cat.dct is None:
                continue
            expressions = failures.call("find_expressions", doc_id, find_expressions,
                                        item.parsed[doc_id], cat.dct) or []
            for number, tokens in cat.sentences.items():
                golds = by_sentence.get((doc_id, number))
                if number <= 1 or not tokens or not golds or len(golds) != 1:
                    continue
                inside = [expression for expression in expressions
                          if tokens[0].start <= expression.start < tokens[-1].end]
                if len(inside) != 1:
                    continue
                value, precision = next(iter(golds))
                items.append(NormItem("timeline silver", doc_id, inside[0].text, cat.dct,
                                      inside[0].tense, value, precision))
    return items


@dataclass(slots=True)
class NormOutcome:
    item: NormItem
    system: TimeValue | None
    baseline: TimeValue | None

    @property
    def right(self) -> bool:
        return matches(self.system, self.item.value, self.item.precision)

    @property
    def baseline_right(self) -> bool:
        return matches(self.baseline, self.item.value, self.item.precision)


def normalise_items(items: Sequence[NormItem], failures: Failures,
                    baseline: Callable[[str, date], TimeValue | None] | None
                    ) -> list[NormOutcome]:
    outcomes = []
    for item in items:
        system = failures.call("normalise_expression", item.text, normalise_expression,
                               item.text, item.dct, item.tense)
        other = None
        if baseline is not None:
            try:
                other = baseline(item.text, item.dct)
            except Exception:  # dateparser's own failures count as no answer
                other = None
        outcomes.append(NormOutcome(item, system, other))
    return outcomes


def report_normalisation(title: str, outcomes: Sequence[NormOutcome], with_baseline: bool,
                         limit: int = 15) -> dict[str, Any]:
    system, baseline = Score(), Score()
    for outcome in outcomes:
        system.add(outcome.right, outcome.item.precision)
        baseline.add(outcome.baseline_right, outcome.item.precision)
    print(f"{title}:\n")
    rows = [("**all**", system.total, f"**{percent(system.rate)}**",
             percent(baseline.rate) if with_baseline else "–")]
    rows += [(precision, system.count_of(precision), percent(system.rate_of(precision)),
              percent(baseline.rate_of(precision)) if with_baseline else "–")
             for precision in PRECISIONS if system.count_of(precision)]
    table(["gold precision", "expressions", "normalise_expression", "dateparser"], rows)
    errors: Counter[str] = Counter()
    example: dict[str, NormOutcome] = {}
    for outcome in outcomes:
        if outcome.right:
            continue
        key = " ".join(outcome.item.text.lower().split())
        errors[key] += 1
        example.setdefault(key, outcome)
    listed = []
    for key, count in errors.most_common(limit):
        outcome = example[key]
        got = (f"{outcome.system.value} ({outcome.system.precision})"
               if outcome.system is not None else "None")
        listed.append((f"`{outcome.item.text}`", count,
                       f"{outcome.item.value} ({outcome.item.precision})", got,
                       outcome.item.tense or "–", outcome.item.dct.isoformat()))
    if listed:
        print(f"Most common system errors ({sum(errors.values())} wrong, "
              f"{len(errors)} distinct texts; example gold/system of the first):\n")
        table(["text", "count", "gold", "system", "tense", "DCT"], listed, "lrllll")
    return {"system": system.as_dict(), "baseline": baseline.as_dict() if with_baseline else None,
            "errors": [list(row) for row in listed]}


def dateparser_available() -> bool:
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return False
    return True


def run_normalisation(shared: Path, extra: Sequence[Path], loaded: Sequence[SemevalParsed],
                      nlp: spacy.language.Language, failures: Failures) -> dict[str, Any]:
    print("### Normalisation: normalise_expression against dateparser\n")
    baseline = dateparser_baseline if dateparser_available() else None
    if baseline is None:
        print("dateparser is not installed: baseline column left empty "
              "(`.venv/bin/pip install dateparser`).\n")
    results: dict[str, Any] = {}
    checked = [tc.meantime_root(shared), tc.semeval_root(shared), *extra]
    files = tc.timeml_files(checked)
    with_values = [path for path in files if tc.has_timex_values(path)]
    checked_names = ", ".join(str(path) for path in checked)
    if not files:
        print(f"No gold TIMEX3 values: no TimeML/XML files under {checked_names}.\n")
    elif not with_values:
        print(f"No gold TIMEX3 values: the {len(files)} TimeML/XML files under {checked_names} "
              "carry no TIMEX3 value besides the document creation time (MEANTIME here is the "
              "CoNLL conversion, without timexes; SemEval's TimeML holds only the DCT). "
              "Pass `--timeml DIR` (TimeBank, TempEval-3, MEANTIME's XML) to score real "
              "TIMEX3 gold. The two substitutes below are labelled as such.\n")
    else:
        items, skipped = gold_timex_items(with_values, nlp, failures)
        LOGGER.info("gold TIMEX3: %d items from %d files", len(items), len(with_values))
        if skipped:
            print("Gold TIMEX3 left out: " + ", ".join(f"{name} x{count}" for name, count
                                                       in skipped.most_common()) + "\n")
        results["gold"] = report_normalisation(
            f"Gold TIMEX3 (DATE, YYYY[-MM[-DD]]) from {len(with_values)} files",
            normalise_items(items, failures, baseline), baseline is not None)
    if loaded:
        results["date_lines"] = report_normalisation(
            "Substitute 1: SemEval date lines (the line under the title; gold = the DCT)",
            normalise_items(date_line_items(loaded, failures), failures, baseline),
            baseline is not None)
        results["silver"] = report_normalisation(
            "Substitute 2, silver: the one found expression of a sentence whose dated gold "
            "timeline events share one date (gold = that date; the event may be dated by "
            "something else, so some 'errors' are the gold's)",
            normalise_items(silver_items(loaded, failures), failures, baseline),
            baseline is not None)
    else:
        print("SemEval substitutes skipped: no SemEval corpus.\n")
    return results


# --- part 3: publication dates ----------------------------------------------------------------

@dataclass(slots=True)
class PubOutcome:
    name: str
    gold: date
    system: TimeValue | None
    baseline: date | None
    kinds: list[str]
    date_like: bool


@dataclass(slots=True)
class PubScore:
    articles: int = 0
    covered: int = 0
    day: int = 0
    near: int = 0  # within one day
    month: int = 0

    def add(self, predicted: date | None, gold: date) -> None:
        self.articles += 1
        if predicted is None:
            return
        self.covered += 1
        self.day += predicted == gold
        self.near += abs((predicted - gold).days) <= 1
        self.month += (predicted.year, predicted.month) == (gold.year, gold.month)

    def row(self) -> list[str]:
        share = self.covered / self.articles if self.articles else None
        return [f"{self.covered} ({percent(share)})", *(
            percent(value / self.covered if self.covered else None)
            for value in (self.day, self.near, self.month))]

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in ("articles", "covered", "day", "near",
                                                       "month")}


def system_day(value: TimeValue | None) -> date | None:
    """The day a publication-date answer names (a coarser one names none)."""
    if value is None or value.precision != "day":
        return None
    return tc.parse_iso_date(value.value)


def run_published(shared: Path, nlp: spacy.language.Language, limit: int | None,
                  failures: Failures) -> dict[str, Any] | None:
    root = tc.polnear_root(shared)
    articles = [article for article in tc.read_polnear(root, limit=limit)
                if article.published is not None]
    if not articles:
        print(f"Publication dates skipped: no PolNeAR corpus at {root}\n")
        return None
    print("### Publication-date inference (PolNeAR, date hidden)\n")
    parsed = parse_all(nlp, [article.text for article in articles], "PolNeAR articles")
    outcomes = []
    coarse = 0
    for article, doc in zip(articles, parsed, strict=True):
        assert article.published is not None
        value = failures.call("infer_published", article.name, infer_published, doc, ())
        coarse += value is not None and value.precision != "day"
        outcomes.append(PubOutcome(article.name, article.published, value,
                                   latest_full_date(article.text), evidence_kinds(article.text),
                                   date_like(article.text)))
    subsets: dict[str, Callable[[PubOutcome], bool]] = {
        "with evidence (full date, month-day, weekday or today/yesterday)":
            lambda outcome: bool(outcome.kinds),
        "↳ of which a full date with year": lambda outcome: "full date" in outcome.kinds,
        "↳ of which no full date (month-day/weekday/today only)":
            lambda outcome: bool(outcome.kinds) and "full date" not in outcome.kinds,
        "all articles": lambda outcome: True,
        "no evidence": lambda outcome: not outcome.kinds,
        "**no date-like expression at all**": lambda outcome: not outcome.date_like,
    }
    rows, results = [], {}
    for name, keep in subsets.items():
        system, baseline = PubScore(), PubScore()
        for outcome in outcomes:
            if keep(outcome):
                system.add(system_day(outcome.system), outcome.gold)
                baseline.add(outcome.baseline, outcome.gold)
        rows.append([name, system.articles, *system.row(), *baseline.row()])
        results[name.strip("*↳ ")] = {"system": system.as_dict(), "baseline": baseline.as_dict()}
    print(f"{len(articles)} articles (train/dev/test). System: `infer_published(doc, ())`. "
          "Baseline: the latest full date with a year in the text. 'dated' = given a day; "
          "accuracies are over the dated articles. On the last rows any date is invented.\n")
    table(["articles", "n", "system dated", "day acc", "±1 day", "month acc", "baseline dated",
           "day acc", "±1 day", "month acc"], rows)
    if coarse:
        print(f"{coarse} system answers were coarser than a day (counted as undated).\n")
    gaps: Counter[str] = Counter()
    baseline_gaps: Counter[str] = Counter()
    samples = []
    for outcome in outcomes:
        predicted = system_day(outcome.system)
        if predicted is not None:
            gaps[gap_bucket(predicted, outcome.gold)] += 1
            if predicted != outcome.gold and len(samples) < 8:
                samples.append((outcome.name, predicted.isoformat(), outcome.gold.isoformat(),
                                ", ".join(outcome.kinds) or "none"))
        if outcome.baseline is not None:
            baseline_gaps[gap_bucket(outcome.baseline, outcome.gold)] += 1
    print("Dated answers against the publication date (all articles):\n")
    buckets = sorted(set(gaps) | set(baseline_gaps),
                     key=lambda name: (name != "same day", "year" in name, name))
    table(["answer vs gold", "system", "baseline"],
          [(bucket, gaps[bucket], baseline_gaps[bucket]) for bucket in buckets])
    if samples:
        print("Sample wrong system answers:\n")
        table(["article", "system", "gold", "evidence"], samples, "llll")
    results["gaps"] = {"system": dict(gaps), "baseline": dict(baseline_gaps)}
    results["invented"] = sum(1 for outcome in outcomes if not outcome.date_like
                              and system_day(outcome.system) is not None)
    return results


# --- main ------------------------------------------------------------------------------------

def part_list(text: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in parts if part not in PARTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part(s) {unknown}; choose from {PARTS}")
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/ (default: ../shared)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--parts", type=part_list, default=PARTS,
                        help=f"comma-separated parts to run (default: {','.join(PARTS)})")
    parser.add_argument("--polnear-limit", type=int, default=None,
                        help="only the first N PolNeAR articles (default: all)")
    parser.add_argument("--text", choices=("spaced", "detokenized"), default="spaced",
                        help="SemEval text rebuilt from its tokens with single spaces (default) "
                             "or spaced as written text (no space before ',' '.' \"'s\" ...)")
    parser.add_argument("--timeml", type=Path, action="append", default=[],
                        help="a folder or file of TimeML with TIMEX3 values for part 2")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(name)s %(message)s", datefmt="%H:%M:%S")
    began = time.perf_counter()
    nlp = load_pipeline()
    print("## Timeline benchmark\n")
    print(f"Machine: {platform.system()} {platform.machine()}, Python "
          f"{platform.python_version()}, spaCy {spacy.__version__}, model {model_label(nlp)}."
          "\n")
    failures = Failures()
    results: dict[str, Any] = {"model": model_label(nlp), "text": args.text}
    loaded: list[SemevalParsed] = []
    if {"semeval", "normalisation"} & set(args.parts):
        loaded = load_semeval(args.shared, nlp, args.text == "detokenized")
    if "semeval" in args.parts:
        results["semeval"] = run_semeval(loaded, failures)
    if "normalisation" in args.parts:
        results["normalisation"] = run_normalisation(args.shared, args.timeml, loaded, nlp,
                                                     failures)
    if "published" in args.parts:
        results["published"] = run_published(args.shared, nlp, args.polnear_limit, failures)
    failures.report()
    results["failures"] = failures.as_dict()
    results["seconds"] = time.perf_counter() - began
    print(f"Total time: {results['seconds']:.0f} s.")
    LOGGER.info("done in %.0f s", results["seconds"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
