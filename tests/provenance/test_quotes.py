"""Quotes with their speakers: direct and indirect, pronouns, carried speakers, bad marks."""

from __future__ import annotations

import re

import pytest

from consilience.models import Article, Quote, Span
from consilience.provenance import find_quotes


def person_id(name: str) -> str:
    return "p-" + name.split()[-1].casefold()


def quotes_of(nlp, text: str, article_id: str = "a1") -> tuple[Article, list[Quote]]:
    """The quotes of one article, its PERSON entities given as the entity stage would."""
    article = Article(id=article_id, source=f"{article_id}.txt", text=text)
    doc = nlp(text)
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    mentions = {article_id: [(ent.start_char, ent.end_char, person_id(ent.text))
                             for ent in people]}
    names = {person_id(ent.text): ent.text for ent in people}
    return article, find_quotes(article, doc, mentions, names)


def assert_points_into(article: Article, span: Span | None) -> None:
    assert span is not None
    assert span.article == article.id
    assert article.text[span.start:span.end] == span.text
    assert span.text and span.text == span.text.strip()


def assert_spans_hold(article: Article, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert_points_into(article, quote.span)
        if quote.cue_span is not None:
            assert_points_into(article, quote.cue_span)
            assert quote.cue is not None
            assert quote.cue.casefold() == quote.cue_span.text.casefold()
        if quote.source_span is not None:
            assert_points_into(article, quote.source_span)


def only(quotes: list[Quote], direct: bool | None = None) -> Quote:
    found = [quote for quote in quotes if direct is None or quote.direct == direct]
    assert len(found) == 1, [(quote.span.text, quote.direct) for quote in found]
    return found[0]


# direct quotes


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("“", "”")])
def test_a_direct_quote_with_straight_or_curly_marks_gets_its_speaker(nlp, opening, closing):
    text = f"Anna Berg said {opening}the harbour will reopen next week for all ships.{closing}"
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert quote.direct
    assert quote.span.text == "the harbour will reopen next week for all ships."
    assert quote.speaker == "p-berg"
    assert quote.speaker_text == "Anna Berg"
    assert quote.cue == "said"
    assert quote.source_span.text == "Anna Berg"
    assert_spans_hold(article, quotes)


def test_a_speaker_after_the_quote_is_found(nlp):
    article, quotes = quotes_of(
        nlp, "“We will rebuild every school in the district,” said Mayor Ruth Hale.")
    quote = only(quotes)
    assert quote.span.text == "We will rebuild every school in the district"
    assert quote.speaker == "p-hale"
    assert quote.speaker_text == "Ruth Hale"
    assert "Ruth Hale" in quote.source_span.text
    assert_spans_hold(article, quotes)


def test_a_partial_quote_inside_a_sentence_is_direct_with_the_subject_as_speaker(nlp):
    text = ('The opposition leader Mark Owen described it as "a tactical and deliberate move" '
            "on Monday.")
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert quote.direct
    assert quote.span.text == "a tactical and deliberate move"
    assert quote.speaker == "p-owen"
    assert quote.speaker_text == "Mark Owen"
    assert quote.cue == "described"
    assert quote.source_span.text.endswith("Mark Owen")
    assert_spans_hold(article, quotes)


def test_a_quote_over_two_sentences_is_one_quote(nlp):
    article, quotes = quotes_of(nlp, '"We will not back down. We never have," she said.')
    quote = only(quotes)
    assert quote.direct
    assert quote.span.text == "We will not back down. We never have"
    assert quote.cue == "said"
    assert quote.speaker is None  # nobody is named before the pronoun
    assert quote.speaker_text == "she"
    assert_spans_hold(article, quotes)


def test_he_said_after_the_quote_resolves_to_the_person_named_earlier(nlp):
    text = ("Sarah Lind arrived at the court on Monday morning. "
            '"Our client is innocent of every charge," she said.')
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert quote.span.text == "Our client is innocent of every charge"
    assert quote.speaker == "p-lind"
    assert quote.speaker_text == "Sarah Lind"
    assert quote.source_span.text == "she"
    assert quote.cue_span.text == "said"
    assert_spans_hold(article, quotes)


