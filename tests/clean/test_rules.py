"""Each rule family of the cleaner, with lines it must catch and lines it must leave alone.

Negative cases are real sentence shapes from news bodies that share words with boilerplate:
a rule that removes them loses article text.
"""

from __future__ import annotations

import pytest

from consilience.clean import (
    ANYWHERE,
    EDGE,
    clean_article,
    is_body_paragraph,
    is_heading_like,
    judge,
    looks_like_title,
    normalise_date,
    parse_dateline,
    split_units,
)
from consilience.clean.boilerplate import (
    byline,
    copyright_notice,
    disclaimer,
    image_caption,
    navigation,
    original_link,
    tags,
    widget,
    wire_credit,
)
from consilience.clean.units import Unit
from consilience.models import RawArticle

BODY = ("The finance ministry said on Tuesday that the budget would grow by 3 percent next "
        "year, according to officials familiar with the plan.")
SECOND = ("Opposition lawmakers criticised the proposal during a heated debate in parliament, "
          "saying it left little room for social spending.")


def unit(text: str) -> Unit:
    """The one unit a single line of plain text makes."""
    units = split_units(text)
    assert len(units) == 1, units
    return units[0]


def reason(rule, text: str) -> str | None:
    verdict = rule(unit(text))
    return verdict.reason if verdict else None


def clean(text: str, fmt: str = "text", **metadata):
    return clean_article(RawArticle(source="t.txt", text=text, format=fmt, **metadata), "a")


# --- boilerplate: notices ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "© 2024 Example Media Group. All rights reserved.",
    "Copyright 2014 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Copyright: Example News Agency",
    "Copyright Example News",
    "This article is an exclusive piece by Example Net and cannot be reprinted without "
    "permission.",
    "Reproduction without written permission is prohibited.",
])
def test_copyright_notices_are_removed(text):
    assert reason(copyright_notice, text) == "copyright"


@pytest.mark.parametrize("text", [
    "Copyright law has been changed by the parliament after a long campaign by artists.",
    "The court found that the newspaper had reproduced the photographs without permission.",
    "The company said it would defend its copyright in the courts, officials said.",
    "Lawyers argued that the images may not be reproduced, a claim the judge rejected.",
])
def test_sentences_about_copyright_are_kept(text):
    assert copyright_notice(unit(text)) is None


def test_exclusive_notice_names_the_outlet():
    verdict = copyright_notice(unit("This article is an original piece by Example Net Daily and "
                                    "may not be reproduced without permission."))
    assert verdict is not None and verdict.outlet == "Example Net Daily"


@pytest.mark.parametrize("text", [
    "Disclaimer: This article solely represents the author's views.",
    "This column reflects the author's own opinions.",
    "The views expressed in this article are the author's own and do not necessarily reflect "
    "the editorial policy of this outlet.",
])
def test_disclaimers_are_removed(text):
    assert reason(disclaimer, text) == "disclaimer"


@pytest.mark.parametrize("text", [
    "The book reflects the author's views on immigration, critics said on Monday.",
    "Her memoir represents the writer's personal views on the war, reviewers noted.",
])
def test_sentences_about_views_are_kept(text):
    assert disclaimer(unit(text)) is None


# --- boilerplate: links, widgets, tags ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Original article: https://example.com/news/123",
    "Source: The Daily Example",
    "Read the full story: Example Times",
    "https://example.com/a/b?c=1",
    "Via: Example Blog",
])
def test_source_links_are_removed(text):
    assert reason(original_link, text) == "original-link"


@pytest.mark.parametrize("text", [
    "Original report: In 2003, the correspondent reported that another helicopter had been "
    "shot at on the same day.",
    "Source: a senior official who asked not to be named said the talks had been postponed "
    "for weeks.",
    "See https://example.com for the full report, the ministry said in a statement.",
])
def test_sentences_with_a_source_label_or_link_are_kept(text):
    assert original_link(unit(text)) is None


