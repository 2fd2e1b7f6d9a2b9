"""The SQLite full-text index stays in step even after a migration rebuilds the table."""

import pytest
from django.db import connection

from articles.models import Article
from articles.search import parse
from articles.search.sqlite import restore_triggers, to_fts5
from tests.conftest import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's FTS5 triggers; PostgreSQL keeps its vector with a column trigger")


def fts_ids(word: str) -> list[int]:
    with connection.cursor() as cursor:
        match = to_fts5(parse(word))
        cursor.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH %s", [match])
        return [row[0] for row in cursor.fetchall()]


def test_dropped_triggers_are_restored_and_index_rebuilt(sqlite_only):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER articles_fts_insert")
    stale = make_article(body="The helicopter plant opens in Ganja.")
    assert fts_ids("helicopter") == []
    assert restore_triggers("default") is True
    fresh = make_article(body="A second helicopter plant is planned.")
    assert sorted(fts_ids("helicopter")) == [stale.pk, fresh.pk]


def test_intact_triggers_are_left_alone(sqlite_only):
    make_article(body="Energy talks in Baku.")
    assert restore_triggers("default") is False
    assert fts_ids("energy") == list(Article.objects.values_list("pk", flat=True))
