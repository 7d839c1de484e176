"""Quotes and credits on PolNeAR: `consilience.provenance.quotes.find_quotes` against the gold
attributions (content, cue, source spans), speaker accuracy for direct quotes, and wire/outlet
credit detection, each against a baseline computed in the same run.

    python benchmarks/provenance.py [--split dev|test] [--limit N] [--shared ../shared]
                                    [--cache-dir DIR] [--no-entities] [--stub] [--json out.json]

Data: PolNeAR (../shared/data/polnear, see benchmarks/polnear.py): the split's articles in sorted
file-name order, the gold of the first annotator of each article (sorted annotator ids). The
raw text file is the article text (no cleaning), so system offsets index the gold's text; its
parse is cached with consilience's DocCache under --cache-dir. By default each article's
entities are resolved as in `analyze` (`resolve_story` over that article alone) and passed to
find_quotes as `mentions` and `names`; --no-entities passes None.

1. Attribution detection. System quotes and gold attributions are paired one-to-one, greedily by
   descending character overlap, when their content spans MATCH: the overlap (characters in
   both; discontinuous spans count their fragments) is at least half of the shorter span. Exact
   figures pair spans that are equal after trimming whitespace, quotation marks and
   punctuation at both ends. Content P = matched system quotes / system quotes, R = matched
   gold / gold; "lenient P" leaves out of the system count the unmatched quotes that lie
   mostly (>= half) inside a matched gold content: quotes the gold joins into one attribution
   ('"A," he said. "B."' as one discontinuous content) or nests in one (a partial quote inside
   reported speech, which PolNeAR's one-label-per-token annotation cannot mark twice).
   Cue and source are scored only on matched pairs (PARC3-style): P = pairs whose system cue
   (source) matches the gold one by the same overlap rule / pairs where the system gives one,
   R = the same / pairs where the gold has one. "joint" counts matched pairs whose
   cue and source both match (or are both absent) over all system quotes / all gold
   attributions.
2. Speaker accuracy for direct quotes: gold attributions whose content is direct (more than
   half of its non-space characters inside quotation marks) and that the system found (matched
   pair); correct when the system's `source_span` matches the gold Source span (overlap rule).
   Reported apart for gold sources that are a name or description, pronouns ("he said") and
   none. Target 0.90 (named or described). A second table also counts as correct a quote
   whose `speaker` (entity id) is the entity of the resolved mention matching the gold source
   ("The president" for gold "President Obama").
3. Baseline, same run, scored the same way: every quotation ("..." or “...”, a paragraph's
   unclosed quotation running to its end) of at least 3 words is a direct content span; its
   source is the nearest PERSON entity (spaCy NER) outside it in the sentence where it starts
   through the sentence after the one where it ends; its cue the nearest said/told/added/says
   in the same window.
4. Credits: metadata.tsv says whether an article credits a wire service (`wire`: AP, UPI, AFP,
   Reuters) or another outlet (`credit`: "h/t: ..."); NA counts as none. Systems: the cleaner's
   removed lines alone (a removed line with a `credit`, or of reason "credit", that names a
   wire service or says "h/t"); a text detector (those lines, plus a wire in a dateline
   "CITY (AP) —" in the first 600 characters, "h/t" or "hat tip", a wire "contributed to this
   report", and Reuters' "(Reporting by ...)" / "(Additional reporting by ...)" signature);
   and, when
   `consilience.provenance.citations.find_citations` exists, its citations of kind
   "forwarded". Precision and recall of "credits a wire or outlet".
"""

from __future__ import annotations

import argparse
import bisect
import importlib
import json
import logging
import os
import platform
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.provenance, it is not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear
from consilience.annotate import DocCache, annotate, extract_mentions, load_pipeline, model_label
from consilience.clean import clean_article
from consilience.cluster import article_id
from consilience.errors import ConsilienceError
from consilience.models import Article, Quote, RawArticle, Span
from consilience.resolve import resolve_story
from polnear import Fragments, GoldAttribution, PolnearDoc

LOGGER = logging.getLogger("provenance")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = Path.home() / ".cache" / "consilience-bench"
MATCH_RATIO = 0.5
DIRECT_SHARE = 0.5
SPEAKER_TARGET = 0.90
MIN_QUOTE_WORDS = 3
BASELINE_CUES = frozenset({"said", "told", "added", "says"})
PRONOUNS = frozenset({"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they",
                      "them", "his", "hers", "its", "their", "theirs", "our", "my", "your",
                      "himself", "herself", "themselves", "itself", "who", "which", "that"})
