"""Story features of one article: names by their capitals, sentence starts from the shared
text splitter."""

from __future__ import annotations

from consilience.cluster.features import named_entities


def test_a_name_after_an_abbreviated_title_is_not_taken_for_a_sentence_start():
    names = named_entities("Officials met on Monday with Dr. Vellmar and Gen. Okonkwo.")
    assert "vellmar" in names and "okonkwo" in names


def test_capitals_after_a_colon_or_an_opening_quote_say_nothing():
    names = named_entities('The mayor said: Rebuilding starts now. He added "Zeltenberg waits."')
    assert "rebuilding" not in names and "zeltenberg" not in names


def test_a_line_start_is_a_sentence_start():
    assert "zeltenberg" not in named_entities("Storm damage\nZeltenberg walls cracked.")
