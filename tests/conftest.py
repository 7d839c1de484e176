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
