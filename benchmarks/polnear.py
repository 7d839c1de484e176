"""Reader for PolNeAR (Political News Attribution Relations, Newell et al., LREC 2018) under
../shared/data/polnear (stdlib only).

Layout: `data/{train,dev,test}/text/NAME.txt` (raw article text, the title on the first line)
and `data/{split}/attributions/NAME_ANNOTATOR.ann` (brat standoff, one file per annotator of
the article), with `data/metadata.tsv` (compartment filename level annotators publisher
publication_date author title trump_count clinton_count credit wire).

brat lines used:
  T1<TAB>Source 89 106<TAB>The New York Post         a text-bound span ("s e;s e" when
                                                     discontinuous; the text's fragments are
                                                     joined by a space in column 3)
  E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1   an attribution event; the trigger type is
                                                     `Attribution` or `Attribution-no-source`;
                                                     a second content span is `Content2`
Span types `Discuss` and `Discard` (annotators' notes) and `#` notes are ignored. A few span
texts contain newlines, so the .ann file has continuation lines: they are skipped.

One annotator per article: most articles have one .ann file, the few annotated by several
annotators (agreement checks) have one per annotator; the reader takes the first in sorted
order of the annotator id (the file name's last `_` part), deterministically.

Corpus files are read in place: never copy them into this repository.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]
"""A span as its character fragments (start, end), in order; one fragment when continuous."""

SPLITS = ("train", "dev", "test")
NO_VALUE = frozenset({"", "none", "na", "n/a"})
_TEXT_BOUND = re.compile(r"^(?P<id>T\d+)\t(?P<type>[\w-]+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)"
                         r"(?:\t(?P<text>.*))?$")
_EVENT = re.compile(r"^(?P<id>E\d+)\t(?P<args>.*)$")


@dataclass(frozen=True, slots=True)
class TextBound:
    id: str
    type: str
    fragments: Fragments
    text: str


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: its content (Content and Content2 fragments together), cue and
    source (None when the annotator marked none, e.g. `Attribution-no-source`)."""

    id: str
    content: Fragments
    cue: Fragments | None = None
    source: Fragments | None = None
    no_source: bool = False


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    split: str
    text: str
    annotator: str | None
    attributions: tuple[GoldAttribution, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    skipped: int = 0
    """Events left out because they have no content span."""


def root_of(shared: Path) -> Path:
    return shared / "data" / "polnear" / "data"


def parse_fragments(offsets: str) -> Fragments:
    """'89 106' -> ((89, 106),); '315 448;463 553' -> ((315, 448), (463, 553)), in the file's
    order (brat writes a discontinuous span's text in that order, which is not always the
    text's)."""
    parts = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        parts.append((int(start), int(end)))
    return tuple(parts)


def fragments_text(text: str, fragments: Fragments) -> str:
    """The span's words as brat writes them: the fragments joined by one space."""
    return " ".join(text[start:end] for start, end in fragments)


def fragments_length(fragments: Fragments) -> int:
    return sum(end - start for start, end in fragments)


def parse_ann(content: str) -> tuple[dict[str, TextBound], list[dict[str, list[str]]]]:
    """Text-bound spans by id, and the events as {role: [span ids]} (role without its digit
    suffix, so `Content2` is `Content`; the trigger's type as role `Attribution` or
    `Attribution-no-source`)."""
    spans: dict[str, TextBound] = {}
    events: list[dict[str, list[str]]] = []
    for line in content.splitlines():
        match = _TEXT_BOUND.match(line)
        if match:
            spans[match["id"]] = TextBound(match["id"], match["type"],
                                           parse_fragments(match["offsets"]), match["text"] or "")
            continue
        match = _EVENT.match(line)
        if not match:
            continue
        roles: dict[str, list[str]] = {"_id": [match["id"]]}
        for argument in match["args"].split():
            role, _, target = argument.partition(":")
            if not target:
                continue
            roles.setdefault(role.rstrip("0123456789"), []).append(target)
        events.append(roles)
    return spans, events


def _merge(spans: dict[str, TextBound], ids: Iterable[str]) -> Fragments | None:
    fragments = sorted({fragment for span_id in ids if span_id in spans
                        for fragment in spans[span_id].fragments})
    return tuple(fragments) or None


def attributions_of(content: str) -> tuple[list[GoldAttribution], int]:
    """The attributions of one .ann file, in event order, and how many events were skipped for
    want of a content span."""
    spans, events = parse_ann(content)
    found: list[GoldAttribution] = []
    skipped = 0
    for event in events:
        body = _merge(spans, event.get("Content", ()))
        if body is None:
            skipped += 1
            continue
        found.append(GoldAttribution(
            id=event["_id"][0],
            content=body,
            cue=_merge(spans, event.get("Cue", ())),
            source=_merge(spans, event.get("Source", ())),
            no_source="Attribution-no-source" in event,
        ))
    return found, skipped


def read_metadata(root: Path) -> dict[str, dict[str, str]]:
    """metadata.tsv rows by file name (without .txt)."""
    path = root / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: dict(row) for row in csv.DictReader(handle, delimiter="\t")}


def annotation_files(folder: Path, name: str) -> list[tuple[str, Path]]:
    """(annotator id, path) of every .ann file of article `name`, sorted by annotator id."""
    found = []
    for path in folder.glob(f"{glob_escape(name)}_*.ann"):
        annotator = path.stem[len(name) + 1:]
        if annotator and "_" not in annotator:
            found.append((annotator, path))
    return sorted(found)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def read_split(root: Path, split: str = "dev", limit: int | None = None,
               names: Sequence[str] | None = None) -> list[PolnearDoc]:
    """The articles of `split` in sorted file-name order, each with the first annotator's
    attributions (sorted annotator ids) and its metadata row; [] when the corpus is absent."""
    texts = root / split / "text"
    if not texts.is_dir():
        return []
    metadata = read_metadata(root)
    wanted = set(names) if names is not None else None
    docs: list[PolnearDoc] = []
    for path in sorted(texts.glob("*.txt")):
        name = path.stem
        if wanted is not None and name not in wanted:
            continue
        text = path.read_text(encoding="utf-8")
        files = annotation_files(root / split / "attributions", name)
        attributions: list[GoldAttribution] = []
        skipped = 0
        annotator = None
        if files:
            annotator, ann = files[0]
            attributions, skipped = attributions_of(ann.read_text(encoding="utf-8"))
        docs.append(PolnearDoc(name, split, text, annotator, tuple(attributions),
                               metadata.get(name, {}), skipped))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def value(row: dict[str, str], column: str) -> str | None:
    """A metadata value, None for None / NA / empty."""
    raw = (row.get(column) or "").strip()
    return None if raw.casefold() in NO_VALUE else raw


def gold_origin(row: dict[str, str]) -> str | None:
    """What the article credits, from metadata: the wire service (`wire`: AP, UPI, AFP,
    reuters) or the outlet (`credit`: "h/t: Breitbart"); None when it credits neither."""
    return value(row, "wire") or value(row, "credit")
