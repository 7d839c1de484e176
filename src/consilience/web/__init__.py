"""`consilience serve`: a local, read-only web app over the story database.

HTML pages for people (the story list, each story, each article) and a JSON API for programs
(`/api/...`, described at `/api/openapi.json`). The app only reads: it opens the database
read-only, never runs NLP inside a request, and answers only GET and HEAD.
"""

from .app import create_app

__all__ = ["create_app"]
