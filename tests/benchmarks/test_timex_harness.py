"""The TIMEX3 harness: span matching, value F1 arithmetic, the baseline's spans, the readers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from benchmarks.timex import (
    Errors,
    Loaded,
    Mention,
    Tally,
    TimexDoc,
    cat_doc,
    error_kind,
    f1,
    gold_mentions,
    locate,
    match,
    score_corpus,
    screen,
    tc,  # timex.py imports its sibling timeline_corpora as top-level `tc`: use that one
    timeml_doc,
)

TIMEML = """<?xml version="1.0" ?>
<TimeML><DOCID>APW0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08" functionInDocument="CREATION_TIME">\
19980808</TIMEX3></DCT>
<TEXT>
NICOSIA, <TIMEX3 tid="t1" type="DATE" value="1998-08-07" functionInDocument="PUBLICATION_TIME">\
August 7</TIMEX3> (Xinhua) -- Talks <EVENT eid="e1">ended</EVENT> \
<TIMEX3 tid="t2" type="DATE" value="1998-08-06">Thursday</TIMEX3> after \
<TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>, held \
<TIMEX3 tid="t4" type="SET" value="P1W">weekly</TIMEX3>.
</TEXT></TimeML>
"""

CAT = """<?xml version="1.0" ?><Document {doc_attr}>
<token t_id="1" sentence="0" number="0">Fire</token>
<token t_id="2" sentence="0" number="1">kills</token>
<token t_id="3" sentence="0" number="2">two</token>
<token t_id="4" sentence="1" number="3">May</token>
<token t_id="5" sentence="1" number="4">03</token>
<token t_id="6" sentence="1" number="5">,</token>
<token t_id="7" sentence="1" number="6">2013</token>
<token t_id="8" sentence="2" number="7">It</token>
<token t_id="9" sentence="2" number="8">burned</token>
<token t_id="10" sentence="2" number="9">for</token>
<token t_id="11" sentence="2" number="10">three</token>
<token t_id="12" sentence="2" number="11">hours</token>
<token t_id="13" sentence="2" number="12">on</token>
<token t_id="14" sentence="2" number="13">Thursday</token>
<token t_id="15" sentence="2" number="14">.</token>
<token t_id="16" sentence="3" number="15">Nobody</token>
<token t_id="17" sentence="3" number="16">came</token>
<token t_id="18" sentence="3" number="17">today</token>
<token t_id="19" sentence="3" number="18">.</token>
<Markables>
{markables}
</Markables>
</Document>
"""

ESL_MARKABLES = """<TIME_DATE m_id="1" DCT="TRUE" value="2013-05-03"><token_anchor t_id="4"/>\
<token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/></TIME_DATE>
<TIME_DURATION m_id="2" value="PT3H"><token_anchor t_id="11"/><token_anchor t_id="12"/>\
</TIME_DURATION>
<TIME_DATE m_id="3" DCT="FALSE" value="2013-05-02"><token_anchor t_id="13"/>\
<token_anchor t_id="14"/></TIME_DATE>
<TIME_DATE m_id="4" DCT="FALSE" value=""><token_anchor t_id="13"/><token_anchor t_id="14"/>\
</TIME_DATE>
<TIME_DATE m_id="5" DCT="FALSE" value="2013-04-01" TAG_DESCRIPTOR="t_april"/>
<ACTION_OCCURRENCE m_id="6"><token_anchor t_id="9"/></ACTION_OCCURRENCE>"""

MEANTIME_MARKABLES = """<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" type="DATE" \
value="2013-05-03"><token_anchor t_id="4"/><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 m_id="2" functionInDocument="NONE" type="DURATION" value="PT3H">\
<token_anchor t_id="11"/><token_anchor t_id="12"/></TIMEX3>
<TIMEX3 m_id="3" functionInDocument="NONE" type="DATE" value="2058" TAG_DESCRIPTOR="2058"/>"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def m(start: int, end: int, value: str | None = None, kind: str = "date") -> Mention:
    return Mention(start, end, f"{start}-{end}", kind, value)


# --- matching and scores ---------------------------------------------------------------------

def test_strict_matching_needs_equal_spans_and_is_one_to_one() -> None:
    gold = [m(0, 5), m(10, 15), m(20, 25)]
    found = [m(0, 5), m(0, 5), m(10, 14), m(20, 25)]
    assert match(gold, found, relaxed=False) == [(0, 0), (2, 3)]
    assert match([], found, relaxed=False) == []
    assert match(gold, [], relaxed=True) == []