@pytest.mark.parametrize("text", [
    "Comments", "Share this article", "Advertisement", "Related Articles", "Read more",
    "Sign up now", "Share by email", "Comments (73)", "Loading...",
    "Please click the button below to share this story.",
    "Express your attitude by clicking the thumbs up/thumbs down buttons.",
    "On a mobile device? Click here to watch the video.",
])
def test_widgets_are_removed(text):
    assert reason(widget, text) == "widget"


@pytest.mark.parametrize("text", [
    "The teenager is seen smiling and giving the camera a thumbs up before leaving.",
    "To apply the fix, click the Fix It icon above the Fix This Problem link.",
    "Users who click on links in the message are taken to a fake bank website.",
    "He said he would share the prize with his colleagues.",
    "Watch the skies, the agency told residents near the coast.",
])
def test_sentences_mentioning_page_actions_are_kept(text):
    assert widget(unit(text)) is None


@pytest.mark.parametrize("text", ["Tags: elections, defence, budget", "Filed under: World News"])
def test_tag_lines_are_navigation(text):
    assert reason(tags, text) == "navigation"


def test_a_sentence_starting_with_a_topic_word_is_not_tags():
    assert tags(unit("Topics discussed included trade, security and climate change.")) is None


# --- boilerplate: captions and credits ------------------------------------------------------

@pytest.mark.parametrize(("text", "credit"), [
    ("REUTERS: The prime minister holds a press conference in Tokyo.", "REUTERS"),
    ("Photo: The minister speaks to reporters on Monday.", "Photo"),
    ("A protester holds a sign outside parliament (AP Photo/Evan Vucci)", "AP Photo/Evan Vucci"),
    ("Smoke rises over the city centre (Getty Images)", "Getty Images"),
    ("The finance minister with officials in 2010 (Reuters)", "Reuters"),
    ("Workers unload aid at the port. (Xinhua photo)", "Xinhua photo"),
    ("Children get pasta, fish and salad (courtesy Example Kitchen)", "courtesy Example Kitchen"),
    ("[Image via Example Blog]", "Image via Example Blog"),
    ("Police officers take cover near the building. Photo: Reuters", "Photo: Reuters"),
    ("Jane Doe, US media", "US media"),
])
def test_captions_are_removed_with_their_credit(text, credit):
    verdict = image_caption(unit(text))
    assert verdict is not None and verdict.reason == "caption"
    assert verdict.credit == credit


@pytest.mark.parametrize("text", [
    "NEW DELHI: The government on Monday announced a plan to expand rail lines.",
    "ANI: The government on Monday announced a plan to expand rail lines.",
    "The student disappeared after his father was executed by the regime (pictured)",
    "The teacher said that he welled up after reading the letter (picture posed by models)",
    "One phone is not cool. You know what is cool? Another phone that does not break. [Example]",
    "Turkish officials said the bomber had links to the group. Officials said the toll could "
    "rise as rescuers searched the site for survivors overnight. [Reuters]",
    "A separate report takes another look at what happened in the state. [Bloomberg.]",
    "The photo was taken in 2019, the agency said, and shows the damaged bridge.",
    "Turnout was low, officials said.",
])
def test_sentences_near_credits_are_not_captions(text):
    assert image_caption(unit(text)) is None


def test_markdown_image_is_a_caption():
    units = split_units("![Minister at the podium](https://example.com/a.jpg)", markdown=True)
    assert units[0].image
    assert image_caption(units[0]) is not None


def test_a_long_paragraph_ending_in_a_credit_is_kept():
    text = (BODY + " " + SECOND + " It was the third such vote this year, and analysts expect "
            "more. Photo: Example")
    assert image_caption(unit(text)) is None


# --- boilerplate: edge rules (bylines, credits, navigation) ---------------------------------

@pytest.mark.parametrize(("text", "credit"), [
    ("By Jane Doe", "Jane Doe"),
    ("[By Example Net Jane Doe]", "Example Net Jane Doe"),
    ("By: Jane Doe and John Roe", "Jane Doe and John Roe"),
    ("Author: Jane van Doe", "Jane van Doe"),
    ("By Press Trust of India | New Delhi | Posted: January 8, 2015 2:10 pm",
     "Press Trust of India"),
    ("Example Staff", "Example Staff"),
])
def test_bylines_give_the_credit(text, credit):
    verdict = byline(unit(text))
    assert verdict is not None and verdict.reason == "byline"
    assert verdict.credit == credit


