from consilience.annotate import HEADINGS, DocCache, annotate, extract_mentions
from consilience.models import Article

TEXTS = (
    "Overview\n\nThe \"Indo-Pacific\" strategy of Japan was discussed by Marco Polo in Rome.",
    "Angela Merkel met Emmanuel Macron in Paris on Monday, officials said.",
)


def articles():
    first = Article(id="a1", source="x", text=TEXTS[0], headings=((0, 8),))
    return [first, Article(id="a2", source="y", text=TEXTS[1])]


def test_docs_come_back_in_order_with_headings_marked(nlp):
    result = annotate(articles(), nlp, cache=None)
    assert [doc.text for doc in result.docs] == list(TEXTS)
    assert [span.text for span in result.docs[0].spans[HEADINGS]] == ["Overview"]
    assert (result.parsed, result.cached) == (2, 0)


def test_rerun_reads_the_cache_and_gives_the_same_annotation(nlp, tmp_path):
    cache = DocCache(tmp_path)
    first = annotate(articles(), nlp, cache)
    second = annotate(articles(), nlp, cache)
    assert (second.parsed, second.cached) == (0, 2)
    for left, right in zip(first.docs, second.docs, strict=True):
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in left] == \
               [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in right]
        assert [(e.text, e.label_) for e in left.ents] == [(e.text, e.label_) for e in right.ents]
    assert [span.text for span in second.docs[0].spans[HEADINGS]] == ["Overview"]


def test_cache_key_depends_on_text_and_pipeline(nlp):
    first, same, other = DocCache.keys(nlp, ["a", "a", "b"])
    assert first == same != other


def test_unusable_cache_directory_is_a_coded_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    try:
        DocCache(blocker / "sub")
    except Exception as error:
        assert "[E301]" in str(error)
    else:
        raise AssertionError("a cache under a file cannot be created")


def test_mentions_carry_exact_spans_without_edge_quotes(nlp):
    article = articles()[0]
    doc = annotate([article], nlp).docs[0]
    mentions = extract_mentions(article, doc)
    assert mentions
    for mention in mentions:
        span = mention.span
        assert article.text[span.start:span.end] == span.text
        assert span.text == span.text.strip("\"“” ")
    assert {"Japan", "Rome"} <= {mention.span.text for mention in mentions}


def test_a_sentence_s_opening_preposition_is_not_part_of_a_name(nlp):
    text = ('"Like Governor Ruth Hale has refused to specify how she will pay for her tax '
            'cuts, Senator Tom Webb would have cut it," he said. Jane Doe said it.')
    article = Article(id="a1", source="a1.txt", text=text)
    names = {mention.span.text for mention in extract_mentions(article, nlp(text))}
    assert "Governor Ruth Hale" in names and not any(name.startswith("Like") for name in names)
    assert "Jane Doe" in names  # a name opening a sentence keeps its first word


def _token_rows(doc):
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def test_one_process_unless_there_is_enough_text_and_more_than_one_job():
    from consilience.annotate.annotator import PARALLEL_MIN_CHARS, parse_processes

    long_texts = ["x" * PARALLEL_MIN_CHARS] * 3
    assert parse_processes(1, long_texts) == 1
    assert parse_processes(2, ["a short article", "another"]) == 1  # not worth the start
    assert parse_processes(2, long_texts) == 2
    assert parse_processes(8, long_texts[:2]) == 2  # at most one process per article
    assert parse_processes(2, long_texts[:1]) == 1
    assert parse_processes(0, long_texts) >= 1  # 0: one per core
    assert parse_processes(2, ["a", "b"], min_chars=0) == 2


def test_a_daemon_process_parses_alone(monkeypatch):
    import multiprocessing

    from consilience.annotate.annotator import parse_processes

    class Daemon:
        daemon = True

    monkeypatch.setattr(multiprocessing, "current_process", lambda: Daemon())
    assert parse_processes(2, ["a", "b"], min_chars=0) == 1  # a Dask worker may not fork


def test_two_processes_give_the_same_docs_as_one(nlp, tmp_path):
    many = articles() * 3
    alone = annotate(many, nlp, jobs=1)
    together = annotate(many, nlp, jobs=2, min_chars=0)
    assert together.parsed == len(many)
    for left, right in zip(alone.docs, together.docs, strict=True):
        assert left.text == right.text
        assert _token_rows(left) == _token_rows(right)
        assert {name: [(s.start, s.end, s.label_) for s in group]
                for name, group in left.spans.items()} == \
               {name: [(s.start, s.end, s.label_) for s in group]
                for name, group in right.spans.items()}
    cache = DocCache(tmp_path)
    annotate(many, nlp, cache, jobs=2, min_chars=0)
    assert annotate(many, nlp, cache, jobs=2, min_chars=0).parsed == 0  # cached: not parsed


def test_the_story_is_the_same_in_two_processes(example_dir, example_analysis, monkeypatch):
    """The example's five real-style articles analysed with the parse in two worker
    processes give the same story JSON as one process."""
    from consilience import AnalyzeConfig, analyze, render
    from consilience.annotate import annotator

    monkeypatch.setattr(annotator, "PARALLEL_MIN_CHARS", 0)
    assert annotator.parse_processes(2, ["a", "b"]) == 2
    parallel = analyze([example_dir], AnalyzeConfig(use_cache=False, jobs=2))
    assert parallel.parsed_docs == 5
    assert render(parallel.story, "json", parallel.model) == \
           render(example_analysis.story, "json", example_analysis.model)


def test_docs_load_from_bytes_the_same_with_the_decoders_looked_up_once(nlp):
    import srsly.msgpack
    from spacy.tokens import Doc

    from consilience.annotate.cache import docs_from_bytes

    registry = srsly.msgpack.msgpack_decoders
    decoders = registry.get_all()
    data = annotate(articles(), nlp).docs[0].to_bytes()
    with docs_from_bytes():
        with docs_from_bytes():
            assert registry.get_all() == decoders
        assert "get_all" in vars(registry)  # the inner use left the outer one in place
        fast = Doc(nlp.vocab).from_bytes(data)
    assert "get_all" not in vars(registry)  # srsly's own lookup again
    slow = Doc(nlp.vocab).from_bytes(data)
    assert _token_rows(fast) == _token_rows(slow)
    assert [span.text for span in fast.spans[HEADINGS]] == \
           [span.text for span in slow.spans[HEADINGS]]
