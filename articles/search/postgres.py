"""PostgreSQL full-text search: the stored, weighted `search_vector` column
(title A, body C) that migration 0003 adds and GIN-indexes, queried with
`websearch_to_tsquery` in each row's own text-search configuration.

The configuration follows the article's language (en -> english, ru ->
russian, anything else -> simple). The WHERE clause has one branch per
configuration, each with a constant configuration and the very language
condition of that configuration's partial GIN index (migration 0007), so the
bitmap is exact and no match is read again; rank and headline use the row's own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models import BooleanField, QuerySet, TextField
from django.db.models.expressions import RawSQL

from articles.search.terms import Query, Term

# Keep in step with the generated column in migration 0003.
CONFIGS = {"en": "english", "ru": "russian"}
DEFAULT_CONFIG = "simple"
TABLE = '"articles_article"'
ROW_CONFIG = (
    f"CASE {TABLE}.language "
    + " ".join(f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in CONFIGS.items())
    + f" ELSE '{DEFAULT_CONFIG}'::regconfig END"
)
# A statement that began just as the budget ran out is cancelled this late at most.
RECANCEL_SECONDS = 0.01
SNIPPET_OPTIONS = 'MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'


def _tsquery(query: Query, config: str) -> tuple[str, list[str]]:
    """SQL for the query as a tsquery in `config`: one websearch_to_tsquery per
    term, joined with && (every group), || (within a group) and !! (excluded)."""
    params: list[str] = []

    def terms(group: tuple[Term, ...]) -> str:
        params.extend(term.as_websearch() for term in group)
        return "(" + " || ".join(f"websearch_to_tsquery({config}, %s)" for _ in group) + ")"

    sql = " && ".join(terms(group) for group in query.groups)
    if query.excluded:
        sql = f"({sql}) && !!{terms(query.excluded)}"
    return sql, params


def _match_sql(query: Query) -> tuple[str, list[str]]:
    branches, params = [], []
    for code, name in [*CONFIGS.items(), (None, DEFAULT_CONFIG)]:
        tsquery, tsquery_params = _tsquery(query, f"'{name}'::regconfig")
        if code is None:
            codes = ", ".join(f"'{c}'" for c in CONFIGS)
            language = f"{TABLE}.language NOT IN ({codes})"
        else:
            language = f"{TABLE}.language = '{code}'"
        branches.append(f"({language} AND {TABLE}.search_vector @@ ({tsquery}))")
        params.extend(tsquery_params)
    return "(" + " OR ".join(branches) + ")", params


def matches(queryset: QuerySet, query: Query) -> QuerySet:
    sql, params = _match_sql(query)
    return queryset.filter(RawSQL(sql, params, output_field=BooleanField()))


# A word in at least this share of the articles (by the planner's statistics)
# is looked for by walking the filtered articles newest first, testing each
# row, rather than through the GIN index: for "Russia" (84%) with
# source=trend at 1M the index path intersects 838,941 ids with 72,655
# (~230 ms), the walk tests ~1,200 rows (~20 ms).
COMMON_SHARE = 0.6
# The walk gives up after this many rows per counted match sought and the
# GIN path runs after all, so a word rarer within the filter than in the
# table costs a bounded detour.
WALK_PER_MATCH = 2.5
# The share of each word of the query among the rows ANALYZE sampled, 0 for a
# word too rare to be listed: the rarest word bounds the query's share.
COMMONNESS = (
    "SELECT COALESCE(MIN(COALESCE(common.share, 0)), 0) >= %s AS yes "
    "FROM unnest(tsvector_to_array(to_tsvector('english'::regconfig, %s))) word(lexeme) "
    "LEFT JOIN (SELECT element, share FROM pg_stats, "
    "unnest(most_common_elems::text::text[], most_common_elem_freqs) listed(element, share) "
    "WHERE schemaname = current_schema() AND tablename = 'articles_article' "
    "AND attname = 'search_vector') common ON common.element = word.lexeme"
)


def _walk_sql(queryset: QuerySet, limit: int) -> tuple[str, list[Any]] | None:
    """The queryset's rows newest first, with what the match tests, as SQL
    whose columns stand in for the table's (None when nothing can match)."""
    rows = (
        queryset.order_by("-pk")
        .annotate(search_vector=RawSQL(f"{TABLE}.search_vector", []))
        .values("pk", "language", "published_on", "search_vector")[:limit]
    )
    try:
        sql, params = rows.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return None
    return sql, list(params)


