"""time_budget: a query that overruns is stopped and reported, never an error."""

import time

import pytest
from django.db import connection

from articles.models import Article
from articles.search import time_budget

pytestmark = pytest.mark.django_db

SLOW = {
    "sqlite": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1e9) "
    "SELECT count(*) FROM c",
    "postgresql": "SELECT pg_sleep(5)",
}


def run_slow_query():
    with connection.cursor() as cursor:
        cursor.execute(SLOW[connection.vendor])
        return cursor.fetchall()


def test_slow_query_gives_nothing_when_it_overruns_the_budget():
    with time_budget("default", 50) as budget:
        assert budget.run(run_slow_query) is None
    assert budget.is_spent


def test_queries_after_an_overrun_are_skipped_when_the_budget_is_spent():
    with time_budget("default", 50) as budget:
        budget.run(run_slow_query)
        assert budget.run(Article.objects.count) is None


def test_quick_query_answers_when_within_the_budget():
    with time_budget("default", 5_000) as budget:
        assert budget.run(Article.objects.count) == 0


def test_connection_works_after_an_overrun_when_the_block_ends():
    with time_budget("default", 50) as budget:
        budget.run(run_slow_query)
    assert Article.objects.count() == 0


def test_timeout_is_undone_when_the_block_ends(postgres_only):
    with time_budget("default", 50) as budget:
        budget.run(Article.objects.count)
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


def test_later_query_is_skipped_when_earlier_work_used_the_whole_budget():
    ran = []
    with time_budget("default", 50) as budget:
        budget.run(lambda: time.sleep(0.06))
        assert budget.run(lambda: ran.append(Article.objects.count())) is None
    assert ran == []
    assert budget.is_spent


def test_second_slow_query_stops_at_what_is_left_when_the_first_used_most_of_the_budget():
    started = time.monotonic()
    with time_budget("default", 1_000) as budget:
        budget.run(lambda: time.sleep(0.6))
        assert budget.run(run_slow_query) is None
    # Two full per-statement limits would take 1.6 s; one deadline ends near 1 s.
    assert time.monotonic() - started < 1.4


def test_statement_timeout_is_what_is_left_when_a_query_follows_another(postgres_only):
    def statement_timeout():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            return cursor.fetchone()[0]

    with time_budget("default", 5_000) as budget:
        budget.run(lambda: time.sleep(0.1))
        left = budget.run(statement_timeout)
    assert 1_000 < _milliseconds(left) <= 4_900


def _milliseconds(setting: str) -> int:
    """A timeout as PostgreSQL shows it ("4899ms", or "4s" when whole) in ms."""
    return int(setting[:-2]) if setting.endswith("ms") else int(setting[:-1]) * 1_000
