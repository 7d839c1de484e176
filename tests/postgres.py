"""A throwaway PostgreSQL server for the tests, started from the machine's PostgreSQL binaries.

`PostgresServer.start()` does what a user would do by hand: `initdb` into a fresh temporary
directory (trust authentication, superuser `consilience`, UTF8) and `pg_ctl start` of `postgres`
listening on 127.0.0.1 only, on a free port, with its Unix socket in the temporary directory.
`create_database(name)` returns an SQLAlchemy URL (`postgresql+psycopg://…`) for a new database;
`stop()` stops the server and removes the directory.

initdb and postgres refuse to run as root: as root they run as the `postgres` system user (or
`nobody`), through `runuser` or `setpriv`, and the temporary directory is handed to that user.

A server must not outlive the test run that started it. `stop()` is registered with `atexit`, and a
small watchdog process (in its own session, so a Ctrl-C or a kill of pytest's process group does
not reach it) holds the read end of a pipe whose write end only the starting process holds: when
that process ends in any way, `kill -9` included, the pipe reaches end-of-file and the watchdog
stops the server and removes its directory.

`PostgresDatabases` does the database creation and dropping alone, for a server given by an admin
URL (CONSILIENCE_TEST_POSTGRES_URL) rather than started here.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TOOLS = ("initdb", "pg_ctl", "postgres")
SUPERUSER = "consilience"
HOST = "127.0.0.1"
DEBIAN_BINDIRS = "/usr/lib/postgresql"

# Run by the watchdog process: wait for end-of-file on stdin (the starting process closed the pipe
# or died), then stop the server if its data directory is still there, and remove the directory.
_WATCHDOG = r"""
import json, os, shutil, signal, subprocess, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)
stop, root = json.loads(sys.argv[1]), sys.argv[2]
sys.stdin.buffer.read()
if os.path.isdir(os.path.join(root, "data")):
    try:
        subprocess.run(stop, cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
    except Exception:
        pass
shutil.rmtree(root, ignore_errors=True)
"""


class PostgresError(RuntimeError):
    """The throwaway server could not be started, used or stopped."""


class PostgresNotFound(PostgresError):
    """No PostgreSQL binaries (initdb, pg_ctl, postgres) were found on this machine."""


def _version_key(path: Path) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", path.parent.name)
    return tuple(int(n) for n in numbers) if numbers else (-1,)


def find_bindir() -> Path:
    """The directory holding initdb, pg_ctl and postgres: from PATH first, then the highest
    version under /usr/lib/postgresql/*/bin (Debian and Ubuntu put them only there)."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates += [Path(os.path.realpath(on_path)).parent, Path(on_path).parent]
    candidates += sorted(Path(DEBIAN_BINDIRS).glob("*/bin"), key=_version_key, reverse=True)
    for bindir in candidates:
        if all(os.access(bindir / tool, os.X_OK) for tool in TOOLS):
            return bindir
    raise PostgresNotFound(
        "no PostgreSQL binaries found (initdb, pg_ctl and postgres, on PATH or under "
        f"{DEBIAN_BINDIRS}/*/bin); install PostgreSQL (Debian: apt-get install postgresql)"
    )


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _unprivileged() -> tuple[list[str], int, int] | None:
    """As root: the command prefix that runs a tool as an unprivileged user, with that user's uid
    and gid. Not root: None (the tools run directly)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", name, "--"], entry.pw_uid, entry.pw_gid
        if shutil.which("setpriv"):
            prefix = [
                "setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--clear-groups"
            ]
            return prefix, entry.pw_uid, entry.pw_gid
        raise PostgresError("running as root, and neither runuser nor setpriv is available")
    raise PostgresError("running as root, and there is no 'postgres' or 'nobody' user to run as")


def _temp_parent(privileges: object) -> str | None:
    """Where the temporary directory goes: the usual temporary directory, unless its path is too
    long for a Unix socket path inside it, or (as root) the unprivileged user cannot reach it."""
    base = Path(tempfile.gettempdir())
    too_long = len(str(base)) > 60
    unreachable = privileges is not None and any(
        not parent.stat().st_mode & 0o001 for parent in (base, *base.parents)
    )
    return "/tmp" if (too_long or unreachable) and os.path.isdir("/tmp") else None


class PostgresDatabases:
    """Creates and drops databases on a server reached through an admin URL (SQLAlchemy or libpq
    form, e.g. ``postgresql+psycopg://consilience@127.0.0.1:5432/postgres``)."""

    def __init__(self, admin_url: str | None = None) -> None:
        self._admin_url = admin_url

    @property
    def admin_url(self) -> str:
        if self._admin_url is None:
            raise PostgresError("the server is not running")
        return self._admin_url

    def _connect_kwargs(self, dbname: str | None = None) -> dict[str, Any]:
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url)
        kwargs: dict[str, Any] = {k: v for k, v in url.query.items() if isinstance(v, str)}
        for key, value in (("host", url.host), ("port", url.port), ("user", url.username),
                           ("password", url.password)):
            if value is not None:
                kwargs[key] = value
        kwargs["dbname"] = dbname or url.database or "postgres"
        kwargs.setdefault("connect_timeout", 10)
        return kwargs

    def connect(self, dbname: str | None = None):
        """A psycopg autocommit connection to `dbname` (default: the admin URL's database)."""
        import psycopg

        return psycopg.connect(**self._connect_kwargs(dbname), autocommit=True)

    def database_url(self, name: str) -> str:
        """The SQLAlchemy URL of database `name` on this server (psycopg 3 driver)."""
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url).set(drivername="postgresql+psycopg", database=name)
        return url.render_as_string(hide_password=False)

    def create_database(self, name: str) -> str:
        """Create database `name` (owned by the admin user) and return its SQLAlchemy URL."""
        from psycopg import sql

        with self.connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.database_url(name)

    def drop_database(self, name: str) -> None:
        """Terminate the connections to database `name`, then drop it (if it exists)."""
        from psycopg import sql

        with self.connect() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


