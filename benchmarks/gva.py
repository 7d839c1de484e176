"""The gva-dev corpus (../shared/data/gva-dev): local US news about shootings, grouped by the
Gun Violence Archive incident they report, with the Gun Violence Corpus (GVC) train/dev split.

Every article is about "a shooting", so clustering them tests telling the same shooting from
another one. Stdlib only; the corpus is read in place (publishers' text: never copy it).

Cleaning, in this order (each dropped record is counted under its reason):

1. a doc id listed under two or more incidents: every record of it dropped (its gold is
   ambiguous); a doc id listed twice under one incident: kept once;
2. a text with fewer than `MIN_WORDS` words (empty or failed crawls);
3. a text (whitespace-normalised) that occurs under two or more incidents: every copy dropped
   (paywall and sign-in pages, or one article credited to several incidents);
4. a text repeated within its incident under another doc id (the same page crawled twice):
   kept once, the earliest (by date, then doc id);
5. a document with no publication date: ordered at its incident's earliest dated document; if
   its incident has none, dropped. Such a document keeps `dct = None`, so a clusterer is not
   given a date derived from the gold.

GVC ids are the corpus's doc ids (md5 of the page) and GVC event ids are GVA incident ids;
`read_gva` counts how many GVC documents are present and agree.

Streams (documents in publication order: date ascending, ties by doc id):

- `gva_eval`: every incident with 2+ kept documents that is not a GVC train event (what we
  report on; GVC dev incidents are part of it);
- `gvc_train`: the kept documents GVC lists under its train events (for choosing thresholds);
- `gvc_dev`: the kept documents GVC lists under its dev events (reported apart).
GVC streams keep events with one kept document: the GVC picked them as confusers.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

MIN_WORDS = 20

DROP_TWO_INCIDENTS = "doc id under two or more incidents"
DROP_REPEATED_RECORD = "doc id repeated under one incident (kept once)"
DROP_SHORT = f"empty or short text (< {MIN_WORDS} words)"
DROP_SHARED_TEXT = "same text under two or more incidents"
DROP_REPEATED_TEXT = "same text again in its incident (kept once)"
DROP_UNDATED = "no date, and no dated document in its incident"
DROP_GVC_DISAGREES = "GVC event differs from the GVA incident"


@dataclass(frozen=True, slots=True)
class GvaDoc:
    name: str  # the corpus's doc_id
    incident: str  # gold: the GVA incident id
    dct: str | None  # publication date (YYYY-MM-DD) as the corpus detected it
    title: str
    text: str
    url: str
    order_date: str = ""  # dct, or for an undated document its incident's earliest date

    @property
    def doc_id(self) -> str:
        return self.name


@dataclass(slots=True)
class GvaData:
    docs: list[GvaDoc]  # every kept document, in publication order
    records: int  # records read
    incidents: int  # incidents read
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> records dropped
    undated_placed: int = 0  # undated documents ordered by their incident's date
    gvc_event: dict[str, str] = field(default_factory=dict)  # GVC doc id -> event id
    gvc_train_events: frozenset[str] = frozenset()
    gvc_dev_events: frozenset[str] = frozenset()
    gvc_mapping: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # split -> (GVC documents, found among the records, kept after cleaning)
    gva_eval: list[GvaDoc] = field(default_factory=list)
    gvc_train: list[GvaDoc] = field(default_factory=list)
    gvc_dev: list[GvaDoc] = field(default_factory=list)
    gva_rest: list[GvaDoc] = field(default_factory=list)  # every kept document not in gva_eval

    def streams(self) -> dict[str, list[GvaDoc]]:
        return {"gva_eval": self.gva_eval, "gvc_train": self.gvc_train, "gvc_dev": self.gvc_dev,
                "gva_rest": self.gva_rest}


def gva_root(shared: Path) -> Path:
    return shared / "data" / "gva-dev"


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def order_key(doc: GvaDoc) -> tuple[str, str]:
    return (doc.order_date, doc.name)


def publication_order(docs: Iterable[GvaDoc]) -> list[GvaDoc]:
    return sorted(docs, key=order_key)


def read_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _doc(record: dict) -> GvaDoc:
    dct = record.get("dct") or None
    return GvaDoc(name=str(record["doc_id"]), incident=str(record["incident_id"]), dct=dct,
                  title=(record.get("title") or "").strip(), text=record.get("text") or "",
                  url=record.get("uri") or "", order_date=dct or "")


def clean(records: Sequence[dict], dropped: Counter[str]) -> tuple[list[GvaDoc], int]:
    """The kept documents (in publication order) and how many undated ones were placed by
    their incident's date; `dropped` counts the rest by reason."""
    by_id: dict[str, list[GvaDoc]] = defaultdict(list)
    for record in records:
        doc = _doc(record)
        by_id[doc.name].append(doc)
    docs = []
    for copies in by_id.values():
        if len({doc.incident for doc in copies}) > 1:
            dropped[DROP_TWO_INCIDENTS] += len(copies)
            continue
        dropped[DROP_REPEATED_RECORD] += len(copies) - 1
        docs.append(copies[0])

    kept = []
    for doc in docs:
        if len(doc.text.split()) < MIN_WORDS:
            dropped[DROP_SHORT] += 1
        else:
            kept.append(doc)

    incidents_of_text: dict[str, set[str]] = defaultdict(set)
    for doc in kept:
        incidents_of_text[normalise_text(doc.text)].add(doc.incident)
    docs, kept = kept, []
    for doc in docs:
        if len(incidents_of_text[normalise_text(doc.text)]) > 1:
            dropped[DROP_SHARED_TEXT] += 1
        else:
            kept.append(doc)

    seen: set[tuple[str, str]] = set()
    docs, kept = kept, []
    # dated copies first, the earliest first; undated ones after them
    for doc in sorted(docs, key=lambda doc: (doc.dct is None, doc.dct or "", doc.name)):
        key = (doc.incident, normalise_text(doc.text))
        if key in seen:
            dropped[DROP_REPEATED_TEXT] += 1
        else:
            seen.add(key)
            kept.append(doc)

    first_date: dict[str, str] = {}
    for doc in kept:
        if doc.dct and (doc.incident not in first_date or doc.dct < first_date[doc.incident]):
            first_date[doc.incident] = doc.dct
    docs, kept = kept, []
    placed = 0
    for doc in docs:
        if doc.dct:
            kept.append(doc)
        elif doc.incident in first_date:
            kept.append(replace(doc, order_date=first_date[doc.incident]))
            placed += 1
        else:
            dropped[DROP_UNDATED] += 1
    return publication_order(kept), placed