def test_relaxed_matching_any_overlap_largest_first_one_to_one() -> None:
    gold = [m(0, 10), m(12, 20)]
    # found[0] touches both gold spans; found[1] overlaps gold[0] more: it takes gold[0], so
    # found[0] is paired with gold[1]; found[2] only touches a taken gold span: unmatched.
    found = [m(8, 14), m(2, 9), m(9, 11)]
    assert match(gold, found, relaxed=True) == [(0, 1), (1, 0)]
    assert match([m(0, 5)], [m(5, 9)], relaxed=True) == []  # adjacent is no overlap
    assert match([m(0, 5)], [m(4, 9)], relaxed=True) == [(0, 0)]
    # an exact pair is taken before a larger overlap elsewhere
    assert match([m(0, 10), m(3, 6)], [m(3, 6)], relaxed=True) == [(1, 0)]


def test_tally_value_f1_as_tempeval_defines_it() -> None:
    gold = [m(0, 5, "2013-05-03"), m(10, 15, "P3D", "duration"), m(20, 25, "2013-05"),
            m(30, 35, "PAST_REF")]
    found = [m(0, 5, "2013-05-03"),          # strict, right value
             m(11, 15, "P3D", "duration"),  # relaxed only, right value
             m(18, 22, "2013-05-01"),       # relaxed only, wrong value
             m(40, 45, "2013")]             # spurious
    tally = Tally()
    pairs = tally.add(gold, found)
    assert pairs == [(0, 0), (1, 1), (2, 2)]
    assert (tally.gold, tally.found, tally.strict, tally.relaxed, tally.valued) == (4, 4, 1, 3, 2)
    scores = tally.scores()
    assert scores["strict_p"] == scores["strict_r"] == 0.25
    assert scores["relaxed_f1"] == pytest.approx(0.75)
    assert scores["value_acc"] == pytest.approx(2 / 3)
    assert scores["value_p"] == scores["value_r"] == 0.5
    assert scores["value_f1"] == pytest.approx(0.5)
    assert scores["type_acc"] == 1.0
    assert tally.by_type == {"date": [2, 1], "duration": [1, 1]}
    # P and R apart: 2 right values of 5 found and 4 gold
    tally.add([], [m(50, 55, "2013")])
    scores = tally.scores()
    assert scores["value_p"] == pytest.approx(0.4) and scores["value_r"] == pytest.approx(0.5)
    assert scores["value_f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)


def test_f1_and_empty_tallies() -> None:
    assert f1(None, 0.5) is None
    assert f1(0.0, 0.0) == 0.0
    assert f1(1.0, 0.5) == pytest.approx(2 / 3)
    scores = Tally().scores()
    assert scores["relaxed_p"] is None and scores["value_f1"] is None


def test_a_gold_without_value_is_never_right() -> None:
    tally = Tally()
    tally.add([m(0, 5, None)], [m(0, 5, None)])
    assert tally.relaxed == 1 and tally.valued == 0


def test_groups_score_each_type_family_apart_and_dct_spans_are_ignored() -> None:
    gold = [m(0, 5, "2013-05-03"), m(10, 15, "P3D", "duration")]
    doc = TimexDoc("test", "d1", date(2013, 5, 4), "x" * 60, gold, ignore=[(50, 60)])
    system = [m(0, 5, "2013-05-03"), m(10, 15, "P3D", "date"), m(52, 55, "2013-05-04")]
    baseline = [m(0, 5, "2013-05-03")]
    result = score_corpus(Loaded("test", [doc]), {"find_timexes": [system],
                                                  "dateparser": [baseline]}, {})
    assert result.ignored["find_timexes"] == 1
    mine = result.tallies["find_timexes"]
    assert (mine["all"].gold, mine["all"].found, mine["all"].relaxed) == (2, 2, 2)
    assert mine["all"].typed == 1 and mine["all"].valued == 2
    # the duration typed "date" is a false DATE and a missed DURATION in the groups
    assert (mine["DATE+TIME"].gold, mine["DATE+TIME"].found, mine["DATE+TIME"].relaxed) == \
        (1, 2, 1)
    assert (mine["DURATION+SET"].gold, mine["DURATION+SET"].found,
            mine["DURATION+SET"].relaxed) == (1, 0, 0)
    assert result.tallies["dateparser"]["all"].relaxed == 1
    errors = result.errors["find_timexes"]
    assert errors.mistyped == {"duration -> date": 1}
    assert errors.missed == [] and errors.spurious == []


def test_screen_keeps_the_scored_sentences_only() -> None:
    doc = TimexDoc("test", "d1", date(2013, 5, 4), "x" * 60, [], ignore=[(0, 4)],
                   scored=[(0, 10), (20, 30)])
    kept, on_dct, outside = screen([m(2, 6), m(5, 8), m(12, 15), m(28, 35)], doc)
    assert kept == [m(5, 8), m(28, 35)] and (on_dct, outside) == (1, 1)


def test_errors_record_value_mistakes_misses_and_spurious() -> None:
    doc = TimexDoc("test", "d1", date(1998, 8, 8), "x" * 40,
                   [m(0, 5, "1998-08-06"), m(10, 15, "P3D", "duration")])
    found = [m(0, 5, "1998-08-13"), m(30, 35, "1998")]
    errors = Errors()
    errors.add(doc, found, match(doc.gold, found, relaxed=True))
    [mistake] = errors.values
    assert (mistake.gold, mistake.system, mistake.dct) == ("1998-08-06", "1998-08-13",
                                                           "1998-08-08")
    assert mistake.kind == "day: exactly 7 days later"
    assert errors.missed == [doc.gold[1]] and errors.spurious == [found[1]]
    assert errors.missed_overlapping == [] and errors.spurious_overlapping == []
    # "the year ended Sept. 30" as one system span over two gold expressions; "5 p.m. EST,
    # Nov. 6" as one gold expression split in two by the system
    merged = TimexDoc("test", "d2", date(1989, 11, 2), "x" * 40,
                      [m(0, 8, "P1Y", "duration"), m(15, 23, "1989-09-30"),
                       m(25, 40, "1989-11-06T17:00", "time")])
    found = [m(0, 23, "1989-09-30"), m(25, 33, "1989-11-02T17:00", "time"),
             m(35, 40, "1989-11-06")]
    errors = Errors()
    errors.add(merged, found, match(merged.gold, found, relaxed=True))
    assert errors.missed == errors.missed_overlapping == [merged.gold[1]]
    assert errors.spurious == errors.spurious_overlapping == [found[2]]
    assert [row[3] for row in errors.as_dict()["missed"]] == [True]


@pytest.mark.parametrize(("gold", "system", "kind"), [
    (None, "2013", "gold has no value"),
    ("2013-05-03", None, "no system value"),
    ("PRESENT_REF", "2013-05-03", "PAST/PRESENT/FUTURE_REF on one side"),
    ("P3D", "2013-05-03", "duration vs point in time"),
    ("PXY", "P3Y", "duration: vague (X) vs count"),
    ("P1D", "PT4H", "duration: other unit"),
    ("P3Y", "P2Y", "duration: other count"),
    ("2013-05-03T14:00", "2013-05-03", "same day, time of day differs or missing"),
    ("1998-W32", "1998-08-03", "week (YYYY-Wnn) on one side"),
    ("1988-Q3", "1988", "quarter (YYYY-Qn) on one side"),
    ("1990-W32-WE", "1990-08-11", "weekend (YYYY-Wnn-WE) on one side"),
    ("1997-FA", "1997-10", "season (YYYY-SU) on one side"),
    ("198X", "198", "decade/century (199, 19, 199X) on one side"),
    ("1998-08", "1998", "system coarser (right prefix)"),
    ("1998", "1998-08", "system finer (gold is a prefix)"),
    ("1998-08-06", "1998-08-04", "day: 1-6 days earlier"),
    ("1997-10", "1998-10", "other year"),
])
def test_error_kinds(gold: str | None, system: str | None, kind: str) -> None:
    assert error_kind(gold, system) == kind


# --- the baseline's spans --------------------------------------------------------------------

def test_dateparser_substrings_are_located_left_to_right() -> None:
    text = "On Monday they met; on Monday again, and today."
    when = datetime(2013, 5, 6, 10, 30)
    mentions, unlocated = locate(text, [("Monday", when), ("Monday", when), ("yesterday", when),
                                        ("today", when)])
    assert [(mention.start, mention.end) for mention in mentions] == [(3, 9), (23, 29),
                                                                     (41, 46)]
    assert all(text[mention.start:mention.end] == mention.text for mention in mentions)
    assert unlocated == 1
    assert {(mention.type, mention.value) for mention in mentions} == {("date", "2013-05-06")}
    # a substring found only before the cursor takes that earlier place
    again, _ = locate(text, [("today", when), ("Monday", when)])
    assert [(mention.start, mention.end) for mention in again] == [(41, 46), (3, 9)]


# --- readers -----------------------------------------------------------------------------------

def test_timeml_gold_leaves_the_dct_out_and_keeps_publication_time(tmp_path: Path) -> None:
    doc = timeml_doc(write(tmp_path / "APW0001.tml", TIMEML))
    assert doc is not None
    assert doc.doc_id == "APW0001" and doc.dct == date(1998, 8, 8)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("August 7", "date", "1998-08-07"), ("Thursday", "date", "1998-08-06"),
        ("three days", "duration", "P3D"), ("weekly", "set", "P1W")]
    for gold in doc.gold:
        assert doc.text[gold.start:gold.end] == gold.text
    assert "19980808" not in doc.text and doc.ignore == [] and doc.scored is None
    no_dct = write(tmp_path / "x.tml", TIMEML.replace('functionInDocument="CREATION_TIME"', ""))
    assert timeml_doc(no_dct) is None


