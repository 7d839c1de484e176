"""Shared fixtures: paths to the example, the schema and ../shared/data; one spaCy pipeline."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "japan-2plus2"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"
GOLD = SHARED / "gold" / "japan-2plus2.json"
SCHEMA = ROOT / "src" / "consilience" / "render" / "story.schema.json"

# Tests never touch the user's cache.
os.environ.setdefault("CONSILIENCE_CACHE_DIR", tempfile.mkdtemp(prefix="consilience-test-cache-"))


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip("../shared/gold is not present")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from consilience.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_analysis():
    """The example story analysed once for the whole session (no cache)."""
    from consilience import AnalyzeConfig, analyze

    return analyze([EXAMPLE], AnalyzeConfig(use_cache=False))


# --- PostgreSQL: one throwaway server per test session (see tests/postgres.py) ---------------

POSTGRES_URL_ENV = "CONSILIENCE_TEST_POSTGRES_URL"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def postgres_unavailable(reason: str) -> None:
    """Skip (locally) or fail (under CI, so the PostgreSQL tests cannot be skipped silently)."""
    if _in_ci():
        pytest.fail(f"CI is set and PostgreSQL is unavailable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL is unavailable: {reason}")


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session, with `create_database(name) -> url` and
    `drop_database(name)`: the server at CONSILIENCE_TEST_POSTGRES_URL (an admin URL) when that is
    set, otherwise one started here from the machine's binaries and stopped at the end."""
    from .postgres import PostgresDatabases, PostgresNotFound, PostgresServer

    admin_url = os.environ.get(POSTGRES_URL_ENV)
    if admin_url:
        yield PostgresDatabases(admin_url)
        return
    server = PostgresServer()
    try:
        server.start()
    except PostgresNotFound as exc:
        missing = str(exc)
    else:
        missing = ""
    if missing:
        postgres_unavailable(missing)  # outside the except: no chained traceback
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"], ids=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path):
    """An SQLAlchemy URL for an empty database: SQLite in tmp_path, or a fresh PostgreSQL database
    on the session server, dropped after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'stories.db'}"
        return
    import uuid

    server = request.getfixturevalue("postgres_server")
    name = f"consilience_test_{uuid.uuid4().hex[:16]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)


# --- Chromium: one headless browser per test session (see tests/browser.py) -----------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped when absent (failed under CI, which
    installs it)."""
    from .browser import chromium_path

    executable = chromium_path()
    if executable is None:
        message = "no Chromium found (install Debian's chromium, or set CONSILIENCE_CHROMIUM)"
        if _in_ci():
            pytest.fail(f"CI is set and {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield launched
        finally:
            launched.close()
