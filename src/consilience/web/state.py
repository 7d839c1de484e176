"""The one Store an app reads, shared by every request for the app's lifetime."""

from __future__ import annotations

from fastapi import Request

from ..store import Store


def get_store(request: Request) -> Store:
    """The app's read-only store (a FastAPI dependency)."""
    store: Store = request.app.state.store
    return store
