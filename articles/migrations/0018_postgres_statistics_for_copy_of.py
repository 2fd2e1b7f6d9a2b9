"""Fresh PostgreSQL statistics for the articles table after 0016 added copy_of.

The list folds copies with `copy_of IS NULL`. A column added to a full table has
no statistics, and one that stays NULL changes no rows, so autovacuum never
analyses it: the planner then guessed 0.5% of rows matched and left the
newest-first index for a bitmap scan of every article (the first list page at
100k: 1.8 s cold, 0.4 ms once analysed; bench/RESULTS.md, "Final code").
ANALYZE samples a bounded number of rows, so it costs seconds at any size.
SQLite's planner takes the date index without statistics.
"""

from django.db import migrations


def analyse_articles(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("articles", "Article")._meta.db_table)
    schema_editor.execute(f"ANALYZE {table}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_events")]

    operations = [
        migrations.RunPython(analyse_articles, migrations.RunPython.noop, elidable=True),
    ]
