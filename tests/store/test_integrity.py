"""`check_integrity` and `consilience check`: quiet on a healthy database, and each rule caught
when a database is damaged by hand with SQL, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from consilience.cluster.features import article_features, features_to_json
from consilience.models import Article
from consilience.store import NewArticle, Store, check_integrity, integrity
from consilience.store.integrity import EXAMPLES
from consilience.stream import analyse_story, ingest

from ..crash import synthetic_records

ARTICLES = 60
BATCH = 10


@pytest.fixture
def filled(database_url: str, tmp_path: Path) -> str:
    """A database with ARTICLES articles in several stories (not analysed)."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in
                            synthetic_records(ARTICLES, seed=11)), encoding="utf-8")
    with Store(database_url) as store:
        ingest([feed], store, batch_size=BATCH, analyse=False)
    return database_url


def problems(url: str) -> tuple[str, ...]:
    with Store(url, read_only=True) as store:
        return check_integrity(store).problems


def damage(url: str, *statements: str) -> None:
    """Run SQL with the database's own guards off (SQLite's foreign keys are off outside
    consilience; PostgreSQL skips foreign-key triggers in replica mode), as a bad tool or a
    hand edit could."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        connection = sqlite3.connect(str(parsed.database))
        try:
            with connection:
                for statement in statements:
                    connection.execute(statement)
        finally:
            connection.close()
        return
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def first(url: str, query: str) -> tuple:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return tuple(connection.execute(text(query)).first())
    finally:
        engine.dispose()


def test_a_healthy_database_passes_with_an_analysis(filled):
    story, size = first(filled, "SELECT id, size FROM stories ORDER BY size, id LIMIT 1")
    with Store(filled) as store:
        analyse_story(store, story)
        report = store.check_integrity()
        rows = store.stories()
    assert report.ok, report.problems
    assert report.summary() == f"ok: {ARTICLES} articles, {len(rows)} stories"
    assert any(not row.stale for row in rows) and size >= 1


def test_an_empty_database_passes(database_url):
    with Store(database_url) as store:
        report = store.check_integrity()
    assert report.ok and (report.articles, report.stories) == (0, 0)


def test_a_membership_of_a_missing_article(filled):
    story, size = first(filled, "SELECT id, size FROM stories ORDER BY id LIMIT 1")
    damage(filled, f"INSERT INTO memberships (article, story, score) "
                   f"VALUES ('a-missing', {story}, 0.5)")
    found = problems(filled)
    assert f"membership: story {story} has article a-missing, which does not exist" in found
    assert f"story: story {story} has size {size} but {size + 1} article(s)" in found


def test_a_membership_in_a_missing_story(filled):
    (article,) = first(filled, "SELECT article FROM memberships ORDER BY article LIMIT 1")
    damage(filled, f"UPDATE memberships SET story = 9999 WHERE article = '{article}'")
    assert f"membership: article {article} is in story 9999, which does not exist" \
        in problems(filled)


def test_a_story_size_mismatch(filled):
    story, size = first(filled, "SELECT id, size FROM stories ORDER BY id DESC LIMIT 1")
    damage(filled, f"UPDATE stories SET size = {size + 2} WHERE id = {story}")
    assert problems(filled) == (f"story: story {story} has size {size + 2} but {size} "
                                "article(s)",)


def test_an_empty_story(filled):
    damage(filled, "INSERT INTO stories (id, topic, title, size, updated, stale, search_text) "
                   "VALUES (9999, 1, 'nothing', 0, '2024-01-01', TRUE, '')")
    assert problems(filled) == ("story: story 9999 has no articles (size 0)",)


def test_an_article_in_two_stories(filled):
    """The primary key on memberships.article forbids it; dropped (a bad restore, a hand-made
    table), a second membership is caught as such."""
    article, story = first(filled, "SELECT article, story FROM memberships ORDER BY article")
    other, size = first(filled, f"SELECT id, size FROM stories WHERE id <> {story} ORDER BY id")
    if make_url(filled).get_backend_name() == "sqlite":
        drop_key = ["CREATE TABLE loose (article VARCHAR(32), story INTEGER, score FLOAT)",
                    "INSERT INTO loose SELECT article, story, score FROM memberships",
                    "DROP TABLE memberships", "ALTER TABLE loose RENAME TO memberships",
                    "CREATE INDEX memberships_by_story ON memberships (story)"]
    else:
        drop_key = ["ALTER TABLE memberships DROP CONSTRAINT memberships_pkey"]
    damage(filled, *drop_key, f"INSERT INTO memberships (article, story, score) "
                              f"VALUES ('{article}', {other}, 0.5)")
    found = problems(filled)
    assert f"membership: article {article} is in 2 stories, not exactly one" in found
    assert "schema: table memberships has primary key (), not (article)" in found
    assert f"story: story {other} has size {size} but {size + 1} article(s)" in found


def test_a_gap_in_the_positions(filled):
    damage(filled, f"UPDATE articles SET position = {ARTICLES + 5} "
                   f"WHERE position = {ARTICLES // 2}")
    assert problems(filled) == (
        f"position: no article at position {ARTICLES // 2} of 1..{ARTICLES}",
        f"position: an article has position {ARTICLES + 5}, outside 1..{ARTICLES}")


def test_two_articles_at_one_position(filled):
    """The unique constraint forbids it; dropped (PostgreSQL names it, so it can be), both the
    missing constraint and the duplicate are caught."""
    if make_url(filled).get_backend_name() == "sqlite":
        pytest.skip("SQLite cannot drop a column's UNIQUE without rebuilding the table")
    damage(filled, "ALTER TABLE articles DROP CONSTRAINT articles_position_key",
           f"UPDATE articles SET position = 1 WHERE position = {ARTICLES}")
    assert problems(filled) == (
        "schema: column articles.position is not unique",
        "position: position 1 is held by more than one article",
        f"position: no article at position {ARTICLES} of 1..{ARTICLES}")


def test_a_missing_index(filled):
    damage(filled, "DROP INDEX memberships_by_story")
    assert problems(filled) == ("schema: index memberships_by_story on memberships is missing",)


def test_analyses_that_do_not_match_their_story(filled):
    stories = create_engine(filled)
    try:
        with stories.connect() as connection:
            rows = connection.execute(text(
                "SELECT s.id, s.size, m.article FROM stories s JOIN memberships m ON "
                "m.story = s.id ORDER BY s.id, m.article")).all()
    finally:
        stories.dispose()
    members: dict[int, list[str]] = {}
    for story, _size, article in rows:
        members.setdefault(story, []).append(article)
    one, two, three = list(members)[:3]
    outsider = members[two][0]

    def document(story: int, articles: list[str]) -> str:
        return json.dumps({"story": {"id": str(story), "articles": articles}})

    with Store(filled) as store:
        # names an article of another story; covers too few articles, yet saved as fresh
        store.save_analysis(one, document(one, [*members[one], outsider]), "t", "",
                            len(members[one]))
        store.save_analysis(two, document(two, members[two][:1]), "t", "", len(members[two]))
        store.save_analysis(three, "{not json", "t", "", len(members[three]))
    found = problems(filled)
    assert f"analysis: story {one}: the analysis names article {outsider}, which is not in " \
           "the story" in found
    assert f"analysis: story {one}: the analysis covers {len(members[one]) + 1} article(s), " \
           f"the story has {len(members[one])}, and it is not marked stale" in found
    assert f"analysis: story {two}: the analysis covers 1 article(s), the story has " \
           f"{len(members[two])}, and it is not marked stale" in found
    assert any(line.startswith(f"analysis: story {three}: the stored analysis is not a "
                               "schema v1 document") for line in found)
    damage(filled, f"UPDATE stories SET stale = FALSE WHERE id = {max(members)}")
    assert f"analysis: story {max(members)} is marked up to date but has no analysis" \
        in problems(filled)


def test_many_violations_are_shown_up_to_a_limit_then_counted(filled):
    damage(filled, "UPDATE stories SET size = size + 1",
           *[f"INSERT INTO memberships (article, story, score) VALUES ('a-x{number}', 1, 0.1)"
             for number in range(EXAMPLES + 7)])
    found = problems(filled)
    orphans = [line for line in found if line.endswith("which does not exist")]
    assert len(orphans) == EXAMPLES
    assert found[found.index(orphans[-1]) + 1] == "membership: … and 7 more like the above"


def test_a_damaged_sqlite_file(tmp_path):
    path = tmp_path / "stories.db"
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in
                            synthetic_records(400, seed=12)), encoding="utf-8")
    with Store(path) as store:
        ingest([feed], store, batch_size=100, analyse=False)
    assert not (tmp_path / "stories.db-wal").exists() or \
        (tmp_path / "stories.db-wal").stat().st_size == 0
    page = 4096
    pages = path.stat().st_size // page
    with path.open("r+b") as handle:  # garbage over pages in the second half (article rows)
        for number in range(pages // 2, pages - 1, 3):
            handle.seek(number * page + 100)
            handle.write(bytes(range(256)) * 8)
    found = problems(f"sqlite:///{path}")
    assert any(line.startswith("engine: sqlite integrity_check:") for line in found), found


def run_check(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consilience", "check", "--db", url],
                          capture_output=True, text=True, timeout=120)


def test_the_check_command(filled):
    healthy = run_check(filled)
    assert healthy.returncode == 0, healthy.stderr
    stories = first(filled, "SELECT count(*) FROM stories")[0]
    assert healthy.stdout == f"ok: {ARTICLES} articles, {stories} stories\n"
    damage(filled, "UPDATE stories SET size = size + 1 WHERE id IN (1, 2)",
           "DROP INDEX stories_by_last")
    broken = run_check(filled)
    assert broken.returncode == 1
    assert broken.stdout.splitlines() == list(problems(filled))
    assert len(broken.stdout.splitlines()) == 3
    errors = [line for line in broken.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "[E512]" in errors[0] and "3 integrity rule(s)" in errors[0]
    assert "Traceback" not in broken.stderr


def test_the_check_command_on_no_database(tmp_path):
    result = run_check(str(tmp_path / "absent.db"))
    assert result.returncode == 1 and "[E508]" in result.stderr
    assert not (tmp_path / "absent.db").exists()


def test_the_check_reads_one_snapshot_while_an_ingest_commits(filled, monkeypatch):
    """A batch committed by another connection in the middle of a check is not seen by its
    later steps: every rule and the counts are judged on one committed state (SQLite: one read
    transaction; PostgreSQL: REPEATABLE READ), so a check can run next to an ingest."""
    story, topic = first(filled, "SELECT id, topic FROM stories ORDER BY id LIMIT 1")
    article = Article(id="a-0000000001", source="late.jsonl:1", text="A late report.",
                      title="Late", published="2024-06-01")
    features = article_features(article.id, article.text, article.title, article.published)

    def commit_a_batch(_connection, _findings) -> None:
        with Store(filled) as writer:
            writer.add_batch([NewArticle(article, features_to_json(features), story, topic,
                                         0.5)], {})

    checks = list(integrity.DATA_CHECKS)
    checks.insert(1, ("a concurrent ingest", commit_a_batch))
    monkeypatch.setattr(integrity, "DATA_CHECKS", tuple(checks))
    with Store(filled, read_only=True) as store:
        during = store.check_integrity()
    monkeypatch.undo()
    assert during.ok, during.problems
    assert during.articles == ARTICLES  # the state the check began on
    with Store(filled, read_only=True) as store:
        after = store.check_integrity()
    assert after.ok and after.articles == ARTICLES + 1


def test_a_story_merged_from_two_is_caught_by_its_links(filled):
    """What two writers numbering their new stories alike made: one story id, two stories'
    articles (two first articles, and groups that share no candidate key)."""
    one, two = (row[0] for row in [first(filled, "SELECT min(id) FROM stories"),
                                   first(filled, "SELECT max(id) FROM stories")])
    damage(filled, f"UPDATE memberships SET story = {one} WHERE story = {two}",
           f"UPDATE stories SET size = (SELECT count(*) FROM memberships WHERE story = {one}) "
           f"WHERE id = {one}",
           f"DELETE FROM stories WHERE id = {two}")
    found = problems(filled)
    assert any(line.startswith(f"cluster: story {one}: 2 articles started it")
               for line in found), found
    assert all(line.startswith("cluster:") for line in found), found


def test_an_article_in_a_story_it_shares_nothing_with_is_caught(database_url):
    texts = ("A magnitude 6.4 earthquake struck Kastelburg on Monday, killing 12 people, "
             "governor Anna Keller said.",
             "Voters in Mardova elected Petra Ilves as president on Sunday after a campaign "
             "about the Danel pipeline.")
    rows = []
    for number, (body, joined) in enumerate(zip(texts, (0.0, 0.7), strict=True), start=1):
        article = Article(id=f"a-{number:010d}", source=f"feed.jsonl:{number}", text=body)
        features = article_features(article.id, article.text, None, None)
        rows.append(NewArticle(article, features_to_json(features), 1, 1, joined))
    with Store(database_url) as store:
        store.add_batch(rows, {1: "One story?"})
    assert problems(database_url) == (
        "cluster: story 1: article a-0000000002 shares no candidate key with an earlier "
        "article of the story, so it cannot have joined it",)
