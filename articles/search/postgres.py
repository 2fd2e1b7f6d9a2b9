"""PostgreSQL full-text search: the stored, weighted `search_vector` column
(title A, body C) that migration 0003 adds and GIN-indexes, queried with
`websearch_to_tsquery` in each row's own text-search configuration.

The configuration follows the article's language (articles.search.stems:
en -> english, ru -> russian, az -> turkish reading ə as e, anything else
-> simple). The WHERE clause has one branch per
configuration, each with a constant configuration and the very language
condition of that configuration's partial GIN index (migration 0007), so the
bitmap is exact and no match is read again; rank and headline use the row's own.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import BooleanField, F, QuerySet, TextField
from django.db.models.expressions import RawSQL

from articles.search import opaque_ids
from articles.search.stems import CONFIGS, DEFAULT_CONFIG, READ_AS
from articles.search.terms import Query, Term
from articles.search.tiers import LIST_LENGTH, TERM_LENGTH, Key, Tier, merge_champions

# CONFIGS and READ_AS are kept in step with the search trigger's
# articles_search_config and articles_search_text (migration 0014).
# Every branch of a match: each configured language, then all the others (None).
LANGUAGES: tuple[str | None, ...] = (*CONFIGS, None)
TABLE = '"articles_article"'
ROW_CONFIG = (
    f"CASE {TABLE}.language "
    + " ".join(f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in CONFIGS.items())
    + f" ELSE '{DEFAULT_CONFIG}'::regconfig END"
)
# A statement that began just as the budget ran out is cancelled this late at most.
RECANCEL_SECONDS = 0.01
SNIPPET_OPTIONS = 'MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'


def _tsquery(
    query: Query, config: str, text: str = "%s", read: dict[int, str] | None = None
) -> tuple[str, list[str]]:
    """SQL for the query as a tsquery in `config`: one websearch_to_tsquery per
    term, joined with && (every group), || (within a group) and !! (excluded).
    Each term is `text` (SQL around its parameter), its characters `read`
    as the configuration reads them."""
    params: list[str] = []

    def terms(group: tuple[Term, ...]) -> str:
        params.extend(term.as_websearch().translate(read or {}) for term in group)
        return "(" + " || ".join(f"websearch_to_tsquery({config}, {text})" for _ in group) + ")"

    sql = " && ".join(terms(group) for group in query.groups)
    if query.excluded:
        sql = f"({sql}) && !!{terms(query.excluded)}"
    return sql, params


def _match_sql(query: Query, codes: Collection[str | None] = LANGUAGES) -> tuple[str, list[str]]:
    """The match as SQL: one branch per configuration among `codes` (a
    language code, or None for every language without a configuration of its own)."""
    branches, params = [], []
    for code in codes:
        config = CONFIGS.get(code or "", DEFAULT_CONFIG)
        tsquery, tsquery_params = _tsquery(
            query, f"'{config}'::regconfig", read=READ_AS.get(config)
        )
        if code is None:
            listed = ", ".join(f"'{c}'" for c in CONFIGS)
            language = f"{TABLE}.language NOT IN ({listed})"
        else:
            language = f"{TABLE}.language = '{code}'"
        branches.append(f"({language} AND {TABLE}.search_vector @@ ({tsquery}))")
        params.extend(tsquery_params)
    return "(" + " OR ".join(branches) + ")", params


def matches(
    queryset: QuerySet, query: Query, codes: Collection[str | None] = LANGUAGES
) -> QuerySet:
    sql, params = _match_sql(query, codes)
    return queryset.filter(RawSQL(sql, params, output_field=BooleanField()))


# A word in at least this share of the articles (by the planner's statistics)
# is looked for by walking the filtered articles newest first, testing each
# row, rather than through the GIN index: for "Russia" (84%) with
# source=trend at 1M the index path intersects 838,941 ids with 72,655
# (~230 ms), the walk tests ~1,200 rows (~20 ms). A word that common among
# one language's articles only (a Russian word: 8.5% of all, 85% of the
# Russian ones) walks that language's articles: at 1M the index path read
# 85,000 matches twice (~110 ms), the walk tests ~1,200 Russian rows.
COMMON_SHARE = 0.6
# The walk gives up after this many rows per counted match sought and the
# GIN path runs after all, so a word rarer within the filter than in the
# table costs a bounded detour.
WALK_PER_MATCH = 2.5
# Within a filter, words down to this share walk too, this much further: the
# index path finds every match of the words in the whole table and reads
# again each one the filter keeps (at 1M, "customs cooperation Baku" from
# one source: 469,903 ids, 35,000 rows; the phrase "Baku Energy Week" in
# 2015-2019: 194,294 ids, 181,000 rows rechecked; ~2 s each), while the
# walk tests about count_cap / share rows. Unfiltered, the index path's
# newest matches come from the primary key, newest first, as a walk's do.
FILTERED_SHARE = 0.18
FILTERED_WALK_PER_MATCH = 8
# The whole-table check stems the words as this language does; the others
# with a stemmer of their own get a check, and a walk, of their own. (One
# more per language costs every search ~1.5 ms of planning.)
WHOLE_TABLE_LANGUAGE = "en"
WALKED_LANGUAGES = tuple(code for code in CONFIGS if code != WHOLE_TABLE_LANGUAGE)
# The lexemes ANALYZE found in many vectors, with the share of rows holding each.
_LISTED_LEXEMES = (
    "SELECT element, share FROM pg_stats, "
    "unnest(most_common_elems::text::text[], most_common_elem_freqs) listed(element, share) "
    "WHERE schemaname = current_schema() AND tablename = 'articles_article' "
    "AND attname = 'search_vector'"
)
# The share of rows in one language, by ANALYZE; NULL when not listed.
_LANGUAGE_SHARE = (
    "(SELECT share FROM pg_stats, "
    "unnest(most_common_vals::text::text[], most_common_freqs) listed(code, share) "
    "WHERE schemaname = current_schema() AND tablename = 'articles_article' "
    "AND attname = 'language' AND code = '{code}')"
)


def _words_share(config: str) -> str:
    """SQL for the share of rows holding every word of the query (one
    parameter: its words) as `config` stems them: the rarest word's, 0 for a
    word too rare to be listed."""
    return (
        "(SELECT COALESCE(MIN(COALESCE(listed.share, 0)), 0) "
        f"FROM unnest(tsvector_to_array(to_tsvector('{config}'::regconfig, %s))) word(lexeme) "
        "LEFT JOIN listed ON listed.element = word.lexeme)"
    )


def _walk_scope_sql() -> str:
    """SQL naming the articles a search walks (parameters: walk_scope_params):
    'all' when the words are common in the whole table, else a
    language code when they are common among that language's articles, else
    NULL (no walk: the GIN index serves). One row, column `name`."""
    cases = [f"WHEN {_words_share(CONFIGS[WHOLE_TABLE_LANGUAGE])} >= %s THEN 'all'"]
    for code in WALKED_LANGUAGES:
        config = CONFIGS[code]
        share = f"{_words_share(config)} / NULLIF({_LANGUAGE_SHARE.format(code=code)}, 0)"
        cases.append(f"WHEN {share} >= %s THEN '{code}'")
    return f"WITH listed AS ({_LISTED_LEXEMES}) SELECT CASE {' '.join(cases)} END AS name"


# Built once: it depends only on the configured languages.
WALK_SCOPE_SQL = _walk_scope_sql()


def walk_scope_params(query: Query, share: float = COMMON_SHARE) -> list[Any]:
    """The words of each group's first term (the reader's own: a name's other
    spellings, OR'ed after it, are mostly rare in any one language, and as
    the rarest words they kept every search for a name from walking) and the
    threshold `share`, for each case of WALK_SCOPE_SQL; each case's words
    read as its configuration reads them (Azerbaijani ə as e, as its vectors
    hold it: read as written, 'ticarət' was in none, and never walked)."""
    words = " ".join(word for group in query.groups for word in group[0].words)
    return [
        value
        for code in (WHOLE_TABLE_LANGUAGE, *WALKED_LANGUAGES)
        for value in (words.translate(READ_AS.get(CONFIGS[code], {})), share)
    ]


def _walk_bounds(queryset: QuerySet) -> tuple[float, float]:
    """The share from which the words are walked, and the rows walked per match sought."""
    if queryset.query.has_filters():
        return FILTERED_SHARE, FILTERED_WALK_PER_MATCH
    return COMMON_SHARE, WALK_PER_MATCH


def _walk_sql(queryset: QuerySet, limit: int) -> tuple[str, list[Any]] | None:
    """The ids of the queryset's `limit` newest rows, newest first, as SQL
    (None when nothing can match).

    Ids only: when a filter's index gives its rows in no useful order, they
    are sorted, and a sort carrying each row's ~2.3 KB vector spilled to disk
    (16 MB for a source's 7,300 articles at 100k). The walk reads the vectors
    by id, and only for the rows it tests."""
    rows = queryset.order_by("-pk").values("pk")[:limit]
    try:
        sql, params = rows.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return None
    return sql, list(params)


def _sort_key(query: Query, order: str) -> tuple[str, list[str]]:
    """What a candidate row is ordered by for the page order, as SQL over
    the table's columns: its rank, or its date.

    The rank is ts_rank summed over the query's groups (its words, or words
    that stand for one another), as bm25 sums over phrases on SQLite. One
    ts_rank of the whole AND query weighs how close its words stand, which
    no word's champion list bounds: ranking each word's 1,000 best with it
    found 0.45-0.70 of the exhaustive top 20 for two or three common words
    at 100k; summed, a word's list bounds its share (tiers.py)."""
    if order != "relevance":
        return f"{TABLE}.published_on", []
    ranks, params = [], []
    for group in query.groups:
        tsquery, group_params = _tsquery(
            Query(groups=(group,)), ROW_CONFIG, f"articles_search_text({TABLE}.language, %s)"
        )
        ranks.append(f"ts_rank({TABLE}.search_vector, {tsquery})")
        params.extend(group_params)
    return "(" + " + ".join(ranks) + ")", params


