"""The JSON API over a real database: the list, a story's stored document, one article, its
errors, and the OpenAPI document that describes them."""

from __future__ import annotations

import json

import pytest

from consilience.store import Store

from . import corpus
from .conftest import assert_secure


def test_the_list_is_what_stories_json_prints(client, built):
    response = client.get("/api/stories")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert_secure(response)
    listing = response.json()
    assert [story["id"] for story in listing] == [str(number) for number in (
        built.quake, built.football, built.xss, built.big)]
    quake = listing[0]
    assert set(quake) == {"id", "title", "first", "last", "topic", "size", "stale",
                          "analysed", "articles"}
    assert quake["title"] == corpus.FIRST[0]["title"]
    assert (quake["first"], quake["last"], quake["size"], quake["stale"]) == (
        "2024-03-01", "2024-03-03", 3, True)
    assert isinstance(quake["topic"], str) and quake["analysed"]
    assert [article["id"] for article in quake["articles"]] == list(built.quake_articles)
    assert all(article["source"].endswith(".json") for article in quake["articles"])
    assert listing[3]["analysed"] is None and listing[3]["stale"] is True


def test_filters_and_paging(client, built):
    def ids(**params):
        response = client.get("/api/stories", params=params)
        assert response.status_code == 200, response.text
        return [int(story["id"]) for story in response.json()]

    assert ids(q="valparaiso") == [built.quake]
    assert ids(since="2024-02-01") == [built.quake, built.football]
    assert ids(limit=2) == [built.quake, built.football]
    assert ids(limit=2, offset=2) == [built.xss, built.big]
    assert ids(offset=10) == []


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"since": "2024-13-01"},
                                    {"limit": 0}, {"limit": 501}, {"limit": "ten"},
                                    {"offset": -1}, {"q": "x" * 501}])
def test_a_bad_parameter_is_a_400_with_a_code(client, params):
    response = client.get("/api/stories", params=params)
    assert response.status_code == 400
    assert_secure(response)
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == "E702"
    assert next(iter(params)) in body["error"]["message"]


def test_a_story_document_is_exactly_what_is_stored(client, built):
    with Store(built.path, read_only=True) as store:
        stored = store.analysis(built.football)
    response = client.get(f"/api/stories/{built.football}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert_secure(response)
    assert response.content == stored.encode("utf-8")
    document = json.loads(response.content)
    assert document["schema_version"] == "1" and document["story"]["id"] == str(built.football)
    assert client.get(f"/api/stories/s-{built.football}").content == response.content


def test_a_stale_story_answers_its_last_analysis(client, built):
    document = client.get(f"/api/stories/{built.quake}").json()
    assert len(document["articles"]) == 2  # the third article came after it


def test_a_never_analysed_story_is_a_404_with_its_own_code(client, built):
    response = client.get(f"/api/stories/{built.big}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E509"
    assert f"consilience show {built.big}" in response.json()["error"]["message"]


@pytest.mark.parametrize("story", ["999", "0", "abc", "..%2Fconsilience.db", "%00", "9" * 50])
def test_an_unknown_story_is_a_404(client, story):
    response = client.get(f"/api/stories/{story}")
    assert response.status_code == 404
    assert_secure(response)
    body = response.json()
    assert body["error"]["code"] in ("E506", "E703")
    assert "Traceback" not in response.text


def test_an_article_with_its_stories(client, built):
    response = client.get(f"/api/articles/{built.quake_articles[0]}")
    assert response.status_code == 200
    assert_secure(response)
    article = response.json()
    assert article["id"] == built.quake_articles[0]
    assert article["stories"] == [str(built.quake)]
    assert article["title"] == corpus.FIRST[0]["title"]
    assert article["outlet"] == "Coast Herald" and article["byline"] == "Ana Rojas"
    assert article["url"] == "https://herald.example/quake"
    assert article["text"] == corpus.FIRST[0]["text"]
    assert {"source", "published", "headings", "removed", "language"} <= set(article)


@pytest.mark.parametrize("article", ["a-0000000000", "a-zzzzzzzzzz", "%00",
                                     "..%2F..%2Fetc%2Fpasswd", "a" * 10_000])
def test_an_unknown_article_is_a_404(client, article):
    response = client.get(f"/api/articles/{article}")
    assert response.status_code == 404
    assert_secure(response)
    assert response.json()["error"]["code"] in ("E510", "E703")


def test_the_openapi_document_describes_the_api(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert set(document["paths"]) == {"/api/stories", "/api/stories/{story_id}",
                                      "/api/articles/{article_id}"}
    schemas = document["components"]["schemas"]
    listing = document["paths"]["/api/stories"]["get"]
    answer = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer["type"] == "array"
    assert answer["items"] == {"$ref": "#/components/schemas/StorySummary"}
    assert {"id", "title", "stale", "articles"} <= set(schemas["StorySummary"]["properties"])
    assert {parameter["name"] for parameter in listing["parameters"]} == {
        "q", "since", "limit", "offset"}
    assert listing["responses"]["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"}
    story = document["paths"]["/api/stories/{story_id}"]["get"]
    assert story["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/StoryDocument"}
    assert "404" in story["responses"]
    assert "brief" in schemas["StoryDocument"]["properties"]
    article = document["paths"]["/api/articles/{article_id}"]["get"]
    assert article["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"}
    assert "stories" in schemas["ArticleDocument"]["properties"]
    text = json.dumps(document)
    assert '"422"' not in text and "#/$defs/" not in text
    for reference in set(part.split('"')[0] for part in text.split('"$ref": "')[1:]):
        assert reference.removeprefix("#/components/schemas/") in schemas, reference


def test_no_interactive_docs_that_would_load_scripts(client):
    for path in ("/docs", "/redoc", "/openapi.json", "/api/docs"):
        assert client.get(path).status_code == 404
