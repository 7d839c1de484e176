"""The app on both backends (SQLite file and a real PostgreSQL server): opening read-only,
the empty database, and a round of pages and API calls over a real ingested database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.errors import NoDatabaseError
from consilience.store import Store

from . import corpus
from .conftest import Elements, assert_only_own_script, assert_secure, build, make_client


def test_a_missing_database_is_a_clear_error_and_is_not_created(tmp_path):
    from consilience.web import create_app

    path = tmp_path / "nested" / "stories.db"
    with pytest.raises(NoDatabaseError) as caught:
        create_app(path)
    assert caught.value.code == "E508"
    assert caught.value.one_line() == (
        f"[E508] no story database at {path}; create one with `consilience ingest FILES "
        f"--db {path}`")
    assert not path.exists() and not path.parent.exists()


def test_an_empty_file_is_no_story_database(tmp_path):
    from consilience.web import create_app

    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(NoDatabaseError):
        create_app(path)
    assert path.read_bytes() == b""


def test_an_empty_postgresql_database_is_no_story_database(database_url):
    from consilience.web import create_app

    if database_url.startswith("sqlite"):
        path = Path(database_url.removeprefix("sqlite:///"))
        with pytest.raises(NoDatabaseError):
            create_app(database_url)
        assert not path.exists()
        return
    with pytest.raises(NoDatabaseError):
        create_app(database_url)


def test_an_empty_story_database(database_url):
    Store(database_url).close()  # made and migrated, no stories yet
    with make_client(database_url) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert_secure(page)
        text = assert_only_own_script(page.text).all_text()
        assert "No stories yet." in text and "consilience ingest FILES --db" in text
        api = client.get("/api/stories")
        assert api.status_code == 200 and api.json() == []
        assert client.get("/stories/1").status_code == 404
        assert client.get("/api/stories/1").json()["error"]["code"] == "E506"
        assert "No stories match." in client.get("/", params={"q": "anything"}).text


def test_pages_and_api_over_a_real_database(database_url, tmp_path):
    built = build(tmp_path, database_url)
    with make_client(database_url) as client:
        listing = client.get("/api/stories").json()
        assert [int(story["id"]) for story in listing] == [
            built.quake, built.football, built.xss, built.big]
        assert client.get("/api/stories", params={"q": "valparaiso"}).json()[0]["id"] == \
            str(built.quake)
        for query in ("' OR 1=1 --", "%", "_"):
            assert client.get("/api/stories", params={"q": query}).json() == []
        assert [story["id"] for story in client.get(
            "/api/stories", params={"since": "2024-02-01", "limit": 1, "offset": 1}).json()] \
            == [str(built.football)]

        page = client.get("/")
        assert page.status_code == 200 and corpus.FIRST[0]["title"] in page.text
        with Store(database_url, read_only=True) as store:
            stored = store.analysis(built.football)
        document = client.get(f"/api/stories/{built.football}")
        assert document.content == stored.encode("utf-8")
        assert json.loads(document.content)["story"]["id"] == str(built.football)

        story = client.get(f"/stories/{built.quake}")
        assert story.status_code == 200 and "1 article joined this story" in story.text
        xss = client.get(f"/stories/{built.xss}")
        assert corpus.XSS_SCRIPT in assert_only_own_script(xss.text).all_text()
        assert client.get(f"/stories/{built.big}").status_code == 200
        assert client.get(f"/api/stories/{built.big}").json()["error"]["code"] == "E509"

        article = client.get(f"/api/articles/{built.football_article}").json()
        assert article["stories"] == [str(built.football)]
        assert Elements(client.get(f"/articles/{built.big_article}").text).named("pre")
        assert client.get(f"/articles/{built.big_article}/text").text == client.get(
            f"/api/articles/{built.big_article}").json()["text"]
        for path in ("/stories/999", "/api/stories/999", "/articles/a-0000000000",
                     "/api/articles/a-0000000000", "/stories/..%2Fconsilience.db"):
            assert client.get(path).status_code == 404, path
        assert client.post("/api/stories").status_code == 405
