"""Stories: near-copies of one text, and articles about one event (store -> stories).

The store places each new article before writing it (`place_new`: its row is
inserted with its story and original) and files each changed one after
(`file_article`), inside that file's transaction; articles.stories_archive files
a whole archive (`group_stories`). Grouping is
incremental: an article's candidates come from one lookup in the key index
(ArticleBand: its LSH band keys, and its event keys as they read on each day
around its own), never from a pass over the archive.

Two groupings:
- copies: the estimated Jaccard similarity of two bodies' shingles (or the
  share of the shorter one the longer holds: a reprint cut short) passes a
  threshold measured on tests/stories/pairs (bench/stories.py). A copy points
  at the earliest version (`copy_of`) and shares its story.
- events: articles within EVENT_DAYS of each other that give enough of the same
  names and figures (event keys) and report the same documents (`Mention`),
  people, organisations, places and events (tags), in any language, share a
  story; the further apart in days, the more they must share.

A story a curator split or joined (`is_curated`) keeps its articles: the
importer never moves an article into or out of one, though a new article may join it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from django.db import connections, models, transaction

from articles.ingest.fingerprint import Fingerprint, event_keys, fingerprint, key_number
from articles.models import (
    Article,
    ArticleBand,
    ArticleFingerprint,
    DatePrecision,
    Mention,
    Story,
    TagKind,
)

# Measured on tests/stories/pairs (bench/stories.py): of its 5,253 pairs of texts the
# copies are 0.37 alike (Jaccard of shingles; 0.43 among those it was chosen on) or
# more, every other pair 0.20 or less; the threshold sits between the two.
COPY_SIMILARITY = 0.3
# A reprint cut short holds most of the shorter text (other pairs 0.42 at most)...
COPY_CONTAINMENT = 0.8
# ...and is still this alike: below it, a shared quotation in a longer text.
CUT_COPY_SIMILARITY = 0.15
# A reprint runs within days of its original; see _near_in_time.
COPY_DAYS = 14
# Candidates compared per article, most shared band keys first: a copy shares about
# 40 * J**3 of the 40 bands (3 at J = 0.43, 12 at J = 0.67) where a loose match of a
# boilerplate sentence shares one, so the first few hold the copies; the generated
# corpus's templated sentences give most articles a score of loose matches.
MAX_CANDIDATES = 8
# A band key more articles than this hold is a stop-key: boilerplate or a template
# sentence, not a copy (MinHash-LSH practice drops over-full buckets), and reading all
# its holders was most of the candidate lookup at 100k. The copy links only such keys
# carried on the generated corpus joined templated texts of different content
# (bench/RESULTS.md, eighth session). A wire item with more versions than this would
# lose its copies to the rule: none of the labelled pairs comes near.
BAND_HOLDERS = 100

# Reports of one event are published within this many days of each other.
EVENT_DAYS = 2
# What each shared thing says about two articles reporting one event. Topics
# ("trade", "energy") say nothing: every day's news shares them.
EVENT_WEIGHTS = {
    "agreement": 3.0,
    TagKind.EVENT: 2.0,
    TagKind.PERSON: 1.0,
    TagKind.ORGANISATION: 1.0,
    TagKind.PLACE: 0.5,
}
# A shared name or figure (articles.ingest.fingerprint.event_keys).
KEY_WEIGHT = 1.0
# Reports of one event share this much on the same day, and DAY_PENALTY more for
# each day between them: the next day's visit to a factory by the same ministers
# is another event (tests/stories/pairs, kind same_people_within_days).
EVENT_SCORE = 3.0
DAY_PENALTY = 3.5
# ... and it is this share of what the one reporting less reports (Evidence.covered).
EVENT_COVERAGE = 0.35
MAX_EVENT_CANDIDATES = 200


def file_article(article: Article, *, is_new: bool = False) -> None:
    """Fingerprint a stored `article` and place it: its copies, its story. The
    caller holds the file's transaction; its tags and mentions are stored already.
    A new article has no fingerprint, story or copies to undo (the store places
    the articles it imports before writing them: place_new)."""
    # The caller's transaction, without a savepoint of its own (two round trips):
    # a failure here fails the file, which rolls back whole.
    with transaction.atomic(savepoint=False):
        curated = _in_curated_story(article)
        if not is_new and not curated:
            _leave_groups(article)
        found, events = _refresh_keys(article, is_new=is_new)
        if curated:
            return
        near = neighbours(article, found, events)
        copies = _copies_of(article, found, near) if found else []
        versions = _versions(article, copies)
        if versions:
            _point_at_earliest(versions)
        story, match = _story_for(article, copies, events, near)
        if story is not None:
            _join(story, [article, *copies, *([match] if match else [])])


@dataclass(frozen=True)
class Unstored:
    """What the event rule weighs of an article not written yet: the ids of the
    tags and documents it will hold."""

    tag_ids: list[int]
    agreement_ids: list[int]


@dataclass
class Placing:
    """Where a new article goes, decided before its row is written (place_new),
    and what is left to write once it is: its keys, and the moves of the
    articles it groups with."""

    article: Article
    found: Fingerprint | None
    events: set[str]
    copies: list[Article]
    versions: dict[int | None, Article]
    story: Story | None
    match: Article | None
    story_existed: bool

    def file(self) -> None:
        """After the article's INSERT, in the same transaction."""
        article = self.article
        _insert_keys(
            article.pk, self.found, *keys_of(self.found, self.events, article.published_on)
        )
        if self.versions:
            _point_at_earliest({version.pk: version for version in self.versions.values()})
        if self.story is not None:
            grouped = [article, *self.copies, *([self.match] if self.match else [])]
            _join(self.story, grouped, existing=self.story_existed)


