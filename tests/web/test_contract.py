"""The JSON API against its own OpenAPI document, with schemathesis, over a real server.

The document is read from `/api/openapi.json` of a real `consilience serve` process on a free
port, as a user or a client generator reads it, and every request goes to that process. Every
answer must not be a 5xx, must have a documented status and content type, and must match its
documented schema: a stored story document is checked against the story schema v1 embedded in
the OpenAPI components as `StoryDocument`. A request the document allows must be accepted and
one it forbids must be refused (the two checks that found `since` documented as any string).

Three ways in, each bounded for CI:

- generated cases per operation (positive and negative), with a derandomized hypothesis;
- the schemathesis command line over the same server: its examples, coverage (boundary and
  hostile values of q/since/limit/offset, ids of every shape) and stateful phases (the ids
  found in the story list, followed into `/api/stories/{id}`), with a fixed seed;
- every story and article id of the test database, in every spelling the API accepts, since
  a generated id rarely names a real one.

Last, the story pages and documents the app keeps in memory (web/cache.py) must not outlive
the analysis they show: `/api/stories/{id}` stays exactly what is stored.

schemathesis' pytest loader for fixtures (`schemathesis.pytest.from_fixture`) fails on
pytest 9 (it sets `Function._nodeid`, which pytest 9 no longer has), so the generated cases
are drawn with `APIOperation.as_strategy` under a plain `hypothesis.given`.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from consilience.store import Store
from consilience.web.cache import AnswerCache

from ..serving import free_port, start, stop, wait_until_serving
from .conftest import Built, TestClient

EXAMPLES = 60
"""Generated cases per operation and generation mode."""
SEED = 20261122
OPERATIONS = ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}")
CHECK_NAMES = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
               "response_schema_conformance", "positive_data_acceptance",
               "negative_data_rejection")
CHECKS = [schemathesis.checks.not_a_server_error, status_code_conformance,
          content_type_conformance, response_schema_conformance, positive_data_acceptance,
          negative_data_rejection]
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture(scope="module")
def base(built: Built) -> Iterator[str]:
    """http://127.0.0.1:PORT of a real `consilience serve` over the test database."""
    port = free_port()
    process = start("--db", str(built.path), "--port", str(port))
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{url}/api/openapi.json")
        yield url
    finally:
        code, stderr = stop(process, signal.SIGINT)
    assert code == 0 and "Traceback" not in stderr, stderr