def read_gvc(folder: Path) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """GVC doc id -> event id, the train events and the dev events."""
    with (folder / "gvc_doc_to_event.csv").open(encoding="utf-8", newline="") as rows:
        event = {row["doc-id"].strip(): row["event-id"].strip() for row in csv.DictReader(rows)}

    def split(name: str) -> frozenset[str]:
        with (folder / name).open(encoding="utf-8", newline="") as rows:
            return frozenset(row[1].strip() for row in csv.reader(rows) if len(row) > 1
                             and row[1].strip() and row[1].strip() != "event-id")

    return event, split("train.csv"), split("dev.csv")


def multi_doc_incidents(docs: Iterable[GvaDoc], minimum: int = 2) -> set[str]:
    counts = Counter(doc.incident for doc in docs)
    return {incident for incident, count in counts.items() if count >= minimum}


def build_streams(data: GvaData) -> None:
    kept_ids = {doc.name for doc in data.docs}
    by_name = {doc.name: doc for doc in data.docs}
    disagree = {name for name, event in data.gvc_event.items()
                if name in by_name and by_name[name].incident != event}
    if disagree:
        data.dropped[DROP_GVC_DISAGREES] += len(disagree)
    several = multi_doc_incidents(data.docs)
    data.gva_eval = [doc for doc in data.docs if doc.incident in several
                     and doc.incident not in data.gvc_train_events]
    evaluated = {doc.name for doc in data.gva_eval}
    # the tuning stream: everything else (single-article incidents, GVC train), the same
    # kind of stream with its own confusers
    data.gva_rest = [doc for doc in data.docs if doc.name not in evaluated]
    for split, events in (("train", data.gvc_train_events), ("dev", data.gvc_dev_events)):
        names = {name for name, event in data.gvc_event.items() if event in events}
        stream = [doc for doc in data.docs if doc.name in names and doc.name not in disagree]
        found = data.gvc_mapping.get(split, (len(names), 0, 0))[1]
        data.gvc_mapping[split] = (len(names), found, len(names & kept_ids - disagree))
        setattr(data, f"gvc_{split}", stream)


def read_gva(shared: Path) -> GvaData:
    """The cleaned gva-dev documents, the GVC split and the three streams."""
    root = gva_root(shared)
    records = read_records(root / "gva_docs.jsonl")
    dropped: Counter[str] = Counter()
    docs, placed = clean(records, dropped)
    event, train, dev = read_gvc(root / "gvc_subset_ukplab")
    record_ids = {str(record["doc_id"]) for record in records}
    mapping = {}
    for split, events in (("train", train), ("dev", dev)):
        names = {name for name, value in event.items() if value in events}
        mapping[split] = (len(names), len(names & record_ids), 0)
    data = GvaData(docs=docs, records=len(records),
                   incidents=len({str(record["incident_id"]) for record in records}),
                   dropped=dropped, undated_placed=placed, gvc_event=event,
                   gvc_train_events=train, gvc_dev_events=dev, gvc_mapping=mapping)
    build_streams(data)
    return data


def summary(data: GvaData) -> list[str]:
    """Lines saying what was read, dropped and kept."""
    kept_incidents = len({doc.incident for doc in data.docs})
    lines = [f"gva-dev: {data.records} records of {data.incidents} incidents; kept "
             f"{len(data.docs)} documents of {kept_incidents} incidents"]
    for reason, count in sorted(data.dropped.items(), key=lambda item: -item[1]):
        if count:
            lines.append(f"  dropped {count}: {reason}")
    if data.undated_placed:
        lines.append(f"  {data.undated_placed} undated documents ordered by their incident's "
                     "earliest date (given no date)")
    for split, (listed, found, kept) in sorted(data.gvc_mapping.items()):
        events = data.gvc_train_events if split == "train" else data.gvc_dev_events
        lines.append(f"  GVC {split}: {len(events)} events, {listed} documents; {found} found "
                     f"among the gva-dev doc ids (same ids), {kept} kept after cleaning")
    for name, stream in data.streams().items():
        counts = Counter(doc.incident for doc in stream)
        lines.append(f"  stream {name}: {len(stream)} documents, {len(counts)} incidents "
                     f"({sum(count == 1 for count in counts.values())} with one document)")
    return lines
