"""The gva-dev harness: cleaning (duplicates, short texts, undated documents), publication
order and the three streams, on tiny records written to a temporary shared folder."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from benchmarks import gva

WORDS = " ".join(f"w{index}" for index in range(gva.MIN_WORDS))  # just long enough


def text(label: str) -> str:
    return f"{label} shooting report {WORDS}"


def record(doc_id: str, incident: str, dct: str | None, body: str | None = None,
           title: str = "") -> dict:
    return {"doc_id": doc_id, "incident_id": incident, "dct": dct,
            "uri": f"http://example.org/{doc_id}", "title": title or f"title {doc_id}",
            "text": text(doc_id) if body is None else body, "source_path": f"x/{doc_id}.json"}


def write(shared: Path, records: list[dict], gvc: Sequence[tuple[str, str]] = (),
          train: Sequence[str] = (), dev: Sequence[str] = ()) -> Path:
    root = shared / "data" / "gva-dev"
    (root / "gvc_subset_ukplab").mkdir(parents=True)
    (root / "gva_docs.jsonl").write_text(
        "".join(json.dumps(item) + "\n" for item in records), encoding="utf-8")
    folder = root / "gvc_subset_ukplab"
    (folder / "gvc_doc_to_event.csv").write_text(
        "doc-id,event-id\n" + "".join(f"{doc},{event}\n" for doc, event in gvc),
        encoding="utf-8")
    for name, events in (("train.csv", train), ("dev.csv", dev)):
        (folder / name).write_text("".join(f"{index},{event}\n" for index, event
                                           in enumerate(events)), encoding="utf-8")
    return shared


def names(docs: list[gva.GvaDoc]) -> list[str]:
    return [doc.name for doc in docs]


def test_duplicates_and_short_texts_are_dropped_with_their_reason(tmp_path: Path) -> None:
    records = [
        record("a1", "A", "2016-01-02"),
        record("a2", "A", "2016-01-03"),
        record("a1", "A", "2016-01-02"),  # the same record twice: kept once
        record("x1", "A", "2016-01-02"), record("x1", "B", "2016-01-02"),  # two incidents
        record("b1", "B", "2016-01-05"),
        record("b2", "B", "2016-01-05", body=""),  # failed crawl
        record("b3", "B", "2016-01-05", body="Already a subscriber? Log in."),  # too short
        record("p1", "A", "2016-01-04", body=text("paywall")),  # same text, two incidents
        record("p2", "C", "2016-01-04", body=text("paywall")),
        record("c1", "C", "2016-01-06", body=text("same page")),
        record("c2", "C", "2016-01-05", body="  " + text("same page").replace(" ", "\n ")),
        record("c3", "C", "2016-01-07"),
    ]
    data = gva.read_gva(write(tmp_path, records))
    assert data.records == len(records) and data.incidents == 3
    assert data.dropped == Counter({
        gva.DROP_TWO_INCIDENTS: 2, gva.DROP_REPEATED_RECORD: 1, gva.DROP_SHORT: 2,
        gva.DROP_SHARED_TEXT: 2, gva.DROP_REPEATED_TEXT: 1})
    # of the two copies of one page in incident C, the earlier one (c2) is kept
    assert sorted(names(data.docs)) == ["a1", "a2", "b1", "c2", "c3"]
    assert any("dropped 2: doc id under two" in line for line in gva.summary(data))


def test_undated_documents_take_their_incidents_first_date_or_are_dropped(
        tmp_path: Path) -> None:
    records = [
        record("a2", "A", "2016-03-09"),
        record("a0", "A", None),  # ordered at 2016-03-05, A's earliest date
        record("a1", "A", "2016-03-05"),
        record("b0", "B", "2016-03-06"),
        record("z0", "Z", None), record("z1", "Z", ""),  # no date anywhere in Z: dropped
    ]
    data = gva.read_gva(write(tmp_path, records))
    assert data.dropped[gva.DROP_UNDATED] == 2
    assert data.undated_placed == 1
    assert names(data.docs) == ["a0", "a1", "b0", "a2"]  # a0 before a1: same date, by id
    undated = next(doc for doc in data.docs if doc.name == "a0")
    assert undated.dct is None and undated.order_date == "2016-03-05"  # no gold-derived dct


def test_order_is_by_date_then_doc_id_whatever_the_file_order(tmp_path: Path) -> None:
    records = [record("d", "A", "2015-05-02"), record("c", "B", "2015-05-01"),
               record("b", "A", "2015-05-01"), record("a", "B", "2015-05-03")]
    first = gva.read_gva(write(tmp_path / "one", records))
    second = gva.read_gva(write(tmp_path / "two", list(reversed(records))))
    assert names(first.docs) == names(second.docs) == ["b", "c", "d", "a"]
    assert names(first.gva_eval) == names(second.gva_eval) == ["b", "c", "d", "a"]


def test_streams(tmp_path: Path) -> None:
    records = [
        record("a1", "A", "2016-01-01"), record("a2", "A", "2016-01-02"),  # GVC train
        record("b1", "B", "2016-01-01"), record("b2", "B", "2016-01-03"),  # GVC dev
        record("c1", "C", "2016-01-02"), record("c2", "C", "2016-01-01"),
        record("c3", "C", "2016-01-04", body=""),  # dropped: C still has two documents
        record("d1", "D", "2016-01-02"),  # one document: not in gva_eval
        record("e1", "E", "2016-01-02"), record("e2", "E", "2016-01-02", body=""),
        record("t1", "T", "2016-01-05"),  # GVC train event with one document
    ]
    gvc = [("a1", "A"), ("a2", "A"), ("t1", "T"), ("missing", "T"), ("b1", "B"), ("b2", "B"),
           ("e2", "E")]
    data = gva.read_gva(write(tmp_path, records, gvc, train=["A", "T"], dev=["B", "E"]))
    assert names(data.gva_eval) == ["b1", "c2", "c1", "b2"]
    assert {doc.incident for doc in data.gva_eval} == {"B", "C"}  # not A (train), not D, E
    assert names(data.gvc_train) == ["a1", "a2", "t1"]
    assert names(data.gvc_dev) == ["b1", "b2"]  # e2 was dropped (empty text)
    # (GVC documents, found among the records, kept)
    assert data.gvc_mapping == {"train": (4, 3, 3), "dev": (3, 3, 2)}


def test_a_gvc_event_that_disagrees_with_the_incident_is_left_out(tmp_path: Path) -> None:
    records = [record("a1", "A", "2016-01-01"), record("a2", "A", "2016-01-02")]
    data = gva.read_gva(write(tmp_path, records, [("a1", "A"), ("a2", "Q")], dev=["A", "Q"]))
    assert names(data.gvc_dev) == ["a1"]
    assert data.dropped[gva.DROP_GVC_DISAGREES] == 1


@pytest.mark.corpus
def test_the_shared_corpus_reads(shared_data: Path) -> None:
    if not gva.gva_root(shared_data.parent).is_dir():
        pytest.skip("gva-dev is not present")
    data = gva.read_gva(shared_data.parent)
    assert data.records == 4704 and data.incidents == 3045
    assert not {doc.incident for doc in data.gva_eval} & data.gvc_train_events
    assert names(data.gva_eval) == names(gva.publication_order(data.gva_eval))
    assert len(set(names(data.docs))) == len(data.docs)
