"""The story database opened read-only (the web app's store), and the reads it added:
paging, counting, literal search, one article, an article's stories, a story's article heads."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from consilience.errors import (
    ArticleNotFoundError,
    ForeignDatabaseError,
    NoDatabaseError,
    OldSchemaError,
    SchemaVersionError,
    StoreError,
)
from consilience.store import Store

from .test_database import make_article, new_row


@pytest.fixture
def filled(database_url):
    """Five stories, one article each except story 1 (two), with dates spread over a year."""
    with Store(database_url) as store:
        store.add_batch([new_row(1, 1, published="2024-01-05"),
                         new_row(2, 1, published="2024-01-09")], {1: "Harbour 100% plan"})
        store.add_batch([new_row(3, 2, published="2024-03-01")], {2: "Harbour_plan vote"})
        store.add_batch([new_row(4, 3, published="2024-05-01")], {3: "Election night"})
        store.add_batch([new_row(5, 4, published="2024-07-01")], {4: "Storm warning"})
        store.add_batch([new_row(6, 5, published="2024-09-01")], {5: "Bridge \\ closed"})
    return database_url


def test_a_reader_reads_what_a_writer_stored(filled):
    with Store(filled, read_only=True) as store:
        assert store.read_only
        assert [row.id for row in store.stories()] == [5, 4, 3, 2, 1]
        assert store.story(1).size == 2
        assert store.count_articles() == 6


def test_stories_page_in_sql_and_count(filled):
    with Store(filled, read_only=True) as store:
        assert [row.id for row in store.stories(limit=2)] == [5, 4]
        assert [row.id for row in store.stories(limit=2, offset=2)] == [3, 2]
        assert [row.id for row in store.stories(limit=2, offset=4)] == [1]
        assert store.stories(limit=2, offset=10) == []
        assert [row.id for row in store.stories(offset=3)] == [2, 1]
        assert store.count_stories() == 5
        assert store.count_stories(search="harbour") == 2
        assert store.count_stories(since="2024-05-01") == 3
        assert store.count_stories(search="harbour", since="2024-02-01") == 1
        assert store.count_stories(stale_only=True) == 5


def test_search_words_are_literal(filled):
    with Store(filled, read_only=True) as store:
        def found(search):
            return [row.id for row in store.stories(search=search)]

        assert found("100%") == [1]
        assert found("%") == [1]
        assert found("harbour_plan") == [2]
        assert found("_") == [2]
        assert found("\\") == [5]
        assert found("' OR 1=1 --") == []
        assert found("%' OR '1'='1") == []
        assert store.count_stories(search="%") == 1


def test_one_article_and_its_stories(filled):
    with Store(filled, read_only=True) as store:
        assert store.article("a-0000000002") == make_article(2, published="2024-01-09")
        assert [row.id for row in store.article_stories("a-0000000002")] == [1]
        assert store.article_stories("a-9999999999") == []
        with pytest.raises(ArticleNotFoundError) as error:
            store.article("a-9999999999")
        assert "E510" in error.value.one_line()
        heads = store.story_article_heads(1)
        assert [(head.id, head.title, head.outlet, head.published) for head in heads] == [
            ("a-0000000001", "Council vote 1", "Harbour Times", "2024-01-05"),
            ("a-0000000002", "Council vote 2", "Harbour Times", "2024-01-09")]
        assert store.story_article_heads(99) == []


def test_a_reader_cannot_write(filled):
    with Store(filled, read_only=True) as store:
        with pytest.raises(StoreError):
            store.add_batch([new_row(7, 6)], {6: "New"})
        with pytest.raises(StoreError):
            store.save_analysis(1, "{}", "Changed", "", 2)
        with pytest.raises(StoreError):
            store.put_annotations([("k", b"v")])
    with Store(filled) as store:
        assert store.count_articles() == 6 and store.analysis(1) is None


def test_a_reader_never_creates_a_database(database_url, tmp_path):
    with pytest.raises(NoDatabaseError) as error:
        Store(database_url, read_only=True)
    assert "E508" in error.value.one_line() and "consilience ingest" in error.value.message
    if database_url.startswith("sqlite"):
        assert not list(tmp_path.iterdir())
    else:  # the empty PostgreSQL database got no tables
        engine = create_engine(make_url(database_url).set(drivername="postgresql+psycopg"))
        try:
            with engine.connect() as connection:
                assert inspect(connection).get_table_names() == []
        finally:
            engine.dispose()
    missing = tmp_path / "no" / "such" / "folder" / "stories.db"
    with pytest.raises(NoDatabaseError):
        Store(missing, read_only=True)
    assert not (tmp_path / "no").exists()


def test_a_reader_refuses_foreign_and_newer_databases_without_changing_them(tmp_path):
    foreign = tmp_path / "accounts.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE ledger (amount INTEGER)")
    connection.commit()
    connection.close()
    before = foreign.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        Store(foreign, read_only=True)
    assert foreign.read_bytes() == before

    newer = tmp_path / "newer.db"
    with Store(newer) as store, store.engine.begin() as writing:
        writing.execute(text("UPDATE consilience_meta SET value = '99' "
                             "WHERE key = 'schema_version'"))
    with pytest.raises(SchemaVersionError):
        Store(newer, read_only=True)

    older = tmp_path / "older.db"
    with Store(older) as store, store.engine.begin() as writing:
        writing.execute(text("DELETE FROM consilience_meta WHERE key = 'schema_version'"))
    before = older.read_bytes()
    with pytest.raises(OldSchemaError) as error:
        Store(older, read_only=True)
    assert "E511" in error.value.one_line() and str(older) in error.value.message
    assert older.read_bytes() == before


def test_a_reader_works_from_many_threads(filled):
    from concurrent.futures import ThreadPoolExecutor

    with Store(filled, read_only=True) as store, ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(lambda _: len(store.stories()), range(64)))
    assert counts == [5] * 64
