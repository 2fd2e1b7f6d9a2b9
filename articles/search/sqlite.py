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
import math
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connections
from django.db.models import BooleanField, QuerySet, TextField
from django.db.models.expressions import RawSQL

from articles.search import opaque_ids
from articles.search.stems import (
    CONFIGS,
    DEFAULT_CONFIG,
    READ_AS,
    WORD,
    config_for,
    lower,
    stem,
    stemmed_text,
    stems,
)
from articles.search.terms import Query, Term
from articles.search.tiers import Key, Tier, best_per_term, merge_champions, store_lists

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
    counted up to `count_cap` (scored_ids without the scores)."""
    scored, total = scored_ids(queryset, query, order, cap=cap, count_cap=count_cap)
    return [pk for pk, _ in scored], total


def scored_ids(
    queryset: QuerySet, query: Query, order: str, *, cap: int, count_cap: int
) -> tuple[list[tuple[int, float]], int]:
    """The ids of the `cap` newest-added matches in `order`, each with its
    bm25, and the matches counted up to `count_cap`, in one statement.

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
        "SELECT c.id, (SELECT MIN(COUNT(*), %s) FROM found), c.score "
        f'FROM candidates c JOIN "{table}" a ON a.id = c.id ORDER BY {ORDER_SQL[order]}'
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, [*params, max(cap, count_cap), cap, count_cap])
        rows = cursor.fetchall()
    return [(row[0], row[2]) for row in rows], (rows[0][1] if rows else 0)


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


# bm25's constants in FTS5 (fts5_aux.c).
BM25_K1, BM25_B = 1.2, 0.75
# The FTS5 record of the index's row count and per-column token totals.
AVERAGES_ROWID = 1
# Champions ranked per round, most promising first, and in all at most: each
# costs a lookup in the index (is it a match, does it pass the filter) and,
# unless its lists give its every term's weight, a stemming of its text.
CHAMPION_BATCH = 25
CHAMPION_LIMIT = 100
# Of those, in a round that reads only the top of the lists (tiers.ranked_with_champions).
ROUND_LIMIT = 50
# Rows read from the top of each list in a search's first round: a single
# word's page settled there costs ~20 ms of CPU at 100k against ~30 for the
# whole lists (bench/RESULTS.md).
FIRST_DEPTH = 100
# Champions are ranked until none left could enter this many first places.
EXACT_TOP = 40
# A sought word with no list is counted in the index this far at most.
COUNT_LIMIT = 10_000


def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers, one after another."""
    values, value, length = [], 0, 0
    for byte in blob:
        length += 1
        if length == 9:
            values.append((value << 8) | byte)
            value, length = 0, 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            values.append((value << 7) | byte)
            value, length = 0, 0
    return values


def averages(using: str) -> tuple[int, float]:
    """The index's row count and average row length in tokens, as bm25 reads them."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT block FROM {FTS_TABLE}_data WHERE id = %s", [AVERAGES_ROWID])
        row = cursor.fetchone()
    if not row:
        return 0, 1.0
    rows, *column_tokens = _varints(row[0])
    return rows, (sum(column_tokens) / rows if rows else 1.0)


def term_factor(frequency: float, length: int, average: float) -> float:
    """bm25's factor for one phrase in one row, before its idf."""
    return (frequency * (BM25_K1 + 1)) / (
        frequency + BM25_K1 * (1 - BM25_B + BM25_B * length / average)
    )


def idf(matches: int, rows: int) -> float:
    """bm25's idf, floored where FTS5 floors it. `matches` may be counted
    before some articles were deleted: never more than the rows."""
    matches = min(matches, rows)
    value = math.log((rows - matches + 0.5) / (matches + 0.5))
    return value if value > 0 else 1e-6


def _stemmed_columns(language: str | None, title: str, body: str) -> tuple[list[str], list[str]]:
    return stemmed_text(language, title).split(), stemmed_text(language, body).split()


def _row_length(title: list[str], body: list[str]) -> int:
    """A row's tokens as FTS5 counts them: its configuration's one, title and body."""
    return 1 + len(title) + len(body)