def test_gold_mentions_keep_one_per_span() -> None:
    tagged = [tc.Tagged("TIMEX3", 0, 4, "then", {"type": "DATE", "value": ""}, None),
              tc.Tagged("TIMEX3", 0, 4, "then", {"type": "DATE", "value": "PAST_REF"}, None),
              tc.Tagged("TIMEX3", 5, 9, "2013", {"type": "DATE", "value": "2013",
                                                 "functionInDocument": "CREATION_TIME"}, None)]
    gold, duplicates = gold_mentions(tagged)
    assert [(g.start, g.value) for g in gold] == [(0, "PAST_REF")] and duplicates == 1


@pytest.mark.parametrize("detokenize", [False, True])
def test_eventstoryline_cat(tmp_path: Path, detokenize: bool) -> None:
    path = write(tmp_path / "1" / "1_7ecbplus.xml.xml",
                 CAT.format(doc_attr='doc_name="1_7ecbplus.xml"', markables=ESL_MARKABLES))
    read = tc.read_cat_timexes(path, detokenize)
    assert read.doc.doc_id == "1_7ecbplus.xml" and read.doc.dct == date(2013, 5, 3)
    assert read.dct_value == "2013-05-03"
    [(start, end)] = read.dct_spans
    assert read.doc.text[start:end] == ("May 03, 2013" if detokenize else "May 03 , 2013")
    assert read.marked == {1, 2}
    doc, duplicates = cat_doc(path, "esl", detokenize)
    assert doc is not None and duplicates == 1
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("three hours", "duration", "PT3H"), ("on Thursday", "date", "2013-05-02")]
    assert doc.ignore == [(start, end)]
    assert doc.scored is not None and len(doc.scored) == 2  # sentences 1 and 2, not 0 or 3
    today = doc.text.index("today")
    assert screen([Mention(today, today + 5, "today", "date", "2013-05-03")], doc)[2] == 1
    whole, _ = cat_doc(path, "esl", detokenize, whole_text=True)
    assert whole is not None and whole.scored is None


