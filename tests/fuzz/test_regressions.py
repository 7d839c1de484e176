"""Every crash and broken output the fuzzers found, replayed with explicit inputs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from consilience import AnalyzeConfig, analyze_raw
from consilience.clean import clean_article, normalise_date
from consilience.dates.normalise import normalise_expression
from consilience.ingest import read_inputs
from consilience.models import Article, RawArticle
from consilience.pipeline import analyze_articles
from consilience.provenance.copies import find_copies
from consilience.render import story_dict

from .checks import check_article, check_document, check_raw

CONFIG = AnalyzeConfig(use_cache=False)
PROSE = ("The defence minister said on Monday that Japan would raise spending to 3.5% of GDP. "
         "“We will not be pressured,” Shigeru Ishiba told reporters in Tokyo.")


def read_one(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_inputs([path])


@pytest.mark.parametrize(("name", "data"), [
    ("deep.json", b"[" * 100_000),
    ("deep-text.json", b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
    ("digits.json", b'{"text": "hello", "title": ' + b"9" * 5000 + b"}"),
])
def test_json_the_parser_refuses_is_a_malformed_record(tmp_path, name, data):
    """json.loads raised RecursionError (nesting) and ValueError (over 4,300 digits)."""
    articles, problems = read_one(tmp_path, name, data)
    assert articles == [] and [problem.code for problem in problems] == ["E105"]


def test_a_bad_jsonl_line_is_skipped_and_the_rest_read(tmp_path):
    data = b"[" * 100_000 + b"\n" + json.dumps({"text": PROSE}).encode()
    articles, problems = read_one(tmp_path, "lines.jsonl", data)
    assert [article.text for article in articles] == [PROSE]
    assert [(problem.code, problem.line) for problem in problems] == [("E105", 1)]


def test_escaped_surrogates_and_controls_in_json_are_dropped(tmp_path, schema):
    """"\\ud800" reached spaCy, which cannot hash it (UnicodeEncodeError), and the output,
    which cannot be written as UTF-8; "\\u0000" would reach PostgreSQL."""
    record = {"text": PROSE.replace("Monday", "Mon\ud800day\u0000\r\r"), "title": "\udfffT\x07"}
    articles, problems = read_one(tmp_path, "a.json", json.dumps(record).encode())
    assert problems == [] and len(articles) == 1
    check_raw(articles[0])
    assert "Monday" in articles[0].text and articles[0].title == "T"
    analysis = analyze_raw(articles, CONFIG)
    check_document(story_dict(analysis.story, analysis.model), schema)


def test_a_json_text_that_is_an_empty_page_is_reported(tmp_path):
    """NoExtractableTextError from the HTML in a record escaped read_json."""
    record = {"text": "<html><body><div><p></p><p></p></div></body></html>"}
    articles, problems = read_one(tmp_path, "page.json", json.dumps(record).encode())
    assert articles == [] and [problem.code for problem in problems] == ["E106"]


def test_an_empty_json_list_is_reported_not_skipped(tmp_path):
    articles, problems = read_one(tmp_path, "none.json", b"[]")
    assert articles == [] and [problem.code for problem in problems] == ["E104"]


def test_a_text_of_only_control_characters_is_empty(tmp_path):
    articles, problems = read_one(tmp_path, "c.json", b'{"text": "\\u0000\\u0001 \\u0007"}')
    assert articles == [] and [problem.code for problem in problems] == ["E104"]


def test_a_feed_link_urllib_cannot_parse(tmp_path):
    """urlparse("http://[bad").hostname raised ValueError ("Invalid IPv6 URL")."""
    feed = (f"<rss version='2.0'><channel><title>T</title><link>http://[bad</link><item>"
            f"<title>x</title><link>http://[bad</link><description>{PROSE}</description>"
            "</item></channel></rss>")
    articles, problems = read_one(tmp_path, "f.rss", feed.encode())
    assert problems == [] and articles[0].url is None and articles[0].outlet == "T"


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    """Its lone surrogate ("\\udcff") went into the source, which cannot be written out."""
    name = b"\xff\xfe.txt".decode("utf-8", "surrogateescape")
    articles, _problems = read_one(tmp_path, name, PROSE.encode())
    articles[0].source.encode("utf-8")
    assert articles[0].source.endswith("\\udcff\\udcfe.txt")


def test_raw_article_with_lone_surrogates_is_analysed(schema):
    """A RawArticle built by a caller: spaCy raised UnicodeEncodeError on "\\ud800"."""
    raw = RawArticle("a\ud800.txt", PROSE.replace(" on ", " \ud800on\udfff "), "text",
                     title="\ud800", byline="By \udc00 Jane")
    analysis = analyze_raw([raw], CONFIG)
    check_document(story_dict(analysis.story, analysis.model), schema)
    assert analysis.story.articles[0].source == "a\\ud800.txt"


def test_control_characters_and_lone_carriage_returns_are_cleaned():
    raw = RawArticle("a.txt", "Title\r\rFirst\x00 line.\x1b\rSecond\x9c line.", "text",
                     byline="\x00")
    article = clean_article(raw, "a-1")
    check_article(article)
    assert "\r" not in article.text and "\x00" not in article.text
    assert "\x9c" in article.text  # C1 characters of a caller's text are left as given
    assert article.byline is None


def test_a_url_urllib_cannot_parse_is_dropped():
    """_outlet_from_url raised ValueError ("Invalid IPv6 URL") in clean_article."""
    article = clean_article(RawArticle("a.txt", PROSE, "text", url="http://[bad"), "a-1")
    assert article.url is None and article.outlet is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-02-30", None), ("9999-99-99", None), ("2025-13", None), ("2025-06", "2025-06"),
    ("Mon, 21 Jun 0999", "0999-06-21"), ("2025-06-21T06:42:00+05:30", "2025-06-21T06:42+05:30"),
    ("Sat, 21 Jun 2025 06:42:00 GMT", "2025-06-21T06:42Z"),
])
def test_metadata_dates_are_real_dates_with_four_digit_years(value, expected):
    """"2025-02-30" went through, and crashed date.fromisoformat in check_publication_date;
    years before 1000 came out as "999-06-21", which the schema refuses."""
    assert normalise_date(value) == expected


def test_an_impossible_publication_date_does_not_stop_the_analysis(schema):
    raw = RawArticle("a.txt", "June 21, 2025\n\n" + PROSE, "text", published="2025-02-30",
                     updated="21 Jun 0999")
    analysis = analyze_raw([raw], CONFIG)
    article = analysis.story.articles[0]
    assert article.updated == "0999-06-21"
    check_document(story_dict(analysis.story, analysis.model), schema)


def test_an_enormous_line_is_analysed(schema):
    raw = RawArticle("a.txt", PROSE + "\n\n" + "A." * 100_000 + "\n\n" + PROSE.upper(), "text")
    analysis = analyze_raw([raw], CONFIG)
    check_document(story_dict(analysis.story, analysis.model), schema)


def test_deeply_nested_html_is_read_or_reported(tmp_path):
    page = ("<html><body><article>" + "<div>" * 5000 + f"<p>{PROSE}</p>" * 3
            + "</div>" * 5000 + "</article></body></html>")
    articles, problems = read_one(tmp_path, "deep.html", page.encode())
    assert len(articles) + len(problems) == 1
    for article in articles:
        check_raw(article)


def test_a_warc_response_without_a_target_uri_is_a_broken_record(tmp_path):
    """warcio raised AttributeError (uri.startswith on None), which escaped read_warc."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + PROSE.encode() + b"</p>"
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-06-21T00:00:00Z\r\n"
              b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
              b"Content-Type: application/http; msgtype=response\r\n"
              b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    articles, problems = read_one(tmp_path, "x.warc", record)
    assert articles == [] and [problem.code for problem in problems] == ["E108"]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_relative_dates_at_the_ends_of_the_calendar(published, schema):
    """"last week" of an article dated 0001-01-01 (a date the inference can take from its
    text) raised OverflowError in week_of; now such an expression has no date."""
    text = ("Japan cancelled the talks last week, the minister said on Friday. Tomorrow the "
            "cabinet meets, and next month it votes.")
    edge = date.fromisoformat(published)
    assert normalise_expression("last week" if edge.year == 1 else "tomorrow", edge) is None
    analysis = analyze_articles([Article("a-1", "a.txt", text, published=published)], CONFIG)
    check_document(story_dict(analysis.story, analysis.model), schema)


def test_copies_dated_at_the_start_of_the_calendar():
    """published_order converted 0001-01-01T00:00+14:00 to UTC: OverflowError."""
    text = PROSE + " " + " ".join(f"word{number}" for number in range(60))
    first = Article("a-1", "a.txt", "Intro one here. " + text, published="0001-01-01T00:00+14:00")
    second = Article("a-2", "b.txt", "Other intro. " + text, published="0001-01-01T00:00+13:00")
    assert len(find_copies([first, second])) == 1


@pytest.mark.parametrize("published", ["2025", "2025-06"])
def test_publication_date_of_year_or_month_precision_with_a_dateline(published):
    raw = RawArticle("a.txt", "Published June 21, 2025\n\n" + PROSE, "text", published=published)
    analysis = analyze_raw([raw], CONFIG)
    assert analysis.story.articles[0].published == published