def test_a_pronoun_resolves_to_the_nearest_person_before_it(nlp):
    text = ("Ruth Hale praised the crews. Later David Cho arrived. "
            '"We will not back down from this fight," he said.')
    _, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert (quote.speaker, quote.speaker_text) == ("p-cho", "David Cho")


def test_a_quote_following_a_credited_one_carries_its_speaker(nlp):
    text = ("Tom Reyes spoke after the vote. "
            '"We did everything we could for the town," he said. '
            '"The rest is up to the voters now."')
    article, quotes = quotes_of(nlp, text)
    first, second = quotes
    assert first.speaker == second.speaker == "p-reyes"
    assert second.speaker_text == "Tom Reyes"
    assert second.span.text == "The rest is up to the voters now."
    # the carried quote points at the words that name its speaker, before it
    assert second.source_span == first.source_span and second.cue_span == first.cue_span
    assert_spans_hold(article, quotes)


def test_a_quote_with_no_speaker_is_still_a_quote(nlp):
    text = ("The bridge collapsed late on Sunday night.\n\n"
            '"Somebody has to pay for the broken bridge over the river."\n\n'
            "The river rose again on Monday.")
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert quote.direct
    assert quote.span.text == "Somebody has to pay for the broken bridge over the river."
    assert quote.speaker is None and quote.speaker_text is None
    assert quote.cue is None and quote.cue_span is None and quote.source_span is None
    assert_spans_hold(article, quotes)


def test_an_uncredited_quote_is_not_credited_to_the_next_speakers_own_statement(nlp):
    text = ('"Somebody has to pay for the broken bridge over the river." '
            "The minister said that the plant would close.")
    _, quotes = quotes_of(nlp, text)
    quote = only(quotes, direct=True)
    assert quote.speaker_text is None


def test_single_quotes_nested_in_double_quotes_make_one_quote(nlp):
    text = "Helen Park said: \"The committee told us 'no more delays' and we listened carefully.\""
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert quote.span.text == "The committee told us 'no more delays' and we listened carefully."
    assert quote.speaker_text == "Helen Park"
    assert_spans_hold(article, quotes)


def test_a_scare_quote_of_a_word_or_two_is_not_a_quote(nlp):
    _, quotes = quotes_of(nlp, 'The so-called "peace dividend" never arrived in the town.')
    assert quotes == []


# bad marks


@pytest.mark.parametrize("mark", ['"', "“"])
def test_an_unclosed_quote_ends_with_its_paragraph(nlp, mark):
    text = (f"The mayor said {mark}we will rebuild the harbour by the spring.\n\n"
            "The storm damaged forty homes in the valley. "
            "Officials said the repairs would cost millions.")
    article, quotes = quotes_of(nlp, text)
    first_break = text.index("\n\n")
    direct = only(quotes, direct=True)
    assert direct.span.text == "we will rebuild the harbour by the spring."
    assert direct.speaker_text == "The mayor"
    assert all(quote.span.end <= first_break for quote in quotes if quote.direct)
    later = only(quotes, direct=False)
    assert later.span.start > first_break
    assert later.speaker_text == "Officials"
    assert_spans_hold(article, quotes)


@pytest.mark.parametrize("text", ["", '"', '"""', "“\n\n“\n\n“", 'He said "', "“”"])
def test_texts_of_bare_marks_give_no_quotes_and_no_error(nlp, text):
    assert quotes_of(nlp, text)[1] == []


def test_an_article_that_is_one_long_quote_is_one_quote(nlp):
    text = ('"We have waited for years for this road to be built.\n\n'
            '"The families here deserve safe streets and good schools.\n\n'
            '"Nobody in this town will forget what the council promised."')
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert quote.direct
    assert quote.span.text.startswith("We have waited")
    assert quote.span.text.endswith("what the council promised.")
    assert quote.speaker is None
    assert_spans_hold(article, quotes)


# indirect speech


def test_reported_speech_with_that_is_an_indirect_quote(nlp):
    article, quotes = quotes_of(nlp, "The minister said that the plant would close.")
    quote = only(quotes)
    assert not quote.direct
    assert quote.span.text.endswith("the plant would close")
    assert quote.speaker is None
    assert quote.speaker_text == "The minister"
    assert quote.cue == "said"
    assert quote.cue_span.text == "said"
    assert quote.source_span.text == "The minister"
    assert_spans_hold(article, quotes)


