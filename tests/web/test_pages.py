"""The HTML pages over a real database: the list (search, date, paging), story pages (fresh,
stale, never analysed, one article), article pages (enormous ones in parts), and escaping."""

from __future__ import annotations

import pytest

from consilience.render.templating import assets

from . import corpus
from .conftest import Elements, assert_only_own_script, assert_secure


def story_links(html: str) -> list[str]:
    return [attrs["href"] or "" for attrs in Elements(html).named("a")
            if (attrs.get("href") or "").startswith("/stories/")]


def test_the_list_shows_every_story_latest_first(client, built):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert_secure(response)
    assert story_links(response.text) == [f"/stories/{number}" for number in (
        built.quake, built.football, built.xss, built.big)]
    page = assert_only_own_script(response.text)
    text = page.all_text()
    assert corpus.FIRST[0]["title"] in text and corpus.BIG["title"] in text
    assert "2024-03-01 – 2024-03-03" in text  # first and last dates of the earthquake story
    assert "stale" in text and "not analysed" in text
    assert "4 stories" in text


def test_search_finds_words_of_titles_and_analyses(client, built):
    response = client.get("/", params={"q": "earthquake VALPARAISO"})
    assert response.status_code == 200
    assert story_links(response.text) == [f"/stories/{built.quake}"]
    assert 'value="earthquake VALPARAISO"' in response.text
    nothing = client.get("/", params={"q": "zzzunlikelyword"})
    assert nothing.status_code == 200 and story_links(nothing.text) == []
    assert "No stories match." in nothing.text


@pytest.mark.parametrize("query", ["' OR 1=1 --", "%", "_", "%' --", "\\", "'; DROP TABLE "
                                   "stories; --"])
def test_injection_looking_searches_match_nothing(client, query):
    response = client.get("/", params={"q": query})
    assert response.status_code == 200
    assert story_links(response.text) == []
    api = client.get("/api/stories", params={"q": query})
    assert api.status_code == 200 and api.json() == []


def test_since_keeps_recent_stories_and_a_bad_date_is_a_400_page(client, built):
    recent = client.get("/", params={"since": "2024-03-02"})
    assert recent.status_code == 200
    assert story_links(recent.text) == [f"/stories/{built.quake}"]
    bad = client.get("/", params={"since": "last tuesday", "q": "quake"})
    assert bad.status_code == 400
    assert_secure(bad)
    page = assert_only_own_script(bad.text)
    assert "not a date; give it as YYYY-MM-DD" in page.all_text()
    assert 'value="last tuesday"' in bad.text  # the form keeps what was typed
    assert story_links(bad.text) == []


def test_paging(client, built, monkeypatch):
    from consilience.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    first = client.get("/")
    assert story_links(first.text) == [f"/stories/{number}" for number in (
        built.quake, built.football, built.xss)]
    assert "page 1 of 2" in Elements(first.text).all_text()
    assert "/?page=2" in first.text
    second = client.get("/", params={"page": 2})
    assert story_links(second.text) == [f"/stories/{built.big}"]
    past = client.get("/", params={"page": 9})
    assert past.status_code == 200 and story_links(past.text) == []
    assert client.get("/", params={"page": "x"}).status_code == 400
    assert client.get("/", params={"page": 0}).status_code == 400
    filtered = client.get("/", params={"q": "a", "since": "2023-01-01"})
    assert "/?q=a&amp;since=2023-01-01&amp;page=2" in filtered.text


def test_a_story_page_is_its_stored_analysis(client, built):
    response = client.get(f"/stories/{built.football}")
    assert response.status_code == 200
    assert_secure(response)
    page = assert_only_own_script(response.text)
    assert corpus.FIRST[2]["title"] in page.all_text()
    assert "joined this story" not in response.text
    assert client.get(f"/stories/s-{built.football}").text == response.text
    assert client.get(f"/stories/s{built.football}").text == response.text


def test_a_stale_story_says_so(client, built):
    response = client.get(f"/stories/{built.quake}")
    assert response.status_code == 200
    text = Elements(response.text).all_text()
    assert (f"1 article joined this story after this analysis; run `consilience show "
            f"{built.quake}` to analyse it again.") in text


