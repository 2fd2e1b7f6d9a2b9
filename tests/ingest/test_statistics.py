"""An import that grows the archive refreshes PostgreSQL's planner statistics
(articles.ingest.statistics): when, and that it does on PostgreSQL alone."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest import statistics
from articles.ingest.statistics import PlannerStatistics, archive_tables
from tests.stories.builders import article_file, import_files, wire_body


def refreshes(monkeypatch, *, archive: int) -> tuple[PlannerStatistics, list[int]]:
    """Statistics of an archive of `archive` articles, recording the size at each refresh."""
    seen: list[int] = []
    counter = PlannerStatistics()
    counter.enabled, counter.archive = True, archive
    monkeypatch.setattr(counter, "refresh", lambda: seen.append(counter.archive + counter.grown))
    return counter, seen


def test_a_small_import_leaves_the_statistics_alone(db, monkeypatch):
    counter, seen = refreshes(monkeypatch, archive=0)
    counter.stored(statistics.FIRST_REFRESH - 1)
    assert seen == []


def test_an_import_into_an_empty_archive_refreshes_after_its_first_articles(db, monkeypatch):
    counter, seen = refreshes(monkeypatch, archive=0)
    counter.stored(200)
    counter.stored(300)
    assert seen == [500]


def test_refreshes_come_as_the_archive_grows_by_a_quarter(db, monkeypatch):
    counter, seen = refreshes(monkeypatch, archive=4000)
    for _ in range(30):
        counter.stored(100)
    # 4,000 + 1,000 = 5,000, then 5,000 + 1,300 (a quarter is 1,250: thirteen batches).
    assert seen == [5000, 6300]


def test_the_refresh_names_every_table_the_filing_lookups_read(db):
    tables = archive_tables()
    for model_table in ("articles_articleband", "articles_article_tags", "articles_mention"):
        assert model_table in tables


def test_an_import_refreshes_postgresqls_statistics_once_it_stored_enough(
    postgres_only, tmp_path, monkeypatch
):
    monkeypatch.setattr(statistics, "FIRST_REFRESH", 3)
    files = {
        f"wire{number}.txt": article_file(
            date=f"2024-03-0{number + 1}",
            source="Trend",
            headline=f"Freight item {number}",
            body=wire_body(number),
        )
        for number in range(4)
    }
    with CaptureQueriesContext(connection) as queries:
        import_files(tmp_path / "files", files)
    analyses = [query["sql"] for query in queries if query["sql"].startswith("ANALYZE")]
    assert len(analyses) == 1
    assert '"articles_articleband"' in analyses[0]


def test_sqlite_keeps_its_statistics_as_they_are(db):
    counter = PlannerStatistics()
    assert counter.enabled == (connection.vendor == "postgresql")
