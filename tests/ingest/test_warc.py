"""WARC archives: real files written with warcio, whole and damaged."""

import gzip
import io

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from consilience.ingest import iter_article_files, read_file, read_inputs
from consilience.models import RawArticle

STORIES = [
    ("harbour", "Harbour strike halts exports", "2025-03-04T08:30:00Z", [
        "Dock workers at the country's largest port walked out on Monday, halting container "
        "traffic for the first time in a decade.",
        "The union said the strike would last until the port authority agreed to talks on "
        "wages, which have not risen since 2019.",
        "Exporters warned that perishable goods worth millions were stranded on the quays.",
        "A spokesperson for the port authority said it remained open to dialogue.",
    ]),
    ("rates", "Central bank holds rates steady", "2025-03-05T12:00:00+01:00", [
        "The central bank kept its main interest rate unchanged on Wednesday, citing stubborn "
        "inflation in services.",
        "Governor Maria Lind told reporters that cuts were unlikely before the summer.",
        "Markets had priced in a small chance of a cut, and the currency rose after the "
        "announcement.",
    ]),
    ("flood", "Floods force thousands from homes", None, [
        "Heavy rain overnight flooded low-lying districts of the river city, forcing more than "
        "three thousand residents to leave their homes.",
        "Rescue teams used boats to reach people trapped on rooftops, officials said.",
        "The weather service expects more rain until Friday.",
    ]),
]


def news_page(title, published, paragraphs, charset_meta=""):
    meta = (f'<meta property="article:published_time" content="{published}">'
            if published else "")
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head>{charset_meta}<title>{title} | Daily Ledger"
        f'</title><meta property="og:site_name" content="Daily Ledger">{meta}</head><body>'
        '<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>'
        f"<main><article><h1>{title}</h1><p class=\"byline\">By Sam Carter</p>{body}"
        "</article></main><aside>Most read: Ten recipes for spring</aside>"
        # No year in the footer: trafilatura would take "© 2025" for a date (2025-01-01).
        "<footer>© Daily Ledger. All rights reserved.</footer></body></html>")


def url_of(slug):
    return f"https://www.dailyledger.example/news/{slug}"


def http_response(writer, url, body, *, status="200 OK", content_type="text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type),
                                        ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                     http_headers=headers)