@pytest.mark.parametrize("text", [
    "By Sunday, the team had left.",
    "By then the ministry had already changed its position on the matter.",
    "By contrast, exports rose by 4 percent.",
    "Reporters were kept outside the building.",
])
def test_sentences_starting_with_by_are_not_bylines(text):
    assert byline(unit(text)) is None


def test_staff_byline_names_the_outlet_but_not_a_generic_desk():
    staff, generic = byline(unit("Example Times Staff")), byline(unit("Our Correspondent"))
    assert staff is not None and staff.outlet == "Example Times"
    assert generic is not None and generic.outlet is None


@pytest.mark.parametrize("text", [
    "Reporting by Jane Doe; Editing by John Roe",
    "(Additional reporting by Jane Doe in Tokyo; Editing by John Roe.)",
    "Additional reporting by agencies",
    "Translated by Jane Doe.",
])
def test_wire_credits_are_removed(text):
    assert reason(wire_credit, text) == "credit"


@pytest.mark.parametrize("text", [
    "Writing by hand is becoming rare, a study found.",
    "Editing by committee slowed the bill, lawmakers complained.",
])
def test_sentences_starting_like_credits_are_kept(text):
    assert wire_credit(unit(text)) is None


@pytest.mark.parametrize("text", [
    "Home > World > Asia", "News | Politics | Asia-Pacific", "In Reports", "In Politics",
])
def test_navigation_is_removed(text):
    assert reason(navigation, text) == "navigation"


@pytest.mark.parametrize("text", [
    "In March, the minister resigned.", "In March", "In 2019", "In Monday's vote",
    "Prices rose 3% / 4% / 5% over three years.",
])
def test_times_and_sentences_are_not_navigation(text):
    assert navigation(unit(text)) is None


def test_rule_sets_are_ordered_and_exclusive():
    assert reason(lambda line: judge(line, ANYWHERE), "Comments") == "widget"
    assert judge(unit("By Jane Doe"), ANYWHERE) is None
    assert reason(lambda line: judge(line, EDGE), "By Jane Doe") == "byline"
    assert judge(unit(BODY), ANYWHERE) is None and judge(unit(BODY), EDGE) is None


# --- datelines ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "updated"), [
    ("06:42 PM, Jun 21, 2025", "2025-06-21T18:42", False),
    ("Published: August 7, 2012", "2012-08-07", False),
    ("Sunday, 21 July 2013", "2013-07-21", False),
    ("21 July 2013 Last updated at 11:11 GMT", "2013-07-21T11:11Z", True),
    ("June 3, 2024 10:00 +09:00", "2024-06-03T10:00+09:00", False),
    ("Posted 11/27/2005 7:21 AM", "2005-11-27T07:21", False),
    ("12/16/08 1:30 AM EST", "2008-12-16T01:30", False),
    ("2024-03-05T09:30:00+09:00", "2024-03-05T09:30+09:00", False),
    ("Updated at 11:45 p.m. ET", None, True),
    ("May 5", None, False),
])
def test_datelines_are_parsed(text, value, updated):
    dateline = parse_dateline(text)
    assert dateline is not None
    assert (dateline.value, dateline.updated) == (value, updated)


