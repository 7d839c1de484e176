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