def _order_by(order: str) -> str:
    """The candidates' ORDER BY, over their sort key and id."""
    if order == "relevance":
        return "key DESC, pk DESC"
    direction = "DESC" if order == "newest" else "ASC"
    return f"key {direction} NULLS LAST, pk {direction}"


class _Statement:
    """SQL written left to right, each fragment with its own parameters, so
    the parameters stay in the order of their placeholders."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, params: Iterable[Any] = ()) -> _Statement:
        self.parts.append(sql)
        self.params.extend(params)
        return self

    @property
    def sql(self) -> str:
        return "".join(self.parts)


# The row of one walked id, read by its primary key. OFFSET 0 keeps the
# planner from merging it into the walk: with the match rows misestimated
# (21 for 2,154 Russian ones) it would rather read every match through the
# index and sort them than test the walked rows one by one, newest first.
_ROW_BY_ID = (
    f"SELECT id, language, published_on, search_vector FROM {TABLE} "
    f"WHERE {TABLE}.id = walk.pk OFFSET 0"
)


def _walk_branches(
    queryset: QuerySet, query: Query, key: tuple[str, list[Any]], count_cap: int, per_match: float
) -> list[tuple[str, _Statement]] | None:
    """Per walk scope ('all', then each of WALKED_LANGUAGES), the first
    `count_cap` matches met walking that scope's rows newest first (`per_match`
    rows per match at most), with their sort key; None when no row can match at all."""
    limit = int(count_cap * per_match)
    scopes = [("all", queryset, LANGUAGES)]
    scopes += [(code, queryset.filter(language=code), (code,)) for code in WALKED_LANGUAGES]
    branches = []
    for name, rows, codes in scopes:
        walk = _walk_sql(rows, limit)
        if walk is None:
            if name == "all":
                return None
            continue
        match, match_params = _match_sql(query, codes)
        branch = _Statement().add(f"(SELECT walk.pk, {key[0]} AS key FROM (", key[1])
        branch.add(walk[0], walk[1]).add(f") walk CROSS JOIN LATERAL ({_ROW_BY_ID}) {TABLE} ")
        branch.add(f"WHERE (SELECT name FROM scope) = '{name}' AND {match} ", match_params)
        branch.add("ORDER BY walk.pk DESC LIMIT %s)", [count_cap])
        branches.append((name, branch))
    return branches


def ordered_ids(
    queryset: QuerySet, query: Query, order: str, *, cap: int, count_cap: int
) -> tuple[list[int], int]:
    """The ids of the `cap` newest-added matches in `order`, and the matches
    counted up to `count_cap` (scored_ids without the sort keys)."""
    scored, total = scored_ids(queryset, query, order, cap=cap, count_cap=count_cap)
    return [pk for pk, _ in scored], total


def scored_ids(
    queryset: QuerySet, query: Query, order: str, *, cap: int, count_cap: int
) -> tuple[list[tuple[int, Any]], int]:
    """The ids of the `cap` newest-added matches in `order`, each with its
    sort key, and the matches counted up to `count_cap`, in one statement.

    A common query first walks newest first and tests each row (`walked`):
    the queryset's rows, or, for words common only among one language's
    articles, that language's rows, with the few matches in other languages
    taken from the index (`unseen`). Once the walk finds `count_cap`
    matches, they are the count and the candidates, sort key included:
    their rows are not read again, nor their vectors, to rank them (~a
    third of the statement for a near-universal word once), and
    the GIN index is never read for them. Otherwise the counting scan's rows
    are kept: when it ends below `count_cap` it holds every match and the
    candidates are its newest, so the index is read once; only past the cap
    does a second scan walk the ids newest first. Those candidates
    (`chosen`) are looked up once more for their sort key. Each branch's
    guard is an uncorrelated subquery, which PostgreSQL checks once before
    running it.
    """
    key = _sort_key(query, order)
    share, per_match = _walk_bounds(queryset)
    walks = _walk_branches(queryset, query, key, count_cap, per_match)
    if walks is None:
        return [], 0
    scope = walk_scope_params(query, share)
    statement = _Statement().add(f"WITH scope AS ({WALK_SCOPE_SQL}), ", scope)
    _add_walked(statement, walks, count_cap)
    _add_unseen(statement, queryset, query, [name for name, _ in walks[1:]], cap)
    _add_index_path(statement, matches(queryset, query), cap, count_cap)
    _add_candidates(statement, key, order, cap)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        rows = cursor.fetchall()
    return [(row[0], row[2]) for row in rows], (rows[0][1] if rows else 0)


SETTLED = "(SELECT yes FROM settled)"
TOTAL = "(SELECT n FROM total)"


def _add_walked(statement: _Statement, walks: list[tuple[str, _Statement]], count_cap: int) -> None:
    """`walked`: the one walk the scope chose; `settled`: whether it found count_cap matches."""
    statement.add("walked AS MATERIALIZED (")
    for number, (_, branch) in enumerate(walks):
        statement.add(" UNION ALL " if number else "").add(branch.sql, branch.params)
    statement.add("), settled AS (SELECT COUNT(*) >= %s AS yes FROM walked), ", [count_cap])


def _add_unseen(
    statement: _Statement, queryset: QuerySet, query: Query, languages: list[str], cap: int
) -> None:
    """`unseen`: after a settled walk of one language's articles, the newest
    matches in every other language, from their (here nearly idle) indexes.
    Ordered by the id as a number, not the key: the planner took a Russian
    word's 85,000 matches for as many in the other languages, and walked the
    primary key newest first for them, through all 1M rows, to find none
    (товарооборот: ~4.5 s); so it finds them in the index and sorts the few."""
    statement.add("unseen AS MATERIALIZED (SELECT 0 AS pk WHERE FALSE")
    for name in languages:
        others = [code for code in LANGUAGES if code != name]
        found = matches(queryset, query, others).annotate(newest=F("pk") + 0)
        unseen = opaque_ids(found.order_by("-newest")[:cap])
        statement.add(" UNION ALL (SELECT pk FROM (").add(unseen.sql, unseen.params)
        statement.add(f") u WHERE {SETTLED} AND (SELECT name FROM scope) = '{name}')")
    statement.add("), ")


def _add_index_path(statement: _Statement, found: QuerySet, cap: int, count_cap: int) -> None:
    """Without a settled walk, the GIN index: `counted` (up to count_cap
    matches), `total`, and `chosen`: the counted rows when they are every
    match, else the newest cap by a second scan (plus any `unseen`)."""
    newest = opaque_ids(found.order_by("-pk")[:cap])
    counted = opaque_ids(found.order_by()[:count_cap])
    statement.add("counted AS MATERIALIZED (SELECT pk FROM (").add(counted.sql, counted.params)
    statement.add(f") c WHERE NOT {SETTLED}), total AS (SELECT CASE WHEN {SETTLED} THEN %s ")
    statement.add("ELSE (SELECT COUNT(*) FROM counted) END n), ", [count_cap])
    statement.add(f"chosen AS ((SELECT pk FROM counted WHERE {TOTAL} < %s ", [count_cap])
    statement.add("ORDER BY pk DESC LIMIT %s) UNION ALL (SELECT pk FROM (", [cap])
    statement.add(newest.sql, newest.params)
    statement.add(f") newest WHERE NOT {SETTLED} AND {TOTAL} >= %s) ", [count_cap])
    statement.add("UNION ALL (SELECT pk FROM unseen)), ")


def _add_candidates(
    statement: _Statement, key: tuple[str, list[Any]], order: str, cap: int
) -> None:
    """The newest cap of the walked and chosen rows, each with its sort key
    (the chosen ones looked up for it), in the page order, with the total."""
    statement.add(f"candidates AS ((SELECT pk, key FROM walked WHERE {SETTLED} ")
    statement.add("ORDER BY pk DESC LIMIT %s) ", [cap])
    statement.add(f"UNION ALL (SELECT {TABLE}.id, {key[0]} FROM {TABLE} ", key[1])
    statement.add(f"WHERE {TABLE}.id IN (SELECT pk FROM chosen))), ")
    statement.add("kept AS (SELECT pk, key FROM candidates ORDER BY pk DESC LIMIT %s) ", [cap])
    statement.add(f"SELECT pk, {TOTAL}, key FROM kept ORDER BY {_order_by(order)}")


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


# Champions ranked from their vectors, highest bound first (Tier.by_bound):
# ts_rank reads each one's vector, about as fast as a walked row.
CHAMPION_LIMIT = 2_000
# Ranked per statement, highest bound first, until none left can reach the
# first places. In one statement of 2,000, two or three common words ranked
# 1,850-2,000 champions at 100k; 250 at a time, 250-1,250 of them.
CHAMPION_BATCH = 250
# Rows read from the top of each list in a search's first round: all of them.
# Read in rounds, a single word cost as much (its newest matches' statement
# dominates) and a search that did not settle ranked its champions' vectors
# round after round: 69 -> 84 ms of client and server CPU at 100k (bench/RESULTS.md).
FIRST_DEPTH = LIST_LENGTH
# Champions are ranked until none left could enter this many first places.
EXACT_TOP = 40
# A lexeme alone as a tsquery: quoted, its quotes and backslashes doubled, so
# the tsquery is that lexeme and nothing is parsed or stemmed again.
_LEXEME_QUERY = (
    "(chr(39) || replace(replace(u.lexeme, chr(92), repeat(chr(92), 2)), "
    "chr(39), repeat(chr(39), 2)) || chr(39))::tsquery"
)
_CONFIG = f"articles_search_config({TABLE}.language)::text"
_IMPACT = f"ts_rank({TABLE}.search_vector, {_LEXEME_QUERY})"
# Each lexeme of each article (its list's key, then its weight alone).
_POSTINGS = f"FROM {TABLE} CROSS JOIN LATERAL unnest({TABLE}.search_vector) u"
_LISTED = "JOIN articles_championlist l ON l.term = u.lexeme AND l.config = " + _CONFIG


def _real(value: float) -> float:
    """A `real` as its 4 bytes hold it: psycopg hands one over by its shortest
    decimal (0.66429555), the lists hold it exactly (0.6642955541610718), and
    ties must stay ties for the id to break them as the database does."""
    return struct.unpack("f", struct.pack("f", value))[0]


def _real_sum(weights: list[float]) -> float:
    """A sum as PostgreSQL adds `real` values: each step rounded to 4 bytes,
    so a sum from the lists ties where the database's own would."""
    total = 0.0
    for weight in weights:
        total = _real(total + weight)
    return total


