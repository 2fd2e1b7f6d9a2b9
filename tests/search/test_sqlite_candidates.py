"""SQLite: one FTS scan gives a search both its candidates and its bounded
count, with a filter checked per match; an ordered queryset changes neither.
The page's headlines look each row up in the index by its rowid."""

import pytest
from django.db import connection

from articles.models import Article
from articles.search import parse, sqlite
from tests.conftest import make_article, make_source


@pytest.fixture
def trend(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 scan; PostgreSQL has its own in test_postgres_walk.py")
    source = make_source(slug="trend")
    for n in range(10):
        extra = " A pipeline opened." if n % 5 == 0 else ""
        make_article(source=source, body=f"Azerbaijan and Russia signed, report {n}.{extra}")
        make_article(source=make_source(), body=f"Russia and Azerbaijan met, report {n}.")
    return Article.objects.filter(source=source).order_by("-published_on", "-pk")


def newest_ids(queryset, text, *, cap):
    return sqlite.ordered_ids(queryset, parse(text), "newest", cap=cap, count_cap=cap + 1)


def test_candidates_are_the_newest_filtered_matches_when_more_match_than_the_cap(trend):
    ids, total = newest_ids(trend, "Russia", cap=3)
    assert (ids, total) == (list(trend.order_by("-pk").values_list("pk", flat=True)[:3]), 4)


def test_every_filtered_match_is_counted_when_fewer_match_than_the_cap(trend):
    ids, total = newest_ids(trend, "pipeline", cap=3)
    expected = trend.filter(body__contains="pipeline").values_list("pk", flat=True)
    assert (sorted(ids), total) == (sorted(expected), 2)


def test_count_stops_at_the_count_cap_when_it_is_below_the_cap(trend):
    ids, total = sqlite.ordered_ids(trend, parse("Russia"), "newest", cap=5, count_cap=2)
    assert (len(ids), total) == (5, 2)


def test_headlines_look_up_each_page_row_in_the_index_by_rowid(trend):
    page = trend.filter(pk__in=list(trend.values_list("pk", flat=True)[:3]))
    rows = sqlite.with_headlines(page, parse("Russia"), "[", "]")
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    fts_steps = [step for step in plan if sqlite.FTS_TABLE in step]
    # "=" before the M: the rowid is a constraint of the index lookup, not a filter after it.
    assert fts_steps and all("VIRTUAL TABLE INDEX 0:=M" in step for step in fts_steps), plan
    assert [row.title_headline for row in rows] == [row.title for row in page]
    assert all("[Russia]" in row.body_headline for row in rows)
