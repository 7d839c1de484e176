"""Quotes across articles: the same statement linked, altered and miscredited quotes as sides."""

from __future__ import annotations

from consilience.models import Article, Quote, Span
from consilience.provenance import find_quotes, link_quotes
from consilience.provenance.matching import reworded

FULL = "We will rebuild every school in the flooded district before the winter term begins"
TRUNCATED = "We will rebuild every school in the flooded district"
ALTERED = "We will rebuild every school in the flooded valley before the spring term begins"
OTHER = "The harbour will stay closed to fishing boats until the inspection ends"


def quote(article: str, number: int, text: str, speaker: str | None = None,
          speaker_text: str | None = None, direct: bool = True) -> Quote:
    return Quote(id=f"{article}-q{number}", span=Span(article, 10, 10 + len(text), text),
                 direct=direct, speaker=speaker, speaker_text=speaker_text,
                 source_span=Span(article, 0, 9, "Somebody"))


def test_the_same_words_in_two_articles_are_linked_both_ways():
    linked, wording, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"), quote("b", 1, FULL, "e-hale", "Ruth Hale")])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",)]
    assert wording == [] and attribution == []


def test_a_truncated_quote_is_the_same_quote():
    linked, wording, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"),
        quote("b", 1, TRUNCATED, "e-hale", "Ruth Hale")])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",)]
    assert wording == [] and attribution == []


def test_an_unknown_speaker_on_one_side_still_links():
    linked, _, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"), quote("b", 1, FULL)])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",)]
    assert attribution == []


def test_the_same_words_from_two_named_speakers_are_an_attribution_pair():
    linked, wording, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"), quote("b", 1, FULL, "e-cho", "David Cho")])
    assert [item.same_as for item in linked] == [(), ()]
    assert wording == []
    (left, right), = attribution
    assert (left.value, right.value) == ("Ruth Hale", "David Cho")
    assert (left.articles, right.articles) == (("a",), ("b",))
    assert (left.attributed_to, right.attributed_to) == (("Ruth Hale",), ("David Cho",))
    assert left.spans == (Span("a", 0, 9, "Somebody"),)  # where each names its speaker


def test_the_same_speaker_with_altered_words_is_a_wording_pair():
    linked, wording, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"),
        quote("b", 1, ALTERED, "e-hale", "Ruth Hale")])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",)]
    assert attribution == []
    (left, right), = wording
    assert (left.value, right.value) == (FULL, ALTERED)
    assert (left.articles, right.articles) == (("a",), ("b",))
    assert left.spans[0].text == FULL and right.spans[0].text == ALTERED


def test_altered_indirect_speech_is_no_wording_conflict():
    _, wording, _ = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale", direct=False),
        quote("b", 1, ALTERED, "e-hale", "Ruth Hale")])
    assert wording == []


def test_different_statements_are_not_linked():
    linked, wording, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"),
        quote("b", 1, OTHER, "e-hale", "Ruth Hale")])
    assert [item.same_as for item in linked] == [(), ()]
    assert wording == [] and attribution == []


def test_quotes_of_one_article_never_link_to_each_other():
    linked, wording, attribution = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"), quote("a", 2, FULL, "e-hale", "Ruth Hale"),
        quote("a", 3, ALTERED, "e-hale", "Ruth Hale"), quote("a", 4, FULL, "e-cho", "David Cho")])
    assert all(item.same_as == () for item in linked)
    assert wording == [] and attribution == []


def test_a_quote_repeated_in_its_own_article_links_only_across_articles():
    linked, _, _ = link_quotes([
        quote("a", 1, FULL, "e-hale", "Ruth Hale"), quote("a", 2, TRUNCATED, "e-hale", "Ruth Hale"),
        quote("b", 1, FULL, "e-hale", "Ruth Hale")])
    assert [item.same_as for item in linked] == [("b-q1",), ("b-q1",), ("a-q1", "a-q2")]


def test_descriptions_with_the_same_head_word_are_one_speaker():
    linked, _, _ = link_quotes([
        quote("a", 1, FULL, speaker_text="a US defense official"),
        quote("b", 1, FULL, speaker_text="a senior defence official")])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",)]


def test_quotes_too_short_to_compare_are_left_alone():
    linked, _, _ = link_quotes([
        quote("a", 1, "We will win", "e-hale", "Ruth Hale"),
        quote("b", 1, "We will win", "e-hale", "Ruth Hale")])
    assert [item.same_as for item in linked] == [(), ()]


def test_linking_keeps_every_other_field_and_the_order():
    quotes = [quote("a", 1, FULL, "e-hale", "Ruth Hale"), quote("b", 1, OTHER),
              quote("c", 1, TRUNCATED)]
    linked, _, _ = link_quotes(quotes)
    assert [item.id for item in linked] == ["a-q1", "b-q1", "c-q1"]
    for before, after in zip(quotes, linked, strict=True):
        assert (before.span, before.speaker, before.speaker_text, before.direct) == \
            (after.span, after.speaker, after.speaker_text, after.direct)