def test_meantime_cat_and_loose_creation_times(tmp_path: Path) -> None:
    path = write(tmp_path / "a" / "42_Fire.xml",
                 CAT.format(doc_attr='doc_id="42" doc_name="Fire"', markables=MEANTIME_MARKABLES))
    doc, _ = cat_doc(path, "meantime", detokenize=True)
    assert doc is not None and doc.doc_id == "42" and doc.dct == date(2013, 5, 3)
    assert [(g.text, g.type, g.value) for g in doc.gold] == [("three hours", "duration", "PT3H")]
    assert [doc.text[start:end] for start, end in doc.ignore] == ["May 03, 2013"]
    assert doc.scored is not None and len(doc.scored) == 4  # all four sentences are < 6
    assert tc.loose_dct("t_2013-09-09") == date(2013, 9, 9)
    assert tc.loose_dct("2009:02:03T17:59:13Z") == date(2009, 2, 3)
    assert tc.loose_dct("2009-12-4") == date(2009, 12, 4)
    assert tc.loose_dct("2006") is None and tc.loose_dct("PRESENT_REF") is None
    undated = write(tmp_path / "b" / "43_Fire.xml", CAT.format(
        doc_attr='doc_id="43"', markables=MEANTIME_MARKABLES.replace("CREATION_TIME", "NONE")
        .replace('value="2013-05-03"', 'value="2006"')))
    assert cat_doc(undated, "meantime", detokenize=False) == (None, 0)
