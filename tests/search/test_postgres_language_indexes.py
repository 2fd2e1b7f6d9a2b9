"""PostgreSQL: each language's branch of the search condition has a partial
GIN index whose predicate is that branch's language condition (migration
0007), so the bitmap PostgreSQL builds is exact and no match is read again."""

import pytest
from django.db import connection

from articles.models import Article
from articles.search import parse, postgres
from tests.conftest import make_article

pytestmark = pytest.mark.usefixtures("postgres_only")


def search_index_predicates():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = 'articles_article'::regclass AND c.relname LIKE %s",
            ["articles_article_search%"],
        )
        return sorted(row[0] for row in cursor.fetchall())


def test_every_search_index_is_limited_to_languages_when_postgres():
    assert len(search_index_predicates()) == len(postgres.CONFIGS) + 1
    assert None not in search_index_predicates()


def test_search_indexes_name_each_configured_language_when_postgres():
    predicates = " ".join(search_index_predicates())
    assert all(f"'{code}'" in predicates for code in postgres.CONFIGS)


def test_russian_word_finds_only_the_russian_article_when_postgres():
    make_article(language="en", body="Cooperation on energy grew.")
    make_article(language="ru", body="Сотрудничество в энергетике растёт.")
    make_article(language="az", body="Əməkdaşlıq artır.")
    found = postgres.matches(Article.objects.all(), parse("сотрудничество"))
    assert list(found.values_list("language", flat=True)) == ["ru"]
