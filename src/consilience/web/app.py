"""`create_app`: the FastAPI app over one story database, opened read-only once.

The database is opened (and checked) when the app is made, so a missing or foreign database
is a clear error before anything is served. The one Store and its engine live as long as the
app; FastAPI runs the (synchronous) handlers in its threadpool, and the engine's connections
may be used from any of its threads, as may the app's cache of finished story pages and
documents (web/cache.py).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ..about import __version__
from ..errors import (
    BadParameterError,
    ConsilienceError,
    Errors,
    MethodNotAllowedError,
    PageNotFoundError,
)
from ..store import Store
from . import api, pages
from .cache import AnswerCache
from .openapi import build_openapi
from .responses import error_response
from .security import GuardMiddleware

LOGGER = logging.getLogger(__name__)

DESCRIPTION = ("Read-only access to a consilience story database: the stories, each story's "
               "latest analysis (schema v1) and the articles. Errors answer "
               '`{"error": {"code": "E506", "message": "..."}}`.')


def _validation_error(error: RequestValidationError) -> BadParameterError:
    problems = error.errors()
    first = problems[0] if problems else {}
    location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path")]
    name = ".".join(location) or "request"
    detail = str(first.get("msg", "not valid")).rstrip(".")
    return BadParameterError(Errors.E702.format(name=name, detail=detail))


def _install_error_handlers(app: FastAPI) -> None:
    async def on_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ConsilienceError)
        return error_response(request.url.path, error)

    async def on_validation(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return error_response(request.url.path, _validation_error(error))

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        found: ConsilienceError
        if error.status_code == 405:
            found = MethodNotAllowedError(Errors.E704)
        elif error.status_code == 404:
            found = PageNotFoundError(Errors.E703)
        else:
            found = BadParameterError(Errors.E702.format(name="request",
                                                         detail=str(error.detail)))
        return error_response(request.url.path, found, error.status_code)

    app.add_exception_handler(ConsilienceError, on_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


def create_app(db: str | Path | None = None) -> FastAPI:
    """The web app over the story database `db` (a path or URL; None: $CONSILIENCE_DB or
    ./consilience.db), opened read-only now: NoDatabaseError (E508) when there is none."""
    store = Store(db, read_only=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(title="consilience", version=__version__, description=DESCRIPTION,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
                  lifespan=lifespan)
    app.state.store = store
    app.state.answers = AnswerCache()
    app.include_router(api.router)
    app.include_router(pages.router)
    _install_error_handlers(app)
    app.add_middleware(GuardMiddleware)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    LOGGER.info("serving %s read-only", store.name)
    return app
