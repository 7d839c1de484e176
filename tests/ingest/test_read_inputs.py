"""Reading files and folders: every format, and every kind of bad input named in one line."""

import json

import pytest

from consilience.ingest import iter_article_files, read_inputs

BODY = ("The finance ministry said on Tuesday that the budget would grow by 3 percent next "
        "year, according to officials familiar with the plan.")


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def codes(problems):
    return [problem.code for problem in problems]


def test_folder_is_walked_recursively_in_order_skipping_docs_and_hidden(tmp_path):
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "sub" / "a.md", BODY)
    write(tmp_path / "README.md", "# About this folder")
    write(tmp_path / ".hidden" / "c.txt", BODY)
    write(tmp_path / "notes.csv", "a,b")
    found = list(iter_article_files([tmp_path]))
    assert [path.relative_to(tmp_path).as_posix() for path in found] == ["b.txt", "sub/a.md"]


def test_text_and_markdown(tmp_path):
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.md", f"# Budget grows\n\n{BODY}")
    articles, problems = read_inputs([tmp_path])
    assert problems == []
    assert [article.format for article in articles] == ["text", "markdown"]


def test_json_object_list_and_field_names(tmp_path):
    write(tmp_path / "one.json", json.dumps({
        "content": BODY, "headline": "Budget grows", "link": "https://example.org/a",
        "source": {"id": "x", "name": "Example News"}, "authors": ["A. Writer", "B. Writer"],
        "publishedAt": "2025-06-21T10:00:00Z"}))
    write(tmp_path / "many.json",
          json.dumps([{"body": BODY, "site": "Other"}, {"text": BODY + "!"}]))
    articles, problems = read_inputs([tmp_path / "one.json", tmp_path / "many.json"])
    assert problems == []
    first = articles[0]
    assert (first.title, first.url, first.outlet, first.byline, first.published) == (
        "Budget grows", "https://example.org/a", "Example News", "A. Writer, B. Writer",
        "2025-06-21T10:00:00Z")
    assert [article.source for article in articles[1:]] == [
        f"{tmp_path / 'many.json'}#0", f"{tmp_path / 'many.json'}#1"]
    assert articles[1].outlet == "Other"


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path):
    lines = [json.dumps({"text": BODY}), "{not json", json.dumps({"title": "no text"}),
             "", json.dumps({"text": "   "}), json.dumps({"text": BODY + " Again."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    articles, problems = read_inputs([path])
    assert len(articles) == 2
    assert [(problem.code, problem.line) for problem in problems] == [
        ("E105", 2), ("E105", 3), ("E104", 5)]
    assert all(problem.source == str(path) for problem in problems)
    assert articles[1].source == f"{path}:6"


def test_malformed_json_names_line(tmp_path):
    path = write(tmp_path / "bad.json", '{\n  "text": "a",\n  oops\n}')
    articles, problems = read_inputs([path])
    assert articles == []
    assert problems[0].code == "E105" and problems[0].line == 3
    assert problems[0].one_line() == (f"{path}:3: [E105] invalid JSON: Expecting property name "
                                      "enclosed in double quotes at line 3, column 3; fix the "
                                      "record or remove it")


def test_a_broken_jsonl_line_names_its_line_and_column_and_gives_no_unrelated_advice(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": "fine article text here"}\n'
                 '{"title": "x", "text": "cut off\n')
    articles, problems = read_inputs([path])
    assert len(articles) == 1 and len(problems) == 1
    line = problems[0].one_line()
    assert line.startswith(f"{path}:2: [E105] invalid JSON: Unterminated string starting at "
                           "column 24")
    assert "text, content or body" not in line


def test_a_text_field_that_is_not_a_string_says_so(tmp_path):
    path = write(tmp_path / "feed.jsonl", '{"text": 12345}\n{"body": ["a", "b"]}\n{"x": 1}\n')
    _, problems = read_inputs([path])
    assert [problem.code for problem in problems] == ["E105"] * 3
    assert "its text field is a number, not a string" in problems[0].message
    assert "its body field is a list, not a string" in problems[1].message
    assert "has no text field" in problems[2].message


def test_html_goes_through_trafilatura_with_metadata(tmp_path):
    paragraphs = "".join(f"<p>{BODY} Paragraph {i} adds detail.</p>" for i in range(4))
    html = (
        "<html><head><title>Budget grows | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Ann Writer">'
        '<meta property="article:published_time" content="2025-06-21T10:00:00Z"></head>'
        f"<body><nav>Home &gt; World</nav><article><h1>Budget grows</h1>{paragraphs}"
        "<h2>What comes next</h2><p>Parliament votes next month on the plan.</p></article>"
        "<footer>Copyright 2025 Example News</footer></body></html>")
    articles, problems = read_inputs([write(tmp_path / "page.html", html)])
    assert problems == []
    article = articles[0]
    assert article.format == "markdown"
    assert (article.title, article.outlet, article.byline) == ("Budget grows", "Example News",
                                                              "Ann Writer")
    assert article.published.startswith("2025-06-21")
    assert "Parliament votes next month" in article.text
    assert "## What comes next" in article.text
    assert "Copyright" not in article.text


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", "", "E104"),
        ("blank.txt", " \n\n\t", "E104"),
        ("binary.txt", b"\x00\x01\x02binary\x00" * 20, "E102"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "E102"),
        ("script.html", "<html><body><script>var a = 1;</script></body></html>", "E106"),
    ],
)
def test_bad_file_is_one_coded_problem_and_others_still_read(tmp_path, name, content, code):
    write(tmp_path / name, content)
    write(tmp_path / "good.txt", BODY)
    articles, problems = read_inputs([tmp_path])
    assert len(articles) == 1 and articles[0].source.endswith("good.txt")
    assert codes(problems) == [code]
    assert problems[0].source.endswith(name)
    assert "\n" not in problems[0].one_line()


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    articles, problems = read_inputs([tmp_path / "nope.txt", tmp_path / "empty"])
    assert articles == []
    assert codes(problems) == ["E101", "E107"]
    assert "does not exist" in problems[0].message


def test_non_utf8_file_is_read_with_a_warning(tmp_path):
    text = "The minister’s “surprise” visit cost €3 million, officials said on Monday. " * 3
    write(tmp_path / "latin.txt", text.encode("cp1252"))
    articles, problems = read_inputs([tmp_path])
    assert articles[0].text.startswith("The minister’s “surprise”")
    assert [(problem.code, problem.severity) for problem in problems] == [("W101", "warning")]
