"""The timeline harness: corpus readers, gold mapping, scoring helpers and baselines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from benchmarks.timeline import (
    EventOutcome,
    Failures,
    GoldEvent,
    NormItem,
    PubScore,
    Score,
    SemevalParsed,
    collect_gold,
    cut,
    date_like,
    evidence_kinds,
    full_dates,
    gap_bucket,
    gold_timex_items,
    latest_full_date,
    matches,
    normalise_items,
    score_doc_events,
    silver_items,
    tc,  # timeline.py imports its sibling timeline_corpora as top-level `tc`: use that one
    tense_for,
)

from benchmarks import timeline
from consilience.timeline import Expression, TimeValue

CAT = """<?xml version="1.0" ?><Document doc_id="{doc_id}" doc_name="{doc_id}_Test">
<token number="0" sentence="0" t_id="1">Boeing</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">01</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Boeing</token>
<token number="7" sentence="2" t_id="8">won</token>
<token number="8" sentence="2" t_id="9">and</token>
<token number="9" sentence="2" t_id="10">Airbus</token>
<token number="10" sentence="2" t_id="11">won</token>
<token number="11" sentence="2" t_id="12">job</token>
<token number="12" sentence="2" t_id="13">cuts</token>
<token number="13" sentence="2" t_id="14">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="{dct}">
</TIMEX3>
</Markables>
</Document>
"""

TIMEML = """<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>{doc_id}</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-03-01">2008-03-01\
</TIMEX3></DCT>
<TEXT><s id="0">Boeing wins</s><s id="1">March 01 , 2008</s><s id="2">Boeing won and Airbus \
<EVENT eid="e1">won</EVENT> job cuts <TIMEX3 tid="t1" type="DATE" value="2008-02">last month\
</TIMEX3> .</s></TEXT></TimeML>
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- readers ---------------------------------------------------------------------------------

def test_gold_dates_and_plain_values() -> None:
    assert tc.gold_date("2005-01-18") == ("2005-01-18", "day")
    assert tc.gold_date("2005-01-XX") == ("2005-01", "month")
    assert tc.gold_date("2003-XX-XX") == ("2003", "year")
    assert tc.gold_date("1968") == ("1968", "year")
    assert tc.gold_date("1989-04") == ("1989-04", "month")
    for unknown in ("XXXX-XX-XX", "2005-13-XX", "2005-02-30", "soon"):
        assert tc.gold_date(unknown) is None
    assert tc.plain_value("2010-06-21") == ("2010-06-21", "day")
    assert tc.plain_value("2010") == ("2010", "year")
    for skipped in ("PRESENT_REF", "P3D", "2010-W05", "2010-SU", "199X", "2010-06-21T10:00"):
        assert tc.plain_value(skipped) is None


def test_creation_times_in_either_order() -> None:
    assert tc.parse_dct("2009-02-03") == date(2009, 2, 3)
    assert tc.parse_dct("03-02-2009") == date(2009, 2, 3)  # as one SemEval file writes it
    assert tc.parse_dct("") is None and tc.parse_dct("2009") is None


def test_timeline_lines_and_event_references(tmp_path: Path) -> None:
    path = write(tmp_path / "airbus.txt", "Airbus\n0\tXXXX-XX-XX\t1173-12-owned\n"
                 "1\t2003-XX-XX\t4764-11-out-sold\n4\t2005-06-13\t11716-2-won\t11716-0-wins\n"
                 "7\t2007-XX-XX\t61389-2-job_cuts\n")
    entries = tc.read_timeline(path)
    assert [entry.rank for entry in entries] == [0, 1, 4, 7]
    assert entries[0].timeline == "airbus"
    assert entries[1].events == (tc.EventRef("4764", 11, "out-sold"),)
    assert entries[2].events == (tc.EventRef("11716", 2, "won"), tc.EventRef("11716", 0, "wins"))
    assert tc.parse_event_ref("nonsense") is None


def test_locate_word() -> None:
    _, rows = tc.rebuild_text([["Boeing", "won", "and", "Airbus", "won", "job", "cuts", "."],
                               ["They", "take", "the", "title", "away", "."]], [2, 3])
    first, places = tc.locate_word(rows[0], "won")
    assert [token.start for token in first] == [rows[0][1].start] and places == 2
    tagged, _ = tc.locate_word(rows[0], "won", {4})  # the Track B EVENT tag picks the second
    assert tagged == [rows[0][4]]
    assert [token.text for token in tc.locate_word(rows[0], "job_cuts")[0]] == ["job", "cuts"]
    split, _ = tc.locate_word(rows[1], "take_away")  # a particle verb split by its object
    assert [token.text for token in split] == ["take", "away"]
    assert tc.locate_word(rows[0], "BOEING")[0] == [rows[0][0]]
    assert tc.locate_word(rows[0], "lost") == ([], 0)


