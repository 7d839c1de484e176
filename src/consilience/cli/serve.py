"""`consilience serve`: browse the story database in a web browser (read-only)."""

from __future__ import annotations

import ipaddress
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Annotated

import typer

from ..errors import BindError, Errors
from ..store.connect import shown_path
from .console import STDERR
from .options import DatabaseOption

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """Whether every address `host` names is a loopback address (only this machine)."""
    if not host:
        return False
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    try:
        return bool(found) and all(
            ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in found)
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or BindError (port in use, unknown host)."""
    address = f"{host}:{port}"
    try:
        family, kind, proto, _, where = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as error:
        raise BindError(Errors.E701.format(address=address, detail=error.strerror or error)
                        ) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(where)
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise BindError(Errors.E701.format(address=address, detail=error.strerror or error)
                        ) from None
    return sock


def site_url(sock: socket.socket) -> str:
    """http://HOST:PORT/ of a bound socket (IPv6 hosts in brackets)."""
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@contextmanager
def quiet_stop() -> Iterator[None]:
    """Ctrl+C and SIGTERM stop the server cleanly: uvicorn catches them while it serves and
    raises them again once it has stopped; here that second time does nothing."""
    def ignore(_signal: int, _frame: FrameType | None) -> None:
        return None

    handled = [signal.SIGINT, signal.SIGTERM]
    previous = {number: signal.getsignal(number) for number in handled}
    for number in handled:
        signal.signal(number, ignore)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def serve_cli(
    db: DatabaseOption = None,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on; the default serves this machine only.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port).")
    ] = DEFAULT_PORT,
) -> None:
    """Browse the story database in a web browser: the stories, each story's analysis and the
    articles, and a JSON API (/api/stories, described at /api/openapi.json). Read-only: it
    never changes the database.

    Example:

        consilience serve --db stories.db --port 8000
    """
    import uvicorn

    from ..web import create_app

    app = create_app(db)
    store = app.state.store
    try:
        count = store.count_stories()
        sock = bind(host, port)
    except BaseException:
        store.close()
        raise
    url = site_url(sock)
    if not is_loopback(host):
        STDERR.print(f"warning: listening on {host}: anyone on the network can read the "
                     f"stories in {shown_path(store.name)}", markup=False, style="yellow")
    noun = "story" if count == 1 else "stories"
    STDERR.print(f"Serving {count} {noun} from {shown_path(store.name)} at {url} "
                 "(Ctrl+C to stop)", markup=False)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", log_config=None,
                            access_log=False, lifespan="on", server_header=False)
    server = uvicorn.Server(config)
    try:
        with quiet_stop():
            server.run(sockets=[sock])
    finally:
        sock.close()
        store.close()