def test_quotes_found_in_two_articles_link_end_to_end(nlp):
    texts = {
        "a": 'Ruth Hale said "we will rebuild every school in the flooded district before the '
             'winter term begins."',
        "b": "Speaking on Tuesday, Ruth Hale was firm. "
             '"We will rebuild every school in the flooded district," she said.',
        "c": '"We will rebuild every school in the flooded district before the winter term '
             'begins," David Cho said.',
    }
    quotes: list[Quote] = []
    for article_id, text in texts.items():
        article = Article(id=article_id, source=f"{article_id}.txt", text=text)
        doc = nlp(text)
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        mentions = {article_id: [(ent.start_char, ent.end_char,
                                  "p-" + ent.text.split()[-1].casefold()) for ent in people]}
        names = {"p-hale": "Ruth Hale", "p-cho": "David Cho"}
        quotes.extend(find_quotes(article, doc, mentions, names))
    assert [item.speaker for item in quotes] == ["p-hale", "p-hale", "p-cho"]
    linked, wording, attribution = link_quotes(quotes)
    by_id = {item.id: item for item in linked}
    assert by_id["a-q1"].same_as == ("b-q1",)
    assert by_id["b-q1"].same_as == ("a-q1",)
    assert by_id["c-q1"].same_as == ()
    assert wording == []
    sides = {frozenset(side.value for side in pair) for pair in attribution}
    assert frozenset({"Ruth Hale", "David Cho"}) in sides


def test_renderings_of_different_stretches_of_one_statement_are_no_wording_conflict():
    statement = ("We will bring back our jobs. We will bring back our borders. We will bring "
                 "back our wealth. And we will bring back our dreams.")
    earlier = ("I will fight for you with every breath in my body, and I will never, ever let "
               "you down. … We will bring back our jobs, we will bring back our borders, we "
               "will bring back our wealth and we will bring back our dreams.")
    later = "America will start winning again, winning like never before. " + statement
    linked, wording, _ = link_quotes([quote("a", 1, earlier, "e-t", "Trump"),
                                      quote("b", 1, later, "e-t", "Trump")])
    assert linked[0].same_as == ("b-q1",) and wording == []


def test_words_replaced_inside_the_shared_stretch_are_a_wording_conflict():
    assert reworded("The US is now taking a tough stance towards its allies in the "
                    "Asia-Pacific region.",
                    "The US is now playing hardball with allies in the Asia-Pacific.")
    assert not reworded("We will rebuild every school, in the district.",
                        "we will rebuild every school in the district")
    assert not reworded(FULL, TRUNCATED)
    assert reworded(FULL, ALTERED)


def test_descriptions_that_mean_the_same_are_one_speaker():
    linked, _, _ = link_quotes([
        quote("a", 1, FULL, speaker_text="the ad"),
        quote("b", 1, FULL, speaker_text="the advertisement"),
        quote("c", 1, FULL, speaker_text="the reporter")])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",), ()]


def test_a_word_changed_among_the_same_content_words_is_a_wording_conflict():
    # every content word of the shorter rendering is in the longer one ("got" is the
    # longer's own), so the two share all their words, yet one was changed
    said = "My name is the Grand Party, and I got a problem with spending money."
    quoted = "My name is the Grand Party and I have a problem with spending money!"
    _, wording, _ = link_quotes([quote("a", 1, said, "e-hale", "Ruth Hale"),
                                 quote("b", 1, quoted, "e-hale", "Ruth Hale")])
    (left, right), = wording
    assert (left.value, right.value) == (said, quoted)


def test_a_contraction_is_not_a_rewording_but_a_changed_small_word_is():
    assert not reworded("We're asking the council to open the parks now.",
                        "We are asking the council to open the parks now")
    assert not reworded("It's not enough just to show up.", "It is not enough just to show up")
    assert reworded("We are asking the council to open up parks.",
                    "We're asking the council to open the parks.")
    assert reworded("you don't need to be in the pew every Sunday to know it",
                    "you don't need to be in the pews every Sunday to know it")


def test_the_same_long_words_from_a_named_person_and_a_description_are_one_quote():
    said = "With all due respect, I completely disagree with Representative Hale's budget plan"
    quoted = "With all due respect, I completely disagree with Hale's budget plan"
    linked, wording, attribution = link_quotes([
        quote("a", 1, said, "e-cho", "David Cho"),
        quote("b", 1, quoted, None, "the Republican leader")])
    assert [item.same_as for item in linked] == [("b-q1",), ("a-q1",)]
    assert len(wording) == 1 and attribution == []
    # a few words are not enough to say a description is the named person
    linked, _, _ = link_quotes([quote("a", 1, "rebuild every school district", "e-cho", "Cho"),
                                quote("b", 1, "rebuild every school district", None,
                                      "the leader")])
    assert linked[0].same_as == ()


def test_an_ampersand_for_and_is_not_a_rewording():
    assert not reworded("both believe that conservation & healthy herds are critical",
                        "both believe that conservation and healthy herds are critical")


def test_a_speaker_one_outlet_resolved_is_the_one_the_other_describes_alike():
    # one outlet's "the ad says" was credited to the campaign that released it; the other
    # outlet's "the advertisement says" stays a description: one speaker, reworded
    resolved = Quote(id="a-q1", span=Span("a", 10, 60, "You paid into Medicare for years, "
                                                        "every single paycheck, they said."),
                     direct=True, speaker="e-campaign", speaker_text="Campaign of Ruth Hale",
                     source_span=Span("a", 0, 6, "The ad"))
    described = quote("b", 1, "You paid in to Medicare for years, every paycheck, they said.",
                      None, "the advertisement")
    linked, wording, attribution = link_quotes([resolved, described])
    assert linked[0].same_as == ("b-q1",) and len(wording) == 1 and attribution == []
    # a named speaker's own words ("Ruth Hale") are no description to compare
    named = quote("c", 1, "You paid in to Medicare for years, every paycheck, they said.",
                  "e-hale", "Ruth Hale")
    assert link_quotes([named, described])[0][0].same_as == ()
