"""The throwaway PostgreSQL server of tests/postgres.py and the fixtures built on it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from . import postgres
from .conftest import ROOT, postgres_unavailable
from .postgres import PostgresError, PostgresNotFound, PostgresServer


def _own_server(server: object) -> PostgresServer:
    if not isinstance(server, PostgresServer):
        pytest.skip("the session uses an external server (CONSILIENCE_TEST_POSTGRES_URL)")
    return server


def _binaries() -> Path:
    try:
        return postgres.find_bindir()
    except PostgresNotFound as exc:
        missing = str(exc)
    postgres_unavailable(missing)
    raise AssertionError("not reached")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); it has stopped all the same.
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        return "\nState:\tZ" not in status.read_text()
    return True


def _postmaster_pid(data_dir: Path) -> int:
    return int((data_dir / "postmaster.pid").read_text().splitlines()[0])


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_database_round_trip_through_sqlalchemy(postgres_server) -> None:
    name = f"consilience_test_{uuid.uuid4().hex[:12]}"
    url = postgres_server.create_database(name)
    assert url.startswith("postgresql+psycopg://") and url.endswith(f"/{name}")
    try:
        engine = sa.create_engine(url)
        assert engine.dialect.driver == "psycopg"
        table = sa.Table(
            "stories", sa.MetaData(),
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("title", sa.Text, nullable=False),
        )
        with engine.begin() as conn:
            table.create(conn)
            conn.execute(table.insert(), [{"title": "Tokyo talks"}, {"title": "Ökonomie ✓"}])
        with engine.connect() as conn:
            titles = conn.execute(sa.select(table.c.title).order_by(table.c.id)).scalars().all()
            assert titles == ["Tokyo talks", "Ökonomie ✓"]
            assert conn.execute(sa.text("SHOW server_encoding")).scalar() == "UTF8"
        engine.dispose()
    finally:
        # Drops even while a connection is still open.
        holder = postgres_server.connect(name)
        postgres_server.drop_database(name)
        holder.close()
    with postgres_server.connect() as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchall()
    assert found == []


def test_database_url_fixture(database_url: str) -> None:
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        conn.execute(sa.text("INSERT INTO t VALUES (1), (2)"))
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT sum(x) FROM t")).scalar() == 3
    engine.dispose()


def _listening_addresses(port: int) -> list[str] | None:
    """The local addresses of the TCP sockets listening on `port` (Linux /proc), or None."""
    found: list[str] = []
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        return None
    for table in tables:
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] != "0A" or int(port_hex, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            if len(raw) == 4:
                found.append(socket.inet_ntop(socket.AF_INET, raw[::-1]))
            else:  # four little-endian 32-bit words
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                found.append(socket.inet_ntop(socket.AF_INET6, words))
    return found


def _refused(family: int, address: str, port: int) -> bool:
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect((address, port))
        except OSError:
            return True
        return False


def _primary_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_listens_on_loopback_only(postgres_server) -> None:
    server = _own_server(postgres_server)
    assert server.port is not None
    with server.connect() as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
        assert conn.execute("SHOW port").fetchone() == (str(server.port),)
        assert conn.execute("SHOW fsync").fetchone() == ("off",)
    listening = _listening_addresses(server.port)
    if listening is not None:
        assert listening == ["127.0.0.1"]
    # Not bound to the wildcard address: other loopback addresses, ::1 and the machine's own
    # address are refused.
    assert not _refused(socket.AF_INET, "127.0.0.1", server.port)
    assert _refused(socket.AF_INET, "127.0.0.2", server.port)
    if socket.has_ipv6:
        assert _refused(socket.AF_INET6, "::1", server.port)
    primary = _primary_address()
    if primary:
        assert _refused(socket.AF_INET, primary, server.port)


def test_stop_removes_the_data_directory() -> None:
    server = PostgresServer(_binaries()).start()
    try:
        root, data = server.root, server.data_dir
        assert root is not None and (data / "PG_VERSION").is_file()
        assert server.start_seconds is not None and server.start_seconds < 30
        pid = _postmaster_pid(data)
        assert _alive(pid)
        url = server.create_database("stop_check")
        with sa.create_engine(url).connect() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar() == 1
    finally:
        server.stop()
    assert not root.exists()
    assert _wait_until(lambda: not _alive(pid), 10)
    server.stop()  # twice is harmless
    with pytest.raises(PostgresError, match="not running"):
        server.create_database("after_stop")


def test_a_killed_owner_leaves_no_server_behind() -> None:
    """kill -9 of the process that started a server: the watchdog stops it, removes its files."""
    _binaries()
    script = (
        "import os, signal, sys\n"
        "from tests.postgres import PostgresServer\n"
        "server = PostgresServer().start()\n"
        "pid = open(os.path.join(server.data_dir, 'postmaster.pid')).readline().strip()\n"
        "print(server.root, pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    root_text, pid_text = done.stdout.split()
    root, pid = Path(root_text), int(pid_text)
    try:
        assert _wait_until(lambda: not _alive(pid) and not root.exists(), 30)
    finally:
        if _alive(pid):
            os.kill(pid, signal.SIGQUIT)


def test_missing_binaries_are_reported(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(postgres, "DEBIAN_BINDIRS", str(tmp_path / "none"))
    with pytest.raises(PostgresNotFound, match="no PostgreSQL binaries found"):
        postgres.find_bindir()
    with pytest.raises(PostgresNotFound, match="initdb, pg_ctl, postgres not found"):
        PostgresServer(tmp_path).start()


def test_initdb_failure_raises_with_its_stderr(monkeypatch) -> None:
    # A fake bindir, readable by the unprivileged user the tools run as under root.
    bindir = Path(tempfile.mkdtemp(prefix="consilience-fake-pg-"))
    bindir.chmod(0o755)
    for tool in postgres.TOOLS:
        script = bindir / tool
        script.write_text("#!/bin/sh\necho 'initdb: error: disk made of cheese' >&2; exit 1\n")
        script.chmod(0o755)
    made: list[str] = []
    mkdtemp = tempfile.mkdtemp

    def recording_mkdtemp(*args, **kwargs):
        made.append(mkdtemp(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(postgres.tempfile, "mkdtemp", recording_mkdtemp)
    server = PostgresServer(bindir)
    try:
        with pytest.raises(PostgresError, match="initdb failed") as caught:
            server.start()
        assert "disk made of cheese" in str(caught.value)
        assert server.root is None
        assert made and not any(Path(path).exists() for path in made)
    finally:
        shutil.rmtree(bindir)


def test_unavailable_postgres_skips_locally_and_fails_under_ci(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        postgres_unavailable("none here")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        postgres_unavailable("none here")
