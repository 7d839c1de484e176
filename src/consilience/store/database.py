"""The story database: articles, their stories, and each story's latest analysis.

Every write is one transaction: `add_batch` stores a batch of new articles with their story
memberships and story rows together, so a killed ingest leaves either the whole batch or none of
it. Reads never write.

Several processes may write at once (cron and a hand-run ingest, one per feed). A batch is placed
and stored inside `placing()`, which holds the database's writer lock (`locks.lock_writer`): the
placing writer first reads what others stored since it last looked (`BatchWriter.stored_after`),
so its clusterer places against every story there is, and positions and new story ids are
read and taken under the same lock. Analyses are claimed per story (`claims()`), and cache rows
are written with ON CONFLICT DO NOTHING.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Connection, Insert, and_, func, or_, select
from sqlalchemy import exc as sql_errors
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import ArticleNotFoundError, Errors, StoryNotFoundError
from ..models import Article
from . import schema
from .connect import open_engine, translate_error
from .integrity import IntegrityReport, check_integrity
from .locks import WAIT_SECONDS, StoryClaims, lock_writer
from .records import article_from_json, article_to_json

LOGGER = logging.getLogger(__name__)

_CHUNK = 500


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article to store, with its story features (JSON) and where clustering put it."""

    article: Article
    features: str
    story: int
    topic: int
    score: float


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: int
    topic: int
    title: str
    first: str | None
    last: str | None
    size: int
    stale: bool
    analysed: str | None


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """What a listing shows of an article, read without its text."""

    id: str
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    position: int
    article: Article
    features: str
    story: int
    topic: int