def test_according_to_is_an_indirect_quote_with_its_cue_and_source(nlp):
    article, quotes = quotes_of(nlp, "According to Reuters, the plant will close.")
    quote = only(quotes)
    assert not quote.direct
    assert quote.span.text == "the plant will close"
    assert quote.speaker_text == "Reuters"
    assert quote.cue.casefold() == "according to"
    assert quote.cue_span.text == "According to"
    assert quote.source_span.text == "Reuters"
    assert_spans_hold(article, quotes)


def test_a_described_speaker_keeps_its_description(nlp):
    text = "On Monday, a senior defence official said the troops would leave the border."
    article, quotes = quotes_of(nlp, text)
    quote = only(quotes)
    assert not quote.direct
    assert quote.speaker is None
    assert quote.speaker_text == "a senior defence official"
    assert quote.source_span.text == "a senior defence official"
    assert quote.span.text == "the troops would leave the border"
    assert_spans_hold(article, quotes)


def test_a_named_indirect_speaker_gets_the_entity_and_its_name(nlp):
    article = Article(id="a1", source="a1.txt",
                      text="Dr Lena Vogt said that the vaccine trial would resume in June.")
    doc = nlp(article.text)
    start = article.text.index("Lena Vogt")
    mentions = {"a1": [(start, start + len("Lena Vogt"), "e7")]}
    quote = only(find_quotes(article, doc, mentions, {"e7": "Helena Vogt"}))
    assert quote.speaker == "e7"
    assert quote.speaker_text == "Helena Vogt"


def test_direct_words_are_not_reported_again_as_indirect_speech(nlp):
    _, quotes = quotes_of(nlp, 'Anna Berg said "the harbour will reopen next week for all ships."')
    assert [quote.direct for quote in quotes] == [True]


# the whole article


MIXED = ("Sarah Lind arrived at the court on Monday morning. "
         '"Our client is innocent of every charge," she said. '
         '"We will appeal if we must."\n\n'
         "According to Reuters, the hearing will resume next week. "
         "A court spokesman said that the judge had fallen ill.\n\n"
         'The prosecutor called the delay "deeply regrettable for the families" in a statement.'
         "\n\nThe mayor said “the town will stand by the victims")


def test_every_span_of_every_quote_indexes_the_article_text(nlp):
    article, quotes = quotes_of(nlp, MIXED)
    assert len(quotes) >= 6
    assert {quote.direct for quote in quotes} == {True, False}
    assert any(quote.cue_span for quote in quotes)
    assert any(quote.source_span for quote in quotes)
    assert_spans_hold(article, quotes)


def test_quote_ids_are_numbered_in_text_order(nlp):
    _, quotes = quotes_of(nlp, MIXED, article_id="bbc")
    assert [quote.id for quote in quotes] == [f"bbc-q{n}" for n in range(1, len(quotes) + 1)]
    starts = [quote.span.start for quote in quotes]
    assert starts == sorted(starts)
    assert all(re.fullmatch(r"bbc-q\d+", quote.id) for quote in quotes)
    assert all(quote.span.article == "bbc" for quote in quotes)


def test_the_unclosed_quote_at_the_end_of_the_article_is_found(nlp):
    _, quotes = quotes_of(nlp, MIXED)
    last = quotes[-1]
    assert last.direct
    assert last.span.text == "the town will stand by the victims"
    assert last.speaker_text == "The mayor"


def test_a_pronoun_speaker_is_the_subject_not_the_person_attacked(nlp):
    text = ("Governor Rick Stone attacked President Paul Grant in a new ad on Tuesday. "
            '"This administration is at war with people of faith," he said.')
    _, quotes = quotes_of(nlp, text)
    assert (only(quotes).speaker, only(quotes).speaker_text) == ("p-stone", "Rick Stone")


def test_a_name_inside_the_quoted_words_is_not_the_speaker(nlp):
    text = ("Senator Anna Berg spoke to reporters on Monday. "
            '"Paul Grant has failed the country, and Paul Grant knows it," she said.')
    _, quotes = quotes_of(nlp, text)
    assert only(quotes).speaker == "p-berg"


