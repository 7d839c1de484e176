"""The provenance harness: the PolNeAR reader, the overlap scorer, quotation marks, the
quote-marks baseline and the credit detector."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Span as DocSpan

from benchmarks import provenance
from consilience.annotate import load_pipeline
from consilience.models import Article, Quote, RemovedLine, Span

polnear = provenance.polnear  # provenance imports its sibling as top-level `polnear`: use it

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
POLNEAR = polnear.root_of(SHARED)

ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 30;40 45\tthat taxes will fall today\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 50 59\taccording\n"
    "T6\tContent 60 70\tthe report\n"
    "T9\tContent 80 85\tmore.\n"
    "T7\tAttribution-no-source 50 59\taccording\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6 Content2:T9\n"
    "T8\tDiscuss 0 5\tSmith\n"
    "#1\tAnnotatorNotes T8\ta note that runs\n"
    "onto a second line of the file\n"
    "E3\tAttribution:T4 Cue:T2\n"
)


# --- PolNeAR reader ---------------------------------------------------------------------------


def test_parse_fragments_keeps_file_order() -> None:
    assert polnear.parse_fragments("89 106") == ((89, 106),)
    assert polnear.parse_fragments("209 236;91 186") == ((209, 236), (91, 186))


def test_attributions_of_reads_events_discontinuous_spans_and_content2() -> None:
    found, skipped = polnear.attributions_of(ANN)
    assert skipped == 1  # E3 has no content
    first, second = found
    assert first.id == "E1"
    assert first.content == ((11, 30), (40, 45))
    assert first.cue == ((6, 10),) and first.source == ((0, 5),)
    assert not first.no_source
    assert second.no_source and second.source is None
    assert second.content == ((60, 70), (80, 85))  # Content and Content2 merged
    spans, _ = polnear.parse_ann(ANN)
    assert "T8" in spans and spans["T8"].type == "Discuss"


def test_read_split_picks_the_first_annotator_and_metadata(tmp_path: Path) -> None:
    text = "Smith said taxes would fall.\n"
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "pub_2016-01-01_story.txt").write_text(text, encoding="utf-8")
    ann = "T1\tSource 0 5\tSmith\nT2\tContent 11 27\ttaxes would fall\nE1\tContent:T2 Source:T1\n"
    (tmp_path / "dev" / "attributions" / "pub_2016-01-01_story_ef2d.ann").write_text(
        ann.replace("Source 0 5\tSmith", "Source 6 10\tsaid"), encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "pub_2016-01-01_story_4b22.ann").write_text(
        ann, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tcredit\twire\n"
        "dev\tpub_2016-01-01_story\tNone\tNA\n", encoding="utf-8")
    (doc,) = polnear.read_split(tmp_path, "dev")
    assert doc.annotator == "4b22"  # sorted annotator ids: 4b22 before ef2d
    assert doc.attributions[0].source == ((0, 5),)
    assert polnear.fragments_text(doc.text, doc.attributions[0].content) == "taxes would fall"
    assert doc.metadata["wire"] == "NA"
    assert polnear.gold_origin(doc.metadata) is None  # NA and None are no credit
    assert polnear.gold_origin({"wire": "AP", "credit": "None"}) == "AP"
    assert polnear.gold_origin({"wire": "NA", "credit": "h/t: Breitbart"}) == "h/t: Breitbart"
    assert polnear.read_split(tmp_path, "test") == []


@pytest.mark.corpus
def test_polnear_dev_spans_equal_their_text() -> None:
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip("../shared/data/polnear is not present")
    docs = polnear.read_split(POLNEAR, "dev")
    assert len(docs) == 84
    assert all(doc.annotator for doc in docs)
    continuous = discontinuous = 0
    for doc in docs:
        path = polnear.annotation_files(POLNEAR / "dev" / "attributions", doc.name)[0][1]
        spans, _ = polnear.parse_ann(path.read_text(encoding="utf-8"))
        for span in spans.values():
            # brat's column 3 is the text of the fragments, in the file's order, joined by " "
            assert polnear.fragments_text(doc.text, span.fragments) == span.text, (doc.name, span)
            if len(span.fragments) == 1:
                continuous += 1
            else:
                discontinuous += 1
        for attribution in doc.attributions:
            assert all(0 <= start < end <= len(doc.text) for start, end in attribution.content)
    assert continuous > 5000 and discontinuous > 50
    assert sum(len(doc.attributions) for doc in docs) > 2000


# --- Scorer -----------------------------------------------------------------------------------


def test_overlap_rule() -> None:
    assert provenance.overlap(((0, 10),), ((5, 20),)) == 5
    assert provenance.overlap(((0, 4), (10, 14)), ((2, 12),)) == 4
    # half of the shorter span (10 characters): 5 shared is enough, 4 is not
    assert provenance.spans_match(((0, 10),), ((5, 40),))
    assert not provenance.spans_match(((0, 10),), ((6, 40),))
    # a short span inside a long one matches
    assert provenance.spans_match(((100, 104),), ((0, 500),))
    # discontinuous: 6 of the 8 characters of the left span are shared
    assert provenance.spans_match(((0, 4), (10, 14)), ((0, 12),))
    assert not provenance.spans_match(None, ((0, 3),))
    assert not provenance.spans_match(((0, 3),), ((3, 6),))


def test_trimmed_and_exact() -> None:
    text = 'He said: "We will win." Then left.'
    quote = (text.index('"'), text.index('.') + 2)  # '"We will win."'
    words = (text.index("We"), text.index("win") + 3)
    assert provenance.trimmed(text, (quote,)) == (words,)
    assert provenance.exact_match(text, (quote,), (words,))
    assert not provenance.exact_match(text, (quote,), ((words[0], words[1] - 1),))


def test_pair_up_is_one_to_one_by_largest_overlap() -> None:
    system = [((0, 10),), ((0, 30),)]
    gold = [((0, 30),)]
    assert provenance.pair_up(system, gold, provenance.spans_match) == [(1, 0)]
    assert provenance.pair_up([((0, 10),)], [((0, 10),), ((0, 12),)],
                              provenance.spans_match) == [(0, 0)]


def _quote(text: str, content: str, direct: bool, cue: str | None = None,
           source: str | None = None, speaker: str | None = None) -> Quote:
    def span(words: str | None) -> Span | None:
        if words is None:
            return None
        start = text.index(words)
        return Span("a", start, start + len(words), words)

    content_span = span(content)
    assert content_span is not None
    return Quote(id=f"q-{content[:5]}", span=content_span, direct=direct, cue_span=span(cue),
                 source_span=span(source), speaker=speaker)


def _gold(text: str, identifier: str, content: str, cue: str | None = None,
          source: str | None = None) -> polnear.GoldAttribution:
    def fragments(words: str | None) -> polnear.Fragments | None:
        if words is None:
            return None
        start = text.index(words)
        return ((start, start + len(words)),)

    content_fragments = fragments(content)
    assert content_fragments is not None
    return polnear.GoldAttribution(identifier, content_fragments, fragments(cue),
                                   fragments(source))


TEXT = ('Mayor Ann Lee said that the bridge would reopen in May. '
        '"We are on schedule and on budget," she told reporters. '
        'Officials said the cost had doubled. The weather was mild, "very mild" indeed.')


def test_score_article_counts() -> None:
    gold = [
        _gold(TEXT, "E1", "that the bridge would reopen in May", "said", "Mayor Ann Lee"),
        _gold(TEXT, "E2", '"We are on schedule and on budget,"', "told", "she"),
        _gold(TEXT, "E3", "the cost had doubled", "said", "Officials"),
    ]
    quotes = [
        # indirect, found, cue right, source a shorter span of the gold one
        _quote(TEXT, "the bridge would reopen in May", False, "said", "Ann Lee"),
        # direct, found; the source is the antecedent, not the gold pronoun
        _quote(TEXT, "We are on schedule and on budget", True, "told", "Mayor Ann Lee",
               speaker="ann-lee"),
        # a partial quote nested in the first gold content: excused
        _quote(TEXT, "would reopen in May", True),
        # spurious
        _quote(TEXT, '"very mild"', True),
    ]
    mentions = [(0, len("Mayor Ann Lee"), "ann-lee")]
    counts, details = provenance.score_article(TEXT, quotes, gold, mentions)
    assert (counts.system, counts.gold, counts.matched) == (4, 3, 2)
    assert counts.excused == 1
    assert counts.exact == 1  # E2 after trimming; E1 differs by "that"
    assert (counts.cue_system, counts.cue_gold, counts.cue_match) == (2, 2, 2)
    assert (counts.source_system, counts.source_gold, counts.source_match) == (2, 2, 1)
    assert counts.joint == 1
    assert (counts.gold_direct, counts.gold_direct_found) == (1, 1)
    assert (counts.gold_indirect, counts.gold_indirect_found) == (2, 1)
    assert counts.speaker["pronoun"] == [1, 0, 0]  # gold "she" has no resolved mention
    report = provenance.detection_report(counts)
    assert report["content"] == {"p": 0.5, "r": 0.6667, "f1": 0.5714}
    assert report["content_lenient"]["p"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["source"]["p"] == 0.5
    assert report["speaker"]["pronoun"]["accuracy"] == 0.0
    missed = [item for item in details if "missed" in item]
    spurious = [item for item in details if "spurious" in item]
    assert [item["missed"] for item in missed] == ["E3"]
    assert [item["content"] for item in spurious] == ['"very mild"']


def test_exact_counts_trimmed_equality() -> None:
    text = 'X said "one two three." Y said that four five six.'
    gold = [_gold(text, "E1", '"one two three."'), _gold(text, "E2", "that four five six")]
    quotes = [_quote(text, "one two three", True), _quote(text, "four five six", False)]
    counts, _ = provenance.score_article(text, quotes, gold)
    assert counts.matched == 2
    assert counts.exact == 1  # quote marks and the stop are trimmed, "that" is a word
    assert counts.exact_raw == 0


def test_speaker_same_entity() -> None:
    text = 'President Obama spoke. "We will act now," the president said.'
    gold = [_gold(text, "E1", '"We will act now,"', "said", "President Obama")]
    quote = _quote(text, '"We will act now,"', True, "said", "the president", speaker="obama")
    counts, _ = provenance.score_article(text, [quote], gold, [(0, 15, "obama")])
    assert counts.speaker["named"] == [1, 0, 1]
    row = provenance.detection_report(counts)["speaker"]["named"]
    assert row["accuracy"] == 0.0 and row["accuracy_same_entity"] == 1.0


# --- Quotation marks and the baseline --------------------------------------------------------


def test_quotations() -> None:
    text = 'He said “we win” and "they lose".\n“This goes on\n“and ends here.”'
    found = [text[start:end] for start, end in provenance.quotations(text)]
    assert found == ["“we win”", '"they lose"', "“This goes on", "“and ends here.”"]
    regions = provenance.quotations(text)
    inside = (text.index("we win"), text.index("we win") + 6)
    assert provenance.quoted_share(text, (inside,), regions) == 1.0
    assert provenance.quoted_share(text, ((0, 7),), regions) == 0.0


def test_source_kind() -> None:
    text = "He said. The mayor said."
    assert provenance.source_kind(text, ((0, 2),)) == "pronoun"
    assert provenance.source_kind(text, ((9, 18),)) == "named"
    assert provenance.source_kind(text, None) == "none"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline(None)


def test_baseline_on_invented_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('The storm hit the coast on Monday. "We have never seen water this high," '
            'John Carter said. He called it "bad". Mary Jones spoke later.')
    doc = nlp(text)
    # fix the entities, so that the test does not depend on the tagger
    carter, jones = text.index("John Carter"), text.index("Mary Jones")
    doc.ents = [doc.char_span(carter, carter + 11, label="PERSON"),
                doc.char_span(jones, jones + 10, label="PERSON")]
    assert all(isinstance(ent, DocSpan) for ent in doc.ents)
    article = Article(id="a", source="a.txt", text=text)
    quotes = provenance.baseline_quotes(article, doc, {"a": [(carter, carter + 11, "carter")]})
    assert len(quotes) == 1  # "bad" has fewer than three words
    (quote,) = quotes
    assert quote.direct
    assert quote.span.text == '"We have never seen water this high,"'
    assert quote.source_span is not None and quote.source_span.text == "John Carter"
    assert quote.speaker == "carter"
    assert quote.cue_span is not None and quote.cue_span.text == "said"


def test_baseline_finds_no_speaker_beyond_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"Nothing will change here soon." The river rose. Bob Smith left town.')
    doc = nlp(text)
    start = text.index("Bob Smith")
    doc.ents = [doc.char_span(start, start + 9, label="PERSON")]
    (quote,) = provenance.baseline_quotes(Article(id="b", source="b", text=text), doc)
    assert quote.source_span is None and quote.cue_span is None


def test_stub_system_has_find_quotes_signature(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said that prices would rise next year."
    quotes = provenance.stub_find_quotes(Article(id="s", source="s", text=text), nlp(text))
    assert quotes and quotes[0].cue == "said"


# --- Credits ----------------------------------------------------------------------------------


def _article(text: str, removed: tuple[RemovedLine, ...] = ()) -> Article:
    return Article(id="c", source="c", text=text, removed=removed)


@pytest.mark.parametrize(("text", "credited"), [
    ("Title.\n\nWASHINGTON (AP) — The president spoke.", True),
    ("Title.\n\nHEMPSTEAD, N.Y., Sept. 26 (UPI) — Jill Stein left.", True),
    ("Title.\n\nThe senator spoke.\n\nh/t: The Hill", True),
    ("Title.\n\nRates rose.\n\n(Reporting by Jane Doe; Editing by John Roe)", True),
    ("Title.\n\nRates fell.\n\n(Additional reporting by Ann Roe; Editing by Al Poe.)", True),
    ("Title.\n\nThe Associated Press contributed to this report.", True),
    ("Title.\n\nAn Associated Press poll found that 40% approve, Reuters said.", False),
    ("Title.\n\nThe senator spoke (at length) — for hours.", False),
])
def test_credit_from_text(text: str, credited: bool) -> None:
    assert (provenance.credit_from_text(text, _article(text)) is not None) is credited


def test_credit_from_removed_lines() -> None:
    wire = RemovedLine("(Reuters)", "credit", 3, credit="Reuters")
    photo = RemovedLine("Jane Doe for The Post", "byline", 1, credit="Jane Doe")
    assert provenance.credit_from_removed(_article("x", (wire,))) == "Reuters"
    assert provenance.credit_from_removed(_article("x", (photo,))) is None


def test_credit_scores() -> None:
    gold = {"a": "AP", "b": None, "c": "h/t: X", "d": None}
    predicted = {"a": "(AP) —", "b": "h/t", "c": None, "d": None}
    scores = provenance.credit_scores(predicted, gold)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 1, 1)
    assert scores["p"] == 0.5 and scores["r"] == 0.5
    assert scores["false_positives"] == {"b": "h/t"}


# --- End to end -------------------------------------------------------------------------------


@pytest.mark.corpus
def test_main_on_two_dev_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip("../shared/data/polnear is not present")
    out = tmp_path / "out.json"
    assert provenance.main(["--limit", "2", "--shared", str(SHARED), "--cache-dir",
                            str(tmp_path / "cache"), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "### 1. Attribution detection" in printed and "### 4. Credits" in printed
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["articles"] == 2
    assert len(results["detection"]) == 2
    for row in results["detection"].values():
        assert row["gold"] == results["gold_attributions"]
        assert 0 <= row["content"]["p"] <= 1
