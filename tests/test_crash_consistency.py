"""Crash consistency: real `consilience ingest` processes killed with SIGKILL at fixed fractions
of an uninterrupted run's time, on SQLite and PostgreSQL; after each kill the database is whole
(integrity clean, only whole batches, a prefix of the stream) and a re-run completes it to
exactly what an uninterrupted ingest makes. The trial is tests/crash.py's, which the campaign
in benchmarks/crash.py runs many times at random kill points.

Also a schema migration of a new database stopped at every DDL statement: the next open must
make the whole schema (SQLite ran each CREATE as its own transaction, and a table created
without its index was never completed)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from consilience.store import Store

from .crash import Setup, Trial, reference_run, reset_database, run_trial, write_corpus

LOGGER = logging.getLogger(__name__)

# start-up (imports) is most of a small run: the later fractions land in the batches
NO_ANALYSIS_FRACTIONS = (0.4, 0.7, 0.9)
ANALYSIS_FRACTIONS = (0.85,)  # after the batches, while the stories are analysed


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Setup]:
    folder = tmp_path_factory.mktemp("crash-corpora")
    return {"no-analysis": Setup(write_corpus(folder, 400, seed=5), 20, analyse=False),
            "analysis": Setup(write_corpus(folder, 40, seed=6, name="analysed"), 10,
                              analyse=True)}


def describe(trials: list[Trial]) -> str:
    return "\n".join(f"{trial.backend} analysis={trial.analyse} killed at {trial.delay_s} s "
                     f"({trial.phase}, {trial.stored_at_kill} stored, {trial.analysed_at_kill} "
                     f"analysed): {trial.problems or 'ok'}" for trial in trials)


def test_killed_ingests_leave_whole_batches_and_resume_to_the_same_stories(
        database_url: str, corpora: dict[str, Setup]) -> None:
    backend = database_url.split(":", 1)[0].split("+", 1)[0]
    trials: list[Trial] = []
    for name, fractions in (("no-analysis", NO_ANALYSIS_FRACTIONS),
                            ("analysis", ANALYSIS_FRACTIONS)):
        setup = corpora[name]
        reference = reference_run(setup, database_url)
        trials += [run_trial(setup, database_url, fraction * reference.seconds, reference,
                             backend) for fraction in fractions]
    LOGGER.info("%s", describe(trials))
    assert all(trial.ok for trial in trials), describe(trials)
    assert all(trial.rerun_code == 0 and trial.same_stories for trial in trials)


class Interrupted(Exception):
    """Stands for the end of the process at one DDL statement of the migration."""


def test_a_migration_interrupted_at_any_statement_leaves_no_half_made_schema(
        database_url: str) -> None:
    """Whatever a first open had done when it stopped, the next open makes the whole schema.
    (An exception ends the migration's transaction as a kill does: with nothing committed. Before
    the fix, SQLite committed each CREATE alone, and a table created without its index stayed
    so: create_all skips an existing table together with its indexes.)"""
    statements = 0

    def interrupt_at(wanted: int):
        def after(_connection, _cursor, statement: str, *_args) -> None:
            nonlocal statements
            if statement.lstrip().upper().startswith(("CREATE", "ALTER", "DROP")):
                statements += 1
                if statements == wanted:
                    raise Interrupted(statement.split("(")[0].strip())
        return after

    wanted = 0
    while True:
        wanted += 1
        statements = 0
        reset_database(database_url)
        hook = interrupt_at(wanted)
        event.listen(Engine, "after_cursor_execute", hook)
        try:
            Store(database_url).close()
            interrupted = False
        except Interrupted:
            interrupted = True
        finally:
            event.remove(Engine, "after_cursor_execute", hook)
        with Store(database_url) as store:  # the next run migrates what the stopped one left
            report = store.check_integrity()
        assert report.ok, f"stopped at DDL statement {wanted}: {report.problems}"
        if not interrupted:
            break
    assert wanted > 6  # every table and every index was a stopping point