def _allowed(queryset: QuerySet, ids: list[int]) -> set[int]:
    """Those of `ids` that pass the queryset's filters."""
    if not queryset.query.has_filters():
        return set(ids)
    return set(queryset.filter(pk__in=id_list(ids)).values_list("pk", flat=True))


def _ranked(queryset: QuerySet, query: Query, ids: list[int]) -> list[tuple[int, float]]:
    """Those of `ids` (champions that passed the queryset's filters) that
    match, each with its rank, read from its vector. The rows are read by id
    and then tested (OFFSET 0 keeps the planner from merging the two): an
    Azerbaijani word's 49,301 matches at 1M were estimated at 116, and it
    read them all from the index to keep 250 ('nəqliyyat dəhlizi': ~400 ms)."""
    if not ids:
        return []
    key, key_params = _sort_key(query, "relevance")
    match, match_params = _match_sql(query)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            f"SELECT {TABLE}.id, {key} FROM (SELECT * FROM {TABLE} WHERE id = ANY(%s) OFFSET 0) "
            f"{TABLE} WHERE {match}",
            [*key_params, ids, *match_params],
        )
        return cursor.fetchall()


def can_settle(query: Query, tier: Tier) -> bool:
    """Whether the lists bound every rank (tiers.ranked_with_champions)."""
    return _words_only(query) and tier.is_bounded