def test_a_never_analysed_story_lists_its_articles(client, built):
    response = client.get(f"/stories/{built.big}")
    assert response.status_code == 200
    assert_secure(response)
    page = assert_only_own_script(response.text)
    assert f"has not been analysed yet; run `consilience show {built.big}`" in page.all_text()
    assert {"href": f"/articles/{built.big_article}"} in page.named("a")
    assert "Archive Bulletin" in page.all_text()
    assert len(response.text) < 100_000  # the articles' text is not on it


@pytest.mark.parametrize("story", ["999", "s-999", "0", "-1", "abc", "s--3", "3.0", "1e3",
                                   "9" * 30, "x" * 5000])
def test_an_unknown_story_is_a_404_page(client, story):
    response = client.get(f"/stories/{story}")
    assert response.status_code == 404
    assert_secure(response)
    page = assert_only_own_script(response.text)
    assert "E506" in page.all_text() and "Traceback" not in response.text
    assert len(response.text) < 40_000


def test_an_article_page(client, built):
    response = client.get(f"/articles/{built.quake_articles[0]}")
    assert response.status_code == 200
    assert_secure(response)
    page = assert_only_own_script(response.text)
    text = page.all_text()
    for value in ("Coast Herald", "Ana Rojas", "2024-03-01", corpus.FIRST[0]["title"]):
        assert value in text
    assert {"href": "https://herald.example/quake", "rel": "noopener noreferrer"} in \
        page.named("a")
    assert {"href": f"/stories/{built.quake}"} in page.named("a")
    assert {"class": "article-text"} in page.named("pre")
    assert corpus.FIRST[0]["text"][:60] in text


def test_an_enormous_article_comes_in_parts(client, built):
    full = client.get(f"/articles/{built.big_article}/text")
    assert full.status_code == 200
    assert full.headers["content-type"] == "text/plain; charset=utf-8"
    assert_secure(full)
    stored = client.get(f"/api/articles/{built.big_article}").json()["text"]
    assert full.text == stored and len(stored) >= corpus.BIG_LENGTH
    seen = ""
    number = 1
    while True:
        response = client.get(f"/articles/{built.big_article}", params={"part": number})
        assert response.status_code == 200
        part = ElementsText.pre(response.text)
        assert 0 < len(part) <= 100_000
        seen += part
        assert {"href": f"/articles/{built.big_article}/text"} in Elements(
            response.text).named("a")
        if f"?part={number + 1}" not in response.text:
            break
        number += 1
    assert number == 4 and seen == stored
    assert client.get(f"/articles/{built.big_article}", params={"part": 5}).status_code == 400
    assert client.get(f"/articles/{built.big_article}",
                      params={"part": "two"}).status_code == 400


class ElementsText(Elements):
    """The text inside the page's <pre>."""

    def __init__(self, html: str):
        self._in_pre = False
        self.pre_text = ""
        super().__init__(html)

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self._in_pre = self._in_pre or tag == "pre"

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data):
        super().handle_data(data)
        if self._in_pre:
            self.pre_text += data

    @classmethod
    def pre(cls, html: str) -> str:
        return cls(html).pre_text


@pytest.mark.parametrize("where", ["list", "story", "article"])
def test_markup_from_articles_is_shown_as_text(client, built, where):
    path = {"list": "/", "story": f"/stories/{built.xss}",
            "article": f"/articles/{built.xss_article}"}[where]
    response = client.get(path)
    assert response.status_code == 200
    page = assert_only_own_script(response.text)
    text = page.all_text()
    assert corpus.XSS_SCRIPT in text and corpus.XSS_IMG in text
    assert "<script>alert" not in response.text and "<img" not in response.text
    for attrs in page.named("a"):
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert response.headers["content-security-policy"] == assets().csp_header


def test_an_article_without_a_web_address_links_nowhere(client, built):
    page = Elements(client.get(f"/articles/{built.xss_article}").text)
    assert "javascript:alert(1)" in page.all_text()  # shown, not linked
    assert all("javascript" not in (attrs.get("href") or "") for attrs in page.named("a"))


@pytest.mark.parametrize("article", ["a-zzzzzzzzzz", "a-00000000000", "A-0123456789",
                                     "..%2F..%2Fetc%2Fpasswd", "a-0123456789%00", "%00",
                                     "x" * 5000, "a-0000000000"])
def test_an_unknown_article_is_a_404_page(client, article):
    for path in (f"/articles/{article}", f"/articles/{article}/text"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert_secure(response)
        assert "Traceback" not in response.text and "root:" not in response.text
        assert response.headers["content-type"].startswith("text/html")
