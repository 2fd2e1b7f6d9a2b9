"""PostgreSQL indexes in the list page's newest-first order.

The page sorts `published_on DESC NULLS LAST` so undated articles come last.
PostgreSQL's plain DESC index puts NULLs first and cannot serve that order;
SQLite cannot declare NULLS LAST in an index at all (and needs nothing: NULLs
sort lowest there), so these live here rather than in Meta.
"""

from django.db import migrations

INDEXES = {
    "articles_article_newest_nl_idx": "(published_on DESC NULLS LAST, id DESC)",
    "articles_article_source_nl_idx": "(source_id, published_on DESC NULLS LAST, id DESC)",
    "articles_article_lang_nl_idx": "(language, published_on DESC NULLS LAST, id DESC)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON articles_article {columns}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_aliases_for_merged_names")]

    operations = [migrations.RunPython(create, drop)]
