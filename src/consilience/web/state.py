"""What an app keeps for its lifetime and every request shares: the one read-only Store and
the cache of finished story answers."""

from __future__ import annotations

from fastapi import Request

from ..store import Store
from .cache import AnswerCache


def get_store(request: Request) -> Store:
    """The app's read-only store (a FastAPI dependency)."""
    store: Store = request.app.state.store
    return store


def get_answers(request: Request) -> AnswerCache:
    """The app's cache of story pages and documents (a FastAPI dependency)."""
    answers: AnswerCache = request.app.state.answers
    return answers
