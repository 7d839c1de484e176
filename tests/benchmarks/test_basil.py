"""The BASIL benchmark: reading the gold, locating spans, the overlap and last-name rules, the
quote-marks baseline, and one end-to-end run on two stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import basil
from consilience.models import Alias, Article, Entity, Quote, Span

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BASIL_DEV = SHARED / basil.DATA


def quote(start: int, end: int, speaker_text: str | None = None,
          speaker: str | None = None, article: str = "a") -> Quote:
    return Quote(id=f"q{start}", span=Span(article, start, end, ""), direct=True,
                 speaker=speaker, speaker_text=speaker_text)


def entity(name: str, aliases: tuple[str, ...], articles: tuple[str, ...]) -> Entity:
    return Entity(id=f"e-{name}", name=name, type="PERSON",
                  aliases=tuple(Alias(alias, 1, articles) for alias in aliases),
                  articles=articles,
                  mentions=tuple(Span(article, 0, len(name), name) for article in articles))


# --- Reading BASIL ----------------------------------------------------------------------------


PARAGRAPHS = [["First sentence here.", "Second one."], ['"We will win," Perry said.']]


def test_sentence_starts_index_the_joined_body_text() -> None:
    text = basil.body_text(PARAGRAPHS)
    starts = basil.sentence_starts(PARAGRAPHS)
    assert text == 'First sentence here. Second one.\n\n"We will win," Perry said.'
    assert [text[start:start + 5] for start in starts] == ["First", "Secon", '"We w']


def test_gold_quotes_keep_named_quoted_spans_at_body_offsets() -> None:
    text = basil.body_text(PARAGRAPHS)
    annotations = [
        {"id": "p2", "start": 0, "end": 13, "txt": '"We will win,', "quote": "yes",
         "speaker": "Rick_Perry"},
        {"id": "p2", "start": 1, "end": 12, "txt": "We will win", "quote": "yes",
         "speaker": "other_pro"},
        {"id": "p1", "start": 0, "end": 6, "txt": "Second", "quote": "no", "speaker": ""},
        {"id": "title", "start": 0, "end": 3, "txt": "Our", "quote": "yes", "speaker": "X_Y"},
    ]
    (gold,) = basil.gold_quotes(annotations, basil.sentence_starts(PARAGRAPHS), text)
    assert gold.speaker == "Rick_Perry"
    assert text[gold.start:gold.end] == '"We will win,'


@pytest.mark.parametrize(("speaker", "named"), [
    ("Rick_Perry", True), ("Obama_campaign", True), ("other_anti", False),
    ("Other_neutral", False), ("", False), ("  ", False)])
def test_is_named(speaker: str, named: bool) -> None:
    assert basil.is_named(speaker) is named


def test_read_stories_joins_articles_and_annotations(tmp_path: Path) -> None:
    for number, outlet in enumerate(("fox", "nyt"), 1):
        article = {"uuid": f"u{number}", "triplet-uuid": "t1", "source": outlet,
                   "title": "T", "date": "2012-01-01", "url": None,
                   "main-entities": ["Rick Perry"], "body-paragraphs": PARAGRAPHS}
        annotation = {"uuid": f"u{number}", "phrase-level-annotations": [
            {"id": "p2", "start": 0, "end": 13, "txt": '"We will win,', "quote": "yes",
             "speaker": "Rick_Perry"}]}
        for folder, name, data in (("articles", f"t1_{number}.json", article),
                                   ("annotations", f"t1_{number}_ann.json", annotation)):
            path = tmp_path / folder / "2012" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data), encoding="utf-8")
    (story,) = basil.read_stories(tmp_path)
    assert [article.outlet for article in story] == ["fox", "nyt"]
    assert story[0].main_entities == ("Rick Perry",)
    assert len(story[1].quotes) == 1 and story[1].quotes[0].speaker == "Rick_Perry"


# --- Rules ------------------------------------------------------------------------------------


def test_locate_tolerates_white_space_and_takes_the_nearest_occurrence() -> None:
    text = "He said no.  He said\nno again. He said no."
    assert basil.locate(text, "He said no.") == (0, 11)
    assert basil.locate(text, "He said no.", near=40) == (31, 42)
    assert basil.locate(text, "He  said no again.") == (13, 30)
    assert basil.locate(text, "She said yes.") is None
    assert basil.locate(text, "   ") is None


def test_overlap_rule_is_half_of_the_shorter_span() -> None:
    assert basil.spans_overlap((0, 10), (5, 100))  # 5 of the shorter's 10
    assert not basil.spans_overlap((0, 10), (6, 100))  # 4 of 10
    assert basil.spans_overlap((10, 20), (0, 100))  # inside
    assert not basil.spans_overlap((0, 10), (10, 20))  # touching


def test_speaker_right_compares_the_last_name_letters_only() -> None:
    assert basil.speaker_right("Rick_Perry", ["the Texas governor", "Rick Perry"])
    assert basil.speaker_right("Rick_Perry", ["PERRY"])
    assert basil.speaker_right("Rick_Perry", ["Perry's campaign"])
    assert basil.speaker_right("Beto_O'Rourke", ["O’Rourke"])
    assert not basil.speaker_right("Rick_Perry", ["Rick Santorum"])
    assert not basil.speaker_right("Rick_Perry", [None, ""])
    assert basil.speaker_right("Obama_campaign", ["the Romney campaign"])  # a group: last word


def test_speaker_names_give_the_text_and_the_entity_name_once() -> None:
    names = {"e1": "Rick Perry"}
    assert basil.speaker_names(quote(0, 5, "the governor", "e1"), names) == [
        "the governor", "Rick Perry"]
    assert basil.speaker_names(quote(0, 5, "Rick Perry", "e1"), names) == ["Rick Perry"]
    assert basil.speaker_names(quote(0, 5), names) == []


def test_judge_quote_statuses() -> None:
    text = 'Intro. "We will win this race," Perry said. Later, more.'
    gold = basil.GoldQuote(7, 30, '"We will win this race,', "Rick_Perry")
    names = {"e1": "Rick Perry"}
    right = basil.judge_quote(gold, text, [quote(8, 29, "he", "e1")], names)
    assert right["status"] == "right" and right["system_speakers"] == ["he / Rick Perry"]
    wrong = basil.judge_quote(gold, text, [quote(8, 29, "Santorum")], names)
    assert wrong["status"] == "wrong" and wrong["context"].endswith("Later, more.")
    assert basil.judge_quote(gold, text, [quote(44, 56, "Perry")], names)["status"] == "missed"
    moved = basil.judge_quote(gold, "Nothing like it.", [], names)
    assert moved["status"] == "unlocated"
    assert basil.judge_quote(gold, None, [], names)["status"] == "unlocated"


def test_quote_counts_stay_consistent() -> None:
    score = basil.SystemScore()
    for status, kind in (("right", "person"), ("wrong", "person"), ("missed", "group"),
                         ("unlocated", "group")):
        score.add({"status": status, "speaker_kind": kind, "outlet": "fox"})
    rows = score.report()["rows"]
    assert rows["all"] == {"gold": 4, "located": 3, "found": 2, "right": 1,
                           "right_of_located": 0.3333, "right_of_found": 0.5}
    assert rows["person"]["found"] == 2 and rows["group"]["located"] == 1
    assert rows["fox"]["gold"] == 4 and rows["nyt"]["gold"] == 0


def test_main_entity_needs_the_article_and_the_last_name() -> None:
    entities = [entity("Rick Perry", ("Perry", "Gov. Rick Perry"), ("a1",)),
                entity("House Democrats", (), ("a2",))]
    assert basil.main_entity_found("Rick Perry", "a1", entities)
    assert basil.main_entity_found("Governor Perry", "a1", entities)
    assert not basil.main_entity_found("Rick Perry", "a2", entities)  # not in that article
    assert basil.main_entity_found("Democrats", "a2", entities)
    assert not basil.main_entity_found("Democratic Lawmakers", "a2", entities)
    assert basil.entity_matches("U.S. Congress", ["US Congress"])
    assert basil.entity_matches("Romney campaign", ["the Romney campaign"])


# --- spaCy: speaker kinds and the baseline ------------------------------------------------------


def test_speaker_kind_tells_people_from_groups(nlp) -> None:
    assert basil.speaker_kind("Rick_Perry", nlp) == "person"
    assert basil.speaker_kind("Hillary_Clinton", nlp) == "person"
    assert basil.speaker_kind("Obama_campaign", nlp) == "group"
    assert basil.speaker_kind("NAACP", nlp) == "group"


def test_baseline_finds_quotations_and_the_nearest_person(nlp) -> None:
    text = ('Senator John Smith spoke in Boston on Monday. "We will pass this bill by June," '
            'Smith told reporters. "No," said Mary Jones, and "we will see about that" came '
            'next.')
    article = Article(id="a", source="a.txt", text=text)
    found = basil.baseline_quotes(article, nlp(text))
    assert [q.span.text for q in found] == ['"We will pass this bill by June,"',
                                            '"we will see about that"']  # "No," is too short
    assert found[0].speaker_text == "Smith"
    assert found[1].speaker_text == "Mary Jones"
    gold = basil.GoldQuote(text.index("We will pass"), text.index(" by June"),
                           "We will pass this bill", "John_Smith")
    assert basil.judge_quote(gold, text, found, {})["status"] == "right"


# --- End to end -----------------------------------------------------------------------------


def test_missing_data_is_a_message_and_exit_zero(tmp_path: Path, capsys) -> None:
    assert basil.main(["--shared", str(tmp_path)]) == 0
    assert "BASIL skipped" in capsys.readouterr().out


def test_two_stories_end_to_end(tmp_path: Path, capsys) -> None:
    if not (BASIL_DEV / "articles").is_dir():
        pytest.skip(f"{BASIL_DEV} is not present")
    out = tmp_path / "basil.json"
    assert basil.main(["--shared", str(SHARED), "--limit", "2", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "### 1. Named quote speakers" in printed and "### 2. Main entities" in printed
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["stories"] == 2 and results["articles"] == 6
    assert set(results["quotes"]) == {basil.SYSTEM, basil.BASELINE}
    for report in results["quotes"].values():
        rows = report["rows"]
        assert set(rows) >= {"all", "person", "group", *basil.OUTLETS}
        for row in rows.values():
            assert row["found"] <= row["located"] <= row["gold"]
            assert row["right"] <= row["found"]
        assert rows["all"]["gold"] == rows["person"]["gold"] + rows["group"]["gold"]
        assert rows["all"]["gold"] == sum(rows[outlet]["gold"] for outlet in basil.OUTLETS)
        assert len(report["cases"]) == rows["all"]["gold"]
    entities = results["entities"]["rows"]
    assert entities["all"]["total"] == sum(entities[o]["total"] for o in basil.OUTLETS) > 0
    assert 0 <= entities["all"]["found"] <= entities["all"]["total"]
