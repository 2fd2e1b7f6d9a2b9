"""PostgreSQL: one partial GIN index on `search_vector` per text-search
configuration, in place of migration 0003's single index.

Each branch of the search's WHERE clause (articles.search.postgres) pairs a
language condition with that configuration's tsquery. With one index for all
rows, the bitmap held no language, so PostgreSQL read every match again to
test the whole condition, de-TOASTing each stored vector: a Russian word at
100k spent ~130 of 165 ms there. An index whose predicate is the branch's own
language condition makes the bitmap exact (165 -> ~20 ms). The predicates
must stay word for word what postgres.py writes. SQLite needs nothing here.
"""

from django.db import migrations

FULL_INDEX = "articles_article_search_idx"
INDEXES = {
    "articles_article_search_en_idx": "language = 'en'",
    "articles_article_search_ru_idx": "language = 'ru'",
    "articles_article_search_other_idx": "language NOT IN ('en', 'ru')",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, predicate in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON articles_article "
            f"USING gin (search_vector) WHERE {predicate}"
        )
    schema_editor.execute(f"DROP INDEX IF EXISTS {FULL_INDEX}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {FULL_INDEX} ON articles_article USING gin (search_vector)"
    )
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_facets_index")]

    operations = [migrations.RunPython(create, drop)]