def with_champions(
    queryset: QuerySet,
    query: Query,
    scored: list[tuple[int, Any]],
    tier: Tier,
    known: dict[int, float | None] | None = None,
) -> tuple[list[int], bool]:
    """The newest candidates (`scored`: id, rank) and the champions that can
    reach the first EXACT_TOP places, in rank order (tiers.merge_champions):
    from their lists where those give every word's weight (the rank is their
    sum), else from their vectors, CHAMPION_BATCH at a time, CHAMPION_LIMIT
    at most; and whether those places are settled (no article the tier left unread
    can reach them)."""
    seen, settles = {pk for pk, _ in scored}, can_settle(query, tier)
    waiting = [item for item in tier.by_bound(_unit) if item[0] not in seen]
    allowed = _allowed(queryset, [pk for pk, _ in waiting])

    def listed(pk: int) -> float | None:
        weights = tier.listed_weights(pk, query)
        return None if weights is None else _real_sum([weight for _, weight in weights])

    merged = merge_champions(
        {pk: _real(rank) for pk, rank in scored},
        [item for item in waiting if item[0] in allowed],
        listed,
        lambda ids: dict.fromkeys(ids) | {pk: _real(r) for pk, r in _ranked(queryset, query, ids)},
        # The lists are read whole (FIRST_DEPTH): there is no partial round to limit.
        limit=CHAMPION_LIMIT,
        batch=CHAMPION_BATCH if settles and _one_word_groups(query) else CHAMPION_LIMIT,
        top=EXACT_TOP if settles else 0,
        known=known,
    )
    return merged.ids, merged.is_settled(tier.unseen_bound(_unit))


