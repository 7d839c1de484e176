"""Is the story database whole? Every rule a crash, a bug or a hand edit could break, checked.

`check_integrity(store)` reads the database in one snapshot (an SQLite read transaction, a
PostgreSQL REPEATABLE READ transaction), so a check next to a running ingest sees one committed
state, never half of two. It lists every violation as one line (empty: healthy):

    engine     SQLite's own `PRAGMA integrity_check` and `PRAGMA foreign_key_check`
    schema     the schema version is this consilience's; every table, column, primary key,
               unique column and index of `schema.py` is there (PostgreSQL: the queries below
               can run at all)
    membership every membership names an existing article and an existing story; every
               article is in exactly one story
    story      every story's `size` is its membership count, and no story is empty
    position   article positions (arrival order, assigned max + 1 per article) are 1..N,
               without duplicates or gaps
    analysis   a stored analysis is schema v1 JSON of that story whose `story.articles` are
               all members of it; one that covers fewer or more articles than the story has is
               marked stale; a story not marked stale has an analysis
    cluster    a story's members could come from one stream: its first article (by position)
               started it, with score 0, and no other did; every later one joined through a
               candidate, an earlier article of the story sharing one of its index keys (stored
               with its features). Two writers that numbered their new stories alike, or a hand
               edit, break these.

A rule broken many times is shown `EXAMPLES` times, then counted in one more line, so a badly
damaged database gives a readable report rather than a line per row.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, inspect, or_, select
from sqlalchemy import exc as sql_errors

from . import schema
from .connect import SCHEMA_VERSION, translate_error

if TYPE_CHECKING:
    from .database import Store

LOGGER = logging.getLogger(__name__)

EXAMPLES = 20


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    """What `check_integrity` found: the database's size and one line per violation."""

    database: str
    articles: int
    stories: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """The one line a healthy database gets."""
        return f"ok: {self.articles} articles, {self.stories} stories"


@dataclass(slots=True)
class _Findings:
    """Problem lines by rule, at most EXAMPLES per rule, and how many more each rule had."""

    lines: dict[str, list[str]] = field(default_factory=dict)
    more: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    stories: int = 0

    def add(self, rule: str, line: str) -> None:
        shown = self.lines.setdefault(rule, [])
        if len(shown) < EXAMPLES:
            shown.append(f"{rule}: {line}")
        else:
            self.more[rule] = self.more.get(rule, 0) + 1

    def result(self) -> tuple[str, ...]:
        found: list[str] = []
        for rule, shown in self.lines.items():
            found += shown
            if self.more.get(rule):
                found.append(f"{rule}: … and {self.more[rule]} more like the above")
        return tuple(found)


@contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """One read transaction for the whole check. pysqlite opens no transaction for a SELECT
    (each would see the latest commit), so SQLite gets an explicit BEGIN; PostgreSQL gets
    REPEATABLE READ (one snapshot for every statement)."""
    try:
        with store.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN")
            else:
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            try:
                yield connection
            finally:
                connection.rollback()
    except sql_errors.SQLAlchemyError as error:
        raise translate_error(error, store.name) from None


Check = Callable[[Connection, _Findings], bool | None]


def _step(connection: Connection, findings: _Findings, what: str, check: Check) -> bool:
    """Run one check; a query that fails is itself a finding (a damaged page, a missing
    column). On PostgreSQL it runs in a savepoint, so one failure does not end the check.
    False when the check failed or said the next ones cannot run."""
    try:
        if connection.dialect.name == "postgresql":
            with connection.begin_nested():
                return check(connection, findings) is not False
        return check(connection, findings) is not False
    except sql_errors.SQLAlchemyError as error:
        detail = " ".join(str(getattr(error, "orig", error)).split())[:200]
        findings.add("engine", f"cannot check {what}: {detail}")
        return False


def _engine_checks(connection: Connection, findings: _Findings) -> None:
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL keeps its own pages; the queries below show the data can be read
    rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if rows != ["ok"]:
        for row in rows:
            findings.add("engine", f"sqlite integrity_check: {row}")
    for table, rowid, parent, _key in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        findings.add("engine", f"sqlite foreign_key_check: {table} row {rowid} refers to a "
                     f"missing {parent} row")