def place_new(article: Article, *, unstored: Unstored) -> Placing:
    """Decide a new article's story and original before its row is written, so
    the INSERT carries them: an UPDATE after it wrote a second version of the
    row and of every index entry it has (bench/RESULTS.md, thirteenth session).
    The same rules as file_article, read from the archive as it stands without
    the article: its tags and documents are given by id (`unstored`). A new
    story it makes is saved now; the caller then writes the article and calls
    the placing's file()."""
    found = fingerprint(article.body)
    events = event_texts(article)
    near = neighbours(article, found, events, unstored=unstored)
    copies = _copies_of(article, found, near) if found else []
    versions = _versions(article, copies)
    if versions:
        earliest = min(versions.values(), key=_publication_order)
        article.copy_of_id = None if earliest is article else earliest.pk
    story, match = _story_for(article, copies, events, near)
    existed = story is not None and story.pk is not None
    if story is not None:
        if not existed:
            story.save()
        article.story = story
    return Placing(article, found, events, copies, versions, story, match, existed)


# ------------------------------------------------------------------ keys


def _refresh_keys(article: Article, *, is_new: bool) -> tuple[Fingerprint | None, set[str]]:
    """The article's signature, band keys and event keys (of its day), replacing
    any it had; its fingerprint and event keys as text."""
    if not is_new:
        ArticleBand.objects.filter(article=article).delete()
        ArticleFingerprint.objects.filter(article=article).delete()
    found = fingerprint(article.body)
    events = event_texts(article)
    _insert_keys(article.pk, found, *keys_of(found, events, article.published_on))
    return found, events


def keys_of(
    found: Fingerprint | None, events: set[str], day: dt.date | None
) -> tuple[set[int], int]:
    """The keys an article is indexed by (its band keys, and its event keys as they
    read on its day), and how many of them are event keys."""
    bands = set(found.band_keys()) if found else set()
    keys = bands | {key_number(key, day) for key in events}
    return keys, len(keys) - len(bands)


def event_texts(article: Article) -> set[str]:
    """Its event keys, for an article dated to the day (no other can be placed by day)."""
    if article.published_on is None or article.date_precision != DatePrecision.DAY:
        return set()
    return event_keys(f"{article.title}\n\n{article.body}", article.language)


def _insert_keys(
    article_id: int, found: Fingerprint | None, keys: set[int], event_key_count: int
) -> None:
    """The article's fingerprint (with how many event keys it holds, which the
    lookup weighs its candidates by; kept for an article holding event keys but no
    signature) and its few dozen keys: one statement on PostgreSQL
    (a round trip each was a fifth of filing at 100k), two on SQLite, which has no
    INSERT in WITH and no round trips. The keys go as one array (PostgreSQL) or JSON
    list (SQLite): a statement whose text is the same for every article is parsed
    once, where a mark a key made the driver parse each one's anew. As model
    instances the keys cost the importer more than finding its copies
    (bench/RESULTS.md, "Stories")."""
    connection = connections[ArticleBand.objects.db]
    quote = connection.ops.quote_name
    statements = []
    if keys:
        prints = quote(ArticleFingerprint._meta.db_table)
        statements.append(
            (
                f"INSERT INTO {prints} (article_id, signature, shingle_count, event_key_count) "
                f"VALUES (%s, %s, %s, %s)",
                [article_id, *fingerprint_row(found), event_key_count],
            )
        )
    if keys:
        table = quote(ArticleBand._meta.db_table)
        statements.append(
            (
                f"INSERT INTO {table} (article_id, band) SELECT %s, {_each_key(connection)}",
                [article_id, _key_list(connection, sorted(keys))],
            )
        )
    if len(statements) == 2 and connection.vendor == "postgresql":
        (first, first_params), (second, second_params) = statements
        statements = [(f"WITH written AS ({first}) {second}", first_params + second_params)]
    with _filing_cursor(connection) as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)


