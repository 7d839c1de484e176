"""The guard around the whole app: security headers on every answer, GET and HEAD only, and no
unexpected exception ever reaching the client as a traceback.

A pure ASGI middleware (not BaseHTTPMiddleware): it sits inside Starlette's error middleware,
so even the answer to an unexpected exception, and the 404 and 405 answers, get the headers.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors, InternalServerError, MethodNotAllowedError
from ..render.templating import assets
from .responses import error_response

LOGGER = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD")


def security_headers() -> dict[str, str]:
    """The headers every answer carries: the pages' strict content policy (which also refuses
    framing), no MIME sniffing, no referrer, no framing, a separate browsing context group."""
    return {
        "Content-Security-Policy": assets().csp_header,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


class GuardMiddleware:
    """Adds `headers` to every HTTP answer; answers 405 to anything but GET and HEAD (a HEAD
    request is served as GET without the body); turns an unexpected exception into a 500
    error answer, logged with its traceback."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str] | None = None) -> None:
        self.app = app
        self.headers = dict(headers if headers is not None else security_headers())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            elif message["type"] == "http.response.body" and method == "HEAD":
                message = {**message, "body": b""}
            await send(message)

        path = scope.get("path", "/")
        if method not in ALLOWED_METHODS:
            response = error_response(path, MethodNotAllowedError(Errors.E704), 405,
                                      headers={"Allow": ", ".join(ALLOWED_METHODS)})
            await response(scope, receive, guarded_send)
            return
        inner = {**scope, "method": "GET"} if method == "HEAD" else scope
        try:
            await self.app(inner, receive, guarded_send)
        except Exception:
            LOGGER.exception("internal error answering %s %s", method, path)
            if started:
                raise
            response = error_response(path, InternalServerError(Errors.E705), 500)
            await response(scope, receive, guarded_send)
