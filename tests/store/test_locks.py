"""The writer lock and story claims (store/locks.py), on SQLite and a real PostgreSQL server:
a writer kept waiting says so and gives up with E513; a story claimed by another process is
not claimed again until that process lets go or dies; processes creating one new database at
once all open it."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import time

import pytest

from consilience.errors import WriterBusyError
from consilience.store import Store

from .test_database import new_row


def test_a_writer_kept_waiting_says_so_and_gives_up_with_its_own_code(database_url, caplog):
    with Store(database_url) as holder, Store(database_url, lock_wait=0.5) as waiter:
        holder.add_batch([new_row(1, 1)], {1: "First"})
        with holder.placing() as writer, caplog.at_level(logging.WARNING):
            writer.add([new_row(2, 1)], {})
            with pytest.raises(WriterBusyError) as error:
                waiter.add_batch([new_row(3, 2)], {2: "Second"})
        assert error.value.code == "E513"
        assert "another ingest is writing" in error.value.message and "rerun" in \
            error.value.message
        assert "check the path" not in error.value.message
        assert any("waiting for it" in record.getMessage() for record in caplog.records)
        waiter.add_batch([new_row(3, 2)], {2: "Second"})  # once the holder committed
        assert waiter.count_articles() == 3
        assert [item.position for item in waiter.stored_articles()] == [1, 2, 3]


HOLD_CLAIM = textwrap.dedent("""
    import sys, time
    from consilience.store import Store
    with Store(sys.argv[1]) as store:
        claims = store.claims()
        with claims.claim(5) as claimed:
            print("claimed" if claimed else "refused", flush=True)
            time.sleep(float(sys.argv[2]))
        claims.close()
""")


def test_a_story_claimed_by_another_process_is_left_to_it_until_it_ends(database_url):
    with Store(database_url) as store:
        other = subprocess.Popen([sys.executable, "-c", HOLD_CLAIM, database_url, "30"],
                                 stdout=subprocess.PIPE, text=True)
        try:
            assert other.stdout is not None and other.stdout.readline().strip() == "claimed"
            claims = store.claims()
            try:
                with claims.claim(5) as claimed:
                    assert not claimed
                with claims.claim(6) as claimed:
                    assert claimed
                other.kill()  # SIGKILL: the claim ends with the process
                other.wait()
                deadline = time.monotonic() + 20
                got = False
                while not got and time.monotonic() < deadline:
                    with claims.claim(5) as got:
                        pass
                assert got
            finally:
                claims.close()
        finally:
            other.kill()
            other.wait()


OPEN = "import sys; from consilience.store import Store; Store(sys.argv[1]).close()"


def test_processes_creating_one_new_database_at_once_all_open_it(database_url):
    processes = [subprocess.Popen([sys.executable, "-c", OPEN, database_url],
                                  stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(process.wait(timeout=120), process.stderr.read() if process.stderr else "")
               for process in processes]
    assert all(code == 0 for code, _ in results), results
    with Store(database_url, read_only=True) as store:
        assert store.check_integrity().ok
