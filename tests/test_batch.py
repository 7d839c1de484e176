"""Batch runs: the Dask engine finds the same stories as the single-process one, and both write
valid tables."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from consilience import batch
from consilience.batch import read_batch_inputs, run_batch
from consilience.cluster import article_id
from consilience.errors import NothingToAnalyseError, SchedulerError
from consilience.ingest import read_inputs

from .conftest import EXAMPLE

# A second, different story: four short reports of one earthquake.
QUAKE = [
    {"title": "Magnitude 6.4 earthquake strikes Crete", "outlet": "Wire A",
     "published": "2024-03-02T08:10:00",
     "text": "A magnitude 6.4 earthquake struck off the southern coast of Crete early on "
             "Saturday, the Hellenic seismological institute said. The quake, centred 40 "
             "kilometres south of Ierapetra, shook buildings in Heraklion and was felt as far "
             "as Athens. Mayor Nikos Karamanlakis said there were no reports of injuries but "
             "several old houses in Viannos were damaged."},
    {"title": "Crete earthquake damages homes in Viannos", "outlet": "Daily B",
     "published": "2024-03-02T10:30:00",
     "text": "An earthquake of magnitude 6.4 hit southern Crete on Saturday morning, damaging "
             "old houses in the village of Viannos. The Hellenic seismological institute "
             "placed the epicentre 40 kilometres south of Ierapetra. Ierapetra mayor Nikos "
             "Karamanlakis told state television that nobody was hurt and schools would stay "
             "closed on Monday for inspections."},
    {"title": "Aftershocks rattle Crete after 6.4 quake", "outlet": "News C",
     "published": "2024-03-03T07:00:00",
     "text": "Dozens of aftershocks rattled Crete overnight after Saturday's magnitude 6.4 "
             "earthquake south of Ierapetra, seismologists said. Engineers inspected damaged "
             "houses in Viannos, and Nikos Karamanlakis, the mayor of Ierapetra, said "
             "temporary shelters had been set up in Heraklion for families whose homes were "
             "unsafe."},
    {"title": "Greek government sends engineers to quake-hit Crete", "outlet": "Paper D",
     "published": "2024-03-03T12:00:00",
     "text": "The Greek government sent a team of structural engineers to Crete on Sunday "
             "after a magnitude 6.4 earthquake damaged houses around Viannos and Ierapetra. "
             "Civil protection officials in Heraklion said the aftershocks were weakening. "
             "Mayor Nikos Karamanlakis thanked the rescue teams and said no one had been "
             "injured."},
]


def read_rows(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def tables(result) -> tuple[list[dict], list[dict], list[dict]]:
    stories, articles, problems = (read_rows(path) for path in result.files)
    return stories, articles, problems


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch-input")
    for path in EXAMPLE.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    lines = [json.dumps(record) for record in QUAKE]
    lines.insert(2, '{"title": "broken')
    (folder / "quake.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def scheduler():
    """One LocalCluster for the module's Dask runs (starting one costs seconds)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def local_run(inputs, tmp_path_factory):
    return run_batch([inputs], "local", tmp_path_factory.mktemp("local"), fmt="jsonl")


@pytest.fixture(scope="module")
def dask_run(inputs, scheduler, tmp_path_factory):
    return run_batch([inputs], "dask", tmp_path_factory.mktemp("dask"), scheduler=scheduler)


def test_dask_and_local_find_the_same_stories(local_run, dask_run):
    assert [path.name for path in local_run.files] == ["stories.jsonl", "articles.jsonl",
                                                       "problems.jsonl"]
    assert [path.name for path in dask_run.files] == ["stories.parquet", "articles.parquet",
                                                      "problems.jsonl"]
    assert tables(dask_run) == tables(local_run)  # membership, ids, titles, analyses, problems
    assert (dask_run.articles, dask_run.stories, dask_run.topics) == (9, 2, 2)
    assert (local_run.articles, local_run.stories, local_run.topics) == (9, 2, 2)
    assert dict(dask_run.timings).keys() == dict(local_run.timings).keys()


