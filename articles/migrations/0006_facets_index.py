"""An index covering the date, source and language facets of a source-filtered
list page (see Article.Meta), so counting them reads no article rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_postgres_newest_first_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["source", "language", "published_on"], name="articles_article_facets_idx"
            ),
        ),
    ]
