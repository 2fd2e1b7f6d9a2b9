"""The vocabulary "did you mean" suggests from, its trigram index, and its first count.

PostgreSQL: the pg_trgm extension (trusted since PostgreSQL 13, so the
database's owner may create it) and a GIN trigram index on the word, which
serves the `%` similarity operator; pages left 30% empty, so the counts the
importer changes all the time are updated in place. Going back drops the index and leaves the
extension, which other objects may have come to use.

SQLite: an FTS5 table with the trigram tokenizer over the words, external
content kept in step by triggers. Counts change far more often than words, so
only inserts, deletions and a changed word touch it. SQLite drops a table's
triggers when Django rebuilds it: a later migration that alters articles_word
must run this one's SQL again.

An archive imported before this migration gets its vocabulary counted here
(articles.vocabulary.rebuild); `manage.py rebuild_vocabulary` does it again.
"""

from django.db import migrations, models

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Room on each page for a word's next version: a count changed at every import
    # is then a HOT update, which writes neither index (bench/RESULTS.md, "Did you mean").
    "ALTER TABLE articles_word SET (fillfactor = 70)",
    "CREATE INDEX articles_word_text_trgm_idx ON articles_word USING gin (text gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS articles_word_text_trgm_idx",
    "ALTER TABLE articles_word RESET (fillfactor)",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE articles_word_trigrams USING fts5(
        text, content='articles_word', content_rowid='id',
        tokenize='trigram', detail='none', columnsize=0
    )
    """,
    """
    CREATE TRIGGER articles_word_trigrams_insert AFTER INSERT ON articles_word BEGIN
        INSERT INTO articles_word_trigrams(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER articles_word_trigrams_delete AFTER DELETE ON articles_word BEGIN
        INSERT INTO articles_word_trigrams(articles_word_trigrams, rowid, text)
        VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER articles_word_trigrams_update AFTER UPDATE OF text ON articles_word BEGIN
        INSERT INTO articles_word_trigrams(articles_word_trigrams, rowid, text)
        VALUES ('delete', old.id, old.text);
        INSERT INTO articles_word_trigrams(rowid, text) VALUES (new.id, new.text);
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_word_trigrams_update",
    "DROP TRIGGER IF EXISTS articles_word_trigrams_delete",
    "DROP TRIGGER IF EXISTS articles_word_trigrams_insert",
    "DROP TABLE IF EXISTS articles_word_trigrams",
]


def _run(schema_editor, statements_by_vendor: dict[str, list[str]]) -> None:
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def create_index(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD})


def drop_index(apps, schema_editor):
    _run(schema_editor, {"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE})


def count_words(apps, schema_editor):
    from articles.vocabulary import rebuild

    rebuild(
        using=schema_editor.connection.alias,
        article_model=apps.get_model("articles", "Article"),
        word_model=apps.get_model("articles", "Word"),
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_source_site_url_web")]

    operations = [
        migrations.CreateModel(
            name="Word",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "text",
                    models.CharField(
                        help_text="Folded (articles.ingest.language.fold): the lookup key.",
                        max_length=40,
                    ),
                ),
                (
                    "spelling",
                    models.CharField(
                        help_text=(
                            "In lower case as an article writes it: what a suggestion searches for."
                        ),
                        max_length=40,
                    ),
                ),
                (
                    "article_count",
                    models.PositiveIntegerField(help_text="How many articles hold the word."),
                ),
            ],
            options={
                "ordering": ["text"],
                "constraints": [
                    models.UniqueConstraint(fields=("text",), name="articles_word_text_unique"),
                    models.CheckConstraint(
                        condition=models.Q(("article_count__gte", 1)),
                        name="articles_word_count_positive",
                    ),
                ],
            },
        ),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]