_EDGE = "\"'“”‘’«»„.,;:!?-—– \t\r\n()[]"

EntityMentions = Mapping[str, Sequence[tuple[int, int, str]]]
FindQuotes = Callable[..., list[Quote]]
"""find_quotes(article, doc, mentions, names, types)"""


# ---------------------------------------------------------------------------------------------
# Spans and matching
# ---------------------------------------------------------------------------------------------


def fragments_of(span: Span | None) -> Fragments | None:
    if span is None or span.end <= span.start:
        return None
    return ((span.start, span.end),)


def length(fragments: Fragments) -> int:
    return sum(end - start for start, end in fragments)


def overlap(left: Fragments, right: Fragments) -> int:
    """Characters in both spans."""
    return sum(max(0, min(a_end, b_end) - max(a_start, b_start))
               for a_start, a_end in left for b_start, b_end in right)


def spans_match(left: Fragments | None, right: Fragments | None,
                ratio: float = MATCH_RATIO) -> bool:
    """The overlap rule: some overlap, at least `ratio` of the shorter span."""
    if not left or not right:
        return False
    shared = overlap(left, right)
    return shared > 0 and shared >= ratio * min(length(left), length(right))


def trimmed(text: str, fragments: Fragments) -> Fragments:
    """The span without whitespace, quotation marks and punctuation at its two ends."""
    parts = sorted(fragments)
    first_start, first_end = parts[0]
    while first_start < first_end and text[first_start] in _EDGE:
        first_start += 1
    parts[0] = (first_start, first_end)
    last_start, last_end = parts[-1]
    while last_end > last_start and text[last_end - 1] in _EDGE:
        last_end -= 1
    parts[-1] = (last_start, last_end)
    return tuple(part for part in parts if part[1] > part[0])


def exact_match(text: str, left: Fragments | None, right: Fragments | None) -> bool:
    if not left or not right:
        return False
    return trimmed(text, left) == trimmed(text, right)


def pair_up(system: Sequence[Fragments], gold: Sequence[Fragments],
            same: Callable[[Fragments, Fragments], bool]) -> list[tuple[int, int]]:
    """One-to-one (system index, gold index) pairs of matching spans, greedily by descending
    overlap, ties in reading order."""
    candidates = [(-overlap(left, right), i, j)
                  for i, left in enumerate(system) for j, right in enumerate(gold)
                  if same(left, right)]
    used_system: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i in used_system or j in used_gold:
            continue
        used_system.add(i)
        used_gold.add(j)
        pairs.append((i, j))
    return sorted(pairs)


# ---------------------------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------------------------

_OPEN = frozenset("“")
_CLOSE = frozenset("”")
_STRAIGHT = '"'


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included: “ to ”, or a straight " to the next
    one, within a paragraph (a line); a quotation still open at the end of its paragraph runs
    to that end (the convention for a quote that goes on in the next paragraph)."""
    found: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        opened: int | None = None
        for offset, char in enumerate(line):
            here = position + offset
            if opened is None and (char in _OPEN or char == _STRAIGHT):
                opened = here
            elif opened is not None and (char in _CLOSE or char == _STRAIGHT):
                found.append((opened, here + 1))
                opened = None
        if opened is not None:
            end = position + len(line.rstrip())
            if end > opened + 1:
                found.append((opened, end))
        position += len(line) + 1
    return found


def quoted_share(text: str, fragments: Fragments, regions: Sequence[tuple[int, int]]) -> float:
    """The share of the span's non-space characters that lie inside quotation marks."""
    inside = total = 0
    starts = [start for start, _ in regions]
    for start, end in fragments:
        for position in range(start, end):
            if text[position].isspace():
                continue
            total += 1
            index = bisect.bisect_right(starts, position) - 1
            if index >= 0 and regions[index][0] <= position < regions[index][1]:
                inside += 1
    return inside / total if total else 0.0