class PostgresServer(PostgresDatabases):
    """A PostgreSQL server of its own in a temporary directory, on 127.0.0.1 and a free port."""

    def __init__(self, bindir: str | Path | None = None, *, start_timeout: int = 60) -> None:
        super().__init__()
        self.bindir = Path(bindir) if bindir is not None else None
        self.start_timeout = start_timeout
        self.root: Path | None = None
        self.port: int | None = None
        self.host = HOST
        self.start_seconds: float | None = None
        self._prefix: list[str] = []
        self._watchdog: subprocess.Popen[bytes] | None = None

    @property
    def data_dir(self) -> Path:
        if self.root is None:
            raise PostgresError("the server is not running")
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        if self.root is None:
            raise PostgresError("the server is not running")
        return self.root / "server.log"

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _tool(self, name: str) -> str:
        assert self.bindir is not None
        return str(self.bindir / name)

    def _run(self, args: list[str], what: str, timeout: int, cwd: Path | None = None) -> None:
        """Run a PostgreSQL tool (as the unprivileged user when root); raise with its stderr."""
        env = dict(os.environ, LC_ALL="C")
        env.pop("PGDATA", None)
        try:
            done = subprocess.run(
                [*self._prefix, *args], cwd=cwd or self.root, env=env, stdin=subprocess.DEVNULL,
                capture_output=True, text=True, timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            message = f"{what} did not finish in {timeout} s: {shlex.join(args)}"
            raise PostgresError(message) from exc
        except OSError as exc:
            raise PostgresError(f"{what} could not be run: {exc}") from exc
        if done.returncode != 0:
            raise PostgresError(
                f"{what} failed (exit {done.returncode}): {shlex.join(args)}\n"
                f"{(done.stderr or '').strip()}\n{(done.stdout or '').strip()}".rstrip()
            )

    def _stop_args(self, root: Path) -> list[str]:
        return [self._tool("pg_ctl"), "stop", "-D", str(root / "data"), "-m", "fast", "-w",
                "-t", "60"]

    def start(self) -> PostgresServer:
        """initdb, then pg_ctl start (waiting until the server accepts connections)."""
        if self.root is not None:
            return self
        began = time.perf_counter()
        if self.bindir is None:
            self.bindir = find_bindir()
        missing = [tool for tool in TOOLS if not os.access(self.bindir / tool, os.X_OK)]
        if missing:
            raise PostgresNotFound(f"{', '.join(missing)} not found in {self.bindir}")
        privileges = _unprivileged()
        self.root = Path(tempfile.mkdtemp(prefix="consilience-pg-", dir=_temp_parent(privileges)))
        try:
            if privileges is not None:
                self._prefix, uid, gid = privileges
                os.chown(self.root, uid, gid)
            self._start_watchdog()
            atexit.register(self.stop)
            self._run(
                [self._tool("initdb"), "-D", str(self.data_dir), "--auth=trust", "-U", SUPERUSER,
                 "--encoding=UTF8", "--locale=C", "--no-sync"],
                "initdb", timeout=self.start_timeout,
            )
            self._start_postgres()
        except BaseException:
            with contextlib.suppress(PostgresError):
                self.stop()
            raise
        self._admin_url = f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self.port}/postgres"
        self.start_seconds = time.perf_counter() - began
        return self

    def _start_postgres(self) -> None:
        assert self.root is not None
        for attempt in range(3):
            self.port = free_port()
            options = " ".join([
                f"-c listen_addresses={HOST}",
                f"-c port={self.port}",
                f"-c unix_socket_directories={shlex.quote(str(self.root))}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
            ])
            try:
                self._run(
                    [self._tool("pg_ctl"), "start", "-D", str(self.data_dir), "-l",
                     str(self.log_file), "-w", "-t", str(self.start_timeout), "-o", options],
                    "pg_ctl start", timeout=self.start_timeout + 10,
                )
                return
            except PostgresError as exc:
                log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
                if attempt < 2 and "could not bind" in log:  # the free port was taken meanwhile
                    self.log_file.write_text("")
                    continue
                raise PostgresError(f"{exc}\nserver log ({self.log_file}):\n{log[-4000:]}") from exc

    def _start_watchdog(self) -> None:
        assert self.root is not None
        stop = json.dumps([*self._prefix, *self._stop_args(self.root)])
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, stop, str(self.root)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            cwd="/", start_new_session=True,
        )

    def stop(self) -> None:
        """pg_ctl stop -m fast, then remove the temporary directory. Safe to call twice."""
        atexit.unregister(self.stop)
        root, self.root = self.root, None
        watchdog, self._watchdog = self._watchdog, None
        self._admin_url = None
        if root is None:
            return
        try:
            if (root / "data" / "postmaster.pid").exists():
                self._run(self._stop_args(root), "pg_ctl stop", timeout=90, cwd=root)
        finally:
            shutil.rmtree(root, ignore_errors=True)
            if watchdog is not None:
                if watchdog.stdin is not None:
                    watchdog.stdin.close()
                try:
                    watchdog.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    watchdog.kill()