def _articles(ids: list[int], using: str) -> list[tuple[int, str, str, str]]:
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT id, language, title, body FROM articles_article "
            "WHERE id IN (SELECT value FROM json_each(%s))",
            [json.dumps(ids)],
        )
        return cursor.fetchall()


def _impacts(language: str | None, title: str, body: str, average: float) -> dict[Key, float]:
    """Each term's bm25 factor in one article, title 10 : body 1."""
    title_stems, body_stems = _stemmed_columns(language, title, body)
    frequency: Counter[str] = Counter()
    for stem_ in title_stems:
        frequency[stem_] += TITLE_WEIGHT
    for stem_ in body_stems:
        frequency[stem_] += BODY_WEIGHT
    length, config = _row_length(title_stems, body_stems), config_for(language)
    return {(config, term): term_factor(f, length, average) for term, f in frequency.items()}


def term_impacts(ids: list[int], *, using: str) -> dict[int, dict[Key, float]]:
    """The weight of each term of each article, as its champion lists rank it."""
    _, average = averages(using)
    return {
        pk: _impacts(language, title, body, average)
        for pk, language, title, body in _articles(ids, using)
    }


def rebuild_tiers(length: int, *, using: str) -> int:
    """Every champion list from the articles' text, read in id order in pages."""
    _, average = averages(using)

    def postings():
        last = 0
        while True:
            with connections[using].cursor() as cursor:
                cursor.execute(
                    "SELECT id, language, title, body FROM articles_article WHERE id > %s "
                    "ORDER BY id LIMIT 2000",
                    [last],
                )
                rows = cursor.fetchall()
            if not rows:
                return
            for pk, language, title, body in rows:
                for key, impact in _impacts(language, title, body, average).items():
                    yield pk, key, impact
            last = rows[-1][0]

    best, counts = best_per_term(postings(), length)
    return store_lists(best, counts, length, using)


def _is_word_character(character: str) -> bool:
    return character.isalnum() or "\ue000" <= character <= "\uf8ff"


def _texts(ids: list[int], using: str) -> list[tuple[int, str, str, str, int]]:
    """Each article's language, title and body, and its row's tokens as bm25
    reads them (FTS5's own record of the row's size)."""
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT a.id, a.language, a.title, a.body, d.sz FROM articles_article a "
            f"JOIN {FTS_TABLE}_docsize d ON d.id = a.id "
            "WHERE a.id IN (SELECT value FROM json_each(%s))",
            [json.dumps(ids)],
        )
        return [(*row[:4], sum(_varints(row[4]))) for row in cursor.fetchall()]


class _Frequencies:
    """How often each phrase stands in one article, title 10 : body 1, as
    bm25 counts it. A word is found by its stem's first letters and stemmed
    only there, not the whole text (a stem differs from its word at most in
    its last letter: 'countri' from 'country', Turkish 'kitap' from 'kitab')."""

    def __init__(self, language: str | None, title: str, body: str) -> None:
        self.config = config_for(language)
        read = READ_AS.get(self.config, {})
        self.columns = ((TITLE_WEIGHT, lower(title.translate(read))),)
        self.columns += ((BODY_WEIGHT, lower(body.translate(read))),)

    def of(self, words: tuple[str, ...]) -> float:
        """A term's occurrences: its stems side by side, whatever separates them."""
        wanted = stems(words, self.config)
        return sum(weight * self._count(text, wanted) for weight, text in self.columns)

    def _count(self, text: str, wanted: tuple[str, ...]) -> int:
        """How many times `text` holds words stemming to `wanted` in a row:
        each word that begins with the first stem's prefix, found by
        str.find, which outruns a regular expression, is read from there."""
        prefix = wanted[0][:-1] or wanted[0]
        count, at = 0, text.find(prefix)
        while at != -1:
            if (at == 0 or not _is_word_character(text[at - 1])) and self._stands_at(
                text, at, wanted
            ):
                count += 1
            at = text.find(prefix, at + 1)
        return count

    def _stands_at(self, text: str, at: int, wanted: tuple[str, ...]) -> bool:
        for number, stem_ in enumerate(wanted):
            word = WORD.match(text, at) if number == 0 else WORD.search(text, at)
            if word is None or stem(word[0], self.config) != stem_:
                return False
            at = word.end()
        return True