def source_kind(text: str, source: Fragments | None) -> str:
    """"none", "pronoun" or "named" (a name or a description) for a gold source."""
    if not source:
        return "none"
    words = polnear.fragments_text(text, source).strip().casefold()
    return "pronoun" if words in PRONOUNS else "named"


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Counts:
    """Counts summed over articles for one system."""

    system: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    exact_raw: int = 0
    cue_system: int = 0
    cue_gold: int = 0
    cue_match: int = 0
    cue_exact: int = 0
    source_system: int = 0
    source_gold: int = 0
    source_match: int = 0
    source_exact: int = 0
    joint: int = 0
    gold_direct: int = 0
    gold_direct_found: int = 0
    gold_indirect: int = 0
    gold_indirect_found: int = 0
    system_direct: int = 0
    system_direct_matched: int = 0
    system_indirect: int = 0
    system_indirect_matched: int = 0
    excused: int = 0
    """Unmatched system quotes lying mostly (>= MATCH_RATIO of them) inside the content of a
    matched gold attribution: a quote the gold joins with another into one attribution, or
    one nested in it."""
    speaker: dict[str, list[int]] = field(default_factory=lambda: {
        kind: [0, 0, 0] for kind in ("named", "pronoun", "none")})
    """gold source kind -> [found direct quotes, correct source, correct or same entity]; for
    "none", correct means the system gives no source either."""

    def add(self, other: Counts) -> None:
        for name, value in vars(other).items():
            if name == "speaker":
                for kind, numbers in value.items():
                    for index, number in enumerate(numbers):
                        self.speaker[kind][index] += number
            else:
                setattr(self, name, getattr(self, name) + value)


def prf(hits_system: int, system: int, hits_gold: int, gold: int) -> dict[str, float]:
    precision = hits_system / system if system else 0.0
    recall = hits_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}


def entity_of(fragments: Fragments | None, mentions: Sequence[tuple[int, int, str]]
              ) -> str | None:
    """The entity of the mention that best matches the span (overlap rule), if any."""
    if not fragments:
        return None
    best = max(((overlap(fragments, ((start, end),)), entity) for start, end, entity in mentions
                if spans_match(fragments, ((start, end),))), default=None)
    return best[1] if best else None


def score_article(text: str, quotes: Sequence[Quote], gold: Sequence[GoldAttribution],
                  mentions: Sequence[tuple[int, int, str]] = ()
                  ) -> tuple[Counts, list[dict[str, Any]]]:
    """Counts for one article, and its matched, missed and spurious attributions (for the
    JSON's error list). `mentions` (start, end, entity id) are the article's resolved entity
    mentions: a quote whose `speaker` is the entity of the gold source counts as "same
    entity" in the speaker figures."""
    counts = Counts(system=len(quotes), gold=len(gold))
    regions = quotations(text)
    system_spans = [fragments_of(quote.span) or ((quote.span.start, quote.span.start),)
                    for quote in quotes]
    gold_spans = [attribution.content for attribution in gold]
    pairs = pair_up(system_spans, gold_spans, spans_match)
    counts.matched = len(pairs)
    counts.exact = len(pair_up(system_spans, gold_spans,
                               lambda left, right: exact_match(text, left, right)))
    counts.exact_raw = len(pair_up(system_spans, gold_spans,
                                   lambda left, right: sorted(left) == sorted(right)))
    gold_direct = [quoted_share(text, span, regions) > DIRECT_SHARE for span in gold_spans]
    found_gold = {j for _, j in pairs}
    matched_system = {i for i, _ in pairs}
    for j, direct in enumerate(gold_direct):
        if direct:
            counts.gold_direct += 1
            counts.gold_direct_found += j in found_gold
        else:
            counts.gold_indirect += 1
            counts.gold_indirect_found += j in found_gold
    for i, quote in enumerate(quotes):
        if quote.direct:
            counts.system_direct += 1
            counts.system_direct_matched += i in matched_system
        else:
            counts.system_indirect += 1
            counts.system_indirect_matched += i in matched_system
    details: list[dict[str, Any]] = []
    for i, j in pairs:
        quote, attribution = quotes[i], gold[j]
        cue, source = fragments_of(quote.cue_span), fragments_of(quote.source_span)
        counts.cue_system += cue is not None
        counts.cue_gold += attribution.cue is not None
        cue_ok = spans_match(cue, attribution.cue)
        counts.cue_match += cue_ok
        counts.cue_exact += exact_match(text, cue, attribution.cue)
        counts.source_system += source is not None
        counts.source_gold += attribution.source is not None
        source_ok = spans_match(source, attribution.source)
        counts.source_match += source_ok
        counts.source_exact += exact_match(text, source, attribution.source)
        counts.joint += (cue_ok or (cue is None and attribution.cue is None)) and \
            (source_ok or (source is None and attribution.source is None))
        kind = source_kind(text, attribution.source)
        if gold_direct[j]:
            correct = source is None if kind == "none" else source_ok
            gold_entity = entity_of(attribution.source, mentions)
            same = correct or (gold_entity is not None and quote.speaker == gold_entity)
            for index, hit in enumerate((True, correct, same)):
                counts.speaker[kind][index] += hit
        details.append({"gold": attribution.id, "system": quote.id, "direct": gold_direct[j],
                        "cue_ok": cue_ok, "source_ok": source_ok, "source_kind": kind,
                        "gold_source": _text(text, attribution.source),
                        "system_source": _text(text, source)})
    for j, attribution in enumerate(gold):
        if j not in found_gold:
            details.append({"missed": attribution.id, "direct": gold_direct[j],
                            "content": _text(text, attribution.content)[:120]})
    matched_gold = [gold_spans[j] for _, j in pairs]
    for i, quote in enumerate(quotes):
        if i in matched_system:
            continue
        inside = max((overlap(system_spans[i], span) for span in matched_gold), default=0)
        excused = inside > 0 and inside >= MATCH_RATIO * length(system_spans[i])
        counts.excused += excused
        if not excused:
            details.append({"spurious": quote.id, "direct": quote.direct,
                            "content": quote.span.text[:120]})
    return counts, details