def test_she_goes_to_the_woman_the_article_calls_mrs(nlp):
    text = ("Mrs. Lena Hart met Mr. Tom Webb in Iowa on Friday, and Mr. Webb spoke first. "
            '"We know about the secret deals," she said.')
    _, quotes = quotes_of(nlp, text)
    assert only(quotes).speaker == "p-hart"


def test_a_speaker_described_by_role_is_the_person_named_just_before(nlp):
    text = ("Rick Stone released a new television ad in Iowa on Tuesday. "
            '"As president, I will end this war on religion," the Texas governor says.')
    _, quotes = quotes_of(nlp, text)
    assert (only(quotes).speaker, only(quotes).speaker_text) == ("p-stone", "Rick Stone")


def test_a_pronoun_after_another_person_leads_a_sentence_is_that_person(nlp):
    # the speaker credited before is not the pronoun's person once another person has been
    # made the subject of a sentence in between
    text = ('"They are now feeling the heat," Tom Webb said.\n\n'
            "Lena Hart, who is expected to lead the council on Thursday, intends to pass "
            "the budget first.\n\n"
            '"We are asking the mayor to open the parks," she told reporters.')
    _, quotes = quotes_of(nlp, text)
    assert [quote.speaker for quote in quotes] == ["p-webb", "p-hart"]


