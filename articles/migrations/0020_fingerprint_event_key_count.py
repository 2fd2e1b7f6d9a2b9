"""Each fingerprint holds how many event keys its article holds, so the candidate
lookup (articles.stories.neighbours) weighs an event candidate without counting
the candidate's keys (thousands of key rows a lookup at 100k: bench/RESULTS.md).

An article whose text has no words to compare but whose title gives event keys
now has a fingerprint too, without a signature. Stored counts are filled from
the key table: an article holds 40 band keys (articles.ingest.fingerprint.BANDS
when this was written) with its signature, and fewer event keys than that.
"""

from django.db import migrations, models

BANDS = 40


def fill_counts(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    prints = quote(apps.get_model("articles", "ArticleFingerprint")._meta.db_table)
    keys = quote(apps.get_model("articles", "ArticleBand")._meta.db_table)
    counted = f"CASE WHEN COUNT(*) >= {BANDS} THEN COUNT(*) - {BANDS} ELSE COUNT(*) END"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {prints} SET event_key_count = (SELECT {counted} FROM {keys} k "
            f"WHERE k.article_id = {prints}.article_id)"
        )
        cursor.execute(
            f"INSERT INTO {prints} (article_id, signature, shingle_count, event_key_count) "
            f"SELECT k.article_id, NULL, 0, COUNT(*) FROM {keys} k WHERE NOT EXISTS "
            f"(SELECT 1 FROM {prints} f WHERE f.article_id = k.article_id) GROUP BY k.article_id"
        )


def drop_unsigned(apps, schema_editor):
    ArticleFingerprint = apps.get_model("articles", "ArticleFingerprint")
    ArticleFingerprint.objects.filter(signature=None).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0019_champion_lists'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlefingerprint',
            name='signature',
            field=models.BinaryField(null=True, verbose_name='signature'),
        ),
        migrations.AddField(
            model_name='articlefingerprint',
            name='event_key_count',
            field=models.PositiveSmallIntegerField(default=0, help_text='How many event keys (names, figures) the article holds.', verbose_name='event key count'),
            preserve_default=False,
        ),
        migrations.RunPython(fill_counts, drop_unsigned),
    ]
