"""An article's words, sentences and passages for copied-passage detection."""

from __future__ import annotations

from consilience.lang.sentences import parsed_sentence_bounds
from consilience.models import Article
from consilience.provenance.passages import (
    MAX_SENTENCE_WORDS,
    article_passages,
    article_words,
    read_words,
)

TEXT = ("The summit opened on July 1. Leaders met in the capital for two days of talks.\n\n"
        "“We agreed on the main points,” the host said after the last session ended.")


def starts(text: str, words) -> list[str]:
    return [text[words.starts[index]:words.ends[index]] for index in words.sentences]


def test_sentences_start_at_their_first_word_after_any_quotation_mark():
    words = read_words(TEXT)
    assert starts(TEXT, words) == ["The", "Leaders", "We"]
    assert words.words[:3] == ("the", "summit", "opened")


def test_given_sentence_starts_are_used_as_they_are():
    words = read_words(TEXT, [0, TEXT.index("“We")])
    assert starts(TEXT, words) == ["The", "We"]


def test_a_long_run_without_a_sentence_end_is_cut():
    text = " ".join(["word"] * (2 * MAX_SENTENCE_WORDS + 5))
    assert read_words(text).sentences == (0, MAX_SENTENCE_WORDS, 2 * MAX_SENTENCE_WORDS)


def test_the_parse_gives_the_sentences_of_the_words(nlp):
    article = Article(id="a", source="a", text=TEXT)
    doc = nlp(TEXT)
    words, = article_words([article], [doc])
    assert words == read_words(TEXT, [start for start, _ in parsed_sentence_bounds(doc)])
    assert article_words([article]) == [read_words(TEXT)]


def test_passages_are_windows_of_one_to_three_sentences_of_enough_words():
    words = read_words(TEXT)
    passages = article_passages(words, 0, 4)
    assert words.sentences == (0, 6, 16) and len(words.words) == 30
    # (0, 6), the first sentence alone, is under MIN_PASSAGE_WORDS
    assert {(passage.first, passage.last) for passage in passages} == {
        (0, 16), (0, 30), (6, 16), (6, 30), (16, 30)}
    assert all(TEXT[passage.start:passage.end].strip() for passage in passages)