def _unit(key: Key) -> float:
    """ts_rank is no sum of idf-weighted parts: each word counts as it weighs."""
    return 1.0


def _one_word_groups(query: Query) -> bool:
    """Every group is one word, so the bound is tight enough to rank in
    batches: an OR's bound is the sum of its words' ranks, its rank their
    mean, so a name and its spellings ranked ~2,000 champions either way,
    in 8 statements instead of one."""
    return all(len(group) == 1 for group in query.groups)


def _words_only(query: Query) -> bool:
    """Every term is one word. A group's rank is then no more than the sum of
    its words' ranks alone, which their lists bound: ts_rank of an OR query
    adds each word's share and divides by the number of words (a name and
    its other spellings); a phrase's weighs how close its words stand."""
    return all(not term.is_phrase for group in query.groups for term in group)


def term_impacts(ids: list[int], *, using: str) -> dict[int, dict[Key, float]]:
    """The weight of each lexeme of each article, as its champion lists rank it."""
    impacts: dict[int, dict[Key, float]] = {}
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT {TABLE}.id, {_CONFIG}, u.lexeme, {_IMPACT} {_POSTINGS} "
            f"WHERE length(u.lexeme) <= {TERM_LENGTH} AND {TABLE}.id = ANY(%s)",
            [ids],
        )
        for pk, config, term, impact in cursor.fetchall():
            impacts.setdefault(pk, {})[(config, term)] = impact
    return impacts


