"""RSS and Atom feeds: real feed files, every entry an article, every problem named."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from consilience.ingest import html_to_text, looks_like_feed, read_file, read_inputs
from consilience.models import RawArticle

LEAD = ("The finance ministry said on Tuesday that the budget would grow by 3 percent next "
        "year, according to officials familiar with the plan.")
SECOND = ("Opposition parties said the increase was too small to cover rising pension costs "
          "and promised to vote against it.")
THIRD = "Parliament is expected to vote on the budget before the end of the month."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Times</title>
  <link>https://www.example-times.test/</link>
  <language>en-gb</language>
  <item>
    <title>Budget to grow by 3% &amp; taxes to stay</title>
    <link>https://www.example-times.test/politics/budget</link>
    <dc:creator>Ann Writer</dc:creator>
    <pubDate>Tue, 17 Jun 2025 09:30:00 +0200</pubDate>
    <description>The budget will grow by 3 percent.</description>
    <content:encoded><![CDATA[
      <p>{LEAD}</p>
      <figure><img src="chart.png"><figcaption>Spending, 2020-2025</figcaption></figure>
      <p>{SECOND}</p>
      <h2>What comes next</h2>
      <p>{THIRD}</p>
      <script>trackPageView();</script>
    ]]></content:encoded>
  </item>
  <item>
    <title>Pension reform delayed</title>
    <link>https://www.example-times.test/politics/pensions</link>
    <author>desk@example-times.test (Ben Reporter)</author>
    <pubDate>Wed, 18 Jun 2025 07:00:00 GMT</pubDate>
    <description>&lt;p&gt;The government &lt;b&gt;delayed&lt;/b&gt; its pension reform by a
      year, citing &amp;quot;technical problems&amp;quot; &amp;amp; a lack of
      support.&lt;/p&gt;&lt;p&gt;Unions welcomed the delay.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Wire Service</title>
  <link href="https://wire.test/"/>
  <updated>2025-06-18T12:00:00Z</updated>
  <id>urn:wire</id>
  <entry>
    <title>Budget vote set for June</title>
    <link rel="alternate" href="https://wire.test/a/1"/>
    <id>urn:wire:1</id>
    <author><name>Carla Diaz</name></author>
    <published>2025-06-17T08:00:00-04:00</published>
    <updated>2025-06-18T10:00:00Z</updated>
    <content type="html">&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Parliament sets the date</title>
    <link rel="alternate" href="https://wire.test/a/2"/>
    <id>urn:wire:2</id>
    <updated>2025-06-18T11:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{THIRD}</p>
      <p>The speaker confirmed the date on <em>Wednesday</em>.</p></div></content>
  </entry>
  <entry>
    <title>Plain summary</title>
    <id>urn:wire:3</id>
    <updated>2025-06-18T12:00:00Z</updated>
    <summary>Markets rose 2% after the announcement.</summary>
  </entry>
</feed>
"""

UNDATED_RSS = f"""<rss version="2.0"><channel><link>https://news.undated.test/</link>
<item><title>First</title><link>https://news.undated.test/1</link>
<description>{LEAD}</description></item>
<item><title>Second</title><link>https://news.undated.test/2</link>
<description>{SECOND}</description></item>
</channel></rss>"""


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def split(items):
    items = list(items)
    return ([item for item in items if isinstance(item, RawArticle)],
            [item for item in items if not isinstance(item, RawArticle)])


def test_rss_with_content_encoded_html(tmp_path):
    path = write(tmp_path / "times.rss", RSS)
    articles, errors = split(read_file(path))
    assert errors == []
    first, second = articles
    assert first.source == f"{path}#0" and second.source == f"{path}#1"
    assert first.title == "Budget to grow by 3% & taxes to stay"
    assert first.url == "https://www.example-times.test/politics/budget"
    assert (first.outlet, first.byline, first.language) == ("Example Times", "Ann Writer", "en-gb")
    assert first.published == "2025-06-17T07:30:00+00:00"  # UTC
    assert first.format == "markdown"
    for sentence in (LEAD, SECOND, THIRD):
        assert sentence in first.text
    assert "## What comes next" in first.text
    assert "The budget will grow by 3 percent." not in first.text  # content beats description
    assert "<" not in first.text and "trackPageView" not in first.text
    assert second.byline == "Ben Reporter"
    assert second.published == "2025-06-18T07:00:00+00:00"
    assert first.updated is None and second.updated is None