class _ChampionScorer:
    """bm25 of a search's champions, outside FTS5: asked for one listed row's
    score, FTS5 counts each phrase's matches in the whole index again for that
    row (~3.5 ms a row for a common word at 100k). From the lists alone where
    the row is on the list of every word sought; else from its text."""

    def __init__(self, query: Query, tier: Tier, using: str) -> None:
        self.query, self.tier, self.using = query, tier, using
        self.read_text = True
        self.rows, self.average = averages(using)
        matches: dict[str, int] = {}
        for (_, term), listed in tier.lists.items():
            matches[term] = matches.get(term, 0) + listed.article_count
        self.matches = matches | self._unlisted_matches(matches)
        self._weights = {key: self.weight(key) for key in tier.lists}

    def _unlisted_matches(self, listed: dict[str, int]) -> dict[str, int]:
        """How many rows hold each stem sought that has no list, counted in
        the index (rare when the lists were made, so few rows; COUNT_LIMIT at
        most): taken as none, its idf was the highest possible, and a row
        scored from its text outranked the newest, scored by FTS5 with the
        true count."""
        phrases = {
            stem_: _phrase(Term((word,)), config)
            for group in self.query.groups
            for term in group
            for word in term.words
            for config in ALL_CONFIGS
            if (stem_ := stem(word, config)) not in listed
        }
        if not phrases:
            return {}
        counts = ", ".join(
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            "LIMIT %s))"
            for _ in phrases
        )
        params = [value for phrase in phrases.values() for value in (phrase, COUNT_LIMIT)]
        with connections[self.using].cursor() as cursor:
            cursor.execute(f"SELECT {counts}", params)
            return dict(zip(phrases, cursor.fetchone(), strict=True))

    def weight(self, key: Key) -> float:
        return idf(self.matches.get(key[1], 0), self.rows)

    def _idf(self, words: tuple[str, ...], config: str) -> float:
        # A phrase's matches are taken to be its rarest word's.
        return idf(min(self.matches.get(s, 0) for s in stems(words, config)), self.rows)

    def rank(self, ids: list[int]) -> dict[int, float | None]:
        """bm25 (positive here: higher is better) of `ids`, None for a row
        that does not match: from their lists where the index says each
        sought word they are on no list of is absent from them (a name's other
        spellings, mostly), else from their text. A word's presence is one
        lookup of its stem per row, ~0.02 ms; reading a row's text ~0.4 ms.
        Without `read_text`, a row of a word search that needs its text is
        left out, unranked: one missing from a common word's list, whose
        bound in a round that read the list's top only is loose, so its text
        would mostly be read in vain. A phrase's rows all need their text."""
        if self.query.excluded or any(term.is_phrase for g in self.query.groups for term in g):
            return dict.fromkeys(ids) | self.from_texts(ids)
        unknown: dict[tuple[str, str], list[int]] = {}
        common = set()
        for pk in ids:
            on = self.tier.impacts[pk]
            config = next(iter(on))[0]
            for group in self.query.groups:
                for term in group:
                    key = (config, stem(term.words[0], config))
                    if key in on:
                        continue
                    if key in self.tier.lists:
                        # A word common enough for a list is most likely there: read the text.
                        common.add(pk)
                    else:
                        unknown.setdefault((config, term.words[0]), []).append(pk)
        present = self._present(
            {word: [pk for pk in found if pk not in common] for word, found in unknown.items()}
        )
        scores: dict[int, float | None] = {}
        rest = []
        for pk in ids:
            if pk in present or pk in common:
                rest.append(pk)
            else:
                scores[pk] = self._from_known(self.tier.impacts[pk])
        if not self.read_text:
            return scores
        return scores | dict.fromkeys(rest) | self.from_texts(rest)

    def _present(self, unknown: dict[tuple[str, str], list[int]]) -> set[int]:
        """The articles holding a word of `unknown` ((configuration, word) ->
        the articles of that configuration to look in)."""
        unknown = {word: ids for word, ids in unknown.items() if ids}
        if not unknown:
            return set()
        parts, params = [], []
        for (config, word), ids in unknown.items():
            parts.append(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                "AND rowid IN (SELECT value FROM json_each(%s))"
            )
            params += [_phrase(Term((word,)), config), json.dumps(ids)]
        with connections[self.using].cursor() as cursor:
            cursor.execute(" UNION ".join(parts), params)
            return {row[0] for row in cursor.fetchall()}

    def _from_known(self, on: dict[Key, float]) -> float | None:
        """bm25 from the lists, every word off them absent; None when a group
        then has no word (no match)."""
        config = next(iter(on))[0]
        total = 0.0
        for group in self.query.groups:
            keys = [(config, stem(term.words[0], config)) for term in group]
            found = [self._weights[key] * on[key] for key in keys if key in on]
            if not found:
                return None
            total += sum(found)
        return total

    def from_texts(self, ids: list[int]) -> dict[int, float]:
        """bm25 (positive here: higher is better) of those of `ids` that match, from their text."""
        scores = {}
        for pk, language, title, body, length in _texts(ids, self.using) if ids else ():
            score = self._from_text(_Frequencies(language, title, body), length)
            if score is not None:
                scores[pk] = score
        return scores

    def from_lists(self, pk: int) -> float | None:
        """bm25 of a champion the lists give every word's weight of, else None."""
        weights = self.tier.listed_weights(pk, self.query)
        if weights is None:
            return None
        return sum(self._weights[key] * weight for key, weight in weights)

    def _from_text(self, found: _Frequencies, length: int) -> float | None:
        """The row's score, or None when it does not match the query."""
        if any(found.of(term.words) for term in self.query.excluded):
            return None
        total = 0.0
        for group in self.query.groups:
            matched = False
            for term in group:
                frequency = found.of(term.words)
                if frequency:
                    matched = True
                    weight = self._idf(term.words, found.config)
                    total += weight * term_factor(frequency, length, self.average)
            if not matched:
                return None
        return total