@pytest.mark.parametrize("run", ["local_run", "dask_run"])
def test_outputs_are_valid(request, run, schema):
    result = request.getfixturevalue(run)
    stories, articles, problems = tables(result)
    assert [story["id"] for story in stories] == ["1", "2"]
    quake, japan = stories
    assert quake["title"] == QUAKE[0]["title"] and len(quake["article_ids"]) == 4
    assert all(source.endswith("quake.jsonl:" + str(line)) for source, line in
               zip(quake["sources"], (1, 2, 4, 5), strict=True))
    assert set(japan["article_ids"]) == {article_id(raw.text) for raw in
                                         read_inputs([EXAMPLE])[0]}
    assert "Japan" in japan["title"]
    assert (quake["first"], quake["last"]) == ("2024-03-02T08:10", "2024-03-03T12:00")
    for story in stories:
        document = json.loads(story["analysis"])
        jsonschema.Draft202012Validator(schema).validate(document)
        assert document["story"]["id"] == story["id"]
        assert document["story"]["title"] == story["title"]
        assert document["story"]["articles"] == story["article_ids"]
    members = {story["id"]: story["article_ids"] for story in stories}
    assert len(articles) == 9 and len({row["id"] for row in articles}) == 9
    for row in articles:
        assert row["id"] in members[row["story"]]
        assert row["topic"] == next(s["topic"] for s in stories if s["id"] == row["story"])
    dated = [row["published"] for row in articles if row["published"]]
    assert dated == sorted(dated) and articles[-1]["published"] is None  # stream order
    assert [(problem["code"], problem["line"]) for problem in problems] == [("E105", 3)]
    assert problems[0]["source"].endswith("quake.jsonl")
    assert result.skipped == 1 and result.failed_stories == 0
    assert not list(result.out.glob(".*"))  # no temporary files left


def write_shards(folder: Path) -> None:
    folder.mkdir()
    rows = [{**record, "published": datetime.fromisoformat(record["published"])}
            for record in QUAKE]
    pq.write_table(pa.Table.from_pylist(rows[:2]), folder / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(rows[2:] + [{**rows[0], "text": "  "}]),
                   folder / "part-1.parquet")
    (folder / "README.md").write_text("Shards of a crawl.\n", encoding="utf-8")


def test_parquet_shards(tmp_path, scheduler, local_run):
    write_shards(tmp_path / "shards")
    raws, problems = read_batch_inputs([tmp_path / "shards"])
    assert [raw.source.rsplit("/", 1)[-1] for raw in raws] == [
        "part-0.parquet#0", "part-0.parquet#1", "part-1.parquet#0", "part-1.parquet#1"]
    assert raws[0].published == "2024-03-02T08:10:00" and raws[0].outlet == "Wire A"
    assert [(problem.code, problem.source.rsplit("/", 1)[-1]) for problem in problems] == [
        ("E104", "part-1.parquet#2")]
    result = run_batch([tmp_path / "shards", EXAMPLE], "dask", tmp_path / "out",
                       scheduler=scheduler)
    stories, articles, _ = tables(result)
    expected, _, _ = tables(local_run)
    assert [(story["id"], story["title"], story["article_ids"]) for story in stories] == [
        (story["id"], story["title"], story["article_ids"]) for story in expected]
    assert stories[0]["sources"][0].endswith("part-0.parquet#0")
    assert (articles[0]["outlet"], articles[0]["published"]) == ("Wire A", "2024-03-02T08:10")


def test_unreachable_scheduler_is_e601(inputs, tmp_path):
    with pytest.raises(SchedulerError) as caught:
        run_batch([inputs], "dask", tmp_path, scheduler="tcp://127.0.0.1:1", timeout=1)
    assert caught.value.code == "E601" and "tcp://127.0.0.1:1" in caught.value.one_line()
    assert not list(tmp_path.iterdir())


def test_a_scheduler_without_workers_is_e601(inputs, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, \
            pytest.raises(SchedulerError, match="no worker joined"):
        run_batch([inputs], "dask", tmp_path, scheduler=cluster.scheduler_address, timeout=1)


def test_a_failing_story_is_a_problem_and_the_others_go_on(inputs, tmp_path, monkeypatch):
    real = batch.analyze_articles

    def failing(articles, config, number=None):
        if any("Crete" in article.text for article in articles):
            raise RuntimeError("boom")
        return real(articles, config, number=number)

    monkeypatch.setattr(batch, "analyze_articles", failing)
    result = run_batch([inputs], "local", tmp_path, fmt="jsonl")
    stories, _, problems = tables(result)
    assert result.failed_stories == 1 and result.stories == 2
    assert stories[0]["analysis"] is None and stories[1]["analysis"]
    assert stories[0]["title"] in {record["title"] for record in QUAKE}  # still titled, dated
    assert (stories[0]["first"], stories[0]["last"]) == ("2024-03-02T08:10", "2024-03-03T12:00")
    assert ("story 1", "E507") in {(problem["source"], problem["code"]) for problem in problems}
    assert "boom" in next(p["message"] for p in problems if p["source"] == "story 1")


def test_nothing_to_analyse(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(NothingToAnalyseError) as caught:
        run_batch([tmp_path], "local", tmp_path / "out")
    assert [problem.code for problem in caught.value.problems] == ["E104"]
