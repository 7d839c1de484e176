"""The JSON API's response shapes, as pydantic models (so the OpenAPI document describes what
the API really answers). The story document itself is described by the story schema v1."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="The error code, e.g. E506; `consilience` documents each.",
                      examples=["E506"])
    message: str = Field(description="One line saying what is wrong and what to do.")


class ErrorBody(BaseModel):
    """Every error answer of the API."""

    error: ErrorDetail


class ArticleRef(BaseModel):
    id: str = Field(description="Article id (a content hash), e.g. a-0123456789.")
    source: str = Field(description="The path or URL the article was read from.")


class StorySummary(BaseModel):
    """One story of the list, as `consilience stories --format json` prints it."""

    id: str = Field(description="Story id: a positive integer, as a string.")
    title: str
    first: str | None = Field(description="Earliest publication date of its articles.")
    last: str | None = Field(description="Latest publication date of its articles.")
    topic: str = Field(description="Id of the topic (group of related stories) it is in.")
    size: int = Field(description="How many articles it has.")
    stale: bool = Field(description="Articles joined it after its latest analysis.")
    analysed: str | None = Field(
        description="When its latest analysis was made (ISO 8601), null when never.")
    articles: list[ArticleRef]


class SpanBody(BaseModel):
    article: str
    start: int
    end: int
    text: str


class RemovedLineBody(BaseModel):
    model_config = ConfigDict(extra="allow")

    text: str
    reason: str
    line: int | None = None


class ArticleDocument(BaseModel):
    """One article as the story document carries it, and the stories it is in."""

    model_config = ConfigDict(extra="allow")

    id: str
    source: str
    url: str | None = None
    outlet: str | None = None
    outlet_hints: list[str] = []
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    published_inferred: bool = False
    updated: str | None = None
    language: str | None = None
    text: str = Field(description="The clean text; every offset indexes into it.")
    headings: list[SpanBody] = []
    removed: list[RemovedLineBody] = []
    stories: list[str] = Field(description="Ids of the stories the article is in.")