@pytest.fixture(scope="module")
def api_schema(base: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{base}/api/openapi.json")


def test_the_document_has_the_operations_tested_here(api_schema):
    served = {(operation.method.upper(), operation.path)
              for operation in (result.ok() for result in api_schema.get_all_operations())}
    assert served == {("GET", path) for path in OPERATIONS}


# Negative cases need a constraint to break: the ids are any string (an unknown one is a 404).
GENERATED = [*((path, GenerationMode.POSITIVE) for path in OPERATIONS),
             ("/api/stories", GenerationMode.NEGATIVE)]


@pytest.mark.parametrize(("path", "mode"), GENERATED,
                         ids=[f"{path}-{mode.value}" for path, mode in GENERATED])
def test_generated_requests_keep_the_contract(api_schema, path: str, mode: GenerationMode):
    operation = api_schema[path]["GET"]

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    check()


def test_the_schemathesis_command_finds_nothing(base: str, tmp_path: Path):
    """`st run` as a user would point it at the server: every phase but fuzzing (the test
    above), 50 cases per operation, a fixed seed, one worker."""
    command = [str(SCHEMATHESIS), "run", f"{base}/api/openapi.json",
               "--phases", "examples,coverage,stateful", "--checks", ",".join(CHECK_NAMES),
               "--max-examples", "50", "--seed", str(SEED), "--generation-deterministic",
               "--workers", "1", "--no-color",
               "--request-timeout", "10"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, check=False)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "No issues found" in report, report
    assert "API Links:    2 covered" in report, report  # list ids into the story document


@pytest.mark.parametrize(("since", "status"), [
    ("2024-03-01", 200), ("", 200), ("20240301", 400), ("2024-W09-5", 400),
    (" 2024-03-01", 400), ("٢٠٢٤-٠٣-٠١", 400), ("2024-02-30", 400)])
def test_since_takes_what_the_document_says(base: str, since: str, status: int):
    """`since` is a date (YYYY-MM-DD) or empty, as documented; not whatever else Python's
    `date.fromisoformat` would read."""
    response = httpx.get(f"{base}/api/stories", params={"since": since})
    assert response.status_code == status, response.text


def _real_ids(built: Built) -> tuple[list[str], list[str]]:
    with Store(built.path, read_only=True) as store:
        stories = [row.id for row in store.stories()]
        articles = sorted({article for members in store.article_sources(stories).values()
                           for article, _ in members})
    spelled = [form.format(story) for story in stories for form in ("{}", "s{}", "s-{}")]
    return spelled, articles


def test_every_real_id_keeps_the_contract(api_schema, built: Built):
    """Every story (analysed, stale, never analysed) and every article of the database,
    through the same checks: the 200 answers are the ones whose schema says the most."""
    stories, articles = _real_ids(built)
    assert len(stories) == 12 and len(articles) == 6
    statuses: dict[str, list[int]] = {}
    for path, name, values in (("/api/stories/{story_id}", "story_id", stories),
                               ("/api/articles/{article_id}", "article_id", articles)):
        operation = api_schema[path]["GET"]
        for value in values:
            response = operation.Case(path_parameters={name: value}).call_and_validate(
                checks=CHECKS)
            statuses.setdefault(path, []).append(response.status_code)
    never = {f"{built.big}", f"s{built.big}", f"s-{built.big}"}
    assert statuses["/api/stories/{story_id}"] == [404 if value in never else 200
                                                   for value in stories]
    assert statuses["/api/articles/{article_id}"] == [200] * len(articles)


def test_the_schema_check_really_reads_the_story_schema(api_schema, base: str, built: Built):
    """The conformance check is not vacuous: a story document without its `articles` (a
    required key of the story schema v1) fails it."""
    case = api_schema["/api/stories/{story_id}"]["GET"].Case(
        path_parameters={"story_id": str(built.football)})
    real = httpx.get(f"{base}/api/stories/{built.football}")
    case.validate_response(real, checks=[response_schema_conformance])
    document = real.json()
    del document["articles"]
    broken = httpx.Response(200, json=document, request=real.request)
    broken.elapsed = real.elapsed
    with pytest.raises(FailureGroup, match="articles"):
        case.validate_response(broken, checks=[response_schema_conformance])


# --- the answers kept in memory (web/cache.py) do not bend the contract ----------------------

def _copy(built: Built, folder: Path) -> Path:
    target = folder / "copy.db"
    with contextlib.closing(sqlite3.connect(built.path)) as source, \
            contextlib.closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def test_a_new_analysis_is_served_at_once(built: Built, tmp_path: Path):
    """A story's page and document are kept in memory, but only until it is analysed again:
    `/api/stories/{id}` stays exactly what is stored."""
    from consilience.web import create_app

    db = _copy(built, tmp_path)
    story = built.football
    with Store(db) as store:
        first = store.story(story).analysed
        document = json.loads(store.analysis(story) or "")
    with TestClient(create_app(db)) as client:
        assert client.get(f"/api/stories/{story}").json() == document
        assert "Riverside Rovers" in client.get(f"/stories/{story}").text
        document["story"]["title"] = "Rovers title after a new analysis"
        with Store(db) as store:
            while store.story(story).analysed == first:  # a new analysis, another second
                time.sleep(0.2)
                store.save_analysis(story, json.dumps(document), document["story"]["title"],
                                    document["story"]["title"], 1)
            stored = store.analysis(story)
        assert client.get(f"/api/stories/{story}").content == (stored or "").encode("utf-8")
        assert "Rovers title after a new analysis" in client.get(f"/stories/{story}").text


def test_kept_answers_stay_within_their_budget():
    answers = AnswerCache(budget=10)
    assert answers.get("a", lambda: b"aaaa") == b"aaaa"
    assert answers.get("b", lambda: b"bbbb") == b"bbbb"
    assert answers.get("a", lambda: b"new!") == b"aaaa"  # kept, and now the latest used
    assert answers.get("c", lambda: b"cccc") == b"cccc"  # over budget: "b" goes
    assert answers.size == 8 and len(answers) == 2
    assert answers.get("b", lambda: b"BBBB") == b"BBBB"
    assert answers.get("big", lambda: b"x" * 11) == b"x" * 11  # never kept
    assert answers.get("none", lambda: None) is None
    assert answers.size <= 10 and "big" not in answers._answers


def test_one_answer_is_made_once_for_concurrent_requests():
    answers = AnswerCache()
    calls = []
    gate = threading.Event()

    def make() -> bytes:
        calls.append(1)
        gate.wait(5)
        return b"page"

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(answers.get, "key", make) for _ in range(8)]
        time.sleep(0.2)
        gate.set()
        assert [future.result() for future in futures] == [b"page"] * 8
    assert len(calls) == 1
