from consilience.models import Article, Span
from consilience.render.spans import FULL_TEXT_LIMIT, Gap, Segment, SpanIndex, article_view


def _span(article: Article, start: int, end: int) -> Span:
    return Span(article.id, start, end, article.text[start:end])


def test_segments_rebuild_the_text_and_name_every_covering_span():
    article = Article("a1", "a.txt", "The talks were postponed on Monday, officials said.")
    index = SpanIndex()
    outer = index.anchor(_span(article, 0, 34))
    inner = index.anchor(_span(article, 4, 9))
    late = index.anchor(_span(article, 36, 51))
    parts, truncated = article_view(article, index)
    assert not truncated
    assert "".join(part.text for part in parts if isinstance(part, Segment)) == article.text
    covering = {part.text: part.spans for part in parts if isinstance(part, Segment)}
    assert set(covering["talks"]) == {outer, inner}
    assert covering["The "] == (outer,)
    assert covering[", "] == ()
    assert covering["officials said."] == (late,)
    starts = [anchor for part in parts if isinstance(part, Segment) for anchor in part.starts]
    assert sorted(starts) == sorted([outer, inner, late])


def test_the_same_span_gets_one_anchor_and_other_articles_do_not_mix():
    first = Article("a1", "a.txt", "Alpha beta gamma.")
    second = Article("a2", "b.txt", "Alpha beta gamma.")
    index = SpanIndex()
    one = index.anchor(_span(first, 0, 5))
    assert index.anchor(_span(first, 0, 5)) == one
    two = index.anchor(_span(second, 0, 5))
    assert two != one and len(index) == 2
    assert index.spans_of("a2") == [(0, 5, two)]


def test_an_enormous_article_shows_its_opening_and_cited_windows_with_counted_gaps():
    text = ("word " * (FULL_TEXT_LIMIT // 2))
    article = Article("big", "big.txt", text)
    index = SpanIndex()
    cited = index.anchor(_span(article, 60_000, 60_010))
    parts, truncated = article_view(article, index)
    assert truncated
    gaps = [part for part in parts if isinstance(part, Gap)]
    shown = sum(len(part.text) for part in parts if isinstance(part, Segment))
    assert len(gaps) == 2 and shown + sum(gap.size for gap in gaps) == len(text)
    assert any(cited in part.spans for part in parts if isinstance(part, Segment))
    assert shown < 10_000


def test_a_temporal_expression_is_its_own_segment_labelled_with_its_value():
    from consilience.models import TemporalExpression

    article = Article("a1", "a.txt", "The talks were postponed on Monday, officials said.")
    index = SpanIndex()
    index.anchor(_span(article, 4, 30))
    monday = TemporalExpression(_span(article, 28, 34), "date", "2025-06-16", "day")
    elsewhere = TemporalExpression(Span("a2", 0, 3, "Now"), "date", "PRESENT_REF")
    parts, _ = article_view(article, index, [monday, elsewhere])
    segments = [part for part in parts if isinstance(part, Segment)]
    assert "".join(part.text for part in segments) == article.text
    labelled = {part.text: part.timex for part in segments if part.timex}
    # the expression is cut where the cited span ends, each piece labelled
    assert labelled == {"Mo": "date: 2025-06-16", "nday": "date: 2025-06-16"}