def _text(text: str, fragments: Fragments | None) -> str | None:
    return polnear.fragments_text(text, fragments) if fragments else None


def detection_report(counts: Counts) -> dict[str, Any]:
    c = counts
    speaker = {kind: _speaker_row(*numbers) for kind, numbers in c.speaker.items()}
    speaker["named_or_pronoun"] = _speaker_row(*(
        c.speaker["named"][index] + c.speaker["pronoun"][index] for index in range(3)))
    return {
        "gold": c.gold, "system": c.system,
        "content": prf(c.matched, c.system, c.matched, c.gold),
        "content_lenient": prf(c.matched, c.system - c.excused, c.matched, c.gold),
        "content_exact": prf(c.exact, c.system, c.exact, c.gold),
        "content_exact_raw": prf(c.exact_raw, c.system, c.exact_raw, c.gold),
        "cue": prf(c.cue_match, c.cue_system, c.cue_match, c.cue_gold),
        "cue_exact": prf(c.cue_exact, c.cue_system, c.cue_exact, c.cue_gold),
        "source": prf(c.source_match, c.source_system, c.source_match, c.source_gold),
        "source_exact": prf(c.source_exact, c.source_system, c.source_exact, c.source_gold),
        "joint": prf(c.joint, c.system, c.joint, c.gold),
        "recall_direct": _share(c.gold_direct_found, c.gold_direct),
        "recall_indirect": _share(c.gold_indirect_found, c.gold_indirect),
        "precision_direct": _share(c.system_direct_matched, c.system_direct),
        "precision_indirect": _share(c.system_indirect_matched, c.system_indirect),
        "speaker": speaker,
        "counts": {name: value for name, value in vars(c).items() if name != "speaker"},
    }


def _speaker_row(found: int, correct: int, same: int) -> dict[str, Any]:
    return {"found": found, "correct": correct,
            "accuracy": round(correct / found, 4) if found else None,
            "correct_or_same_entity": same,
            "accuracy_same_entity": round(same / found, 4) if found else None}


def _share(part: int, whole: int) -> dict[str, Any]:
    return {"n": whole, "hits": part, "share": round(part / whole, 4) if whole else None}


# ---------------------------------------------------------------------------------------------
# Baseline: quotation marks and the nearest PERSON
# ---------------------------------------------------------------------------------------------


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    return [(sent.start_char, sent.end_char) for sent in doc.sents]


def _sentence_at(bounds: Sequence[tuple[int, int]], position: int) -> int:
    index = bisect.bisect_right([start for start, _ in bounds], position) - 1
    return max(0, index)


def _distance(start: int, end: int, quote: tuple[int, int]) -> int:
    if end <= quote[0]:
        return quote[0] - end
    return start - quote[1]


