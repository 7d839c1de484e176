"""Checks on quote conflicts: renderings that really differ, credits that really clash."""

from __future__ import annotations

from consilience.conflicts.quoted import (
    attribution_disagrees,
    quoted_alike,
    share_more_than_names,
    wording_disagrees,
)
from consilience.models import ConflictSide, Span


def rendering(article: str, text: str, words: str) -> ConflictSide:
    """A wording side: the quoted `words` where they stand in `text`."""
    start = text.index(words)
    return ConflictSide(words, (article,), (Span(article, start, start + len(words), words),))


def credit(article: str, text: str, speaker: str, words: str) -> ConflictSide:
    """An attribution side: `speaker` credited through `words` of `text`."""
    start = text.index(words)
    return ConflictSide(speaker, (article,), (Span(article, start, start + len(words), words),),
                        (speaker,))


def test_a_reworded_quote_disagrees():
    first = "The mayor said: \u201cThe city is now taking a tough stance on creditors.\u201d"
    second = "\u201cThe city is now playing hardball with creditors,\u201d the mayor said."
    sides = [rendering("a", first, "The city is now taking a tough stance on creditors."),
             rendering("b", second, "The city is now playing hardball with creditors")]
    assert wording_disagrees(sides, {"a": first, "b": second})


def test_two_statements_sharing_only_names_are_no_wording_conflict():
    first = "\u201cAcme Bank has not changed its view on Main Street,\u201d a spokesman said."
    second = "\u201cFor years Acme Bank fought every plan for Main Street,\u201d a critic said."
    sides = [rendering("a", first, "Acme Bank has not changed its view on Main Street"),
             rendering("b", second, "For years Acme Bank fought every plan for Main Street")]
    assert not share_more_than_names(sides[0].value, sides[1].value)
    assert not wording_disagrees(sides, {"a": first, "b": second})


def test_names_in_another_order_still_share_the_statement():
    assert share_more_than_names("Alpha, Bravo and Charlie", "Bravo, Alpha and Charlie")


def test_an_editorial_insertion_is_not_a_rewording():
    first = "He vowed to \u201c[Mayor John] Smith's war on parks\u201d and more."
    second = "\u201cAs mayor, I'll end Smith's war on parks,\u201d Jones said."
    sides = [rendering("a", first, "[Mayor John] Smith's war on parks"),
             rendering("b", second, "As mayor, I'll end Smith's war on parks")]
    assert quoted_alike(sides[0].value, second)
    assert not wording_disagrees(sides, {"a": first, "b": second})


def test_a_fragment_the_other_article_quotes_verbatim_is_no_wording_conflict():
    first = "She wrote that the \u201cpark budget decision on hold.\u201d"
    second = ("\u201cPut park budget decision on hold until I review the facts,\u201d she wrote. "
              "Later: \u201cPark budget decision will be announced next week.\u201d")
    sides = [rendering("a", first, "park budget decision on hold."),
             rendering("b", second, "Park budget decision will be announced next week.")]
    assert not wording_disagrees(sides, {"a": first, "b": second})


def test_a_pronoun_credit_is_no_attribution_conflict():
    first = "\u201cWe will rebuild the bridge by May,\u201d Jane Doe said."
    second = "The council met.\n\n\u201cWe will rebuild the bridge by May,\u201d she said."
    sides = [credit("a", first, "Jane Doe", "Jane Doe"),
             credit("b", second, "Ann Roe", "she")]
    assert not attribution_disagrees(sides, {"a": first, "b": second})


def test_the_other_speaker_named_beside_the_credit_is_no_attribution_conflict():
    first = "\u201cWe will rebuild the bridge by May,\u201d Jane Doe said."
    second = ("\u201cWe will rebuild the bridge by May,\u201d Ms. Doe said.\n\n"
              "Ann Roe, her rival, called the plan a stunt.")
    sides = [credit("a", first, "Jane Doe", "Jane Doe"),
             credit("b", second, "Ann Roe", "Ann Roe")]
    assert not attribution_disagrees(sides, {"a": first, "b": second})


def test_the_same_words_credited_by_name_to_two_people_clash():
    first = "\u201cWe will rebuild the bridge by May,\u201d Jane Doe said."
    second = ("The council met on Monday.\n\n"
              "\u201cWe will rebuild the bridge by May,\u201d Ann Roe said.")
    sides = [credit("a", first, "Jane Doe", "Jane Doe"),
             credit("b", second, "Ann Roe", "Ann Roe")]
    assert attribution_disagrees(sides, {"a": first, "b": second})