def fingerprint_row(found: Fingerprint | None) -> tuple[bytes | None, int]:
    """A fingerprint's stored signature and shingle count (none for no words)."""
    return (found.to_bytes(), found.shingle_count) if found else (None, 0)


def _filing_cursor(connection):
    """A cursor for the statements every filed article runs (its keys, its
    lookup). On PostgreSQL they are prepared once a connection and bound on the
    server: planning the lookup anew for each article, and the driver spelling
    its arrays out as SQL text, cost more than running it (bench/RESULTS.md,
    twelfth session). Django leaves preparing off for connection poolers, and so
    does this where the settings say one pools transactions (no server-side
    cursors: a statement prepared on one server connection is unknown on the
    next). Through Django's wrapper, so errors, query logging and counts are as
    for any cursor. SQLite keeps its own cache of statements by their text."""
    if (
        connection.vendor != "postgresql"
        or connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
        # psycopg keeps no text of a statement it runs prepared, so Django would log
        # it as None: while queries are logged (DEBUG, a test capturing them), the
        # statements go through Django's own cursor and are logged with their text.
        or connection.queries_logged
    ):
        return connection.cursor()
    connection.ensure_connection()
    driver = connection.connection
    if driver.prepare_threshold is None:
        # Django turns psycopg's preparing off; this cursor alone asks for it
        # (Django's own cursors bind on the client and never prepare).
        driver.prepare_threshold = NEVER_BY_COUNT
    # What Django's own cursor() does with the driver's cursor once queries are not
    # logged (BaseDatabaseWrapper._prepare_cursor), by its public methods.
    connection.validate_thread_sharing()
    return connection.make_cursor(_prepared_cursor_class()(driver))


# psycopg prepares a statement once it has run this many times: never, but when asked.
NEVER_BY_COUNT = 2**62


@cache
def _prepared_cursor_class():
    """Django's server-binding psycopg cursor, always preparing what it runs
    (psycopg keeps a connection's prepared statements by their text and types)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparedCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparedCursor


def _each_key(connection) -> str:
    """The rows of a list of keys passed as one parameter (_key_list)."""
    if connection.vendor == "postgresql":
        return "unnest(%s::bigint[])"
    return "value FROM json_each(%s)"


def _among_keys(connection) -> str:
    """A condition: among a list of keys passed as one parameter (_key_list)."""
    if connection.vendor == "postgresql":
        return "= ANY(%s::bigint[])"
    return "IN (SELECT value FROM json_each(%s))"


def _key_list(connection, keys: list[int]):
    """Keys as one parameter: an array (PostgreSQL) or a JSON list (SQLite)."""
    return keys if connection.vendor == "postgresql" else json.dumps(keys)


@dataclass(frozen=True)
class Neighbours:
    """The stored articles that share keys with one article: the candidate copies
    (the most sharing band keys first) with their fingerprints and dates; of those
    within EVENT_DAYS sharing event keys, the ones that could pass the event rule
    (how many keys they share, and how many days apart they are); the evidence
    (documents, weighed tags) of those, and the article's own."""

    copies: list[int]
    events: dict[int, int]
    days_apart: dict[int, int]
    prints: dict[int, tuple[Fingerprint, dt.date | None]] = field(default_factory=dict)
    evidence: dict[int, set[tuple[str, int]]] = field(default_factory=dict)
    key_counts: dict[int, int] = field(default_factory=dict)
    # The event candidates' stories (id, curated); none for one in no story.
    stories: dict[int, tuple[int, bool]] = field(default_factory=dict)
    own: set[tuple[str, int]] = field(default_factory=set)


def neighbours(
    article: Article,
    found: Fingerprint | None,
    events: set[str],
    *,
    unstored: Unstored | None = None,
) -> Neighbours:
    """One statement for all the event and copy rules ask of the archive (filing
    an article asked it three to four times, a round trip each): the
    MAX_CANDIDATES articles sharing most of its band keys, counted and ranked by
    the database and read with their fingerprints (a band key held by more than
    BAND_HOLDERS articles is passed over: see there); of the MAX_EVENT_CANDIDATES
    articles holding most of its event keys as they would read on each day around
    its own, those that could pass the event rule, with their evidence; and its
    own evidence. An article not written yet (`unstored`) has
    no keys or relations stored: its evidence is read by the ids it will hold."""
    bands = sorted(found.band_keys()) if found else []
    probes = _event_probes(article, events)
    if not bands and not probes:
        return Neighbours([], {}, {})
    connection = connections[ArticleBand.objects.db]
    sql, params = _neighbours_sql(connection, article.pk or 0, bands, probes, unstored)
    with _filing_cursor(connection) as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    shared: dict[int, int] = {}
    prints: dict[int, tuple[Fingerprint, dt.date | None]] = {}
    sharing: dict[int, int] = {}
    days_apart: dict[int, int] = {}
    evidence: dict[int, set[tuple[str, int]]] = defaultdict(set)
    own: set[tuple[str, int]] = set()
    key_counts: dict[int, int] = {}
    stories_of: dict[int, tuple[int, bool]] = {}
    for (
        kind,
        article_id,
        number,
        extra,
        label,
        signature,
        count,
        published_on,
        story_id,
        is_curated,
    ) in rows:
        if kind == _COPY:
            shared[article_id] = number
            published = _as_date(published_on)
            prints[article_id] = (Fingerprint.from_bytes(signature, count), published)
        elif kind == _EVENT:
            sharing[article_id] = number
            key_counts[article_id] = count or 0
            # An article's event keys are all of its own day: any one gives the days apart.
            days_apart[article_id] = probes[extra]
            if story_id is not None:
                stories_of[article_id] = (story_id, bool(is_curated))
        elif kind == _OWN:
            own.add((label, number))
        else:
            evidence[article_id].add((label, number))
    copies = sorted(shared, key=lambda pk: (-shared[pk], pk))
    found_evidence = {pk: evidence[pk] for pk in sharing}
    return Neighbours(
        copies, sharing, days_apart, prints, found_evidence, key_counts, stories_of, own
    )


