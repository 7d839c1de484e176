"""Readers for the timeline benchmark's corpora under ../shared/data (stdlib only).

- SemEval-2015 Task 4 TimeLine: CAT XML documents (tokens with sentence numbers, the document
  creation time as a TIMEX3 with functionInDocument="CREATION_TIME"), the Track B TimeML files
  (gold EVENT tags, used to pick the right occurrence of a word named by a timeline) and the
  gold timelines (`rank<TAB>date<TAB>docid-sentence-word[<TAB>coreferent mention ...]`).
- TimeML in general (TIMEX3 values inline in the text, plus a DCT), for normalisation gold.
- PolNeAR: article texts and their publication dates from metadata.tsv.

Texts are rebuilt from the corpus tokens (single spaces, one sentence a line) with every
token's character offsets. Corpus files are read in place: never copy them into this repository.
"""

from __future__ import annotations

import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Run as a script, benchmarks/ is on sys.path; imported as benchmarks.timeline_corpora, not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import Token, rebuild_text

Precision = str  # "year" | "month" | "day"

_GOLD_DATE = re.compile(r"^(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?$")
_PLAIN_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def semeval_root(shared: Path) -> Path:
    return shared / "data" / "semeval2015-task4-timeline"


def polnear_root(shared: Path) -> Path:
    return shared / "data" / "polnear" / "data"


def meantime_root(shared: Path) -> Path:
    return shared / "data" / "meantime"


def parse_iso_date(text: str | None) -> date | None:
    """The date of "2008-03-01" (anything after the tenth character ignored), else None."""
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_dct(text: str | None) -> date | None:
    """A creation time: ISO ("2009-02-03") or, as one SemEval file writes it, "03-02-2009"."""
    found = parse_iso_date(text)
    if found is None and text:
        match = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", text.strip())
        if match:
            found = parse_iso_date(f"{match.group(3)}-{match.group(2)}-{match.group(1)}")
    return found


def gold_date(text: str) -> tuple[str, Precision] | None:
    """A timeline date as (value, precision): "2005-01-XX" is ("2005-01", "month"), "1968" is
    ("1968", "year"); None when the year is unknown ("XXXX-XX-XX") or the text is no date."""
    match = _GOLD_DATE.match(text.strip())
    if match is None or match.group("year") == "XXXX":
        return None
    year, month, day = match.group("year"), match.group("month"), match.group("day")
    if month is None or month == "XX":
        return year, "year"
    if not 1 <= int(month) <= 12:
        return None
    if day is None or day == "XX":
        return f"{year}-{month}", "month"
    if parse_iso_date(f"{year}-{month}-{day}") is None:
        return None
    return f"{year}-{month}-{day}", "day"


def plain_value(value: str) -> tuple[str, Precision] | None:
    """A TIMEX3 value of the form YYYY, YYYY-MM or YYYY-MM-DD as (value, precision); None for
    durations, PRESENT_REF, seasons (2010-SU), weeks (2010-W05), decades (199X) and the like."""
    value = value.strip()
    if not _PLAIN_VALUE.match(value):
        return None
    parts = value.split("-")
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        return None
    if len(parts) == 3 and parse_iso_date(value) is None:
        return None
    return value, ("year", "month", "day")[len(parts) - 1]


@dataclass(frozen=True, slots=True)
class Tagged:
    """An inline element (TIMEX3, EVENT) of a TimeML text at [start, end) of TimemlDoc.text."""

    tag: str
    start: int
    end: int
    text: str
    attrs: dict[str, str]
    sentence: int | None  # the <s id> it lies in, when the text has <s> elements


# --- SemEval-2015 Task 4: CAT documents --------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CatDoc:
    doc_id: str
    name: str
    dct: date | None
    text: str
    sentences: dict[int, list[Token]]  # the corpus's sentence number -> its tokens in order
    timexes: tuple[Tagged, ...] = ()  # TIMEX3 markables anchored to tokens (MEANTIME's CAT)


def read_cat(path: Path, detokenize: bool = False) -> CatDoc:
    """A CAT document; its text has the tokens joined by single spaces, or, with
    `detokenize`, spaced as written text would be."""
    root = ET.parse(path).getroot()
    rows: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for token in root.iter("token"):
        rows[int(token.get("sentence", "0"))].append((int(token.get("number", "0")),
                                                      token.text or "", token.get("t_id", "")))
    numbers = sorted(rows)
    ordered = [sorted(rows[number]) for number in numbers]
    text, tokens = rebuild_text(
        [[word for _, word, _ in row] for row in ordered], numbers, detokenize)
    by_id = {t_id: token for row, built in zip(ordered, tokens, strict=True)
             for (_, _, t_id), token in zip(row, built, strict=True)}
    dct = None
    timexes = []
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = dct or parse_dct(timex.get("value"))
            continue
        anchored = [by_id[anchor.get("t_id", "")] for anchor in timex.iter("token_anchor")
                    if anchor.get("t_id", "") in by_id]
        if anchored:
            start = min(token.start for token in anchored)
            end = max(token.end for token in anchored)
            timexes.append(Tagged("TIMEX3", start, end, text[start:end], dict(timex.attrib),
                                  anchored[0].sentence))
    return CatDoc(root.get("doc_id") or path.name.split("_")[0].split("-")[0],
                  root.get("doc_name") or path.stem, dct, text,
                  dict(zip(numbers, tokens, strict=True)),
                  tuple(sorted(timexes, key=lambda item: item.start)))