def _sort_key(query: Query, order: str) -> tuple[str, list[str]]:
    """What a candidate row is ordered by for the page order, as SQL over
    the table's columns: its rank, or its date."""
    if order == "relevance":
        tsquery, params = _tsquery(query, ROW_CONFIG)
        return f"ts_rank({TABLE}.search_vector, {tsquery})", params
    return f"{TABLE}.published_on", []


def _order_by(order: str) -> str:
    """The candidates' ORDER BY, over their sort key and id."""
    if order == "relevance":
        return "key DESC, pk DESC"
    direction = "DESC" if order == "newest" else "ASC"
    return f"key {direction} NULLS LAST, pk {direction}"


def ordered_ids(
    queryset: QuerySet, query: Query, order: str, *, cap: int, count_cap: int
) -> tuple[list[int], int]:
    """The ids of the `cap` newest-added matches in `order`, and the matches
    counted up to `count_cap`, in one statement.

    A common query first walks the queryset newest first and tests each row
    (`walked`); once that finds `count_cap` matches, they are the count and
    the candidates, sort key included: their rows are not read again, nor
    their vectors decompressed again to rank them (~a third of the statement
    for a near-universal word), and the GIN index is never read. Otherwise
    the counting scan's rows are kept: when it ends below `count_cap` it
    holds every match and the candidates are its newest, so the index is
    read once (a Russian word at 100k: 102 -> ~55 ms); only past the cap
    does a second scan walk the ids newest first. Those candidates (`chosen`)
    are looked up once more for their sort key. Each branch's guard is an
    uncorrelated subquery, which PostgreSQL checks once before running it.
    """
    from articles.search import opaque_ids

    walk = _walk_sql(queryset, int(count_cap * WALK_PER_MATCH))
    if walk is None:
        return [], 0
    match, match_params = _match_sql(query)
    found = matches(queryset, query)
    newest = opaque_ids(found.order_by("-pk")[:cap])
    counted = opaque_ids(found.order_by()[:count_cap])
    key, key_params = _sort_key(query, order)
    settled = "(SELECT yes FROM settled)"
    sql = (
        f"WITH common AS ({COMMONNESS}), "
        f"walked AS MATERIALIZED (SELECT {TABLE}.pk, {key} AS key FROM ({walk[0]}) {TABLE} "
        f"WHERE (SELECT yes FROM common) AND {match} LIMIT %s), "
        "settled AS (SELECT COUNT(*) >= %s AS yes FROM walked), "
        f"counted AS MATERIALIZED (SELECT pk FROM ({counted.sql}) c WHERE NOT {settled}), "
        f"total AS (SELECT CASE WHEN {settled} THEN %s ELSE (SELECT COUNT(*) FROM counted) END n), "
        "chosen AS ((SELECT pk FROM counted WHERE (SELECT n FROM total) < %s "
        "ORDER BY pk DESC LIMIT %s) "
        f"UNION ALL (SELECT pk FROM ({newest.sql}) newest "
        f"WHERE NOT {settled} AND (SELECT n FROM total) >= %s)), "
        f"candidates AS ((SELECT pk, key FROM walked WHERE {settled} ORDER BY pk DESC LIMIT %s) "
        f"UNION ALL (SELECT {TABLE}.id, {key} FROM {TABLE} "
        f"WHERE {TABLE}.id IN (SELECT pk FROM chosen))) "
        f"SELECT pk, (SELECT n FROM total) FROM candidates ORDER BY {_order_by(order)}"
    )
    params = [
        *[COMMON_SHARE, " ".join(query.words())],
        *[*key_params, *walk[1], *match_params, count_cap, count_cap],
        *[*counted.params, count_cap],
        *[count_cap, cap, *newest.params, count_cap],
        *[cap, *key_params],
    ]
    with _cursor(queryset) as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][1] if rows else 0)