@pytest.mark.parametrize("text", [
    "In March, the minister resigned.",
    "On June 3 the talks were cancelled.",
    "At 5:30 the meeting began.",
    "The deadline is July 1, 2025, officials said.",
    "10:30",
])
def test_sentences_with_dates_are_not_datelines(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize(("value", "iso"), [
    ("2025-06-21", "2025-06-21"),
    ("Jun 21, 2025", "2025-06-21"),
    ("Sat, 21 Jun 2025 18:42:00 +0000", "2025-06-21T18:42Z"),
    ("2025", "2025"),
    ("not a date", None),
    ("", None),
])
def test_metadata_dates_are_normalised(value, iso):
    assert normalise_date(value) == iso


# --- units: markdown, wrapping, bullets ---------------------------------------------------------

def test_markdown_headings_are_levelled_and_stripped():
    units = split_units("# Big *news* today\n\nSome text.\n\nSub heading\n-----------\n\nMore.",
                        markdown=True)
    assert [(u.text, u.heading_level) for u in units] == [
        ("Big news today", 1), ("Some text.", 0), ("Sub heading", 2), ("More.", 0)]


def test_markdown_links_emphasis_and_images_are_undone():
    text = ("The **minister** said the [report](https://example.com/r \"title\") was _wrong_, "
            "citing `data` in ~~two~~ three tables and <https://example.com/x>.")
    (only,) = split_units(text, markdown=True)
    assert only.text == ("The minister said the report was wrong, citing data in two three "
                         "tables and https://example.com/x.")


def test_underscores_inside_words_are_not_emphasis():
    (only,) = split_units("The account @user_name_here posted file_name_v2 on Monday.",
                          markdown=True)
    assert only.text == "The account @user_name_here posted file_name_v2 on Monday."


def test_plain_text_keeps_markdown_like_characters():
    (only,) = split_units("Shares fell *sharply* on Monday.")
    assert only.text == "Shares fell *sharply* on Monday."


def test_markdown_comment_blockquote_and_rule():
    units = split_units("<!-- note -->\n> Quoted line of text.\n\n---\n\nAfter the rule.",
                        markdown=True)
    assert [u.text for u in units] == ["Quoted line of text.", "After the rule."]


WRAPPED = """The government announced on Monday that it would raise taxes on
imports of steel and aluminium, a move that analysts said could hurt
exporters in the region. Officials declined to comment on the timing
of the announcement, which came a week before the vote.
A second paragraph starts here and is short."""


def test_hard_wrapped_paragraphs_are_joined():
    units = split_units(WRAPPED)
    assert [u.text for u in units] == [
        " ".join(WRAPPED.splitlines()[:4]), "A second paragraph starts here and is short."]


def test_hard_wrapped_markdown_is_joined_and_stripped():
    text = ("The **government** announced on Monday that it would raise taxes on\n"
            "imports of steel and [aluminium](https://example.com), a move that analysts\n"
            "said could hurt exporters.")
    (only,) = split_units(text, markdown=True)
    assert only.text == ("The government announced on Monday that it would raise taxes on "
                         "imports of steel and aluminium, a move that analysts said could hurt "
                         "exporters.")


def test_a_headline_above_wrapped_text_stays_apart():
    title = "Minister Quits Over Budget Row as Allies Press for Higher Defence Spending"
    units = split_units(title + "\n" + WRAPPED)
    assert units[0].text == title
    assert units[1].text.startswith("The government announced")


def test_one_paragraph_per_line_is_not_joined():
    lines = ["Country cancels talks after ally pushes for higher defence spending",
             "The country cancelled a meeting with its ally on Friday afternoon.",
             "The decision was made weeks ago, officials said on Saturday night."]
    assert [u.text for u in split_units("\n".join(lines))] == lines


def test_short_lines_are_not_joined():
    lines = ["Minister fires broadside on exit", "Network plans to spend more on lines",
             "Sign up now"]
    assert [u.text for u in split_units("\n".join(lines))] == lines


def test_two_lines_join_only_when_the_sentence_runs_on():
    assert len(split_units("The government announced on Monday that it would raise taxes on\n"
                           "imports of steel and aluminium.")) == 1
    assert len(split_units("Experts speculate over the strategy behind the cancelled talks\n"
                           "The newspaper first reported last week that the talks were off.")) == 2


def test_bullets_are_stripped_and_never_joined():
    units = split_units("- In Reports\n- 06:42 PM, Jun 21, 2025\n* Staff\n1. First point here."
                        "\n2) Second point")
    assert [(u.text, u.bullet) for u in units] == [
        ("In Reports", True), ("06:42 PM, Jun 21, 2025", True), ("Staff", True),
        ("First point here.", True), ("Second point", True)]


def test_a_number_starting_a_sentence_is_not_a_bullet():
    (only,) = split_units("3.5 percent of GDP is the new target, officials said.")
    assert only.text.startswith("3.5 percent") and not only.bullet


def test_units_keep_their_line_numbers():
    units = split_units("Title line here\n\n\nFirst paragraph.\n\nSecond paragraph.")
    assert [u.line for u in units] == [1, 4, 6]


# --- cleaner: headings, titles, body --------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Overview of the Situation", True),
    ("New Demands from the U.N.", True),
    ("Where the 'Money' Went", True),
    ("He called the plan “a disgrace”", False),
    ("He said the talks had failed.", False),
    ("the lowercase start of a fragment", False),
    ("Officials said:", False),
])
def test_heading_like(text, expected):
    assert is_heading_like(unit(text)) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Country cancels talks after ally pushes for higher defence spending", True),
    ("Greek Prime Minister Calls Bank Workers' Riot Deaths 'Murder'", True),
    ("Officials deny the report about 'secret talks'", False),
    ("Will the Company Be Next?", True),
    ("The woman had reportedly taken a nap on the floor of the office", False),
    ("A clinic employee tells investigators the picture was taken, according to a report", False),
    ("Conclusion", False),
])
def test_looks_like_title(text, expected):
    assert looks_like_title(unit(text)) is expected