# How the neighbours statement marks its kinds of rows.
_COPY, _EVENT, _THING, _OWN = 0, 1, 2, 3


def _neighbours_sql(
    connection,
    article_id: int,
    bands: list[int],
    probes: dict[int, int],
    unstored: Unstored | None,
) -> tuple[str, list]:
    """The statement `neighbours` runs, and its parameters. Columns: kind,
    article, a number (shared keys, or a document's or tag's id), the event rows'
    key, the evidence's kind, the copies' fingerprint and date, and the event
    candidates' story and whether a curator made it."""
    sql = _neighbours_text(connection.alias, len(bands), bool(probes), unstored is None)
    params: list = []
    if bands:
        params += [bands] if connection.vendor == "postgresql" else bands
    if probes:
        params += _event_params(connection, article_id, probes, unstored)
    if bands:
        params.append(article_id)
    return sql, params


# Its text is the same for every article of one shape (how many band keys, whether
# it has event keys, whether it is stored): made once, where making it for each
# article cost a fair part of the lookup.
@cache
def _neighbours_text(alias: str, band_count: int, has_probes: bool, stored: bool) -> str:
    """The neighbours statement for articles of one shape on the database `alias`:
    its CTEs, then the parts they feed (parameters in that order)."""
    connection = connections[alias]
    ctes, parts = [], []
    if band_count:
        band_ctes, band_part = _copies_sql(connection, band_count, stored=stored)
        ctes += band_ctes
        parts.append(band_part)
    if has_probes:
        event_ctes, event_parts = _events_sql(connection, stored=stored)
        ctes += event_ctes
        parts += event_parts
    # Unwrapped: PostgreSQL types the later rows' NULLs from the first's columns only
    # in the union itself (a subquery would make them text).
    return f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts)


def _copies_sql(connection, band_count: int, *, stored: bool) -> tuple[list[str], str]:
    """The candidate copies' part of the neighbours statement (its parameters: the
    band keys, as one array on PostgreSQL and one each on SQLite, then the
    article's number). Each band key's holders are read up to BAND_HOLDERS + 1
    (an index range each, so a key half the archive shares costs no more than a
    rare one), a key with more is dropped, and the rest are counted and ranked
    per article in the database: the importer read every shared key row before
    (thousands at 100k on the generated corpus). The article's own keys count
    among the holders: an article not written yet (`stored` false) is one holder
    the table lacks."""
    quote = connection.ops.quote_name
    keys = quote(ArticleBand._meta.db_table)
    holders_allowed = BAND_HOLDERS if stored else BAND_HOLDERS - 1
    if connection.vendor == "postgresql":
        # One subplan for every key: a union of 40 took PostgreSQL 1-2 ms to plan.
        holders = (
            f"SELECT wanted.band, h.article_id FROM unnest(%s::bigint[]) AS wanted(band) "
            f"CROSS JOIN LATERAL (SELECT article_id FROM {keys} WHERE band = wanted.band "
            f"LIMIT {holders_allowed + 1}) AS h"
        )
    else:
        holders = " UNION ALL ".join(
            f"SELECT * FROM (SELECT band, article_id FROM {keys} WHERE band = %s "
            f"LIMIT {holders_allowed + 1}) AS k{number}"
            for number in range(band_count)
        )
    ctes = [
        f"held AS ({holders})",
        f"useful AS (SELECT band FROM held GROUP BY band HAVING COUNT(*) <= {holders_allowed})",
    ]
    part = (
        f"SELECT {_COPY} AS kind, ranked.article_id, ranked.shared AS number, NULL AS extra, "
        f"NULL AS label, f.signature, f.shingle_count, a.published_on, "
        f"NULL AS story_id, NULL AS is_curated FROM ("
        f"SELECT article_id, COUNT(*) AS shared FROM held "
        f"WHERE band IN (SELECT band FROM useful) AND article_id <> %s "
        f"GROUP BY article_id ORDER BY shared DESC, article_id "
        f"LIMIT {MAX_CANDIDATES}) AS ranked "
        f"JOIN {quote(ArticleFingerprint._meta.db_table)} f ON f.article_id = ranked.article_id "
        f"JOIN {quote(Article._meta.db_table)} a ON a.id = ranked.article_id"
    )
    return ctes, part