@pytest.mark.parametrize("detokenize", [False, True])
def test_cat_document(tmp_path: Path, detokenize: bool) -> None:
    path = write(tmp_path / "1_Test.txt.xml", CAT.format(doc_id="1", dct="03-02-2009"))
    doc = tc.read_cat(path, detokenize)
    assert doc.doc_id == "1" and doc.dct == date(2009, 2, 3)
    assert sorted(doc.sentences) == [0, 1, 2]
    expected = "March 01, 2008" if detokenize else "March 01 , 2008"
    assert doc.text.splitlines()[1] == expected
    assert doc.text.splitlines()[2].endswith("cuts." if detokenize else "cuts .")
    for number, tokens in doc.sentences.items():
        for token in tokens:
            assert doc.text[token.start:token.end] == token.text
            assert token.sentence == number


def test_timeml_tags_and_event_positions(tmp_path: Path) -> None:
    doc = tc.read_timeml(write(tmp_path / "1.tml", TIMEML.format(doc_id="1")))
    assert doc.doc_id == "1" and doc.dct == date(2008, 3, 1)
    assert doc.text.splitlines()[1] == "March 01 , 2008"
    [timex] = doc.timexes()
    assert doc.text[timex.start:timex.end] == timex.text == "last month"
    assert timex.attrs["value"] == "2008-02" and timex.sentence == 2
    assert doc.event_positions() == {2: {4}}
    assert tc.has_timex_values(tmp_path / "1.tml")
    only_dct = write(tmp_path / "2.tml", TIMEML.format(doc_id="2").replace(
        '<TIMEX3 tid="t1" type="DATE" value="2008-02">last month</TIMEX3>', "last month"))
    assert not tc.has_timex_values(only_dct)


