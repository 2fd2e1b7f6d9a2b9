"""The full-text index, kept current by the database itself (never by signals).

PostgreSQL: a `search_vector` tsvector column (title weight A, body C) in
the configuration the article's language names, filled by a trigger and
GIN-indexed. A trigger rather than a generated column because PostgreSQL
refuses to change the type of a column a generated column reads, and a
later AlterField on title or body would fail.

SQLite: an FTS5 table with the article table as external content, synced by
insert, update and delete triggers. SQLite drops a table's triggers when
Django rebuilds that table in a later migration: such a migration must run
this one's SQL again (articles.search.sqlite names the table).
"""

from django.db import migrations

POSTGRES_FORWARD = [
    """
    CREATE FUNCTION articles_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE language WHEN 'en' THEN 'english'::regconfig
                             WHEN 'ru' THEN 'russian'::regconfig
                             ELSE 'simple'::regconfig END
    $$
    """,
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector",
    """
    CREATE FUNCTION articles_article_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(articles_search_config(NEW.language), coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(articles_search_config(NEW.language),
                                     left(coalesce(NEW.body, ''), 400000)), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER articles_article_search_vector
    BEFORE INSERT OR UPDATE OF title, body, language ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector()
    """,
    "UPDATE articles_article SET title = title",
    "CREATE INDEX articles_article_search_idx ON articles_article USING gin (search_vector)",
]

POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS articles_article_search_idx",
    "DROP TRIGGER IF EXISTS articles_article_search_vector ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_vector()",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS articles_search_config(text)",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body,
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles_article BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]

SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
]

STATEMENTS = {
    "postgresql": (POSTGRES_FORWARD, POSTGRES_REVERSE),
    "sqlite": (SQLITE_FORWARD, SQLITE_REVERSE),
}


def run(direction):
    def execute(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in STATEMENTS:
            raise RuntimeError(f"no full-text index for {vendor}: use SQLite or PostgreSQL")
        for sql in STATEMENTS[vendor][direction]:
            schema_editor.execute(sql, params=None)

    return execute


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_curators_group")]

    operations = [migrations.RunPython(run(0), run(1))]