def write_warc(path, *, gzip_records=True, stories=STORIES):
    """A crawl of the news pages, with the records a crawler writes around them."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for slug, title, published, paragraphs in stories:
            request = (f"GET /news/{slug} HTTP/1.1\r\nHost: www.dailyledger.example\r\n\r\n")
            writer.write_record(writer.create_warc_record(
                url_of(slug), "request", payload=io.BytesIO(request.encode())))
            page = news_page(title, published, paragraphs).encode("utf-8")
            writer.write_record(http_response(writer, url_of(slug), page))
            logo = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
            writer.write_record(http_response(writer, url_of(slug) + "/logo.png", logo,
                                              content_type="image/png"))
        writer.write_record(http_response(writer, url_of("gone"), b"<html><body><p>Not found"
                                          b"</p><p>Try the home page</p></body></html>",
                                          status="404 Not Found"))
        writer.write_record(http_response(writer, url_of("moved"), b"", status="301 Moved"))
    return path


def record_offsets(path):
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        return [(record.rec_type, records.get_record_offset()) for record in records]


def articles_and_errors(path):
    items = list(read_file(path))
    return ([item for item in items if isinstance(item, RawArticle)],
            [item for item in items if not isinstance(item, RawArticle)])


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_news_pages_become_articles_and_other_records_are_skipped(tmp_path, name):
    path = write_warc(tmp_path / name, gzip_records=name.endswith(".gz"))
    articles, errors = articles_and_errors(path)
    assert errors == []
    assert [article.url for article in articles] == [url_of(slug) for slug, *_ in STORIES]
    assert [article.title for article in articles] == [title for _, title, *_ in STORIES]
    offsets = [offset for kind, offset in record_offsets(path) if kind == "response"]
    assert [article.source for article in articles] == [
        f"{path}@{offset}" for offset in offsets[0:6:2]]  # page, image, page, image, ...
    for article, (_, _, _, paragraphs) in zip(articles, STORIES, strict=True):
        assert article.format == "markdown"
        assert all(paragraph in article.text for paragraph in paragraphs)
        assert "Most read" not in article.text and "All rights reserved" not in article.text
        assert "<p>" not in article.text
        assert article.outlet == "Daily Ledger"


def test_published_date_comes_from_the_page_never_from_the_crawl(tmp_path):
    articles, _ = articles_and_errors(write_warc(tmp_path / "crawl.warc.gz"))
    assert articles[0].published.startswith("2025-03-04")
    assert articles[1].published.startswith("2025-03-05")
    assert articles[2].published is None  # no date on the page; WARC-Date is the crawl's


def test_charset_from_http_header_else_from_the_page(tmp_path):
    text = "Le ministre a déclaré lundi que la réforme coûterait 3 millions d’euros. "
    paragraphs = [text * 2, "Les syndicats ont annoncé une grève générale pour jeudi. " * 2,
                  "L’opposition dénonce un passage en force au Parlement. " * 2]
    path = tmp_path / "latin.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        page = news_page("Réforme", None, paragraphs).encode("cp1252")
        writer.write_record(http_response(writer, url_of("a"), page,
                                          content_type="text/html; charset=windows-1252"))
        meta = '<meta charset="iso-8859-15">'
        page = news_page("Réforme", None, paragraphs, charset_meta=meta).replace("’", "'")
        writer.write_record(http_response(writer, url_of("b"), page.encode("iso8859_15"),
                                          content_type="text/html"))
    articles, errors = articles_and_errors(path)
    assert errors == []
    assert [article.title for article in articles] == ["Réforme", "Réforme"]
    assert all("réforme coûterait 3 millions" in article.text for article in articles)


def test_resource_record_and_page_without_text(tmp_path):
    path = tmp_path / "mixed.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        page = news_page(*STORIES[0][1:]).encode()
        writer.write_record(writer.create_warc_record(
            url_of("saved"), "resource", payload=io.BytesIO(page),
            warc_content_type="text/html"))
        script_only = b"<html><body><script>window.location='/app'</script></body></html>"
        writer.write_record(http_response(writer, url_of("app"), script_only))
    articles, errors = articles_and_errors(path)
    assert [article.url for article in articles] == [url_of("saved")]
    assert [error.code for error in errors] == ["E106"]
    assert errors[0].one_line().startswith(f"{path}@")


@pytest.mark.parametrize(("cut", "read"), [
    ("last-bytes", ["harbour", "rates", "flood"]),  # the last record is the bodiless 301
    ("inside-last-page", ["harbour", "rates"]),
    ("inside-last-page-headers", ["harbour", "rates"]),
])
def test_truncated_gzip_keeps_the_earlier_articles_and_reports_once(tmp_path, cut, read):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    responses = [offset for kind, offset in record_offsets(tmp_path / "whole.warc.gz")
                 if kind == "response"]
    flood_page, flood_logo = responses[4], responses[5]
    end = {"last-bytes": len(whole) - 30, "inside-last-page": (flood_page + flood_logo) // 2,
           "inside-last-page-headers": flood_page + 40}[cut]
    path = tmp_path / f"{cut}.warc.gz"
    path.write_bytes(whole[:end])
    articles, errors = articles_and_errors(path)
    assert [article.url for article in articles] == [url_of(slug) for slug in read]
    assert [error.code for error in errors] == ["E108"]
    assert errors[0].path == str(path)
    assert errors[0].one_line().startswith(f"{path}: [E108] broken WARC record at byte ")
    assert "\n" not in errors[0].one_line()


def test_truncated_plain_warc(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", gzip_records=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) // 2])
    articles, errors = articles_and_errors(path)
    assert articles and [error.code for error in errors] == ["E108"]
    assert str(path) in errors[0].one_line()


@pytest.mark.parametrize("where", ["between-records", "inside-a-record", "at-the-end"])
def test_garbage_stops_the_file_at_the_broken_record(tmp_path, where):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    offsets = [offset for _, offset in record_offsets(tmp_path / "whole.warc.gz")]
    junk = b"\x00\xffThis is not a WARC record\r\n\x13\x37" * 3
    third_request = offsets[7]  # warcinfo, then request, page, image per story
    damaged = {
        "between-records": whole[:third_request] + junk + whole[third_request:],
        "inside-a-record": whole[:third_request + 25] + junk + whole[third_request + 25:],
        "at-the-end": whole + junk,
    }[where]
    path = tmp_path / f"{where}.warc.gz"
    path.write_bytes(damaged)
    articles, errors = articles_and_errors(path)
    expected = ["harbour", "rates", "flood"] if where == "at-the-end" else ["harbour", "rates"]
    assert [article.url for article in articles] == [url_of(slug) for slug in expected]
    assert [error.code for error in errors] == ["E108"]
    assert errors[0].path == str(path)
    assert f"at byte {len(whole) if where == 'at-the-end' else third_request}" in (
        errors[0].message)
    assert "\n" not in errors[0].one_line() and "\x00" not in errors[0].one_line()


def test_warc_gzipped_as_one_stream_is_read_whole(tmp_path):
    plain = write_warc(tmp_path / "crawl.warc", gzip_records=False).read_bytes()
    path = tmp_path / "one-stream.warc.gz"
    path.write_bytes(gzip.compress(plain))
    articles, errors = articles_and_errors(path)
    assert errors == []
    assert [article.url for article in articles] == [url_of(slug) for slug, *_ in STORIES]


def test_warc_gzipped_as_one_stream_and_cut_short(tmp_path):
    plain = write_warc(tmp_path / "crawl.warc", gzip_records=False).read_bytes()
    path = tmp_path / "one-stream-cut.warc.gz"
    path.write_bytes(gzip.compress(plain)[:-400])
    articles, errors = articles_and_errors(path)
    assert [article.url for article in articles][:1] == [url_of("harbour")]
    assert [error.code for error in errors] == ["E108"]
    assert errors[0].one_line().startswith(f"{path}: [E108]")
    assert "cut short" in errors[0].message


@pytest.mark.parametrize(("content", "detail"), [
    (b"", "the file is empty"),
    (None, "the archive holds no HTML page"),
])
def test_empty_warc_is_one_e104(tmp_path, content, detail):
    path = tmp_path / "empty.warc"
    if content is None:
        write_warc(path, gzip_records=False, stories=[])
    else:
        path.write_bytes(content)
    articles, errors = articles_and_errors(path)
    assert articles == []
    assert [error.code for error in errors] == ["E104"]
    assert errors[0].one_line().startswith(f"{path}: [E104]") and detail in errors[0].message


def test_text_file_named_warc_is_a_broken_archive(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes about the harbour strike.\n", encoding="utf-8")
    articles, errors = articles_and_errors(path)
    assert articles == []
    assert [error.code for error in errors] == ["E108"]
    assert "at byte 0" in errors[0].message


def test_folder_discovery_finds_double_suffix_and_reads_warc_among_text(tmp_path):
    write_warc(tmp_path / "crawl.WARC.GZ")
    (tmp_path / "sub").mkdir()
    write_warc(tmp_path / "sub" / "older.warc", gzip_records=False)
    (tmp_path / "backup.tar.gz").write_bytes(gzip.compress(b"not an article"))
    (tmp_path / "note.txt").write_text(" ".join(STORIES[0][3]), encoding="utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in iter_article_files([tmp_path])]
    assert found == ["crawl.WARC.GZ", "note.txt", "sub/older.warc"]
    articles, problems = read_inputs([tmp_path])
    assert problems == []
    assert len(articles) == 7
