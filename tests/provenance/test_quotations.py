"""Quotation marks: pairing within paragraphs, quotes over several paragraphs, bad marks."""

from __future__ import annotations

import pytest

from consilience.provenance import find_quotations


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in find_quotations(text)]


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("“", "”"), ("«", "»")])
def test_straight_and_curly_marks_give_the_words_between_them(opening, closing):
    text = f"The mayor said {opening}the harbour will reopen on Friday{closing} and left."
    assert quoted(text) == ["the harbour will reopen on Friday"]


def test_several_quotes_in_one_paragraph_are_paired_in_order():
    text = 'She called it "a slow start" and then "a steady recovery" in one breath.'
    assert quoted(text) == ["a slow start", "a steady recovery"]


def test_offsets_exclude_the_marks_and_index_the_text():
    text = "Before. “Every word inside counts.” After."
    (start, end), = find_quotations(text)
    assert text[start - 1] == "“" and text[end] == "”"
    assert text[start:end] == "Every word inside counts."


@pytest.mark.parametrize("mark", ['"', "“"])
def test_an_opening_mark_never_closed_ends_with_its_paragraph(mark):
    text = (f"The mayor said {mark}we will rebuild the harbour by the spring.\n\n"
            "The council met on Tuesday to discuss the budget.\n\n"
            "Officials said the plan was costly.")
    ranges = find_quotations(text)
    assert [text[start:end] for start, end in ranges] == [
        "we will rebuild the harbour by the spring."]
    first_break = text.index("\n\n")
    assert all(end <= first_break for _, end in ranges)


def test_an_unclosed_mark_after_a_closed_quote_does_not_swallow_the_next_paragraph():
    text = ('She said "one two three" and "four five six.\n\n'
            "Next paragraph is plain reporting.")
    assert quoted(text) == ["one two three", "four five six."]


@pytest.mark.parametrize("text", ["", '"', "“", "”", '"\n\n"', "“\n\n“\n\n“", 'He said "'])
def test_marks_with_no_words_give_no_quotation(text):
    assert find_quotations(text) == []


def test_a_stray_closing_mark_is_ignored():
    text = 'The word ” stray here. Then "a quoted part here" was heard.'
    assert quoted(text) == ["a quoted part here"]


def test_single_quotes_inside_double_quotes_are_one_quotation():
    text = "Helen Park said: \"The committee told us 'no more delays' and we listened.\""
    assert quoted(text) == ["The committee told us 'no more delays' and we listened."]


def test_curly_single_quotes_inside_curly_double_quotes_are_one_quotation():
    text = "Park said: “They promised ‘a fresh start’ for the whole town.” Then she left."
    assert quoted(text) == ["They promised ‘a fresh start’ for the whole town."]


def test_single_quotes_alone_are_apostrophes_not_quotations():
    assert find_quotations("He said 'single quoted words here' on the mayor's behalf.") == []


def test_a_quote_over_several_paragraphs_is_one_quotation():
    text = ("“The first paragraph of the statement begins here.\n\n"
            "“The second paragraph keeps the statement going.\n\n"
            "“The third paragraph finally ends it.”\n\n"
            "The hearing then adjourned for the day.")
    (start, end), = find_quotations(text)
    assert text[start:].startswith("The first paragraph")
    assert text[:end].endswith("finally ends it.")
    assert end < text.index("The hearing")


def test_an_article_that_is_one_long_quote_ends_with_the_article():
    text = ('"We have waited for years for this road to be built.\n\n'
            '"The families here deserve safe streets and good schools.\n\n'
            '"Nobody in this town will forget what happened')
    (start, end), = find_quotations(text)
    assert start == 1
    assert end == len(text)


def test_a_carried_quote_left_open_ends_with_its_last_paragraph():
    text = ("“The first paragraph opens the statement.\n\n"
            "“The second paragraph carries it on and never closes.\n\n"
            "The third paragraph is plain reporting.")
    (start, end), = find_quotations(text)
    assert text[start:end].startswith("The first paragraph")
    assert text[start:end].endswith("never closes.")
