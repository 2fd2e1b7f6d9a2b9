"""PostgreSQL: the search vector is kept in the article's row (migration
0008), where a walk over the newest articles reads it without a TOAST
lookup per row; going there rewrites every stored vector unchanged."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article
from articles.search import parse, postgres
from tests.conftest import make_article

pytestmark = pytest.mark.usefixtures("postgres_only")

BEFORE = ("articles", "0007_postgres_per_language_search_indexes")


def vector_storage() -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'articles_article'::regclass AND attname = 'search_vector'"
        )
        return cursor.fetchone()[0]


def stored_vector(article: Article) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM articles_article WHERE id = %s", [article.pk]
        )
        return cursor.fetchone()[0]


def migrate_to(target: tuple[str, str] | None = None) -> None:
    """To `target`, or back to the latest migrations (which 0008 is no longer)."""
    # The test's own rows leave deferred foreign-key checks pending, and
    # PostgreSQL alters no table with checks pending: run them first.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())


def test_search_vector_is_stored_in_the_row_when_postgres():
    assert vector_storage() == "m"


def test_migration_rewrites_every_vector_unchanged_both_ways_when_postgres():
    # Long enough to be stored out of line under the default storage.
    article = make_article(body=" ".join(f"lexeme{n} pipeline" for n in range(600)))
    vector = stored_vector(article)
    try:
        migrate_to(BEFORE)
        assert vector_storage() == "x"
        assert stored_vector(article) == vector
    finally:
        migrate_to()
    assert vector_storage() == "m"
    assert stored_vector(article) == vector
    found = postgres.matches(Article.objects.all(), parse("lexeme599 pipeline"))
    assert list(found) == [article]


def test_a_vector_too_big_for_a_row_is_still_stored_and_found_when_postgres():
    # ~5,000 distinct words: a vector of tens of kilobytes, past any 8 KB page,
    # which storage MAIN moves out of line rather than refusing the row.
    article = make_article(body=" ".join(f"treaty{n}" for n in range(5_000)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(search_vector) FROM articles_article WHERE id = %s",
            [article.pk],
        )
        assert cursor.fetchone()[0] > 8192
    found = postgres.matches(Article.objects.all(), parse("treaty4999"))
    assert list(found) == [article]