def _schema_checks(connection: Connection, findings: _Findings) -> bool:
    """The schema as `schema.py` declares it. False when a table is missing (the data checks
    would only fail)."""
    inspector = inspect(connection)
    tables = set(inspector.get_table_names())
    whole = True
    for table in schema.metadata.sorted_tables:
        if table.name not in tables:
            findings.add("schema", f"table {table.name} is missing")
            whole = False
            continue
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in columns:
                findings.add("schema", f"column {table.name}.{column.name} is missing")
                whole = False
        primary = inspector.get_pk_constraint(table.name).get("constrained_columns") or []
        wanted = [column.name for column in table.primary_key.columns]
        if sorted(primary) != sorted(wanted):
            findings.add("schema", f"table {table.name} has primary key ({', '.join(primary)}),"
                         f" not ({', '.join(wanted)})")
        unique = {tuple(sorted(item["column_names"])) for item in
                  inspector.get_unique_constraints(table.name)}
        indexes = inspector.get_indexes(table.name)
        unique |= {tuple(sorted(str(name) for name in item["column_names"]))
                   for item in indexes if item["unique"]}
        for column in table.columns:
            if column.unique and (column.name,) not in unique:
                findings.add("schema", f"column {table.name}.{column.name} is not unique")
        names = {item["name"] for item in indexes}
        for index in table.indexes:
            if index.name not in names:
                findings.add("schema", f"index {index.name} on {table.name} is missing")
    if schema.META_TABLE in tables:
        version = connection.execute(select(schema.meta.c.value).where(
            schema.meta.c.key == "schema_version")).scalar_one_or_none()
        if version != str(SCHEMA_VERSION):
            findings.add("schema", f"schema version is {version or 'not recorded'}, not "
                         f"{SCHEMA_VERSION}")
    return whole


def _counts(connection: Connection, findings: _Findings) -> None:
    findings.articles = int(connection.execute(select(func.count()).select_from(
        schema.articles)).scalar_one())
    findings.stories = int(connection.execute(select(func.count()).select_from(
        schema.stories)).scalar_one())


def _membership_checks(connection: Connection, findings: _Findings) -> None:
    articles, memberships, stories = schema.articles, schema.memberships, schema.stories
    orphans = select(memberships.c.article, memberships.c.story).select_from(
        memberships.outerjoin(articles, articles.c.id == memberships.c.article)).where(
        articles.c.id.is_(None)).order_by(memberships.c.article)
    for article, story in connection.execute(orphans):
        findings.add("membership", f"story {story} has article {article}, which does not exist")
    homeless = select(memberships.c.article, memberships.c.story).select_from(
        memberships.outerjoin(stories, stories.c.id == memberships.c.story)).where(
        stories.c.id.is_(None)).order_by(memberships.c.article)
    for article, story in connection.execute(homeless):
        findings.add("membership", f"article {article} is in story {story}, which does not "
                     "exist")
    count = func.count(memberships.c.article)
    placed = select(articles.c.id, count).select_from(
        articles.outerjoin(memberships, memberships.c.article == articles.c.id)).group_by(
        articles.c.id).having(count != 1).order_by(articles.c.id)
    for article, times in connection.execute(placed):
        findings.add("membership", f"article {article} is in {times} stories, not exactly one")


def _story_checks(connection: Connection, findings: _Findings) -> None:
    stories, memberships = schema.stories, schema.memberships
    count = func.count(memberships.c.article)
    query = select(stories.c.id, stories.c.size, count).select_from(
        stories.outerjoin(memberships, memberships.c.story == stories.c.id)).group_by(
        stories.c.id, stories.c.size).having(
        or_(count != stories.c.size, count == 0, stories.c.size <= 0)).order_by(stories.c.id)
    for story, size, members in connection.execute(query):
        if members == 0:
            findings.add("story", f"story {story} has no articles (size {size})")
        else:
            findings.add("story", f"story {story} has size {size} but {members} article(s)")


def _position_checks(connection: Connection, findings: _Findings) -> None:
    articles = schema.articles
    low, high, count, distinct = connection.execute(select(
        func.min(articles.c.position), func.max(articles.c.position), func.count(),
        func.count(articles.c.position.distinct()))).one()
    if count == 0 or (low == 1 and high == count == distinct):
        return
    positions = list(connection.execute(select(articles.c.position).order_by(
        articles.c.position)).scalars())
    seen: set[int] = set()
    for position in positions:
        if position in seen:
            findings.add("position", f"position {position} is held by more than one article")
        seen.add(position)
    expected = set(range(1, count + 1))
    for position in sorted(expected - seen):
        findings.add("position", f"no article at position {position} of 1..{count}")
    for position in sorted(seen - expected):
        findings.add("position", f"an article has position {position}, outside 1..{count}")


