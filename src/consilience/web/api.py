"""The JSON API under /api: the story list, a story's stored analysis, one article.

Read-only, described at /api/openapi.json. Errors answer `{"error": {"code", "message"}}`:
404 for an unknown or never analysed story or an unknown article, 400 for a bad parameter.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from starlette.responses import Response

from ..errors import Errors, NotAnalysedError
from ..render.json import article_dict
from ..store import Store
from .ids import article_key, story_number
from .openapi import STORY_REF
from .params import MAX_OFFSET, MAX_QUERY, search_text, since_date
from .schemas import ArticleDocument, ArticleRef, ErrorBody, StorySummary
from .state import get_store

router = APIRouter(prefix="/api", tags=["stories"])

StoreDependency = Annotated[Store, Depends(get_store)]
BAD_PARAMETER: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is malformed."}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such id in the database."}}
StoryId = Annotated[str, Path(description="Story id: 3, s3 or s-3.")]
ArticleId = Annotated[str, Path(description="Article id: a- and ten hex digits.")]


@router.get("/stories", response_model=list[StorySummary], responses=BAD_PARAMETER,
            summary="List stories, latest first")
def list_stories(
    store: StoreDependency,
    q: Annotated[str | None, Query(max_length=MAX_QUERY, description=(
        "Only stories whose title, names or brief contain every word (literally)."))] = None,
    since: Annotated[str | None, Query(description=(
        "Only stories with an article published on or after this date (YYYY-MM-DD)."))] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many stories.")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many.")] = 0,
) -> list[StorySummary]:
    """Stories with their articles, as `consilience stories --format json` lists them."""
    rows = store.stories(search=search_text(q), since=since_date(since), limit=limit,
                         offset=offset)
    members = store.article_sources([row.id for row in rows])
    return [StorySummary(
        id=str(row.id), title=row.title, first=row.first, last=row.last, topic=str(row.topic),
        size=row.size, stale=row.stale, analysed=row.analysed,
        articles=[ArticleRef(id=article, source=source)
                  for article, source in members.get(row.id, [])],
    ) for row in rows]


@router.get("/stories/{story_id}", summary="A story's latest analysis (schema v1)",
            response_class=Response, responses={
                200: {"description": "The stored schema v1 document, as stored.",
                      "content": {"application/json": {"schema": {"$ref": STORY_REF}}}},
                404: {"model": ErrorBody, "description": (
                    "No such story (E506), or it has not been analysed yet (E509).")}})
def story_document(story_id: StoryId, store: StoreDependency) -> Response:
    """The story's latest stored analysis, exactly as stored. A stale story (`stale` in the
    list) answers its older analysis; `consilience show ID` analyses it again."""
    number = story_number(story_id)
    store.story(number)
    stored = store.analysis(number)
    if stored is None:
        raise NotAnalysedError(Errors.E509.format(story=number))
    return Response(stored, media_type="application/json")


@router.get("/articles/{article_id}", response_model=ArticleDocument, responses=NOT_FOUND,
            summary="One article and the stories it is in")
def article_document(article_id: ArticleId, store: StoreDependency) -> dict[str, Any]:
    """The clean article as a story document carries it, with `stories`: the ids of the
    stories it is in."""
    key = article_key(article_id)
    article = store.article(key)
    return {**article_dict(article),
            "stories": [str(row.id) for row in store.article_stories(key)]}
