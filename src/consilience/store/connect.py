"""Open the story database: SQLite file (WAL) or PostgreSQL URL, checked and migrated.

A reader (`open_engine(..., read_only=True)`, the web app) never creates, migrates or writes:
SQLite is opened with `mode=ro`, PostgreSQL sessions are read-only transactions.

Migrations are a small explicit scheme: `consilience_meta` holds `schema_version`, and each
version above it is applied in order, in one transaction, by a function in `MIGRATIONS`. A
database written by a newer consilience is refused, never altered.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy import exc as sql_errors
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from ..errors import (
    CorruptDatabaseError,
    DatabaseConnectError,
    DatabaseOpenError,
    Errors,
    ForeignDatabaseError,
    NoDatabaseError,
    OldSchemaError,
    SchemaVersionError,
    WriterBusyError,
)
from . import schema
from .locks import SQLITE_BUSY_MS, lock_writer

LOGGER = logging.getLogger(__name__)

DB_ENV = "CONSILIENCE_DB"
DEFAULT_DB = "consilience.db"
SQLITE_HEADER = b"SQLite format 3\x00"


def _version_1(connection: Connection) -> None:
    schema.metadata.create_all(connection)


def _version_2(connection: Connection) -> None:
    """The clusterer's saved state (a new, empty table; nothing else changes)."""
    schema.cluster_state.create(connection, checkfirst=True)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _version_1, 2: _version_2}
SCHEMA_VERSION = max(MIGRATIONS)


