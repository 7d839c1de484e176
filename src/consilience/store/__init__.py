"""Store: the story database (SQLite file by default, PostgreSQL by URL)."""

from .connect import DB_ENV, DEFAULT_DB, SCHEMA_VERSION, database_url, describe, open_engine
from .database import NewArticle, Store, StoredArticle, StoryRow
from .integrity import IntegrityReport, check_integrity

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "IntegrityReport",
    "NewArticle",
    "Store",
    "StoredArticle",
    "StoryRow",
    "check_integrity",
    "database_url",
    "describe",
    "open_engine",
]
