"""Writers side by side: one placing writer at a time per database, one analysis per story.

    writer lock   the first statement of every transaction that writes (a batch of articles,
                  an analysis, a migration): SQLite `BEGIN IMMEDIATE` (the database's one write
                  lock, taken before the transaction reads anything, so what it reads is what
                  it writes on), PostgreSQL `pg_advisory_xact_lock(WRITER, 0)` for a batch or a
                  migration (released at commit or rollback, and by the server when the client
                  dies). A writer that finds it taken says so once and waits, `wait` seconds at
                  most; then WriterBusyError (E513), never a driver's "database is locked".
    story claims  held while a story is analysed, so two processes do not analyse the same
                  stale story: PostgreSQL a session advisory lock (CLAIMS, story) on a
                  connection of its own; SQLite a POSIX record lock on byte `story` of the file
                  `<database>-claims` next to the database. Both end with the process (SIGKILL
                  included), so a killed analysis never blocks another.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy import exc as sql_errors

from ..errors import Errors, WriterBusyError

try:
    import fcntl
except ImportError:  # not POSIX: SQLite analyses are not claimed (a second one is only waste)
    fcntl = None  # type: ignore[assignment]

LOGGER = logging.getLogger(__name__)

WRITER = 1_668_247_155  # "cons" as an int4: the advisory lock class of consilience's writer
CLAIMS = WRITER + 1  # the class of story claims; the second key is the story id
WAIT_SECONDS = 600.0  # how long a writer waits for another by default
SQLITE_BUSY_MS = 30_000  # the busy timeout every SQLite connection gets (connect.py)
QUIET_WAIT = 2.0  # seconds a writer waits for another without saying so


def _is_busy(error: sql_errors.DBAPIError) -> bool:
    original = getattr(error, "orig", None)
    if isinstance(original, sqlite3.OperationalError):
        return "locked" in str(original) or "busy" in str(original)
    return getattr(original, "sqlstate", None) in ("55P03", "57014")  # lock / statement timeout


def _busy(shown: str, wait: float, detail: str) -> WriterBusyError:
    return WriterBusyError(Errors.E513.format(seconds=wait, detail=detail), path=shown)


def _say_waiting(shown: str, wait: float) -> None:
    LOGGER.warning("another ingest is writing to %s; waiting for it (at most %.0f s)", shown,
                   wait)


def lock_writer(connection: Connection, shown: str, wait: float = WAIT_SECONDS, *,
                advisory: bool = True) -> None:
    """Take the writer lock as the first statement of `connection`'s transaction (see the
    module docstring). `advisory=False`: on PostgreSQL, take nothing (an analysis or a cache
    write, which row locks and ON CONFLICT keep right, need not wait for a batch)."""
    name = connection.dialect.name
    if name == "sqlite":
        _begin_immediate(connection, shown, wait)
    elif name == "postgresql" and advisory:
        _advisory_lock(connection, shown, wait)


def _begin_immediate(connection: Connection, shown: str, wait: float) -> None:
    """pysqlite opens no transaction before a SELECT, so without this a writer would read,
    then find its write lock taken by a commit it did not see (SQLITE_BUSY at once, which no
    busy timeout waits out). A wait of up to QUIET_WAIT seconds (another writer's batch) is
    not said; a longer one is, then waited out."""
    try:
        quiet = min(QUIET_WAIT, wait)
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(quiet * 1000)}")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except sql_errors.OperationalError as error:
            if not _is_busy(error):
                raise
        _say_waiting(shown, wait)
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(wait * 1000)}")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except sql_errors.OperationalError as error:
            if _is_busy(error):
                raise _busy(shown, wait, "the database is locked") from None
            raise
    finally:
        with suppress(sql_errors.SQLAlchemyError):
            connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")


def _advisory_lock(connection: Connection, shown: str, wait: float) -> None:
    """The server's queue (first come, first served), bounded by a transaction-local
    lock_timeout: QUIET_WAIT seconds in a savepoint, unsaid; then the rest, said."""
    lock = text("SELECT pg_advisory_xact_lock(:kind, 0)")
    if connection.execute(text("SELECT pg_try_advisory_xact_lock(:kind, 0)"),
                          {"kind": WRITER}).scalar_one():
        return
    before = connection.execute(text("SELECT current_setting('lock_timeout')")).scalar_one()
    timeout = text("SELECT set_config('lock_timeout', :value, true)")
    try:
        with connection.begin_nested():
            connection.execute(timeout, {"value": f"{int(min(QUIET_WAIT, wait) * 1000)}ms"})
            connection.execute(lock, {"kind": WRITER})
    except sql_errors.OperationalError as error:
        if not _is_busy(error):
            raise
        _say_waiting(shown, wait)
        connection.execute(timeout, {"value": f"{int(wait * 1000)}ms"})
        try:
            connection.execute(lock, {"kind": WRITER})
        except sql_errors.OperationalError as error:
            if _is_busy(error):
                raise _busy(shown, wait, "the writer lock was not released") from None
            raise
    connection.execute(timeout, {"value": before})


class StoryClaims:
    """This process's claims on stories it analyses. `claim(story)` is a context manager
    giving True when the story is claimed here for the block, False when another process
    holds it (`wait=True`: wait for that process first, up to `wait_seconds`)."""

    def __init__(self, engine: Engine, sqlite_file: Path | None, shown: str,
                 wait_seconds: float = WAIT_SECONDS):
        self.engine = engine
        self.shown = shown
        self.wait_seconds = wait_seconds
        self._connection: Connection | None = None
        self._handle: int | None = None
        if engine.dialect.name == "postgresql":
            self._connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        elif sqlite_file is not None and fcntl is not None:
            claims = sqlite_file.with_name(f"{sqlite_file.name}-claims")
            self._handle = os.open(claims, os.O_RDWR | os.O_CREAT, 0o666)

    def close(self) -> None:
        if self._connection is not None:
            with suppress(sql_errors.SQLAlchemyError):
                self._connection.execute(text("SELECT pg_advisory_unlock_all()"))
            self._connection.close()
            self._connection = None
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None

    def _try(self, story: int) -> bool:
        if self._connection is not None:
            return bool(self._connection.execute(text(
                "SELECT pg_try_advisory_lock(:kind, :story)"),
                {"kind": CLAIMS, "story": story}).scalar_one())
        if self._handle is not None:
            try:
                fcntl.lockf(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, story)
            except OSError:
                return False
        return True

    def _wait(self, story: int) -> bool:
        LOGGER.info("story %d is being analysed by another process; waiting for it", story)
        deadline = time.monotonic() + self.wait_seconds
        while time.monotonic() < deadline:
            if self._try(story):
                return True
            time.sleep(0.1)
        return False

    def _release(self, story: int) -> None:
        if self._connection is not None:
            self._connection.execute(text("SELECT pg_advisory_unlock(:kind, :story)"),
                                     {"kind": CLAIMS, "story": story})
        elif self._handle is not None:
            fcntl.lockf(self._handle, fcntl.LOCK_UN, 1, story)

    @contextmanager
    def claim(self, story: int, *, wait: bool = False) -> Iterator[bool]:
        try:
            claimed = self._try(story) or (wait and self._wait(story))
        except sql_errors.SQLAlchemyError as error:
            from .connect import translate_error

            raise translate_error(error, self.shown) from None
        try:
            yield claimed
        finally:
            if claimed:
                with suppress(sql_errors.SQLAlchemyError, OSError):
                    self._release(story)


__all__ = ["CLAIMS", "WAIT_SECONDS", "WRITER", "StoryClaims", "lock_writer"]
