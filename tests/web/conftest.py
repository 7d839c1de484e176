"""One real story database for the web tests (ingested from tests/web/corpus.py, analysed
with the small spaCy pipeline), a client over it, and HTML helpers."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from consilience.store import Store
from consilience.stream import ingest

from . import corpus

with warnings.catch_warnings():  # starlette's note about httpx, not ours
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@dataclass(frozen=True)
class Built:
    """The built database and the ids of its stories and articles, by what they are about."""

    path: Path
    quake: int
    football: int
    xss: int
    big: int
    quake_articles: tuple[str, ...]
    football_article: str
    xss_article: str
    big_article: str


def build(folder: Path, url: str | None = None) -> Built:
    """Ingest the first batch (analysed), then the later one (not analysed): the earthquake
    story goes stale and the enormous article's story is never analysed."""
    target = url or str(folder / "stories.db")
    with Store(target) as store:
        first = ingest([corpus.first_batch(folder / "first")], store)
        assert first.added == 4 and first.analysed == 3 and not first.problems
        later = ingest([corpus.later_batch(folder / "later")], store, analyse=False)
        assert later.added == 2 and not later.problems
        rows = store.stories()
        by_title = {row.title: row.id for row in rows}
        quake = by_title[corpus.FIRST[0]["title"]]
        football = by_title[corpus.FIRST[2]["title"]]
        xss = by_title[corpus.FIRST[3]["title"]]
        big = by_title[corpus.BIG["title"]]
        assert len(rows) == 4
        members = store.article_sources([quake, football, xss, big])
    assert len(members[quake]) == 3  # the later earthquake article joined the story
    return Built(Path(target), quake, football, xss, big,
                 tuple(article for article, _ in members[quake]), members[football][0][0],
                 members[xss][0][0], members[big][0][0])


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(built: Built) -> Iterator[TestClient]:
    from consilience.web import create_app

    with TestClient(create_app(built.path)) as test_client:
        yield test_client


def make_client(db: str | Path) -> TestClient:
    from consilience.web import create_app

    return TestClient(create_app(db))


class Elements(HTMLParser):
    """Every start tag (with its attributes), the text of each script element, all text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def all_text(self) -> str:
        return "".join(self.text)


def assert_secure(response) -> None:
    """The security headers every answer carries."""
    from consilience.render.templating import assets

    headers = response.headers
    assert headers["content-security-policy"] == assets().csp_header
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == "same-origin"


def assert_only_own_script(html: str) -> Elements:
    """No element came from the data: one script (the page's own, as the policy allows it),
    no img, no inline style or event-handler attribute."""
    from consilience.render.templating import assets

    page = Elements(html)
    assert len(page.scripts) == 1 and page.scripts[0] == str(assets().js)
    assert page.named("img") == []
    for _tag, attrs in page.tags:
        assert not any(name == "style" or name.startswith("on") for name in attrs), attrs
    return page