def _like_pattern(word: str) -> str:
    """`%word%` for LIKE with `\\` as the escape character: the user's `%`, `_` and `\\` match
    themselves, not any text."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """One open story database. Use as a context manager, or call `close()`.

    `read_only` opens an existing database without creating, migrating or writing it (the web
    app); writing through such a store fails."""

    def __init__(self, target: str | Path | None = None, *, read_only: bool = False,
                 lock_wait: float = WAIT_SECONDS):
        self.engine, self.name = open_engine(target, read_only=read_only)
        self.read_only = read_only
        self.lock_wait = lock_wait  # seconds a writer waits for another before E513

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _transaction(self, *, write: bool = False, placing: bool = False
                     ) -> Iterator[Connection]:
        """One transaction. `write`: it writes, so on SQLite it takes the write lock first
        (a read-then-write transaction would otherwise fail when another writer commits in
        between); `placing`: it places articles, so it takes the writer lock on PostgreSQL
        too."""
        try:
            with self.engine.begin() as connection:
                if write or placing:
                    lock_writer(connection, self.name, self.lock_wait, advisory=placing)
                yield connection
        except sql_errors.SQLAlchemyError as error:
            raise translate_error(error, self.name) from None

    @contextmanager
    def placing(self) -> Iterator[BatchWriter]:
        """A transaction holding the database's writer lock, for reading what other writers
        stored and storing one batch placed against it; committed at the end of the block."""
        with self._transaction(placing=True) as connection:
            yield BatchWriter(self, connection)

    def claims(self) -> StoryClaims:
        """Claims on stories to analyse (close it when done; see `locks.StoryClaims`)."""
        database = self.engine.url.database
        sqlite_file = (Path(database) if self.engine.dialect.name == "sqlite" and database
                       and database != ":memory:" else None)
        return StoryClaims(self.engine, sqlite_file, self.name, self.lock_wait)

    def _insert_new(self, table: Any) -> Insert:
        """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL (a plain INSERT
        elsewhere)."""
        name = self.engine.dialect.name
        if name == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if name == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        return table.insert()

    # --- articles -------------------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored already."""
        ids = list(ids)
        found: set[str] = set()
        with self._transaction() as connection:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start:start + _CHUNK]
                found.update(connection.execute(select(schema.articles.c.id).where(
                    schema.articles.c.id.in_(chunk))).scalars())
        return found

    def count_articles(self) -> int:
        with self._transaction() as connection:
            return int(connection.execute(select(func.count()).select_from(
                schema.articles)).scalar_one())

    def stored_articles(self, after: int = 0) -> Iterator[StoredArticle]:
        """Every stored article with its features and story, in arrival order (those at
        positions above `after`)."""
        with self._transaction() as connection:
            yield from _stored_after(connection, after)

    def add_batch(self, batch: Sequence[NewArticle], titles: dict[int, str]) -> None:
        """Store new articles, their memberships and their stories' rows in one transaction
        (holding the writer lock); every story that gained an article is marked stale."""
        with self.placing() as writer:
            writer.add(batch, titles)

    def _add_batch(self, connection: Connection, batch: Sequence[NewArticle],
                   titles: dict[int, str]) -> int:
        """The batch's rows; positions follow the last one (read here, under the lock)."""
        if not batch:
            return last_position(connection)
        stamp = now()
        position = last_position(connection)
        touched: dict[int, int] = {}
        for item in batch:
            touched[item.story] = item.topic
        existing = set(connection.execute(select(schema.stories.c.id).where(
            schema.stories.c.id.in_(list(touched)))).scalars())
        for story, topic in touched.items():
            if story not in existing:
                connection.execute(schema.stories.insert().values(
                    id=story, topic=topic, title=titles.get(story, ""), size=0,
                    updated=stamp, stale=True, search_text=""))
        rows = []
        for offset, item in enumerate(batch, start=1):
            article = item.article
            rows.append({
                "id": article.id, "position": position + offset, "source": article.source,
                "url": article.url, "outlet": article.outlet, "title": article.title,
                "published": article.published, "added": stamp,
                "article": article_to_json(article), "features": item.features,
            })
        connection.execute(schema.articles.insert(), rows)
        connection.execute(schema.memberships.insert(), [
            {"article": item.article.id, "story": item.story, "score": item.score}
            for item in batch])
        for story in touched:
            self._refresh_story_row(connection, story, titles.get(story), stamp)
        return position + len(batch)

    def _refresh_story_row(self, connection: Connection, story: int, title: str | None,
                           stamp: str) -> None:
        members = select(schema.articles.c.published, schema.articles.c.title).join(
            schema.memberships, schema.memberships.c.article == schema.articles.c.id).where(
            schema.memberships.c.story == story)
        rows = connection.execute(members).all()
        dates = sorted(published for published, _ in rows if published)
        titles = " ".join(text for _, text in rows if text)
        values = {"size": len(rows), "first": dates[0] if dates else None,
                  "last": dates[-1] if dates else None, "updated": stamp, "stale": True,
                  "search_text": f"{title or ''} {titles}"[:20_000]}
        if title:
            values["title"] = title
        connection.execute(schema.stories.update().where(schema.stories.c.id == story)
                           .values(**values))

    # --- stories --------------------------------------------------------------------------

    @staticmethod
    def _story_filter(search: str | None, since: str | None,
                      stale_only: bool) -> list[ColumnElement[bool]]:
        table = schema.stories
        conditions: list[ColumnElement[bool]] = []
        for word in (search or "").split():
            pattern = _like_pattern(word.lower())
            conditions.append(or_(func.lower(table.c.title).like(pattern, escape="\\"),
                                  func.lower(table.c.search_text).like(pattern, escape="\\")))
        if since:
            conditions.append(table.c.last >= since)
        if stale_only:
            conditions.append(table.c.stale.is_(True))
        return conditions

    def stories(self, search: str | None = None, since: str | None = None,
                stale_only: bool = False, *, limit: int | None = None,
                offset: int = 0) -> list[StoryRow]:
        """Stories, latest first; `search` matches words of titles and the analysis text
        (literally: `%` and `_` are no wildcards), `since` keeps stories with an article
        published on or after that date; `limit` and `offset` page through them."""
        table = schema.stories
        query = select(table.c.id, table.c.topic, table.c.title, table.c.first, table.c.last,
                       table.c.size, table.c.stale, table.c.analysed)
        conditions = self._story_filter(search, since, stale_only)
        if conditions:
            query = query.where(and_(*conditions))
        query = query.order_by(table.c.last.desc().nulls_last(), table.c.id.desc())
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._transaction() as connection:
            return [StoryRow(*row) for row in connection.execute(query)]

    def count_stories(self, search: str | None = None, since: str | None = None,
                      stale_only: bool = False) -> int:
        """How many stories `stories` would list with these filters (for paging)."""
        query = select(func.count()).select_from(schema.stories)
        conditions = self._story_filter(search, since, stale_only)
        if conditions:
            query = query.where(and_(*conditions))
        with self._transaction() as connection:
            return int(connection.execute(query).scalar_one())

    def story(self, story: int) -> StoryRow:
        table = schema.stories
        with self._transaction() as connection:
            row = connection.execute(select(
                table.c.id, table.c.topic, table.c.title, table.c.first, table.c.last,
                table.c.size, table.c.stale, table.c.analysed).where(table.c.id == story)).first()
        if row is None:
            raise StoryNotFoundError(Errors.E506.format(story=story), path=self.name)
        return StoryRow(*row)

    def story_articles(self, story: int) -> list[Article]:
        query = select(schema.articles.c.article).join(
            schema.memberships, schema.memberships.c.article == schema.articles.c.id).where(
            schema.memberships.c.story == story).order_by(schema.articles.c.position)
        with self._transaction() as connection:
            return [article_from_json(text) for text in connection.execute(query).scalars()]

    def article(self, article: str) -> Article:
        """One stored article by id."""
        with self._transaction() as connection:
            text = connection.execute(select(schema.articles.c.article).where(
                schema.articles.c.id == article)).scalar_one_or_none()
        if text is None:
            raise ArticleNotFoundError(Errors.E510.format(article=article), path=self.name)
        return article_from_json(text)

    def article_stories(self, article: str) -> list[StoryRow]:
        """The stories an article is in (one, as clustering places it; none when unknown)."""
        table = schema.stories
        query = select(table.c.id, table.c.topic, table.c.title, table.c.first, table.c.last,
                       table.c.size, table.c.stale, table.c.analysed).join(
            schema.memberships, schema.memberships.c.story == table.c.id).where(
            schema.memberships.c.article == article).order_by(table.c.id)
        with self._transaction() as connection:
            return [StoryRow(*row) for row in connection.execute(query)]

    def story_article_heads(self, story: int) -> list[ArticleHead]:
        """A story's articles without their text, in arrival order."""
        table = schema.articles
        query = select(table.c.id, table.c.source, table.c.title, table.c.outlet,
                       table.c.published, table.c.url).join(
            schema.memberships, schema.memberships.c.article == table.c.id).where(
            schema.memberships.c.story == story).order_by(table.c.position)
        with self._transaction() as connection:
            return [ArticleHead(*row) for row in connection.execute(query)]

    def article_sources(self, stories: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
        """(article id, source) of each story's articles, in arrival order."""
        found: dict[int, list[tuple[str, str]]] = {story: [] for story in stories}
        query = select(schema.memberships.c.story, schema.articles.c.id,
                       schema.articles.c.source).join(
            schema.memberships, schema.memberships.c.article == schema.articles.c.id).order_by(
            schema.articles.c.position)
        with self._transaction() as connection:
            for start in range(0, len(stories), _CHUNK):
                chunk = list(stories[start:start + _CHUNK])
                for story, article, source in connection.execute(
                        query.where(schema.memberships.c.story.in_(chunk))):
                    found[story].append((article, source))
        return found

    def analysis(self, story: int) -> str | None:
        with self._transaction() as connection:
            return connection.execute(select(schema.stories.c.analysis).where(
                schema.stories.c.id == story)).scalar_one_or_none()

    def save_analysis(self, story: int, analysis: str, title: str, search_text: str,
                      size: int, first: str | None = None, last: str | None = None) -> None:
        """Keep a story's analysis, unless articles joined it since it was read (then it stays
        stale and is analysed again). One UPDATE, so the size it is judged by is the size at
        the moment it is written, whoever else writes."""
        with self._transaction(write=True) as connection:
            dates = {"first": first, "last": last} if first and last else {}
            table = schema.stories
            done = connection.execute(table.update().where(table.c.id == story).values(
                analysis=analysis, analysed=now(), title=title,
                search_text=search_text[:200_000], stale=table.c.size != size, **dates))
            if done.rowcount == 0:
                raise StoryNotFoundError(Errors.E506.format(story=story), path=self.name)

    # --- annotation cache -----------------------------------------------------------------

    def get_annotations(self, keys: Sequence[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        with self._transaction() as connection:
            for start in range(0, len(keys), _CHUNK):
                chunk = list(keys[start:start + _CHUNK])
                rows = connection.execute(select(
                    schema.annotations.c.key, schema.annotations.c.data).where(
                    schema.annotations.c.key.in_(chunk)))
                found.update((key, bytes(data)) for key, data in rows)
        return found

    def annotated(self, keys: Sequence[str]) -> set[str]:
        """The keys of `keys` whose parses are stored (their data is not read)."""
        found: set[str] = set()
        with self._transaction() as connection:
            for start in range(0, len(keys), _CHUNK):
                chunk = list(keys[start:start + _CHUNK])
                found.update(connection.execute(select(schema.annotations.c.key).where(
                    schema.annotations.c.key.in_(chunk))).scalars())
        return found

    def put_annotations(self, items: Sequence[tuple[str, bytes]]) -> None:
        """Keep parsed texts by key; a key stored already (by anyone, even meanwhile) keeps
        its data. Keys go in sorted order, so two writers of the same keys never deadlock."""
        if not items:
            return
        rows = [{"key": key, "data": data} for key, data in sorted(dict(items).items())]
        with self._transaction(write=True) as connection:
            if self.engine.dialect.name in ("postgresql", "sqlite"):
                connection.execute(self._insert_new(schema.annotations), rows)
                return
            have = set(connection.execute(select(schema.annotations.c.key).where(
                schema.annotations.c.key.in_([row["key"] for row in rows]))).scalars())
            rows = [row for row in rows if row["key"] not in have]
            if rows:
                connection.execute(schema.annotations.insert(), rows)

    # --- integrity ------------------------------------------------------------------------

    # --- the clusterer's saved state ------------------------------------------------------

    def cluster_state(self) -> tuple[int, bytes] | None:
        """The saved clusterer state and the article position it stands after, if any."""
        with self._transaction() as connection:
            row = connection.execute(select(schema.cluster_state.c.position,
                                            schema.cluster_state.c.data)).first()
        return (int(row[0]), bytes(row[1])) if row is not None else None

    def cluster_state_position(self) -> int:
        """The article position the saved clusterer state stands after (0: none saved)."""
        with self._transaction() as connection:
            saved = connection.execute(select(schema.cluster_state.c.position)).scalar()
        return int(saved or 0)

    def save_cluster_state(self, position: int, data: bytes) -> bool:
        """Keep `data` as the clusterer's state after article `position`, unless a state
        after a later position is saved already (another writer's); whether it was kept."""
        with self._transaction(write=True) as connection:
            saved = connection.execute(select(schema.cluster_state.c.position)).scalar()
            if saved is not None and saved >= position:
                return False
            connection.execute(schema.cluster_state.delete())
            connection.execute(schema.cluster_state.insert().values(
                id=1, position=position, data=data))
        return True

    def check_integrity(self) -> IntegrityReport:
        """Every violated rule of this database, one line each (see `store.integrity`); read
        in one snapshot, so it can run next to an ingest."""
        return check_integrity(self)


def last_position(connection: Connection) -> int:
    """The highest article position (0: none); read under the writer lock, it is the last."""
    return int(connection.execute(select(func.coalesce(func.max(
        schema.articles.c.position), 0))).scalar_one())


def _stored_after(connection: Connection, after: int) -> Iterator[StoredArticle]:
    query = select(schema.articles.c.position, schema.articles.c.article,
                   schema.articles.c.features, schema.memberships.c.story,
                   schema.stories.c.topic).join(
        schema.memberships, schema.memberships.c.article == schema.articles.c.id).join(
        schema.stories, schema.stories.c.id == schema.memberships.c.story).order_by(
        schema.articles.c.position)
    if after:
        query = query.where(schema.articles.c.position > after)
    for position, article, features, story, topic in connection.execute(query):
        yield StoredArticle(position, article_from_json(article), features, story, topic)


class BatchWriter:
    """The store inside `Store.placing()`: what others stored since, and the batch to add."""

    def __init__(self, store: Store, connection: Connection):
        self._store = store
        self._connection = connection

    def stored_after(self, position: int) -> list[StoredArticle]:
        """Articles stored at positions above `position` (by other writers), in order."""
        return list(_stored_after(self._connection, position))

    def add(self, batch: Sequence[NewArticle], titles: dict[int, str]) -> int:
        """Store the batch (see `Store.add_batch`); the last position now taken."""
        return self._store._add_batch(self._connection, batch, titles)
