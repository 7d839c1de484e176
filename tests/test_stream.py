"""Ingest into the story database: idempotent, incremental, transactional, survives a kill."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

from consilience.store import Store
from consilience.stream import ingest, load_clusterer

QUAKE = ("A magnitude 6.4 earthquake struck near the town of Kastelburg on Monday, killing at "
         "least 12 people, the regional governor Anna Keller said. Rescue teams from Vellmar "
         "searched collapsed buildings in Kastelburg through the night.")
QUAKE_2 = ("Rescuers in Kastelburg pulled two survivors from the rubble on Tuesday, a day after "
           "the magnitude 6.4 earthquake. Governor Anna Keller said the death toll had risen "
           "to 15 and that Vellmar had sent more teams.")
OTHER_QUAKE = ("A magnitude 5.1 earthquake shook the coastal city of Porto Lindo on Friday. "
               "Mayor Rui Tavares said no one was hurt, though several old houses on the "
               "Lindo waterfront were damaged.")
ELECTION = ("Voters in the republic of Mardova elected Petra Ilves as president on Sunday, "
            "the electoral commission said, after a campaign dominated by rising energy "
            "prices and a dispute over the Danel pipeline.")


def write(folder, name, body, title, published):
    folder.mkdir(parents=True, exist_ok=True)
    record = {"title": title, "text": body, "published": published, "outlet": name}
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


@pytest.fixture
def first_batch(tmp_path):
    folder = tmp_path / "first"
    write(folder, "north-news", QUAKE, "Earthquake kills 12 in Kastelburg", "2024-05-06")
    write(folder, "coast-daily", OTHER_QUAKE, "Quake shakes Porto Lindo", "2024-05-10")
    write(folder, "capital-post", ELECTION, "Ilves wins Mardova election", "2024-05-12")
    return folder


def test_ingest_is_idempotent_and_separates_stories(database_url, first_batch):
    with Store(database_url) as store:
        summary = ingest([first_batch], store, analyse=False)
        assert (summary.added, summary.duplicates, summary.failed) == (3, 0, 0)
        assert summary.new_stories == 3  # two earthquakes are two stories
        again = ingest([first_batch], store, analyse=False)
        assert (again.added, again.duplicates, again.new_stories) == (0, 3, 0)
        assert store.count_articles() == 3
        assert all(problem.code == "W106" for problem in again.problems)


def test_a_later_article_joins_its_story_which_is_analysed_again(database_url, first_batch,
                                                                 tmp_path):
    with Store(database_url) as store:
        ingest([first_batch], store, analyse=False)
        quake = next(row for row in store.stories() if "Kastelburg" in row.title)
        later = tmp_path / "later"
        write(later, "valley-herald", QUAKE_2, "Survivors found in Kastelburg", "2024-05-07")
        summary = ingest([later], store)
        assert (summary.added, summary.new_stories, summary.changed_stories) == (1, 0, 1)
        row = store.story(quake.id)
        assert row.size == 2 and not row.stale
        analysis = json.loads(store.analysis(quake.id))
        assert analysis["story"]["id"] == str(quake.id)
        assert len(analysis["articles"]) == 2
        # the stories left stale by the first ingest (--no-analysis) were analysed too
        assert store.stories(stale_only=True) == []
        assert summary.analysed == 3


def test_the_clusterer_reloads_as_it_was(database_url, first_batch):
    with Store(database_url) as store:
        ingest([first_batch], store, analyse=False)
        clusterer = load_clusterer(store)
        assert sorted(len(members) for members in clusterer.stories.clusters()) == [1, 1, 1]


def test_bad_inputs_are_reported_and_the_rest_stored(database_url, first_batch):
    (first_batch / "broken.jsonl").write_text('{"text": "fine record about a harbour fire '
                                              'in Oldmark that closed the port"}\n{not json\n',
                                              encoding="utf-8")
    (first_batch / "empty.txt").write_text("   \n", encoding="utf-8")
    with Store(database_url) as store:
        summary = ingest([first_batch], store, analyse=False)
    assert summary.added == 4 and summary.failed == 2
    codes = sorted(problem.code for problem in summary.problems)
    assert codes == ["E104", "E105"]
    assert any("broken.jsonl" in problem.one_line() and ":2:" in problem.one_line()
               for problem in summary.problems)


# --- a real ingest process killed mid-run ----------------------------------------------------

WORDS = ["harbour", "council", "budget", "river", "bridge", "school", "hospital", "tunnel",
         "strike", "vote", "festival", "storm", "court", "museum", "airport", "factory",
         "railway", "market", "police", "orchestra"]


def synthetic_records(count: int) -> list[dict]:
    rng = random.Random(3)
    records = []
    for number in range(count):
        topic = WORDS[number % len(WORDS)]
        body = " ".join(rng.choice(WORDS) for _ in range(60))
        records.append({"title": f"The {topic} story, part {number}",
                        "text": f"Report {number} on the {topic}. {body}. The {topic} matters.",
                        "published": f"2024-0{1 + number % 9}-1{number % 10}"})
    return records


def article_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except Exception:
        return 0
    finally:
        engine.dispose()


def check_whole(url: str, batch: int) -> int:
    """Every stored article is in a story, every story's size is its membership, and only
    whole batches were kept."""
    with Store(url) as store:
        stored = list(store.stored_articles())
        rows = store.stories()
    sizes: dict[int, int] = {}
    for item in stored:
        sizes[item.story] = sizes.get(item.story, 0) + 1
    assert {row.id: row.size for row in rows} == sizes
    assert [item.position for item in stored] == list(range(1, len(stored) + 1))
    assert len(stored) % batch == 0
    return len(stored)


def test_a_killed_ingest_keeps_whole_batches_and_resumes(database_url, tmp_path):
    records = synthetic_records(1500)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(record) for record in records) + "\n",
                    encoding="utf-8")
    batch = 25
    command = [sys.executable, "-m", "consilience", "ingest", str(feed), "--db", database_url,
               "--batch-size", str(batch), "--no-analysis", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while article_count(database_url) < 2 * batch and process.poll() is None:
        assert time.monotonic() < deadline, "ingest never stored a batch"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    kept = check_whole(database_url, batch)
    assert 0 < kept < len(records), "the kill did not land mid-run"
    if database_url.startswith("sqlite"):
        path = database_url.removeprefix("sqlite:///")
        shutil.copy(path, tmp_path / "copy.db")  # the WAL is replayed on the next open
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert check_whole(database_url, 1) == len(records)


def test_ingest_into_an_empty_database_finds_the_stories_batch_finds(tmp_path, first_batch):
    from consilience.batch import run_batch

    write(first_batch, "valley-herald", QUAKE_2, "Survivors found in Kastelburg", "2024-05-07")
    with Store(tmp_path / "stories.db") as store:
        ingest([first_batch], store, analyse=False, batch_size=2)
        ingested = sorted(sorted(source for _, source in members)
                          for members in store.article_sources(
                              [row.id for row in store.stories()]).values())
    result = run_batch([first_batch], "local", tmp_path / "out", fmt="jsonl")
    rows = [json.loads(line) for line in (tmp_path / "out" / "stories.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert result.stories == len(rows) == 3
    assert ingested == sorted(sorted(row["sources"]) for row in rows)


def test_the_stale_stories_are_parsed_together_before_they_are_analysed(database_url,
                                                                         first_batch):
    # one parse of every stale story's articles (on every core when they are many) fills the
    # cache, so each story's analysis reads its parses back
    from consilience.annotate import DocCache, load_pipeline
    from consilience.config import AnalyzeConfig
    from consilience.stream import _parse_all, analyse_stale

    config = AnalyzeConfig(jobs=2)
    with Store(database_url) as store:
        ingest([first_batch], store, analyse=False)
        stories = [row.id for row in store.stories(stale_only=True)]
        _parse_all(store, stories, config)
        articles = [article for story in stories for article in store.story_articles(story)]
        keys = DocCache.keys(load_pipeline(config.model), (item.text for item in articles))
        assert len(store.get_annotations(keys)) == len(articles) == 3
        assert store.annotated([*keys, "no-such-key"]) == set(keys)
        assert analyse_stale(store, config) == 3
        for story in stories:
            document = json.loads(store.analysis(story))
            assert len(document["articles"]) == 1 and document["brief"]


def _state_of(clusterer):
    stories = clusterer.stories
    return ({key: (profile.members, profile.entities, profile.days, profile.places,
                   profile.first, profile.last) for key, profile in stories.stories.items()},
            {key: profile.centroid
             for key, profile in stories.stories.items()},
            {key: profile.members for key, profile in clusterer.topics.items()},
            clusterer.topic_of_story, sorted((key, list(articles)) for key, articles
                                             in stories.index.postings()))


def test_ingest_saves_the_clusterer_and_a_restart_reads_it_not_every_article(
        database_url, first_batch, tmp_path, monkeypatch):
    with Store(database_url) as store:
        ingest([first_batch], store, analyse=False)
        position, _ = store.cluster_state()
        assert position == 3
        # the saved state is the clusterer a replay of every stored article makes (the
        # stored features are rounded to 6 places; the live clusterer's are not)
        from consilience.cluster import TwoLevelClusterer, features_from_json
        replay = TwoLevelClusterer()
        for item in store.stored_articles():
            replay.restore(item.story - 1, item.topic - 1,
                           features_from_json(item.article.id, item.features))
        saved, replayed = _state_of(load_clusterer(store)), _state_of(replay)
        assert saved[0] == replayed[0] and saved[2:] == replayed[2:]
        assert all(saved[1][key] == pytest.approx(centroid, abs=1e-6)
                   for key, centroid in replayed[1].items())
        # a restart reads only what was stored after the state
        later = tmp_path / "later"
        write(later, "valley-herald", QUAKE_2, "Survivors found in Kastelburg", "2024-05-07")
        calls = []
        original = store.stored_articles
        monkeypatch.setattr(store, "stored_articles",
                            lambda after=0: calls.append(after) or original(after))
        summary = ingest([later], store, analyse=False)
        assert calls == [3] and summary.new_stories == 0  # it joined the earthquake
        assert store.cluster_state()[0] == 4


def test_a_state_of_another_index_depth_is_not_used(database_url, first_batch):
    from dataclasses import replace

    from consilience.config import STORY_PARAMS, ClusteringSettings
    from consilience.stream import StreamClusterer

    with Store(database_url) as store:
        ingest([first_batch], store, analyse=False)
        deeper = ClusteringSettings(stories=replace(STORY_PARAMS, depth=5))
        loaded = StreamClusterer.load(store, deeper)
        assert loaded.clusterer.stories.index.depth == 5 and loaded.position == 3
        assert sorted(len(m) for m in loaded.clusterer.stories.clusters()) == [1, 1, 1]


def test_stale_stories_analysed_in_several_processes_are_those_one_process_gives(
        tmp_path, first_batch, monkeypatch):
    import consilience.stream as stream
    from consilience.config import AnalyzeConfig

    monkeypatch.setattr(stream, "_MIN_STORIES_PER_WORKER", 1)
    documents = []
    for jobs in (1, 2):
        with Store(tmp_path / f"jobs{jobs}.db") as store:
            ingest([first_batch], store, analyse=False)
            stories = [row.id for row in store.stories(stale_only=True)]
            config = AnalyzeConfig(jobs=jobs)
            assert stream._story_workers(config, len(stories)) == jobs
            problems: list = []
            assert stream.analyse_stale(store, config, problems=problems) == 3
            assert problems == [] and not store.stories(stale_only=True)
            documents.append({story: json.loads(store.analysis(story)) for story in stories})
    for one, several in zip(documents[0].values(), documents[1].values(), strict=True):
        for part in ("articles", "entities", "facts", "conflicts", "quotes", "brief"):
            assert one[part] == several[part]