def test_a_story_person_the_parser_did_not_tag_still_leads_a_sentence(nlp):
    # the parser tags no name in the middle sentence; the entity stage knows "Okafor" is a
    # story person (from the rest of the story), so "she" is her, not the speaker before
    text = ('"They are now feeling the heat," Tom Webb said.\n\n'
            "Okafor, who is expected to return to the council speakership Thursday afternoon "
            "after eight years as minority leader, intends as her first action to pass "
            "spending bills that won support last year.\n\n"
            '"We are asking the mayor to open the parks," she told reporters.')
    article = Article(id="a1", source="a1.txt", text=text)
    doc = nlp(text)
    assert "Okafor" not in {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    webb, okafor = text.index("Tom Webb"), text.index("Okafor")
    mentions = {"a1": [(webb, webb + len("Tom Webb"), "p-webb"),
                       (okafor, okafor + len("Okafor"), "p-okafor")]}
    names = {"p-webb": "Tom Webb", "p-okafor": "Ada Okafor"}
    quotes = find_quotes(article, doc, mentions, names,
                         types={"p-webb": "PERSON", "p-okafor": "PERSON"})
    assert [quote.speaker for quote in quotes] == ["p-webb", "p-okafor"]
    assert quotes[-1].speaker_text == "Ada Okafor"
    # without knowing who the story's people are, "she" is nobody named: not Tom Webb, a man
    assert find_quotes(article, doc, mentions, names)[-1].speaker is None


def test_a_pronoun_is_not_a_person_whose_given_name_is_of_the_other_gender(nlp):
    text = ('"They are now feeling the heat," Tom Webb said.\n\n'
            "The council thanked Nancy Hart on Monday.\n\n"
            '"We are asking the mayor to open the parks," she told reporters.')
    _, quotes = quotes_of(nlp, text)
    assert [quote.speaker for quote in quotes] == ["p-webb", "p-hart"]


def test_an_office_said_right_after_a_named_speaker_is_that_speaker(nlp):
    # the article never wrote "Gov. Perry"; the office is the speaker of the lines before
    text = ('Republican presidential candidate Tom Reyes pledges to end the war in a new ad.\n\n'
            '"I am not ashamed to admit I am a Christian," says Reyes. "But you do not need to '
            'be in the pews every Sunday to know that something is wrong."\n\n'
            '"As president, I will fight for our heritage," the Texas governor continues.')
    _, quotes = quotes_of(nlp, text)
    assert quotes[-1].speaker == "p-reyes"


def test_a_tag_after_a_quote_is_in_its_paragraph_not_the_next(nlp):
    # the next paragraph's "citing" is its own sentence; the bare quote goes on the speaker
    text = ('"The piece was a disgrace to journalism," Tom Reyes told reporters on Friday.\n\n'
            '"It has lost tremendous credibility."\n\n'
            "Ann Lee published the story on Thursday, citing two law enforcement officials.")
    _, quotes = quotes_of(nlp, text)
    assert [quote.speaker for quote in quotes] == ["p-reyes", "p-reyes"]


def test_a_statement_that_speaks_is_its_issuer(nlp):
    text = ('"The minister refused to say the words. For that reason alone, he should step '
            'down," Tom Reyes said in a statement released by his campaign on Sunday.\n\n'
            '"If we do not get tough and smart real fast, we are not going to have a country '
            'anymore. Our leaders are weak," the statement continued.')
    _, quotes = quotes_of(nlp, text)
    assert [quote.speaker for quote in quotes] == ["p-reyes", "p-reyes"]


def test_a_body_spoken_of_again_is_the_body_named_lately(nlp):
    text = ("Hunters cheered the decision. The Safari Club International praised the Fish "
            "and Wildlife Service in a release on Tuesday.\n\n"
            '"The news from Africa could not have been better for hunters," the group wrote.')
    article = Article(id="a1", source="a1.txt", text=text)
    doc = nlp(text)
    club, service = text.index("Safari Club"), text.index("Fish and")
    mentions = {"a1": [(club, club + len("Safari Club International"), "o-club"),
                       (service, service + len("Fish and Wildlife Service"), "o-fws")]}
    names = {"o-club": "Safari Club International", "o-fws": "Fish and Wildlife Service"}
    types = {"o-club": "ORG", "o-fws": "ORG"}
    # the club did the praising (the subject); the Service is only named after it
    (quote,) = find_quotes(article, doc, mentions, names, types)
    assert quote.speaker == "o-club"
    # a description naming whose it is ("the Obama campaign") is not resolved to a body
    text2 = text.replace("the group wrote", "the Obama campaign wrote")
    (quote,) = find_quotes(Article(id="a1", source="a1.txt", text=text2), nlp(text2),
                           mentions, names, types)
    assert quote.speaker is None


LAUTEN = ("Enter Ms. Ada Lauten, a former party aide who describes herself on Twitter as loving "
          "cats, whose commentary had a sharper edge.\n\n"
          '"I get you are both in those awful teen years, try showing a little class," she '
          "wrote above a picture.")


def lauten_quote(nlp, types):
    article = Article(id="a1", source="a1.txt", text=LAUTEN)
    doc = nlp(LAUTEN)
    lauten, twitter = LAUTEN.index("Ada Lauten"), LAUTEN.index("Twitter")
    mentions = {"a1": [(lauten, lauten + len("Ada Lauten"), "p-lauten"),
                       (twitter, twitter + len("Twitter"), "o-twitter")]}
    names = {"p-lauten": "Ada Lauten", "o-twitter": "Twitter"}
    return only(find_quotes(article, doc, mentions, names, types))


def test_a_pronoun_prefers_the_person_known_to_be_of_its_gender(nlp):
    # "Ms." says Lauten is a woman; a name of unknown gender nearer to "she" is not preferred
    assert lauten_quote(nlp, {"p-lauten": "PERSON", "o-twitter": "PERSON"}).speaker == \
        "p-lauten"


def test_a_name_the_story_knows_as_a_body_is_not_a_pronoun_person(nlp):
    # the small model tags "Twitter" PERSON; the story's entity is an organisation
    assert "Twitter" in {ent.text for ent in nlp(LAUTEN).ents if ent.label_ == "PERSON"}
    assert lauten_quote(nlp, {"p-lauten": "PERSON", "o-twitter": "ORG"}).speaker == "p-lauten"


def test_a_statement_whose_noun_hangs_off_no_verb_does_not_hang(nlp):
    # the sentence with "statement" has no verb at its root (a headline-like fragment): the
    # walk up from the noun stops at the root
    text = ("Statement from the mayor's office.\n\n"
            '"We will reopen the parks on Monday," the statement said.')
    _, quotes = quotes_of(nlp, text)
    assert only(quotes).speaker is None


def test_a_description_with_a_name_beside_it_is_that_person(nlp):
    text = ("Lawmakers met on Monday.\n\n"
            '"With all due respect, I completely disagree with his position," the Republican '
            "leader, Michael Thibodeau, said in a statement.")
    _, quotes = quotes_of(nlp, text)
    assert (only(quotes).speaker, only(quotes).speaker_text) == ("p-thibodeau",
                                                                   "Michael Thibodeau")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Texas Gov. Rick Stone released a new ad on Monday. The ad drew criticism from Tom Webb "
     'and Anna Cole. "Faith made America strong," the Texas governor says.', "p-stone"),
    ("Former Vice President Dick Marlow spoke in 2009. The decision puts his daughter Liz "
     "Hanley at odds with him. "
     '"I think that freedom means freedom for everyone," the former vice president said.',
     "p-marlow"),
    # the title must be the same: "the president" is not "Vice President Joe Biden"
    ("President Barack Obama spoke first. Vice President Joe Biden was there. Sen. Ann Lee "
     'left. "We will win," the president said.', "p-obama"),
])
def test_a_description_by_title_is_the_person_named_with_that_title(nlp, text, speaker):
    _, quotes = quotes_of(nlp, text)
    assert only(quotes).speaker == speaker