def test_entity_escaped_html_description_leaves_no_markup(tmp_path):
    path = write(tmp_path / "times.rss", RSS)
    articles, _ = split(read_file(path))
    text = articles[1].text.replace("**", "")  # markdown, like HTML pages: **delayed**
    assert text.startswith("The government delayed its pension reform by a year, citing "
                           '"technical problems" & a lack of support.')
    assert "Unions welcomed the delay." in text
    assert not any(mark in text for mark in ("<", "&lt;", "&amp;", "&quot;"))


def test_atom_feed(tmp_path):
    path = write(tmp_path / "wire.atom", ATOM)
    articles, errors = split(read_file(path))
    assert errors == []
    assert [article.title for article in articles] == [
        "Budget vote set for June", "Parliament sets the date", "Plain summary"]
    first, second, third = articles
    assert (first.url, first.outlet, first.byline) == ("https://wire.test/a/1", "Wire Service",
                                                        "Carla Diaz")
    assert first.published == "2025-06-17T12:00:00+00:00"
    assert first.updated == "2025-06-18T10:00:00+00:00"
    assert LEAD in first.text and SECOND in first.text and "<p>" not in first.text
    assert second.published is None and second.updated == "2025-06-18T11:00:00+00:00"
    assert THIRD in second.text and "on *Wednesday*." in second.text and "<" not in second.text
    assert third.text == "Markets rose 2% after the announcement."
    assert third.format == "text" and third.url is None
    assert first.language == "en"


def test_feed_without_dates_or_title(tmp_path):
    path = write(tmp_path / "undated.rss", UNDATED_RSS)
    articles, errors = split(read_file(path))
    assert errors == []
    assert [article.published for article in articles] == [None, None]
    assert [article.text for article in articles] == [LEAD, SECOND]
    assert {article.outlet for article in articles} == {"news.undated.test"}


def test_entry_without_text_is_reported_and_the_others_kept(tmp_path):
    feed = UNDATED_RSS.replace(
        "</channel>", "<item><title>Photo of the day</title><link>https://news.undated.test/p"
        "</link><description>&lt;img src='p.jpg'&gt;</description></item></channel>")
    path = write(tmp_path / "photos.rss", feed)
    articles, errors = split(read_file(path))
    assert len(articles) == 2
    assert [error.code for error in errors] == ["E104"]
    line = errors[0].one_line()
    assert line.startswith(f"{path}: [E104]")
    assert "feed entry #2 'Photo of the day'" in line


@pytest.mark.parametrize(("content", "detail"), [
    ("this is not a feed at all, just a sentence <<< >>>", "syntax error"),
    (b"\x1f\x8b\x08\x00binary junk\x00\xff" * 10, ""),
    ("<html><body><p>A web page</p><p>saved as .rss</p></body></html>", "no rss, feed"),
    ('<rss version="2.0"><channel><title>Cut', ""),
])
def test_garbage_feed_is_e109_naming_the_file(tmp_path, content, detail):
    path = write(tmp_path / "broken.rss", content)
    articles, errors = split(read_file(path))
    assert articles == []
    assert [error.code for error in errors] == ["E109"]
    line = errors[0].one_line()
    assert line.startswith(f"{path}: [E109] cannot parse the feed (") and detail in line
    assert "\n" not in line


