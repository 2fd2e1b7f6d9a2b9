"""SQLite full-text search: the FTS5 table `articles_fts` over the stems of
the articles' titles and bodies (articles.search.stems) and each one's
stemming configuration, kept in step by the triggers of migration 0014,
which call this module's SQL functions (registered on every connection).

The index holds one stem per word, where the word stood, and reads its
content (for highlights and snippets) from the articles' own text: a match
on a stem marks the word it came from. A query is written once per
configuration its stems differ in, each branch limited to the articles of
that configuration, as PostgreSQL's is.

Queries are driven from the FTS index: it hands back rowids (the article
ids), newest added first, and stops at the candidate cap; a range or
relation filter is checked against those rowids rather than the other way
round, which would scan the table. bm25 weighs a title match above the body.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django.db.models import BooleanField, QuerySet, TextField
from django.db.models.expressions import RawSQL

from articles.search import opaque_ids
from articles.search.stems import CONFIGS, DEFAULT_CONFIG, config_for, stemmed_text, stems
from articles.search.terms import Query, Term

FTS_TABLE = "articles_fts"
# The migration whose SQL builds the index and its triggers.
SCHEMA_MIGRATION = "articles.migrations.0014_word_forms_in_search_index"
# The index's columns: the configuration, then the stems of title and body.
TEXT_COLUMNS = "{title body}"
CONFIG_WEIGHT, TITLE_WEIGHT, BODY_WEIGHT = 0.0, 10.0, 1.0
RANK = f"bm25({FTS_TABLE}, {CONFIG_WEIGHT}, {TITLE_WEIGHT}, {BODY_WEIGHT})"
# Every configuration, the one most articles have first.
ALL_CONFIGS = (*dict.fromkeys(CONFIGS.values()), DEFAULT_CONFIG)
SNIPPET_TOKENS = 24
# How many SQLite virtual-machine steps pass between looks at the clock.
PROGRESS_STEPS = 2_000


def register_functions(connection: Any) -> None:
    """The SQL functions the index's triggers call, on one sqlite3 connection."""
    connection.create_function("articles_search_config", 1, config_for, deterministic=True)
    connection.create_function("articles_stemmed_text", 2, stemmed_text, deterministic=True)


def _phrase(term: Term, config: str) -> str:
    """A term's stems as one FTS5 string: quoted, so no word is an operator.
    Only a word that is a configuration's name is limited to the text
    columns: a column filter on every term made each row's lookup of the
    page's headlines ~1.7 times slower (bench/RESULTS.md, "Word forms")."""
    text = " ".join(stems(term.words, config))
    quoted = '"' + text.replace('"', '""') + '"'
    return f"{TEXT_COLUMNS} : {quoted}" if text in ALL_CONFIGS else quoted


def _configs(names: list[str]) -> str:
    return "config : (" + " OR ".join(f'"{name}"' for name in names) + ")"


def _term(term: Term) -> str:
    """A term as FTS5: its stems, or, where the configurations stem it
    differently, one branch per stemming limited to its configurations. The
    branch of the most common configuration excludes the others rather than
    naming its own, which every article of it would match.

    Branching each term rather than the whole query reads a term that every
    stemmer leaves alone once (the bench's two common words at 100k: the
    MATCH 56 -> 45 ms), and finds the same rows: a row has one configuration."""
    by_phrase: dict[str, list[str]] = {}
    for config in ALL_CONFIGS:
        by_phrase.setdefault(_phrase(term, config), []).append(config)
    if len(by_phrase) == 1:
        return next(iter(by_phrase))
    branches = []
    for phrase, configs in by_phrase.items():
        if ALL_CONFIGS[0] in configs:
            others = [config for config in ALL_CONFIGS if config not in configs]
            branches.append(f"({phrase} NOT {_configs(others)})")
        else:
            branches.append(f"({_configs(configs)} AND {phrase})")
    return "(" + " OR ".join(branches) + ")"


def to_fts5(query: Query) -> str:
    """The query as an FTS5 expression; '' when there is nothing to look for."""
    if query.is_empty:
        return ""
    parts = []
    for group in query.groups:
        alternatives = " OR ".join(_term(term) for term in group)
        parts.append(f"({alternatives})" if len(group) > 1 else alternatives)
    expression = " AND ".join(parts)
    if query.excluded:
        excluded = " OR ".join(_term(term) for term in query.excluded)
        expression = f"({expression}) NOT ({excluded})"
    return expression


def marking_fts5(query: Query) -> str:
    """What to mark in a row known to match: any stem of any sought term in
    any configuration, one flat OR. Looked up per row, it costs a third of
    the query's own branches (bench/RESULTS.md, "Word forms")."""
    phrases = {
        _phrase(term, config) for group in query.groups for term in group for config in ALL_CONFIGS
    }
    return " OR ".join(sorted(phrases))


def matches(queryset: QuerySet, query: Query) -> QuerySet:
    found = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [to_fts5(query)])
    return queryset.filter(pk__in=found)


# The candidates' order per page order: bm25 is lower for better matches;
# undated articles go last either way (SQLite sorts NULL lowest).
ORDER_SQL = {
    "relevance": "c.score, c.id DESC",
    "newest": "a.published_on IS NULL, a.published_on DESC, c.id DESC",
    "oldest": "a.published_on IS NULL, a.published_on, c.id",
}


