"""`ingest`, `stories` and `show`, run as a user runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser

import jsonschema
import pytest


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "consilience", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def assert_one_line_error(result, code):
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and code in lines[0], result.stderr


@pytest.fixture
def stored(database_url, example_dir):
    result = run("ingest", example_dir, "--db", database_url)
    assert result.returncode == 0, result.stderr
    assert "5 added, 0 duplicate(s), 0 failed; 1 new and 0 changed stories, 1 analysed" \
        in result.stderr
    return database_url


def test_ingest_then_list_search_show_and_reingest(stored, example_dir, schema):
    """One ingest (it loads spaCy and analyses the story), then every browsing command."""
    check_stories_json_lists_stories_with_their_articles(stored, example_dir)
    check_search_and_since(stored)
    check_show_in_every_format(stored, schema)
    check_unknown_story_is_one_clear_line(stored)
    check_reingest_adds_nothing(stored, example_dir)


def check_stories_json_lists_stories_with_their_articles(stored, example_dir):
    result = run("stories", "--db", stored, "--format", "json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert len(listing) == 1
    story = listing[0]
    assert {"id", "title", "first", "last", "articles"} <= set(story)
    assert story["first"] <= story["last"]
    assert len(story["articles"]) == 5
    assert all(article["source"].startswith(str(example_dir)) and article["id"].startswith("a-")
               for article in story["articles"])
    table = run("stories", "--db", stored)
    assert table.returncode == 0 and story["id"] in table.stdout


def check_search_and_since(stored):
    listing = json.loads(run("stories", "--db", stored, "--format", "json", "--search",
                             "talks").stdout)
    assert len(listing) == 1
    assert json.loads(run("stories", "--db", stored, "--format", "json", "--search",
                          "zzzunlikelyword").stdout) == []
    assert json.loads(run("stories", "--db", stored, "--format", "json", "--since",
                          "2099-01-01").stdout) == []
    bad = run("stories", "--db", stored, "--since", "last tuesday")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def check_show_in_every_format(stored, schema):
    story = json.loads(run("stories", "--db", stored, "--format", "json").stdout)[0]["id"]
    document = json.loads(run("show", story, "--db", stored).stdout)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["story"]["id"] == story
    markdown = run("show", story, "--db", stored, "--format", "md")
    assert markdown.returncode == 0 and markdown.stdout.startswith("# ")
    page = run("show", story, "--db", stored, "--format", "html")
    assert page.returncode == 0
    HTMLParser().feed(page.stdout)
    assert page.stdout.startswith("<!doctype html>") and page.stdout.count("<script") == 1
    assert 'id="fact-matrix"' in page.stdout


def check_reingest_adds_nothing(stored, example_dir):
    again = run("ingest", example_dir, "--db", stored)
    assert again.returncode == 0
    assert "0 added, 5 duplicate(s)" in again.stderr


def check_unknown_story_is_one_clear_line(stored):
    assert_one_line_error(run("show", "999", "--db", stored), "E506")
    assert_one_line_error(run("show", "not-a-story", "--db", stored), "E506")


def test_foreign_database_is_refused_by_every_command(tmp_path, example_dir):
    path = tmp_path / "accounts.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE ledger (amount INTEGER)")
    connection.commit()
    connection.close()
    for args in (("ingest", example_dir), ("stories",), ("show", "1")):
        result = run(*args, "--db", path)
        assert_one_line_error(result, "E502")
        assert str(path) in result.stderr


def test_unreachable_server_is_one_clear_line(example_dir):
    result = run("ingest", example_dir, "--db", "postgresql://someone:pw@127.0.0.1:1/news")
    assert_one_line_error(result, "E504")
    assert "pw@" not in result.stderr


def test_ingest_reads_the_clustering_thresholds_from_a_settings_file(tmp_path, example_dir):
    settings = tmp_path / "settings.toml"
    settings.write_text("[clustering.stories]\nthreshold = 100.0\n", encoding="utf-8")
    db = tmp_path / "stories.db"
    result = run("ingest", example_dir, "--db", db, "--no-analysis", "--config", settings)
    assert result.returncode == 0, result.stderr
    assert "5 new and 0 changed stories" in result.stderr  # nothing is similar enough to join
    bad = run("ingest", example_dir, "--db", tmp_path / "other.db", "--config",
              tmp_path / "missing.toml")
    assert_one_line_error(bad, "E113")


def test_ingest_of_inputs_that_all_fail_exits_1_naming_each(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": 12345}\n{"title": "cut", "text": "unterminated\n',
                    encoding="utf-8")
    result = run("ingest", feed, "--db", tmp_path / "stories.db", "--no-analysis")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = " ".join(result.stderr.split())  # rich wraps long lines
    assert "feed.jsonl:1: [E105] its text field is a number, not a string" in said
    assert "feed.jsonl:2: [E105] invalid JSON: Unterminated string starting at column 26" in said
    assert "[E110]" in said