def test_feed_with_no_entries_is_empty(tmp_path):
    path = write(tmp_path / "quiet.atom", '<feed xmlns="http://www.w3.org/2005/Atom">'
                 "<title>Quiet</title></feed>")
    articles, errors = split(read_file(path))
    assert articles == []
    assert [error.code for error in errors] == ["E104"]
    assert errors[0].one_line().startswith(f"{path}: [E104] empty article (the feed has no")


def test_declared_encoding_is_honoured(tmp_path):
    feed = ('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
            "<title>Le Quotidien</title><item><title>Réforme des retraites</title>"
            "<description>Le gouvernement a reporté la réforme à l'été.</description></item>"
            "</channel></rss>")
    path = write(tmp_path / "fr.rss", feed.encode("latin-1"))
    articles, errors = split(read_file(path))
    assert errors == []
    assert articles[0].title == "Réforme des retraites"
    assert articles[0].text == "Le gouvernement a reporté la réforme à l'été."


def test_xml_files_are_read_by_what_they_hold(tmp_path):
    rdf = ('<?xml version="1.0"?>\n<!-- RSS 1.0 -->\n<rdf:RDF '
           'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://rdf.test/">'
           "<title>RDF News</title><link>https://rdf.test/</link></channel>"
           f'<item rdf:about="https://rdf.test/1"><title>One</title><link>https://rdf.test/1'
           f"</link><description>{LEAD}</description></item></rdf:RDF>")
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in (LEAD, SECOND, THIRD))
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
             f"<head><title>Budget</title></head><body><article><h1>Budget</h1>{paragraphs}"
             "</article></body></html>")
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>https://rdf.test/1</loc></url></urlset>")
    paths = [write(tmp_path / name, content) for name, content in (
        ("feed.xml", rdf), ("page.xml", xhtml), ("sitemap.xml", sitemap), ("atom.xml", ATOM))]
    articles, problems = read_inputs(paths)
    assert [article.source for article in articles] == [
        f"{paths[0]}#0", str(paths[1]), f"{paths[3]}#0", f"{paths[3]}#1", f"{paths[3]}#2"]
    assert (articles[0].outlet, articles[0].text) == ("RDF News", LEAD)
    assert THIRD in articles[1].text
    assert [problem.code for problem in problems] == ["E109"]
    assert problems[0].one_line().startswith(f"{paths[2]}: [E109] cannot parse the feed "
                                             "(the root element is <urlset>")


def test_looks_like_feed_and_html_to_text():
    assert looks_like_feed('\ufeff<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss>\n<rss>')
    assert looks_like_feed('<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed("<urlset>") and not looks_like_feed("plain text")
    assert html_to_text("<p>One &amp; two</p><p>Three<br>four <script>x()</script></p>") == (
        "One & two\n\nThree\nfour")


def small_warc(path, slug):
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in (LEAD, SECOND, THIRD))
    page = (f"<html><head><title>{slug}</title></head><body><article><h1>{slug}</h1>"
            f"{paragraphs}</article></body></html>").encode()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://site.test/{slug}", "response", payload=io.BytesIO(page),
            http_headers=headers))
    return path


def test_read_inputs_over_a_folder_of_feeds_archives_and_text(tmp_path):
    write(tmp_path / "feeds" / "times.rss", RSS)
    write(tmp_path / "feeds" / "wire.atom", ATOM)
    (tmp_path / "crawls").mkdir()
    small_warc(tmp_path / "crawls" / "a.warc.gz", "budget")
    small_warc(tmp_path / "crawls" / "b.warc", "vote")
    write(tmp_path / "notes.txt", LEAD)
    write(tmp_path / "broken.rss", "not a feed")
    articles, problems = read_inputs([tmp_path])
    assert [problem.code for problem in problems] == ["E109"]
    assert problems[0].one_line().startswith(f"{tmp_path / 'broken.rss'}: [E109]")
    assert len(articles) == 2 + 2 + 3 + 1  # archives, RSS, Atom, text
    assert [article.url for article in articles[:2]] == ["https://site.test/budget",
                                                        "https://site.test/vote"]
    assert all("<" not in article.text for article in articles)
