"""Pages and error answers: HTML for people, `{"error": {"code", "message"}}` for `/api`.

Every error a request can meet is a ConsilienceError with a code; its HTTP status follows from
its class. No answer carries a traceback or the text of an unexpected exception.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fastapi.responses import HTMLResponse, JSONResponse
from starlette.responses import Response

from ..errors import (
    ArticleNotFoundError,
    BadParameterError,
    ConsilienceError,
    MethodNotAllowedError,
    NotAnalysedError,
    PageNotFoundError,
    StoreError,
    StoryNotFoundError,
)
from ..render.html import GENERATOR
from ..render.templating import render_template

HOME_NAV: tuple[tuple[str, str], ...] = (("/", "All stories"),)

_STATUS: tuple[tuple[type[ConsilienceError], int], ...] = (
    (StoryNotFoundError, 404),
    (ArticleNotFoundError, 404),
    (NotAnalysedError, 404),
    (PageNotFoundError, 404),
    (BadParameterError, 400),
    (MethodNotAllowedError, 405),
    (StoreError, 503),  # the database went away or broke while serving
)

_TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed",
           503: "Database unavailable"}


def status_for(error: ConsilienceError) -> int:
    """The HTTP status of an error: 404 unknown, 400 bad parameter, 503 database, else 500."""
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return 500


def wants_json(path: str) -> bool:
    """Whether a request path is the JSON API's."""
    return path == "/api" or path.startswith("/api/")


def error_body(error: ConsilienceError) -> dict[str, dict[str, str]]:
    """The JSON error shape: the code and the one-line message (no file path, no trace)."""
    return {"error": {"code": error.code, "message": error.message}}


def page(template: str, *, status: int = 200, nav: Sequence[tuple[str, str]] = HOME_NAV,
         **context: object) -> HTMLResponse:
    """A page from `template` (which extends layout.html.j2)."""
    html = render_template(template, generator=GENERATOR, nav=list(nav), **context)
    return HTMLResponse(html, status_code=status)


def error_response(path: str, error: ConsilienceError, status: int | None = None,
                   headers: Mapping[str, str] | None = None) -> Response:
    """The answer to a failed request: JSON under /api, the error page elsewhere."""
    status = status if status is not None else status_for(error)
    if wants_json(path):
        return JSONResponse(error_body(error), status_code=status, headers=dict(headers or {}))
    response = page("error.html.j2", status=status, title=_TITLES.get(status, "Error"),
                    status_code=status, code=error.code, message=error.message)
    response.headers.update(dict(headers or {}))
    return response
