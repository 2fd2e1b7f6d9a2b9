"""Word forms on both databases, stemmed the same way (articles.search.stems).

SQLite: the FTS5 table `articles_fts` is made again over the stems of each
article's title and body, one stem where each word stood, with the article's
stemming configuration in a column of its own. The triggers compute the stems
with SQL functions that articles.search.sqlite registers on every connection,
so the index stays the database's business whoever writes an article. Its
content (read for highlights and snippets) is the article's own text, through
a view, so a match on a stem marks the word it came from. The tokenizer keeps
diacritics, as PostgreSQL does.

PostgreSQL: Azerbaijani articles are stemmed with the Turkish configuration,
reading ə as e (articles_search_text), and get a partial GIN index of their
own beside English and Russian; the other languages' index leaves them out.
"""

from django.db import migrations

from articles.search.sqlite import register_functions

SQLITE_OLD_TRIGGERS = [
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
]

STEMMED_NEW = (
    "articles_search_config(new.language), articles_stemmed_text(new.language, new.title), "
    "articles_stemmed_text(new.language, new.body)"
)
STEMMED_OLD = STEMMED_NEW.replace("new.", "old.")

TRIGGERS = [
    f"""
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_fts(rowid, config, title, body) VALUES (new.id, {STEMMED_NEW});
    END
    """,
    f"""
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, config, title, body)
        VALUES ('delete', old.id, {STEMMED_OLD});
    END
    """,
    f"""
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, language
    ON articles_article BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, config, title, body)
        VALUES ('delete', old.id, {STEMMED_OLD});
        INSERT INTO articles_fts(rowid, config, title, body) VALUES (new.id, {STEMMED_NEW});
    END
    """,
]

# Everything indexed again from the articles (FTS5's own 'rebuild' would
# index the view's words, not their stems).
REFILL = [
    "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')",
    "INSERT INTO articles_fts(rowid, config, title, body) SELECT id, "
    + STEMMED_NEW.replace("new.", "")
    + " FROM articles_article",
]

SQLITE_FORWARD = [
    *SQLITE_OLD_TRIGGERS,
    "DROP TABLE IF EXISTS articles_fts",
    """
    CREATE VIEW articles_fts_content AS
    SELECT id, language AS config, title, body FROM articles_article
    """,
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        config, title, body,
        content='articles_fts_content', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )
    """,
    *TRIGGERS,
    *REFILL[1:],
]

SQLITE_REVERSE = [
    *SQLITE_OLD_TRIGGERS,
    "DROP TABLE IF EXISTS articles_fts",
    "DROP VIEW IF EXISTS articles_fts_content",
]

CONFIG_FUNCTION = """
    CREATE OR REPLACE FUNCTION articles_search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE language WHEN 'en' THEN 'english'::regconfig
                             WHEN 'ru' THEN 'russian'::regconfig
                             {az}
                             ELSE 'simple'::regconfig END
    $$
"""

VECTOR_FUNCTION = """
    CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(articles_search_config(NEW.language),
                                  {read}coalesce(NEW.title, ''){end}), 'A')
            || setweight(to_tsvector(articles_search_config(NEW.language),
                                     {read}left(coalesce(NEW.body, ''), 400000){end}), 'C');
        RETURN NEW;
    END
    $$
"""

POSTGRES_FORWARD = [
    CONFIG_FUNCTION.format(az="WHEN 'az' THEN 'turkish'::regconfig"),
    # Keep in step with articles.search.stems.READ_AS.
    """
    CREATE FUNCTION articles_search_text(language text, content text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE language WHEN 'az' THEN translate(content, 'əƏ', 'eE') ELSE content END
    $$
    """,
    VECTOR_FUNCTION.format(read="articles_search_text(NEW.language, ", end=")"),
    "UPDATE articles_article SET title = title WHERE language = 'az'",
    "DROP INDEX IF EXISTS articles_article_search_other_idx",
    "CREATE INDEX articles_article_search_az_idx ON articles_article "
    "USING gin (search_vector) WHERE language = 'az'",
    "CREATE INDEX articles_article_search_other_idx ON articles_article "
    "USING gin (search_vector) WHERE language NOT IN ('en', 'ru', 'az')",
]

POSTGRES_REVERSE = [
    CONFIG_FUNCTION.format(az=""),
    VECTOR_FUNCTION.format(read="", end=""),
    "DROP FUNCTION IF EXISTS articles_search_text(text, text)",
    "UPDATE articles_article SET title = title WHERE language = 'az'",
    "DROP INDEX IF EXISTS articles_article_search_az_idx",
    "DROP INDEX IF EXISTS articles_article_search_other_idx",
    "CREATE INDEX articles_article_search_other_idx ON articles_article "
    "USING gin (search_vector) WHERE language NOT IN ('en', 'ru')",
]


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        statements = POSTGRES_FORWARD
    else:
        connection.ensure_connection()
        register_functions(connection.connection)
        statements = SQLITE_FORWARD
    for sql in statements:
        schema_editor.execute(sql, params=None)


def reverse(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        statements = POSTGRES_REVERSE
    else:
        from importlib import import_module

        first_index = import_module("articles.migrations.0003_search_index")
        statements = SQLITE_REVERSE + first_index.SQLITE_FORWARD
    for sql in statements:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_vocabulary")]

    operations = [migrations.RunPython(forward, reverse)]