def _events_sql(connection, *, stored: bool) -> tuple[list[str], list[str]]:
    """The event candidates' part of the neighbours statement: its CTEs (their
    parameters: _event_params) and its parts (which take none). Of the
    MAX_EVENT_CANDIDATES holding most of the article's probes, only those that
    could pass even sharing all of its evidence (`reaching`: their shared keys,
    the days apart their keys read, the article's own weight) have their evidence
    read: most share a key or two and fall short (best_event_match's rule)."""
    quote = connection.ops.quote_name
    keys = quote(ArticleBand._meta.db_table)
    own = _own_evidence_sql(connection, stored=stored)
    threshold = " ".join(
        f"WHEN p.band {_among_keys(connection)} THEN {EVENT_SCORE + DAY_PENALTY * days!r}"
        for days in range(EVENT_DAYS)
    )
    threshold = f"CASE {threshold} ELSE {EVENT_SCORE + DAY_PENALTY * EVENT_DAYS!r} END"
    weight = " ".join(
        f"WHEN {_literal(kind)} THEN {value!r}" for kind, value in EVENT_WEIGHTS.items()
    )
    ctes = [
        f"probed AS (SELECT article_id, COUNT(*) AS shared, MIN(band) AS band FROM {keys} "
        f"WHERE band {_among_keys(connection)} AND article_id <> %s "
        f"GROUP BY article_id ORDER BY shared DESC, article_id LIMIT {MAX_EVENT_CANDIDATES})",
        f"own (label, number) AS ({own})",
        f"reaching AS (SELECT p.article_id, p.shared, p.band FROM probed p WHERE "
        f"(SELECT COALESCE(SUM(CASE label {weight} ELSE 0 END), 0) FROM own) "
        f"+ {KEY_WEIGHT!r} * p.shared >= {threshold})",
    ]
    articles = quote(Article._meta.db_table)
    among = "(SELECT article_id FROM reaching)"
    parts = [
        # Each one's count of event keys (Evidence.key_count), story and whether it
        # is curated, so a match is weighed and placed unread.
        f"SELECT {_EVENT}, p.article_id, p.shared, p.band, NULL, NULL, f.event_key_count, "
        f"NULL, a.story_id, s.is_curated FROM reaching p "
        f"JOIN {articles} a ON a.id = p.article_id "
        f"LEFT JOIN {quote(ArticleFingerprint._meta.db_table)} f "
        f"ON f.article_id = p.article_id "
        f"LEFT JOIN {quote(Story._meta.db_table)} s ON s.id = a.story_id",
        f"SELECT {_OWN}, NULL, number, NULL, label, NULL, NULL, NULL, NULL, NULL FROM own",
        f"SELECT {_THING}, article_id, agreement_id, NULL, 'agreement', NULL, NULL, NULL, "
        f"NULL, NULL FROM {quote(Mention._meta.db_table)} WHERE article_id IN {among}",
        f"SELECT {_THING}, t.article_id, t.tag_id, NULL, g.kind, NULL, NULL, NULL, NULL, NULL "
        f"FROM {quote(Article.tags.through._meta.db_table)} t "
        f"JOIN {quote(Article.tags.field.related_model._meta.db_table)} g ON g.id = t.tag_id "
        f"WHERE t.article_id IN {among} AND g.kind IN ({_weighed_kinds()})",
    ]
    return ctes, parts


def _event_params(
    connection, article_id: int, probes: dict[int, int], unstored: Unstored | None
) -> list:
    """The parameters of the event CTEs: the probes, the article's number, its own
    evidence's, and the probes of each number of days apart below EVENT_DAYS."""
    if unstored is None:
        own = [article_id, article_id]
    else:
        own = [
            _key_list(connection, sorted(unstored.agreement_ids)),
            _key_list(connection, sorted(unstored.tag_ids)),
        ]
    by_days = [
        _key_list(connection, sorted(key for key, apart in probes.items() if apart == days))
        for days in range(EVENT_DAYS)
    ]
    return [_key_list(connection, sorted(probes)), article_id, *own, *by_days]


def _weighed_kinds() -> str:
    """The tag kinds the event rule weighs, as SQL strings. They are this module's
    constants, written into the text: as parameters, binding them cost each lookup
    more than the rows they spare."""
    return ", ".join(_literal(kind) for kind in EVENT_WEIGHTS if kind != "agreement")


