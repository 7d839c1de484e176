"""The JSON API under /api: the story list, a story's stored analysis, one article.

Read-only, described at /api/openapi.json. Errors answer `{"error": {"code", "message"}}`:
404 for an unknown or never analysed story or an unknown article, 400 for a bad parameter.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import WithJsonSchema
from starlette.responses import Response

from ..errors import Errors, NotAnalysedError
from ..render.json import article_dict
from ..store import Store
from .cache import AnswerCache
from .ids import article_key, story_number
from .openapi import STORY_REF
from .params import DATE_SCHEMA, MAX_OFFSET, MAX_QUERY, search_text, since_date
from .schemas import ArticleDocument, ArticleRef, ErrorBody, StorySummary
from .state import get_answers, get_store

router = APIRouter(prefix="/api", tags=["stories"])

StoreDependency = Annotated[Store, Depends(get_store)]
AnswersDependency = Annotated[AnswerCache, Depends(get_answers)]
BAD_PARAMETER: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is malformed."}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such id in the database."}}
# A date as text, documented as one (checked by the handler, to answer 400 with our own code).
DateText = Annotated[str, WithJsonSchema(DATE_SCHEMA)]
# The examples show each accepted spelling (and let schemathesis' examples phase reach real
# stories: every database numbers its stories from 1). An article id is a content hash, so its
# example only shows the shape.
StoryId = Annotated[str, Path(description="Story id: 3, s3 or s-3.",
                              examples=["1", "s2", "s-3"])]
ArticleId = Annotated[str, Path(description="Article id: a- and ten hex digits.",
                                examples=["a-0123456789"])]


@router.get("/stories", response_model=list[StorySummary], responses=BAD_PARAMETER,
            summary="List stories, latest first")
def list_stories(
    store: StoreDependency,
    q: Annotated[str | None, Query(max_length=MAX_QUERY, description=(
        "Only stories whose title, names or brief contain every word (literally)."))] = None,
    since: Annotated[DateText | None, Query(
        description=("Only stories with an article published on or after this date "
                     "(YYYY-MM-DD; empty: any date)."), examples=["2024-03-01"])] = None,
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
def story_document(story_id: StoryId, store: StoreDependency,
                   answers: AnswersDependency) -> Response:
    """The story's latest stored analysis, exactly as stored. A stale story (`stale` in the
    list) answers its older analysis; `consilience show ID` analyses it again."""
    row = store.story(story_number(story_id))

    def stored() -> bytes | None:
        text = store.analysis(row.id)
        return None if text is None else text.encode("utf-8")

    body = None if row.analysed is None else answers.get(
        ("document", row.id, row.analysed), stored)
    if body is None:
        raise NotAnalysedError(Errors.E509.format(story=row.id))
    return Response(body, media_type="application/json")


@router.get("/articles/{article_id}", response_model=ArticleDocument, responses=NOT_FOUND,
            summary="One article and the stories it is in")
def article_document(article_id: ArticleId, store: StoreDependency) -> dict[str, Any]:
    """The clean article as a story document carries it, with `stories`: the ids of the
    stories it is in."""
    key = article_key(article_id)
    article = store.article(key)
    return {**article_dict(article),
            "stories": [str(row.id) for row in store.article_stories(key)]}