def baseline_quotes(article: Article, doc: Doc, mentions: EntityMentions | None = None,
                    names: Mapping[str, str] | None = None,
                    types: Mapping[str, str] | None = None) -> list[Quote]:
    """Every quotation of at least MIN_QUOTE_WORDS words, with the nearest PERSON and cue word
    from the sentence where it starts to the sentence after the one where it ends (the
    speaker's entity, when `mentions` are given, is the one of the mention covering it)."""
    own = (mentions or {}).get(article.id, ())
    text = article.text
    bounds = _sentence_bounds(doc)
    people = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    cues = [(token.idx, token.idx + len(token.text)) for token in doc
            if token.lower_ in BASELINE_CUES]
    found: list[Quote] = []
    for start, end in quotations(text):
        if len(text[start:end].strip(_EDGE).split()) < MIN_QUOTE_WORDS:
            continue
        window_start = bounds[_sentence_at(bounds, start)][0] if bounds else 0
        last = _sentence_at(bounds, max(start, end - 1)) + 1 if bounds else 0
        window_end = bounds[min(last, len(bounds) - 1)][1] if bounds else len(text)

        def nearest(candidates: Iterable[tuple[int, int]], quote: tuple[int, int] = (start, end),
                    low: int = window_start, high: int = window_end) -> tuple[int, int] | None:
            outside = [(s, e) for s, e in candidates if low <= s and e <= high
                       and (e <= quote[0] or s >= quote[1])]
            return min(outside, key=lambda span: (_distance(*span, quote), span[0]),
                       default=None)

        speaker, cue = nearest(people), nearest(cues)
        found.append(Quote(
            id=f"{article.id}-b{len(found) + 1}",
            span=Span(article.id, start, end, text[start:end]),
            direct=True,
            speaker=entity_of(((speaker[0], speaker[1]),), own) if speaker else None,
            speaker_text=text[speaker[0]:speaker[1]] if speaker else None,
            cue=text[cue[0]:cue[1]] if cue else None,
            cue_span=Span(article.id, cue[0], cue[1], text[cue[0]:cue[1]]) if cue else None,
            source_span=Span(article.id, speaker[0], speaker[1], text[speaker[0]:speaker[1]])
            if speaker else None,
        ))
    return found


# ---------------------------------------------------------------------------------------------
# The stub system (only when find_quotes is absent, or with --stub)
# ---------------------------------------------------------------------------------------------

_SAY = frozenset({"say", "tell", "add", "state", "claim", "argue", "write", "report", "warn",
                  "explain", "note", "insist", "announce", "declare"})


def stub_find_quotes(article: Article, doc: Doc, mentions: EntityMentions | None = None,
                     names: Mapping[str, str] | None = None,
                     types: Mapping[str, str] | None = None) -> list[Quote]:
    """A stand-in with find_quotes' signature: a speech verb's clausal complement is the
    content, its subject the source; a quotation next to a speech verb with no complement is
    the content instead."""
    text = article.text
    regions = quotations(text)
    found: list[Quote] = []
    for token in doc:
        if token.lemma_ not in _SAY or token.pos_ not in ("VERB", "AUX"):
            continue
        complement = next((child for child in token.children
                           if child.dep_ in ("ccomp", "xcomp", "parataxis")), None)
        subject = next((child for child in token.children if child.dep_ == "nsubj"), None)
        if complement is not None:
            start = complement.left_edge.idx
            end = complement.right_edge.idx + len(complement.right_edge.text)
        else:
            sent = token.sent
            near = [(s, e) for s, e in regions if sent.start_char - 2 <= s < sent.end_char]
            if not near:
                continue
            start, end = min(near, key=lambda span: _distance(*span, (token.idx, token.idx)))
        direct = quoted_share(text, ((start, end),), regions) > DIRECT_SHARE
        source = None
        if subject is not None:
            source = (subject.left_edge.idx,
                      subject.right_edge.idx + len(subject.right_edge.text))
        found.append(Quote(
            id=f"{article.id}-s{len(found) + 1}",
            span=Span(article.id, start, end, text[start:end]),
            direct=direct,
            speaker_text=text[source[0]:source[1]] if source else None,
            cue=token.text,
            cue_span=Span(article.id, token.idx, token.idx + len(token.text), token.text),
            source_span=Span(article.id, source[0], source[1], text[source[0]:source[1]])
            if source else None,
        ))
    return found


def load_find_quotes(stub: bool) -> tuple[str, FindQuotes]:
    """consilience's find_quotes, or the stub (when asked, or when it does not exist yet)."""
    if not stub:
        try:
            module = importlib.import_module("consilience.provenance.quotes")
            return "consilience find_quotes", module.find_quotes
        except (ImportError, AttributeError) as error:
            LOGGER.warning("consilience.provenance.quotes.find_quotes unavailable (%s): "
                           "scoring the STUB system instead", error)
    return "STUB (dependency rule, not consilience)", stub_find_quotes


# ---------------------------------------------------------------------------------------------
# Credits
# ---------------------------------------------------------------------------------------------

