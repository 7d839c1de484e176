"""`consilience batch` as a user runs it: tables in --out, messages and a summary on stderr."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consilience.cli import app

from ..conftest import EXAMPLE

RUNNER = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("README*"))
    (folder / "feed.jsonl").write_text('{"text": "The harbour in Tromso froze over on Monday, '
                                       'the port authority said."}\n{broken\n', encoding="utf-8")
    return folder


def test_help_has_an_example():
    result = RUNNER.invoke(app, ["batch", "--help"], env={"COLUMNS": "120", "TERM": "dumb"})
    assert result.exit_code == 0
    assert "Example:" in result.output and "consilience batch" in result.output
    for option in ("--engine", "--scheduler", "--workers", "--out", "--format", "--quiet"):
        assert option in result.output


def test_local_engine_writes_tables_and_summary(inputs, tmp_path):
    out = tmp_path / "out"
    result = RUNNER.invoke(app, ["batch", str(inputs), "--engine", "local", "--out", str(out),
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "feed.jsonl:2: [E105]" in result.stderr
    assert "6 articles read (1 skipped), 2 stories in 2 topics" in result.stderr
    stories = [json.loads(line) for line in (out / "stories.jsonl").read_text().splitlines()]
    assert sorted(len(story["article_ids"]) for story in stories) == [1, 5]
    assert len((out / "articles.jsonl").read_text().splitlines()) == 6
    assert json.loads((out / "problems.jsonl").read_text())["code"] == "E105"


def test_quiet_leaves_only_problems(inputs, tmp_path):
    result = RUNNER.invoke(app, ["batch", str(inputs), "-e", "local", "-o", str(tmp_path / "o"),
                                 "-q"])
    assert result.exit_code == 0, result.output
    assert "[E105]" in result.stderr and "articles read" not in result.stderr
    assert (tmp_path / "o" / "stories.parquet").is_file()


def test_dask_engine_on_a_local_cluster(inputs, tmp_path):
    out = tmp_path / "out"
    result = RUNNER.invoke(app, ["batch", str(inputs), "--engine", "dask", "--workers", "2",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 articles read (1 skipped), 2 stories in 2 topics" in result.stderr
    assert "(dask)" in result.stderr
    assert "distributed" not in result.stderr  # no cluster chatter
    assert {path.name for path in out.iterdir()} == {"stories.parquet", "articles.parquet",
                                                     "problems.jsonl"}


def test_unreachable_scheduler_is_one_line_and_exit_1(inputs, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "consilience", "batch", str(inputs), "--scheduler",
         "tcp://127.0.0.1:1", "--timeout", "1", "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "[E601]" in lines[0] and "tcp://127.0.0.1:1" in lines[0]


def test_the_clustering_thresholds_come_from_a_settings_file(inputs, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text("[clustering.stories]\nthreshold = 100.0\n", encoding="utf-8")
    out = tmp_path / "out"
    result = RUNNER.invoke(app, ["batch", str(inputs), "--engine", "local", "--out", str(out),
                                 "--format", "jsonl", "--config", str(settings), "-q"])
    assert result.exit_code == 0, result.output
    stories = [json.loads(line) for line in (out / "stories.jsonl").read_text().splitlines()]
    assert sorted(len(story["article_ids"]) for story in stories) == [1] * 6