def test_gold_timexes_from_cat_and_timeml(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    markables = ('<TIMEX3 m_id="2" type="DATE" value="2008-03-01" functionInDocument="NONE">'
                 '<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/>'
                 '<token_anchor t_id="6"/></TIMEX3>'
                 '<TIMEX3 m_id="3" type="DURATION" value="P1D"><token_anchor t_id="7"/></TIMEX3>'
                 '<TIMEX3 m_id="4" type="DATE" value="2008-W09"><token_anchor t_id="8"/>'
                 "</TIMEX3>\n</Markables>")
    cat = write(tmp_path / "2.xml", CAT.format(doc_id="2", dct="2008-03-02").replace(
        "</Markables>", markables))
    doc = tc.read_cat(cat)
    assert [timex.text for timex in doc.timexes] == ["March 01 , 2008", "Boeing", "won"]
    assert doc.dct == date(2008, 3, 2)
    assert tc.has_timex_values(cat)
    timeml = write(tmp_path / "1.tml", TIMEML.format(doc_id="1"))
    monkeypatch.setattr(timeline, "find_expressions", lambda doc, anchor: [
        Expression(0, len(doc.text), doc.text, None, "past", 0)])
    items, skipped = gold_timex_items([cat, timeml], spacy.blank("en"), Failures())
    assert [(item.doc_id, item.text, item.value, item.precision, item.tense, item.dct)
            for item in items] == [
        ("2", "March 01 , 2008", "2008-03-01", "day", "past", date(2008, 3, 2)),
        ("1", "last month", "2008-02", "month", "past", date(2008, 3, 1))]
    assert skipped == {"type DURATION": 1, "value not YYYY[-MM[-DD]]": 1}


def test_polnear_articles(tmp_path: Path) -> None:
    write(tmp_path / "metadata.tsv", "compartment\tfilename\tpublisher\tpublication_date\n"
          "train\tnyt_2016-09-08_a\tnyt\t2016-09-08\ntest\tnyt_2016-09-09_b\tnyt\t2016-09-09\n"
          "parc3-replication\twsj_0001\twsj\t\ntrain\tmissing\tnyt\t2016-01-01\n")
    write(tmp_path / "train" / "text" / "nyt_2016-09-08_a.txt", "Text A.")
    write(tmp_path / "test" / "text" / "nyt_2016-09-09_b.txt", "Text B.")
    articles = tc.read_polnear(tmp_path)
    assert [(article.split, article.published, article.text) for article in articles] == [
        ("test", date(2016, 9, 9), "Text B."), ("train", date(2016, 9, 8), "Text A.")]
    assert len(tc.read_polnear(tmp_path, limit=1)) == 1
    assert tc.read_polnear(tmp_path / "absent") == []


def test_gold_events_are_mapped_once_per_span(tmp_path: Path) -> None:
    write(tmp_path / "cat" / "1_Test.txt.xml", CAT.format(doc_id="1", dct="2008-03-01"))
    write(tmp_path / "tml" / "1_Test.tml", TIMEML.format(doc_id="1"))
    write(tmp_path / "lines" / "boeing.txt", "Boeing\n0\tXXXX-XX-XX\t1-2-won\n"
          "1\t2008-02-XX\t1-2-won\t9-2-won\n2\t2008-02-29\t1-2-job_cuts\n")
    write(tmp_path / "lines" / "airbus.txt", "Airbus\n1\t2008-02-XX\t1-2-won\n"
          "2\t2008-02-28\t1-2-job_cuts\n3\t2008-03-01\t1-2-lost\n")
    collection = tc.SemevalCollection("toy", tmp_path / "cat", tmp_path / "tml",
                                      tmp_path / "lines")
    docs, events, stats = collect_gold(collection)
    assert set(docs) == {"1"}
    won, cuts = sorted(events, key=lambda event: event.start)
    text = docs["1"].text
    assert text[won.start:won.end] == "won" and won.start > text.index("won")  # the tagged one
    assert (won.value, won.precision) == ("2008-02", "month")
    assert text[cuts.start:cuts.end] == "job cuts" and cuts.value == "2008-02-28"
    assert (stats.mentions, stats.unknown_date, stats.missing_doc, stats.missing_word,
            stats.duplicates, stats.conflicts, stats.ambiguous) == (7, 1, 1, 1, 1, 1, 2)


# --- scoring ---------------------------------------------------------------------------------

def test_matching_at_the_gold_precision() -> None:
    assert cut("2008-03-01", "month") == "2008-03"
    assert matches(TimeValue("2008-03-01", "day"), "2008-03", "month")
    assert matches(TimeValue("2008-03-01", "day"), "2008-03-01", "day")
    assert not matches(TimeValue("2008-03", "month"), "2008-03-01", "day")  # coarser: wrong
    assert not matches(TimeValue("2008", "year"), "2008-03", "month")
    assert matches(TimeValue("2008", "year"), "2008", "year")
    assert not matches(None, "2008", "year")
    score = Score()
    for right, key in ((True, "day"), (False, "day"), (True, "year")):
        score.add(right, key)
    assert score.rate == pytest.approx(2 / 3) and score.rate_of("day") == 0.5
    assert score.count_of("month") == 0 and score.rate_of("month") is None


def test_failures_are_counted_not_raised() -> None:
    failures = Failures()

    def broken(text: str) -> None:
        raise ValueError(f"cannot read {text}")

    assert failures.call("normalise_expression", "x", broken, "x") is None
    assert failures.call("normalise_expression", "y", str.upper, "y") == "Y"
    assert failures.counts == {"normalise_expression": 1}
    assert "ValueError: cannot read x" in failures.samples[0]


def test_score_doc_events_maps_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    doc = nlp("Boeing won the award .\nAirbus lost .")
    dated = TimeValue("2008-02-29", "day")
    monkeypatch.setattr(timeline, "event_dates", lambda doc, anchor: {1: dated})
    monkeypatch.setattr(timeline, "find_expressions", lambda doc, anchor: [])
    events = [GoldEvent("toy", "1", 2, "won", 7, 10, "2008-02-29", "day", "t"),
              GoldEvent("toy", "1", 3, "lost", 30, 34, "2008-03", "month", "t")]
    won, lost = score_doc_events(doc, date(2008, 3, 1), events, Failures())
    assert won.dated and won.system == dated and won.right and not won.baseline_right
    assert won.off_dct
    assert not lost.dated and lost.system == TimeValue("2008-03-01", "day")
    assert lost.right and lost.baseline_right


def test_score_doc_events_survives_a_raising_system(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: object, anchor: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(timeline, "event_dates", broken)
    monkeypatch.setattr(timeline, "find_expressions", broken)
    failures = Failures()
    doc = spacy.blank("en")("Boeing won .")
    [outcome] = score_doc_events(doc, date(2008, 3, 1), [
        GoldEvent("toy", "1", 2, "won", 7, 10, "2008-03-01", "day", "t")], failures, "1")
    assert not outcome.dated and outcome.right
    assert failures.counts == {"event_dates": 1, "find_expressions": 1}


def test_outcome_carry_over_diagnostic() -> None:
    event = GoldEvent("toy", "1", 3, "won", 0, 3, "2008-02-29", "day", "t")
    outcome = EventOutcome(event, date(2008, 3, 1), TimeValue("2008-03-01", "day"), False, None,
                           False, TimeValue("2008-02-29", "day"))
    assert not outcome.right and outcome.carried_right


def test_tense_and_normalisation_items(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [Expression(10, 20, "last month", None, "past", 3)]
    assert tense_for(12, 15, found) == "past" and tense_for(0, 5, found) is None

    def fake(text: str, anchor: date, tense: str | None) -> TimeValue | None:
        if text == "boom":
            raise ValueError("no")
        return TimeValue("2008-02", "month")

    monkeypatch.setattr(timeline, "normalise_expression", fake)
    items = [NormItem("s", "1", "last month", date(2008, 3, 1), "past", "2008-02", "month"),
             NormItem("s", "1", "boom", date(2008, 3, 1), None, "2008", "year")]
    failures = Failures()
    right, broken = normalise_items(items, failures,
                                    lambda text, anchor: TimeValue("2008-02-01", "day"))
    assert right.right and right.baseline_right
    assert broken.system is None and not broken.right and broken.baseline_right
    assert failures.counts == {"normalise_expression": 1}


def test_silver_items(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    doc = tc.read_cat(write(tmp_path / "1.xml", CAT.format(doc_id="1", dct="2008-03-01")))
    start = doc.text.index("job")
    expression = Expression(start, start + 8, "job cuts", None, "past", 0)
    monkeypatch.setattr(timeline, "find_expressions", lambda parsed, anchor: [expression])
    events = [GoldEvent("toy", "1", 2, "won", 0, 0, "2008-02", "month", "t"),
              GoldEvent("toy", "1", 2, "cuts", 0, 0, "2008-02", "month", "t")]
    loaded = SemevalParsed(tc.SemevalCollection("toy", tmp_path, None, tmp_path), {"1": doc},
                           events, timeline.GoldStats(), {"1": None})  # type: ignore[dict-item]
    [item] = silver_items([loaded], Failures())
    assert (item.text, item.value, item.precision, item.tense) == ("job cuts", "2008-02",
                                                                    "month", "past")
    loaded.events.append(GoldEvent("toy", "1", 2, "and", 0, 0, "2008-01", "month", "t"))
    assert silver_items([loaded], Failures()) == []  # the events disagree


def test_publication_baseline_and_evidence() -> None:
    text = ("WASHINGTON - On Sept. 8, 2016, the senator spoke. The vote was on 7 November 2015 "
            "and the filing dated 2016-09-07; 02/30/2016 is no date. He spoke on Tuesday.")
    assert sorted(full_dates(text)) == [date(2015, 11, 7), date(2016, 9, 7), date(2016, 9, 8)]
    assert latest_full_date(text) == date(2016, 9, 8)
    assert latest_full_date("No dates here.") is None
    assert evidence_kinds(text) == ["full date", "month-day", "weekday"]
    assert evidence_kinds("He said so yesterday.") == ["today/yesterday"]
    assert evidence_kinds("It may rain in the spring.") == []
    assert date_like("It happened in 2015.") and date_like("Prices rose last month.")
    assert not date_like("It may rain, they said.")
    assert gap_bucket(date(2016, 9, 8), date(2016, 9, 8)) == "same day"
    assert gap_bucket(date(2016, 9, 7), date(2016, 9, 8)) == "1 day earlier"
    assert gap_bucket(date(2016, 9, 20), date(2016, 9, 8)) == "8-31 days later"
    assert gap_bucket(date(2014, 9, 20), date(2016, 9, 8)) == "over a year earlier"


def test_publication_scores() -> None:
    score = PubScore()
    gold = date(2016, 9, 8)
    for predicted in (gold, date(2016, 9, 7), date(2016, 8, 30), None):
        score.add(predicted, gold)
    assert score.as_dict() == {"articles": 4, "covered": 3, "day": 1, "near": 2, "month": 2}
    assert score.row()[0] == "3 (75.0%)"


def test_dateparser_baseline() -> None:
    pytest.importorskip("dateparser")
    anchor = date(2008, 3, 5)
    assert timeline.dateparser_baseline("March 3, 2008", anchor) == TimeValue("2008-03-03",
                                                                              "day")
    assert timeline.dateparser_baseline("yesterday", anchor) == TimeValue("2008-03-04", "day")


# --- the corpus --------------------------------------------------------------------------------

@pytest.mark.corpus
def test_semeval_gold_events_point_at_their_words(shared_data: Path) -> None:
    collections = tc.semeval_collections(shared_data.parent)
    if not collections:
        pytest.skip("SemEval-2015 Task 4 is not present")
    docs, events, stats = collect_gold(collections[0])
    assert len(docs) == 30 and all(doc.dct is not None for doc in docs.values())
    assert len(events) > 200 and stats.missing_word <= 0.02 * stats.mentions
    for event in events:
        text = docs[event.doc_id].text[event.start:event.end]
        words = event.word.split("_")
        assert text.split()[0] == words[0] or text.casefold() == event.word.casefold()
    assert {event.precision for event in events} == {"year", "month", "day"}