# --- TimeML ---------------------------------------------------------------------------------------

@dataclass(slots=True)
class TimemlDoc:
    doc_id: str
    dct: date | None
    text: str
    tagged: list[Tagged] = field(default_factory=list)
    sentence_spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    def timexes(self) -> list[Tagged]:
        return [item for item in self.tagged if item.tag == "TIMEX3"]

    def event_positions(self) -> dict[int, set[int]]:
        """sentence -> indices (among the sentence's whitespace-separated tokens) of the
        tokens inside an EVENT tag."""
        found: dict[int, set[int]] = defaultdict(set)
        for sentence, (start, end) in self.sentence_spans.items():
            events = [item for item in self.tagged
                      if item.tag == "EVENT" and start <= item.start < end]
            if not events:
                continue
            for index, match in enumerate(re.finditer(r"\S+", self.text[start:end])):
                left, right = start + match.start(), start + match.end()
                if any(event.start < right and left < event.end for event in events):
                    found[sentence].add(index)
        return dict(found)


def _walk(element: ET.Element, parts: list[str], offset: list[int], tagged: list[Tagged],
          sentence: int | None) -> None:
    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            offset[0] += len(text)

    add(element.text)
    for child in element:
        start = offset[0]
        _walk(child, parts, offset, tagged, sentence)
        if child.tag in ("TIMEX3", "EVENT"):
            tagged.append(Tagged(child.tag, start, offset[0], "".join(child.itertext()),
                                 dict(child.attrib), sentence))
        add(child.tail)


def read_timeml(path: Path) -> TimemlDoc:
    """A TimeML file: the DCT, the text of its TEXT element (one <s> a line when it has
    <s> elements, else as written) and its inline TIMEX3 and EVENT tags with offsets."""
    root = ET.parse(path).getroot()
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = parse_dct(timex.get("value"))
            if dct is not None:
                break
    body = root.find("TEXT")
    result = TimemlDoc(doc_id, dct, "")
    if body is None:
        return result
    parts: list[str] = []
    offset = [0]
    sentences = body.findall("s")
    if sentences:
        for number, element in enumerate(sentences):
            if number:
                parts.append("\n")
                offset[0] += 1
            identifier = int(element.get("id", number))
            start = offset[0]
            _walk(element, parts, offset, result.tagged, identifier)
            result.sentence_spans[identifier] = (start, offset[0])
    else:
        _walk(body, parts, offset, result.tagged, None)
    result.text = "".join(parts)
    return result


def read_timex_doc(path: Path) -> tuple[str, date | None, str, list[Tagged]]:
    """(doc id, DCT, text, TIMEX3s) of a TimeML file (inline tags) or a CAT file (MEANTIME's
    and SemEval's XML: TIMEX3 markables anchored to tokens)."""
    if ET.parse(path).getroot().tag == "Document":
        cat = read_cat(path)
        return cat.doc_id, cat.dct, cat.text, list(cat.timexes)
    timeml = read_timeml(path)
    return timeml.doc_id, timeml.dct, timeml.text, timeml.timexes()


