"""What holds for every request: security headers, GET and HEAD only, no traceback ever, no
NLP inside a request, and a database that is never written."""

from __future__ import annotations

import hashlib
import logging

import pytest

from consilience.errors import StoreError
from consilience.store import Store

from .conftest import assert_secure, make_client


def every_path(built) -> list[str]:
    return ["/", "/?q=earthquake", "/?since=2024-01-01", "/?since=bad", "/?page=2",
            f"/stories/{built.quake}", f"/stories/{built.football}", f"/stories/{built.xss}",
            f"/stories/{built.big}", "/stories/999", "/stories/abc",
            f"/articles/{built.quake_articles[0]}", f"/articles/{built.big_article}?part=2",
            f"/articles/{built.big_article}/text", "/articles/a-0000000000", "/nowhere",
            "/api/stories", "/api/stories?q=quake&limit=1", "/api/stories?limit=0",
            f"/api/stories/{built.quake}", f"/api/stories/{built.big}", "/api/stories/999",
            f"/api/articles/{built.xss_article}", "/api/articles/%00", "/api/nowhere",
            "/api/openapi.json"]


def test_every_answer_has_the_security_headers(client, built):
    statuses = set()
    for path in every_path(built):
        response = client.get(path)
        assert_secure(response)
        assert response.status_code < 500, path
        statuses.add(response.status_code)
    assert statuses == {200, 400, 404}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/", "/api/stories", "/stories/1", "/nowhere"])
def test_only_get_and_head_are_served(client, method, path):
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert_secure(response)
    if path.startswith("/api"):
        assert response.json()["error"]["code"] == "E704"
    else:
        assert "E704" in response.text


def test_head_answers_like_get_without_a_body(client, built):
    for path in ("/", f"/stories/{built.football}", "/api/stories", "/stories/999"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert_secure(head)


def test_an_unexpected_error_is_a_500_without_a_traceback(built, monkeypatch, caplog):
    secret = "secret-detail-of-the-failure"

    def broken(*_args, **_kwargs):
        raise RuntimeError(secret)

    with make_client(built.path) as client:
        monkeypatch.setattr(client.app.state.store, "stories", broken)
        with caplog.at_level(logging.ERROR, logger="consilience.web.security"):
            api = client.get("/api/stories")
            page = client.get("/")
    assert api.status_code == 500 and page.status_code == 500
    assert api.json() == {"error": {"code": "E705", "message": api.json()["error"]["message"]}}
    for response in (api, page):
        assert_secure(response)
        assert secret not in response.text and "Traceback" not in response.text
    assert "E705" in page.text
    assert secret in caplog.text  # the log has it, for whoever runs the server


def test_a_database_failure_while_serving_is_a_503(built, monkeypatch):
    from consilience.errors import DatabaseConnectError

    def gone(*_args, **_kwargs):
        raise DatabaseConnectError("cannot connect to the database server (gone)")

    with make_client(built.path) as client:
        monkeypatch.setattr(client.app.state.store, "story", gone)
        response = client.get("/api/stories/1")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "E504"


def test_no_nlp_runs_inside_a_request(client, built, monkeypatch):
    import spacy

    import consilience.annotate
    import consilience.pipeline
    import consilience.stream

    def forbidden(*_args, **_kwargs):
        raise AssertionError("NLP inside a request")

    monkeypatch.setattr(spacy, "load", forbidden)
    monkeypatch.setattr(consilience.annotate, "load_pipeline", forbidden)
    monkeypatch.setattr(consilience.pipeline, "analyze_articles", forbidden)
    monkeypatch.setattr(consilience.stream, "analyse_story", forbidden)
    for path in every_path(built):
        assert client.get(path).status_code < 500, path


def fingerprint(path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_the_database_file_is_never_written(built):
    before = fingerprint(built.path)
    with make_client(built.path) as client:
        for path in every_path(built):
            client.get(path)
            client.head(path)
            client.post(path)
    assert fingerprint(built.path) == before


def test_a_read_only_store_cannot_write(built):
    before = fingerprint(built.path)
    with Store(built.path, read_only=True) as store, pytest.raises(StoreError):
        store.save_analysis(built.football, "{}", "changed", "", 1)
    assert fingerprint(built.path) == before