def _analysis_checks(connection: Connection, findings: _Findings) -> None:
    stories, memberships = schema.stories, schema.memberships
    members: dict[int, set[str]] = {}
    for article, story in connection.execute(select(memberships.c.article,
                                                    memberships.c.story)):
        members.setdefault(story, set()).add(article)
    unanalysed = select(stories.c.id).where(stories.c.stale.is_(False),
                                            stories.c.analysis.is_(None)).order_by(stories.c.id)
    for story in connection.execute(unanalysed).scalars():
        findings.add("analysis", f"story {story} is marked up to date but has no analysis")
    query = select(stories.c.id, stories.c.size, stories.c.stale, stories.c.analysed,
                   stories.c.analysis).where(stories.c.analysis.is_not(None)).order_by(
        stories.c.id).execution_options(yield_per=64)
    for story, size, stale, analysed, document in connection.execute(query):
        _check_analysis(findings, story, size, bool(stale), analysed, document,
                        members.get(story, set()))


def _check_analysis(findings: _Findings, story: int, size: int, stale: bool,
                    analysed: str | None, document: str, members: set[str]) -> None:
    if analysed is None:
        findings.add("analysis", f"story {story} has an analysis but no time it was made")
    try:
        parsed = json.loads(document)
        head = parsed["story"]
        listed = head["articles"]
        if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
            raise TypeError("story.articles is not a list of ids")
    except (ValueError, TypeError, KeyError) as error:
        findings.add("analysis", f"story {story}: the stored analysis is not a schema v1 "
                     f"document ({type(error).__name__}: {str(error)[:80]})")
        return
    if str(head.get("id")) != str(story):
        findings.add("analysis", f"story {story}: the stored analysis is of story "
                     f"{head.get('id')!r}")
    for article in sorted(set(listed) - members):
        findings.add("analysis", f"story {story}: the analysis names article {article}, "
                     "which is not in the story")
    if len(set(listed)) != size and not stale:
        findings.add("analysis", f"story {story}: the analysis covers {len(set(listed))} "
                     f"article(s), the story has {size}, and it is not marked stale")


def _cluster_checks(connection: Connection, findings: _Findings) -> None:
    if findings.lines.get("position") or findings.lines.get("membership"):
        return  # arrival order or memberships are broken already: links would only echo them
    articles, memberships = schema.articles, schema.memberships
    query = select(memberships.c.story, articles.c.id, memberships.c.score,
                   articles.c.features).join(
        articles, articles.c.id == memberships.c.article).order_by(
        memberships.c.story, articles.c.position).execution_options(yield_per=500)
    story: int | None = None
    members: list[tuple[str, float, tuple[str, ...]]] = []
    for row_story, article, joined, features in connection.execute(query):
        if row_story != story:
            if story is not None:
                _check_story_links(findings, story, members)
            story, members = row_story, []
        members.append((article, joined, _keys(features)))
    if story is not None:
        _check_story_links(findings, story, members)


def _keys(features: str) -> tuple[str, ...]:
    try:
        keys = json.loads(features).get("keys", ())
    except (ValueError, AttributeError):
        return ()
    return tuple(str(key) for key in keys) if isinstance(keys, list) else ()


def _check_story_links(findings: _Findings, story: int,
                       members: list[tuple[str, float, tuple[str, ...]]]) -> None:
    """Members in arrival order: the first started the story (score 0), and every later one
    shares an index key with an earlier member (its candidate, whatever the index depth)."""
    founders = [article for article, joined, _ in members if joined == 0]
    if len(founders) > 1:
        findings.add("cluster", f"story {story}: {len(founders)} articles started it (joined "
                     f"with score 0: {', '.join(founders[:3])}); only one can")
    elif members and members[0][1] != 0:
        findings.add("cluster", f"story {story}: its first article {members[0][0]} joined "
                     f"with score {members[0][1]:.3f}, but nothing came before it")
    seen: set[str] = set(members[0][2]) if members else set()
    for article, joined, keys in members[1:]:
        if joined != 0 and not seen.intersection(keys):
            findings.add("cluster", f"story {story}: article {article} shares no candidate "
                         "key with an earlier article of the story, so it cannot have "
                         "joined it")
        seen.update(keys)


DATA_CHECKS: tuple[tuple[str, Check], ...] = (
    ("memberships", _membership_checks),
    ("story sizes", _story_checks),
    ("article positions", _position_checks),
    ("analyses", _analysis_checks),
    ("story links", _cluster_checks),
    ("the counts", _counts),
)


def check_integrity(store: Store) -> IntegrityReport:
    """Every violated rule of the story database (see the module docstring), one per line."""
    findings = _Findings()
    with _snapshot(store) as connection:
        _step(connection, findings, "the database file", _engine_checks)
        if _step(connection, findings, "the schema", _schema_checks):
            for what, check in DATA_CHECKS:
                _step(connection, findings, what, check)
    problems = findings.result()
    LOGGER.info("integrity of %s: %d article(s), %d story(ies), %d problem(s)", store.name,
                findings.articles, findings.stories, len(problems))
    return IntegrityReport(store.name, findings.articles, findings.stories, problems)


__all__ = ["IntegrityReport", "check_integrity"]