_WIRE = r"(?:AP|Associated Press|Reuters|AFP|Agence France-Presse|UPI|United Press International)"
_WIRE_WORD = re.compile(rf"\b{_WIRE}\b")
_HAT_TIP = re.compile(r"(?i)\b(?:h/t|hat tip)\b|\bh/t:")
_DATELINE = re.compile(rf"\(\s*{_WIRE}\s*\)\s*[—–-]")
_CONTRIBUTED = re.compile(rf"\b(?:The\s+)?{_WIRE}\s+contributed\s+to\s+this\s+report")
_REUTERS_SIGNATURE = re.compile(r"\(\s*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting)\s+by\b[^)]*\)")


def credit_from_removed(article: Article) -> str | None:
    """A wire or h/t credit among the cleaner's removed lines."""
    for line in article.removed:
        credit = line.credit or (line.text if line.reason == "credit" else None)
        if credit and (_WIRE_WORD.search(credit) or _HAT_TIP.search(credit)):
            return credit.strip()
    return None


def credit_from_text(raw_text: str, article: Article | None) -> str | None:
    """The text detector: removed-line credits, then the raw text's dateline, h/t, a wire's
    "contributed to this report", and Reuters' "(Reporting by ...)" signature."""
    if article is not None:
        found = credit_from_removed(article)
        if found:
            return found
    match = _DATELINE.search(raw_text[:600]) or _HAT_TIP.search(raw_text) or \
        _CONTRIBUTED.search(raw_text)
    if match:
        return match.group(0).strip()
    match = _REUTERS_SIGNATURE.search(raw_text)
    return f"Reuters: {match.group(0)}" if match else None


def cleaned(doc: PolnearDoc) -> Article | None:
    raw = RawArticle(source=f"{doc.name}.txt", text=doc.text, format="text")
    try:
        return clean_article(raw, article_id(doc.text))
    except ConsilienceError as error:
        LOGGER.warning("%s: not cleaned (%s)", doc.name, error)
        return None


def find_citations_function() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("consilience.provenance.citations")
    except ImportError:
        return None
    return getattr(module, "find_citations", None)


def credit_scores(predicted: Mapping[str, str | None], gold: Mapping[str, str | None]
                  ) -> dict[str, Any]:
    names = sorted(gold)
    tp = [name for name in names if predicted.get(name) and gold[name]]
    fp = [name for name in names if predicted.get(name) and not gold[name]]
    fn = [name for name in names if not predicted.get(name) and gold[name]]
    return {"articles": len(names), "gold_positive": sum(1 for n in names if gold[n]),
            "tp": len(tp), "fp": len(fp), "fn": len(fn),
            **prf(len(tp), len(tp) + len(fp), len(tp), len(tp) + len(fn)),
            "false_positives": {name: predicted[name] for name in fp},
            "false_negatives": {name: gold[name] for name in fn}}


def run_credits(docs: Sequence[PolnearDoc], nlp: Language, cache: DocCache,
                find_quotes: FindQuotes | None = None) -> dict[str, Any]:
    gold = {doc.name: polnear.gold_origin(doc.metadata) for doc in docs}
    articles = {doc.name: cleaned(doc) for doc in docs}
    systems: dict[str, dict[str, str | None]] = {
        "cleaner removed lines": {name: credit_from_removed(article) if article else None
                                  for name, article in articles.items()},
        "text detector (removed lines + text)": {
            doc.name: credit_from_text(doc.text, articles[doc.name]) for doc in docs},
    }
    find_citations = find_citations_function()
    if find_citations is not None and find_quotes is not None:
        present = [(name, article) for name, article in articles.items() if article is not None]
        parsed = annotate([article for _, article in present], nlp, cache).docs
        strict: dict[str, str | None] = dict.fromkeys(articles)
        wires: dict[str, str | None] = dict.fromkeys(articles)
        for (name, article), doc in zip(present, parsed, strict=True):
            mentions, names, types = entities_of(article, doc)
            quotes = find_quotes(article, doc, mentions, names, types)
            citations = find_citations(article, doc, quotes, mentions, names, types)
            credited = [citation.source for citation in citations
                        if citation.kind == "forwarded" or citation.span is None]
            strict[name] = credited[0] if credited else None
            wired = [citation.source for citation in citations
                     if _WIRE_WORD.search(citation.source) or _HAT_TIP.search(citation.source)]
            wires[name] = wired[0] if wired else None
        systems["find_citations: forwarded or cleaning credit"] = strict
        systems["find_citations: any citation naming a wire"] = wires
    return {name: credit_scores(predicted, gold) for name, predicted in systems.items()}


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