def _own_evidence_sql(connection, *, stored: bool) -> str:
    """The article's own documents and weighed tags as (label, number) rows: its
    stored relations (the article's number twice), or those it will hold when not
    written yet (its documents' ids, then its tags', each as one list)."""
    quote = connection.ops.quote_name
    tags = quote(Article.tags.field.related_model._meta.db_table)
    if not stored:
        return (
            f"SELECT 'agreement', {_each_key(connection)} UNION ALL "
            f"SELECT kind, id FROM {tags} WHERE id {_among_keys(connection)} "
            f"AND kind IN ({_weighed_kinds()})"
        )
    return (
        f"SELECT 'agreement', agreement_id FROM {quote(Mention._meta.db_table)} "
        f"WHERE article_id = %s UNION ALL "
        f"SELECT g.kind, t.tag_id FROM {quote(Article.tags.through._meta.db_table)} t "
        f"JOIN {tags} g ON g.id = t.tag_id WHERE t.article_id = %s "
        f"AND g.kind IN ({_weighed_kinds()})"
    )


def _literal(constant: str) -> str:
    """One of this module's constants as an SQL string (never text from outside)."""
    return "'" + constant.replace("'", "''") + "'"


def _as_date(value) -> dt.date | None:
    """A date column read by a raw cursor: a date (PostgreSQL) or its ISO text (SQLite)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _event_probes(article: Article, events: set[str]) -> dict[int, int]:
    """Each event key as it reads on each day within EVENT_DAYS, to the days apart."""
    day = article.published_on
    return {
        key_number(key, day + dt.timedelta(days=offset)): abs(offset)
        for key in events
        for offset in range(-EVENT_DAYS, EVENT_DAYS + 1)
    }


def is_copy(mine: Fingerprint, theirs: Fingerprint) -> bool:
    similarity = mine.similarity(theirs)
    if similarity >= COPY_SIMILARITY:
        return True
    return similarity >= CUT_COPY_SIMILARITY and mine.containment(theirs) >= COPY_CONTAINMENT


def _copies_of(article: Article, found: Fingerprint, near: Neighbours) -> list[Article]:
    """The candidates of `near` whose text `article` nearly copies, or that copy it."""
    matching = [
        pk
        for pk in near.copies
        if _near_in_time(article.published_on, near.prints[pk][1])
        and is_copy(found, near.prints[pk][0])
    ]
    if not matching:
        return []
    rows = Article.objects.filter(pk__in=matching).select_related("story")
    return list(rows.defer("original", "body"))


def _near_in_time(day: dt.date | None, other: dt.date | None) -> bool:
    """Copies run within COPY_DAYS of each other: an official text that reads the
    same a year later (a commission's annual communiqué) reports another meeting."""
    return day is None or other is None or abs((day - other).days) <= COPY_DAYS


def _versions(article: Article, copies: list[Article]) -> dict[int | None, Article]:
    """The versions of one text that `article` and its copies make, by number
    (None for an article not written yet): the copies, their originals and the
    article. Copies a curator moved into a story of their own are left where
    they are, and out of `copies`, unless every one is (none then)."""
    free = [copy for copy in copies if not (copy.story and copy.story.is_curated)]
    if not free:
        return {}
    roots = {copy.copy_of_id for copy in free if copy.copy_of_id}
    stored_roots = Article.objects.filter(pk__in=roots).defer("original", "body")
    copies[:] = free
    return {a.pk: a for a in [article, *free, *stored_roots]}


def _point_at_earliest(versions: dict[int, Article]) -> None:
    """Every version points at the earliest one, which points at none."""
    earliest = min(versions.values(), key=_publication_order)
    for version in versions.values():
        wanted = None if version.pk == earliest.pk else earliest.pk
        if version.copy_of_id != wanted:
            version.copy_of_id = wanted
            Article.objects.filter(pk=version.pk).update(copy_of=wanted)
    pointing = Article.objects.filter(copy_of__in=versions.keys()).exclude(pk=earliest.pk)
    pointing.exclude(copy_of=earliest.pk).update(copy_of=earliest.pk)


def _publication_order(article: Article) -> tuple:
    """Earliest first, undated last, then the first stored (one not written yet
    last: it will be numbered after every article it can see)."""
    return (
        article.published_on is None,
        article.published_on or dt.date.min,
        article.pk is None,
        article.pk or 0,
    )


# ------------------------------------------------------------------ events


def _story_for(
    article: Article, copies: list[Article], events: set[str], near: Neighbours
) -> tuple[Story | None, Article | None]:
    """The story `article` belongs in, and the article of another event report
    that joins it: its copies' story, else the best event match's (a new story
    when the match has none); None when it stands alone."""
    for copy in sorted(copies, key=_publication_order):
        if copy.story_id:
            return copy.story, None
    match = best_event_match(article, events, near)
    if match is not None:
        return match.story or Story(), match
    return (Story() if copies else None), None


def best_event_match(article: Article, events: set[str], near: Neighbours) -> Article | None:
    """The stored article that most surely reports the event `article` reports:
    among those sharing its names and figures within EVENT_DAYS, the best scored
    of those that pass."""
    shared, days_apart = near.events, near.days_apart
    if not shared:
        return None
    # Only candidates that could pass sharing all of its evidence are here
    # (neighbours leaves out the rest, unread).
    mine = Evidence(near.own, len(events))
    passing = []
    for pk, count in shared.items():
        threshold = EVENT_SCORE + DAY_PENALTY * days_apart[pk]
        theirs = Evidence(near.evidence[pk], near.key_counts[pk])
        score = mine.shared_score(theirs, count)
        if score >= threshold and mine.covered(theirs, score):
            passing.append((score, -pk))
    if not passing:
        return None
    best = -max(passing)[1]
    # What placing it needs of it: its number and its story's (articles.stories._join).
    match = Article(pk=best)
    if best in near.stories:
        story_id, curated = near.stories[best]
        match.story = Story(pk=story_id, is_curated=curated)
    return match


@dataclass(frozen=True)
class Evidence:
    """What an article reports, for the event rule: its documents and weighed tags,
    and how many event keys (names, figures) it holds."""

    things: set[tuple[str, int]]
    key_count: int

    @cached_property
    def total(self) -> float:
        return _weight(self.things) + KEY_WEIGHT * self.key_count

    def shared_score(self, other: Evidence, shared_keys: int) -> float:
        return _weight(self.things & other.things) + KEY_WEIGHT * shared_keys

    def covered(self, other: Evidence, score: float) -> bool:
        """What both report is a good part of what the one reporting less reports:
        one name and one place in common is not yet one event."""
        smaller = min(self.total, other.total)
        return smaller > 0 and score >= EVENT_COVERAGE * smaller


def evidence_of(article_ids: Iterable[int]) -> dict[int, set[tuple[str, int]]]:
    """Each article's documents and the tags that weigh (not topics) as (kind, id)
    pairs: one statement for all."""
    ids = list(article_ids)
    text = models.CharField()
    documents = (
        Mention.objects.filter(article__in=ids)
        .order_by()
        .annotate(kind=models.Value("agreement", output_field=text))
        .values_list("article", "kind", "agreement")
    )
    weighed = [kind for kind in EVENT_WEIGHTS if kind != "agreement"]
    tags = Article.tags.through.objects.filter(article__in=ids, tag__kind__in=weighed).order_by()
    found: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for article_id, kind, value in documents.union(
        tags.values_list("article", "tag__kind", "tag"), all=True
    ):
        found[article_id].add((kind, value))
    return {pk: found[pk] for pk in ids}


def _weight(things: set[tuple[str, int]]) -> float:
    return sum(EVENT_WEIGHTS.get(kind, 0.0) for kind, _ in things)


# ------------------------------------------------------------------ membership


def _in_curated_story(article: Article) -> bool:
    return (
        article.story_id is not None
        and Story.objects.filter(pk=article.story_id, is_curated=True).exists()
    )


def _join(story: Story, articles: list[Article], *, existing: bool | None = None) -> None:
    """Put `articles` in `story`, with the stories they leave emptied of them;
    an article in a curated story stays there. `existing`: whether the story
    held articles before (a story place_new made is saved already, empty)."""
    if existing is None:
        existing = story.pk is not None
    if story.pk is None:
        story.save()
    movable = [
        a for a in articles if not (a.story and a.story.is_curated and a.story_id != story.pk)
    ]
    left = {a.story_id for a in movable if a.story_id and a.story_id != story.pk}
    moving = [a.pk for a in movable if a.story_id != story.pk]
    if moving:
        Article.objects.filter(pk__in=moving).update(story=story)
    for article in movable:
        article.story = story
    if not left and (existing or len(movable) >= 2):
        # It holds two articles or more: its title and first date follow the
        # earliest, in one statement (refresh_stories reads them all, three).
        _retitle(story.pk)
        return
    # A story the copies leave follows them whole: copies are never split by the importer.
    Article.objects.filter(story__in=left, story__is_curated=False).update(story=story)
    refresh_stories([story.pk, *left])


def _retitle(story_id: int) -> None:
    """The story's title and first date are its earliest article's
    (_publication_order: earliest first, undated last, then the first stored).
    Its statement's text is made once: Django compiling the update's two
    subqueries for each filed article cost far more than running it."""
    connection = connections[Story.objects.db]
    with _filing_cursor(connection) as cursor:
        cursor.execute(_retitle_sql(connection.vendor), [story_id, story_id, story_id])


@cache
def _retitle_sql(vendor: str) -> str:
    """_retitle's statement for a database of this kind; the story's id three times."""
    quote = connections[Story.objects.db].ops.quote_name
    earliest = (
        f"FROM {quote(Article._meta.db_table)} WHERE story_id = %s "
        f"ORDER BY published_on ASC NULLS LAST, id ASC LIMIT 1"
    )
    return (
        f"UPDATE {quote(Story._meta.db_table)} "
        f"SET title = SUBSTR((SELECT title {earliest}), 1, 500), "
        f"first_published = (SELECT published_on {earliest}) WHERE id = %s"
    )


def _leave_groups(article: Article) -> None:
    """A changed article outside a curated story is placed afresh: out of its
    story and no longer the version its copies point at."""
    if article.story_id:
        old = article.story_id
        Article.objects.filter(pk=article.pk).update(story=None, copy_of=None)
        article.story, article.story_id, article.copy_of_id = None, None, None
        refresh_stories([old])
    reroot_copies_of([article.pk])


def reroot_copies_of(article_ids: Iterable[int], *, among: models.QuerySet | None = None) -> None:
    """The copies of these articles (those `among`, when given) point at the
    earliest of themselves instead."""
    rows = Article.objects.all() if among is None else among
    for original in article_ids:
        copies = sorted(
            rows.filter(copy_of=original).defer("original", "body"), key=_publication_order
        )
        if not copies:
            continue
        first, *rest = copies
        Article.objects.filter(pk=first.pk).update(copy_of=None)
        Article.objects.filter(pk__in=[a.pk for a in rest]).update(copy_of=first.pk)


def refresh_stories(story_ids: Iterable[int]) -> None:
    """Each story's title and first date follow its earliest article; a story the
    importer made that holds one article or none is dissolved (a curator's stays)."""
    for story in Story.objects.filter(pk__in=set(story_ids)):
        members = Article.objects.filter(story=story).defer("original", "body")
        if len(members) < 2 and not story.is_curated:
            members.update(story=None)
            story.delete()
            continue
        if not members:
            continue
        earliest = min(members, key=_publication_order)
        Story.objects.filter(pk=story.pk).update(
            title=earliest.title[:500], first_published=earliest.published_on
        )


# ------------------------------------------------------------------ curators


def join_stories(articles: Iterable[Article]) -> Story:
    """A curator's join: `articles` become one curated story (the one most of them
    are in already, then the largest, then the first made; or a new one); stories
    they leave stay curated too, as the curator saw them."""
    chosen = list(articles)
    with transaction.atomic():
        held = {a.story_id for a in chosen if a.story_id}
        sizes = dict(
            Article.objects.filter(story__in=held)
            .values("story")
            .annotate(count=models.Count("*"))
            .values_list("story", "count")
        )
        chosen_in = Counter(a.story_id for a in chosen if a.story_id)

        def preference(pk: int) -> tuple:
            return (chosen_in[pk], sizes[pk], -pk)

        target = Story.objects.get(pk=max(sizes, key=preference)) if sizes else Story()
        target.is_curated = True
        target.save()
        moved = [a.pk for a in chosen]
        Article.objects.filter(pk__in=moved).update(story=target)
        Story.objects.filter(pk__in=held - {target.pk}).update(is_curated=True)
        _copies_within_stories(moved)
        _drop_empty(held - {target.pk})
        refresh_stories([target.pk, *held])
    return target


def split_story(article: Article) -> Story:
    """A curator's split: `article` leaves its story for a curated story of its own,
    which a re-import keeps it in; the story it left is curated as it now stands."""
    with transaction.atomic():
        left = article.story_id
        alone = Story.objects.create(is_curated=True)
        Article.objects.filter(pk=article.pk).update(story=alone, copy_of=None)
        Story.objects.filter(pk=left).update(is_curated=True)
        reroot_copies_of([article.pk])
        _drop_empty({left} - {None})
        refresh_stories([alone.pk, left] if left else [alone.pk])
    return alone


def _copies_within_stories(article_ids: list[int]) -> None:
    """After a move, no article copies one in another story: a moved copy stops
    pointing across, and the copies of a moved original point at the earliest of
    themselves."""
    moved = Article.objects.filter(pk__in=article_ids).exclude(copy_of=None)
    across = moved.exclude(copy_of__story=models.F("story")).values_list("pk", flat=True)
    Article.objects.filter(pk__in=list(across)).update(copy_of=None)
    stranded = Article.objects.filter(copy_of__in=article_ids).exclude(
        story=models.F("copy_of__story")
    )
    reroot_copies_of(set(stranded.values_list("copy_of", flat=True)), among=stranded)


def _drop_empty(story_ids: set[int]) -> None:
    Story.objects.filter(pk__in=story_ids).exclude(
        models.Exists(Article.objects.filter(story=models.OuterRef("pk")))
    ).delete()
