"""time_budget: a query that overruns is stopped and reported, never an error."""

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

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


def test_block_spends_no_statement_on_the_budget():
    with CaptureQueriesContext(connection) as queries, time_budget("default", 5_000) as budget:
        budget.run(Article.objects.count)
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1


def test_cancel_never_reaches_a_statement_run_after_the_block(postgres_only):
    with time_budget("default", 50) as budget:
        budget.run(Article.objects.count)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.2)")  # the deadline passes while it runs
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_no_thread_outlives_the_block():
    before = threading.active_count()
    with time_budget("default", 5_000) as budget:
        budget.run(Article.objects.count)
    assert threading.active_count() == before


def test_statement_started_after_the_deadline_is_still_cancelled(postgres_only):
    """The first cancel finds the session idle; the next statement is not spared."""
    started = time.monotonic()
    with time_budget("default", 50) as budget:
        time.sleep(0.08)
        with pytest.raises(OperationalError):
            run_slow_query()
    assert budget.left() == 0
    assert time.monotonic() - started < 1


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