def database_url(target: str | Path | None) -> str:
    """A path becomes an SQLite URL; a URL is kept; nothing means $CONSILIENCE_DB or
    ./consilience.db."""
    target = str(target) if target is not None else os.environ.get(DB_ENV, DEFAULT_DB)
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def describe(url: str) -> str:
    """The URL without its password, to name the database in messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sql_errors.ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_reader_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _check_sqlite_file(path: Path, shown: str, *, create: bool = True) -> None:
    if not path.exists():
        if not create:
            raise NoDatabaseError(Errors.E508.format(path=shown_path(shown)))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseOpenError(Errors.E501.format(detail=error.strerror),
                                    path=shown) from None
        return
    if path.is_dir():
        raise DatabaseOpenError(Errors.E501.format(detail="it is a folder"), path=shown)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseOpenError(Errors.E501.format(detail=error.strerror), path=shown) from None
    if header and header != SQLITE_HEADER:
        raise ForeignDatabaseError(Errors.E502.format(detail="the file is not an SQLite "
                                                      "database"), path=shown)
    if not header:
        return
    # Read-only look before anything writes (even the WAL pragma would change a foreign file).
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(Errors.E503.format(detail=error), path=shown) from None
    if tables and schema.META_TABLE not in tables:
        raise ForeignDatabaseError(Errors.E502.format(
            detail=f"it holds other tables ({', '.join(sorted(tables)[:4])})"), path=shown)


def shown_path(shown: str) -> str:
    """The file path of an SQLite URL as shown to users (other URLs unchanged)."""
    prefix = "sqlite:///"
    return shown[len(prefix):] if shown.startswith(prefix) else shown


def _sqlite_reader(path: Path, shown: str) -> Engine:
    """A read-only engine on an existing SQLite file: `mode=ro` connections, usable from any
    thread (a web server's threadpool), pooled like a file database."""
    _check_sqlite_file(path, shown, create=False)
    uri = f"{path.resolve().as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    event.listen(engine, "connect", _sqlite_reader_pragmas)
    return engine


def _engine(url: str, shown: str, read_only: bool = False) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            file_db = bool(parsed.database) and parsed.database != ":memory:"
            if read_only:
                if not file_db:
                    raise NoDatabaseError(Errors.E508.format(path=shown))
                return _sqlite_reader(Path(str(parsed.database)), shown)
            if file_db:
                _check_sqlite_file(Path(str(parsed.database)), shown)
            engine = create_engine(parsed, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        connect_args: dict[str, object] = {}
        if parsed.get_backend_name() == "postgresql":
            if parsed.drivername == "postgresql":
                parsed = parsed.set(drivername="postgresql+psycopg")
            connect_args["connect_timeout"] = 10
            if read_only:
                connect_args["options"] = "-c default_transaction_read_only=on"
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except (sql_errors.ArgumentError, sql_errors.NoSuchModuleError) as error:
        raise DatabaseOpenError(Errors.E501.format(
            detail=f"not a database URL or path we can use: {error}"), path=shown) from None


def translate_error(error: Exception, shown: str) -> Exception:
    """A database driver's error as the consilience error a user can act on."""
    original = getattr(error, "orig", error)
    text = " ".join(str(original).split())[:200]
    if isinstance(original, sqlite3.DatabaseError) and any(
            phrase in text for phrase in ("malformed", "not a database", "disk image",
                                          "file is encrypted")):
        return CorruptDatabaseError(Errors.E503.format(detail=text), path=shown)
    if isinstance(original, sqlite3.OperationalError) and "database is locked" in text:
        return WriterBusyError(Errors.E513.format(seconds=SQLITE_BUSY_MS / 1000, detail=text),
                               path=shown)
    if isinstance(error, sql_errors.OperationalError) and not isinstance(
            original, sqlite3.Error):
        return DatabaseConnectError(Errors.E504.format(detail=text), path=shown)
    return DatabaseOpenError(Errors.E501.format(detail=text), path=shown)


def _found_version(connection: Connection, shown: str) -> int:
    """The schema version of the database (0: empty); ForeignDatabaseError for other tables,
    SchemaVersionError for a newer consilience's."""
    tables = set(inspect(connection).get_table_names())
    if tables and schema.META_TABLE not in tables:
        raise ForeignDatabaseError(Errors.E502.format(
            detail=f"it holds other tables ({', '.join(sorted(tables)[:4])})"), path=shown)
    found = 0
    if tables:
        row = connection.execute(select(schema.meta.c.value).where(
            schema.meta.c.key == "schema_version")).first()
        found = int(row[0]) if row else 0
    if found > SCHEMA_VERSION:
        raise SchemaVersionError(Errors.E505.format(found=found, supported=SCHEMA_VERSION),
                                 path=shown)
    return found


def _migrate(engine: Engine, shown: str) -> None:
    """Bring the database to SCHEMA_VERSION. A look first, without a lock (a database at the
    current version, the usual case, is not written); a migration holds the writer lock
    (`locks.lock_writer`), so two processes creating one database at once do not both create
    it: the second waits, then finds it made."""
    with engine.connect() as connection:
        if _found_version(connection, shown) == SCHEMA_VERSION:
            return
    with engine.begin() as connection:
        # pysqlite only opens a transaction before DML, so CREATE TABLE / INDEX would each
        # commit alone: a process killed between a table and its index left a database the
        # next run never completes (create_all skips existing tables with their indexes).
        # BEGIN IMMEDIATE makes the whole migration one transaction, as on PostgreSQL.
        lock_writer(connection, shown)
        found = _found_version(connection, shown)
        for version in range(found + 1, SCHEMA_VERSION + 1):
            LOGGER.info("migrating %s to schema version %d", shown, version)
            MIGRATIONS[version](connection)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            values = {"schema_version": str(version), "created_by": "consilience"}
            if version == 1:
                values["created"] = now
            for key, value in values.items():
                connection.execute(schema.meta.delete().where(schema.meta.c.key == key))
                connection.execute(schema.meta.insert().values(key=key, value=value))


def _check_schema(engine: Engine, shown: str) -> None:
    """What `_migrate` checks, without changing anything: a reader needs a consilience
    database at the current schema version."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            raise NoDatabaseError(Errors.E508.format(path=shown_path(shown)))
        found = _found_version(connection, shown)
    if found < SCHEMA_VERSION:
        raise OldSchemaError(Errors.E511.format(found=found, supported=SCHEMA_VERSION,
                                                path=shown_path(shown)))


def open_engine(target: str | Path | None, *, read_only: bool = False) -> tuple[Engine, str]:
    """An engine on a checked, migrated database, and the name to show for it. With
    `read_only`, the database must exist at the current schema version; it is only checked,
    and the engine cannot write (SQLite `mode=ro`, PostgreSQL read-only transactions)."""
    url = database_url(target)
    shown = describe(url)
    engine = _engine(url, shown, read_only)
    try:
        if read_only:
            _check_schema(engine, shown)
        else:
            _migrate(engine, shown)
    except sql_errors.SQLAlchemyError as error:
        engine.dispose()
        raise translate_error(error, shown) from None
    except Exception:
        engine.dispose()
        raise
    return engine, shown
