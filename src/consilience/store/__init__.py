"""Store: the story database (SQLite file by default, PostgreSQL by URL)."""

from .connect import DB_ENV, DEFAULT_DB, SCHEMA_VERSION, database_url, describe, open_engine
from .database import NewArticle, Store, StoredArticle, StoryRow

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "NewArticle",
    "Store",
    "StoredArticle",
    "StoryRow",
    "database_url",
    "describe",
    "open_engine",
]