def test_a_pronoun_keeps_the_speaker_of_the_quotes_before_it(nlp):
    # "he said ... he asked ...": a person named only as an object in between ("praised
    # Ray Olsen") does not take over the speech
    text = ('Glenn Harlow spoke for an hour on Saturday. "It is still morning," he said.\n\n'
            "He held the audience with riffs on his life.\n\n"
            "He later praised his old rival, Ray Olsen, at the dinner.\n\n"
            '"I am not going to pay for your mistakes," he said.')
    _, quotes = quotes_of(nlp, text)
    assert {quote.speaker for quote in quotes} == {"p-harlow"}


def test_a_pronoun_prefers_the_person_leading_a_sentence_to_one_in_its_side_clause(nlp):
    text = ("Still, Mr. Dale Trask, speaking briefly with reporters, offered an emphatic yes "
            "when asked whether Mr. Ken Lyle was among the finalists.\n\n"
            '"We need a great director. I cherish the bureau," he told reporters later.')
    _, quotes = quotes_of(nlp, text)
    assert quotes[-1].speaker == "p-trask"


def test_a_pronoun_after_a_person_named_only_in_a_side_clause_stays_with_the_speaker(nlp):
    text = ('"We did everything we could," Tom Reyes said. '
            "He added that the plan Ruth Hale wrote would pass. "
            '"The rest is up to the voters," he said.')
    _, quotes = quotes_of(nlp, text)
    assert quotes[-1].speaker == "p-reyes"


def test_the_reporting_verb_the_quote_depends_on_names_the_speaker(nlp):
    # "Calling" comes first but frames another phrase; the quote is what Dunbar "told"
    article, quotes = quotes_of(nlp, "Calling Mr. Walsh a \u201csniveling coward,\u201d Mr. "
                                     "Dunbar told his rival to \u201cleave my family the hell "
                                     "alone.\u201d")
    assert_spans_hold(article, quotes)
    quote = next(quote for quote in quotes if "family" in quote.span.text)
    assert quote.speaker == person_id("Dunbar")


@pytest.mark.parametrize("verb", ["criticized the study as", "praised the group"])
def test_a_speaker_judging_something_in_quoted_words_is_its_speaker(nlp, verb):
    article, quotes = quotes_of(nlp, f"Marian Holloway, president of an advocacy group, {verb} "
                                     "\u201cnothing more than an attempt to prey on fears.\u201d")
    assert_spans_hold(article, quotes)
    assert only(quotes, direct=True).speaker == person_id("Marian Holloway")


def test_a_description_that_says_a_gender_goes_to_a_person_of_that_gender(nlp):
    article, quotes = quotes_of(
        nlp, "Rep. Tom Baxter resigned on Friday. His former aide, Laura Greenfield, sued him "
             "in 2014 and claimed that she was fired after complaining to Baxter. \u201cI had "
             "no idea how to run a congressional office,\u201d the four-term congressman said "
             "in December.")
    assert_spans_hold(article, quotes)
    assert only(quotes, direct=True).speaker == person_id("Tom Baxter")