def ordered_ids(
    queryset: QuerySet, query: Query, order: str, *, cap: int, count_cap: int
) -> tuple[list[int], int]:
    """The ids of the `cap` newest-added matches in `order`, and the matches
    counted up to `count_cap`, in one statement.

    One scan walks the FTS index newest rowid first and stops at the larger
    cap: its rows are both the count and, newest first, the candidates, so a
    filtered common word is looked for once, not twice (q=Russia&source=trend
    at 1M: 59 -> 38 ms). A filter is checked per match by an EXISTS on the
    article's own id: FTS5 would otherwise take `rowid IN (...)` as one full
    MATCH per listed id. The EXISTS drops the queryset's ordering: with an
    ORDER BY inside it SQLite reads each article's row by primary key instead
    of probing a covering index (the same query at 100k: 48 -> 11 ms).
    """
    table = queryset.model._meta.db_table
    where, params = f"{FTS_TABLE} MATCH %s", [to_fts5(query)]
    if queryset.query.has_filters():
        same_row = RawSQL(f'"{table}"."id" = {FTS_TABLE}.rowid', [], BooleanField())
        allowed = opaque_ids(queryset.order_by().filter(same_row))
        where += f" AND EXISTS ({allowed.sql})"
        params.extend(allowed.params)
    sql = (
        f"WITH found AS MATERIALIZED (SELECT {FTS_TABLE}.rowid AS id, {RANK} AS score "
        f"FROM {FTS_TABLE} WHERE {where} ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s), "
        "candidates AS (SELECT id, score FROM found ORDER BY id DESC LIMIT %s) "
        "SELECT c.id, (SELECT MIN(COUNT(*), %s) FROM found) "
        f'FROM candidates c JOIN "{table}" a ON a.id = c.id ORDER BY {ORDER_SQL[order]}'
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [*params, max(cap, count_cap), cap, count_cap])
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][1] if rows else 0)


def id_list(ids: list[int]) -> RawSQL:
    """A list of ids as one parameter: a subquery over a JSON array."""
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def _row_lookup(function: str, table: str) -> str:
    """SQL for `function` over the outer article's own row of the index
    (parameters: the function's, then the FTS5 query)."""
    return (
        f"(SELECT {function} FROM {FTS_TABLE} "
        f'WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = "{table}".id)'
    )


def with_headlines(queryset: QuerySet, query: Query, start: str, stop: str) -> QuerySet:
    """The rows with `title_headline` (every match marked) and `body_headline`
    (a snippet around the matches); only ever called for one page of rows.

    Each row looks itself up in the index, MATCH with its own rowid. Joined
    to the index instead, SQLite ran the whole MATCH and kept the page's ids:
    a phrase at 1M took 128 ms for 20 rows that way, 9 ms this way."""
    table = queryset.model._meta.db_table
    match = marking_fts5(query)
    title = _row_lookup(f"highlight({FTS_TABLE}, 1, %s, %s)", table)
    body = _row_lookup(f"snippet({FTS_TABLE}, 2, %s, %s, ' … ', {SNIPPET_TOKENS})", table)
    return queryset.annotate(
        title_headline=RawSQL(title, [start, stop, match], output_field=TextField()),
        body_headline=RawSQL(body, [start, stop, match], output_field=TextField()),
    )


def marked_body(
    queryset: QuerySet, pk: int, query: Query, start: str, stop: str
) -> tuple[str, str] | None:
    sql = (
        f"SELECT highlight({FTS_TABLE}, 1, %s, %s), highlight({FTS_TABLE}, 2, %s, %s) "
        f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = %s"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [start, stop, start, stop, to_fts5(query), pk])
        row = cursor.fetchone()
    return tuple(row) if row else None


@contextmanager
def time_budget(connection: Any, milliseconds: int) -> Iterator[None]:
    """Statements inside are interrupted once `milliseconds` have passed since
    entering, the whole block under one deadline; the connection stays usable."""
    connection.ensure_connection()
    deadline = time.monotonic() + milliseconds / 1000
    connection.connection.set_progress_handler(
        lambda: int(time.monotonic() > deadline), PROGRESS_STEPS
    )
    try:
        yield
    finally:
        connection.connection.set_progress_handler(None, 0)


def restore_triggers(using: str) -> bool:
    """Recreate the FTS triggers if a table rebuild dropped them; True if it did.

    SQLite drops a table's triggers when Django rebuilds the table to alter a
    column, which would leave the index silently stale from then on.
    """
    from importlib import import_module

    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE name LIKE %s", [f"{FTS_TABLE}%"])
        present = {name for kind, name in cursor.fetchall() if kind in {"table", "trigger"}}
        schema = import_module(SCHEMA_MIGRATION)
        wanted = {f"{FTS_TABLE}_insert", f"{FTS_TABLE}_delete", f"{FTS_TABLE}_update"}
        if FTS_TABLE not in present or wanted <= present:
            return False
        for name in present & wanted:
            cursor.execute(f"DROP TRIGGER {name}")
        for sql in (*schema.TRIGGERS, *schema.REFILL):
            cursor.execute(sql)
    return True