def as_article(doc: PolnearDoc) -> Article:
    """The raw text as the article text, so that offsets are the gold's."""
    title = doc.metadata.get("title") or None
    return Article(id=doc.name, source=f"{doc.name}.txt", text=doc.text, title=title,
                   outlet=doc.metadata.get("publisher") or None)


def entities_of(article: Article, doc: Doc) -> tuple[dict[str, list[tuple[int, int, str]]],
                                                     dict[str, str], dict[str, str]]:
    """The article's resolved entities as find_quotes and find_citations take them (mentions,
    names, types), as `analyze` computes them (one article alone)."""
    resolution = resolve_story([article], [doc], extract_mentions(article, doc))
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for entity in resolution.entities:
        for span in entity.mentions:
            mentions.setdefault(span.article, []).append((span.start, span.end, entity.id))
    return (mentions, {entity.id: entity.name for entity in resolution.entities},
            {entity.id: entity.type for entity in resolution.entities})


def run_detection(docs: Sequence[PolnearDoc], parsed: Sequence[Doc],
                  systems: Mapping[str, FindQuotes], entities: bool = True
                  ) -> tuple[dict[str, Any], dict[str, float]]:
    """Every system on every article, scored. Each article's entities are resolved once: the
    systems get them when `entities` is true, the scorer always (for "same entity")."""
    totals = {name: Counts() for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    errors: dict[str, list[dict[str, Any]]] = {name: [] for name in systems}
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        article = as_article(doc)
        mentions, names, types = entities_of(article, spacy_doc)
        given = (mentions, names, types) if entities else (None, None, None)
        for name, system in systems.items():
            start = time.perf_counter()
            quotes = system(article, spacy_doc, *given)
            seconds[name] += time.perf_counter() - start
            counts, details = score_article(doc.text, quotes, doc.attributions,
                                            mentions.get(article.id, ()))
            totals[name].add(counts)
            errors[name].extend({"article": doc.name, **item} for item in details)
    report = {name: {**detection_report(counts), "details": errors[name]}
              for name, counts in totals.items()}
    return report, seconds


def render(results: dict[str, Any]) -> str:
    detection = results["detection"]
    lines = [f"### 1. Attribution detection (PolNeAR {results['split']}, "
             f"{results['articles']} articles, {results['gold_attributions']} gold attributions)",
             "", "Content spans, one-to-one: overlap >= 50% of the shorter span; exact = equal "
             "after trimming quotes, punctuation and spaces at the ends; lenient P leaves out "
             "unmatched quotes lying mostly inside a matched gold content (split or nested).",
             "",
             "| system | quotes | content P | content R | content F1 | lenient P | exact P | "
             "exact R | exact F1 | joint P | joint R | joint F1 |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for name, row in detection.items():
        c, e, j = row["content"], row["content_exact"], row["joint"]
        lines.append(f"| {name} | {row['system']} | {c['p']:.3f} | {c['r']:.3f} | "
                     f"{c['f1']:.3f} | {row['content_lenient']['p']:.3f} | {e['p']:.3f} | "
                     f"{e['r']:.3f} | {e['f1']:.3f} | {j['p']:.3f} | {j['r']:.3f} | "
                     f"{j['f1']:.3f} |")
    lines += ["", "Cue and source among matched attributions (overlap rule; exact in brackets):",
              "", "| system | matched | cue P | cue R | cue F1 | source P | source R | "
              "source F1 |", "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for name, row in detection.items():
        cue, cue_x, src, src_x = row["cue"], row["cue_exact"], row["source"], row["source_exact"]
        lines.append(
            f"| {name} | {row['counts']['matched']} | {cue['p']:.3f} ({cue_x['p']:.3f}) | "
            f"{cue['r']:.3f} ({cue_x['r']:.3f}) | {cue['f1']:.3f} ({cue_x['f1']:.3f}) | "
            f"{src['p']:.3f} ({src_x['p']:.3f}) | {src['r']:.3f} ({src_x['r']:.3f}) | "
            f"{src['f1']:.3f} ({src_x['f1']:.3f}) |")
    lines += ["", "By kind: gold direct = more than half of the content inside quotation marks; "
              "system direct = `Quote.direct`.", "",
              "| system | recall direct | recall indirect | precision direct | "
              "precision indirect |", "|---|--:|--:|--:|--:|"]
    for name, row in detection.items():
        cells = [_cell(row[key]) for key in ("recall_direct", "recall_indirect",
                                             "precision_direct", "precision_indirect")]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    lines += ["", "### 2. Speaker accuracy, direct quotes found", "",
              f"Correct = system `source_span` matches the gold Source (overlap rule). "
              f"Target {SPEAKER_TARGET:.2f} (named or described).", "",
              "| system | named/described | pronoun | named + pronoun | no gold source "
              "(system gives none) |", "|---|--:|--:|--:|--:|"]
    for name, row in detection.items():
        speaker = row["speaker"]
        cells = [_accuracy(speaker[kind]) for kind in ("named", "pronoun", "named_or_pronoun",
                                                       "none")]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    lines += ["", "Same, also counting a quote whose `speaker` entity is the entity of the gold "
              "source's mention (resolved entities of the article):", "",
              "| system | named/described | pronoun | named + pronoun |", "|---|--:|--:|--:|"]
    for name, row in detection.items():
        speaker = row["speaker"]
        cells = [_accuracy(speaker[kind], same=True)
                 for kind in ("named", "pronoun", "named_or_pronoun")]
        lines.append(f"| {name} | {' | '.join(cells)} |")
    credits = results.get("credits")
    if credits:
        first = next(iter(credits.values()))
        lines += ["", f"### 4. Credits a wire service or outlet ({first['articles']} articles, "
                  f"{first['gold_positive']} in the gold)", "",
                  "| detector | TP | FP | FN | P | R | F1 |", "|---|--:|--:|--:|--:|--:|--:|"]
        for name, row in credits.items():
            lines.append(f"| {name} | {row['tp']} | {row['fp']} | {row['fn']} | {row['p']:.3f} | "
                         f"{row['r']:.3f} | {row['f1']:.3f} |")
    return "\n".join(lines)


def _cell(share: dict[str, Any]) -> str:
    if not share["n"]:
        return "-"
    return f"{share['share']:.3f} ({share['hits']}/{share['n']})"


def _accuracy(row: dict[str, Any], same: bool = False) -> str:
    if not row["found"]:
        return "-"
    if same:
        return f"{row['accuracy_same_entity']:.3f} ({row['correct_or_same_entity']}/" \
               f"{row['found']})"
    return f"{row['accuracy']:.3f} ({row['correct']}/{row['found']})"


def machine(label: str) -> dict[str, object]:
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "spacy": spacy.__version__, "model": label}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=polnear.SPLITS, default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder holding data/polnear (default: ../shared)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                        help=f"parsed Docs are cached here (default: {DEFAULT_CACHE})")
    parser.add_argument("--no-entities", action="store_true",
                        help="call find_quotes without resolved entities (mentions, names)")
    parser.add_argument("--stub", action="store_true",
                        help="score the stub system instead of consilience's find_quotes")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    for noisy in ("consilience",):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    root = polnear.root_of(args.shared)
    docs = polnear.read_split(root, args.split, args.limit)
    if not docs:
        print(f"PolNeAR skipped: no texts under {root}/{args.split}/text")
        return 0
    LOGGER.info("%d %s articles, %d gold attributions", len(docs), args.split,
                sum(len(doc.attributions) for doc in docs))
    system_name, find_quotes = load_find_quotes(args.stub)
    nlp = load_pipeline(None)
    cache = DocCache(args.cache_dir)
    started = time.perf_counter()
    try:
        articles = [as_article(doc) for doc in docs]
        parsed = annotate(articles, nlp, cache).docs
        LOGGER.info("parsed in %.1fs", time.perf_counter() - started)
        detection, seconds = run_detection(
            docs, parsed, {system_name: find_quotes,
                           "baseline (quote marks + nearest PERSON)": baseline_quotes},
            entities=not args.no_entities)
        credits = run_credits(docs, nlp, cache, find_quotes)
    finally:
        cache.close()
    results: dict[str, Any] = {
        "date": date.today().isoformat(),
        "machine": machine(model_label(nlp)),
        "split": args.split,
        "limit": args.limit,
        "annotator": "first .ann file per article in sorted annotator-id order",
        "articles": len(docs),
        "gold_attributions": sum(len(doc.attributions) for doc in docs),
        "gold_events_without_content": sum(doc.skipped for doc in docs),
        "entities": not args.no_entities,
        "rules": {"match": f"overlap >= {MATCH_RATIO} x shorter span, one-to-one greedy",
                  "direct": f"> {DIRECT_SHARE} of non-space content characters quoted",
                  "speaker_target": SPEAKER_TARGET},
        "seconds": {name: round(value, 2) for name, value in seconds.items()},
        "detection": detection,
        "credits": credits,
    }
    print(f"System: {system_name}; model {results['machine']['model']}; "
          f"entities {'on' if results['entities'] else 'off'}\n")
    print(render(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
