"""The story database's tables, in SQLAlchemy Core (one schema for SQLite and PostgreSQL).

    consilience_meta  key/value: schema version, who made the database
    articles          one row per distinct text (id = content hash); the cleaned article as JSON,
                      its story features as JSON, and `position` = arrival order
    annotations       parsed spaCy Docs by pipeline and text hash (the annotation cache)
    stories           one row per story: title, dates, topic, whether its analysis is stale, the
                      latest analysis (schema v1 JSON) and the text `stories --search` matches
    memberships       which story each article is in, with the score it joined with
    cluster_state     the story clusterer as it stood after article `position` (one row,
                      written at the end of an ingest), so a new ingest starts from it and
                      reads only the articles stored after (schema version 2)
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

META_TABLE = "consilience_meta"

meta = Table(
    META_TABLE, metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("position", Integer, nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("added", String(40), nullable=False),
    Column("article", Text, nullable=False),  # the cleaned Article as JSON
    Column("features", Text, nullable=False),  # its story features as JSON
)

annotations = Table(
    "annotations", metadata,
    Column("key", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("topic", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("first", String(40)),
    Column("last", String(40)),
    Column("size", Integer, nullable=False),
    Column("updated", String(40), nullable=False),
    Column("stale", Boolean, nullable=False),
    Column("analysed", String(40)),
    Column("analysis", Text),  # schema v1 JSON of the latest analysis
    Column("search_text", Text, nullable=False),
)

memberships = Table(
    "memberships", metadata,
    Column("article", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("story", Integer, ForeignKey("stories.id"), nullable=False),
    Column("score", Float, nullable=False),
)

cluster_state = Table(
    "cluster_state", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("position", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

Index("memberships_by_story", memberships.c.story)
Index("stories_by_last", stories.c.last)
