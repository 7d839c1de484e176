"""The HTML pages: the story list, a story, an article (in parts) and its plain text.

A story page is the stored analysis rendered by `render.html.render_html`; nothing is analysed
here. A story never analysed gets a simple page listing its articles.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from ..errors import BadParameterError, Errors
from ..models import Article
from ..render.html import render_html
from ..render.load import document_model, story_from_document
from ..render.text import web_address
from ..store import Store, StoryRow
from ..store.connect import shown_path
from .cache import AnswerCache
from .ids import article_key, story_number
from .params import MAX_OFFSET, MAX_QUERY, PAGE_SIZE, search_text, since_date
from .responses import HOME_NAV, page
from .state import get_answers, get_store
from .text import text_parts

router = APIRouter(include_in_schema=False)

StoreDependency = Annotated[Store, Depends(get_store)]
AnswersDependency = Annotated[AnswerCache, Depends(get_answers)]
ARTICLE_URL = "/articles/{id}"


def story_href(story: int) -> str:
    return f"/stories/{story}"


def article_href(article: str) -> str:
    return ARTICLE_URL.format(id=article)


def _row(row: StoryRow) -> dict[str, Any]:
    return {"id": row.id, "href": story_href(row.id), "title": row.title or f"Story {row.id}",
            "first": (row.first or "")[:10], "last": (row.last or "")[:10], "size": row.size,
            "topic": row.topic, "stale": row.stale, "analysed": row.analysed is not None}


def _list_href(q: str | None, since: str | None, number: int) -> str:
    query = {key: value for key, value in (("q", q), ("since", since)) if value}
    if number > 1:
        query["page"] = str(number)
    return "/?" + urlencode(query) if query else "/"


@router.get("/", response_class=HTMLResponse)
def story_list(
    store: StoreDependency,
    q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
    since: str | None = None,
    page_number: Annotated[int, Query(alias="page", ge=1,
                                      le=MAX_OFFSET // PAGE_SIZE)] = 1,
) -> HTMLResponse:
    """Stories, latest first, 50 a page, with a search box and a date filter."""
    context: dict[str, Any] = {"q": q or "", "since": since or "", "rows": [], "message": None,
                               "page_number": page_number, "pages": 1, "total": 0,
                               "previous_href": None, "next_href": None, "filtered": False,
                               "empty_database": False, "db": shown_path(store.name)}
    try:
        day = since_date(since)
    except BadParameterError as error:
        context["message"] = error.message
        return page("stories.html.j2", status=400, **context)
    words = search_text(q)
    total = store.count_stories(search=words, since=day)
    rows = store.stories(search=words, since=day, limit=PAGE_SIZE,
                         offset=(page_number - 1) * PAGE_SIZE)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    context.update(
        rows=[_row(row) for row in rows], total=total, pages=pages,
        filtered=bool(words or day),
        empty_database=total == 0 and not (words or day),
        previous_href=_list_href(words, day, page_number - 1) if page_number > 1 else None,
        next_href=_list_href(words, day, page_number + 1) if page_number < pages else None)
    return page("stories.html.j2", **context)


def _stale_notice(row: StoryRow, analysed_articles: int) -> str:
    joined = row.size - analysed_articles
    again = f"run `consilience show {row.id}` to analyse it again."
    if joined <= 0:
        return f"This story changed after this analysis; {again}"
    noun = "article" if joined == 1 else "articles"
    return f"{joined} {noun} joined this story after this analysis; {again}"


def _story_html(store: Store, row: StoryRow) -> bytes | None:
    """The story page of the stored analysis (None when there is none): parsing, loading and
    rendering it is the costly part of a story page, so its result is kept (web/cache.py)."""
    stored = store.analysis(row.id)
    if stored is None:
        return None
    document = json.loads(stored)
    story = story_from_document(document)
    notice = _stale_notice(row, len(story.articles)) if row.stale else None
    return render_html(story, document_model(document), notice=notice, nav=list(HOME_NAV),
                       article_url=ARTICLE_URL).encode("utf-8")


def _pending_page(store: Store, row: StoryRow) -> HTMLResponse:
    pending = Errors.E509.format(story=row.id)
    articles = [{"href": article_href(head.id), "title": head.title or head.source,
                 "outlet": head.outlet, "published": (head.published or "")[:10]}
                for head in store.story_article_heads(row.id)]
    return page("pending.html.j2", story=_row(row), articles=articles,
                notice=pending[:1].upper() + pending[1:])


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, store: StoreDependency, answers: AnswersDependency
               ) -> HTMLResponse:
    """The story's stored analysis as the story page; a notice when it is stale."""
    row = store.story(story_number(story_id))
    if row.analysed is not None:
        html = answers.get(("page", row.id, row.analysed, row.size, row.stale),
                           lambda: _story_html(store, row))
        if html is not None:
            return HTMLResponse(html)
    return _pending_page(store, row)


def _article_context(article: Article, stories: list[StoryRow]) -> dict[str, Any]:
    return {"id": article.id, "title": article.title or article.source,
            "outlet": article.outlet, "byline": article.byline,
            "published": article.published, "source": article.source,
            "url": article.url, "link": web_address(article.url),
            "stories": [_row(row) for row in stories],
            "text_href": f"{article_href(article.id)}/text"}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    article_id: str,
    store: StoreDependency,
    part: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
) -> HTMLResponse:
    """An article: its metadata, its stories and its clean text, 100,000 characters a part."""
    key = article_key(article_id)
    article = store.article(key)
    parts = text_parts(article.text)
    if part > len(parts):
        raise BadParameterError(Errors.E702.format(
            name="part", detail=f"this article has {len(parts)} part(s)"))
    start, end = parts[part - 1]
    href = article_href(key)
    context = _article_context(article, store.article_stories(key))
    context.update(
        text=article.text[start:end], part=part, parts=len(parts), start=start, end=end,
        length=len(article.text),
        previous_href=f"{href}?part={part - 1}" if part > 1 else None,
        next_href=f"{href}?part={part + 1}" if part < len(parts) else None)
    return page("article.html.j2", **context)


@router.get("/articles/{article_id}/text", response_class=PlainTextResponse)
def article_text(article_id: str, store: StoreDependency) -> PlainTextResponse:
    """The whole clean text, as plain UTF-8 text."""
    return PlainTextResponse(store.article(article_key(article_id)).text,
                             media_type="text/plain; charset=utf-8")