def rebuild_tiers(length: int = LIST_LENGTH, *, using: str) -> int:
    """Every champion list in three statements: the lexemes in more than
    `length` articles, each one's `length` best articles, their floors."""
    with connections[using].cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute(
            "INSERT INTO articles_championlist (config, term, floor, article_count) "
            f"SELECT {_CONFIG}, u.lexeme, 0, COUNT(*) {_POSTINGS} "
            f"WHERE length(u.lexeme) <= {TERM_LENGTH} GROUP BY 1, 2 HAVING COUNT(*) > %s",
            [length],
        )
        cursor.execute(
            "INSERT INTO articles_champion (champion_list_id, article_id, impact) "
            "SELECT list_id, article_id, impact FROM ("
            f"SELECT l.id AS list_id, {TABLE}.id AS article_id, {_IMPACT} AS impact, "
            f"row_number() OVER (PARTITION BY l.id ORDER BY {_IMPACT} DESC, {TABLE}.id DESC) "
            f"AS place {_POSTINGS} {_LISTED}) ranked WHERE place <= %s",
            [length],
        )
        cursor.execute(
            "UPDATE articles_championlist SET floor = (SELECT MIN(impact) FROM articles_champion "
            "WHERE champion_list_id = articles_championlist.id)"
        )
        cursor.execute("SELECT COUNT(*) FROM articles_championlist")
        return cursor.fetchone()[0]