def id_list(ids: list[int]) -> RawSQL:
    """A list of ids as one parameter: an array unnested."""
    return RawSQL("SELECT unnest(%s::bigint[])", [ids])


def _headline(column: str, query: Query, options: str) -> RawSQL:
    tsquery, params = _tsquery(query, ROW_CONFIG)
    sql = f"ts_headline({ROW_CONFIG}, {TABLE}.{column}, {tsquery}, %s)"
    return RawSQL(sql, [*params, options], output_field=TextField())


def _selectors(start: str, stop: str) -> str:
    return f'StartSel="{start}", StopSel="{stop}"'


def with_headlines(queryset: QuerySet, query: Query, start: str, stop: str) -> QuerySet:
    """The rows with `title_headline` (every match marked) and `body_headline`
    (fragments around matches); only ever called for one page of rows."""
    return queryset.annotate(
        title_headline=_headline("title", query, f"HighlightAll=true, {_selectors(start, stop)}"),
        body_headline=_headline("body", query, f"{SNIPPET_OPTIONS}, {_selectors(start, stop)}"),
    )


def marked_body(
    queryset: QuerySet, pk: int, query: Query, start: str, stop: str
) -> tuple[str, str] | None:
    options = f"HighlightAll=true, {_selectors(start, stop)}"
    row = (
        matches(queryset.filter(pk=pk), query)
        .annotate(
            marked_title=_headline("title", query, options),
            marked_body=_headline("body", query, options),
        )
        .values_list("marked_title", "marked_body")
        .first()
    )
    return tuple(row) if row else None


@contextmanager
def time_budget(connection: Any, milliseconds: int) -> Iterator[None]:
    """Statements inside are cancelled once `milliseconds` have passed since
    entering: one deadline for the whole block, kept by a thread that sends
    PostgreSQL a cancel request. A statement_timeout would need a statement
    of its own before every query to share one deadline among them.

    The block only reads, so it always ends in a rollback: a cancelled
    statement then leaves no aborted transaction behind, whether the block
    is a transaction of its own or a savepoint in a caller's.
    """
    connection.ensure_connection()
    canceller = _DeadlineCanceller(connection.connection, milliseconds / 1000)
    with transaction.atomic(using=connection.alias):
        canceller.start()
        try:
            yield
        finally:
            canceller.close()
            transaction.set_rollback(True, using=connection.alias)


class _DeadlineCanceller(threading.Thread):
    """Cancels the session's statement once the deadline passes, then again
    every RECANCEL_SECONDS until closed: PostgreSQL ignores a cancel that
    finds the session idle, so a single one landing between two statements
    would let the next run unbounded. Sending and closing share a lock, so
    no cancel reaches a statement run after the block."""

    def __init__(self, session: Any, seconds: float) -> None:
        super().__init__(name="search-budget-canceller", daemon=True)
        self.session, self.seconds = session, seconds
        self.closed = threading.Event()
        self.lock = threading.Lock()

    def run(self) -> None:
        wait = self.seconds
        while not self.closed.wait(wait):
            with self.lock:
                if self.closed.is_set():
                    return
                self.session.cancel_safe()
            wait = RECANCEL_SECONDS

    def close(self) -> None:
        with self.lock:
            self.closed.set()
        self.join()


def _cursor(queryset: QuerySet) -> Any:
    from django.db import connections

    return connections[queryset.db].cursor()