def _allowed(queryset: QuerySet, ids: list[int]) -> set[int]:
    """Those of `ids` that pass the queryset's filters."""
    if not queryset.query.has_filters():
        return set(ids)
    return set(queryset.filter(pk__in=id_list(ids)).values_list("pk", flat=True))


def can_settle(query: Query, tier: Tier) -> bool:
    """Whether the lists bound every score (tiers.ranked_with_champions)."""
    return tier.is_bounded


def with_champions(
    queryset: QuerySet,
    query: Query,
    scored: list[tuple[int, float]],
    tier: Tier,
    known: dict[int, float | None] | None = None,
) -> tuple[list[int], bool]:
    """The newest candidates (`scored`: id, bm25) and the champions that can
    reach the first EXACT_TOP places, in rank order (tiers.merge_champions):
    from their lists where those give every word's weight, else from their
    text, CHAMPION_BATCH at a time, CHAMPION_LIMIT at most; and whether
    those places are settled (no article the tier left unread can reach them)."""
    scorer = _ChampionScorer(query, tier, queryset.db)
    scorer.read_text = tier.is_read
    seen = {pk for pk, _ in scored}
    waiting = [item for item in tier.by_bound(scorer.weight) if item[0] not in seen]
    allowed = _allowed(queryset, [pk for pk, _ in waiting])
    merged = merge_champions(
        {pk: -score for pk, score in scored},
        [item for item in waiting if item[0] in allowed],
        scorer.from_lists,
        scorer.rank,
        limit=CHAMPION_LIMIT if tier.is_read else ROUND_LIMIT,
        batch=CHAMPION_BATCH,
        top=EXACT_TOP if can_settle(query, tier) else 0,
        known=known,
    )
    return merged.ids, merged.is_settled(tier.unseen_bound(scorer.weight))
