"""Copied passages between articles: spans on both sides, direction, thresholds, scale."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from consilience.config import CopySettings
from consilience.models import Article, Copy
from consilience.provenance.copies import (
    article_passages,
    candidate_pairs,
    find_copies,
    read_words,
)

ORIGINAL_PARAGRAPHS = [
    "The harbour authority said on Tuesday that the northern breakwater would close for repairs "
    "after winter storms cracked its concrete caissons in three places.",
    "Engineers from the regional works department inspected the structure at low tide and found "
    "that the largest crack ran almost four metres along the seaward face. Fishing boats will "
    "use the southern entrance until the work is finished.",
    "The repairs are expected to cost about 2.3 million euros and take at least eleven weeks, "
    "according to a tender notice published by the authority. Local fishermen said the closure "
    "came at the worst possible time, just as the sardine season begins.",
    "A spokeswoman for the authority declined to say whether the breakwater had been inspected "
    "before the storms, adding that a full report would be presented to the council next month.",
]
ORIGINAL = "\n\n".join(ORIGINAL_PARAGRAPHS)

COPIER_INTRO = ("Coastal towns along the bay are bracing for weeks of disruption as a key piece of "
                "maritime infrastructure is taken out of service.")
COPIER_OUTRO = ("Residents who want to comment on the plan can write to the council before the "
                "end of the month, a notice on its website says.")
# Paragraphs 2 and 3 of the original, one word changed in each.
COPIED = [ORIGINAL_PARAGRAPHS[1].replace("largest", "biggest"),
          ORIGINAL_PARAGRAPHS[2].replace("worst", "hardest")]
COPIER = "\n\n".join([COPIER_INTRO, *COPIED, COPIER_OUTRO])

UNRELATED = (
    "The city orchestra announced its new season on Monday with a programme built around "
    "symphonies by composers from northern Europe.\n\n"
    "Tickets go on sale next week, and the orchestra said that students will be able to buy "
    "seats for half the usual price at every concert of the season.\n\n"
    "The conductor, who took up her post two years ago, said she wanted to bring younger "
    "audiences into the hall without abandoning the classics that long-time subscribers love."
)


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def article(identifier: str, text: str, published: str | None = None) -> Article:
    return Article(id=identifier, source=f"{identifier}.txt", text=text, published=published)


def assert_spans_exact(copies: list[Copy], articles: list[Article]) -> None:
    texts = {item.id: item.text for item in articles}
    for copy in copies:
        assert len(copy.spans) == len(copy.of_spans)
        for span in copy.spans:
            assert span.article == copy.article
            assert texts[span.article][span.start:span.end] == span.text
        for span in copy.of_spans:
            assert span.article == copy.of_article
            assert texts[span.article][span.start:span.end] == span.text


def test_copied_paragraphs_with_a_changed_word_are_found_on_both_sides() -> None:
    original = article("orig", ORIGINAL, "2025-03-04")
    copier = article("copy", COPIER, "2025-03-05")
    copies = find_copies([original, copier])
    assert len(copies) == 1
    copy = copies[0]
    assert (copy.article, copy.of_article) == ("copy", "orig")
    assert_spans_exact(copies, [original, copier])
    # The two copied paragraphs are adjacent in both: one passage from "Engineers" to "begins".
    assert len(copy.spans) == 1
    start = COPIER.index("Engineers")
    end = COPIER.index("begins") + len("begins")
    assert (copy.spans[0].start, copy.spans[0].end) == (start, end)
    assert copy.of_spans[0].start == ORIGINAL.index("Engineers")
    assert copy.of_spans[0].end == ORIGINAL.index("begins") + len("begins")
    assert "biggest" in copy.spans[0].text and "largest" in copy.of_spans[0].text
    expected = word_count("\n\n".join(COPIED)) / word_count(COPIER)
    assert copy.overlap == pytest.approx(expected, abs=0.01)
    assert 0.5 < copy.overlap < 0.8


def test_unrelated_articles_give_no_copy() -> None:
    assert find_copies([article("a", ORIGINAL), article("b", UNRELATED)]) == []


def test_the_earlier_published_article_is_the_original_whatever_the_order() -> None:
    # 12:00 in Tokyo is 03:00 UTC, before 09:00 UTC the same day.
    later = article("later", ORIGINAL, "2025-03-04T09:00:00Z")
    earlier = article("earlier", COPIER, "2025-03-04T12:00:00+09:00")
    copies = find_copies([later, earlier])
    assert [(copy.article, copy.of_article) for copy in copies] == [("later", "earlier")]
    # The copier's spans lie in the copier: here, the article holding the whole original.
    assert copies[0].spans[0].text.startswith("Engineers")
    assert copies[0].of_spans[0].text.endswith("begins")
    assert_spans_exact(copies, [later, earlier])


def test_undated_the_article_with_the_smaller_copied_share_is_the_copier() -> None:
    # "long" wraps one copied paragraph in much text of its own; "short" is mostly that
    # paragraph, so "long" is taken as the copier even though it comes first.
    shared = ORIGINAL_PARAGRAPHS[2]
    short = article("short", "\n\n".join([ORIGINAL_PARAGRAPHS[0], shared]))
    long = article("long", "\n\n".join([COPIER_INTRO, shared, UNRELATED, COPIER_OUTRO]))
    copies = find_copies([long, short])
    assert [(copy.article, copy.of_article) for copy in copies] == [("long", "short")]
    assert copies[0].overlap < 0.5


def test_a_verbatim_repeat_has_overlap_one_and_the_first_article_is_the_original() -> None:
    first, second = article("first", ORIGINAL), article("second", ORIGINAL)
    copies = find_copies([first, second])
    assert len(copies) == 1
    assert (copies[0].article, copies[0].of_article, copies[0].overlap) == ("second", "first",
                                                                              1.0)
    assert copies[0].spans[0].text == ORIGINAL.rstrip(".")
    assert_spans_exact(copies, [first, second])


def test_short_shared_phrases_are_not_copies() -> None:
    dateline = "LISBON, March 4 (Reuters) - "
    quote = '"We will not accept this delay," she said.'  # 6-word quote
    left = article("left", dateline + ORIGINAL_PARAGRAPHS[0] + "\n\n" + quote)
    right = article("right", dateline + UNRELATED + "\n\n" + quote)
    assert find_copies([left, right]) == []
    # The same with min_words lowered to the quote's length finds it.
    assert find_copies([left, right], min_words=6) != []


def test_a_copy_across_a_paragraph_break_is_found() -> None:
    # The copier takes the end of paragraph 2 and the start of paragraph 3 as one paragraph.
    piece = ("Fishing boats will use the southern entrance until the work is finished. The "
             "repairs are expected to cost about 2.3 million euros and take at least eleven "
             "weeks, according to a tender notice published by the authority.")
    original = article("orig", ORIGINAL, "2025-03-04")
    copier = article("copy", COPIER_INTRO + " " + piece + "\n\n" + COPIER_OUTRO, "2025-03-06")
    copies = find_copies([original, copier])
    assert len(copies) == 1
    assert_spans_exact(copies, [original, copier])
    of_span = copies[0].of_spans[0]
    assert "\n\n" in of_span.text
    assert of_span.text.startswith("Fishing boats") and of_span.text.endswith("the authority")
    assert copies[0].spans[0].text == piece.rstrip(".")


def test_reordered_passages_and_a_dropped_sentence_are_found() -> None:
    # Paragraph 4 before paragraph 1 (and the first sentence of paragraph 2).
    paragraph_two = ORIGINAL_PARAGRAPHS[1].split(". ")
    three = ORIGINAL_PARAGRAPHS[2].split(". ")
    text = "\n\n".join([ORIGINAL_PARAGRAPHS[3], ORIGINAL_PARAGRAPHS[0], paragraph_two[0] + ".",
                        COPIER_OUTRO])
    original = article("orig", ORIGINAL, "2025-03-04")
    copier = article("copy", text, "2025-03-05")
    copies = find_copies([original, copier])
    assert len(copies) == 1
    assert_spans_exact(copies, [original, copier])
    starts = [span.text[:20] for span in copies[0].spans]
    assert any(start.startswith("A spokeswoman") for start in starts)
    assert any(start.startswith("The harbour") for start in starts)
    # Paragraph 2 dropped between paragraph 1 and the first sentence of paragraph 3: the
    # copier's passage is contiguous, the original's covers what was dropped.
    dropped = "\n\n".join([ORIGINAL_PARAGRAPHS[0], three[0] + "."])
    copies = find_copies([original, article("drop", dropped, "2025-03-05")])
    assert len(copies) == 1 and len(copies[0].spans) == 1
    assert copies[0].spans[0].text == dropped.rstrip(".")
    assert "Engineers" in copies[0].of_spans[0].text


def test_empty_and_very_short_articles_do_not_crash() -> None:
    articles = [article("empty", ""), article("one", "Breaking."), article("blank", " \n\n "),
                article("orig", ORIGINAL), article("short", "Repairs begin."),
                article("dup", ORIGINAL)]
    copies = find_copies(articles)
    assert [(copy.article, copy.of_article, copy.overlap) for copy in copies] == [
        ("dup", "orig", 1.0)]
    assert find_copies([]) == []
    assert find_copies([article("only", ORIGINAL)]) == []
    assert read_words("").words == ()


def test_results_are_deterministic() -> None:
    articles = [article("orig", ORIGINAL), article("copy", COPIER), article("other", UNRELATED)]
    first = find_copies(articles)
    assert first and all(find_copies(articles) == first for _ in range(3))
    assert candidate_pairs(articles) == candidate_pairs(articles)


def test_with_the_parses_passages_are_made_of_spacy_sentences(nlp) -> None:
    articles = [article("orig", ORIGINAL), article("copy", COPIER), article("other", UNRELATED)]
    docs = [nlp(item.text) for item in articles]
    copies = find_copies(articles, docs)
    assert {copy.article for copy in copies} | {copy.of_article for copy in copies} == {
        "orig", "copy"}
    assert copies == find_copies(articles)  # the parse and the text splitter agree here
    assert_spans_exact(copies, articles)
    assert candidate_pairs(articles, docs)


def synthetic_story(count: int, seed: int) -> tuple[list[Article], set[tuple[str, str]]]:
    """`count` articles of random words (no shared text), and three of them that copy a
    paragraph of an earlier one, with one word changed."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcdefghijklmnoprstuvz") for _ in range(rng.randint(3, 9)))
                  for _ in range(3000)]

    def sentence() -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(10, 24))).capitalize()

    def paragraph() -> str:
        return ". ".join(sentence() for _ in range(rng.randint(2, 4))) + "."

    texts = ["\n\n".join(paragraph() for _ in range(rng.randint(4, 8))) for _ in range(count)]
    expected = set()
    for copier, original in ((10, 3), (25, 24), (49, 0)):
        taken = texts[original].split("\n\n")[1].split(" ")
        taken[len(taken) // 2] = "changed"
        texts[copier] += "\n\n" + " ".join(taken)
        expected.add((f"a{copier}", f"a{original}"))
    articles = [article(f"a{index}", text, f"2025-01-{1 + index // 2:02d}")
                for index, text in enumerate(texts)]
    return articles, expected


def test_fifty_articles_are_not_compared_pair_by_pair() -> None:
    articles, expected = synthetic_story(50, seed=3)
    candidates = candidate_pairs(articles)
    passages = [len(article_passages(read_words(item.text), index, 4))
                for index, item in enumerate(articles)]
    all_passage_pairs = (sum(passages) ** 2 - sum(size * size for size in passages)) // 2
    article_pairs = {(left.article, right.article) for left, right in candidates}
    assert all_passage_pairs > 100_000
    assert len(candidates) < 0.001 * all_passage_pairs
    assert len(article_pairs) <= 10 < 50 * 49 // 2
    copies = find_copies(articles)
    assert {(copy.article, copy.of_article) for copy in copies} == expected
    assert_spans_exact(copies, articles)


@pytest.mark.corpus
def test_spans_slice_real_articles_exactly() -> None:
    folder = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear" / "data" / "dev"
    paths = sorted((folder / "text").glob("*.txt"))[:40]
    if not paths:
        pytest.skip("PolNeAR is absent")
    articles = [article(path.stem, path.read_text(encoding="utf-8")) for path in paths]
    articles.append(article("repeat", articles[5].text + "\n\nThis story first ran elsewhere."))
    copies = find_copies(articles)
    assert_spans_exact(copies, articles)
    repeat = [copy for copy in copies if copy.article == "repeat"]
    assert len(repeat) == 1 and repeat[0].of_article == articles[5].id
    assert repeat[0].overlap > 0.9


def test_the_settings_reach_the_alignment() -> None:
    original = article("orig", ORIGINAL, "2025-03-04")
    copier = article("copy", COPIER, "2025-03-05")
    # A changed word splits the passage in two when no gap may join blocks.
    strict = find_copies([original, copier], settings=CopySettings(max_gap=0, min_words=8))
    assert len(strict) == 1 and len(strict[0].spans) >= 2
    assert find_copies([original, copier], settings=CopySettings(min_words=10_000)) == []
    assert find_copies([original, copier], min_words=10_000,
                       settings=CopySettings(min_words=8)) == []  # an argument given wins


def test_numpy_sketches_are_datasketch_s_minhash() -> None:
    from datasketch import MinHash

    from consilience.provenance.candidates import NUM_PERM, SEED, _identity, _shingle_hashes
    from consilience.provenance.copies import minhash_permutations, passage_signatures

    words = read_words(ORIGINAL)
    passages = article_passages(words, 0, 4)
    signatures = passage_signatures(words, passages, 4, minhash_permutations())
    hashes = _shingle_hashes(words.words, 4)
    assert len(passages) == len(signatures) > 3
    for passage, signature in zip(passages, signatures, strict=True):
        sketch = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_identity)
        sketch.update_batch(hashes[passage.first:passage.last - 4 + 1])
        assert sketch.hashvalues.tolist() == signature.tolist()


@pytest.mark.parametrize(("shingle", "threshold"), [(4, 0.5), (8, 0.5), (4, 0.3), (2, 0.8)])
def test_candidate_article_pairs_are_those_of_the_datasketch_index(shingle, threshold) -> None:
    from consilience.provenance.candidates import candidate_articles
    from consilience.provenance.copies import candidate_article_pairs

    rng = random.Random(3)
    texts = [ORIGINAL, COPIER, UNRELATED, ORIGINAL.replace("harbour", "port"), "", "Too short.",
             UNRELATED + "\n\n" + ORIGINAL_PARAGRAPHS[3], ORIGINAL_PARAGRAPHS[0] * 3]
    words = ORIGINAL.split() + UNRELATED.split()
    texts += [" ".join(rng.choice(words) for _ in range(120)) for _ in range(6)]
    articles = [read_words(text) for text in texts]
    expected = candidate_articles(articles, shingle, threshold)
    assert candidate_article_pairs(articles, shingle, threshold) == expected
    if (shingle, threshold) == (4, 0.5):
        assert (0, 1) in expected and (0, 3) in expected and (2, 6) in expected
