"""`consilience check`: is the story database whole (after a crash, a restore, a hand edit)?"""

from __future__ import annotations

from ..errors import Errors, InconsistentDatabaseError
from ..store import Store
from .options import DatabaseOption


def check_cli(db: DatabaseOption = None) -> None:
    """Check the story database's integrity: the database engine's own check, that every
    article is in exactly one existing story, that story sizes match their articles, that
    article positions run 1..N, that every stored analysis is of its story's articles, and
    that each story's articles could have joined it in one stream (linked by shared candidate
    keys, one first article): what two writers numbering their stories alike would break.

    Prints "ok: N articles, M stories", or each problem on its own line and exits with 1. The
    database is only read (in one snapshot, so it can run next to an ingest); a missing
    database is an error, not an empty one.

    Example:

        consilience check --db stories.db
    """
    with Store(db, read_only=True) as store:
        report = store.check_integrity()
    if report.ok:
        print(report.summary())
        return
    for problem in report.problems:
        print(problem)
    raise InconsistentDatabaseError(Errors.E512.format(count=len(report.problems)),
                                    path=report.database)