def test_body_paragraph():
    assert is_body_paragraph(unit(BODY))
    assert is_body_paragraph(unit("“The talks were postponed,” the official said on Friday.”"))
    assert not is_body_paragraph(unit("Will the Company Be Next After the Big Merger?"))
    assert not is_body_paragraph(unit("Short line."))


def test_title_byline_and_date_are_recovered_from_the_header():
    article = clean("Minister resigns over budget row\nBy Jane Doe\nJune 3, 2024\n\n"
                    f"{BODY}\n\n{SECOND}\n\nComments")
    assert (article.title, article.byline, article.published) == (
        "Minister resigns over budget row", "Jane Doe", "2024-06-03")
    assert article.text == f"{BODY}\n\n{SECOND}"
    assert [(r.reason, r.line) for r in article.removed] == [
        ("title", 1), ("byline", 2), ("dateline", 3), ("widget", 9)]


def test_edge_rules_do_not_touch_the_body():
    middle = "By Sunday, the team had left"
    article = clean(f"{BODY}\n\nBy Jane Doe\n\n{middle}\n\n{SECOND}")
    assert "By Jane Doe" in article.text and middle in article.text
    assert article.byline is None


def test_metadata_from_the_source_wins_and_its_title_line_is_removed():
    article = clean(f"Budget Row Deepens\n\n{BODY}", title="Budget Row Deepens",
                    published="Mon, 03 Jun 2024 10:00:00 GMT", url="https://www.example.com/a")
    assert article.title == "Budget Row Deepens" and article.text == BODY
    assert article.published == "2024-06-03T10:00Z"
    assert article.outlet == "example.com"


def test_a_standfirst_is_not_taken_for_a_title():
    deck = "The woman had reportedly taken a nap on the floor of the office when it happened"
    article = clean(f"{deck}\n\n{BODY}")
    assert article.title is None and article.text.startswith(deck)


def test_a_text_of_one_headline_is_kept_as_text():
    article = clean("Robbers steal millions from diamond store in biggest heist")
    assert article.text == "Robbers steal millions from diamond store in biggest heist"
    assert article.title is None and article.removed == ()


def test_headings_are_marked_inside_the_text():
    article = clean(f"{BODY}\n\nWhat Happens Next\n\n{SECOND}\n\nThe Background\n\n{BODY}")
    marked = [article.text[start:end] for start, end in article.headings]
    assert marked == ["What Happens Next", "The Background"]


def test_only_boilerplate_is_an_error():
    from consilience.errors import EmptyArticleError

    with pytest.raises(EmptyArticleError):
        clean("Comments\n\nAdvertisement\n\nShare this article")