def timeml_files(folders: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
        elif folder.is_dir():
            found.extend(sorted(path for path in folder.rglob("*")
                                if path.suffix in (".tml", ".xml") and path.is_file()))
    return found


def has_timex_values(path: Path) -> bool:
    """Whether a file holds a TIMEX3 with a value that is not the document creation time."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    for match in re.finditer(r"<TIMEX3\b[^>]*>", text):
        tag = match.group(0)
        if "CREATION_TIME" not in tag and re.search(r'\bvalue="[^"]+"', tag):
            return True
    return False


# --- SemEval-2015 Task 4: gold timelines -----------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventRef:
    """A gold event mention named as docid-sentence-word ("job_cuts": two tokens)."""

    doc_id: str
    sentence: int
    word: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    timeline: str
    rank: int
    date: str  # as written: "2005-01-18", "2003-XX-XX", "XXXX-XX-XX", "1968"
    events: tuple[EventRef, ...]  # the mention and its coreferent mentions


def parse_event_ref(text: str) -> EventRef | None:
    parts = text.strip().split("-", 2)
    if len(parts) != 3 or not parts[1].isdigit() or not parts[0] or not parts[2]:
        return None
    return EventRef(parts[0], int(parts[1]), parts[2])


def read_timeline(path: Path) -> list[TimelineEntry]:
    """A gold timeline file: its first line names the target entity; then one line a date."""
    entries = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = [part for part in line.rstrip("\r").split("\t")]
        if len(fields) < 3 or not fields[0].strip().isdigit():
            continue
        events = tuple(ref for ref in (parse_event_ref(part) for part in fields[2:]) if ref)
        entries.append(TimelineEntry(path.stem, int(fields[0]), fields[1].strip(), events))
    return entries


def locate_word(tokens: Sequence[Token], word: str, events: set[int] | None = None
                ) -> tuple[list[Token], int]:
    """The tokens of a sentence that a timeline's word names, and at how many places of the
    sentence it could be. "job_cuts" is two tokens, "take_away" may be split ("take the title
    away"); among several places, the first that a Track B EVENT tag covers wins (`events`:
    positions of tagged tokens), else the first."""
    texts = [token.text for token in tokens]
    candidates: list[list[int]] = []
    for parts in ([word], word.split("_")):
        size = len(parts)
        candidates = [list(range(index, index + size)) for index in range(len(texts) - size + 1)
                      if texts[index:index + size] == parts]
        if candidates:
            break
    parts = word.split("_")
    if not candidates and len(parts) > 1:  # a particle verb split by its object
        for index, text in enumerate(texts):
            if text != parts[0]:
                continue
            chosen, at = [index], index
            for part in parts[1:]:
                following = [i for i in range(at + 1, min(len(texts), at + 8)) if texts[i] == part]
                if not following:
                    break
                at = following[0]
                chosen.append(at)
            if len(chosen) == len(parts):
                candidates.append(chosen)
    if not candidates:
        folded = word.casefold()
        candidates = [[index] for index, text in enumerate(texts) if text.casefold() == folded]
    if not candidates:
        return [], 0
    chosen = candidates[0]
    if events:
        tagged = [candidate for candidate in candidates if events.intersection(candidate)]
        if tagged:
            chosen = tagged[0]
    return [tokens[index] for index in chosen], len(candidates)


@dataclass(frozen=True, slots=True)
class SemevalCollection:
    """One of the corpora: its CAT folder, Track B TimeML folder and timelines folder."""

    name: str
    cat: Path
    timeml_events: Path | None
    timelines: Path


def semeval_collections(shared: Path) -> list[SemevalCollection]:
    root = semeval_root(shared)
    found = []
    for number in (1, 2, 3):
        folder = root / "SemEval_Task4_data" / f"corpus_{number}"
        found.append(SemevalCollection(f"test corpus_{number}", folder / "corpus_trackA_CAT",
                                       folder / "corpus_trackB_TimeML",
                                       folder / "TimeLines_Gold_Standard"))
    found.append(SemevalCollection("trial (apple)", root / "Corpus-trial-data_task4",
                                   root / "Corpus-trial-data_task4_events_timelines_TimeML",
                                   root / "TimeLines_trial_data_task4_v1.2"))
    return [collection for collection in found
            if collection.cat.is_dir() and collection.timelines.is_dir()]


# --- PolNeAR -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PolnearArticle:
    name: str
    split: str
    publisher: str
    published: date | None
    text: str


def read_polnear(root: Path, splits: Sequence[str] = ("train", "dev", "test"),
                 limit: int | None = None) -> list[PolnearArticle]:
    """Articles of `splits` in metadata order (sorted by name), with their publication date."""
    metadata = root / "metadata.tsv"
    if not metadata.is_file():
        return []
    articles = []
    with metadata.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle, delimiter="\t"),
                      key=lambda row: (row.get("compartment", ""), row.get("filename", "")))
    for row in rows:
        split = row.get("compartment", "")
        if split not in splits:
            continue
        name = row.get("filename", "")
        path = root / split / "text" / (name if name.endswith(".txt") else f"{name}.txt")
        if not path.is_file():
            continue
        articles.append(PolnearArticle(name, split, row.get("publisher", ""),
                                       parse_iso_date(row.get("publication_date")),
                                       path.read_text(encoding="utf-8", errors="replace")))
        if limit is not None and len(articles) >= limit:
            break
    return articles


# --- TIMEX3 gold of CAT documents (MEANTIME, EventStoryLine) ---------------------------------

# EventStoryLine's time markables and the TIMEX3 type each stands for.
CAT_TIME_TYPES = {"TIME_DATE": "DATE", "TIME_OF_THE_DAY": "TIME", "TIME_DURATION": "DURATION",
                  "TIME_REPETITION": "SET"}


@dataclass(frozen=True, slots=True)
class CatTimexDoc:
    """A CAT document read by `read_cat` with its gold time expressions (in `doc.timexes`,
    attrs "type" and "value" TIMEX3-style) apart from the creation time, whose value is
    `doc.dct` and whose anchored span(s) in `doc.text` are `dct_spans`. `marked` holds the
    sentence numbers with a markable of any kind anchored in them (ECB+ based corpora annotate
    only some sentences of a document)."""

    doc: CatDoc
    dct_value: str | None
    dct_spans: tuple[tuple[int, int], ...]
    marked: frozenset[int] = frozenset()


_LOOSE_DCT = re.compile(r"(?<!\d)(\d{4})[-:](\d{1,2})[-:](\d{1,2})(?!\d)")


def loose_dct(text: str | None) -> date | None:
    """`parse_dct`, or the first year-month-day in the text as some EventStoryLine creation
    times write it ("2009-12-4", "t_2013-09-09", "2009:02:03T17:59:13Z")."""
    found = parse_dct(text)
    if found is None and text:
        match = _LOOSE_DCT.search(text)
        if match:
            try:
                found = date(*(int(part) for part in match.groups()))
            except ValueError:
                found = None
    return found


def _cat_token_index(root: ET.Element, doc: CatDoc) -> dict[str, Token]:
    """t_id -> the token `read_cat` built for it (same order: sentence, then number)."""
    rows: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for token in root.iter("token"):
        rows[int(token.get("sentence", "0"))].append((int(token.get("number", "0")),
                                                      token.text or "", token.get("t_id", "")))
    return {t_id: built for number in sorted(rows)
            for (_, _, t_id), built in zip(sorted(rows[number]), doc.sentences[number],
                                           strict=True)}


def read_cat_timexes(path: Path, detokenize: bool = False) -> CatTimexDoc:
    """MEANTIME's TIMEX3 markables or EventStoryLine's TIME_* markables (TIME_DATE, ..._OF_THE_DAY,
    ..._DURATION, ..._REPETITION as DATE, TIME, DURATION, SET) anchored to tokens, over the text
    `read_cat` rebuilds. Markables without token anchors are corpus-level instances and are
    left out. The creation time (functionInDocument="CREATION_TIME", or DCT="TRUE") is no
    gold expression: its value (an anchored one first) is the DCT, its span kept apart."""
    cat = read_cat(path, detokenize)
    root = ET.parse(path).getroot()
    index = _cat_token_index(root, cat)
    timexes = list(cat.timexes)  # MEANTIME's TIMEX3 markables, the DCT already left out
    creation: list[tuple[bool, str, tuple[int, int] | None]] = []  # (anchored, value, span)
    markables = root.find("Markables")
    marked = frozenset(index[anchor.get("t_id", "")].sentence
                       for anchor in (markables.iter("token_anchor") if markables is not None
                                      else ()) if anchor.get("t_id", "") in index)
    for element in markables if markables is not None else ():
        if element.tag == "TIMEX3":
            is_dct = element.get("functionInDocument") == "CREATION_TIME"
            if not is_dct:
                continue
        elif element.tag in CAT_TIME_TYPES:
            is_dct = element.get("DCT") == "TRUE"
        else:
            continue
        anchored = [index[anchor.get("t_id", "")] for anchor in element.iter("token_anchor")
                    if anchor.get("t_id", "") in index]
        span = (min(token.start for token in anchored),
                max(token.end for token in anchored)) if anchored else None
        if is_dct:
            creation.append((span is not None, element.get("value") or "", span))
        elif span is not None:
            attrs = {**element.attrib, "type": CAT_TIME_TYPES[element.tag],
                     "value": element.get("value") or ""}
            timexes.append(Tagged("TIMEX3", span[0], span[1], cat.text[span[0]:span[1]], attrs,
                                  anchored[0].sentence))
    creation.sort(key=lambda item: not item[0])  # anchored ones first, else in reading order
    dct, dct_value = cat.dct, None
    for _, value, _ in creation:
        if loose_dct(value) is not None:
            dct, dct_value = dct or loose_dct(value), value
            break
    doc_id = root.get("doc_id") or cat.name  # EventStoryLine names a document by doc_name only
    doc = CatDoc(doc_id, cat.name, dct, cat.text, cat.sentences,
                 tuple(sorted(timexes, key=lambda item: (item.start, item.end))))
    return CatTimexDoc(doc, dct_value,
                       tuple(sorted({span for _, _, span in creation if span is not None})),
                       marked)
