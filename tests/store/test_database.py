"""The story database on SQLite and on a real PostgreSQL server: schema, writes, reads, errors."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from consilience.cluster.features import article_features, features_to_json
from consilience.errors import (
    CorruptDatabaseError,
    DatabaseConnectError,
    DatabaseOpenError,
    ForeignDatabaseError,
    SchemaVersionError,
    StoryNotFoundError,
)
from consilience.models import Article, RemovedLine
from consilience.store import SCHEMA_VERSION, NewArticle, Store, database_url


def make_article(number: int, published: str | None = "2024-03-01T10:00:00+00:00") -> Article:
    body = (f"Article {number}: the regional council voted on plan {number} for the harbour. "
            f"Mayor Ellen Vasquez said the vote on plan {number} was close.")
    return Article(id=f"a-{number:010d}", source=f"feed.jsonl:{number}", text=body,
                   title=f"Council vote {number}", outlet="Harbour Times", published=published,
                   removed=(RemovedLine("Share this", "boilerplate", 3),), headings=((0, 10),))


def new_row(number: int, story: int, topic: int = 1, **kwargs) -> NewArticle:
    article = make_article(number, **kwargs)
    features = article_features(article.id, article.text, article.title, article.published)
    return NewArticle(article, features_to_json(features), story, topic, 0.5)


def test_a_new_database_gets_the_current_schema(database_url):
    with Store(database_url) as store:
        with store.engine.connect() as connection:
            version = connection.execute(text(
                "SELECT value FROM consilience_meta WHERE key = 'schema_version'")).scalar()
        assert int(version) == SCHEMA_VERSION
        assert store.count_articles() == 0
    with Store(database_url) as store:  # opening again changes nothing
        assert store.stories() == []


def test_a_batch_is_stored_with_its_stories(database_url):
    with Store(database_url) as store:
        store.add_batch([new_row(1, 1), new_row(2, 1), new_row(3, 2, topic=1,
                                                             published="2024-03-05")],
                        {1: "Council vote", 2: "Harbour plan"})
        assert store.count_articles() == 3
        assert store.known(["a-0000000001", "a-0000000099"]) == {"a-0000000001"}
        rows = {row.id: row for row in store.stories()}
        assert rows[1].size == 2 and rows[1].stale and rows[1].title == "Council vote"
        assert rows[2].first == "2024-03-05" and rows[2].topic == 1
        assert next(row.id for row in store.stories()) == 2  # latest first
        articles = store.story_articles(1)
        assert [article.id for article in articles] == ["a-0000000001", "a-0000000002"]
        assert articles[0] == make_article(1)  # every field comes back, nested ones included
        sources = store.article_sources([1, 2])
        assert sources[2] == [("a-0000000003", "feed.jsonl:3")]
        stored = list(store.stored_articles())
        assert [item.position for item in stored] == [1, 2, 3]
        assert [item.story for item in stored] == [1, 1, 2]


def test_search_and_since_filter_stories(database_url):
    with Store(database_url) as store:
        store.add_batch([new_row(1, 1, published="2024-01-02")], {1: "Harbour flood warning"})
        store.add_batch([new_row(2, 2, published="2024-06-01")], {2: "Election night results"})
        assert [row.id for row in store.stories(search="FLOOD harbour")] == [1]
        assert [row.id for row in store.stories(since="2024-03-01")] == [2]
        assert store.stories(search="nothing-like-this") == []


def test_a_failing_batch_leaves_nothing_behind(database_url):
    with Store(database_url) as store:
        store.add_batch([new_row(1, 1)], {1: "First"})
        with pytest.raises(DatabaseOpenError):  # the same article twice breaks the key
            store.add_batch([new_row(2, 1), new_row(3, 2), new_row(2, 2)], {2: "Second"})
        assert store.count_articles() == 1
        assert [row.id for row in store.stories()] == [1]
        assert store.stories()[0].size == 1


def test_an_analysis_is_kept_unless_the_story_grew_meanwhile(database_url):
    with Store(database_url) as store:
        store.add_batch([new_row(1, 1)], {1: "First"})
        store.save_analysis(1, '{"story": 1}', "Better title", "better title words", size=1)
        row = store.story(1)
        assert not row.stale and row.title == "Better title" and row.analysed
        assert store.analysis(1) == '{"story": 1}'
        assert [r.id for r in store.stories(search="words")] == [1]
        store.add_batch([new_row(2, 1)], {})
        store.save_analysis(1, '{"story": 2}', "Title", "", size=1)  # read before it grew
        assert store.story(1).stale


def test_annotations_round_trip(database_url):
    with Store(database_url) as store:
        store.put_annotations([("k1", b"\x00\x01binary"), ("k2", b"two")])
        store.put_annotations([("k1", b"ignored: already there")])
        assert store.get_annotations(["k1", "k2", "k3"]) == {"k1": b"\x00\x01binary",
                                                             "k2": b"two"}


def test_an_unknown_story_is_a_clear_error(database_url):
    with Store(database_url) as store, pytest.raises(StoryNotFoundError) as error:
        store.story(42)
    assert "E506" in error.value.one_line()


def test_a_foreign_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError) as error:
        Store(path)
    assert "E502" in error.value.one_line() and str(path) in error.value.one_line()
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(ForeignDatabaseError):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_a_damaged_sqlite_file_is_reported(tmp_path):
    path = tmp_path / "stories.db"
    with Store(path) as store:
        store.add_batch([new_row(number, 1) for number in range(1, 40)], {1: "Story"})
    data = bytearray(path.read_bytes())
    for offset in range(100, len(data), 97):  # keep the header, garble the pages
        data[offset] = (data[offset] + 91) % 256
    path.write_bytes(bytes(data))
    for name in ("stories.db-wal", "stories.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with pytest.raises((CorruptDatabaseError, ForeignDatabaseError)) as error, \
            Store(path) as store:
        list(store.stored_articles())
    assert str(path) in error.value.one_line()


def test_a_database_from_a_newer_consilience_is_not_touched(tmp_path):
    path = tmp_path / "stories.db"
    with Store(path) as store, store.engine.begin() as connection:
        connection.execute(text("UPDATE consilience_meta SET value = '99' "
                                "WHERE key = 'schema_version'"))
    with pytest.raises(SchemaVersionError) as error:
        Store(path)
    assert "99" in error.value.message


def test_a_server_that_cannot_be_reached_is_a_clear_error():
    with pytest.raises(DatabaseConnectError) as error:
        Store("postgresql://nobody:secret@127.0.0.1:1/stories")
    line = error.value.one_line()
    assert "E504" in line and "secret" not in line and "127.0.0.1:1" in line


def test_an_unusable_url_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseOpenError):
        Store("nosuchdb://somewhere/else")
    with pytest.raises(DatabaseOpenError):
        Store(tmp_path)  # a folder


def test_paths_become_sqlite_urls(tmp_path, monkeypatch):
    assert database_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url("postgresql://h/db") == "postgresql://h/db"
    monkeypatch.setenv("CONSILIENCE_DB", str(tmp_path / "env.db"))
    assert database_url(None).endswith("env.db")
